//! The store on disk: what survives, what is set aside, and what is said
//! about it. Bad files, newer schemas, leftovers, read-only folders, the
//! write lock, drafts and the index.

mod store_support;

use std::fs;
use std::path::{Path, PathBuf};

use barraiser::answer::{AnswerRecord, SCHEMA_VERSION};
use barraiser::bank::QuestionId;
use barraiser::store::{Draft, Store, StoreError};
use store_support::{answer_files, at, record, review};

fn store_with(root: &Path, n: i64) -> Vec<AnswerRecord> {
    let mut store = Store::open(root).unwrap();
    let records: Vec<_> = (0..n).map(|i| record(i, "earn_trust")).collect();
    for r in &records {
        store.save(r.clone()).unwrap();
    }
    records
}

/// A draft of question `q` saved at `at(secs)`, its action part `words`.
fn draft(q: &str, secs: i64, words: &str) -> Draft {
    Draft {
        question_id: QuestionId(q.to_owned()),
        star: barraiser::answer::Star {
            action: words.to_owned(),
            ..barraiser::answer::Star::default()
        },
        follow_up: String::new(),
        seconds_elapsed: 7,
        updated: at(secs),
    }
}

/// Where `r` lives on disk in the store at `root`.
fn answer_path(root: &Path, r: &AnswerRecord) -> PathBuf {
    root.join("answers").join(format!("{}.json", r.id))
}

/// Rewrites the file at `path` as a user with an editor might; returns the
/// new text.
fn edit_by_hand(path: &Path, edit: impl FnOnce(String) -> String) -> String {
    let text = edit(fs::read_to_string(path).unwrap());
    fs::write(path, &text).unwrap();
    text
}

/// The first warning names every one of `parts`; all warnings show if not.
fn assert_first_warning_says(store: &Store, parts: &[&str]) {
    let all = store.warnings();
    let first = all
        .first()
        .unwrap_or_else(|| panic!("no warnings, wanted {parts:?}"));
    for part in parts {
        assert!(
            first.contains(part),
            "wanted {part:?} in the first of {all:?}"
        );
    }
}

#[test]
fn saved_answers_load_back_exactly_and_oldest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = store_with(dir.path(), 5);
    let store = Store::open(dir.path()).unwrap();
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert!(!store.is_read_only());
    records.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    assert_eq!(store.answers(), records.as_slice());
    assert_eq!(store.len(), 5);
    assert_eq!(store.get(&records[2].id), Some(&records[2]));
}

#[test]
fn a_corrupt_and_a_truncated_file_are_quarantined_by_path_and_reason_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 3);
    let corrupt = answer_path(dir.path(), &records[0]);
    let truncated = answer_path(dir.path(), &records[1]);
    fs::write(&corrupt, b"{ this is not json").unwrap();
    let full = fs::read(&truncated).unwrap();
    let cut = full[..full.len() / 2].to_vec();
    fs::write(&truncated, &cut).unwrap();

    let store = Store::open(dir.path()).unwrap();
    let w = store.warnings();
    assert_eq!(w.len(), 2, "{w:?}");
    let about = |p: &Path| {
        w.iter()
            .find(|l| l.contains(&p.display().to_string()))
            .cloned()
            .unwrap()
    };
    let c = about(&corrupt);
    assert!(c.contains("not valid JSON"), "{c}");
    assert!(c.contains("moved to") && c.contains("quarantine"), "{c}");
    let t = about(&truncated);
    assert!(t.contains("ends early"), "{t}");
    // Everything else loads.
    assert_eq!(store.answers(), &records[2..]);
    assert_eq!(store.stats().answers, 1);
    // Set aside, never deleted, bytes untouched.
    let q = dir.path().join("quarantine");
    assert_eq!(
        fs::read(q.join(corrupt.file_name().unwrap())).unwrap(),
        b"{ this is not json"
    );
    assert_eq!(
        fs::read(q.join(truncated.file_name().unwrap())).unwrap(),
        cut
    );
    assert!(!corrupt.exists() && !truncated.exists());
    drop(store);
    // Reported once: the next open is clean.
    let again = Store::open(dir.path()).unwrap();
    assert!(again.warnings().is_empty(), "{:?}", again.warnings());
}

