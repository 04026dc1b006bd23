//! Enormous texts on screen: a 10 MB question from a bank file on the
//! Drawn and Practice screens, a 5 MB answer opened in Review. Only what
//! the screen can show is laid out; the screen says when there is more.

mod tui_support;

use barraiser::tui::{Detail, ReviewList, Screen};
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

/// A bank file with one question whose text is `text`.
fn bank_with_question(text: &str) -> String {
    serde_json::json!({
        "questions": [{
            "id": "huge-01",
            "principle": "earn_trust",
            "text": text,
            "kind": "story",
            "tags": [],
            "hint": "A hint.",
            "follow_ups": ["Why?"]
        }]
    })
    .to_string()
}

#[test]
fn a_ten_megabyte_question_shows_its_start_on_drawn_and_practice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let text = format!("Start of the question. {}", "more words ".repeat(1_000_000));
    app.bank
        .add_text("huge.json", &bank_with_question(&text))
        .unwrap();
    // Put it on screen as a draw would.
    let id = barraiser::bank::QuestionId("huge-01".to_owned());
    app.screen = Screen::Drawn(barraiser::tui::Drawn::new(
        &app,
        id,
        "test".to_owned(),
        None,
    ));
    let drawn = screen_text(&app, 80, 24);
    assert!(drawn.contains("Start of the question."), "{drawn}");
    assert!(drawn.contains("more words more words"), "{drawn}");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Practice(_)));
    let practice = screen_text(&app, 80, 24);
    assert!(practice.contains("Start of the question."), "{practice}");
    assert!(practice.contains("Situation"), "{practice}");
}

#[test]
fn a_five_megabyte_answer_opens_showing_its_start_and_saying_there_is_more() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let mut record = fixed_record(0, 50.0);
    record.text = format!(
        "{}\n{}",
        record.text,
        "and then we kept going. ".repeat(220_000)
    );
    let id = record.id.clone();
    app.store.save(record).unwrap();
    let record = app.store.load(&id).unwrap();
    app.screen = Screen::Detail(Box::new(Detail::new(record, ReviewList::default())));
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("Your answer"), "{screen}");
    // Scroll to where the shown part ends: the note says there is more.
    for _ in 0..120 {
        press(&mut app, KeyCode::PageDown);
    }
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("and then we kept going."), "{screen}");
    assert!(
        screen.contains("the answer goes on (5157 KB in all)"),
        "{screen}"
    );
}
