//! Who may write, over time. [`Store::open`] settles it once; these keep
//! it true while a front end stays open for hours: a read-only copy takes
//! over when the writer closes, and a writer whose lock file was deleted
//! or replaced under it (`rm`, `git clean -fdX`) notices before it writes
//! beside a second writer. What changed is left as notes to show.

use super::Store;
use super::lock::Lock;

impl Store {
    /// Whether another barraiser holds the lock, so this copy is read-only
    /// until it closes (see [`Store::recheck_lock`]).
    pub fn is_busy(&self) -> bool {
        matches!(self.lock, Lock::Busy)
    }

    /// Checks the lock's state against the disk. A writer whose lock file
    /// was deleted or replaced takes it again, or turns read-only if another
    /// copy got there first; a read-only copy whose writer has closed
    /// becomes the writer, reading the folder afresh and adopting the drafts
    /// it kept aside. Each change leaves a note ([`Store::take_notes`]).
    pub fn recheck_lock(&mut self) {
        let path = self.layout.lock();
        match &self.lock {
            Lock::Held(_) if self.lock.still_ours(&path) => {}
            Lock::Held(_) => {
                // Let go of the orphaned file before locking its successor.
                self.lock = Lock::Busy;
                self.lock = Lock::acquire(&path);
                let what = format!(
                    "{} was deleted or replaced while this barraiser was writing",
                    path.display()
                );
                let note = match &self.lock {
                    Lock::Held(_) => format!("{what}; it has been taken again"),
                    Lock::Busy => format!(
                        "{what}, and another barraiser now holds it: this copy is read-only from now on (drafts are still kept)"
                    ),
                    Lock::Unavailable(reason) => {
                        format!(
                            "{what}, and cannot be taken again ({reason}): this copy is read-only"
                        )
                    }
                };
                self.notes.push(note);
            }
            Lock::Busy => {
                let lock = Lock::acquire(&path);
                if !lock.is_held() {
                    return;
                }
                match Store::open_locked(self.layout.clone(), lock) {
                    Ok(fresh) => {
                        let notes = std::mem::take(&mut self.notes);
                        *self = fresh;
                        self.notes = notes;
                        self.notes.push(
                            "the other barraiser has closed: this copy is now the writer, and answers are saved".to_owned(),
                        );
                    }
                    Err(e) => self.notes.push(format!(
                        "the other barraiser has closed, but this copy could not take over ({e}); it stays read-only"
                    )),
                }
            }
            Lock::Unavailable(_) => {}
        }
    }

    /// Notes left by [`Store::recheck_lock`] (also run before each write)
    /// since the last call: what changed and what it means.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }
}
