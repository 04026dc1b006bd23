//! What can go wrong in the store, worded for the person who must fix it:
//! every message names the file or folder and says what to do next.

use std::path::PathBuf;

use crate::answer::AnswerId;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading a file or folder failed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The data folder does not exist and cannot be made.
    #[error(
        "cannot create the data folder {path}: {source}; pass --home DIR (or set BARRAISER_HOME) to a folder you can write"
    )]
    Create {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Writing failed (full disk, read-only folder…). Nothing was
    /// overwritten; the caller still holds what it tried to save.
    #[error(
        "cannot save {path}: {source}; nothing on disk was changed — free some space or make the folder writable, then save again"
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Another barraiser holds the write lock.
    #[error(
        "the store at {0} is open read-only (another barraiser holds the lock); close the other copy and try again"
    )]
    ReadOnly(PathBuf),
    /// The folder could not be opened for writing at all.
    #[error("the store at {path} is read-only ({reason}); make it writable and try again")]
    Unwritable { path: PathBuf, reason: String },
    #[error("no saved answer has id {0}")]
    NotFound(AnswerId),
    /// A record from a newer barraiser: read, never rewritten.
    #[error(
        "{path} was written by a newer barraiser (schema version {version}, this one knows {known}); it is kept as it is — upgrade barraiser to change it"
    )]
    NewerSchema {
        path: PathBuf,
        version: u32,
        known: u32,
    },
    /// An id that cannot be a file name.
    #[error(
        "answer id '{0}' cannot be used as a file name (letters, digits, '-' and '_' only); give the record a fresh id"
    )]
    BadId(String),
    /// A grade outside 1–5.
    #[error("grade {0} is out of range; a grade is 1 to 5")]
    BadGrade(u8),
    /// A file that should be a JSON export is not one.
    #[error(
        "{name}: not a barraiser export: {reason}; make one with `barraiser export --format json`"
    )]
    BadImport { name: String, reason: String },
}

impl StoreError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn write(path: impl Into<PathBuf>, source: std::io::Error) -> StoreError {
        StoreError::Write {
            path: path.into(),
            source,
        }
    }
}
