//! Durable, all-or-nothing file writes.
//!
//! The bytes go to a temporary file in the target's own folder, which is
//! synced, renamed over the target, and then the folder itself is synced
//! (atomic-write-file does exactly this). A crash at any moment leaves
//! either the old file or the new one, never a mix; the temporary it may
//! leave behind (`.<name>.XXXXXX`) is removed on the next open.

use std::io::Write;
use std::path::Path;

use atomic_write_file::AtomicWriteFile;

use super::StoreError;

/// Writes `bytes` to `path` durably: when this returns `Ok`, the file is on
/// disk under its name. On error the old file (if any) is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let fail = |e| StoreError::write(path, e);
    let mut options = AtomicWriteFile::options();
    // The new file takes the old one's mode, but a symbolic link's mode is
    // 0777: a link in the way (the store skips links) is replaced by a
    // file with the ordinary mode instead.
    let over_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt;
        options.preserve_mode(!over_link);
        options.preserve_owner(!over_link);
    }
    #[cfg(not(unix))]
    let _ = over_link;
    let mut file = options.open(path).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    // commit() syncs the file, renames it and syncs the folder.
    file.commit().map_err(fail)
}

/// Syncs a folder so a file just created or renamed in it survives a crash.
pub(crate) fn sync_dir(path: &Path) -> Result<(), StoreError> {
    std::fs::File::open(path)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::write(path, e))
}
