//! Search that finds what a person means: `questions --search`, the TUI's
//! question search and Review search match words (in any form), rank whole
//! words before parts of words, and drop letters-in-order matches.

mod tui_support;

use std::path::Path;

use assert_cmd::Command;
use barraiser::tui::Screen;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn questions(home: &Path, query: &str) -> String {
    let out = Command::cargo_bin("barraiser")
        .unwrap()
        .env("BARRAISER_HOME", home)
        .args(["questions", "--search", query])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_readmes_missed_deadline_example_finds_the_missed_deadline_question() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(
        questions(home.path(), "missed deadline"),
        "deliver_results-01  [failure] Tell me about a time you failed to meet a deadline you had committed to. What caused the miss, and what was your part in it?\n"
    );
}

#[test]
fn one_word_finds_its_forms_and_nothing_else() {
    let home = tempfile::tempdir().unwrap();
    let ids: Vec<String> = questions(home.path(), "missed")
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_owned())
        .collect();
    assert_eq!(
        ids,
        [
            "hire_and_develop_the_best-03",
            "dive_deep-03",
            "deliver_results-01"
        ],
    );
}

/// Three saved answers; only one holds the word "ledger", though every one
/// holds its letters in order.
fn app_with_a_ledger(dir: &Path) -> barraiser::tui::App {
    let mut app = app(dir);
    for (minutes, words) in [
        (1, "We reconciled the ledger by hand every night."),
        (2, "Last week every dashboard got extra rows."),
        (3, "Legal delayed the merger."),
    ] {
        let mut record = fixed_record(minutes, 50.0);
        words.clone_into(&mut record.text);
        record.id = barraiser::answer::AnswerId(format!("answer-{minutes}"));
        app.store.save(record).unwrap();
    }
    app
}

fn rows(app: &barraiser::tui::App) -> Vec<String> {
    let Screen::Review(list) = &app.screen else {
        panic!("expected Review, got {:?}", app.screen);
    };
    list.rows
        .iter()
        .map(|&i| app.store.summaries()[i].id.0.clone())
        .collect()
}

#[test]
fn review_search_matches_the_word_not_its_letters_and_ctrl_u_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_a_ledger(dir.path());
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ledger");
    assert_eq!(rows(&app), ["answer-1"]);
    ctrl(&mut app, 'u');
    let Screen::Review(list) = &app.screen else {
        panic!()
    };
    assert_eq!(list.query, "");
    assert_eq!(rows(&app), ["answer-3", "answer-2", "answer-1"]);
}

#[test]
fn review_ranks_whole_words_before_parts_of_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    for (minutes, words) in [(1, "I deleted the dead code."), (2, "We met the deadline.")] {
        let mut record = fixed_record(minutes, 50.0);
        words.clone_into(&mut record.text);
        record.id = barraiser::answer::AnswerId(format!("answer-{minutes}"));
        app.store.save(record).unwrap();
    }
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(rows(&app), ["answer-2", "answer-1"]);
    press(&mut app, KeyCode::Char('/'));
    // "dead" is a word of the older answer and only part of a word of the
    // newer one: the whole word comes first, the part is still found.
    type_text(&mut app, "dead");
    assert_eq!(rows(&app), ["answer-1", "answer-2"]);
}

#[test]
fn a_misspelt_question_search_is_forgiven_only_when_nothing_matches() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(
        questions(home.path(), "dedline"),
        questions(home.path(), "deadline")
    );
}

#[test]
fn ctrl_u_clears_the_question_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "trust");
    let Screen::Search(search) = &app.screen else {
        panic!()
    };
    assert_eq!(search.results.len(), 10);
    ctrl(&mut app, 'u');
    let Screen::Search(search) = &app.screen else {
        panic!()
    };
    assert_eq!(search.query, "");
    assert_eq!(search.results.len(), app.bank.questions().len());
}

/// `p` in Review: the principle picker in place of the list.
#[test]
fn the_review_principle_picker_lists_all_then_each_principle() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_a_ledger(dir.path());
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!("review_principle_picker", screen_text(&app, 80, 24));
}

/// Review search reads each answer's whole text (from the words read in
/// the background after the first `/`), not only its opening lines, and
/// still reads no answer in full to list them.
#[test]
fn review_search_finds_a_word_deep_in_a_long_answer_without_loading_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app(dir.path());
    for (minutes, words) in [
        (
            1,
            format!(
                "{} Then we audited the ledger.",
                "We shipped it. ".repeat(200)
            ),
        ),
        (2, "We rebuilt the ledgers from scratch.".to_owned()),
        (3, "Legal delayed the merger.".to_owned()),
    ] {
        let mut record = fixed_record(minutes, 50.0);
        record.text = words;
        record.id = barraiser::answer::AnswerId(format!("answer-{minutes}"));
        first.store.save(record).unwrap();
    }
    drop(first);
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ledger");
    assert_eq!(rows(&app), ["answer-2", "answer-1"]);
    assert!(!app.store.is_fully_loaded());
}
