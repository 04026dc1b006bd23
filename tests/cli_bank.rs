//! The bank from the command line: `principles`, `questions`, `--bank`, and
//! the user's own bank file in the data folder.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env_remove("BARRAISER_REVIEWER");
    cmd
}

fn json_out(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

/// Runs `cmd`, expects exit 2 (bad input), and returns stderr.
fn bad_input(cmd: &mut Command) -> String {
    let out = cmd.assert().code(2);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// A question about a mistake or a failure.
fn is_mistake(q: &Value) -> bool {
    q["kind"] == "mistake" || q["kind"] == "failure"
}

fn questions(home: &Path, args: &[&str]) -> Vec<Value> {
    let v = json_out(barraiser(home).arg("questions").args(args).arg("--json"));
    v.as_array().unwrap().clone()
}

#[test]
fn principles_json_lists_the_sixteen_with_names_and_summaries() {
    let home = tempfile::tempdir().unwrap();
    let v = json_out(barraiser(home.path()).args(["principles", "--json"]));
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 16);
    for p in list {
        for field in ["id", "name", "summary", "listens_for"] {
            assert!(
                p[field].as_str().is_some_and(|s| !s.is_empty()),
                "{p} lacks {field}"
            );
        }
    }
    assert!(
        list.iter()
            .any(|p| p["id"] == "have_backbone_disagree_and_commit")
    );
}

#[test]
fn principles_table_shows_names_and_counts() {
    let home = tempfile::tempdir().unwrap();
    let out = barraiser(home.path()).arg("principles").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(text.lines().count(), 16);
    assert!(
        text.contains("earn_trust") && text.contains("Earn Trust"),
        "{text}"
    );
}

#[test]
fn every_principle_has_eight_questions_each_with_hint_and_two_follow_ups() {
    let home = tempfile::tempdir().unwrap();
    let all = questions(home.path(), &[]);
    assert!(all.len() >= 128, "only {} questions", all.len());
    let principles = json_out(barraiser(home.path()).args(["principles", "--json"]));
    for p in principles.as_array().unwrap() {
        let n = all.iter().filter(|q| q["principle"] == p["id"]).count();
        assert!(n >= 8, "{} has {n} questions", p["id"]);
    }
    for q in &all {
        assert!(
            q["hint"].as_str().is_some_and(|h| !h.trim().is_empty()),
            "{q}"
        );
        assert!(q["follow_ups"].as_array().unwrap().len() >= 2, "{q}");
        assert!(q["tags"].is_array() && q["text"].is_string(), "{q}");
    }
}

#[test]
fn mistake_questions_are_spread_over_the_principles_that_probe_them() {
    let home = tempfile::tempdir().unwrap();
    let all = questions(home.path(), &[]);
    assert!(all.iter().filter(|q| is_mistake(q)).count() >= 16);
    for p in [
        "earn_trust",
        "ownership",
        "insist_on_the_highest_standards",
        "deliver_results",
        "dive_deep",
        "bias_for_action",
    ] {
        assert!(
            all.iter().any(|q| is_mistake(q) && q["principle"] == p),
            "no mistake question for {p}"
        );
    }
}

#[test]
fn principle_filter_keeps_only_that_principle() {
    let home = tempfile::tempdir().unwrap();
    let some = questions(home.path(), &["--principle", "frugality"]);
    assert!(some.len() >= 8);
    assert!(some.iter().all(|q| q["principle"] == "frugality"));
}

#[test]
fn unknown_principle_exits_2_and_suggests_the_nearest() {
    let home = tempfile::tempdir().unwrap();
    let err = bad_input(barraiser(home.path()).args(["questions", "--principle", "frugalty"]));
    assert!(
        err.contains("frugalty") && err.contains("frugality"),
        "{err}"
    );
}

#[test]
fn search_for_mistake_ranks_mistake_questions_first() {
    let home = tempfile::tempdir().unwrap();
    let found = questions(home.path(), &["--search", "mistake"]);
    assert!(found.len() >= 5);
    for q in &found[..5] {
        assert!(is_mistake(q), "non-mistake question ranked high: {q}");
    }
}

#[test]
fn search_and_principle_filter_combine() {
    let home = tempfile::tempdir().unwrap();
    let found = questions(
        home.path(),
        &["--principle", "earn_trust", "--search", "mistake"],
    );
    assert!(!found.is_empty());
    assert!(found.iter().all(|q| q["principle"] == "earn_trust"));
}

const EXTRA: &str = r#"{
  "questions": [
    {
      "id": "mine-01",
      "principle": "earn_trust",
      "text": "Tell me about a time you had to rebuild a team's trust in you.",
      "kind": "story",
      "tags": ["trust"],
      "hint": "Says what they did that broke it, and what changed after.",
      "follow_ups": ["How did you know trust was back?", "What would you do sooner?"]
    }
  ]
}
"#;