#[test]
fn a_hand_edited_file_that_no_longer_fits_the_record_is_quarantined() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 2);
    let path = answer_path(dir.path(), &records[0]);
    edit_by_hand(&path, |text| text.replace("\"created\"", "\"made\""));
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.warnings().len(), 1);
    assert_first_warning_says(&store, &["not an answer record", "created"]);
    assert_eq!(store.answers(), &records[1..]);
}

#[test]
fn a_file_whose_name_and_id_disagree_is_set_aside_not_loaded_twice() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 1);
    fs::copy(
        answer_path(dir.path(), &records[0]),
        dir.path().join("answers/copy-of-it.json"),
    )
    .unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.answers(), records.as_slice());
    assert_first_warning_says(&store, &["copy-of-it.json", "is not the one in its name"]);
    assert!(dir.path().join("quarantine/copy-of-it.json").exists());
}

#[test]
fn a_newer_schema_is_read_but_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 2);
    let path = answer_path(dir.path(), &records[0]);
    let newer = edit_by_hand(&path, |text| {
        text.replace(
            &format!("\"schema_version\": {SCHEMA_VERSION}"),
            "\"schema_version\": 99",
        )
        .replacen('{', "{\n  \"mood\": \"from the future\",", 1)
    });

    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(store.warnings().len(), 1);
    let shown = path.display().to_string();
    assert_first_warning_says(&store, &[&shown, "schema version 99", "never changed"]);
    let loaded = store.get(&records[0].id).unwrap().clone();
    assert_eq!(loaded.text, records[0].text);
    assert_eq!(loaded.schema_version, 99);

    let err = store.save(loaded.clone()).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { version: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("upgrade barraiser"), "{err}");
    let mut older = loaded;
    older.schema_version = SCHEMA_VERSION;
    assert!(matches!(
        store.save(older).unwrap_err(),
        StoreError::NewerSchema { .. }
    ));
    assert!(
        store
            .add_review(&records[0].id, review(1, "mentor", 4))
            .is_err()
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        newer,
        "the newer file was rewritten"
    );
    drop(store);
    // Still there, still unchanged, still warned about.
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.len(), 2);
    assert_eq!(store.warnings().len(), 1);
}

#[test]
fn a_newer_schema_this_version_cannot_parse_is_left_in_place_and_protected() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 1);
    let path = answer_path(dir.path(), &records[0]);
    let newer = r#"{"schema_version": 7, "id": "whatever", "text": {"rich": true}}"#;
    fs::write(&path, newer).unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert_first_warning_says(&store, &["schema version 7", "cannot read"]);
    assert!(store.answers().is_empty());
    assert!(!dir.path().join("quarantine").exists());
    assert!(matches!(
        store.save(records[0].clone()),
        Err(StoreError::NewerSchema { version: 7, .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn leftover_temporaries_are_removed_by_the_writer_and_nothing_else_is() {
    let dir = tempfile::tempdir().unwrap();
    store_with(dir.path(), 1);
    let leftovers = [
        "answers/.0193-x.json.a1B2c3",
        "drafts/.earn_trust-01.json.zzzzzz",
        ".index.jsonl.000000",
    ];
    for l in leftovers {
        fs::write(dir.path().join(l), b"{\"half\": ").unwrap();
    }
    fs::write(dir.path().join("answers/notes.txt"), b"mine").unwrap();
    fs::write(dir.path().join("answers/.hidden.json"), b"mine too").unwrap();
    let writer = Store::open(dir.path()).unwrap();
    assert!(writer.warnings().is_empty(), "{:?}", writer.warnings());
    for l in leftovers {
        assert!(!dir.path().join(l).exists(), "{l} was left");
    }
    assert!(dir.path().join("answers/notes.txt").exists());
    assert!(dir.path().join("answers/.hidden.json").exists());
    assert_eq!(writer.len(), 1);
}

#[test]
fn a_second_copy_opens_read_only_says_so_and_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 2);
    let writer = Store::open(dir.path()).unwrap();
    fs::write(dir.path().join("answers/.x.json.abcdef"), b"in flight").unwrap();
    let mut reader = Store::open(dir.path()).unwrap();
    assert!(!writer.is_read_only());
    assert!(reader.is_read_only());
    assert!(
        reader
            .warnings()
            .iter()
            .any(|w| w.contains("another barraiser") && w.contains("read-only"))
    );
    // It still reads everything, and touches nothing.
    assert_eq!(reader.len(), 2);
    assert!(
        dir.path().join("answers/.x.json.abcdef").exists(),
        "a reader removed a live temporary"
    );
    let before = answer_files(dir.path());
    let err = reader.save(record(9, "earn_trust")).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly(_)));
    assert!(
        err.to_string().contains("another barraiser holds the lock"),
        "{err}"
    );
    assert!(
        reader
            .add_review(&records[0].id, review(5, "m", 3))
            .is_err()
    );
    assert_eq!(answer_files(dir.path()), before);
    // The lock goes with the writer.
    drop(writer);
    drop(reader);
    assert!(!Store::open(dir.path()).unwrap().is_read_only());
}

