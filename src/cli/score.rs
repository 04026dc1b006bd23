//! `barraiser score [--principle ID | --question QID] [--json] [--jsonl] [FILE|-]`.
//!
//! STUB until issue 3.

use super::{CliError, Context};

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Score against this principle (default: earn_trust)
    #[arg(long, value_name = "ID", conflicts_with = "question")]
    pub principle: Option<String>,
    /// Score as an answer to this question (its principle and kind)
    #[arg(long, value_name = "QID")]
    pub question: Option<String>,
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
    /// Batch: one JSON request a line in, one JSON report a line out
    #[arg(long, conflicts_with_all = ["principle", "question", "json"])]
    pub jsonl: bool,
    /// The answer: plain text with optional STAR headings, or a JSON
    /// {"situation","task","action","result"} object; `-` or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

pub fn run(_ctx: &Context, _args: &ScoreArgs) -> Result<(), CliError> {
    Err(CliError::Failure("score is not implemented yet".into()))
}
