//! Keys → messages → state, screen by screen, with no terminal: the TUI's
//! behaviour as a person drives it, checked through `App::update`.

mod tui_support;

use barraiser::tui::{Command, Edited, Message, Prompt, Screen, Sort};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
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

// Home

#[test]
fn home_keys_open_each_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    for (key, check) in [
        (
            'd',
            (|s: &Screen| matches!(s, Screen::Drawn(_))) as fn(&Screen) -> bool,
        ),
        ('p', |s| matches!(s, Screen::Pick(_))),
        ('/', |s| matches!(s, Screen::Search(_))),
        ('r', |s| matches!(s, Screen::Review(_))),
        ('s', |s| matches!(s, Screen::Progress(_))),
    ] {
        app.screen = Screen::Home;
        press(&mut app, KeyCode::Char(key));
        assert!(check(&app.screen), "key {key} opened {:?}", app.screen);
        press(&mut app, KeyCode::Esc);
        assert!(matches!(app.screen, Screen::Home), "Esc after {key}");
    }
    press(&mut app, KeyCode::Esc);
    assert!(!app.quit, "an extra Esc at home does not quit");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    press(&mut app, KeyCode::Char('d'));
    assert!(!app.help);
    assert!(
        matches!(app.screen, Screen::Home),
        "the closing key does nothing else"
    );
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('/'));
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

// Draw and pick

#[test]
fn ctrl_n_draws_a_different_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('d'));
    let mut last = app.last_drawn.clone().expect("a question was drawn");
    for _ in 0..30 {
        ctrl(&mut app, 'n');
        let now = app.last_drawn.clone().unwrap();
        assert_ne!(now, last);
        last = now;
    }
}

#[test]
fn picking_a_principle_draws_only_from_it_and_ctrl_n_stays_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let second = app.bank.principles()[1].id.clone();
    for _ in 0..10 {
        let drawn = screen!(app, Drawn);
        let q = app.bank.question(drawn.question.as_str()).unwrap();
        assert_eq!(q.principle, second);
        ctrl(&mut app, 'n');
    }
}

#[test]
fn typing_on_a_drawn_question_starts_the_answer_with_that_letter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('d'));
    type_text(&mut app, "Our launch slipped");
    assert_eq!(practice(&app).star().situation, "Our launch slipped");
}

#[test]
fn every_first_letter_on_a_drawn_question_is_kept_even_n_q_and_question_mark() {
    for first in [
        "now that I think about it",
        "quite a week",
        "?why not",
        "Nobody",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        press(&mut app, KeyCode::Char('d'));
        type_text(&mut app, first);
        assert!(!app.help, "{first}: help did not open");
        assert_eq!(practice(&app).star().situation, first);
    }
}

#[test]
fn f1_on_a_drawn_question_opens_help_and_the_next_key_only_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::F(1));
    assert!(app.help);
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.help);
    assert!(matches!(app.screen, Screen::Drawn(_)));
    let footer = screen_text(&app, 80, 24);
    assert!(footer.contains("Ctrl-N another question"), "{footer}");
    assert!(footer.contains("F1 help"), "{footer}");
}

#[test]
fn a_paste_on_a_drawn_question_starts_the_answer_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('d'));
    app.update(Message::Paste("Pasted from notes".to_owned()));
    assert_eq!(practice(&app).star().situation, "Pasted from notes");
}

// Search

#[test]
fn search_is_live_and_q_types_instead_of_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, KeyCode::Char('/'));
    let all = screen!(app, Search);
    let everything = all.results.len();
    type_text(&mut app, "frugal");
    let s = screen!(app, Search);
    assert_eq!(s.query, "frugal");
    assert!(s.results.len() < everything && !s.results.is_empty());
    type_text(&mut app, "q");
    assert!(!app.quit);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Enter);
    let drawn = screen!(app, Drawn); // Enter opens the question
    let q = app.bank.question(drawn.question.as_str()).unwrap();
    assert_eq!(q.principle.as_str(), "frugality");
}

// Practice

#[test]
fn typing_fills_situation_then_tab_and_shift_tab_move_between_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "We were late.");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Ship it.");
    press(&mut app, KeyCode::BackTab);
    assert_eq!(practice(&app).focus, 0);
    let star = practice(&app).star();
    assert_eq!(star.situation, "We were late.");
    assert_eq!(star.task, "Ship it.");
    press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(practice(&app).focus, 4, "Shift-Tab wraps to the Story line");
    press_with(&mut app, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(practice(&app).focus, 3, "then Result");
}

