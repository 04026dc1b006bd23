//! Opening `answers/`: match each file against the index, parse what the
//! index cannot vouch for, and set aside what does not load.
//!
//! A file that fails to load is reported by path and reason and moved into
//! `quarantine/` (never deleted), and every other answer still loads. A file
//! from a newer barraiser is read when it can be, and is never moved or
//! rewritten. Only the writer moves or removes anything; a read-only opener
//! just reports.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::answer::{AnswerId, AnswerRecord, SCHEMA_VERSION};

use super::StoreError;
use super::index::{Entry, Index};
use super::layout::{self, Layout};

/// What opening `answers/` found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// Every loadable answer, oldest first.
    pub entries: Vec<Entry>,
    pub warnings: Vec<String>,
    /// Answers from a newer barraiser that could not be read: their files
    /// must never be written over. Id and schema version.
    pub unreadable_newer: Vec<(AnswerId, u32)>,
    /// The index no longer matches the folder and should be rewritten.
    pub index_stale: bool,
}

/// Reads the summaries of every answer in `answers/`.
pub(crate) fn scan(layout: &Layout, writer: bool) -> Result<Scan, StoreError> {
    let dir = layout.answers();
    let mut index = Index::read(&layout.index());
    let mut scan = Scan {
        index_stale: index.bad_lines > 0,
        ..Scan::default()
    };
    let listing = fs::read_dir(&dir).map_err(|e| StoreError::io(&dir, e))?;
    let mut candidates = Vec::new();
    for dirent in listing {
        let dirent = dirent.map_err(|e| StoreError::io(&dir, e))?;
        let name = dirent.file_name();
        if layout::is_leftover_temporary(&name) {
            if writer {
                remove_leftover(&dirent.path(), &mut scan.warnings);
            }
            continue;
        }
        if !layout::is_json(&name) || name.as_encoded_bytes().starts_with(b".") {
            continue; // not ours: a README, an editor's backup, a hidden file…
        }
        candidates.push(dirent);
    }
    // One stat per answer: the part of opening that grows with the store.
    let checked = super::par::map_chunks(&candidates, |part| {
        part.iter().map(|d| d.metadata().ok()).collect::<Vec<_>>()
    });
    let mut to_read = Vec::new();
    let mut links = Vec::new();
    for (dirent, meta) in candidates.iter().zip(checked.into_iter().flatten()) {
        let Some(meta) = meta else {
            continue; // vanished while listing
        };
        if meta.file_type().is_symlink() {
            links.push(dirent.file_name());
            continue;
        }
        if !meta.is_file() {
            continue;
        }
        let id = layout::answer_id_of(&dirent.file_name());
        if let Some(entry) = id.as_ref().and_then(|id| index.entries.remove(id))
            && entry.matches(&meta)
        {
            if entry.schema > SCHEMA_VERSION {
                scan.warnings
                    .push(newer_warning(&dirent.path(), entry.schema));
            }
            scan.entries.push(entry);
            continue;
        }
        to_read.push((dirent.path(), id, meta));
    }
    scan.warnings.extend(links_skipped(&dir, &links));
    // Files the index cannot vouch for: all of them after a fresh clone.
    scan.index_stale |= !to_read.is_empty();
    let read = super::par::map_chunks(&to_read, |part| {
        part.iter()
            .map(|(path, id, meta)| read_record(path, id.as_ref()).map(|r| Entry::new(&r, meta)))
            .collect::<Vec<_>>()
    });
    for ((path, id, _), outcome) in to_read.into_iter().zip(read.into_iter().flatten()) {
        match outcome {
            Ok(entry) => {
                if entry.schema > SCHEMA_VERSION {
                    scan.warnings.push(newer_warning(&path, entry.schema));
                }
                scan.entries.push(entry);
            }
            Err(Unloadable::Newer(version)) => {
                scan.warnings.push(format!(
                    "{}: written by a newer barraiser (schema version {version}) in a form this one cannot read; left as it is — upgrade barraiser to see it",
                    path.display()
                ));
                if let Some(id) = id {
                    scan.unreadable_newer.push((id, version));
                }
            }
            Err(Unloadable::Broken(reason)) => {
                let note = if writer {
                    quarantine(layout, &path)
                } else {
                    "left in place (this copy of barraiser is read-only)".to_owned()
                };
                scan.warnings
                    .push(format!("{}: cannot load: {reason}; {note}", path.display()));
            }
        }
    }
    // Entries left over name files that are gone.
    scan.index_stale |= !index.entries.is_empty();
    // Updates append lines; compact once the dead ones pile up.
    scan.index_stale |= index.lines > scan.entries.len() + scan.entries.len() / 4 + 64;
    scan.entries
        .sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
    Ok(scan)
}

fn newer_warning(path: &Path, version: u32) -> String {
    format!(
        "{}: written by a newer barraiser (schema version {version}, this one knows {SCHEMA_VERSION}); it is shown but never changed — upgrade barraiser to edit it",
        path.display()
    )
}

/// Why a file did not load.
#[derive(Debug)]
pub(crate) enum Unloadable {
    /// Unreadable, not JSON, cut short, or not an answer record.
    Broken(String),
    /// From a newer barraiser, in a shape this one cannot read.
    Newer(u32),
}

