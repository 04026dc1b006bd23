//! `barraiser questions [--principle ID] [--search TEXT] [--json]`.

use std::io::Write;

use super::{CliError, Context, check_principle};
use crate::bank::{Question, search};
use crate::sanitize::line;

#[derive(Debug, clap::Args)]
pub struct QuestionsArgs {
    /// Only questions for this principle (see `barraiser principles`)
    #[arg(long, value_name = "ID")]
    pub principle: Option<String>,
    /// Only questions holding every word of TEXT (in any form: "missed"
    /// finds "miss") in their text, tags, kind or principle; whole words
    /// rank before parts of words, and one typo is forgiven when nothing
    /// else matches
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Print a JSON array of question objects
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &QuestionsArgs) -> Result<(), CliError> {
    let bank = &ctx.bank;
    let mut chosen: Vec<&Question> = match &args.principle {
        Some(id) => bank
            .questions_for(check_principle(bank, id)?.id.as_str())
            .collect(),
        None => bank.questions().iter().collect(),
    };
    if let Some(query) = &args.search {
        chosen = search(bank, &chosen, query);
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &chosen).map_err(std::io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    if chosen.is_empty() {
        writeln!(out, "no questions match")?;
    }
    let width = chosen
        .iter()
        .map(|q| q.id.as_str().len())
        .max()
        .unwrap_or(0);
    for q in chosen {
        writeln!(
            out,
            "{:width$}  [{}] {}",
            line(q.id.as_str()),
            q.kind.as_str(),
            line(&q.text)
        )?;
    }
    Ok(())
}
