//! Symbolic links inside the data folder. The store reads and writes plain
//! files only: a link in `answers/` or `drafts/` is skipped with one warning
//! per folder, and a save that meets one replaces it with an ordinary file
//! (never a file carrying the link's 0777 mode), leaving its target alone.
#![cfg(unix)]

mod store_support;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use barraiser::answer::Star;
use barraiser::bank::QuestionId;
use barraiser::store::{Draft, Store};
use store_support::{at, record};

fn draft(q: &str, words: &str) -> Draft {
    Draft {
        question_id: QuestionId(q.to_owned()),
        star: Star {
            action: words.to_owned(),
            ..Star::default()
        },
        follow_up: String::new(),
        seconds_elapsed: 1,
        updated: at(1),
    }
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

/// A store at `dir/home` with a saved answer and draft; their files are
/// then moved to `dir/elsewhere` and linked back under other names.
fn store_with_links(dir: &Path) -> std::path::PathBuf {
    let home = dir.join("home");
    let elsewhere = dir.join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let r1 = record(1, "earn_trust");
    let r2 = record(2, "earn_trust");
    fs::write(dir.join("r1"), r1.id.as_str()).unwrap();
    {
        let mut store = Store::open(&home).unwrap();
        store.save(r1.clone()).unwrap();
        store.save(r2.clone()).unwrap();
        store.save_draft(&draft("q1", "linked words")).unwrap();
    }
    for r in [&r1, &r2] {
        let name = format!("{}.json", r.id);
        fs::rename(home.join("answers").join(&name), elsewhere.join(&name)).unwrap();
        symlink(elsewhere.join(&name), home.join("answers").join(&name)).unwrap();
    }
    fs::rename(home.join("drafts/q1.json"), elsewhere.join("q1.json")).unwrap();
    symlink(elsewhere.join("q1.json"), home.join("drafts/q1.json")).unwrap();
    home
}

#[test]
fn links_in_answers_and_drafts_are_both_skipped_with_one_warning_each() {
    let dir = tempfile::tempdir().unwrap();
    let home = store_with_links(dir.path());
    let store = Store::open(&home).unwrap();
    assert_eq!(store.len(), 0, "linked answers are not read");
    assert!(store.drafts().is_empty(), "a linked draft is not read");
    let warnings = store.warnings();
    let about = |folder: &str| {
        warnings
            .iter()
            .filter(|w| w.contains(folder) && w.contains("symbolic link"))
            .count()
    };
    assert_eq!(about("answers"), 1, "{warnings:?}");
    assert_eq!(about("drafts"), 1, "{warnings:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("skipped 2 symbolic links")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("skipped 1 symbolic link (q1.json)")),
        "{warnings:?}"
    );
}

#[test]
fn saving_over_a_link_leaves_an_ordinary_file_and_the_target_alone() {
    let dir = tempfile::tempdir().unwrap();
    let home = store_with_links(dir.path());
    let mut store = Store::open(&home).unwrap();
    store.save_draft(&draft("q1", "new words")).unwrap();
    store.save_draft(&draft("q2", "a fresh draft")).unwrap();
    // The same id as the linked answer (it was skipped, so it is new here).
    let mut again = record(1, "earn_trust");
    again.id = barraiser::answer::AnswerId(fs::read_to_string(dir.path().join("r1")).unwrap());
    let id = store.save(again).unwrap();
    let fresh = mode(&home.join("drafts/q2.json"));
    let replaced = home.join("drafts/q1.json");
    assert!(fs::symlink_metadata(&replaced).unwrap().is_file());
    assert_ne!(mode(&replaced), 0o777);
    assert_eq!(mode(&replaced), fresh, "the same mode as any new draft");
    let answer = home.join("answers").join(format!("{id}.json"));
    assert!(fs::symlink_metadata(&answer).unwrap().is_file());
    assert_eq!(mode(&answer), fresh);
    // The link's target still holds the old words.
    let target = fs::read_to_string(dir.path().join("elsewhere/q1.json")).unwrap();
    assert!(target.contains("linked words"), "{target}");
}
