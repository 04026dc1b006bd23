//! A rebuildable summary of `answers/`, so opening a large store and
//! computing stats does not parse every answer.
//!
//! `index.jsonl` holds one [`Entry`] a line: the fields stats need, plus the
//! answer file's size and modification time when it was summarised. On open
//! each file's size and time are compared with its entry; any file that
//! differs, or has no entry, is parsed again. The answers stay the source of
//! truth: the index may be deleted, torn by a crash or stale, and the next
//! open repairs it. Saves append a line (no fsync: a lost line only costs a
//! re-parse); later lines win, and the writer compacts the file when it has
//! grown stale.

use std::collections::HashMap;
use std::fs::Metadata;
use std::io::Write;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::answer::{AnswerId, AnswerRecord};
use crate::bank::{PrincipleId, QuestionId};
use crate::score::SignalId;

use super::StoreError;

/// What stats and lists need to know about one saved answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: AnswerId,
    /// Size and modification time (ns since the epoch) of the file this was
    /// read from: when either changes, the file is read again.
    pub len: u64,
    pub mtime_ns: u64,
    pub schema: u32,
    pub created: jiff::Timestamp,
    pub question: QuestionId,
    pub principle: PrincipleId,
    pub total: f64,
    /// Signals that fired.
    pub hits: Vec<SignalId>,
    /// Reviewers who have saved a grade on it, so a blind list can tell
    /// whose scores to hide without reading the answer. No default: an
    /// index line written before this field existed fails to parse, and
    /// its answer is read again.
    pub graders: Vec<String>,
    /// The story the answer tells, empty when none is named. No default,
    /// like `graders`: a line from before stories were saved is re-read.
    pub story: String,
}

impl Entry {
    pub fn new(record: &AnswerRecord, meta: &Metadata) -> Entry {
        let (len, mtime_ns) = stamp(meta);
        Entry {
            len,
            mtime_ns,
            ..Entry::unstamped(record)
        }
    }

    /// An entry that matches no file (size and time unknown).
    pub fn unstamped(record: &AnswerRecord) -> Entry {
        Entry {
            id: record.id.clone(),
            len: u64::MAX,
            mtime_ns: 0,
            schema: record.schema_version,
            created: record.created,
            question: record.question.id.clone(),
            principle: record.question.principle.clone(),
            total: record.report.total,
            hits: record
                .report
                .signals
                .iter()
                .filter(|s| s.hit)
                .map(|s| s.id)
                .collect(),
            graders: graders(record),
            story: record.story.clone().unwrap_or_default(),
        }
    }

    /// Whether `reviewer` has saved a grade on this answer.
    pub fn graded_by(&self, reviewer: &str) -> bool {
        self.graders.iter().any(|g| g == reviewer)
    }

    /// This entry, for the file with metadata `meta`.
    #[must_use]
    pub fn stamped(mut self, meta: &Metadata) -> Entry {
        (self.len, self.mtime_ns) = stamp(meta);
        self
    }

    /// Whether this entry still describes a file with metadata `meta`.
    pub fn matches(&self, meta: &Metadata) -> bool {
        (self.len, self.mtime_ns) == stamp(meta)
    }
}

/// Each reviewer who graded `record`, once, in the order they first did.
fn graders(record: &AnswerRecord) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for r in record.reviews.iter().filter(|r| r.grade.is_some()) {
        if !names.contains(&r.reviewer) {
            names.push(r.reviewer.clone());
        }
    }
    names
}

fn stamp(meta: &Metadata) -> (u64, u64) {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .and_then(|d| u64::try_from(d.as_nanos()).ok())
        .unwrap_or(0);
    (meta.len(), mtime)
}

/// The index as read: the newest entry per id, and whether the file holds
/// lines that are not (or no longer) useful.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub entries: HashMap<AnswerId, Entry>,
    pub lines: usize,
    pub bad_lines: usize,
}

