//! Grading in Review as a panel would: the grade prompt says what 1–5
//! mean, a grade and the comment after it are one review, and a reviewer
//! who has not graded an answer grades it blind (no score, evidence or
//! other reviews) until their grade is saved; `--blind` hides every score
//! they have not graded yet, in the list too.

mod tui_support;

use barraiser::answer::Review;
use barraiser::tui::{App, Blind, Screen};
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

/// Three answers (80 on `earn_trust`), the 80 already graded by "dana".
fn app_with_answers(dir: &std::path::Path, blind: Blind) -> App {
    let mut app = app(dir);
    app.blind = blind;
    app.store.save(record_for("frugality", 1, 40.0)).unwrap();
    let mut graded = record_for("earn_trust", 2, 80.0);
    graded.reviews.push(Review {
        reviewer: "dana".to_owned(),
        at: "2026-11-23T11:00:00Z".parse().unwrap(),
        grade: Some(2),
        comment: "Dana thinks it is thin.".to_owned(),
    });
    app.store.save(graded).unwrap();
    app.store
        .save(record_for_second("frugality", 3, 60.0))
        .unwrap();
    app
}

/// Opens the `earn_trust` answer (second newest) from Home.
fn open_graded_answer(app: &mut App) {
    press(app, KeyCode::Char('r'));
    press(app, KeyCode::Down);
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Detail(_)));
}

#[test]
fn grading_hides_the_score_until_the_grade_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path(), Blind::WhileGrading);
    open_graded_answer(&mut app);
    let before = screen_text(&app, 120, 40);
    assert!(before.contains("80/100"), "{before}");
    assert!(before.contains("Dana thinks"), "{before}");
    press(&mut app, KeyCode::Char('g'));
    let grading = screen_text(&app, 120, 40);
    assert!(
        !grading.contains("/100"),
        "score hidden while grading:\n{grading}"
    );
    assert!(
        !grading.contains("Dana thinks"),
        "other reviews hidden:\n{grading}"
    );
    assert!(
        grading.contains("1 review hidden until you grade"),
        "{grading}"
    );
    assert!(
        grading.contains("3 at the bar"),
        "the scale is shown:\n{grading}"
    );
    press(&mut app, KeyCode::Char('4'));
    let commenting = screen_text(&app, 120, 40);
    assert!(!commenting.contains("/100"), "still hidden until saved");
    assert!(commenting.contains("Grade 4 · comment"), "{commenting}");
    type_text(&mut app, "Clear fix.");
    press(&mut app, KeyCode::Enter);
    let after = screen_text(&app, 120, 40);
    assert!(after.contains("80/100"), "the score appears:\n{after}");
    assert!(after.contains("Dana thinks"), "{after}");
    assert!(
        after.contains("mentor, 2026-11-23 10:00 · grade 4/5"),
        "{after}"
    );
    let Screen::Detail(detail) = &app.screen else {
        panic!("still on the answer")
    };
    let reviews = &app.store.get(&detail.id).unwrap().reviews;
    assert_eq!(reviews.len(), 2, "one new review");
    assert_eq!(
        (reviews[1].grade, reviews[1].comment.as_str()),
        (Some(4), "Clear fix.")
    );
    // Graded now: a second grade does not hide it again.
    press(&mut app, KeyCode::Char('g'));
    assert!(screen_text(&app, 120, 40).contains("80/100"));
}

#[test]
fn esc_cancels_a_grade_and_the_score_comes_back_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path(), Blind::WhileGrading);
    open_graded_answer(&mut app);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Esc);
    assert!(screen_text(&app, 120, 40).contains("80/100"));
    let Screen::Detail(detail) = &app.screen else {
        panic!("still on the answer")
    };
    assert_eq!(app.store.get(&detail.id).unwrap().reviews.len(), 1);
}

#[test]
fn blind_hides_every_ungraded_score_in_the_list_and_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path(), Blind::UntilGraded);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(
        screen!(app, Review).sort,
        barraiser::tui::Sort::Newest,
        "best first would give the ranking away"
    );
    let list = screen_text(&app, 120, 40);
    assert!(
        list.contains("Sorting by score is off while grading blind"),
        "{list}"
    );
    for total in [" 40 ", " 60 ", " 80 "] {
        assert!(!list.contains(total), "{total} shown blind:\n{list}");
    }
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let opened = screen_text(&app, 120, 40);
    assert!(opened.contains("Grading blind"), "{opened}");
    assert!(
        !opened.contains("/100") && !opened.contains("Dana thinks"),
        "{opened}"
    );
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Enter);
    assert!(screen_text(&app, 120, 40).contains("80/100"));
    press(&mut app, KeyCode::Esc);
    let list = screen_text(&app, 120, 40);
    assert!(
        list.contains(" 80 "),
        "the graded one shows its score:\n{list}"
    );
    assert!(!list.contains(" 60 "), "{list}");
}

#[test]
fn blind_list_after_a_restart_hides_scores_from_the_index_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app_with_answers(dir.path(), Blind::UntilGraded);
    first.reviewer = "dana".to_owned();
    drop(first);
    // A new session reads the list from the index, not the answer files.
    let mut app = app(dir.path());
    app.blind = Blind::UntilGraded;
    app.reviewer = "dana".to_owned();
    press(&mut app, KeyCode::Char('r'));
    let list = screen_text(&app, 120, 40);
    assert!(list.contains(" 80 "), "dana graded the 80:\n{list}");
    for total in [" 40 ", " 60 "] {
        assert!(!list.contains(total), "{total} shown blind:\n{list}");
    }
    assert!(
        !app.store.is_fully_loaded(),
        "no answer was read to hide a score"
    );
    app.reviewer = "erin".to_owned();
    let list = screen_text(&app, 120, 40);
    assert!(!list.contains(" 80 "), "erin has not graded it:\n{list}");
}

#[test]
fn snapshots_of_blind_grading() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path(), Blind::WhileGrading);
    open_graded_answer(&mut app);
    press(&mut app, KeyCode::Char('g'));
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("grade_prompt_{w}x{h}"),
            render(&app, w, h).backend()
        );
    }
    press(&mut app, KeyCode::Char('4'));
    insta::assert_snapshot!("grade_comment_80x24", render(&app, 80, 24).backend());
}
