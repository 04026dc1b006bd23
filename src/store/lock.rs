//! One writer at a time: the process that holds an exclusive lock on
//! `barraiser.lock` may write; any other copy opens the store read-only.
//!
//! The lock is the kernel's (`File::try_lock`), so it disappears with the
//! process that held it, even after `kill -9`: there is no stale lock file
//! to clean up by hand.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// The outcome of trying to become the writer.
#[derive(Debug)]
pub(crate) enum Lock {
    /// This process writes; dropping the file releases the lock.
    Held(#[allow(dead_code)] File),
    /// Another process writes.
    Busy,
    /// The lock file cannot be opened or locked (read-only folder, a
    /// filesystem without locks…): no one here may write.
    Unavailable(String),
}

impl Lock {
    pub fn acquire(path: &Path) -> Lock {
        let file = match OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
        {
            Ok(f) => f,
            Err(e) => return Lock::Unavailable(format!("cannot open {}: {e}", path.display())),
        };
        match file.try_lock() {
            Ok(()) => Lock::Held(file),
            Err(TryLockError::WouldBlock) => Lock::Busy,
            Err(TryLockError::Error(e)) => {
                Lock::Unavailable(format!("cannot lock {}: {e}", path.display()))
            }
        }
    }

    pub fn is_held(&self) -> bool {
        matches!(self, Lock::Held(_))
    }
}
