//! Importing a large export as it streams, a batch at a time: records
//! across many batches land exactly once, the index agrees with the files,
//! no temporary is left behind, and a file broken part-way keeps what came
//! before the break and says so.

mod cli_support;
mod store_support;

use std::path::Path;

use barraiser::answer::AnswerRecord;
use barraiser::store::{Export, Filter, Store, StoreError};
use store_support::{at, record, review};

fn export_json(records: Vec<AnswerRecord>) -> String {
    Export {
        schema_version: 1,
        exported_at: at(0),
        answers: records,
        unreadable_newer: 0,
    }
    .to_json()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_thousand_answers_stream_in_over_many_batches_exactly_once() {
    let home = tempfile::tempdir().unwrap();
    let mut records: Vec<AnswerRecord> = (0..1000).map(|i| record(i, "earn_trust")).collect();
    // The same answer again later in the file, now with a review: merged,
    // not duplicated, even though the first copy is in an earlier batch.
    let id3 = records[3].id.clone();
    let mut again = records[3].clone();
    again.reviews.push(review(5000, "mentor", 4));
    records.push(again);
    let json = export_json(records);

    let mut store = Store::open(home.path()).unwrap();
    let summary = store
        .import_from(json.as_bytes(), "big.json", at(9000))
        .unwrap();
    assert_eq!(summary.added.len(), 1000);
    assert_eq!(summary.reviews_added, 1);
    assert_eq!(store.len(), 1000);

    let answers = home.path().join("answers");
    assert_eq!(files_in(&answers).len(), 1000, "a temporary was left");
    // Every file is an answer: no `.…XXXXXX` temporary is left.
    assert!(files_in(&answers).iter().all(|n| !n.starts_with('.')));

    // A fresh open agrees, from the index, and the review is on disk.
    let stats = store.stats();
    drop(store);
    let reopened = Store::open(home.path()).unwrap();
    assert_eq!(reopened.stats(), stats);
    let merged = reopened.load(&id3).unwrap();
    assert_eq!(merged.reviews.len(), 1);

    // The same file again changes nothing.
    let mut store = reopened;
    let second = store
        .import_from(json.as_bytes(), "big.json", at(9100))
        .unwrap();
    assert_eq!((second.added.len(), second.unchanged), (0, 1001));
    let all = store.export(&Filter::default(), at(1)).answers.len();
    assert_eq!(all, 1000);
}

#[test]
fn a_file_broken_part_way_keeps_what_came_before_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let good = export_json(vec![record(1, "earn_trust"), record(2, "earn_trust")]);
    // Cut the file inside the third record.
    let cut = format!(
        "{},\n{{\"id\": 3}}\n]}}\n",
        good.trim_end()
            .trim_end_matches('}')
            .trim_end()
            .trim_end_matches(']')
            .trim_end()
    );
    let mut store = Store::open(home.path()).unwrap();
    let err = store
        .import_from(cut.as_bytes(), "cut.json", at(10))
        .unwrap_err();
    assert!(matches!(err, StoreError::BadImport { .. }));
    let msg = err.to_string();
    assert!(
        msg.starts_with(
            "cut.json: not a barraiser export: field answers[2].id: it is not an answer record"
        ),
        "{msg}"
    );
    assert!(
        msg.contains("; the 2 answers before it were imported, and importing the fixed file again adds the rest"),
        "{msg}"
    );
    assert_eq!(Store::open(home.path()).unwrap().len(), 2);
}

/// `barraiser import` draws a progress bar on stderr when it is a terminal,
/// and writes nothing but the summary when piped.
#[test]
fn import_shows_a_bar_on_a_terminal_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    std::fs::write(
        &file,
        export_json((0..600).map(|i| record(i, "earn_trust")).collect()),
    )
    .unwrap();
    let name = file.display().to_string();

    let (ok, shown) = cli_support::in_terminal(&dir.path().join("tty"), &["import", &name]);
    assert!(ok, "{shown}");
    assert!(shown.contains("importing"), "{shown}");
    assert!(
        shown.contains(&format!("{name}: 600 new answers, 0 unchanged")),
        "{shown}"
    );

    let (out, err) = cli_support::output(
        cli_support::barraiser(&dir.path().join("pipe"))
            .arg("import")
            .arg(&file),
    );
    assert_eq!(out, format!("{name}: 600 new answers, 0 unchanged\n"));
    assert_eq!(err, "");
}
