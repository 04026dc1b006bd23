//! `barraiser stats [--json]`: progress per principle (count, mean, last,
//! trend) and per question (answers, mean/min/max, how often each signal
//! fires).

use std::io::Write;

use super::{CliError, Context};
use crate::store::Stats;

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Print the stats as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &StatsArgs) -> Result<(), CliError> {
    let store = super::answer::open_store(ctx)?;
    let stats = store.stats();
    let mut out = std::io::stdout().lock();
    if args.json {
        let body = serde_json::to_string_pretty(&stats)
            .map_err(|e| CliError::Failure(format!("stats: {e}")))?;
        writeln!(out, "{body}")?;
    } else if stats.answers == 0 {
        writeln!(
            out,
            "No saved answers yet in {}. Practise with `barraiser`, or save one with `barraiser answer --question QID FILE`.",
            store.root().display()
        )?;
    } else {
        write_text(&mut out, ctx, &stats)?;
    }
    out.flush()?;
    Ok(())
}

fn write_text(out: &mut impl Write, ctx: &Context, stats: &Stats) -> std::io::Result<()> {
    let plural = if stats.answers == 1 { "" } else { "s" };
    writeln!(out, "{} saved answer{plural}\n", stats.answers)?;
    writeln!(
        out,
        "{:<44} {:>7} {:>6} {:>6} {:>6}",
        "PRINCIPLE", "ANSWERS", "MEAN", "LAST", "TREND"
    )?;
    for p in &stats.principles {
        let name = ctx
            .bank
            .principle(p.principle.as_str())
            .map_or_else(|| p.principle.to_string(), |pr| pr.name.clone());
        let trend = if p.count < 2 {
            "—".to_owned()
        } else {
            format!("{:+.1}", p.trend)
        };
        writeln!(
            out,
            "{name:<44} {:>7} {:>6.1} {:>6.1} {trend:>6}",
            p.count, p.mean, p.last
        )?;
    }
    writeln!(
        out,
        "\n{:<32} {:>7} {:>6} {:>6} {:>6}  MOST FREQUENT SIGNALS",
        "QUESTION", "ANSWERS", "MEAN", "MIN", "MAX"
    )?;
    for q in &stats.questions {
        let signals: Vec<String> = q
            .signals
            .iter()
            .take(4)
            .map(|s| {
                let id = serde_json::to_value(s.signal)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("{id} {:.0}%", s.rate * 100.0)
            })
            .collect();
        writeln!(
            out,
            "{:<32} {:>7} {:>6.1} {:>6.1} {:>6.1}  {}",
            q.question.as_str(),
            q.count,
            q.mean,
            q.min,
            q.max,
            signals.join(", ")
        )?;
    }
    Ok(())
}
