//! `barraiser stats [--json]`.
//!
//! STUB until issue 4.

use super::{CliError, Context};

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Print the stats as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(_ctx: &Context, _args: &StatsArgs) -> Result<(), CliError> {
    Err(CliError::Failure("stats is not implemented yet".into()))
}
