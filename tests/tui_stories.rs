//! The story bank in the TUI, driven as a person would: the Story field in
//! Practice (Tab completes an existing name, the name is saved with the
//! answer), `t` in Review detail (set, change, clear; durable), the Stories
//! screen from Home (cursor on the first gap, Enter draws for it) and the
//! coverage line on Home.

mod tui_support;

use barraiser::tui::{Prompt, Screen};
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

fn with_story(
    principle: &str,
    minutes: i64,
    total: f64,
    story: &str,
) -> barraiser::answer::AnswerRecord {
    let mut r = record_for(principle, minutes, total);
    r.story = Some(story.to_owned());
    r
}

#[test]
fn the_practice_story_field_completes_a_known_name_and_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.store
        .save(with_story("frugality", 1, 40.0, "Black Friday schedule"))
        .unwrap();
    start_practice(&mut app);
    type_answer(&mut app);
    // Result → Story.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "black");
    press(&mut app, KeyCode::Tab);
    assert_eq!(screen!(app, Practice).story, "Black Friday schedule");
    // A complete name: Tab moves on, back to Situation.
    press(&mut app, KeyCode::Tab);
    assert_eq!(screen!(app, Practice).focus, 0);
    ctrl(&mut app, 's');
    let view = screen!(app, Report);
    assert_eq!(view.record.story.as_deref(), Some("Black Friday schedule"));
    let saved = app.store.load(&view.record.id).unwrap();
    assert_eq!(saved.story.as_deref(), Some("Black Friday schedule"));
    assert_eq!(app.stories.stories.len(), 1);
    assert_eq!(app.stories.stories[0].answers, 2);
}

#[test]
fn an_answer_without_a_story_saves_none() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    assert_eq!(screen!(app, Report).record.story, None);
}

#[test]
fn t_in_review_detail_sets_changes_and_clears_the_story_durably() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.store
        .save(with_story("frugality", 1, 40.0, "Pager rota"))
        .unwrap();
    app.store.save(record_for("earn_trust", 2, 80.0)).unwrap();
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    let id = screen!(app, Detail).id.clone();
    assert_eq!(app.store.load(&id).unwrap().story, None);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        screen!(app, Detail).prompt,
        Some(Prompt::Story {
            text: String::new()
        })
    );
    type_text(&mut app, "pag");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen!(app, Detail).prompt, None);
    assert_eq!(
        screen!(app, Detail).record.story.as_deref(),
        Some("Pager rota")
    );
    assert_eq!(
        app.store.load(&id).unwrap().story.as_deref(),
        Some("Pager rota")
    );
    // Durable: a restart reads it back, and the summary carries it.
    drop(app);
    let mut app = tui_support::app(dir.path());
    assert_eq!(
        app.store.load(&id).unwrap().story.as_deref(),
        Some("Pager rota")
    );
    assert_eq!(app.stories.stories[0].answers, 2);
    // Cleared with an empty line (the prompt opens with the name in it;
    // Ctrl-U empties it).
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen!(app, Detail).id, id);
    press(&mut app, KeyCode::Char('t'));
    ctrl(&mut app, 'u');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.store.load(&id).unwrap().story, None);
    // Esc from the prompt leaves the story as it was.
    press(&mut app, KeyCode::Char('t'));
    type_text(&mut app, "Other");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.store.load(&id).unwrap().story, None);
}

#[test]
fn the_stories_screen_opens_on_the_first_gap_and_enter_draws_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let first = app.bank.principles()[0].id.clone();
    app.store
        .save(with_story(first.as_str(), 1, 70.0, "Pager rota"))
        .unwrap();
    app.refresh_stats();
    press(&mut app, KeyCode::Char('t'));
    let view = screen!(app, Stories);
    assert_eq!(view.selected, 1, "the first principle has a story");
    let gap = app.bank.principles()[1].id.clone();
    assert_eq!(app.stories.uncovered[0], gap.as_str());
    press(&mut app, KeyCode::Enter);
    let drawn = screen!(app, Drawn);
    let q = app.bank.question(drawn.question.as_str()).unwrap();
    assert_eq!(q.principle, gap);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
}

#[test]
fn home_shows_the_coverage_at_a_glance() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.store
        .save(with_story("frugality", 1, 40.0, "Pager rota"))
        .unwrap();
    app.store
        .save(with_story("earn_trust", 2, 60.0, "Pager rota"))
        .unwrap();
    app.store
        .save(with_story("ownership", 3, 60.0, "Black Friday"))
        .unwrap();
    app.refresh_stats();
    let text = screen_text(&app, 100, 30);
    assert!(
        text.contains("Stories: 2 · 3 of 16 principles covered"),
        "{text}"
    );
}
