//! Saving many answers at once, as durably as one and far faster: the path
//! `import` takes.
//!
//! [`super::Store::save`] syncs each answer and its folder before it
//! returns: right for one answer, but 100,000 of them spent minutes waiting
//! on the disk, and each save scanned the list of answers. A [`Batch`] keeps
//! the same promise a batch at a time: every answer is written to a
//! temporary file beside its final name (the pattern a later open cleans
//! up), the temporaries are synced together on many threads (the disk
//! groups the waits), renamed over their names, the folder synced once,
//! and the index gets one write for the whole batch. A crash leaves each
//! answer old or new, never half-written, as with a single save.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

use crate::answer::{AnswerId, AnswerRecord};

use super::index::Entry;
use super::{Store, StoreError, atomic, index};

/// Answers written before the batch is synced: bounded, so the open files
/// stay well under the usual limit of 1,024.
pub(crate) const BATCH: usize = 256;

/// Threads that wait on syncs together: the work is the disk's, not the
/// cores', so more threads than cores help.
const SYNC_THREADS: usize = 16;

/// Answers written to temporaries, waiting for [`Batch::commit`].
#[derive(Default)]
pub(crate) struct Batch {
    pending: Vec<Pending>,
    /// Some pending answer replaces a saved one (most are new).
    replaces: bool,
}

struct Pending {
    record_entry: Entry,
    temp: PathBuf,
    path: PathBuf,
    file: File,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether `id` is written but not yet committed.
    pub fn holds(&self, id: &AnswerId) -> bool {
        self.pending.iter().any(|p| &p.record_entry.id == id)
    }

    /// Writes `record` to a temporary beside its file; `replaces` when an
    /// answer with its id is saved already. Nothing is visible under the
    /// answer's name until [`Batch::commit`].
    pub fn write(
        &mut self,
        store: &Store,
        record: &AnswerRecord,
        replaces: bool,
    ) -> Result<(), StoreError> {
        self.replaces |= replaces;
        if !record.id.is_valid() {
            return Err(StoreError::BadId(record.id.0.clone()));
        }
        let path = store.layout.answer(&record.id);
        let mut bytes =
            serde_json::to_vec_pretty(record).map_err(|e| StoreError::write(&path, e.into()))?;
        bytes.push(b'\n');
        let (temp, mut file) = create_temporary(&path)?;
        file.write_all(&bytes)
            .map_err(|e| StoreError::write(&path, e))?;
        self.pending.push(Pending {
            record_entry: Entry::unstamped(record),
            temp,
            path,
            file,
        });
        Ok(())
    }

    /// Syncs, renames and indexes every pending answer; returns once all
    /// are durably on disk. On error none of the batch is in the index, and
    /// the answers already renamed are whole.
    pub fn commit(&mut self, store: &mut Store) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut self.pending);
        let replaces = std::mem::take(&mut self.replaces);
        if pending.is_empty() {
            return Ok(());
        }
        sync_all(&pending)?;
        let mut entries = Vec::with_capacity(pending.len());
        for p in pending {
            std::fs::rename(&p.temp, &p.path).map_err(|e| StoreError::write(&p.path, e))?;
            // Unstamped (never matching a file) if the size and time are
            // unknown: the next open reads the answer again.
            let entry = match p.file.metadata() {
                Ok(meta) => p.record_entry.stamped(&meta),
                Err(_) => p.record_entry,
            };
            entries.push(entry);
        }
        atomic::sync_dir(&store.layout.answers())?;
        // The answers are safe from here on; the index is only a cache.
        let _ = index::append_all(&store.layout.index(), &entries);
        store.add_entries(entries, replaces);
        Ok(())
    }
}

impl Store {
    /// Takes committed answers into the list of entries, replacing any
    /// with the same id when `replaces`; loaded records are read again on
    /// next use. The list is out of order until [`Store::sort_entries`].
    fn add_entries(&mut self, entries: Vec<Entry>, replaces: bool) {
        if replaces {
            let ids: std::collections::HashSet<&AnswerId> = entries.iter().map(|e| &e.id).collect();
            self.entries.retain(|e| !ids.contains(&e.id));
        }
        self.entries.extend(entries);
        self.records = std::sync::OnceLock::new();
    }

    /// Puts the entries back oldest first, once a run of batches is done.
    pub(crate) fn sort_entries(&mut self) {
        self.entries
            .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    }
}

impl Drop for Batch {
    /// An abandoned batch leaves no temporaries behind.
    fn drop(&mut self) {
        for p in self.pending.drain(..) {
            let _ = std::fs::remove_file(&p.temp);
        }
    }
}

/// A new file `.<name>.XXXXXX` beside `path`: the name atomic-write-file
/// uses, which opening a store recognises and removes if a crash left it.
fn create_temporary(path: &std::path::Path) -> Result<(PathBuf, File), StoreError> {
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut last = None;
    for _ in 0..8 {
        let suffix: String = (0..6)
            .map(|_| char::from(ALNUM[rand::random_range(0..ALNUM.len())]))
            .collect();
        let temp = path.with_file_name(format!(".{name}.{suffix}"));
        match File::options().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(StoreError::write(path, e)),
        }
    }
    Err(StoreError::write(
        path,
        last.unwrap_or_else(|| std::io::Error::other("no free temporary name")),
    ))
}

/// Syncs every pending file, on up to [`SYNC_THREADS`] threads.
fn sync_all(pending: &[Pending]) -> Result<(), StoreError> {
    let chunk = pending.len().div_ceil(SYNC_THREADS).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = pending
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    for p in part {
                        p.file
                            .sync_all()
                            .map_err(|e| StoreError::write(&p.path, e))?;
                    }
                    Ok(())
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}
