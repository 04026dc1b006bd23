//! Merging an export back in, by answer id, without ever overwriting words.
//!
//! - an id not saved here is added as it is;
//! - an identical record is skipped;
//! - the same words with reviews this store lacks gain those reviews;
//! - different words under a saved id are kept beside the original as a
//!   new answer whose `conflict_of` names it.
//!
//! Each step looks at what is already saved, so importing the same file
//! twice changes nothing the second time.

use crate::answer::{AnswerId, AnswerRecord, SCHEMA_VERSION};

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
        self.check_writable()?;
        let mut summary = ImportSummary::default();
        if export.unreadable_newer > 0 {
            summary.skipped.push(format!(
                "{} answers written by a newer barraiser could not be read; upgrade barraiser to import them",
                export.unreadable_newer
            ));
        }
        for (i, incoming) in export.answers.into_iter().enumerate() {
            if !incoming.id.is_valid() {
                summary.skipped.push(format!(
                    "answers[{i}]: id '{}' cannot be a file name; skipped",
                    incoming.id
                ));
                continue;
            }
            if incoming.schema_version > SCHEMA_VERSION {
                summary.skipped.push(format!(
                    "answer {}: written by a newer barraiser (schema version {}); skipped — upgrade barraiser to import it",
                    incoming.id, incoming.schema_version
                ));
                continue;
            }
            self.merge_one(incoming, now, &mut summary)?;
        }
        Ok(summary)
    }

    fn merge_one(
        &mut self,
        incoming: AnswerRecord,
        now: jiff::Timestamp,
        summary: &mut ImportSummary,
    ) -> Result<(), StoreError> {
        let saved = match self.load(&incoming.id) {
            Ok(saved) => saved,
            Err(StoreError::NotFound(_)) => {
                let id = incoming.id.clone();
                match self.save(incoming) {
                    Ok(id) => summary.added.push(id),
                    Err(e @ StoreError::NewerSchema { .. }) => {
                        summary.skipped.push(format!("answer {id}: {e}; skipped"));
                    }
                    Err(e) => return Err(e),
                }
                return Ok(());
            }
            Err(e) => {
                summary
                    .skipped
                    .push(format!("answer {}: {e}; skipped", incoming.id));
                return Ok(());
            }
        };
        if saved == incoming {
            summary.unchanged += 1;
            return Ok(());
        }
        if saved.same_words(&incoming) {
            return self.add_missing_reviews(saved, &incoming, summary);
        }
        // Different words under one id: look for the copy an earlier import
        // made, so a second import does not make another.
        let earlier_copy = self
            .answers()
            .iter()
            .find(|r| r.conflict_of.as_ref() == Some(&incoming.id) && r.same_words(&incoming))
            .cloned();
        if let Some(copy) = earlier_copy {
            return self.add_missing_reviews(copy, &incoming, summary);
        }
        let original = incoming.id.clone();
        let mut copy = incoming;
        copy.id = AnswerId::at(now);
        copy.conflict_of = Some(original.clone());
        copy.updated = now;
        let copy_id = self.save(copy)?;
        summary.conflicts.push((original, copy_id));
        Ok(())
    }

    /// Adds to `saved` the reviews of `incoming` it lacks, and saves it.
    fn add_missing_reviews(
        &mut self,
        mut saved: AnswerRecord,
        incoming: &AnswerRecord,
        summary: &mut ImportSummary,
    ) -> Result<(), StoreError> {
        let new: Vec<_> = incoming
            .reviews
            .iter()
            .filter(|r| !saved.reviews.contains(r))
            .cloned()
            .collect();
        if new.is_empty() {
            summary.unchanged += 1;
            return Ok(());
        }
        if saved.schema_version > SCHEMA_VERSION {
            summary.skipped.push(format!(
                "answer {}: has new reviews, but was written by a newer barraiser and is never rewritten; skipped",
                saved.id
            ));
            return Ok(());
        }
        summary.reviews_added += new.len();
        for review in new {
            saved.updated = saved.updated.max(review.at);
            saved.reviews.push(review);
        }
        saved.reviews.sort_by_key(|r| r.at);
        summary.reviewed.push(self.save(saved)?);
        Ok(())
    }
}
