//! Import and export: merging by id without ever overwriting words, and the
//! two export formats.

mod store_support;

use barraiser::answer::AnswerRecord;
use barraiser::bank::PrincipleId;
use barraiser::store::{Export, Filter, MarkdownOptions, Store, StoreError};
use store_support::{answer_files, at, record, review};

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(dir.path()).unwrap()
}

/// The store in `dir` holding answers `0..n`, all to `earn_trust`.
fn open_with(dir: &tempfile::TempDir, n: i64) -> Store {
    let mut store = open(dir);
    for i in 0..n {
        store.save(record(i, "earn_trust")).unwrap();
    }
    store
}

fn export_of(store: &Store) -> Export {
    let json = store.export(&Filter::default(), at(1000)).to_json();
    Export::parse(&json, "mine.json").unwrap()
}

/// The whole store as the Markdown packet, exported at `now`.
fn markdown_of(
    store: &Store,
    now: jiff::Timestamp,
    principle_name: &dyn Fn(&PrincipleId) -> Option<String>,
) -> String {
    store
        .export(&Filter::default(), now)
        .to_markdown(&MarkdownOptions {
            principle_name,
            principle_filter: None,
        })
}

#[test]
fn export_then_import_elsewhere_gives_the_same_records() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mine = open_with(&a, 4);
    let export = export_of(&mine);
    assert_eq!(export.exported_at, at(1000));
    assert_eq!(export.schema_version, barraiser::answer::SCHEMA_VERSION);
    let mut theirs = open(&b);
    let summary = theirs.import(export, at(2000)).unwrap();
    assert_eq!(summary.added.len(), 4);
    assert_eq!(theirs.answers(), mine.answers());
}

#[test]
fn importing_twice_changes_nothing_the_second_time() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mine = open_with(&a, 3);
    let mut theirs = open(&b);
    theirs.save(mine.answers()[0].clone()).unwrap(); // already has one
    let first = theirs.import(export_of(&mine), at(2000)).unwrap();
    assert_eq!((first.added.len(), first.unchanged), (2, 1));
    let files = answer_files(b.path());
    let second = theirs.import(export_of(&mine), at(3000)).unwrap();
    assert_eq!(
        second.added.len() + second.reviews_added + second.conflicts.len(),
        0
    );
    assert_eq!(second.unchanged, 3);
    assert_eq!(
        answer_files(b.path()),
        files,
        "a second import changed files"
    );
}

#[test]
fn a_mentors_reviews_are_merged_in_and_only_once() {
    let (cand, mentor) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut mine = open(&cand);
    let r = record(1, "earn_trust");
    mine.save(r.clone()).unwrap();
    mine.add_review(&r.id, review(5, "me", 3)).unwrap();

    let mut theirs = open(&mentor);
    theirs.import(export_of(&mine), at(10)).unwrap();
    theirs.add_review(&r.id, review(20, "mentor", 4)).unwrap();
    theirs.add_review(&r.id, review(21, "mentor", 5)).unwrap();

    let back = mine.import(export_of(&theirs), at(30)).unwrap();
    assert_eq!(back.reviews_added, 2);
    assert_eq!(back.reviewed, vec![r.id.clone()]);
    let merged = mine.load(&r.id).unwrap();
    assert_eq!(
        merged.reviews,
        vec![
            review(5, "me", 3),
            review(20, "mentor", 4),
            review(21, "mentor", 5)
        ]
    );
    assert_eq!(merged.text, r.text);
    assert_eq!(merged.updated, at(21));
    let again = mine.import(export_of(&theirs), at(40)).unwrap();
    assert_eq!((again.reviews_added, again.unchanged), (0, 1));
    assert_eq!(mine.load(&r.id).unwrap(), merged);
}

#[test]
fn different_words_under_a_saved_id_are_kept_beside_the_original() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let original = record(1, "earn_trust");
    let mut edited = original.clone();
    edited.text.push_str("\n\nAnd one more thing I forgot.");
    edited.reviews.push(review(9, "mentor", 2));
    let mut theirs = open(&a);
    theirs.save(edited.clone()).unwrap();

    let mut mine = open(&b);
    mine.save(original.clone()).unwrap();
    let summary = mine.import(export_of(&theirs), at(500)).unwrap();
    assert_eq!(summary.conflicts.len(), 1);
    let (orig_id, copy_id) = summary.conflicts[0].clone();
    assert_eq!(orig_id, original.id);
    assert_ne!(copy_id, original.id);
    // The original is untouched; the imported words sit beside it.
    assert_eq!(mine.load(&original.id).unwrap(), original);
    let copy = mine.load(&copy_id).unwrap();
    assert_eq!(copy.text, edited.text);
    assert_eq!(copy.reviews, edited.reviews);
    assert_eq!(copy.conflict_of.as_ref(), Some(&original.id));
    assert_eq!(copy.updated, at(500));
    assert_eq!(mine.len(), 2);
    // Importing the same file again finds that copy instead of making another.
    let files = answer_files(b.path());
    let again = mine.import(export_of(&theirs), at(600)).unwrap();
    assert!(again.conflicts.is_empty());
    assert_eq!(again.unchanged, 1);
    assert_eq!(answer_files(b.path()), files);
    assert_eq!(mine.len(), 2);
    // And the Markdown says so.
    let md = markdown_of(&mine, at(700), &|_| None);
    assert!(
        md.contains(&format!("imported beside answer `{}`", original.id)),
        "{md}"
    );
}

