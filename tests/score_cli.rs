//! `barraiser score` and `calibrate` from the command line: whole outputs
//! for the readable and JSON reports and the batch form, and every bad
//! input getting a one-line message and exit code 2.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const ANSWER: &str = "Situation: Last spring I ran the orders database migration at Acme.\n\
Task: I owned the release.\n\
Action: I dropped a column without checking who read it, and refunds failed for 40 minutes. \
I restored it from backup and told the refunds team right away. \
I added a step to the migration tool that refuses a drop if any service read the column in 30 days.\n\
Result: It has blocked two risky drops since, and refunds have had zero outages.\n";

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home);
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// An evidence item's byte range.
fn span(e: &Value) -> (usize, usize) {
    let at = |k: &str| usize::try_from(e[k].as_u64().unwrap()).unwrap();
    (at("start"), at("end"))
}

fn fails_with(cmd: &mut Command, message: &str) {
    let out = cmd.assert().code(2).get_output().clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(message),
        "stderr {stderr:?} lacks {message:?}"
    );
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
}

#[test]
fn readable_report_shows_total_parts_signals_evidence_and_tips() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout_of(
        barraiser(home.path())
            .args(["score", "--principle", "earn_trust", "-"])
            .write_stdin(ANSWER),
    );
    insta::assert_snapshot!("readable_report", out);
}

#[test]
fn json_report_is_the_documented_contract() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout_of(
        barraiser(home.path())
            .args(["score", "--json", "-"])
            .write_stdin(ANSWER),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["principle"], "earn_trust");
    assert_eq!(v["question_id"], Value::Null);
    assert!(
        v["total"]
            .as_f64()
            .is_some_and(|t| (0.0..=100.0).contains(&t))
    );
    for part in ["situation", "task", "action", "result"] {
        assert_eq!(v["star"][part]["present"], true, "{part}");
    }
    let signals = v["signals"].as_array().unwrap();
    assert_eq!(signals.len(), barraiser::score::SignalId::ALL.len());
    for s in signals {
        for field in ["id", "hit", "applies", "points", "evidence", "tip"] {
            assert!(s.get(field).is_some(), "{s} lacks {field}");
        }
        for e in s["evidence"].as_array().unwrap() {
            let (a, b) = span(e);
            assert_eq!(&ANSWER[a..b], e["text"].as_str().unwrap());
        }
    }
    let version = v["scorer_version"].as_str().unwrap();
    assert!(version.starts_with("barraiser-score"));
    // The rubric's content hash changes with every rubric edit; the
    // snapshot keeps only its place.
    let hash = version.rsplit_once(" #").unwrap().1;
    assert_eq!(hash.len(), 8, "{version}");
    insta::assert_snapshot!("json_report", out.replace(hash, "[hash]"));
}

#[test]
fn star_json_input_is_scored_as_its_headed_text() {
    let home = tempfile::tempdir().unwrap();
    let star = r#"{"situation": "At Acme I ran payments.", "action": "I didn't check the config and broke checkout. I added a CI check that blocks it.", "result": "Zero config outages in 8 months."}"#;
    let out = stdout_of(
        barraiser(home.path())
            .args(["score", "--json", "-"])
            .write_stdin(star),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let text = "Situation: At Acme I ran payments.\n\nAction: I didn't check the config and broke checkout. I added a CI check that blocks it.\n\nResult: Zero config outages in 8 months.";
    assert_eq!(v["star"]["task"]["present"], false);
    for s in v["signals"].as_array().unwrap() {
        for e in s["evidence"].as_array().unwrap() {
            let (a, b) = span(e);
            assert_eq!(&text[a..b], e["text"].as_str().unwrap());
        }
    }
}

#[test]
fn question_id_brings_its_principle_and_kind() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout_of(
        barraiser(home.path())
            .args(["score", "--question", "earn_trust-01", "--json", "-"])
            .write_stdin(ANSWER),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["principle"], "earn_trust");
    assert_eq!(v["question_id"], "earn_trust-01");
}

