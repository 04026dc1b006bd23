//! Where user data lives: `--home`, else `BARRAISER_HOME` (both handled by
//! clap), else the platform data directory.

use std::path::PathBuf;

/// The data folder to use, given the `--home`/`BARRAISER_HOME` value.
pub fn resolve(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit.filter(|p| !p.as_os_str().is_empty()).or_else(|| {
        directories::ProjectDirs::from("", "", "barraiser").map(|d| d.data_dir().to_owned())
    })
}

/// The user's own bank file inside the data folder, loaded automatically
/// when present.
pub const USER_BANK_FILE: &str = "questions.json";
