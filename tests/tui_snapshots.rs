//! Every screen drawn into a `TestBackend` at 80×24 and 120×40, with a
//! fixed seed, clock and answer, compared with insta snapshots. Snapshots
//! carry no colour, so evidence highlighting is checked cell by cell in
//! `evidence_is_styled_green_for_gains_and_red_for_costs`.

mod tui_support;

use barraiser::score::SignalId;
use barraiser::tui::{App, Detail, ReportView, ReviewList, Screen};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// An app with a week of fixed answers over three principles.
fn app_with_history(dir: &std::path::Path) -> App {
    let mut app = app(dir);
    let history = [
        ("earn_trust", 35.0),
        ("frugality", 42.0),
        ("earn_trust", 58.0),
        ("dive_deep", 71.0),
        ("frugality", 38.0),
        ("earn_trust", 66.0),
        ("ownership", 80.0),
    ];
    for (i, (p, total)) in history.iter().enumerate() {
        let minutes = i64::try_from(i).unwrap() * 60;
        app.store.save(record_for(p, minutes, *total)).unwrap();
    }
    app.refresh_stats();
    app
}

#[test]
fn home_empty() {
    let dir = tempfile::tempdir().unwrap();
    snap("home_empty", &app(dir.path()));
}

#[test]
fn home_with_history() {
    let dir = tempfile::tempdir().unwrap();
    snap("home_with_history", &app_with_history(dir.path()));
}

#[test]
fn help_overlay() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('?'));
    snap("help", &app);
}

#[test]
fn pick() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Down);
    snap("pick", &app);
}

#[test]
fn search() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "trust");
    snap("search", &app);
}

#[test]
fn drawn() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    press(&mut app, KeyCode::Char('d'));
    snap("drawn", &app);
}

#[test]
fn practice_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    // Result → Story → Situation → Task.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    tick(&mut app, 61);
    snap("practice", &app);
}

#[test]
fn practice_time_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, SITUATION);
    tick(&mut app, 192);
    snap("practice_time_up", &app);
}

#[test]
fn report() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let record = fixed_record(0, 64.0);
    app.store.save(record.clone()).unwrap();
    app.screen = Screen::Report(Box::new(ReportView::new(
        record,
        "What would you do differently next time?".to_owned(),
    )));
    type_text(&mut app, "Check the diff before every release.");
    snap("report", &app);
}

#[test]
fn review_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Down);
    snap("review", &app);
}

#[test]
fn review_detail_with_mentor_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let record = fixed_record(0, 64.0);
    let id = record.id.clone();
    app.store.save(record).unwrap();
    app.store
        .add_review(
            &id,
            review(
                Some(3),
                "Good mechanism. Lead with your own miss, drop the ops line.",
            ),
        )
        .unwrap();
    let record = app.store.load(&id).unwrap();
    app.screen = Screen::Detail(Box::new(Detail::new(record, ReviewList::default())));
    press(&mut app, KeyCode::PageDown);
    snap("review_detail", &app);
}

#[test]
fn progress() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    press(&mut app, KeyCode::Char('s'));
    snap("progress", &app);
}

#[test]
fn too_small() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    insta::assert_snapshot!("too_small_50x12", render(&app, 50, 12).backend());
}

#[test]
fn report_after_an_answered_probe_shows_the_result_and_the_moved_total() {
    use barraiser::answer::FollowUp;
    use barraiser::score::{Probe, ProbeResult, SignalId};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let mut record = fixed_record(0, 64.0);
    let asked = "Why did that happen, and why was that possible?".to_owned();
    let scored: f64 = record.report.signals.iter().map(|s| s.points).sum();
    record.report.total = scored + 3.5;
    record.report.probe = Some(Probe {
        signal: Some(SignalId::RootCause),
        text: asked.clone(),
    });
    record.report.probe_result = Some(ProbeResult {
        answered: true,
        dodged: false,
    });
    record.follow_ups.push(FollowUp {
        probe: asked.clone(),
        answer: "The config diff was never shown in review, so nobody could catch it.".to_owned(),
    });
    app.screen = Screen::Report(Box::new(ReportView::new(record, asked)));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("probe answered · +3.5 · total"), "{text}");
    insta::assert_snapshot!("report_probe_answered", render(&app, 80, 24).backend());
}

#[test]
fn no_color_keeps_markers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.color = false;
    let record = fixed_record(0, 64.0);
    app.screen = Screen::Report(Box::new(ReportView::new(record, "Why?".to_owned())));
    let text = screen_text(&app, 120, 40);
    // Each stretch of evidence ends with its signal's number in the legend.
    assert!(
        text.contains("{+I didn't check the config diff[1]+}"),
        "{text}"
    );
    assert!(
        text.contains("{-The ops team missed the alert[4]-}"),
        "{text}"
    );
    assert!(
        text.contains("✓ earned [1] owns fault first +12.0"),
        "{text}"
    );
    assert!(text.contains("✗ [4] -8.0 blames others"), "{text}");
    let terminal = render(&app, 120, 40);
    let buf = terminal.backend().buffer();
    assert!(
        buf.content().iter().all(|c| c.fg == Color::Reset),
        "NO_COLOR: no colours at all"
    );
}

