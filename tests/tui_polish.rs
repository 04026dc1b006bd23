//! The practice screen polished from use (issue 13, item 5): pasted notes
//! split by their STAR headings, running past the clock, drafts on Home,
//! evidence tied to its signal, an honest "weak", and the keys a person
//! reaches for (wheel, g/G, Ctrl-U/W). Driven through `App::update`.

mod tui_support;

use barraiser::tui::{Message, Screen};
use ratatui::crossterm::event::KeyCode;
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
