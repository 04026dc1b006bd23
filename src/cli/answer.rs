//! `barraiser answer --question QID [--json] [FILE|-]`.
//!
//! STUB until issue 4.

use super::{CliError, Context};

#[derive(Debug, clap::Args)]
pub struct AnswerArgs {
    /// The question this answers (see `barraiser questions`)
    #[arg(long, value_name = "QID")]
    pub question: String,
    /// Print {"id", "report"} instead of the id alone
    #[arg(long)]
    pub json: bool,
    /// The answer text; `-` or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

pub fn run(_ctx: &Context, _args: &AnswerArgs) -> Result<(), CliError> {
    Err(CliError::Failure("answer is not implemented yet".into()))
}