#[test]
fn an_extra_bank_adds_its_questions() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("extra.json");
    std::fs::write(&file, EXTRA).unwrap();
    let base = questions(home.path(), &[]).len();
    let more = questions(home.path(), &["--bank", file.to_str().unwrap()]);
    assert_eq!(more.len(), base + 1);
    assert!(more.iter().any(|q| q["id"] == "mine-01"));
}

#[test]
fn a_bank_file_in_the_data_folder_loads_by_itself() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("questions.json"), EXTRA).unwrap();
    let all = questions(home.path(), &["--principle", "earn_trust"]);
    assert!(all.iter().any(|q| q["id"] == "mine-01"));
}

#[test]
fn another_companys_model_replaces_the_default_set() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("acme.json");
    std::fs::write(
        &file,
        r#"{"replace": true,
            "principles": [{"id": "craft", "name": "Craft", "summary": "Care about the work. Sweat the details.", "listens_for": "Details."}],
            "questions": [{"id": "craft-01", "principle": "craft", "text": "Tell me about work you are proud of.",
                           "kind": "story", "tags": [], "hint": "Specific details.", "follow_ups": ["Why?", "What else?"]}]}"#,
    )
    .unwrap();
    let bank = ["--bank", file.to_str().unwrap()];
    let principles = json_out(
        barraiser(home.path())
            .args(bank)
            .args(["principles", "--json"]),
    );
    assert_eq!(principles.as_array().unwrap().len(), 1);
    assert_eq!(questions(home.path(), &bank).len(), 1);
}

fn bank_error(text: &str) -> String {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bad.json");
    std::fs::write(&file, text).unwrap();
    let err =
        bad_input(barraiser(home.path()).args(["--bank", file.to_str().unwrap(), "questions"]));
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("bad.json"), "names the file: {err}");
    err
}

#[test]
fn malformed_bank_exits_2_naming_file_line_and_column() {
    let err = bank_error("{\n  \"questions\": [\n    {\"id\": \"x\",,}\n  ]\n}\n");
    assert!(err.contains("bad.json:3:"), "{err}");
}

#[test]
fn wrong_kind_names_the_field_path() {
    let err = bank_error(&EXTRA.replace("\"story\"", "\"anecdote\""));
    assert!(err.contains("questions[0].kind"), "{err}");
}

#[test]
fn duplicate_question_id_exits_2_naming_the_id() {
    let err = bank_error(&EXTRA.replace("mine-01", "earn_trust-01"));
    assert!(
        err.contains("'earn_trust-01'") && err.contains("twice"),
        "{err}"
    );
}

#[test]
fn unknown_principle_in_a_bank_exits_2_naming_id_and_field() {
    let err = bank_error(&EXTRA.replace("\"earn_trust\"", "\"earn_trusty\""));
    assert!(
        err.contains("'mine-01'") && err.contains("principle"),
        "{err}"
    );
    assert!(err.contains("earn_trust"), "suggests the nearest: {err}");
}

#[test]
fn empty_question_text_exits_2() {
    let err = bank_error(&EXTRA.replace(
        "Tell me about a time you had to rebuild a team's trust in you.",
        " ",
    ));
    assert!(err.contains("text") && err.contains("empty"), "{err}");
}

/// A file that cannot be read is an I/O failure (exit 1), as the README
/// says; a file that reads but is wrong is bad input (exit 2).
#[test]
fn missing_bank_file_exits_1_naming_it() {
    let home = tempfile::tempdir().unwrap();
    let out = barraiser(home.path())
        .args(["--bank", "no-such-bank.json", "questions"])
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "barraiser: no-such-bank.json: No such file or directory (os error 2)\n"
    );
}

#[test]
fn the_tui_without_a_terminal_exits_2_with_a_hint() {
    let home = tempfile::tempdir().unwrap();
    let err = bad_input(barraiser(home.path()).write_stdin(""));
    assert!(err.contains("terminal"), "{err}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let home = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("barraiser"))
        .args(["questions", "--json"])
        .env("BARRAISER_HOME", home.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone: like `barraiser questions --json | head -c 16`.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(stderr.is_empty(), "{stderr}");
}
