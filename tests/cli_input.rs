//! Input that should not break a batch or a record: a line that is not
//! UTF-8 in a batch, a STAR object given to `answer`, a misspelt STAR key,
//! the same answer saved twice, and text past the scorer's limit.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env_remove("BARRAISER_REVIEWER");
    cmd
}

fn output(cmd: &mut Command) -> (String, String) {
    let out = cmd.assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs `cmd`, expects exit `code` and nothing on stdout; returns stderr.
fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).stdout("").get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}

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
