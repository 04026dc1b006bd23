//! Owning the rubric from the command line: `barraiser rubric` prints the
//! one in use, `--rubric FILE` or `<home>/rubric.json` replaces it for every
//! command, a bad file is exit 2 naming the file, path and field (one that
//! cannot be read at all is exit 1), and every
//! report (and saved answer) says which rubric scored it.

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
    cmd.env("BARRAISER_HOME", home)
        .env_remove("BARRAISER_REVIEWER");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn stderr_of_failure(cmd: &mut Command) -> String {
    let out = cmd.assert().code(2).get_output().clone();
    String::from_utf8(out.stderr).unwrap()
}

fn builtin(home: &Path) -> String {
    stdout(barraiser(home).arg("rubric"))
}

fn score(home: &Path, extra: &[&str]) -> Value {
    let out = stdout(
        barraiser(home)
            .args(extra)
            .args(["score", "--principle", "earn_trust", "--json", "-"])
            .write_stdin(ANSWER),
    );
    serde_json::from_str(&out).unwrap()
}

fn total(report: &Value) -> f64 {
    report["total"].as_f64().unwrap()
}

/// The rubric with `signal`'s weight in every table that names it set to
/// `weight`.
fn with_weight(rubric: &str, signal: &str, weight: f64) -> String {
    let mut r: Value = serde_json::from_str(rubric).unwrap();
    let weights = r["weights"].as_object_mut().unwrap();
    let mut changed = 0;
    for (name, table) in weights.iter_mut() {
        let tables: Vec<&mut Value> = if name == "principles" {
            table.as_object_mut().unwrap().values_mut().collect()
        } else {
            vec![table]
        };
        for t in tables {
            if let Some(w) = t.get_mut(signal) {
                *w = weight.into();
                changed += 1;
            }
        }
    }
    assert!(changed > 0, "{signal} has no weight to change");
    r.to_string()
}

#[test]
fn rubric_prints_json_and_feeding_it_back_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let printed = builtin(home.path());
    let parsed: Value = serde_json::from_str(&printed).unwrap();
    assert!(parsed["version"].is_string());
    assert!(parsed["weights"]["structure"].is_object());
    let again = stdout(
        barraiser(home.path())
            .args(["--rubric", "-", "rubric"])
            .write_stdin(printed.clone()),
    );
    assert_eq!(again, printed);
    let file = home.path().join("copy.json");
    std::fs::write(&file, &printed).unwrap();
    let original = score(home.path(), &[]);
    let copied = score(home.path(), &["--rubric", file.to_str().unwrap()]);
    assert_eq!(original, copied);
}

#[test]
fn a_changed_weight_changes_the_total_and_the_version_line() {
    let home = tempfile::tempdir().unwrap();
    let original = score(home.path(), &[]);
    let mechanism = original["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "mechanism_fix")
        .unwrap();
    assert_eq!(mechanism["hit"], true, "the answer earns mechanism_fix");
    let tuned = with_weight(&builtin(home.path()), "mechanism_fix", 40.0);
    let file = home.path().join("tuned.json");
    std::fs::write(&file, tuned).unwrap();
    let rescored = score(home.path(), &["--rubric", file.to_str().unwrap()]);
    assert!(
        total(&rescored) > total(&original) + 1.0,
        "{} -> {}",
        total(&original),
        total(&rescored)
    );
    let (v1, v2) = (
        original["scorer_version"].as_str().unwrap(),
        rescored["scorer_version"].as_str().unwrap(),
    );
    assert_ne!(v1, v2, "same version field, different content");
    assert_eq!(v1.split('#').next(), v2.split('#').next());
}

#[test]
fn the_data_folders_rubric_is_used_and_saved_answers_keep_its_version() {
    let home = tempfile::tempdir().unwrap();
    let original = score(home.path(), &[]);
    let tuned = with_weight(&builtin(home.path()), "mechanism_fix", 40.0);
    std::fs::write(home.path().join("rubric.json"), &tuned).unwrap();
    let rescored = score(home.path(), &[]);
    assert!(total(&rescored) > total(&original) + 1.0);
    let out = stdout(
        barraiser(home.path())
            .args(["answer", "--question", "earn_trust-01", "--json", "-"])
            .write_stdin(ANSWER),
    );
    let saved: Value = serde_json::from_str(&out).unwrap();
    let id = saved["id"].as_str().unwrap();
    let file =
        std::fs::read_to_string(home.path().join("answers").join(format!("{id}.json"))).unwrap();
    let record: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(
        record["report"]["scorer_version"],
        rescored["scorer_version"]
    );
    // The printed rubric is the one in use.
    assert_eq!(builtin(home.path()).trim_end(), tuned);
}

#[test]
fn bad_rubric_files_exit_2_naming_file_path_and_field() {
    let home = tempfile::tempdir().unwrap();
    let good: Value = serde_json::from_str(&builtin(home.path())).unwrap();
    let cases: Vec<(&str, Value, &[&str])> = vec![
        (
            "unknown-signal.json",
            {
                let mut r = good.clone();
                r["weights"]["general"]["made_up_signal"] = 3.into();
                r
            },
            &["unknown-signal.json", "weights.general", "made_up_signal"],
        ),
        (
            "missing-field.json",
            {
                let mut r = good.clone();
                r["weights"].as_object_mut().unwrap().remove("general");
                r
            },
            &["missing-field.json", "weights", "general"],
        ),
        (
            "missing-tip.json",
            {
                let mut r = good.clone();
                r["tips"].as_object_mut().unwrap().remove("root_cause");
                r
            },
            &["missing-tip.json", "tips.root_cause"],
        ),
        (
            "wrong-type.json",
            {
                let mut r = good.clone();
                r["substance"]["floor"] = "high".into();
                r
            },
            &["wrong-type.json", "substance.floor"],
        ),
    ];
    for (name, rubric, wanted) in cases {
        let file = home.path().join(name);
        std::fs::write(&file, rubric.to_string()).unwrap();
        let err = stderr_of_failure(
            barraiser(home.path())
                .args(["--rubric", file.to_str().unwrap(), "score", "-"])
                .write_stdin(ANSWER),
        );
        for w in wanted {
            assert!(err.contains(w), "{name}: {err:?} lacks {w:?}");
        }
        assert_eq!(err.lines().count(), 1, "{err:?}");
    }
    // A file that cannot be read is an I/O failure (exit 1), as for
    // `--bank`; one that reads but is wrong is bad input (exit 2).
    let out = barraiser(home.path())
        .args(["--rubric", "nope.json", "rubric"])
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "barraiser: nope.json: No such file or directory (os error 2)\n"
    );
    std::fs::write(home.path().join("rubric.json"), "{ not json").unwrap();
    let err = stderr_of_failure(barraiser(home.path()).arg("principles"));
    assert!(err.contains("rubric.json"), "{err}");
}
