//! A blind grading round from the command line: `export --blind` writes
//! answers without any score, signal or review; each grader imports it
//! (their barraiser scores it afresh), grades, and exports; importing both
//! graders' files merges both graders' reviews onto the same answers.

use std::path::Path;

use assert_cmd::Command;
use barraiser::answer::{AnswerId, Review};
use barraiser::store::Store;
use serde_json::Value;

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env_remove("BARRAISER_REVIEWER");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

const ANSWERS: [&str; 3] = [
    "Situation: I shipped a config change at Acme.\nAction: I broke checkout for 20 minutes, rolled it back and told support.\nResult: I added a CI check; zero config outages since.",
    "Situation: Our team missed a launch.\nAction: We talked about it and the others fixed things.\nResult: It went fine in the end.",
    "Situation: I deleted a table in staging.\nAction: I restored it from backup and wrote a guard script.\nResult: Two drops blocked since.",
];

/// Three saved answers, one already reviewed by the candidate's mentor.
fn candidate(home: &Path) -> Vec<String> {
    let ids: Vec<String> = ANSWERS
        .iter()
        .map(|a| {
            stdout(
                barraiser(home)
                    .args(["answer", "--question", "earn_trust-01", "-"])
                    .write_stdin(*a),
            )
            .trim()
            .to_owned()
        })
        .collect();
    grade(home, &ids[0], "mentor", 5);
    ids
}

fn grade(home: &Path, id: &str, who: &str, grade: u8) {
    let mut store = Store::open(home).unwrap();
    let review = Review {
        reviewer: who.to_owned(),
        at: "2026-12-01T10:00:00Z".parse().unwrap(),
        grade: Some(grade),
        comment: format!("{who} read it blind"),
    };
    store.add_review(&AnswerId(id.to_owned()), review).unwrap();
}

fn blind_export(home: &Path, extra: &[&str]) -> (String, Value) {
    let file = home.join(format!("blind{}.json", extra.len()));
    barraiser(home)
        .args(["export", "--format", "json", "--blind", "-o"])
        .arg(&file)
        .args(extra)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    let v = serde_json::from_str(&text).unwrap();
    (file.to_str().unwrap().to_owned(), v)
}

#[test]
fn a_blind_export_has_no_total_no_signals_and_no_reviews() {
    let home = tempfile::tempdir().unwrap();
    let ids = candidate(home.path());
    let (_, v) = blind_export(home.path(), &[]);
    let answers = v["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 3);
    assert_eq!(v["blind"], true);
    let text = v.to_string();
    for hidden in [
        "\"total\"",
        "\"signals\"",
        "\"reviews\"",
        "\"report\"",
        "mentor",
        "evidence",
    ] {
        assert!(!text.contains(hidden), "{hidden} in a blind export");
    }
    assert_eq!(answers[0]["id"], ids[0].as_str());
    assert_eq!(answers[0]["text"], ANSWERS[0]);
    assert_eq!(answers[0]["question"]["id"], "earn_trust-01");

    let (_, sampled) = blind_export(home.path(), &["--sample", "2"]);
    let picked = sampled["answers"].as_array().unwrap();
    assert_eq!(picked.len(), 2);
    assert!(
        picked
            .iter()
            .all(|a| ids.contains(&a["id"].as_str().unwrap().to_owned()))
    );

    barraiser(home.path())
        .args(["export", "--blind"])
        .assert()
        .code(2);
}

#[test]
fn importing_two_graders_exports_merges_both_graders_reviews() {
    let lead = tempfile::tempdir().unwrap();
    let ids = candidate(lead.path());
    let (blind, _) = blind_export(lead.path(), &[]);
    let mut returned = Vec::new();
    for (who, grades) in [("ann", [4, 2, 3]), ("bo", [3, 1, 4])] {
        let grader = tempfile::tempdir().unwrap();
        let out = stdout(barraiser(grader.path()).args(["import", &blind]));
        assert!(out.contains("3 new answers"), "{out}");
        // The grader's copy scored each answer afresh, and shows no review.
        let store = Store::open(grader.path()).unwrap();
        for a in store.answers() {
            assert!(a.reviews.is_empty());
            assert!(a.report.scorer_version.starts_with("barraiser-score"));
            assert_eq!(
                a.report.signals.len(),
                barraiser::score::SignalId::ALL.len()
            );
        }
        drop(store);
        for (id, g) in ids.iter().zip(grades) {
            grade(grader.path(), id, who, g);
        }
        let file = lead.path().join(format!("{who}.json"));
        barraiser(grader.path())
            .args(["export", "--format", "json", "-o"])
            .arg(&file)
            .assert()
            .success();
        returned.push(file);
    }
    for file in &returned {
        let out = stdout(barraiser(lead.path()).arg("import").arg(file));
        assert!(out.contains("3 reviews added to 3 answers"), "{out}");
    }
    let store = Store::open(lead.path()).unwrap();
    assert_eq!(store.len(), 3, "merged by id, no copies");
    let first = store.get(&AnswerId(ids[0].clone())).unwrap();
    let mut who: Vec<(&str, Option<u8>)> = first
        .reviews
        .iter()
        .map(|r| (r.reviewer.as_str(), r.grade))
        .collect();
    who.sort_unstable();
    assert_eq!(
        who,
        [("ann", Some(4)), ("bo", Some(3)), ("mentor", Some(5))]
    );
    drop(store);
    let out = stdout(barraiser(lead.path()).args(["calibrate", "--store", "--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["agreement"]["answers"], 3);
    assert_eq!(v["agreement"]["graders"], 3);
}
