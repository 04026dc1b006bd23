//! `barraiser rubric`: print the rubric in use, and the loading every
//! command shares: `--rubric FILE` (or `-` for stdin), else
//! `<home>/rubric.json` when present, else the one compiled in. An
//! interviewer tunes weights by editing a copy of the printed file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CliError, Context, input};
use crate::score::Rubric;

/// The rubric compiled into the binary, as printed.
const EMBEDDED: &str = include_str!("../../data/rubric.json");

/// The rubric file loaded automatically from the data folder.
pub const USER_RUBRIC_FILE: &str = "rubric.json";

#[derive(Debug, clap::Args)]
pub struct RubricArgs {}

/// The rubric every command scores with, and the text it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub rubric: Rubric,
    pub text: String,
}

/// Loads the rubric: `explicit` (`-` is stdin), else the data folder's
/// `rubric.json`, else the built-in one. A bad file is exit 2 naming the
/// file, the JSON path and the field.
pub fn load(home: Option<&Path>, explicit: Option<&PathBuf>) -> Result<Loaded, CliError> {
    let user = home
        .map(|h| h.join(USER_RUBRIC_FILE))
        .filter(|p| p.is_file());
    let Some(path) = explicit.or(user.as_ref()) else {
        return Ok(Loaded {
            rubric: Rubric::embedded(),
            text: EMBEDDED.to_owned(),
        });
    };
    let (text, name) = input::read_text(Some(path))?;
    let rubric =
        Rubric::from_json(&name, &text).map_err(|e| CliError::BadInput(format!("rubric {e}")))?;
    Ok(Loaded { rubric, text })
}

pub fn run(ctx: &Context, _args: &RubricArgs) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(ctx.rubric.text.as_bytes())?;
    if !ctx.rubric.text.ends_with('\n') {
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
