//! Answers in progress: one file per question in `drafts/`, written
//! atomically like answers, so an autosave interrupted by a crash leaves the
//! previous draft rather than half of the new one.
//!
//! A read-only copy of barraiser (another one holds the lock) may not touch
//! the writer's files, but what it types matters as much: it saves its
//! drafts beside them under its process id, and the next writer to open
//! adopts them.

use std::fs;
use std::path::{Path, PathBuf};

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

/// Who is saving a draft.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Owner {
    /// The process holding the lock: `drafts/<question>.json`.
    Writer,
    /// A read-only copy: `drafts/<question>~<pid>.json`, beside the
    /// writer's, so what it typed is kept too.
    ReadOnly(u32),
}

impl Owner {
    fn side(self) -> Option<u32> {
        match self {
            Owner::Writer => None,
            Owner::ReadOnly(pid) => Some(pid),
        }
    }
}

/// Reads every draft, newest first, one per question; broken ones are
/// quarantined (by the writer) and reported. The writer also adopts the
/// drafts read-only copies left: a newer one becomes the question's draft;
/// an older one stays on disk, named in a warning.
pub(crate) fn load_all(
    layout: &Layout,
    writer: bool,
) -> Result<(Vec<Draft>, Vec<String>), StoreError> {
    let dir = layout.drafts();
    let mut found: Vec<(PathBuf, bool, Draft)> = Vec::new();
    let mut warnings = Vec::new();
    let mut links = Vec::new();
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
        if !layout::is_json(&name) {
            continue;
        }
        // The entry itself, not what a link points to: links are skipped,
        // as in answers/.
        match dirent.file_type() {
            Ok(kind) if kind.is_symlink() => {
                links.push(name);
                continue;
            }
            Ok(kind) if kind.is_file() => {}
            _ => continue,
        }
        let parsed = fs::read(&path)
            .map_err(|e| format!("cannot read it: {e}"))
            .and_then(|bytes| {
                serde_json::from_slice::<Draft>(&bytes).map_err(|e| load::describe_json_error(&e))
            });
        match parsed {
            Ok(draft) => found.push((path, layout::is_side_draft(&name), draft)),
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
    warnings.extend(load::links_skipped(&dir, &links));
    // Newest first; on a tie the writer's own file first.
    found.sort_by(|a, b| b.2.updated.cmp(&a.2.updated).then(a.1.cmp(&b.1)));
    let mut drafts: Vec<Draft> = Vec::new();
    for (path, side, draft) in found {
        let kept = drafts.iter().any(|d| d.question_id == draft.question_id);
        if !kept {
            if writer && side {
                adopt(layout, &path, &draft, &mut warnings);
            }
            drafts.push(draft);
        } else if writer && side {
            warnings.push(format!(
                "{}: an older draft from a read-only copy of barraiser, kept beside the newer one; delete it once you no longer need it",
                path.display()
            ));
        }
    }
    sort_newest_first(&mut drafts);
    Ok((drafts, warnings))
}

/// Makes a read-only copy's draft the question's draft, then removes its
/// file (only once the copy is safely written).
fn adopt(layout: &Layout, side_path: &Path, draft: &Draft, warnings: &mut Vec<String>) {
    match save(layout, draft, Owner::Writer) {
        Ok(()) => {
            let _ = fs::remove_file(side_path);
        }
        Err(e) => warnings.push(format!(
            "{}: could not take over this draft ({e}); it stays where it is",
            side_path.display()
        )),
    }
}

pub(crate) fn sort_newest_first(drafts: &mut [Draft]) {
    drafts.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.question_id.cmp(&b.question_id))
    });
}

/// Writes `draft` durably over any earlier draft for its question by the
/// same owner.
pub(crate) fn save(layout: &Layout, draft: &Draft, owner: Owner) -> Result<(), StoreError> {
    let path = layout.draft(&draft.question_id, owner.side());
    let bytes = serde_json::to_vec_pretty(draft).map_err(|e| StoreError::write(&path, e.into()))?;
    super::atomic::write_atomic(&path, &bytes)
}

/// Removes the owner's draft for `question`, if there is one.
pub(crate) fn discard(
    layout: &Layout,
    question: &QuestionId,
    owner: Owner,
) -> Result<(), StoreError> {
    let path = layout.draft(question, owner.side());
    match fs::remove_file(&path) {
        Ok(()) => super::atomic::sync_dir(&layout.drafts()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::write(&path, e)),
    }
}
