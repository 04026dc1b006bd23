//! The write lock under the things a person or a tool does to the folder
//! while barraiser runs: a lock file deleted (`rm`, `git clean -fdX`) or
//! replaced, and a writer that closes while another copy waits.

mod store_support;

use std::fs;
use std::path::Path;

use barraiser::answer::Star;
use barraiser::bank::QuestionId;
use barraiser::store::{Draft, Store, StoreError};
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

fn lock_file(root: &Path) -> std::path::PathBuf {
    root.join("barraiser.lock")
}

#[test]
fn a_deleted_lock_with_no_one_else_around_is_taken_again_and_still_excludes_others() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Store::open(dir.path()).unwrap();
    fs::remove_file(lock_file(dir.path())).unwrap();
    writer.save(record(1, "earn_trust")).unwrap();
    let notes = writer.take_notes();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("barraiser.lock was deleted or replaced")
            && notes[0].contains("taken again"),
        "{notes:?}"
    );
    assert!(!writer.is_read_only());
    // The new lock file is held: a second copy is read-only again.
    let second = Store::open(dir.path()).unwrap();
    assert!(second.is_read_only());
}

#[test]
fn after_the_lock_is_deleted_and_a_second_copy_took_it_the_first_goes_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open(dir.path()).unwrap();
    first
        .save_draft(&draft("q1", "the first copy's words"))
        .unwrap();
    fs::remove_file(lock_file(dir.path())).unwrap();
    let mut second = Store::open(dir.path()).unwrap();
    assert!(
        !second.is_read_only(),
        "the kernel cannot tell: it locks a new file"
    );
    second
        .save_draft(&draft("q1", "the second copy's words"))
        .unwrap();

    // The first copy notices before it writes, and writes nothing of the
    // second's.
    let refused = first.save(record(1, "earn_trust"));
    assert!(
        matches!(refused, Err(StoreError::ReadOnly(_))),
        "{refused:?}"
    );
    let notes = first.take_notes();
    assert!(
        notes.iter().any(|n| n.contains("deleted or replaced")
            && n.contains("another barraiser now holds it")
            && n.contains("read-only")),
        "{notes:?}"
    );
    assert!(first.is_read_only());
    // Its draft goes beside the writer's instead of over it.
    first
        .save_draft(&draft("q1", "the first copy's later words"))
        .unwrap();
    let writers = fs::read_to_string(dir.path().join("drafts/q1.json")).unwrap();
    assert!(writers.contains("the second copy's words"), "{writers}");
    let side = dir
        .path()
        .join(format!("drafts/q1~{}.json", std::process::id()));
    assert!(fs::read_to_string(side).unwrap().contains("later words"));
    assert_eq!(
        second.save(record(2, "earn_trust")).ok().map(|_| ()),
        Some(())
    );
}

#[test]
fn a_lock_file_replaced_by_another_file_is_noticed_on_recheck() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Store::open(dir.path()).unwrap();
    // As `git checkout` or a sync tool would: a new file under the name.
    let swap = dir.path().join("swap");
    fs::write(&swap, "").unwrap();
    fs::rename(&swap, lock_file(dir.path())).unwrap();
    writer.recheck_lock();
    let notes = writer.take_notes();
    assert!(notes.iter().any(|n| n.contains("taken again")), "{notes:?}");
    writer.recheck_lock();
    assert!(writer.take_notes().is_empty(), "said once");
}

#[test]
fn a_read_only_copy_becomes_the_writer_when_the_other_closes() {
    let dir = tempfile::tempdir().unwrap();
    let writer = Store::open(dir.path()).unwrap();
    let mut reader = Store::open(dir.path()).unwrap();
    assert!(reader.is_busy());
    reader.recheck_lock();
    assert!(reader.take_notes().is_empty(), "nothing changed yet");
    drop(writer);
    reader.recheck_lock();
    let notes = reader.take_notes();
    assert!(
        notes.iter().any(|n| n.contains("now the writer")),
        "{notes:?}"
    );
    assert!(!reader.is_read_only());
    reader.save(record(1, "earn_trust")).unwrap();
}