/// Finds `needle` on screen; the cell of its first character.
fn find(app: &App, needle: &str, width: u16, height: u16) -> (u16, u16) {
    let text = screen_text(app, width, height);
    for (y, row) in text.lines().enumerate() {
        if let Some(byte) = row.find(needle) {
            let x = row[..byte].chars().count();
            return (u16::try_from(x).unwrap(), u16::try_from(y).unwrap());
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn with_colour_evidence_has_numbers_but_no_markers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let record = fixed_record(0, 64.0);
    app.screen = Screen::Report(Box::new(ReportView::new(record, "Why?".to_owned())));
    let text = screen_text(&app, 120, 40);
    assert!(
        text.contains("I didn't check the config diff[1]."),
        "{text}"
    );
    assert!(!text.contains("{+") && !text.contains("{-"), "{text}");
}

#[test]
fn evidence_is_styled_green_for_gains_and_red_for_costs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.screen = Screen::Report(Box::new(ReportView::new(
        fixed_record(0, 64.0),
        "Why?".to_owned(),
    )));
    let (w, h) = (120, 40);
    let terminal = render(&app, w, h);
    let buf = terminal.backend().buffer();

    let (x, y) = find(&app, "I didn't check the config diff", w, h);
    for dx in 0..30 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(cell.fg, Color::Green, "gain at column {}", x + dx);
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
    }
    let (x, y) = find(&app, "The ops team missed the alert", w, h);
    for dx in 0..29 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(cell.fg, Color::Red, "cost at column {}", x + dx);
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
    }
    // Plain text around the evidence stays plain.
    let (x, y) = find(&app, "I owned the release", w, h);
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn the_countdown_turns_red_in_the_last_thirty_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    // The colour of the gauge's filled cells on the clock's row.
    let gauge_colour = |app: &App| {
        let (_, y) = find(app, " left", 80, 24);
        let terminal = render(app, 80, 24);
        let buf = terminal.backend().buffer();
        (0..80)
            .map(|x| &buf[(x, y)])
            .find(|cell| cell.symbol() == "█")
            .map(|cell| cell.fg)
    };
    tick(&mut app, 60);
    assert_eq!(gauge_colour(&app), Some(Color::Cyan));
    tick(&mut app, 155);
    assert!(screen_text(&app, 80, 24).contains("0:25 left"));
    assert_eq!(gauge_colour(&app), Some(Color::Red));
}

#[test]
fn home_with_a_draft_and_a_status_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_history(dir.path());
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, SITUATION);
    press(&mut app, KeyCode::Esc);
    snap("home_with_draft", &app);
}

#[test]
fn stories_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let told = [
        ("earn_trust", 35.0, "Black Friday schedule"),
        ("frugality", 42.0, "Black Friday schedule"),
        ("earn_trust", 58.0, "Black Friday schedule"),
        ("dive_deep", 71.0, "Black Friday schedule"),
        ("ownership", 80.0, "Black Friday schedule"),
        ("ownership", 66.0, "Pager rota"),
        ("customer_obsession", 49.0, "Pager rota"),
    ];
    for (i, (p, total, story)) in told.iter().enumerate() {
        let minutes = i64::try_from(i).unwrap() * 60;
        let mut r = record_for(p, minutes, *total);
        r.story = Some((*story).to_owned());
        app.store.save(r).unwrap();
    }
    app.refresh_stats();
    press(&mut app, KeyCode::Char('t'));
    snap("stories", &app);
}

#[test]
fn report_compared_with_the_last_attempt() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // The last attempt, an hour earlier: 41, a different set of signals.
    let mut before = fixed_record(-60, 41.0);
    before
        .report
        .signals
        .retain(|s| s.id != SignalId::ResultQuantified);
    before.report.signals.push(barraiser::score::SignalReport {
        id: SignalId::BlamesOthers,
        hit: true,
        applies: true,
        points: -8.0,
        evidence: Vec::new(),
        tip: "".into(),
    });
    app.store.save(before).unwrap();
    let record = fixed_record(0, 64.0);
    app.store.save(record.clone()).unwrap();
    let last = barraiser::attempts::previous(
        app.store.summaries(),
        &record.question.id,
        &record.id,
        record.created,
    )
    .unwrap();
    let delta = barraiser::attempts::delta(last, &record.report);
    app.screen = Screen::Report(Box::new(
        ReportView::new(
            record,
            "What would you do differently next time?".to_owned(),
        )
        .with_delta(Some(delta)),
    ));
    snap("report_compared", &app);
}

#[test]
fn review_groups_attempts_of_one_question_with_the_trend() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    for (minutes, total) in [(0, 41.0), (60, 58.0), (120, 72.0)] {
        app.store.save(fixed_record(minutes, total)).unwrap();
    }
    app.store.save(record_for("frugality", 90, 50.0)).unwrap();
    app.refresh_stats();
    press(&mut app, KeyCode::Char('r'));
    snap("review_grouped", &app);
}