/// True when this process can write into a folder it made read-only (root).
fn permissions_are_ignored(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o555)).unwrap();
    let ignored = fs::write(probe.join("x"), b"x").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).unwrap();
    fs::remove_dir_all(&probe).unwrap();
    ignored
}

#[test]
fn a_data_folder_that_cannot_exist_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, b"").unwrap();
    let err = Store::open(&file.join("home")).unwrap_err();
    assert!(matches!(err, StoreError::Create { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains(&file.join("home").display().to_string()),
        "{msg}"
    );
    assert!(msg.contains("--home"), "{msg}");
}

#[test]
fn a_failed_save_says_where_and_changes_nothing() {
    // Simulated without permissions (tests may run as root): the answers
    // folder is swapped for a file, so no file can be made inside it.
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 2);
    let mut store = Store::open(dir.path()).unwrap();
    let answers = dir.path().join("answers");
    let aside = dir.path().join("answers.aside");
    fs::rename(&answers, &aside).unwrap();
    fs::write(&answers, b"").unwrap();
    let new = record(5, "earn_trust");
    let err = store.save(new.clone()).unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains(
            &answers
                .join(format!("{}.json", new.id))
                .display()
                .to_string()
        ),
        "{msg}"
    );
    assert!(msg.contains("nothing on disk was changed"), "{msg}");
    assert_eq!(store.len(), 2, "a failed save was counted");
    fs::remove_file(&answers).unwrap();
    fs::rename(&aside, &answers).unwrap();
    drop(store);
    assert_eq!(
        Store::open(dir.path()).unwrap().answers().len(),
        records.len()
    );
}

#[test]
fn a_read_only_folder_opens_read_only_with_its_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    if permissions_are_ignored(dir.path()) {
        eprintln!("skipped: running with privileges that ignore folder permissions");
        return;
    }
    let home = dir.path().join("home");
    fs::create_dir(&home).unwrap();
    fs::create_dir(home.join("answers")).unwrap();
    fs::set_permissions(&home, fs::Permissions::from_mode(0o555)).unwrap();
    let mut store = Store::open(&home).unwrap();
    let err = store.save(record(1, "earn_trust")).unwrap_err();
    fs::set_permissions(&home, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(store.is_read_only());
    assert_first_warning_says(&store, &["cannot be written"]);
    assert!(matches!(err, StoreError::Unwritable { .. }), "{err}");
    assert!(err.to_string().contains("make it writable"), "{err}");
}

#[test]
fn drafts_survive_a_reopen_newest_first_and_go_when_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let kept = |q: &str, secs| draft(q, secs, &format!("draft for {q}"));
    {
        let mut store = Store::open(dir.path()).unwrap();
        store.save_draft(&kept("earn_trust-01", 1)).unwrap();
        store.save_draft(&kept("odd/id with spaces", 3)).unwrap();
        store.save_draft(&kept("earn_trust-01", 2)).unwrap(); // replaces the first
    }
    let mut store = Store::open(dir.path()).unwrap();
    let all = store.drafts();
    assert_eq!(
        all,
        vec![kept("odd/id with spaces", 3), kept("earn_trust-01", 2)]
    );
    assert_eq!(
        store.load_draft(&QuestionId("earn_trust-01".into())),
        Some(kept("earn_trust-01", 2))
    );
    store
        .discard_draft(&QuestionId("earn_trust-01".into()))
        .unwrap();
    store
        .discard_draft(&QuestionId("never-drafted".into()))
        .unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.drafts(), vec![kept("odd/id with spaces", 3)]);
}

