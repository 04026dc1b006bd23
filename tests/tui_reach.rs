//! Reaching things without the arrow keys (issue 13, item 5): a click
//! selects the row drawn under it in Review (attempts grouped) and in
//! Home's drafts, and the ends of the long scrolling views are one key
//! away. Driven through `App::update` and the mouse mapping.

mod tui_support;

use barraiser::tui::{App, Blind, Screen, on_mouse};
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use tui_support::*;

/// A left click at `column`, `row` of an 80×24 terminal.
fn click(app: &mut App, column: u16, row: u16) {
    let event = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    if let Some(msg) = on_mouse(app, event, Rect::new(0, 0, 80, 24)) {
        app.update(msg);
    }
}

/// The screen's row `n` as drawn at 80×24.
fn row(app: &App, n: usize) -> String {
    screen_text(app, 80, 24).lines().nth(n).unwrap().to_owned()
}

#[test]
fn a_click_selects_the_review_row_drawn_under_it_among_grouped_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.store.save(fixed_record(0, 41.0)).unwrap();
    app.store.save(record_for("frugality", 30, 50.0)).unwrap();
    app.store.save(fixed_record(60, 58.0)).unwrap();
    app.store.save(record_for("ownership", 90, 66.0)).unwrap();
    app.store.save(fixed_record(120, 72.0)).unwrap();
    press(&mut app, KeyCode::Char('r'));
    // Border, query line, column header: the rows start on screen row 3.
    // Row 5 is the third: the earliest of the grouped attempts (41).
    click(&mut app, 20, 5);
    let Screen::Review(list) = &app.screen else {
        panic!("expected Review, got {:?}", app.screen);
    };
    assert_eq!(list.selected, 2);
    assert!((app.store.summaries()[list.rows[2]].total - 41.0).abs() < 1e-9);
    let clicked = row(&app, 5);
    assert!(clicked.contains('▸') && clicked.contains("41"), "{clicked}");
    // The header and the rows past the last select nothing.
    click(&mut app, 20, 2);
    click(&mut app, 20, 12);
    let Screen::Review(list) = &app.screen else {
        panic!("expected Review");
    };
    assert_eq!(list.selected, 2);
}

#[test]
fn a_click_selects_the_home_draft_drawn_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    for (n, words) in ["first draft", "second draft"].into_iter().enumerate() {
        start_practice(&mut app);
        type_text(&mut app, words);
        tick(&mut app, 10 * (n as u64 + 1));
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.home.selected, 0);
    let screen = screen_text(&app, 80, 24);
    let heading = screen
        .lines()
        .position(|l| l.contains("2 drafts kept"))
        .unwrap_or_else(|| panic!("{screen}"));
    click(&mut app, 10, u16::try_from(heading + 2).unwrap());
    assert_eq!(app.home.selected, 1);
    assert!(row(&app, heading + 2).contains('▸'));
    assert!(!row(&app, heading + 1).contains('▸'));
    // The heading itself selects nothing.
    click(&mut app, 10, u16::try_from(heading).unwrap());
    assert_eq!(app.home.selected, 1);
    click(&mut app, 10, u16::try_from(heading + 1).unwrap());
    assert_eq!(app.home.selected, 0);
}

/// The screen at 80×24, the size the app assumes until the loop tells it.
fn shown(app: &App) -> String {
    screen_text(app, 80, 24)
}

#[test]
fn ctrl_end_and_ctrl_home_reach_the_last_screenful_and_the_top_of_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    let scroll = |app: &App| match &app.screen {
        Screen::Report(r) => r.scroll,
        other => panic!("expected Report, got {other:?}"),
    };
    let top = shown(&app);
    // Plain End belongs to the follow-up field.
    press(&mut app, KeyCode::End);
    assert_eq!(scroll(&app), 0);
    press_with(&mut app, KeyCode::End, KeyModifiers::CONTROL);
    assert!(scroll(&app) > 0);
    let end = shown(&app);
    assert_ne!(end, top);
    // The last screenful: further down shows nothing new, and one page up
    // moves at once (the scroll is not parked past the end).
    press(&mut app, KeyCode::PageDown);
    assert_eq!(shown(&app), end);
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::PageUp);
    assert_ne!(shown(&app), end);
    press_with(&mut app, KeyCode::Home, KeyModifiers::CONTROL);
    assert_eq!(scroll(&app), 0);
    assert_eq!(shown(&app), top);
}

#[test]
fn end_and_home_reach_the_last_screenful_and_the_top_of_an_open_answer() {
    for blind in [Blind::WhileGrading, Blind::UntilGraded] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        app.blind = blind;
        let mut record = fixed_record(0, 64.0);
        record.text = (1..=40)
            .map(|n| format!("Line {n} of a long answer."))
            .collect::<Vec<_>>()
            .join("\n");
        app.store.save(record).unwrap();
        press(&mut app, KeyCode::Char('r'));
        press(&mut app, KeyCode::Enter);
        let top = shown(&app);
        assert!(!top.contains("Line 40 of"), "{top}");
        press(&mut app, KeyCode::End);
        let end = shown(&app);
        assert!(end.contains("Line 40 of"), "{blind:?}: {end}");
        press(&mut app, KeyCode::Down);
        assert_eq!(shown(&app), end, "{blind:?}: End is the last screenful");
        press(&mut app, KeyCode::Up);
        press(&mut app, KeyCode::Up);
        assert_ne!(shown(&app), end, "{blind:?}: Up moves at once from the end");
        press(&mut app, KeyCode::Home);
        assert_eq!(shown(&app), top);
    }
}
