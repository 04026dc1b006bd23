//! `barraiser stats [--json]`: progress per principle (count, mean, last,
//! trend) and per question (answers, mean/min/max, how often each signal
//! fires).

use std::io::Write;

use super::{CliError, Context};
use crate::sanitize::line;
use crate::store::Stats;

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Print the stats as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &StatsArgs) -> Result<(), CliError> {
    let store = super::answer::open_existing_store(ctx)?;
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
            line(&store.root().display().to_string())
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
        "{}",
        row(44, ["PRINCIPLE", "ANSWERS", "MEAN", "LAST", "TREND"])
    )?;
    for p in &stats.principles {
        let name = ctx
            .bank
            .principle(p.principle.as_str())
            .map_or_else(|| p.principle.to_string(), |pr| pr.name.clone());
        let name = line(&name);
        let trend = if p.count < 2 {
            "—".to_owned()
        } else {
            format!("{:+.1}", p.trend)
        };
        let (count, mean, last) = (p.count.to_string(), one_place(p.mean), one_place(p.last));
        writeln!(out, "{}", row(44, [&name, &count, &mean, &last, &trend]))?;
    }
    let header = row(32, ["QUESTION", "ANSWERS", "MEAN", "MIN", "MAX"]);
    writeln!(out, "\n{header}  MOST FREQUENT SIGNALS")?;
    for q in &stats.questions {
        let signals: Vec<String> = q
            .signals
            .iter()
            // STAR structure fires in nearly every answer to any question.
            .filter(|s| !crate::store::is_star(s.signal))
            .take(4)
            .map(|s| {
                let id = serde_json::to_value(s.signal)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                format!("{id} {:.0}%", s.rate * 100.0)
            })
            .collect();
        let (count, mean) = (q.count.to_string(), one_place(q.mean));
        let (min, max) = (one_place(q.min), one_place(q.max));
        let cells = row(32, [&line(q.question.as_str()), &count, &mean, &min, &max]);
        writeln!(out, "{cells}  {}", signals.join(", "))?;
    }
    Ok(())
}

/// One row of either table, header or not, so their columns line up: a name
/// `name_width` wide, the answer count, then three numbers.
fn row(name_width: usize, cells: [&str; 5]) -> String {
    let [name, count, a, b, c] = cells;
    format!("{name:<name_width$} {count:>7} {a:>6} {b:>6} {c:>6}")
}

/// A mean, last, min or max score as the tables show it.
fn one_place(x: f64) -> String {
    format!("{x:.1}")
}
