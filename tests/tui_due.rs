//! Review on a schedule in the TUI: Home counts what is due today, `d`
//! offers the due questions before any weighted draw, and answering one
//! takes it off today's count. Fixed clock (2026-11-23 10:00 UTC), no
//! terminal.

mod tui_support;

use barraiser::tui::{App, Screen};
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

/// An app whose store holds a poor answer to `earn_trust-01` three days
/// before the clock (again: due after one day, so overdue) and a good one
/// to `frugality-01` the day before (good: three days, not due yet).
fn app_with_one_due(dir: &std::path::Path) -> App {
    let mut app = app(dir);
    let three_days_ago = -3 * 24 * 60 + 60; // fixed_record counts from 09:00
    app.store
        .save(record_for("earn_trust", three_days_ago, 30.0))
        .unwrap();
    let yesterday = -24 * 60 + 60;
    app.store
        .save(record_for("frugality", yesterday, 80.0))
        .unwrap();
    app.refresh_stats();
    app
}

fn drawn(app: &App) -> &barraiser::tui::Drawn {
    match &app.screen {
        Screen::Drawn(d) => d,
        other => panic!("expected Drawn, got {other:?}"),
    }
}

#[test]
fn home_shows_how_many_questions_are_due_today() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_one_due(dir.path());
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("1 due today: d draws them first"), "{text}");
}

#[test]
fn home_names_the_next_review_day_when_nothing_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.store.save(record_for("frugality", 0, 80.0)).unwrap();
    app.refresh_stats();
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("0 due today · next review Thu 26 Nov"),
        "{text}"
    );
}

#[test]
fn d_draws_the_due_question_first_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_one_due(dir.path());
    press(&mut app, KeyCode::Char('d'));
    let d = drawn(&app);
    assert_eq!(d.question.as_str(), "earn_trust-01");
    assert_eq!(d.reason, "due for review");
    assert!(screen_text(&app, 80, 24).contains("due for review"));
    // Ctrl-N: nothing else is due, so the weighted draw takes over.
    ctrl(&mut app, 'n');
    let d = drawn(&app);
    assert_ne!(d.question.as_str(), "earn_trust-01");
    assert_ne!(d.reason, "due for review");
}

#[test]
fn answering_the_due_question_takes_it_off_todays_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_one_due(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Report(_)));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(app.due_today(), 0);
    assert!(screen_text(&app, 80, 24).contains("0 due today"));
}