#[test]
fn a_draft_for_a_very_long_question_id_saves_and_comes_back() {
    // 60 × "é" escapes to 360 bytes: more than a file name may hold.
    let long = "é".repeat(60);
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path()).unwrap();
        store.save_draft(&draft(&long, 1, "kept words")).unwrap();
        store
            .save_draft(&draft(&format!("{long}x"), 2, "other words"))
            .unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    let back = store.load_draft(&QuestionId(long.clone())).expect("kept");
    assert_eq!(back.star.action, "kept words");
    assert_eq!(store.drafts().len(), 2, "two ids, two files");
    // A read-only copy's side draft (`~pid`) fits too.
    let mut second = Store::open(dir.path()).unwrap();
    second
        .save_draft(&draft(&long, 3, "from the copy"))
        .unwrap();
}

#[test]
fn a_broken_draft_is_quarantined_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    Store::open(dir.path()).unwrap();
    fs::write(dir.path().join("drafts/q.json"), b"{\"question_id\": ").unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_first_warning_says(&store, &["drafts/q.json", "ends early"]);
    assert!(dir.path().join("quarantine/q.json").exists());
}

#[test]
fn the_index_is_only_a_cache_deleting_or_mangling_it_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 4);
    let index = dir.path().join("index.jsonl");
    let stats = Store::open(dir.path()).unwrap().stats();
    fs::remove_file(&index).unwrap();
    assert_eq!(Store::open(dir.path()).unwrap().stats(), stats);
    fs::write(&index, b"garbage\n{\"id\": 3}\n").unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert!(store.warnings().is_empty());
    assert_eq!(store.stats(), stats);
    assert_eq!(store.answers().len(), records.len());
    drop(store);
    // Rewritten clean: one line per answer.
    assert_eq!(fs::read_to_string(&index).unwrap().lines().count(), 4);
}

#[test]
fn an_answer_edited_by_hand_is_read_again_not_taken_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 2);
    let path = answer_path(dir.path(), &records[0]);
    edit_by_hand(&path, |text| text.replace("earn_trust", "dive_deep"));
    let store = Store::open(dir.path()).unwrap();
    let principles: Vec<_> = store
        .stats()
        .principles
        .into_iter()
        .map(|p| p.principle.0)
        .collect();
    assert_eq!(principles, ["dive_deep", "earn_trust"]);
}

#[test]
fn reviews_are_saved_graded_one_to_five() {
    let dir = tempfile::tempdir().unwrap();
    let records = store_with(dir.path(), 1);
    let mut store = Store::open(dir.path()).unwrap();
    let bad = store
        .add_review(&records[0].id, review(10, "mentor", 6))
        .unwrap_err();
    assert!(bad.to_string().contains("1 to 5"), "{bad}");
    store
        .add_review(&records[0].id, review(10, "mentor", 4))
        .unwrap();
    let missing = store
        .add_review(&store_support::id("nope"), review(10, "m", 4))
        .unwrap_err();
    assert!(matches!(missing, StoreError::NotFound(_)));
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    let saved = &store.answers()[0];
    assert_eq!(saved.reviews, vec![review(10, "mentor", 4)]);
    assert_eq!(saved.updated, at(10));
    assert_eq!(saved.text, records[0].text);
}

