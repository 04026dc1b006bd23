//! The practice screen polished from use (issue 13, item 5): pasted notes
//! split by their STAR headings, running past the clock, drafts on Home,
//! evidence tied to its signal, an honest "weak", and the keys a person
//! reaches for (wheel, g/G, Ctrl-U/W). Driven through `App::update`.

mod tui_support;

use barraiser::tui::{Message, Screen, on_mouse};
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use tui_support::*;

fn practice(app: &barraiser::tui::App) -> &barraiser::tui::Practice {
    match &app.screen {
        Screen::Practice(p) => p,
        other => panic!("expected Practice, got {other:?}"),
    }
}

// Paste by headings

#[test]
fn a_pasted_answer_under_star_headings_fills_the_four_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let paste = format!(
        "Situation: {SITUATION}\r\nTask: {TASK}\r\nAction: {ACTION}\r\nResult: {RESULT}\r\n"
    );
    app.update(Message::Paste(paste));
    let star = practice(&app).star();
    assert_eq!(star.situation, SITUATION);
    assert_eq!(star.task, TASK);
    assert_eq!(star.action, ACTION);
    assert_eq!(star.result, RESULT);
    assert_eq!(practice(&app).focus, 3, "the cursor ends in the last part");
    // The live STAR bar reads the fields, so Action now carries the most.
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Action 47%"), "{screen}");
}

#[test]
fn headings_run_together_on_one_line_split_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    app.update(Message::Paste(
        "S: the sale broke checkout. T: I owned the fix. A: I rolled back. R: errors fell 90%."
            .to_owned(),
    ));
    let star = practice(&app).star();
    assert_eq!(star.situation, "the sale broke checkout.");
    assert_eq!(star.task, "I owned the fix.");
    assert_eq!(star.action, "I rolled back.");
    assert_eq!(star.result, "errors fell 90%.");
}

#[test]
fn a_headed_paste_adds_to_what_was_typed_and_plain_text_stays_put() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "Black Friday.");
    app.update(Message::Paste("Action: I rolled back.".to_owned()));
    let star = practice(&app).star();
    assert_eq!(star.situation, "Black Friday.");
    assert_eq!(star.action, "I rolled back.");
    app.update(Message::Paste(" Then I wrote it up: all of it.".to_owned()));
    assert_eq!(
        practice(&app).star().action,
        "I rolled back. Then I wrote it up: all of it."
    );
}

// The clock

#[test]
fn running_past_the_clock_is_saved_and_flagged_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    tick(&mut app, 3 * 60 + 75);
    ctrl(&mut app, 's');
    let Screen::Report(view) = &app.screen else {
        panic!("expected the report");
    };
    assert_eq!(view.record.overtime_seconds, Some(75));
    assert_eq!(app.store.answers()[0].overtime_seconds, Some(75));
    let screen = screen_text(&app, 120, 40);
    assert!(screen.contains("Over time by 1:15"), "{screen}");
}

#[test]
fn an_answer_in_time_has_no_overtime_and_old_files_load_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    tick(&mut app, 90);
    ctrl(&mut app, 's');
    let saved = &app.store.answers()[0];
    assert_eq!(saved.overtime_seconds, None);
    let json = serde_json::to_string(saved).unwrap();
    assert!(!json.contains("overtime_seconds"), "{json}");
    let old: barraiser::answer::AnswerRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(old.overtime_seconds, None);
    press(&mut app, KeyCode::Esc);
}

// Drafts on Home

#[test]
fn a_kept_draft_is_listed_on_home_and_enter_carries_it_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let question = practice(&app).question.clone();
    type_text(&mut app, "Black Friday, checkout down.");
    tick(&mut app, 40);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(app.home.drafts.len(), 1);
    let home = screen_text(&app, 80, 24);
    let start: String = question.text.chars().take(30).collect();
    assert!(home.contains("1 draft kept"), "{home}");
    assert!(home.contains(&format!("▸ {start}")), "{home}");
    press(&mut app, KeyCode::Enter);
    let p = practice(&app);
    assert_eq!(p.question.id, question.id);
    assert_eq!(p.star().situation, "Black Friday, checkout down.");
    assert_eq!(p.before, 40, "the clock carries on from the draft");
}

#[test]
fn arrows_choose_among_drafts_and_enter_with_none_only_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Home));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("No draft"))
    );
    let mut questions = Vec::new();
    for (n, words) in ["first draft", "second draft"].into_iter().enumerate() {
        start_practice(&mut app);
        questions.push(practice(&app).question.id.clone());
        type_text(&mut app, words);
        tick(&mut app, 10 * (n as u64 + 1));
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(app.home.drafts.len(), 2);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.home.selected, 1, "stops at the last draft");
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    // Newest first: the second draft heads the list.
    assert_eq!(practice(&app).question.id, questions[1]);
}

// Keys and the mouse

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

fn selected_principle(app: &barraiser::tui::App) -> usize {
    match &app.screen {
        Screen::Pick(p) => p.selected,
        other => panic!("expected Pick, got {other:?}"),
    }
}

fn use_mouse(app: &mut barraiser::tui::App, event: MouseEvent) {
    let area = Rect::new(0, 0, 80, 24);
    if let Some(msg) = on_mouse(app, event, area) {
        app.update(msg);
    }
}

#[test]
fn the_wheel_moves_and_a_click_selects_the_row_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('p'));
    use_mouse(&mut app, mouse(MouseEventKind::ScrollDown, 10, 5));
    use_mouse(&mut app, mouse(MouseEventKind::ScrollDown, 10, 5));
    assert_eq!(selected_principle(&app), 2);
    use_mouse(&mut app, mouse(MouseEventKind::ScrollUp, 10, 5));
    assert_eq!(selected_principle(&app), 1);
    // Row 0 is the border; the first principle is on row 1.
    use_mouse(
        &mut app,
        mouse(MouseEventKind::Down(MouseButton::Left), 10, 5),
    );
    assert_eq!(selected_principle(&app), 4);
    let screen = screen_text(&app, 80, 24);
    let clicked = screen.lines().nth(5).unwrap();
    assert!(clicked.contains('▸'), "{screen}");
    // Off the list (the border, the footer) selects nothing.
    use_mouse(
        &mut app,
        mouse(MouseEventKind::Down(MouseButton::Left), 10, 0),
    );
    use_mouse(
        &mut app,
        mouse(MouseEventKind::Down(MouseButton::Left), 10, 23),
    );
    assert_eq!(selected_principle(&app), 4);
}

#[test]
fn g_and_shift_g_home_and_end_jump_to_the_ends_of_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('p'));
    let last = app.bank.principles().len() - 1;
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(selected_principle(&app), last);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_principle(&app), 0);
    press(&mut app, KeyCode::End);
    assert_eq!(selected_principle(&app), last);
    press(&mut app, KeyCode::Home);
    assert_eq!(selected_principle(&app), 0);
}

#[test]
fn ctrl_w_deletes_a_word_and_ctrl_u_the_line_in_the_search_query() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "root cause  ");
    let query = |app: &barraiser::tui::App| match &app.screen {
        Screen::Search(s) => s.query.clone(),
        other => panic!("expected Search, got {other:?}"),
    };
    ctrl(&mut app, 'w');
    assert_eq!(query(&app), "root ");
    ctrl(&mut app, 'w');
    assert_eq!(query(&app), "");
    type_text(&mut app, "customer");
    ctrl(&mut app, 'u');
    assert_eq!(query(&app), "");
}
