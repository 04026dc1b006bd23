//! The store from the command line: `answer`, `stats`, `export`, `import`,
//! with whole-output checks where the output is ours to fix (not the
//! scorer's totals, which another module decides).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
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

/// Runs `cmd`, expects exit `code` and nothing on stdout, and returns stderr.
fn fails(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).stdout("");
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// Where answer `id` is saved under `home`.
fn answer_file(home: &Path, id: &str) -> PathBuf {
    home.join("answers").join(format!("{id}.json"))
}

fn stats_json(home: &Path) -> Value {
    serde_json::from_str(&stdout(barraiser(home).args(["stats", "--json"]))).unwrap()
}

/// Exports everything under `home` as JSON into `file`.
fn export_json(home: &Path, file: &Path) {
    barraiser(home)
        .args(["export", "--format", "json", "-o"])
        .arg(file)
        .assert()
        .success()
        .stdout("");
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

const STORY: &str = "Situation: our nightly export broke.\nTask: I owned it.\nAction: I added a check.\nResult: 0 misses in 3 months.\n";

fn answer(home: &Path, text: &str) -> String {
    let out = stdout(
        barraiser(home)
            .args(["answer", "--question", &question()])
            .write_stdin(text),
    );
    out.strip_suffix('\n').unwrap().to_owned()
}

/// Answers question `qid` with `STORY`, expecting exit `code`; returns stderr.
fn answer_fails(home: &Path, qid: &str, code: i32) -> String {
    fails(
        barraiser(home)
            .args(["answer", "--question", qid])
            .write_stdin(STORY),
        code,
    )
}

#[test]
fn answer_waits_for_a_writer_that_lets_go_and_then_saves() {
    let home = tempfile::tempdir().unwrap();
    let holder = barraiser::store::Store::open(home.path()).unwrap();
    let root = home.path().to_owned();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_barraiser"))
        .env("BARRAISER_HOME", &root)
        .args(["answer", "--question", &question()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = child;
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), STORY.as_bytes()).unwrap();
    // The command is waiting on the lock (or not yet started): let go.
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(holder);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("read-only"), "{err}");
    let id = String::from_utf8(out.stdout).unwrap();
    assert!(answer_file(home.path(), id.trim()).is_file());
}

#[test]
fn forty_answers_at_once_all_save() {
    let home = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..40)
        .map(|n| {
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_barraiser"))
                .env("BARRAISER_HOME", home.path())
                .args(["answer", "--question", &question()])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            let text = format!("{STORY}Answer number {n}.\n");
            std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
            child
        })
        .collect();
    let mut ids = std::collections::BTreeSet::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        ids.insert(String::from_utf8(out.stdout).unwrap().trim().to_owned());
    }
    assert_eq!(ids.len(), 40);
    for id in &ids {
        assert!(answer_file(home.path(), id).is_file(), "{id}");
    }
    assert_eq!(stats_json(home.path())["answers"], 40);
}

#[test]
fn a_wait_that_is_not_a_number_of_seconds_is_bad_usage() {
    let home = tempfile::tempdir().unwrap();
    let err = fails(barraiser(home.path()).args(["--wait", "soon", "stats"]), 2);
    assert!(err.contains("'soon' is not a number of seconds"), "{err}");
    let err = fails(barraiser(home.path()).args(["--wait=-1", "stats"]), 2);
    assert!(err.contains("out of range"), "{err}");
}

#[test]
fn answer_prints_the_id_alone_and_the_file_holds_the_exact_text() {
    let home = tempfile::tempdir().unwrap();
    let id = answer(home.path(), STORY);
    assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id:?}");
    let saved: Value =
        serde_json::from_slice(&std::fs::read(answer_file(home.path(), &id)).unwrap()).unwrap();
    assert_eq!(saved["text"], STORY);
    assert_eq!(saved["id"], id.as_str());
    assert_eq!(saved["question"]["id"], question().as_str());
    assert_eq!(saved["question"]["principle"], "earn_trust");
    assert_eq!(saved["star"]["task"], "I owned it.");
    assert_eq!(saved["star"]["result"], "0 misses in 3 months.");
    assert_eq!(saved["schema_version"], barraiser::answer::SCHEMA_VERSION);
}

