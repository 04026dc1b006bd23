//! Where the data folder is missing or a named file is: read-only commands
//! never make a data folder, and exit codes follow the README (1 when a file
//! cannot be read or written, 2 when usage or input is wrong).

mod cli_support;

use std::path::Path;

use cli_support::{barraiser, fails};

/// Saves one answer under `home` with `barraiser answer`.
fn save_an_answer(home: &Path) {
    barraiser(home)
        .args(["answer", "--question", "earn_trust-01"])
        .write_stdin("I fixed the build.")
        .assert()
        .success();
}

#[test]
fn read_only_commands_at_a_missing_home_say_so_and_make_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("nowhere");
    for args in [
        &["stats"][..],
        &["stats", "--json"],
        &["export"],
        &["export", "--format", "json"],
        &["questions", "--stats"],
        &["calibrate", "--store"],
    ] {
        let err = fails(barraiser(&home).args(args), 2);
        assert_eq!(
            err,
            format!(
                "barraiser: no barraiser data at {}; save an answer first (`barraiser` or `barraiser answer`), or pass --home DIR\n",
                home.display()
            ),
            "{args:?}"
        );
        assert!(!home.exists(), "{args:?} made {}", home.display());
    }
}

#[test]
fn questions_principles_and_score_need_no_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("nowhere");
    for args in [&["questions"][..], &["principles"], &["score"]] {
        barraiser(&home)
            .args(args)
            .write_stdin("I fixed the build.")
            .assert()
            .success();
        assert!(!home.exists(), "{args:?} made {}", home.display());
    }
}

#[test]
fn a_missing_input_file_is_an_io_failure_naming_it() {
    let home = tempfile::tempdir().unwrap();
    for cmd in ["score", "import"] {
        let err = fails(barraiser(home.path()).args([cmd, "no-such-file.txt"]), 1);
        assert_eq!(
            err,
            "barraiser: no-such-file.txt: No such file or directory (os error 2)\n"
        );
    }
}

#[test]
fn export_into_a_missing_folder_names_the_folder() {
    let home = tempfile::tempdir().unwrap();
    save_an_answer(home.path());
    let target = home.path().join("missing/dir/x.md");
    let err = fails(
        barraiser(home.path()).arg("export").arg("-o").arg(&target),
        1,
    );
    assert_eq!(
        err,
        format!(
            "barraiser: cannot save {}: the folder {} does not exist; create it or choose another -o\n",
            target.display(),
            home.path().join("missing/dir").display()
        )
    );
}

/// A user bank with a question whose `kind` is misspelt on line 6 (the
/// error points after the value, column 22).
const BROKEN_BANK: &str = r#"{
  "questions": [
    {
      "id": "mine-01",
      "principle": "earn_trust",
      "kind": "storyy",
      "text": "Tell me about a time you rebuilt trust.",
      "hint": "h",
      "follow_ups": []
    }
  ]
}
"#;

fn broken_bank_warning(home: &Path) -> String {
    format!(
        "barraiser: warning: {}:6:22: questions[0].kind: unknown variant `storyy`, expected one of `story`, `mistake`, `failure`, `conflict`, `hypothetical`; your own questions are left out until this is fixed — the built-in ones are here\n",
        home.join("questions.json").display()
    )
}

#[test]
fn a_broken_bank_in_the_home_warns_and_the_answers_stay_reachable() {
    let home = tempfile::tempdir().unwrap();
    save_an_answer(home.path());
    std::fs::write(home.path().join("questions.json"), BROKEN_BANK).unwrap();
    for args in [&["stats"][..], &["export"], &["questions"]] {
        let out = barraiser(home.path()).args(args).assert().success();
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert_eq!(err, broken_bank_warning(home.path()), "{args:?}");
    }
}

#[test]
fn answering_a_question_from_the_broken_bank_hands_the_words_back() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("questions.json"), BROKEN_BANK).unwrap();
    let err = fails(
        barraiser(home.path())
            .args(["answer", "--question", "mine-01"])
            .write_stdin("I rebuilt it, one promise kept at a time."),
        2,
    );
    assert_eq!(
        err,
        format!(
            "{}barraiser: your answer was not saved; here it is, so nothing is lost:\nI rebuilt it, one promise kept at a time.\nbarraiser: unknown question 'mine-01'; nearest: {} (see `barraiser questions`)\n",
            broken_bank_warning(home.path()),
            barraiser::bank::Bank::embedded()
                .nearest_questions("mine-01", 3)
                .join(", ")
        )
    );
}