#[test]
fn stats_follow_saves_without_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    for i in 0..6 {
        store
            .save(record(i, if i < 4 { "earn_trust" } else { "dive_deep" }))
            .unwrap();
    }
    let stats = store.stats();
    assert_eq!(stats.answers, 6);
    let et = stats
        .principles
        .iter()
        .find(|p| p.principle.0 == "earn_trust")
        .unwrap();
    assert_eq!(et.count, 4);
    assert_eq!(et.totals.len(), 4);
    assert_eq!(et.last_at, at(3));
    let q = stats
        .questions
        .iter()
        .find(|q| q.question.0 == "earn_trust-01")
        .unwrap();
    let situation = q
        .signals
        .iter()
        .find(|s| s.signal == barraiser::score::SignalId::StarSituation)
        .unwrap();
    assert_eq!(situation.fired, 4);
    drop(store);
    assert_eq!(Store::open(dir.path()).unwrap().stats(), stats);
}

#[test]
fn a_lock_file_that_cannot_be_opened_means_read_only_with_the_reason() {
    // Works as root too: a folder where the lock file should be.
    let dir = tempfile::tempdir().unwrap();
    store_with(dir.path(), 1);
    fs::remove_file(dir.path().join("barraiser.lock")).unwrap();
    fs::create_dir(dir.path().join("barraiser.lock")).unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.len(), 1);
    assert_first_warning_says(&store, &["cannot be written", "barraiser.lock"]);
    let err = store.save(record(3, "earn_trust")).unwrap_err();
    assert!(matches!(err, StoreError::Unwritable { .. }), "{err}");
    assert!(err.to_string().contains("make it writable"), "{err}");
    // Not even a draft can be kept: the folder itself refuses.
    assert!(matches!(
        store.save_draft(&draft("q", 1, "words")),
        Err(StoreError::Unwritable { .. })
    ));
}

#[test]
fn a_read_only_copy_keeps_its_drafts_beside_the_writers_and_the_next_writer_adopts_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Store::open(dir.path()).unwrap();
    writer
        .save_draft(&draft("q1", 1, "the writer's words"))
        .unwrap();
    writer
        .save_draft(&draft("q2", 5, "the writer's newer words"))
        .unwrap();
    let mut reader = Store::open(dir.path()).unwrap();
    assert!(reader.is_read_only());
    reader
        .save_draft(&draft("q1", 2, "typed in the read-only copy"))
        .unwrap();
    reader
        .save_draft(&draft("q2", 3, "older, typed in the read-only copy"))
        .unwrap();
    reader.save_draft(&draft("q3", 4, "only here")).unwrap();
    // The writer's own files are untouched.
    assert_eq!(
        fs::read_to_string(dir.path().join("drafts/q1.json")).unwrap(),
        serde_json::to_string_pretty(&draft("q1", 1, "the writer's words")).unwrap()
    );
    let side = |q: &str| {
        dir.path()
            .join(format!("drafts/{q}~{}.json", std::process::id()))
    };
    assert!(side("q1").exists() && side("q3").exists());
    drop(reader);
    drop(writer);

    let next = Store::open(dir.path()).unwrap();
    let q = |s: &str| QuestionId(s.to_owned());
    // Newer words win and become the question's draft; older ones are kept
    // on disk and named.
    assert_eq!(
        next.load_draft(&q("q1")),
        Some(draft("q1", 2, "typed in the read-only copy"))
    );
    assert_eq!(next.load_draft(&q("q3")), Some(draft("q3", 4, "only here")));
    assert_eq!(
        next.load_draft(&q("q2")),
        Some(draft("q2", 5, "the writer's newer words"))
    );
    assert!(!side("q1").exists() && !side("q3").exists());
    assert!(side("q2").exists());
    assert_eq!(next.warnings().len(), 1, "{:?}", next.warnings());
    assert_first_warning_says(&next, &["an older draft from a read-only copy"]);
    assert_eq!(next.drafts().len(), 3);
}

#[test]
fn a_read_only_copy_discards_only_its_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Store::open(dir.path()).unwrap();
    writer.save_draft(&draft("q1", 1, "mine")).unwrap();
    let mut reader = Store::open(dir.path()).unwrap();
    reader.save_draft(&draft("q1", 2, "theirs")).unwrap();
    reader.discard_draft(&QuestionId("q1".into())).unwrap();
    assert!(dir.path().join("drafts/q1.json").exists());
    assert_eq!(fs::read_dir(dir.path().join("drafts")).unwrap().count(), 1);
}
