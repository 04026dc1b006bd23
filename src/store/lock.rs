//! One writer at a time: the process that holds an exclusive lock on
//! `barraiser.lock` may write; any other copy opens the store read-only.
//!
//! The lock is the kernel's (`File::try_lock`), so it disappears with the
//! process that held it, even after `kill -9`: there is no stale lock file
//! to clean up by hand. Two things the kernel cannot see are handled here:
//! a writer that arrives while another is busy may wait a while for it
//! ([`Lock::acquire_waiting`]), and a lock file deleted or replaced under a
//! running writer (`rm`, `git clean -fdX`) would let a second copy lock a
//! fresh file and write too, so the holder remembers which file it locked
//! ([`Lock::still_ours`]) and checks before it writes.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// The outcome of trying to become the writer.
#[derive(Debug)]
pub(crate) enum Lock {
    /// This process writes; dropping the file releases the lock.
    Held(Held),
    /// Another process writes.
    Busy,
    /// The lock file cannot be opened or locked (read-only folder, a
    /// filesystem without locks…): no one here may write.
    Unavailable(String),
}

/// The locked file, and which file it is.
#[derive(Debug)]
pub(crate) struct Held {
    #[allow(dead_code)] // held for its lock, released on drop
    file: File,
    identity: Option<Identity>,
}

/// What tells one file from another that took its name.
type Identity = (u64, u64);

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
            Ok(()) => {
                let identity = file.metadata().ok().and_then(|m| identity(&m));
                Lock::Held(Held { file, identity })
            }
            Err(TryLockError::WouldBlock) => Lock::Busy,
            Err(TryLockError::Error(e)) => {
                Lock::Unavailable(format!("cannot lock {}: {e}", path.display()))
            }
        }
    }

    /// Like [`Lock::acquire`], but while another process holds the lock,
    /// tries again until `wait` has passed.
    pub fn acquire_waiting(path: &Path, wait: Duration) -> Lock {
        let deadline = Instant::now() + wait;
        let mut pause = Duration::from_millis(5);
        loop {
            let lock = Lock::acquire(path);
            let now = Instant::now();
            if !matches!(lock, Lock::Busy) || now >= deadline {
                return lock;
            }
            std::thread::sleep(pause.min(deadline - now));
            pause = (pause * 2).min(Duration::from_millis(100));
        }
    }

    pub fn is_held(&self) -> bool {
        matches!(self, Lock::Held(_))
    }

    /// For a holder: whether the file named `path` is still the file this
    /// process locked (not deleted, not replaced). True when it cannot
    /// tell (no file identities on this platform).
    pub fn still_ours(&self, path: &Path) -> bool {
        let Lock::Held(held) = self else {
            return false;
        };
        let Some(mine) = held.identity else {
            return true;
        };
        std::fs::metadata(path)
            .ok()
            .and_then(|m| identity(&m))
            .is_some_and(|now| now == mine)
    }
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // None on other platforms
fn identity(meta: &std::fs::Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> Option<Identity> {
    None
}
