//! `barraiser due` from the command line: what is due at a clock fixed with
//! `BARRAISER_NOW` (zone UTC), the whole schedule in order, and a data
//! folder that is only read. Records are built by hand, so no date here
//! depends on what the scorer says.

mod store_support;

use std::path::Path;

use assert_cmd::Command;
use barraiser::answer::{AnswerId, AnswerRecord};
use barraiser::bank::{PrincipleId, QuestionId};
use barraiser::store::Store;
use serde_json::{Value, json};

/// The fixed clock: Monday 2026-11-23, 10:00 UTC.
const NOW: &str = "2026-11-23T10:00:00Z";

fn barraiser(home: &Path, now: &str) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env("BARRAISER_NOW", now)
        .env("TZ", "UTC");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// An answer to `<principle>-01` saved at `at` with `total`.
fn answered(principle: &str, at: &str, total: f64) -> AnswerRecord {
    let at: jiff::Timestamp = at.parse().unwrap();
    let mut r = store_support::record(1, principle);
    r.id = AnswerId::at(at);
    r.created = at;
    r.updated = at;
    r.question.id = QuestionId(format!("{principle}-01"));
    r.question.principle = PrincipleId(principle.to_owned());
    r.report.total = total;
    r
}

/// Four questions: one overdue, one due today, two due on the 27th.
fn store(home: &Path) {
    let mut store = Store::open(home).unwrap();
    for r in [
        // again: box 1, due the 21st
        answered("earn_trust", "2026-11-20T10:00:00Z", 40.0),
        // good: box 2, due the 23rd
        answered("frugality", "2026-11-20T10:00:00Z", 75.0),
        // easy: box 3, due the 27th
        answered("dive_deep", "2026-11-20T10:00:00Z", 90.0),
        // good (box 2, due the 19th), then good once due: box 3, the 27th
        answered("ownership", "2026-11-16T10:00:00Z", 75.0),
        answered("ownership", "2026-11-20T10:00:00Z", 80.0),
    ] {
        store.save(r).unwrap();
    }
}

fn due_json(home: &Path, now: &str, all: bool) -> Value {
    let mut cmd = barraiser(home, now);
    cmd.args(["due", "--json"]);
    if all {
        cmd.arg("--all");
    }
    serde_json::from_str(&stdout(&mut cmd)).unwrap()
}

#[test]
fn due_json_lists_what_is_due_at_the_fixed_clock() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    assert_eq!(
        due_json(dir.path(), NOW, false),
        json!([
            {"question_id": "earn_trust-01", "due": "2026-11-21T00:00:00Z", "last_total": 40.0},
            {"question_id": "frugality-01", "due": "2026-11-23T00:00:00Z", "last_total": 75.0},
        ])
    );
}

#[test]
fn a_second_before_midnight_the_next_day_is_not_yet_due() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let ids = |v: Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["question_id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        ids(due_json(dir.path(), "2026-11-22T23:59:59Z", false)),
        ["earn_trust-01"]
    );
    assert_eq!(
        ids(due_json(dir.path(), "2026-11-23T00:00:00Z", false)),
        ["earn_trust-01", "frugality-01"]
    );
}

#[test]
fn due_all_lists_every_scheduled_question_soonest_first() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    assert_eq!(
        due_json(dir.path(), NOW, true),
        json!([
            {"question_id": "earn_trust-01", "due": "2026-11-21T00:00:00Z", "last_total": 40.0},
            {"question_id": "frugality-01", "due": "2026-11-23T00:00:00Z", "last_total": 75.0},
            // Same day: by question id.
            {"question_id": "dive_deep-01", "due": "2026-11-27T00:00:00Z", "last_total": 90.0},
            {"question_id": "ownership-01", "due": "2026-11-27T00:00:00Z", "last_total": 80.0},
        ])
    );
}

#[test]
fn due_text_shows_day_last_total_id_and_question() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let text = stdout(barraiser(dir.path(), NOW).arg("due"));
    let bank = barraiser::bank::Bank::embedded();
    let question = |id: &str| bank.question(id).unwrap().text.clone();
    let expected = format!(
        "2 questions due now, 4 scheduled\n\n\
         DUE         LAST  QUESTION\n\
         2026-11-21    40  earn_trust-01  {}\n\
         2026-11-23    75  frugality-01   {}\n\n\
         `barraiser due --all` shows the whole schedule.\n",
        question("earn_trust-01"),
        question("frugality-01"),
    );
    assert_eq!(text, expected);
}

#[test]
fn nothing_due_names_the_next_question_and_its_day() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let text = stdout(barraiser(dir.path(), "2026-11-20T12:00:00Z").arg("due"));
    assert_eq!(
        text,
        "0 questions due now, 4 scheduled\nNext: earn_trust-01 on 2026-11-21\n"
    );
}

#[test]
fn due_never_creates_a_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("not-here");
    for args in [&["due"][..], &["due", "--all", "--json"]] {
        let out = barraiser(&home, NOW).args(args).assert().code(2).stdout("");
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(
            stderr,
            format!("barraiser: no barraiser data at {}\n", home.display())
        );
        assert!(!home.exists(), "due created {}", home.display());
    }
}

#[test]
fn an_empty_data_folder_has_nothing_due() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(due_json(dir.path(), NOW, true), json!([]));
    let text = stdout(barraiser(dir.path(), NOW).arg("due"));
    assert!(text.starts_with("Nothing scheduled yet"), "{text}");
}

#[test]
fn a_bad_fixed_clock_is_bad_input_naming_the_variable() {
    let dir = tempfile::tempdir().unwrap();
    let out = barraiser(dir.path(), "next tuesday")
        .args(["due", "--json"])
        .assert()
        .code(2)
        .stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("barraiser: BARRAISER_NOW: 'next tuesday' is not an RFC 3339 time"),
        "{stderr}"
    );
}

#[test]
fn an_answer_saved_under_a_fixed_clock_comes_back_from_that_day() {
    let dir = tempfile::tempdir().unwrap();
    let id = stdout(
        barraiser(dir.path(), "2026-11-20T10:00:00Z")
            .args(["answer", "--question", "earn_trust-01", "-"])
            .write_stdin("Situation: our export broke.\nTask: I owned it.\nAction: I added a check.\nResult: no misses since.\n"),
    );
    let file = dir
        .path()
        .join("answers")
        .join(format!("{}.json", id.trim()));
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    assert_eq!(saved["created"], "2026-11-20T10:00:00Z");
    let all = due_json(dir.path(), NOW, true);
    let due = all[0]["due"].as_str().unwrap();
    // Whatever the scorer gave, a first answer comes back in 1, 3 or 7 days.
    assert!(
        ("2026-11-21T00:00:00Z"..="2026-11-27T00:00:00Z").contains(&due),
        "{due}"
    );
}
