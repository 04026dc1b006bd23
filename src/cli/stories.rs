//! `barraiser stories [--json]`: the story bank (each story, the principles
//! it served with its best total there, when it was last rehearsed) and the
//! coverage gaps. Read-only: a data folder that does not exist is a mistake
//! in `--home` (exit 2), never made. The computing is [`crate::stories`].

use std::io::Write;

use super::{CliError, Context};
use crate::sanitize::line as printable;
use crate::stories::{Coverage, OVERUSE_LIMIT};

#[derive(Debug, clap::Args)]
pub struct StoriesArgs {
    /// Print `{"stories": [{"name", "answers", "principles", "last"}],
    /// "uncovered", "overused"}`
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &StoriesArgs) -> Result<(), CliError> {
    let store = super::answer::open_existing_store(ctx)?;
    let coverage = Coverage::compute(store.summaries(), &ctx.bank);
    let mut out = std::io::stdout().lock();
    if args.json {
        let body = serde_json::to_string_pretty(&coverage)
            .map_err(|e| CliError::Failure(format!("stories: {e}")))?;
        writeln!(out, "{body}")?;
    } else {
        write_text(&mut out, ctx, &coverage)?;
    }
    out.flush()?;
    Ok(())
}

fn write_text(out: &mut impl Write, ctx: &Context, c: &Coverage) -> std::io::Result<()> {
    if c.stories.is_empty() {
        writeln!(
            out,
            "No stories named yet: save an answer with `barraiser answer --question QID --story NAME FILE`, or fill the Story field when you practise."
        )?;
    } else {
        writeln!(out, "{}\n", c.glance(&ctx.bank))?;
        for s in &c.stories {
            let day = s
                .last
                .to_zoned(ctx.tz.clone())
                .strftime("%Y-%m-%d")
                .to_string();
            let plural = if s.answers == 1 { "" } else { "s" };
            writeln!(
                out,
                "{}  ({} answer{plural}, last {day})",
                printable(&s.name),
                s.answers
            )?;
            for (principle, best) in &s.principles {
                let name = ctx
                    .bank
                    .principle(principle)
                    .map_or(principle.as_str(), |p| p.name.as_str());
                writeln!(out, "    {best:>5.1}  {}", printable(name))?;
            }
        }
    }
    writeln!(out, "\nGaps")?;
    if c.uncovered.is_empty() {
        writeln!(out, "  every principle has a story")?;
    } else {
        let names: Vec<String> = c
            .uncovered
            .iter()
            .map(|id| {
                printable(ctx.bank.principle(id).map_or(id.as_str(), |p| &p.name)).into_owned()
            })
            .collect();
        writeln!(
            out,
            "  {} principle{} with no story: {}",
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            names.join(" · ")
        )?;
    }
    for k in &c.kinds {
        if k.with_story == 0 {
            writeln!(
                out,
                "  no {} question answered with a story yet ({} in the bank)",
                k.kind, k.questions
            )?;
        } else {
            writeln!(
                out,
                "  {} of {} {} questions answered with a story",
                k.with_story, k.questions, k.kind
            )?;
        }
    }
    for name in &c.overused {
        writeln!(
            out,
            "  \"{}\" serves more than {OVERUSE_LIMIT} principles: a loop hears each story once",
            printable(name)
        )?;
    }
    Ok(())
}
