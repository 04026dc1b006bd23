//! `barraiser import FILE`.
//!
//! STUB until issue 4.

use std::path::PathBuf;

use super::{CliError, Context};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A JSON export (from `barraiser export --format json`)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(_ctx: &Context, _args: &ImportArgs) -> Result<(), CliError> {
    Err(CliError::Failure("import is not implemented yet".into()))
}
