//! The answer store: the only module that writes user data.
//!
//! STUB: an in-memory stand-in until issue 4 lands the durable store. The
//! public signatures here are the interface the CLI and the TUI build
//! against; issue 4 may add to them but should not break them.

mod stats;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::answer::{AnswerId, AnswerRecord, Review, Star};
use crate::bank::QuestionId;

pub use stats::{PrincipleStats, QuestionStats, Stats};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the store at {0} is open read-only (another barraiser holds the lock)")]
    ReadOnly(PathBuf),
    #[error("no saved answer has id {0}")]
    NotFound(AnswerId),
}

/// An answer in progress, autosaved so nothing typed is lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub question_id: QuestionId,
    pub star: Star,
    /// The follow-up answer being typed, if the report screen was reached.
    #[serde(default)]
    pub follow_up: String,
    /// Seconds already spent on the clock.
    #[serde(default)]
    pub seconds_elapsed: u64,
    pub updated: jiff::Timestamp,
}

/// An opened data folder.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    read_only: bool,
    warnings: Vec<String>,
    answers: Vec<AnswerRecord>,
    drafts: Vec<Draft>,
}

impl Store {
    /// Opens (creating if needed) the data folder at `root`. When another
    /// process holds the lock the store opens read-only; problems with
    /// individual files become [`Store::warnings`], never a failure.
    pub fn open(root: &Path) -> Result<Store, StoreError> {
        Ok(Store {
            root: root.to_owned(),
            read_only: false,
            warnings: Vec::new(),
            answers: Vec::new(),
            drafts: Vec::new(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// True when another copy of barraiser holds the write lock.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// What went wrong while opening (quarantined files, newer schemas), one
    /// line each, to show the user.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Saved answers, oldest first.
    pub fn answers(&self) -> &[AnswerRecord] {
        &self.answers
    }

    pub fn get(&self, id: &AnswerId) -> Option<&AnswerRecord> {
        self.answers.iter().find(|a| &a.id == id)
    }

    /// Saves a new or updated answer (matched by id); returns once it is
    /// durably on disk.
    pub fn save(&mut self, record: AnswerRecord) -> Result<AnswerId, StoreError> {
        let id = record.id.clone();
        match self.answers.iter_mut().find(|a| a.id == id) {
            Some(slot) => *slot = record,
            None => self.answers.push(record),
        }
        Ok(id)
    }

    /// Adds a mentor's review to a saved answer.
    pub fn add_review(&mut self, id: &AnswerId, review: Review) -> Result<(), StoreError> {
        let record = self
            .answers
            .iter_mut()
            .find(|a| &a.id == id)
            .ok_or_else(|| StoreError::NotFound(id.clone()))?;
        record.reviews.push(review);
        Ok(())
    }

    /// Saves (replacing) the draft for its question.
    pub fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        self.drafts.retain(|d| d.question_id != draft.question_id);
        self.drafts.push(draft.clone());
        Ok(())
    }

    /// The draft for `question`, if any.
    pub fn load_draft(&self, question: &QuestionId) -> Option<Draft> {
        self.drafts
            .iter()
            .find(|d| &d.question_id == question)
            .cloned()
    }

    /// Every saved draft, newest first.
    pub fn drafts(&self) -> Vec<Draft> {
        let mut all = self.drafts.clone();
        all.sort_by(|a, b| b.updated.cmp(&a.updated));
        all
    }

    /// Removes the draft for `question` (after it was submitted).
    pub fn discard_draft(&mut self, question: &QuestionId) -> Result<(), StoreError> {
        self.drafts.retain(|d| &d.question_id != question);
        Ok(())
    }

    /// Progress per principle and per question.
    pub fn stats(&self) -> Stats {
        Stats::compute(&self.answers)
    }
}