/// Reads and checks one answer file; `expected` is the id its name implies.
pub(crate) fn read_record(
    path: &Path,
    expected: Option<&AnswerId>,
) -> Result<AnswerRecord, Unloadable> {
    let bytes = fs::read(path).map_err(|e| Unloadable::Broken(format!("cannot read it: {e}")))?;
    let record = parse_record(&bytes)?;
    match expected {
        None => Err(Unloadable::Broken(
            "its name is not <answer id>.json".to_owned(),
        )),
        Some(id) if *id != record.id => Err(Unloadable::Broken(format!(
            "the id inside ({}) is not the one in its name",
            record.id
        ))),
        Some(_) => Ok(record),
    }
}

/// Parses an answer record, telling a broken file from a newer one.
pub(crate) fn parse_record(bytes: &[u8]) -> Result<AnswerRecord, Unloadable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Unloadable::Broken("the file is empty".to_owned()));
    }
    serde_json::from_slice::<AnswerRecord>(bytes).map_err(|e| {
        #[derive(Deserialize)]
        struct Version {
            schema_version: u32,
        }
        if let Ok(v) = serde_json::from_slice::<Version>(bytes)
            && v.schema_version > SCHEMA_VERSION
        {
            return Unloadable::Newer(v.schema_version);
        }
        Unloadable::Broken(describe_json_error(&e))
    })
}

/// A `serde_json` error in words a person can act on.
pub(crate) fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => format!("it ends early, as if cut short ({e})"),
        Category::Syntax => format!("it is not valid JSON ({e})"),
        Category::Data => format!("it is not an answer record ({e})"),
        Category::Io => e.to_string(),
    }
}

/// Moves `path` into `quarantine/`, returning what happened, in words.
pub(crate) fn quarantine(layout: &Layout, path: &Path) -> String {
    let dir = layout.quarantine();
    if let Err(e) = fs::create_dir_all(&dir) {
        return format!(
            "could not move it aside ({}: {e}); left in place",
            dir.display()
        );
    }
    let target = free_name(&dir, path);
    match fs::rename(path, &target) {
        Ok(()) => {
            // Best effort: a lost rename only means the file is found again.
            let _ = super::atomic::sync_dir(&dir);
            let _ = path.parent().map(super::atomic::sync_dir);
            format!(
                "moved to {} — fix it there and move it back to load it",
                target.display()
            )
        }
        Err(e) => format!(
            "could not move it to {} ({e}); left in place",
            target.display()
        ),
    }
}

/// `dir/<name>`, or `dir/<name>.1`, `.2`… when taken.
fn free_name(dir: &Path, path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut target = dir.join(&*name);
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{name}.{n}"));
        n += 1;
    }
    target
}

/// Removes a temporary left by an interrupted write.
pub(crate) fn remove_leftover(path: &Path, warnings: &mut Vec<String>) {
    if let Err(e) = fs::remove_file(path) {
        warnings.push(format!(
            "{}: could not remove this leftover temporary file ({e}); it is safe to delete",
            path.display()
        ));
    }
}

/// Reads the full records behind `entries`, in their order, on every core
/// (parsing dominates). A file that changed since it was summarised and no
/// longer loads is skipped with a warning (it is set aside on the next open).
pub(crate) fn read_all(layout: &Layout, entries: &[Entry]) -> (Vec<AnswerRecord>, Vec<String>) {
    let parts = super::par::map_chunks(entries, |part| read_some(layout, part));
    let mut records = Vec::with_capacity(entries.len());
    let mut warnings = Vec::new();
    for (mut r, mut w) in parts {
        records.append(&mut r);
        warnings.append(&mut w);
    }
    (records, warnings)
}

fn read_some(layout: &Layout, entries: &[Entry]) -> (Vec<AnswerRecord>, Vec<String>) {
    let mut records = Vec::with_capacity(entries.len());
    let mut warnings = Vec::new();
    for entry in entries {
        let path = layout.answer(&entry.id);
        match read_record(&path, Some(&entry.id)) {
            Ok(r) => records.push(r),
            Err(Unloadable::Broken(reason)) => {
                warnings.push(format!("{}: cannot load: {reason}", path.display()));
            }
            Err(Unloadable::Newer(v)) => warnings.push(newer_warning(&path, v)),
        }
    }
    (records, warnings)
}

/// One warning for every symbolic link skipped in a folder. The store
/// reads and writes plain files only: a link could point anywhere (another
/// user's file, a file outside the folder), and writing would replace it.
pub(crate) fn links_skipped(dir: &Path, names: &[std::ffi::OsString]) -> Option<String> {
    const SHOWN: usize = 3;
    if names.is_empty() {
        return None;
    }
    let mut listed: Vec<String> = names
        .iter()
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    listed.sort();
    let count = listed.len();
    let more = if count > SHOWN {
        format!(" and {} more", count - SHOWN)
    } else {
        String::new()
    };
    listed.truncate(SHOWN);
    Some(format!(
        "{}: skipped {count} symbolic link{} ({}{more}); barraiser reads only plain files here — replace a link with a copy of its file to use it",
        dir.display(),
        if count == 1 { "" } else { "s" },
        listed.join(", ")
    ))
}