#[test]
fn a_large_paste_lands_whole_in_the_focused_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let block: String = (0..5000).fold(String::new(), |mut s, i| {
        s.push_str(&i.to_string());
        s.push_str(" of the paste\r\n");
        s
    });
    app.update(Message::Paste(block));
    let star = practice(&app).star();
    assert_eq!(star.action.lines().count(), 5000);
    assert!(star.action.starts_with("0 of the paste\n1 of"));
    assert!(star.situation.is_empty());
}

#[test]
fn the_countdown_rounds_up_and_typing_goes_on_after_time_is_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let p = practice(&app);
    assert_eq!(p.remaining(clock(0).now), 180);
    assert_eq!(
        p.remaining(clock(0).now + std::time::Duration::from_millis(500)),
        180
    );
    assert_eq!(p.remaining(clock(1).now), 179);
    tick(&mut app, 200);
    assert_eq!(practice(&app).remaining(app.clock.now), -20);
    type_text(&mut app, "still typing");
    assert_eq!(practice(&app).star().situation, "still typing");
}

#[test]
fn esc_keeps_a_draft_that_comes_back_when_the_question_is_opened_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    type_text(&mut app, "Half an answer");
    tick(&mut app, 40);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    let draft = app.store.load_draft(&question).expect("draft kept");
    assert_eq!(draft.star.situation, "Half an answer");
    assert_eq!(draft.seconds_elapsed, 40);

    // Open the same question through search.
    press(&mut app, KeyCode::Char('/'));
    let text = app.bank.question(question.as_str()).unwrap().text.clone();
    app.update(Message::Paste(text));
    press(&mut app, KeyCode::Enter);
    let drawn = screen!(app, Drawn);
    assert_eq!(drawn.question, question);
    assert!(drawn.draft.is_some());
    press(&mut app, KeyCode::Enter);
    let p = practice(&app);
    assert_eq!(p.star().situation, "Half an answer");
    assert_eq!(p.remaining(app.clock.now), 140, "the clock carries on");
}

#[test]
fn drafts_save_themselves_a_second_after_typing_stops() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    tick(&mut app, 3);
    type_text(&mut app, "typed");
    assert!(app.store.load_draft(&question).is_none());
    tick(&mut app, 4);
    assert_eq!(
        app.store.load_draft(&question).unwrap().star.situation,
        "typed"
    );
}

#[test]
fn ctrl_c_in_practice_saves_the_draft_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    type_text(&mut app, "unsaved words");
    ctrl(&mut app, 'c');
    assert!(app.quit);
    assert_eq!(
        app.store.load_draft(&question).unwrap().star.situation,
        "unsaved words"
    );
}

#[test]
fn submitting_nothing_stays_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Practice(_)));
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn ctrl_s_scores_saves_the_exact_text_and_drops_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    let question = practice(&app).question.id.clone();
    type_answer(&mut app);
    tick(&mut app, 90);
    ctrl(&mut app, 's');
    let view = screen!(app, Report);
    assert_eq!(view.record.question.id, question);
    assert_eq!(view.record.text, view.record.star.to_text());
    assert_eq!(view.record.star.action, ACTION);
    assert_eq!(view.record.seconds_taken, Some(90));
    assert_eq!(app.store.answers().len(), 1);
    assert_eq!(app.store.answers()[0].text, view.record.text);
    assert!(app.store.load_draft(&question).is_none());
    assert_eq!(app.stats.answers, 1);
}

#[test]
fn ctrl_e_hands_the_field_to_the_editor_and_takes_the_result_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "before");
    let cmd = barraiser::tui::on_key(
        &app,
        ratatui::crossterm::event::KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL),
    )
    .and_then(|m| app.update(m));
    assert_eq!(
        cmd,
        Some(Command::Editor {
            text: "before".to_owned()
        })
    );
    app.update(Message::EditorDone(Edited::ok("after\nand more\n")));
    assert_eq!(practice(&app).star().situation, "after\nand more");
    app.update(Message::EditorDone(Edited::failed("vi exited with 1")));
    assert_eq!(practice(&app).star().situation, "after\nand more");
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn text_from_an_editor_that_failed_after_saving_is_kept_and_the_failure_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_text(&mut app, "before");
    app.update(Message::EditorDone(Edited {
        text: Some("before and what the editor saved\n".to_owned()),
        problem: Some("vi exited with signal: 1 (SIGHUP); kept the text it had saved".to_owned()),
    }));
    assert_eq!(
        practice(&app).star().situation,
        "before and what the editor saved"
    );
    let note = app.status.clone().expect("a status line");
    assert!(note.error && note.text.contains("SIGHUP"), "{note:?}");
}

