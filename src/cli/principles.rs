//! `barraiser principles [--json]`.

use std::io::Write;

use super::{CliError, Context};
use crate::sanitize::line;

#[derive(Debug, clap::Args)]
pub struct PrinciplesArgs {
    /// Print a JSON array instead of a table
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &PrinciplesArgs) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, ctx.bank.principles())
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = ctx
        .bank
        .principles()
        .iter()
        .map(|p| p.id.as_str().len())
        .max()
        .unwrap_or(0);
    for p in ctx.bank.principles() {
        let count = ctx.bank.questions_for(p.id.as_str()).count();
        writeln!(
            out,
            "{:width$}  {} ({count} questions)",
            line(p.id.as_str()),
            line(&p.name)
        )?;
    }
    Ok(())
}
