//! The TUI when the store refuses or changes under it: saves refused
//! (read-only copy, a drafts folder that cannot be written), quitting with
//! text that could not be saved, and the lock changing hands while it runs.

mod tui_support;

use barraiser::tui::{Message, Screen};
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

/// The state of the screen `$app` is on, which must be `Screen::$screen`.
macro_rules! screen {
    ($app:expr, $screen:ident) => {
        match &$app.screen {
            Screen::$screen(state) => state,
            other => panic!("expected {}, got {other:?}", stringify!($screen)),
        }
    };
}

fn practice(app: &barraiser::tui::App) -> &barraiser::tui::Practice {
    screen!(app, Practice)
}

#[test]
fn a_refused_save_shows_in_the_status_line_and_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let _holder = barraiser::store::Store::open(dir.path()).unwrap();
    let mut app = app(dir.path());
    assert!(
        app.store.is_read_only(),
        "a second opener gets a read-only store"
    );
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    type_answer(&mut app);
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Practice(_)));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(practice(&app).star().action, ACTION);
    // A read-only copy still keeps drafts (beside the writer's).
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(app.store.load_draft(&question).unwrap().star.action, ACTION);
}

#[test]
fn a_draft_that_cannot_be_kept_holds_esc_once_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    drop(barraiser::store::Store::open(dir.path()).unwrap());
    // Drafts cannot be written where a plain file stands in for their folder.
    let drafts = dir.path().join("drafts");
    if drafts.is_dir() {
        std::fs::remove_dir_all(&drafts).unwrap();
    }
    std::fs::write(&drafts, "not a folder").unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "words worth keeping");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Practice(_)), "the text stays");
    let note = app.status.clone().expect("a status line");
    assert!(note.error && note.text.contains("Esc again"), "{note:?}");
    assert_eq!(practice(&app).star().situation, "words worth keeping");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
}

/// A store whose drafts cannot be written: a plain file stands where the
/// drafts folder should be.
fn app_without_drafts(dir: &std::path::Path) -> barraiser::tui::App {
    drop(barraiser::store::Store::open(dir).unwrap());
    let drafts = dir.join("drafts");
    if drafts.is_dir() {
        std::fs::remove_dir_all(&drafts).unwrap();
    }
    std::fs::write(&drafts, "not a folder").unwrap();
    app(dir)
}

#[test]
fn ctrl_c_with_a_draft_that_cannot_be_saved_says_so_then_keeps_the_text_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_without_drafts(dir.path());
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    type_text(&mut app, "words worth keeping");
    ctrl(&mut app, 'c');
    assert!(!app.quit, "the first Ctrl-C only warns");
    let note = app.status.clone().expect("a status line");
    assert!(
        note.error && note.text.contains("Draft not saved") && note.text.contains("Ctrl-C again"),
        "{note:?}"
    );
    ctrl(&mut app, 'c');
    assert!(app.quit);
    assert_eq!(app.unsaved.len(), 1);
    let kept = &app.unsaved[0];
    assert_eq!(kept.text, "Situation: words worth keeping");
    assert!(kept.what.contains(question.as_str()), "{kept:?}");
    assert!(kept.why.contains("drafts"), "names the path: {kept:?}");
}

#[test]
fn a_signal_with_a_draft_that_cannot_be_saved_quits_at_once_keeping_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_without_drafts(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "typed before the kill");
    app.update(Message::Stop);
    assert!(app.quit);
    assert_eq!(app.unsaved[0].text, "Situation: typed before the kill");
}

#[test]
fn leaving_a_draft_that_cannot_be_saved_keeps_its_text_to_print_at_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_without_drafts(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "words worth keeping");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    assert_eq!(app.unsaved[0].text, "Situation: words worth keeping");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_with_everything_saved_quits_at_once_with_nothing_to_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "saved fine");
    ctrl(&mut app, 'c');
    assert!(app.quit);
    assert!(app.unsaved.is_empty());
}

#[test]
fn a_read_only_copy_becomes_the_writer_once_the_other_closes_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let holder = barraiser::store::Store::open(dir.path()).unwrap();
    let mut app = app(dir.path());
    assert!(app.store.is_read_only());
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    type_answer(&mut app);
    tick(&mut app, 2); // a draft, kept beside the writer's
    assert!(app.store.is_read_only(), "the writer is still there");
    drop(holder);
    tick(&mut app, 4);
    assert!(!app.store.is_read_only(), "took over the lock");
    let note = app.status.clone().expect("a status line");
    assert!(
        !note.error && note.text.contains("now the writer"),
        "{note:?}"
    );
    assert_eq!(app.store.load_draft(&question).unwrap().star.action, ACTION);
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Report(_)), "{:?}", app.status);
    assert_eq!(app.store.len(), 1);
}

#[test]
fn a_lock_file_deleted_under_the_tui_is_noticed_and_said_within_a_tick() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    std::fs::remove_file(dir.path().join("barraiser.lock")).unwrap();
    tick(&mut app, 2);
    let note = app.status.clone().expect("a status line");
    assert!(
        note.text.contains("deleted or replaced") && note.text.contains("taken again"),
        "{note:?}"
    );
    assert!(
        barraiser::store::Store::open(dir.path())
            .unwrap()
            .is_read_only(),
        "the lock is held again"
    );
}
