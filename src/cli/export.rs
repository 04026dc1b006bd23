//! `barraiser export [--format md|json] [--principle ID] [-o FILE]`.
//!
//! STUB until issue 4.

use std::path::PathBuf;

use super::{CliError, Context};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A review packet a mentor reads top to bottom
    Md,
    /// Every record, re-importable
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Only answers for this principle
    #[arg(long, value_name = "ID")]
    pub principle: Option<String>,
    /// Write to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(_ctx: &Context, _args: &ExportArgs) -> Result<(), CliError> {
    Err(CliError::Failure("export is not implemented yet".into()))
}
