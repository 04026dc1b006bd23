//! `barraiser calibrate LABELS.jsonl [--pairs PAIRS.jsonl] [--json]`.
//!
//! STUB until issue 3.

use std::path::PathBuf;

use super::{CliError, Context};

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// Labelled answers, one JSON object a line (format in rubric.md)
    #[arg(value_name = "LABELS.jsonl")]
    pub labels: PathBuf,
    /// Pairs {"better", "worse"} of answer ids, one a line
    #[arg(long, value_name = "PAIRS.jsonl")]
    pub pairs: Option<PathBuf>,
    /// Print the metrics as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(_ctx: &Context, _args: &CalibrateArgs) -> Result<(), CliError> {
    Err(CliError::Failure("calibrate is not implemented yet".into()))
}
