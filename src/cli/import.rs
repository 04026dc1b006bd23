//! `barraiser import FILE`: merge answers and reviews from a JSON export,
//! by id, never overwriting words (see `store::import`).

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, Context};
use crate::sanitize::line;
use crate::store::{Export, ImportSummary};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A JSON export (from `barraiser export --format json`)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<(), CliError> {
    let (text, name) = super::input::read_text(Some(&args.file))?;
    let export = Export::parse(&text, &name).map_err(super::answer::store_error)?;
    let mut store = super::answer::open_store(ctx)?;
    let summary = store
        .import(export, jiff::Timestamp::now())
        .map_err(super::answer::store_error)?;
    for line in &summary.skipped {
        super::warn(&format!("{name}: {line}"));
    }
    let name = line(&name);
    let mut out = std::io::stdout().lock();
    for (original, copy) in &summary.conflicts {
        let (original, copy) = (line(original.as_str()), line(copy.as_str()));
        writeln!(
            out,
            "answer {original}: the imported words differ from the saved ones; both kept, the imported words are now answer {copy}"
        )?;
    }
    writeln!(out, "{name}: {}", describe(&summary))?;
    out.flush()?;
    Ok(())
}

/// "2 new answers, 3 reviews added to 1 answer, 1 answer kept beside the
/// original, 4 unchanged".
fn describe(s: &ImportSummary) -> String {
    let answers = |n: usize| {
        if n == 1 {
            "1 answer".to_owned()
        } else {
            format!("{n} answers")
        }
    };
    let mut parts = vec![match s.added.len() {
        1 => "1 new answer".to_owned(),
        n => format!("{n} new answers"),
    }];
    if s.reviews_added > 0 {
        let reviews = if s.reviews_added == 1 {
            "review"
        } else {
            "reviews"
        };
        parts.push(format!(
            "{} {reviews} added to {}",
            s.reviews_added,
            answers(s.reviewed.len())
        ));
    }
    if !s.conflicts.is_empty() {
        parts.push(format!(
            "{} kept beside the original",
            answers(s.conflicts.len())
        ));
    }
    parts.push(format!("{} unchanged", s.unchanged));
    if !s.skipped.is_empty() {
        parts.push(format!("{} skipped", s.skipped.len()));
    }
    parts.join(", ")
}