// Report

#[test]
fn the_follow_up_is_saved_with_the_answer_on_esc() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    let view = screen!(app, Report);
    let probe = view.probe.clone();
    let asked = view.record.report.probe.clone().expect("a probe is chosen");
    assert_eq!(asked.text, probe);
    type_text(&mut app, "Because I skipped the canary.");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
    let saved = &app.store.answers()[0];
    assert_eq!(saved.follow_ups.len(), 1);
    assert_eq!(saved.follow_ups[0].probe, probe);
    assert_eq!(saved.follow_ups[0].answer, "Because I skipped the canary.");
    // The saved record keeps the probe it answered.
    assert_eq!(saved.report.probe, Some(asked));
}

#[test]
fn the_probe_digs_into_the_weakest_signal_and_a_dodge_lowers_the_total() {
    use barraiser::probe::{self, Probes};
    use barraiser::score::ProbeResult;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    let report = screen!(app, Report).record.report.clone();
    let weakest = probe::target(&report, &app.rubric, Probes::embedded()).map(|t| t.0);
    assert!(weakest.is_some(), "the fixed answer misses something");
    let asked = report.probe.clone().unwrap();
    assert_eq!(asked.signal, weakest);
    assert!(
        Probes::embedded()
            .phrasings(weakest.unwrap())
            .contains(&asked.text)
    );
    assert!(!screen_text(&app, 80, 24).contains("probe dodged"));

    type_text(&mut app, "Not sure, really.");
    ctrl(&mut app, 's');
    let saved = &app.store.answers()[0];
    assert_eq!(
        saved.report.probe_result,
        Some(ProbeResult {
            answered: false,
            dodged: true
        })
    );
    assert!((saved.report.total - (report.total - probe::DODGE_COST)).abs() < 1e-9);
    let before = format!("{:.0}", report.total.round());
    let after = format!("{:.0}", saved.report.total.round());
    let shown = screen_text(&app, 80, 24);
    assert!(
        shown.contains(&format!("probe dodged · -5.0 · total {before} → {after}")),
        "{shown}"
    );
    // Progress counts the moved total.
    assert!(
        app.stats
            .principles
            .iter()
            .any(|p| (p.last - saved.report.total).abs() < 1e-9),
        "{:?}",
        app.stats
    );
}

#[test]
fn the_follow_up_saves_itself_a_second_after_typing_stops() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    start_practice(&mut app);
    type_answer(&mut app);
    ctrl(&mut app, 's');
    tick(&mut app, 10);
    type_text(&mut app, "The canary stage was new.");
    assert!(app.store.answers()[0].follow_ups.is_empty());
    tick(&mut app, 12);
    // Still on the Report screen: nothing pressed, yet the words are on disk.
    assert!(matches!(app.screen, Screen::Report(_)));
    let reopened = barraiser::store::Store::open(dir.path()).unwrap();
    let saved = &reopened.answers()[0];
    assert_eq!(saved.follow_ups.len(), 1);
    assert_eq!(saved.follow_ups[0].answer, "The canary stage was new.");
}

// Review

fn app_with_answers(dir: &std::path::Path) -> barraiser::tui::App {
    let mut app = app(dir);
    app.store.save(record_for("frugality", 1, 40.0)).unwrap();
    app.store.save(record_for("earn_trust", 2, 80.0)).unwrap();
    app.store
        .save(record_for_second("frugality", 3, 60.0))
        .unwrap();
    app
}

fn review_rows(app: &barraiser::tui::App) -> Vec<f64> {
    let list = screen!(app, Review);
    list.rows
        .iter()
        .map(|&i| app.store.summaries()[i].total)
        .collect()
}

#[test]
fn review_lists_newest_first_and_sorts_by_score() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path());
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(review_rows(&app), [60.0, 80.0, 40.0]);
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(review_rows(&app), [80.0, 60.0, 40.0]);
    let list = screen!(app, Review);
    assert_eq!(list.sort, Sort::Score);
}

#[test]
fn review_filters_by_principle_and_searches() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path());
    press(&mut app, KeyCode::Char('r'));
    // `p` opens the picker on "All"; Frugality is a few rows down.
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(screen!(app, Review).picking, Some(0));
    let at = app
        .bank
        .principles()
        .iter()
        .position(|p| p.id.as_str() == "frugality")
        .unwrap();
    for _ in 0..=at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    let list = screen!(app, Review);
    assert_eq!(list.picking, None);
    assert_eq!(list.filter.as_ref().unwrap().as_str(), "frugality");
    assert_eq!(review_rows(&app), [60.0, 40.0]);
    // Back to all principles: the picker opens on the current filter.
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(screen!(app, Review).picking, Some(at + 1));
    for _ in 0..=at {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(screen!(app, Review).filter, None);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zzzzqqq");
    assert!(review_rows(&app).is_empty());
    for _ in 0..7 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "canary");
    press(&mut app, KeyCode::Enter);
    let list = screen!(app, Review);
    assert!(!list.typing);
}

