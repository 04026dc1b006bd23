//! The Questions screen as an interviewer drives it: opened from Home,
//! a table of how each answered question performs, sorted by
//! discrimination, mean or answers; Enter lists that question's answers,
//! then the usual detail and grading; Esc comes back to the table.

mod tui_support;

use barraiser::answer::Review;
use barraiser::tui::{App, QuestionSort, Screen};
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

fn graded(mut r: barraiser::answer::AnswerRecord, grade: u8) -> barraiser::answer::AnswerRecord {
    r.reviews.push(Review {
        reviewer: "dana".to_owned(),
        at: "2026-11-23T11:00:00Z".parse().unwrap(),
        grade: Some(grade),
        comment: String::new(),
    });
    r
}

/// `earn_trust-01`: three answers whose grades follow their totals
/// (discrimination 1); `frugality-01`: three whose grades run against
/// them (−1), with a higher mean; `dive_deep-01`: one answer, ungraded.
fn app_with_questions(dir: &std::path::Path) -> App {
    let mut app = app(dir);
    let answers = [
        ("earn_trust", 30.0, Some(2)),
        ("earn_trust", 50.0, Some(3)),
        ("earn_trust", 70.0, Some(4)),
        ("frugality", 60.0, Some(4)),
        ("frugality", 70.0, Some(3)),
        ("frugality", 80.0, Some(2)),
        ("dive_deep", 90.0, None),
    ];
    for (i, (p, total, grade)) in answers.iter().enumerate() {
        let r = record_for(p, i64::try_from(i).unwrap() * 10, *total);
        let r = match grade {
            Some(g) => graded(r, *g),
            None => r,
        };
        app.store.save(r).unwrap();
    }
    app.stats = app.store.stats();
    app
}

fn ids(app: &App) -> Vec<String> {
    screen!(app, Questions)
        .rows
        .iter()
        .map(|q| q.id.to_string())
        .collect()
}

#[test]
fn home_opens_questions_sorted_by_discrimination_then_mean_then_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_questions(dir.path());
    press(&mut app, KeyCode::Char('i'));
    assert_eq!(screen!(app, Questions).sort, QuestionSort::Discrimination);
    assert_eq!(ids(&app), ["earn_trust-01", "frugality-01", "dive_deep-01"]);
    let rows = &screen!(app, Questions).rows;
    assert!((rows[0].discrimination.unwrap() - 1.0).abs() < 1e-9);
    assert!((rows[1].discrimination.unwrap() + 1.0).abs() < 1e-9);
    assert_eq!(rows[2].discrimination, None, "unknown sorts last");
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(screen!(app, Questions).sort, QuestionSort::Mean);
    assert_eq!(ids(&app), ["dive_deep-01", "frugality-01", "earn_trust-01"]);
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(screen!(app, Questions).sort, QuestionSort::Answers);
    assert_eq!(ids(&app), ["earn_trust-01", "frugality-01", "dive_deep-01"]);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn enter_lists_the_questions_answers_then_detail_grading_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_questions(dir.path());
    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::Down); // frugality-01
    press(&mut app, KeyCode::Enter);
    let list = screen!(app, Review);
    assert_eq!(list.rows.len(), 3, "only that question's answers");
    for &i in &list.rows {
        assert_eq!(app.store.summaries()[i].question.as_str(), "frugality-01");
    }
    press(&mut app, KeyCode::Enter);
    let id = screen!(app, Detail).id.clone();
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Enter);
    let reviews = &app.store.get(&id).unwrap().reviews;
    assert_eq!(reviews.last().unwrap().grade, Some(5));
    press(&mut app, KeyCode::Esc);
    assert_eq!(screen!(app, Review).rows.len(), 3);
    press(&mut app, KeyCode::Esc);
    let view = screen!(app, Questions);
    assert_eq!(
        view.rows[view.selected].id.as_str(),
        "frugality-01",
        "back on the same question"
    );
    assert!(
        view.rows[view.selected].mean_grade.unwrap() > 3.0,
        "the new grade counts"
    );
}

#[test]
fn snapshots_of_the_questions_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_questions(dir.path());
    press(&mut app, KeyCode::Char('i'));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("questions_{w}x{h}"), render(&app, w, h).backend());
    }
    let empty = tempfile::tempdir().unwrap();
    let mut app = tui_support::app(empty.path());
    press(&mut app, KeyCode::Char('i'));
    insta::assert_snapshot!("questions_empty_80x24", render(&app, 80, 24).backend());
}
