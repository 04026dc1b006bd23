//! Input that should not break a batch or a record: a line that is not
//! UTF-8 in a batch, a STAR object given to `answer`, a misspelt STAR key,
//! the same answer saved twice, and text past the scorer's limit.

mod cli_support;

use std::path::Path;

use cli_support::{barraiser, fails, output};
use serde_json::Value;

#[test]
fn a_batch_line_that_is_not_utf8_is_an_error_line_and_the_batch_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let mut input = br#"{"id": "a", "answer": "I fixed the build."}"#.to_vec();
    input.extend_from_slice(b"\n{\"id\": \"b\", \"answer\": \"caf\xe9\"}\n");
    input.extend_from_slice(br#"{"id": "c", "answer": "I added an alarm."}"#);
    let (out, err) = output(
        barraiser(home.path())
            .args(["score", "--jsonl", "-"])
            .write_stdin(input),
    );
    assert_eq!(err, "");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["total"].is_number());
    assert_eq!(
        lines[1],
        serde_json::json!({"id": "b", "error": "line 2: not valid UTF-8 at byte 26 of the line"})
    );
    assert_eq!(lines[2]["id"], "c");
    assert!(lines[2]["total"].is_number());
}

/// The first `earn_trust` question of the embedded bank.
fn question() -> String {
    let bank = barraiser::bank::Bank::embedded();
    bank.questions_for("earn_trust")
        .next()
        .unwrap()
        .id
        .0
        .clone()
}

fn saved(home: &Path, id: &str) -> Value {
    let path = home.join("answers").join(format!("{id}.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn answer_takes_the_star_object_that_score_takes() {
    let home = tempfile::tempdir().unwrap();
    let object = r#"{"situation": "Our export broke.", "action": "I added a check.", "result": "No misses since."}"#;
    let (out, err) = output(
        barraiser(home.path())
            .args(["answer", "--question", &question()])
            .write_stdin(object),
    );
    assert_eq!(err, "");
    let record = saved(home.path(), out.trim_end());
    assert_eq!(
        record["star"],
        serde_json::json!({"situation": "Our export broke.", "task": "",
                           "action": "I added a check.", "result": "No misses since."})
    );
    assert_eq!(
        record["text"],
        "Situation: Our export broke.\n\nAction: I added a check.\n\nResult: No misses since."
    );
    let scored: Value = serde_json::from_str(
        &output(
            barraiser(home.path())
                .args(["score", "--json", "--question", &question()])
                .write_stdin(object),
        )
        .0,
    )
    .unwrap();
    assert_eq!(record["report"]["star"], scored["star"]);
}

#[test]
fn a_misspelt_star_key_is_refused_naming_it_in_score_and_answer() {
    let home = tempfile::tempdir().unwrap();
    let object = r#"{"situaton": "Our export broke.", "action": "I added a check."}"#;
    let expected = "barraiser: stdin: unknown STAR key 'situaton'; the keys are situation, task, action and result\n";
    let err = fails(barraiser(home.path()).arg("score").write_stdin(object), 2);
    assert_eq!(err, expected);
    let err = fails(
        barraiser(home.path())
            .args(["answer", "--question", &question()])
            .write_stdin(object),
        2,
    );
    // answer also hands back the words it read from stdin.
    assert_eq!(
        err,
        format!(
            "barraiser: your answer was not saved; here it is, so nothing is lost:\n{object}\n{expected}"
        )
    );
    assert!(
        !home.path().join("answers").exists()
            || std::fs::read_dir(home.path().join("answers"))
                .unwrap()
                .next()
                .is_none()
    );

    let line = format!("{{\"id\": 7, \"answer\": {object}}}\n");
    let (out, _) = output(
        barraiser(home.path())
            .args(["score", "--jsonl"])
            .write_stdin(line),
    );
    assert_eq!(
        out,
        "{\"id\":7,\"error\":\"line 1: answer: unknown STAR key 'situaton'; the keys are situation, task, action and result\"}\n"
    );
}

#[test]
fn saving_the_same_words_twice_for_a_question_warns() {
    let home = tempfile::tempdir().unwrap();
    let story = "Situation: our export broke.\nAction: I added a check.\n";
    let answer = || {
        output(
            barraiser(home.path())
                .args(["answer", "--question", &question()])
                .write_stdin(story),
        )
    };
    let (first, err) = answer();
    assert_eq!(err, "");
    let (second, err) = answer();
    assert_eq!(
        err,
        format!(
            "barraiser: warning: these exact words were already saved for {} as answer {}; saved again as answer {}\n",
            question(),
            first.trim_end(),
            second.trim_end()
        )
    );
}

/// One heading parser: an answer headed `Outcome:` is saved, exported and
/// scored with that part as its Result.
#[test]
fn an_outcome_heading_is_the_result_in_the_record_and_the_export() {
    let home = tempfile::tempdir().unwrap();
    let story =
        "Situation: our export broke.\nAction: I added a check.\nOutcome: no misses in 3 months.\n";
    let (out, _) = output(
        barraiser(home.path())
            .args(["answer", "--json", "--question", &question()])
            .write_stdin(story),
    );
    let reply: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(reply["report"]["star"]["result"]["present"], true);
    let record = saved(home.path(), reply["id"].as_str().unwrap());
    assert_eq!(record["star"]["action"], "I added a check.");
    assert_eq!(record["star"]["result"], "no misses in 3 months.");
    let (md, _) = output(barraiser(home.path()).arg("export"));
    assert!(
        md.contains("**Action**\n\n> I added a check.\n\n**Result**\n\n> no misses in 3 months.\n"),
        "{md}"
    );
}

/// An answer past the 512 KiB the scorer reads: the JSON report says
/// `"truncated": true`, the readable one says so in a line, and stderr warns.
#[test]
fn an_answer_past_512_kib_is_reported_as_cut() {
    let home = tempfile::tempdir().unwrap();
    let long = "I added an alarm to the nightly export. ".repeat(15_000);
    assert!(long.len() > 512 * 1024);
    let warning = "barraiser: warning: stdin: only the first 512 KiB of this answer were scored; the rest was not read\n";

    let (json, err) = output(
        barraiser(home.path())
            .args(["score", "--json"])
            .write_stdin(long.clone()),
    );
    assert_eq!(err, warning);
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["truncated"], true);

    let (text, err) = output(
        barraiser(home.path())
            .arg("score")
            .write_stdin(long.clone()),
    );
    assert_eq!(err, warning);
    let third = text.lines().nth(2).unwrap();
    assert_eq!(
        third,
        "only the first 512 KiB of this answer were scored; the rest was not read"
    );

    let line = serde_json::json!({"id": 1, "answer": long}).to_string();
    let (out, err) = output(
        barraiser(home.path())
            .args(["score", "--jsonl"])
            .write_stdin(line),
    );
    assert!(
        out.ends_with(",\"truncated\":true}\n"),
        "{}",
        &out[out.len() - 80..]
    );
    assert_eq!(
        err,
        "barraiser: warning: line 1: only the first 512 KiB of this answer were scored; the rest was not read\n"
    );

    // A short answer carries no such field.
    let (json, err) = output(
        barraiser(home.path())
            .args(["score", "--json"])
            .write_stdin("I added an alarm."),
    );
    assert_eq!(err, "");
    assert!(!json.contains("truncated"), "{json}");
}