#[test]
fn a_file_that_is_not_an_export_is_refused_naming_the_field() {
    let err = Export::parse("{\"schema_version\": 1, \"exported_at\": \"2026-01-01T00:00:00Z\", \"answers\": [{\"id\": 3}]}", "their.json")
        .unwrap_err();
    assert!(matches!(err, StoreError::BadImport { .. }));
    let msg = err.to_string();
    assert!(
        msg.starts_with("their.json: not a barraiser export"),
        "{msg}"
    );
    assert!(msg.contains("answers[0]"), "{msg}");
    assert!(msg.contains("line 1"), "{msg}");
    let cut = Export::parse("{\"schema_version\": 1, \"answers\": [", "cut.json").unwrap_err();
    assert!(cut.to_string().contains("ends early"), "{cut}");
}

#[test]
fn newer_records_in_an_export_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let keep = record(1, "earn_trust");
    let mut future = serde_json::to_value(record(2, "earn_trust")).unwrap();
    future["schema_version"] = 5.into();
    future["text"] = serde_json::json!({"rich": "text"});
    let json = serde_json::json!({
        "schema_version": 5,
        "exported_at": at(0),
        "answers": [serde_json::to_value(&keep).unwrap(), future],
    });
    let export = Export::parse(&json.to_string(), "future.json").unwrap();
    assert_eq!(export.unreadable_newer, 1);
    let summary = store.import(export, at(9)).unwrap();
    assert_eq!(summary.added, vec![keep.id.clone()]);
    assert!(
        summary.skipped[0].contains("newer barraiser"),
        "{:?}",
        summary.skipped
    );
}

#[test]
fn the_principle_filter_keeps_only_that_principle() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    for i in 0..6 {
        store
            .save(record(
                i,
                if i % 2 == 0 {
                    "earn_trust"
                } else {
                    "dive_deep"
                },
            ))
            .unwrap();
    }
    let filter = Filter {
        principle: Some(PrincipleId("dive_deep".into())),
    };
    let export = store.export(&filter, at(0));
    assert_eq!(export.answers.len(), 3);
    assert!(
        export
            .answers
            .iter()
            .all(|a| a.question.principle.0 == "dive_deep")
    );
}

#[test]
fn the_markdown_packet_reads_top_to_bottom() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir);
    let r: AnswerRecord = record(2, "earn_trust");
    store.save(r.clone()).unwrap();
    store.add_review(&r.id, review(60, "Dana", 4)).unwrap();
    let md = markdown_of(&store, at(100), &|p| {
        (p.0 == "earn_trust").then(|| "Earn Trust".to_owned())
    });
    let order = [
        "# Interview answers for review",
        "Exported 2026-01-01 00:01 UTC · 1 answer",
        "## 1. Tell me about a time you missed a deadline.",
        "- **Principle:** Earn Trust (`earn_trust`)",
        "- **Answered:** 2026-01-01 00:00 UTC, in 2:32",
        "**Situation**",
        "> Answer 2: our release train slipped two weeks.",
        "**Result**",
        "### Follow-ups",
        "> The checklist lived in one head.",
        "### Score: ",
        "What earned points:",
        // Most points first, as score::summary sorts them.
        "- `mechanism_fix` (+12.0)",
        "- `star_situation` (+10.0): “Situation: Answer 2: our release train slipped two weeks”",
        "### Reviews",
        "- **Dana**, 2026-01-01 00:01 UTC — grade 4/5",
        "  > Dana: tighten the result.",
    ];
    let mut from = 0;
    for line in order {
        let at = md[from..]
            .find(line)
            .unwrap_or_else(|| panic!("missing or out of order: {line}\n{md}"));
        from += at + line.len();
    }
    let odd = record(3, "earn_trust");
    store.save(odd.clone()).unwrap();
    let md = markdown_of(&store, at(100), &|_| None);
    assert!(
        md.contains(
            "What cost points:\n\n- `blames_others` (-8.0) — try: Start with your own part."
        ),
        "{md}"
    );
    assert!(
        md.contains("What to try next:\n\n- `mechanism_fix` — Name the change"),
        "{md}"
    );
    // A red flag that did not fire is nothing to try.
    assert!(!md.contains("- `blames_others` — "), "{md}");
}
