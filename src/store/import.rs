//! Merging an export back in, by answer id, without ever overwriting words.
//!
//! - an id not saved here is added as it is;
//! - an identical record is skipped;
//! - the same words with reviews this store lacks gain those reviews;
//! - different words under a saved id are kept beside the original as a
//!   new answer whose `conflict_of` names it.
//!
//! Each step looks at what is already saved, so importing the same file
//! twice changes nothing the second time. Writes go through a
//! [`Batch`](super::batch::Batch), so an import costs one sync per few
//! hundred answers, not one per answer, and grows linearly with the file;
//! [`Store::import_from`] reads the file as it streams.

use std::collections::HashMap;
use std::io::Read;

use crate::answer::{AnswerId, AnswerRecord, SCHEMA_VERSION};

use super::batch::{BATCH, Batch};
use super::load::{self, Unloadable};
use super::stream::{Complete, Incoming, read_export};
use super::{Export, Store, StoreError};

/// What an import did, for the message to the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Answers that were new here.
    pub added: Vec<AnswerId>,
    /// Answers already here exactly, or with nothing new.
    pub unchanged: usize,
    /// Answers that gained reviews, and how many reviews in all.
    pub reviewed: Vec<AnswerId>,
    pub reviews_added: usize,
    /// `(saved original, new copy holding the imported words)`.
    pub conflicts: Vec<(AnswerId, AnswerId)>,
    /// Records left out, one line each saying why.
    pub skipped: Vec<String>,
}

impl Store {
    /// Merges `export` into the store; `now` stamps conflict copies. Stops
    /// at the first failed write (everything before it is saved).
    pub fn import(
        &mut self,
        export: Export,
        now: jiff::Timestamp,
    ) -> Result<ImportSummary, StoreError> {
        let mut merge = Merge::new(self, now)?;
        merge.newer = export.unreadable_newer;
        for (i, record) in export.answers.into_iter().enumerate() {
            merge.take(i, record)?;
        }
        merge.finish()
    }

    /// Merges the JSON export read from `reader` (named `name` in errors)
    /// as it streams, holding a few hundred answers in memory at most. A
    /// record that is not an answer stops the import with
    /// [`StoreError::BadImport`]; the answers before it stay imported, and
    /// importing the fixed file again adds the rest.
    pub fn import_from(
        &mut self,
        reader: impl Read,
        name: &str,
        now: jiff::Timestamp,
    ) -> Result<ImportSummary, StoreError> {
        self.import_completing(reader, name, now, &|_| false)
    }

    /// Imports like [`Store::import_from`], handing each answer that has no
    /// report (a blind export's) to `complete` first, which scores it.
    pub fn import_completing(
        &mut self,
        reader: impl Read,
        name: &str,
        now: jiff::Timestamp,
        complete: &Complete<'_>,
    ) -> Result<ImportSummary, StoreError> {
        let mut merge = Merge::new(self, now)?;
        let read = read_export(reader, name, complete, &mut |i, item| match item {
            Incoming::Record(record) => merge.take(i, *record),
            Incoming::Newer => {
                merge.newer += 1;
                Ok(())
            }
        });
        match read {
            Ok(()) => merge.finish(),
            Err(StoreError::BadImport { name, reason }) => {
                let done = merge.finish()?;
                let kept = done.added.len() + done.reviewed.len() + done.conflicts.len();
                let reason = match kept {
                    0 => reason,
                    1 => format!(
                        "{reason}; the answer before it was imported, and importing the fixed file again adds the rest"
                    ),
                    n => format!(
                        "{reason}; the {n} answers before it were imported, and importing the fixed file again adds the rest"
                    ),
                };
                Err(StoreError::BadImport { name, reason })
            }
            Err(e) => Err(e),
        }
    }
}

/// An import in progress.
struct Merge<'s> {
    store: &'s mut Store,
    now: jiff::Timestamp,
    summary: ImportSummary,
    batch: Batch,
    /// Every saved id, with its schema version: answers this barraiser
    /// read and ones a newer barraiser wrote.
    saved: HashMap<AnswerId, u32>,
    /// Records in the file this barraiser could not read.
    newer: usize,
}