#[test]
fn batch_writes_one_line_per_request_and_survives_bad_lines() {
    let home = tempfile::tempdir().unwrap();
    let input = [
        r#"{"id": "a", "principle": "ownership", "answer": "I broke the build by skipping the tests. I added a pre-commit hook that runs them."}"#,
        r#"{"id": "b", "answer": {"situation": "At a bank.", "action": "I rewrote the report."}}"#,
        r#"{"id": "c", "principle": "earn_trsut", "answer": "x"}"#,
        r#"{"id": "d", "answer": "   "}"#,
        r#"{"id": "e", "answer": 42}"#,
        "not json",
        "",
    ]
    .join("\n");
    let out = stdout_of(
        barraiser(home.path())
            .args(["score", "--jsonl", "-"])
            .write_stdin(input),
    );
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["principle"], "ownership");
    assert!(lines[0]["total"].is_number());
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[1]["principle"], "earn_trust");
    let errors: Vec<String> = lines[2..]
        .iter()
        .map(|l| format!("{} {}", l["id"], l["error"].as_str().unwrap()))
        .collect();
    insta::assert_snapshot!("batch_errors", errors.join("\n"));
}

#[test]
fn an_empty_answer_is_bad_input() {
    let home = tempfile::tempdir().unwrap();
    fails_with(
        barraiser(home.path())
            .args(["score", "-"])
            .write_stdin(" \n\t "),
        "answer is empty",
    );
    fails_with(
        barraiser(home.path())
            .args(["score", "-"])
            .write_stdin("{}"),
        "answer is empty",
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let home = tempfile::tempdir().unwrap();
    let mut bytes = b"I fixed it \xE2\x80\x99 then ".to_vec();
    bytes.extend_from_slice(b"\xFF\xFE broke");
    fails_with(
        barraiser(home.path())
            .args(["score", "-"])
            .write_stdin(bytes),
        "stdin: not valid UTF-8 at byte 20",
    );
}

#[test]
fn unknown_principle_or_question_lists_the_nearest() {
    let home = tempfile::tempdir().unwrap();
    fails_with(
        barraiser(home.path())
            .args(["score", "--principle", "earn_trsut", "-"])
            .write_stdin(ANSWER),
        "unknown principle 'earn_trsut'; nearest: earn_trust",
    );
    fails_with(
        barraiser(home.path())
            .args(["score", "--question", "earn_trust-1", "-"])
            .write_stdin(ANSWER),
        "unknown question 'earn_trust-1'; nearest: earn_trust-01",
    );
}

#[test]
fn a_malformed_labels_line_names_file_line_and_field() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let labels = dir.path().join("labels.jsonl");
    std::fs::write(
        &labels,
        "{\"id\":\"a\",\"principle\":\"earn_trust\",\"answer\":\"I fixed it.\",\"labels\":{}}\n\
         {\"id\":\"b\",\"principle\":\"earn_trust\",\"answer\":\"I fixed it.\",\"grade\":\"high\"}\n",
    )
    .unwrap();
    let name = labels.display().to_string();
    fails_with(
        barraiser(home.path()).arg("calibrate").arg(&labels),
        &format!("{name}:2: field `grade`: invalid type"),
    );
    let pairs = dir.path().join("pairs.jsonl");
    std::fs::write(
        &labels,
        "{\"id\":\"a\",\"principle\":\"earn_trust\",\"answer\":\"I fixed it.\"}\n",
    )
    .unwrap();
    std::fs::write(&pairs, "{\"better\":\"a\",\"worse\":\"zz\"}\n").unwrap();
    fails_with(
        barraiser(home.path())
            .arg("calibrate")
            .arg(&labels)
            .arg("--pairs")
            .arg(&pairs),
        "pairs.jsonl:1: field `worse`: no labelled answer has id 'zz'",
    );
}

#[test]
fn calibrate_prints_every_metric() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout_of(barraiser(home.path()).args([
        "calibrate",
        "tests/fixtures/labelled.jsonl",
        "--pairs",
        "tests/fixtures/pairs.jsonl",
    ]));
    for needle in [
        "precision",
        "recall",
        "F1",
        "Spearman",
        "length-matched",
        "length only",
        "owns_fault_first",
    ] {
        assert!(out.contains(needle), "calibrate output lacks {needle}");
    }
}
