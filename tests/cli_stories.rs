//! The story bank from the command line: `answer --story` saves the name
//! with the answer, and `stories --json` reports each story's principles
//! (best total each), when it was last told, the principles no story
//! serves, and the stories told for more than three principles. Records
//! are built by hand, so the totals here do not depend on the scorer.

mod store_support;

use std::path::Path;

use assert_cmd::Command;
use barraiser::answer::{AnswerId, AnswerRecord};
use barraiser::bank::{PrincipleId, QuestionId};
use barraiser::store::Store;
use serde_json::{Value, json};

const NOW: &str = "2026-11-23T10:00:00Z";

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env("BARRAISER_NOW", NOW)
        .env("TZ", "UTC");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// An answer to `question` telling `story`, saved at `at` with `total`.
fn told(question: &str, story: Option<&str>, at: &str, total: f64) -> AnswerRecord {
    let at: jiff::Timestamp = at.parse().unwrap();
    let principle = question.rsplit_once('-').unwrap().0;
    let mut r = store_support::record(1, principle);
    r.id = AnswerId::at(at);
    r.created = at;
    r.updated = at;
    r.question.id = QuestionId(question.to_owned());
    r.question.principle = PrincipleId(principle.to_owned());
    r.report.total = total;
    r.story = story.map(str::to_owned);
    r
}

/// "Black Friday" told for five principles (once twice, for ownership),
/// "Pager rota" for one, and an answer with no story.
fn store(home: &Path) {
    let mut store = Store::open(home).unwrap();
    for r in [
        told(
            "ownership-01",
            Some("Black Friday"),
            "2026-11-10T10:00:00Z",
            50.0,
        ),
        told(
            "ownership-02",
            Some("black friday"),
            "2026-11-12T10:00:00Z",
            72.0,
        ),
        told(
            "dive_deep-01",
            Some("Black Friday"),
            "2026-11-13T10:00:00Z",
            60.0,
        ),
        told(
            "frugality-01",
            Some("Black Friday"),
            "2026-11-14T10:00:00Z",
            40.0,
        ),
        told(
            "earn_trust-01",
            Some("Black Friday"),
            "2026-11-15T10:00:00Z",
            66.0,
        ),
        told(
            "customer_obsession-05",
            Some("Pager rota"),
            "2026-11-16T10:00:00Z",
            81.0,
        ),
        told("bias_for_action-01", None, "2026-11-17T10:00:00Z", 90.0),
    ] {
        store.save(r).unwrap();
    }
}

#[test]
fn stories_json_reports_each_story_its_gaps_and_overuse() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let got: Value =
        serde_json::from_str(&stdout(barraiser(dir.path()).args(["stories", "--json"]))).unwrap();
    let covered = [
        "ownership",
        "dive_deep",
        "frugality",
        "earn_trust",
        "customer_obsession",
    ];
    let bank = barraiser::bank::Bank::embedded();
    let uncovered: Vec<&str> = bank
        .principles()
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| !covered.contains(id))
        .collect();
    assert_eq!(uncovered.len(), 11);
    assert_eq!(
        got,
        json!({
            "stories": [
                {
                    // Names differing only in case are one story, spelt as
                    // last written; ownership keeps its better total.
                    "name": "Black Friday",
                    "answers": 5,
                    "principles": {"dive_deep": 60.0, "earn_trust": 66.0, "frugality": 40.0, "ownership": 72.0},
                    "last": "2026-11-15T10:00:00Z",
                },
                {
                    "name": "Pager rota",
                    "answers": 1,
                    "principles": {"customer_obsession": 81.0},
                    "last": "2026-11-16T10:00:00Z",
                },
            ],
            // bias_for_action was answered, but with no story.
            "uncovered": uncovered,
            "overused": ["Black Friday"],
        })
    );
}

#[test]
fn stories_text_calls_out_the_gaps_by_kind() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let text = stdout(barraiser(dir.path()).arg("stories"));
    assert!(
        text.starts_with("Stories: 2 · 5 of 16 principles covered"),
        "{text}"
    );
    assert!(
        text.contains("11 principles with no story: Invent and Simplify · Are Right, A Lot · "),
        "{text}"
    );
    // ownership-01, ownership-02, dive_deep-01 and earn_trust-01 carry a
    // story; bias_for_action-01 (a mistake question too) does not.
    assert!(
        text.contains("4 of 30 mistake/failure questions answered with a story"),
        "{text}"
    );
    assert!(
        text.contains("1 of 17 conflict questions answered with a story"),
        "{text}"
    );
    assert!(
        text.contains("\"Black Friday\" serves more than 3 principles"),
        "{text}"
    );
}

#[test]
fn answer_story_is_saved_with_the_answer_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let id = stdout(
        barraiser(dir.path())
            .args([
                "answer",
                "--question",
                "ownership-01",
                "--story",
                "  Black Friday\tschedule ",
            ])
            .write_stdin(
                "Situation: our sale. Action: I rebuilt the schedule. Result: 30% fewer pages.",
            ),
    );
    let id = AnswerId(id.trim().to_owned());
    let store = Store::open(dir.path()).unwrap();
    // Stored cleaned: trimmed, the tab a space.
    assert_eq!(
        store.load(&id).unwrap().story.as_deref(),
        Some("Black Friday schedule")
    );
    assert_eq!(store.summaries()[0].story, "Black Friday schedule");
    drop(store);
    let got: Value =
        serde_json::from_str(&stdout(barraiser(dir.path()).args(["stories", "--json"]))).unwrap();
    assert_eq!(got["stories"][0]["name"], "Black Friday schedule");
    assert_eq!(got["stories"][0]["last"], NOW);
    assert!(got["stories"][0]["principles"]["ownership"].is_number());
}

#[test]
fn an_empty_story_name_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    barraiser(dir.path())
        .args(["answer", "--question", "ownership-01", "--story", "  "])
        .write_stdin("I fixed it.")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--story: the story name is empty",
        ));
    assert!(Store::open(dir.path()).unwrap().is_empty());
}

#[test]
fn stories_never_creates_a_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("nowhere");
    barraiser(&home)
        .args(["stories", "--json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no barraiser data at"));
    assert!(!home.exists());
}

#[test]
fn a_story_set_later_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path());
    let mut store = Store::open(dir.path()).unwrap();
    let id = store.summaries().last().unwrap().id.clone();
    store.set_story(&id, Some("On-call rewrite")).unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        store.load(&id).unwrap().story.as_deref(),
        Some("On-call rewrite")
    );
    assert_eq!(store.summaries().last().unwrap().story, "On-call rewrite");
}
