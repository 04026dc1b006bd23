//! Answers in progress: one file per question in `drafts/`, written
//! atomically like answers, so an autosave interrupted by a crash leaves the
//! previous draft rather than half of the new one.

use std::fs;

use serde::{Deserialize, Serialize};

use crate::answer::Star;
use crate::bank::QuestionId;

use super::StoreError;
use super::layout::{self, Layout};
use super::load;

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

/// Reads every draft, newest first; broken ones are quarantined (by the
/// writer) and reported.
pub(crate) fn load_all(
    layout: &Layout,
    writer: bool,
) -> Result<(Vec<Draft>, Vec<String>), StoreError> {
    let dir = layout.drafts();
    let mut drafts = Vec::new();
    let mut warnings = Vec::new();
    let listing = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, e))?;
    for dirent in listing {
        let dirent = dirent.map_err(|e| StoreError::io(&dir, e))?;
        let name = dirent.file_name();
        let path = dirent.path();
        if layout::is_leftover_temporary(&name) {
            if writer {
                load::remove_leftover(&path, &mut warnings);
            }
            continue;
        }
        if !layout::is_json(&name) || !path.is_file() {
            continue;
        }
        let parsed = fs::read(&path)
            .map_err(|e| format!("cannot read it: {e}"))
            .and_then(|bytes| {
                serde_json::from_slice::<Draft>(&bytes).map_err(|e| load::describe_json_error(&e))
            });
        match parsed {
            Ok(draft) => drafts.push(draft),
            Err(reason) => {
                let note = if writer {
                    load::quarantine(layout, &path)
                } else {
                    "left in place (this copy of barraiser is read-only)".to_owned()
                };
                warnings.push(format!(
                    "{}: cannot load this draft: {reason}; {note}",
                    path.display()
                ));
            }
        }
    }
    sort_newest_first(&mut drafts);
    Ok((drafts, warnings))
}

pub(crate) fn sort_newest_first(drafts: &mut [Draft]) {
    drafts.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.question_id.cmp(&b.question_id))
    });
}

/// Writes `draft` durably over any earlier draft for its question.
pub(crate) fn save(layout: &Layout, draft: &Draft) -> Result<(), StoreError> {
    let path = layout.draft(&draft.question_id);
    let bytes = serde_json::to_vec_pretty(draft).map_err(|e| StoreError::write(&path, e.into()))?;
    super::atomic::write_atomic(&path, &bytes)
}

/// Removes the draft for `question`, if there is one.
pub(crate) fn discard(layout: &Layout, question: &QuestionId) -> Result<(), StoreError> {
    let path = layout.draft(question);
    match fs::remove_file(&path) {
        Ok(()) => super::atomic::sync_dir(&layout.drafts()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::write(&path, e)),
    }
}