impl Index {
    /// Reads `path`; a missing or unreadable index is an empty one.
    pub fn read(path: &Path) -> Index {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Index::default();
        };
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let parsed = super::par::map_chunks(&lines, |part| {
            part.iter()
                .map(|line| serde_json::from_str::<Entry>(line).ok())
                .collect::<Vec<_>>()
        });
        let mut index = Index {
            entries: HashMap::with_capacity(lines.len()),
            lines: lines.len(),
            bad_lines: 0,
        };
        // In file order, so later lines win.
        for entry in parsed.into_iter().flatten() {
            match entry {
                Some(entry) => {
                    index.entries.insert(entry.id.clone(), entry);
                }
                None => index.bad_lines += 1,
            }
        }
        index
    }
}

/// Adds one entry at the end of the index. Not synced: the index is a cache.
pub(crate) fn append(path: &Path, entry: &Entry) -> Result<(), StoreError> {
    append_all(path, std::slice::from_ref(entry))
}

/// Adds `entries` at the end of the index in one write call, so a crash
/// leaves at worst one torn last line. Not synced.
pub(crate) fn append_all(path: &Path, entries: &[Entry]) -> Result<(), StoreError> {
    let mut lines = Vec::with_capacity(entries.len() * 256);
    for entry in entries {
        serde_json::to_writer(&mut lines, entry).map_err(|e| StoreError::write(path, e.into()))?;
        lines.push(b'\n');
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| StoreError::write(path, e))?;
    file.write_all(&lines)
        .map_err(|e| StoreError::write(path, e))
}

/// Replaces the index with exactly `entries`.
pub(crate) fn rewrite<'a>(
    path: &Path,
    entries: impl IntoIterator<Item = &'a Entry>,
) -> Result<(), StoreError> {
    let mut out = Vec::new();
    for entry in entries {
        serde_json::to_writer(&mut out, entry).map_err(|e| StoreError::write(path, e.into()))?;
        out.push(b'\n');
    }
    super::atomic::write_atomic(path, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, total: f64) -> Entry {
        Entry {
            id: AnswerId(id.to_owned()),
            len: 10,
            mtime_ns: 20,
            schema: 1,
            created: jiff::Timestamp::UNIX_EPOCH,
            question: QuestionId("q".into()),
            principle: PrincipleId("p".into()),
            total,
            hits: vec![SignalId::StarTask],
            graders: vec!["ana".into()],
            story: String::new(),
        }
    }

    #[test]
    fn later_lines_win_and_a_torn_last_line_is_only_counted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.jsonl");
        append(&path, &entry("a", 1.0)).unwrap();
        append(&path, &entry("b", 2.0)).unwrap();
        append(&path, &entry("a", 3.0)).unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(&serde_json::to_vec(&entry("c", 4.0)).unwrap()[..30]);
        std::fs::write(&path, bytes).unwrap();
        let index = Index::read(&path);
        assert_eq!((index.lines, index.bad_lines), (4, 1));
        assert_eq!(index.entries.len(), 2);
        assert_eq!(index.entries[&AnswerId("a".into())], entry("a", 3.0));
        rewrite(&path, [&entry("b", 2.0)]).unwrap();
        let index = Index::read(&path);
        assert_eq!(
            (index.lines, index.bad_lines, index.entries.len()),
            (1, 0, 1)
        );
    }

    #[test]
    fn a_line_from_before_graders_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.jsonl");
        let mut old = serde_json::to_value(entry("a", 1.0)).unwrap();
        old.as_object_mut().unwrap().remove("graders");
        std::fs::write(&path, format!("{old}\n")).unwrap();
        let index = Index::read(&path);
        // Not an entry with no graders: a bad line, so the file is re-read.
        assert_eq!((index.lines, index.bad_lines), (1, 1));
        assert!(index.entries.is_empty());
    }

    #[test]
    fn a_missing_index_is_an_empty_one() {
        let index = Index::read(Path::new("/nonexistent/index.jsonl"));
        assert!(index.entries.is_empty());
    }
}