#[test]
fn answer_reads_a_file_and_json_prints_id_and_report() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("story.txt");
    std::fs::write(&file, "I shipped late and told nobody. Never again.").unwrap();
    let out = stdout(
        barraiser(home.path())
            .args(["answer", "--json", "--question", &question()])
            .arg(&file),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["id", "report"]);
    assert!(v["report"]["total"].is_number());
    assert_eq!(v["report"]["question_id"], question().as_str());
    let id = v["id"].as_str().unwrap();
    assert!(answer_file(home.path(), id).exists());
}

#[test]
fn an_empty_answer_is_refused_and_nothing_is_saved() {
    let home = tempfile::tempdir().unwrap();
    barraiser(home.path())
        .args(["answer", "--question", &question()])
        .write_stdin(" \n\t\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr("barraiser: stdin: answer is empty\n");
    assert!(!home.path().join("answers").exists());
}

#[test]
fn an_unknown_question_is_bad_input() {
    let home = tempfile::tempdir().unwrap();
    let err = answer_fails(home.path(), "earn_trust-999", 2);
    assert!(err.contains("unknown question 'earn_trust-999'"), "{err}");
}

#[test]
fn a_data_folder_that_cannot_be_made_fails_and_hands_the_words_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), b"").unwrap();
    let home = dir.path().join("file/home");
    let err = answer_fails(&home, &question(), 1);
    assert!(
        err.contains(&format!("cannot create the data folder {}", home.display())),
        "{err}"
    );
    assert!(err.contains("--home DIR"), "{err}");
    assert!(
        err.contains("your answer was not saved") && err.contains(STORY),
        "{err}"
    );
}

#[test]
fn while_another_copy_holds_the_lock_past_the_wait_answer_fails_and_keeps_the_text() {
    let home = tempfile::tempdir().unwrap();
    let holder = barraiser::store::Store::open(home.path()).unwrap();
    assert!(!holder.is_read_only());
    let err = fails(
        barraiser(home.path())
            .args(["--wait", "0.2", "answer", "--question", &question()])
            .write_stdin(STORY),
        1,
    );
    assert!(
        err.contains("another barraiser was still writing to") && err.contains("after 0.2 s"),
        "{err}"
    );
    assert!(err.contains("--wait SECONDS"), "{err}");
    assert!(err.contains(STORY), "{err}");
    assert_eq!(
        std::fs::read_dir(home.path().join("answers"))
            .unwrap()
            .count(),
        0
    );
    drop(holder);
    answer(home.path(), STORY);
}

#[test]
fn stats_on_an_empty_store_says_how_to_start() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(barraiser(home.path()).arg("stats"));
    assert_eq!(
        out,
        format!(
            "No saved answers yet in {}. Practise with `barraiser`, or save one with `barraiser answer --question QID FILE`.\n",
            home.path().display()
        )
    );
}

#[test]
fn stats_count_answers_per_principle_and_question() {
    let home = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        answer(home.path(), STORY);
    }
    let v = stats_json(home.path());
    assert_eq!(v["answers"], 3);
    let p = &v["principles"][0];
    assert_eq!(
        (p["principle"].as_str(), p["count"].as_u64()),
        (Some("earn_trust"), Some(3))
    );
    for field in ["mean", "last", "trend", "last_at", "totals"] {
        assert!(!p[field].is_null(), "{field} missing: {p}");
    }
    let q = &v["questions"][0];
    assert_eq!(q["question"], question().as_str());
    assert_eq!(q["count"], 3);
    for field in ["mean", "min", "max", "signals"] {
        assert!(!q[field].is_null(), "{field} missing: {q}");
    }
    let text = stdout(barraiser(home.path()).arg("stats"));
    assert!(text.starts_with("3 saved answers\n\nPRINCIPLE"), "{text}");
    assert!(text.contains("Earn Trust"), "{text}");
    assert!(text.contains(&question()), "{text}");
}

#[test]
fn export_to_json_then_import_elsewhere_twice() {
    let (mine, theirs) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let id = answer(mine.path(), STORY);
    let file = mine.path().join("mine.json");
    export_json(mine.path(), &file);
    let raw = std::fs::read_to_string(&file).unwrap();
    assert!(
        raw.starts_with(&format!(
            "{{\n  \"schema_version\": {},\n  \"exported_at\": \"",
            barraiser::answer::SCHEMA_VERSION
        )),
        "{raw}"
    );
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 3);
    assert_eq!(v["answers"][0]["id"], id.as_str());

    let name = file.display();
    // The second import finds the answer already there.
    for said in ["1 new answer, 0 unchanged", "0 new answers, 1 unchanged"] {
        barraiser(theirs.path())
            .arg("import")
            .arg(&file)
            .assert()
            .success()
            .stdout(format!("{name}: {said}\n"));
    }
    assert!(answer_file(theirs.path(), &id).exists());
}