impl<'s> Merge<'s> {
    fn new(store: &'s mut Store, now: jiff::Timestamp) -> Result<Merge<'s>, StoreError> {
        store.check_writable()?;
        let saved = store
            .entries
            .iter()
            .map(|e| (e.id.clone(), e.schema))
            .chain(store.unreadable_newer.iter().cloned())
            .collect();
        Ok(Merge {
            store,
            now,
            summary: ImportSummary::default(),
            batch: Batch::default(),
            saved,
            newer: 0,
        })
    }

    /// Merges record `i` of the file.
    fn take(&mut self, i: usize, incoming: AnswerRecord) -> Result<(), StoreError> {
        if !incoming.id.is_valid() {
            self.summary.skipped.push(format!(
                "answers[{i}]: id '{}' cannot be a file name; skipped",
                incoming.id
            ));
            return Ok(());
        }
        if incoming.schema_version > SCHEMA_VERSION {
            self.summary.skipped.push(format!(
                "answer {}: written by a newer barraiser (schema version {}); skipped — upgrade barraiser to import it",
                incoming.id, incoming.schema_version
            ));
            return Ok(());
        }
        if self.batch.holds(&incoming.id) {
            // The same id twice in one file: the first must be on disk
            // before the second is compared with it.
            self.commit()?;
        }
        match self.saved.get(&incoming.id) {
            None => {
                self.summary.added.push(incoming.id.clone());
                self.write(&incoming)
            }
            Some(&version) if version > SCHEMA_VERSION => {
                let path = self.store.layout.answer(&incoming.id);
                let e = StoreError::NewerSchema {
                    path,
                    version,
                    known: SCHEMA_VERSION,
                };
                self.summary
                    .skipped
                    .push(format!("answer {}: {e}; skipped", incoming.id));
                Ok(())
            }
            Some(_) => self.merge_saved(incoming),
        }
    }

    /// Merges a record whose id is saved here.
    fn merge_saved(&mut self, incoming: AnswerRecord) -> Result<(), StoreError> {
        let saved = match self.read(&incoming.id) {
            Ok(saved) => saved,
            Err(e) => {
                self.summary
                    .skipped
                    .push(format!("answer {}: {e}; skipped", incoming.id));
                return Ok(());
            }
        };
        if saved == incoming {
            self.summary.unchanged += 1;
            return Ok(());
        }
        if saved.same_words(&incoming) {
            return self.add_missing_reviews(saved, &incoming);
        }
        // Different words under one id: look for the copy an earlier import
        // made, so a second import does not make another.
        if let Some(copy) = self.earlier_copy(&incoming)? {
            return self.add_missing_reviews(copy, &incoming);
        }
        let original = incoming.id.clone();
        let mut copy = incoming;
        copy.id = AnswerId::at(self.now);
        copy.conflict_of = Some(original.clone());
        copy.updated = self.now;
        self.summary.conflicts.push((original, copy.id.clone()));
        self.write(&copy)
    }

    /// The copy of `incoming`'s words an earlier import kept beside the
    /// original: an answer to the same question whose `conflict_of` names
    /// it. Only that question's answers are read.
    fn earlier_copy(
        &mut self,
        incoming: &AnswerRecord,
    ) -> Result<Option<AnswerRecord>, StoreError> {
        self.commit()?;
        let candidates: Vec<AnswerId> = self
            .store
            .entries
            .iter()
            .filter(|e| e.question == incoming.question.id && e.id != incoming.id)
            .map(|e| e.id.clone())
            .collect();
        Ok(candidates
            .iter()
            .filter_map(|id| self.read(id).ok())
            .find(|r| r.conflict_of.as_ref() == Some(&incoming.id) && r.same_words(incoming)))
    }

    /// Adds to `saved` the reviews of `incoming` it lacks, and saves it.
    fn add_missing_reviews(
        &mut self,
        mut saved: AnswerRecord,
        incoming: &AnswerRecord,
    ) -> Result<(), StoreError> {
        let new: Vec<_> = incoming
            .reviews
            .iter()
            .filter(|r| !saved.reviews.contains(r))
            .cloned()
            .collect();
        if new.is_empty() {
            self.summary.unchanged += 1;
            return Ok(());
        }
        if saved.schema_version > SCHEMA_VERSION {
            self.summary.skipped.push(format!(
                "answer {}: has new reviews, but was written by a newer barraiser and is never rewritten; skipped",
                saved.id
            ));
            return Ok(());
        }
        self.summary.reviews_added += new.len();
        for review in new {
            saved.updated = saved.updated.max(review.at);
            saved.reviews.push(review);
        }
        saved.reviews.sort_by_key(|r| r.at);
        self.summary.reviewed.push(saved.id.clone());
        self.write(&saved)
    }

    /// One saved answer, read from its file.
    fn read(&self, id: &AnswerId) -> Result<AnswerRecord, StoreError> {
        let path = self.store.layout.answer(id);
        load::read_record(&path, Some(id)).map_err(|why| match why {
            Unloadable::Broken(reason) => StoreError::io(
                &path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, reason),
            ),
            Unloadable::Newer(version) => StoreError::NewerSchema {
                path: path.clone(),
                version,
                known: SCHEMA_VERSION,
            },
        })
    }

    fn write(&mut self, record: &AnswerRecord) -> Result<(), StoreError> {
        let replaces = self
            .saved
            .insert(record.id.clone(), record.schema_version)
            .is_some();
        self.batch.write(self.store, record, replaces)?;
        if self.batch.len() >= BATCH {
            self.commit()?;
        }
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        self.batch.commit(self.store)
    }

    /// Commits what is pending and says what was done.
    fn finish(mut self) -> Result<ImportSummary, StoreError> {
        self.commit()?;
        if self.newer > 0 {
            self.summary.skipped.insert(
                0,
                format!(
                    "{} answers written by a newer barraiser could not be read; upgrade barraiser to import them",
                    self.newer
                ),
            );
        }
        Ok(std::mem::take(&mut self.summary))
    }
}

impl Drop for Merge<'_> {
    /// However the import ends, the store's list is oldest first again.
    fn drop(&mut self) {
        self.store.sort_entries();
    }
}
