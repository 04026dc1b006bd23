//! Attempts that compare, as a person drives them: Ctrl-T on the Report
//! (or `a` on a saved answer) answers the same question again, and the new
//! report says per signal what changed since the last attempt and how the
//! total moved; Review groups one question's attempts under the newest
//! with the trend.

mod tui_support;

use barraiser::score::SignalId;
use barraiser::tui::Screen;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

macro_rules! screen {
    ($app:expr, $screen:ident) => {
        match &$app.screen {
            Screen::$screen(state) => state,
            other => panic!("expected {}, got {other:?}", stringify!($screen)),
        }
    };
}

fn hits(report: &barraiser::score::Report) -> Vec<SignalId> {
    report
        .signals
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.id)
        .collect()
}

#[test]
fn ctrl_t_answers_again_and_the_new_report_shows_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    // A thin first attempt, with a story.
    type_text(&mut app, "We had an outage. It got fixed.");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Checkout outage");
    ctrl(&mut app, 's');
    let first = screen!(app, Report).record.clone();
    assert!(
        screen!(app, Report).delta.is_none(),
        "nothing to compare yet"
    );
    ctrl(&mut app, 't');
    let again = screen!(app, Practice);
    assert_eq!(again.question.id, first.question.id, "the same question");
    assert_eq!(again.story, "Checkout outage", "the story carries over");
    assert!(again.star().is_empty(), "a fresh answer");
    tick(&mut app, 30);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    let view = screen!(app, Report);
    let second = &view.record;
    assert_ne!(second.id, first.id);
    assert_eq!(second.story.as_deref(), Some("Checkout outage"));
    let delta = view
        .delta
        .as_ref()
        .expect("compared with the first attempt");
    assert_eq!(delta.since, first.created);
    assert!((delta.previous_total - first.report.total).abs() < 1e-9);
    assert!((delta.change() - (second.report.total - first.report.total)).abs() < 1e-9);
    let (was, now) = (hits(&first.report), hits(&second.report));
    let gained: Vec<SignalId> = now.iter().copied().filter(|s| !was.contains(s)).collect();
    let lost: Vec<SignalId> = was.iter().copied().filter(|s| !now.contains(s)).collect();
    assert!(!gained.is_empty(), "the full answer fires more signals");
    let sorted = |mut v: Vec<SignalId>| {
        v.sort_by_key(|s| s.as_str());
        v
    };
    assert_eq!(sorted(delta.gained.clone()), sorted(gained));
    assert_eq!(sorted(delta.lost.clone()), sorted(lost));
    assert_eq!(
        delta.same.len(),
        now.iter().filter(|s| was.contains(s)).count()
    );
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("Since your last attempt"), "{text}");
}

#[test]
fn a_on_a_saved_answer_answers_its_question_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let mut r = fixed_record(0, 64.0);
    r.story = Some("Release train".to_owned());
    app.store.save(r.clone()).unwrap();
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    let p = screen!(app, Practice);
    assert_eq!(p.question.id, r.question.id);
    assert_eq!(p.story, "Release train");
}

#[test]
fn review_groups_a_questions_attempts_under_the_newest_with_the_trend() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.store.save(fixed_record(0, 41.0)).unwrap();
    app.store.save(record_for("frugality", 30, 50.0)).unwrap();
    app.store.save(fixed_record(60, 58.0)).unwrap();
    app.store.save(record_for("ownership", 90, 66.0)).unwrap();
    app.store.save(fixed_record(120, 72.0)).unwrap();
    press(&mut app, KeyCode::Char('r'));
    let list = screen!(app, Review);
    let totals: Vec<f64> = list
        .rows
        .iter()
        .map(|&i| app.store.summaries()[i].total)
        .collect();
    // Newest first; earn_trust's three attempts together under the newest.
    assert_eq!(totals, [72.0, 58.0, 41.0, 66.0, 50.0]);
    assert_eq!(list.trends[0].as_deref(), Some("3 attempts: 41 → 58 → 72"));
    assert_eq!(list.trends[1].as_deref(), Some(""));
    assert_eq!(list.trends[3], None);
    let text = screen_text(&app, 120, 40);
    assert!(text.contains("[3 attempts: 41 → 58 → 72]"), "{text}");
    assert!(text.contains("↳ earlier attempt"), "{text}");
    // Sorted by score, attempts stand alone.
    press(&mut app, KeyCode::Char('o'));
    let list = screen!(app, Review);
    assert!(list.trends.iter().all(Option::is_none));
}