#[test]
fn an_import_with_different_words_keeps_both_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let id = answer(home.path(), STORY);
    let file = home.path().join("edited.json");
    export_json(home.path(), &file);
    let edited = std::fs::read_to_string(&file)
        .unwrap()
        .replace("0 misses", "zero misses");
    std::fs::write(&file, edited).unwrap();
    let out = stdout(barraiser(home.path()).arg("import").arg(&file));
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("answer {id}: the imported words differ from the saved ones; both kept, the imported words are now answer ")),
        "{out}"
    );
    assert!(
        out.ends_with(": 0 new answers, 1 answer kept beside the original, 0 unchanged\n"),
        "{out}"
    );
    assert_eq!(stats_json(home.path())["answers"], 2);
}

#[test]
fn a_file_that_is_not_an_export_is_bad_input_naming_it() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("their.json");
    std::fs::write(&file, "{\"answers\": 3}").unwrap();
    let err = fails(barraiser(home.path()).arg("import").arg(&file), 2);
    assert!(
        err.starts_with(&format!(
            "barraiser: {}: not a barraiser export: field answers:",
            file.display()
        )),
        "{err}"
    );
    assert!(err.contains("line 1 column"), "{err}");
}

#[test]
fn markdown_export_shows_question_words_and_score() {
    let home = tempfile::tempdir().unwrap();
    answer(home.path(), STORY);
    let md = stdout(barraiser(home.path()).arg("export"));
    assert!(md.starts_with("# Interview answers for review\n"), "{md}");
    assert!(
        md.contains("- **Principle:** Earn Trust (`earn_trust`)"),
        "{md}"
    );
    assert!(md.contains("> I owned it."), "{md}");
    assert!(md.contains("### Score: "), "{md}");
    assert!(md.contains("### Reviews\n\n*(none yet)*"), "{md}");
}

#[test]
fn export_filters_by_principle_and_refuses_an_unknown_one() {
    let home = tempfile::tempdir().unwrap();
    answer(home.path(), STORY);
    let md = stdout(barraiser(home.path()).args(["export", "--principle", "dive_deep"]));
    assert!(
        md.contains("0 answers · principle: Dive Deep") && md.contains("No saved answers match."),
        "{md}"
    );
    let err = fails(
        barraiser(home.path()).args(["export", "--principle", "earn_trusst"]),
        2,
    );
    assert!(err.contains("unknown principle 'earn_trusst'"), "{err}");
}

#[test]
fn export_to_a_folder_that_does_not_exist_fails_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    answer(home.path(), STORY);
    let target = home.path().join("no/such/dir/out.md");
    let err = fails(
        barraiser(home.path()).arg("export").arg("-o").arg(&target),
        1,
    );
    assert!(
        err.contains(&format!("cannot save {}", target.display())),
        "{err}"
    );
}

/// A full disk, simulated with a file-size limit (works as root too): the
/// write fails part-way, the error says where and what to do, the words are
/// handed back, and the answers saved before are untouched.
#[cfg(unix)]
#[test]
fn running_out_of_space_mid_write_is_a_clear_error_and_loses_nothing() {
    let home = tempfile::tempdir().unwrap();
    let first = answer(home.path(), STORY);
    let before = std::fs::read(answer_file(home.path(), &first)).unwrap();
    let long_story = format!("{STORY}{}", "And then I wrote it all down. ".repeat(100));
    // Ignore SIGXFSZ so the over-long write fails with EFBIG instead of
    // killing the process, then cap files at 1 KiB.
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec \"$0\" --home \"$1\" answer --question {}",
        question()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_barraiser")])
        .arg(home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(long_story.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        out.stdout.is_empty(),
        "an id was printed for an answer not saved"
    );
    assert!(
        err.contains(&format!(
            "cannot save {}",
            home.path().join("answers").display()
        )),
        "{err}"
    );
    assert!(err.contains("free some space"), "{err}");
    assert!(
        err.contains(&long_story),
        "the words were not handed back: {err}"
    );
    let files: Vec<_> = std::fs::read_dir(home.path().join("answers"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(
        std::fs::read(answer_file(home.path(), &first)).unwrap(),
        before
    );
}
