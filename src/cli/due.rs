//! `barraiser due [--all] [--json]`: the questions due for review now, or
//! with `--all` every answered question, soonest due first.
//!
//! Read-only: a data folder that does not exist is a mistake in `--home`
//! (exit 2), not a reason to create one. The schedule itself is
//! [`crate::schedule`]; this file only opens the store and prints.

use std::io::Write;

use super::{CliError, Context};
use crate::sanitize::line as printable;
use crate::schedule::{self, Scheduled};

#[derive(Debug, clap::Args)]
pub struct DueArgs {
    /// Every answered question with its next review date, not only what is
    /// due now
    #[arg(long)]
    pub all: bool,
    /// Print `[{"question_id", "due", "last_total"}]` (due in RFC 3339 UTC)
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &DueArgs) -> Result<(), CliError> {
    let home = ctx.home.as_deref().ok_or_else(|| {
        CliError::Failure(
            "no data folder: this system has no standard one; pass --home DIR or set BARRAISER_HOME"
                .to_owned(),
        )
    })?;
    if !home.is_dir() {
        return Err(CliError::BadInput(format!(
            "no barraiser data at {}",
            home.display()
        )));
    }
    let store = super::answer::open_existing_store(ctx)?;
    let all = schedule::of_saved(store.summaries(), &ctx.tz);
    let shown: Vec<&Scheduled> = if args.all {
        all.iter().collect()
    } else {
        schedule::due_now(&all, ctx.now).collect()
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let body = serde_json::to_string_pretty(&shown)
            .map_err(|e| CliError::Failure(format!("due: {e}")))?;
        writeln!(out, "{body}")?;
    } else if all.is_empty() {
        writeln!(
            out,
            "Nothing scheduled yet: answer a question with `barraiser` or `barraiser answer`, and it comes back for review."
        )?;
    } else {
        write_text(&mut out, ctx, &all, &shown, args.all)?;
    }
    out.flush()?;
    Ok(())
}

fn write_text(
    out: &mut impl Write,
    ctx: &Context,
    all: &[Scheduled],
    shown: &[&Scheduled],
    every: bool,
) -> std::io::Result<()> {
    let due = schedule::due_now(all, ctx.now).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    writeln!(
        out,
        "{due} question{} due now, {} scheduled",
        plural(due),
        all.len()
    )?;
    if shown.is_empty() {
        if let Some(next) = all.first() {
            writeln!(
                out,
                "Next: {} on {}",
                printable(next.question_id.as_str()),
                local_day(ctx, next)
            )?;
        }
        return Ok(());
    }
    writeln!(out, "\n{:<10}  {:>4}  QUESTION", "DUE", "LAST")?;
    let id_width = shown
        .iter()
        .map(|s| printable(s.question_id.as_str()).chars().count())
        .max()
        .unwrap_or(0);
    for s in shown {
        let id = printable(s.question_id.as_str());
        let text = ctx
            .bank
            .question(s.question_id.as_str())
            .map_or("(no longer in the question bank)", |q| q.text.as_str());
        writeln!(
            out,
            "{:<10}  {:>4.0}  {id:<id_width$}  {}",
            local_day(ctx, s),
            s.last_total,
            printable(text)
        )?;
    }
    if !every && due < all.len() {
        writeln!(out, "\n`barraiser due --all` shows the whole schedule.")?;
    }
    Ok(())
}

/// The day a question is due on, in local time: due dates fall at the
/// start of a local day, so the date alone says it.
fn local_day(ctx: &Context, s: &Scheduled) -> String {
    s.due
        .to_zoned(ctx.tz.clone())
        .strftime("%Y-%m-%d")
        .to_string()
}