#[test]
fn review_opens_searches_and_shows_an_answer_without_reading_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_answers(dir.path());
    let mut fresh = app_reopened(dir.path(), app);
    press(&mut fresh, KeyCode::Char('r'));
    assert_eq!(review_rows(&fresh), [60.0, 80.0, 40.0]);
    press(&mut fresh, KeyCode::Char('/'));
    type_text(&mut fresh, "zzzzqqq");
    assert!(review_rows(&fresh).is_empty());
    for _ in 0..7 {
        press(&mut fresh, KeyCode::Backspace);
    }
    // In the answers' words only, not in any question.
    type_text(&mut fresh, "canary stage");
    assert_eq!(review_rows(&fresh), [60.0, 80.0, 40.0]);
    press(&mut fresh, KeyCode::Enter);
    press(&mut fresh, KeyCode::Down);
    press(&mut fresh, KeyCode::Enter);
    let detail = screen!(fresh, Detail);
    assert!((detail.record.report.total - 80.0).abs() < 1e-9);
    let _ = screen_text(&fresh, 80, 24);
    assert!(
        !fresh.store.is_fully_loaded(),
        "only the opened answer was read in full"
    );
}

#[test]
fn an_answer_saved_after_a_search_began_is_found_by_the_next_search() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path());
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "canary");
    assert_eq!(review_rows(&app).len(), 3);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    start_practice(&mut app);
    type_text(
        &mut app,
        "A zebra crossing outside the office, and I fixed it.",
    );
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Report(_)), "{:?}", app.status);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zebra crossing");
    assert_eq!(review_rows(&app).len(), 1);
    for _ in 0.."zebra crossing".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "canary");
    let rows = review_rows(&app);
    for total in [60.0, 80.0, 40.0] {
        assert!(rows.contains(&total), "the others still line up: {rows:?}");
    }
}

/// Closes `app` and opens a new one on the same folder, as a restart.
fn app_reopened(dir: &std::path::Path, app: barraiser::tui::App) -> barraiser::tui::App {
    drop(app);
    tui_support::app(dir)
}

#[test]
fn a_mentor_grades_with_a_comment_as_one_review_and_comments_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path());
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let detail = screen!(app, Detail); // Enter opens it
    let id = detail.id.clone();
    assert!((app.store.get(&id).unwrap().report.total - 80.0).abs() < 1e-9);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('9'));
    let detail = screen!(app, Detail);
    assert_eq!(detail.prompt, Some(Prompt::Grade), "9 is not a grade");
    press(&mut app, KeyCode::Char('4'));
    // The comment typed after a grade belongs to it: one review.
    type_text(&mut app, "Own it before the ops team.");
    press(&mut app, KeyCode::Enter);
    let reviews = &app.store.get(&id).unwrap().reviews;
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].grade, Some(4));
    assert_eq!(reviews[0].reviewer, "mentor");
    assert_eq!(reviews[0].comment, "Own it before the ops team.");
    // A comment alone is a review without a grade.
    press(&mut app, KeyCode::Char('c'));
    type_text(&mut app, "Better.");
    press(&mut app, KeyCode::Enter);
    let reviews = &app.store.get(&id).unwrap().reviews;
    assert_eq!(reviews.len(), 2);
    assert_eq!(
        (reviews[1].grade, reviews[1].comment.as_str()),
        (None, "Better.")
    );
    press(&mut app, KeyCode::Esc);
    let list = screen!(app, Review); // Esc goes back to the list
    assert_eq!(list.selected, 1, "the list keeps its place");
}

// Progress

#[test]
fn progress_moves_draws_from_the_chosen_principle_and_esc_goes_home() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_answers(dir.path());
    app.stats = app.store.stats();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Down);
    let view = screen!(app, Progress);
    assert_eq!(view.selected, 1);
    press(&mut app, KeyCode::Enter);
    let drawn = screen!(app, Drawn); // Enter draws
    let q = app.bank.question(drawn.question.as_str()).unwrap();
    assert_eq!(q.principle, app.bank.principles()[1].id);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.screen, Screen::Home));
}
