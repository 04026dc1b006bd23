//! `barraiser questions [--principle ID] [--search TEXT] [--json]`, and
//! `questions --stats`: how each answered question performs (figures in
//! [`crate::store::question_performance`]).

use std::io::Write;

use super::{CliError, Context, check_principle};
use crate::bank::{PrincipleId, Question, search};
use crate::sanitize::line;
use crate::store::QuestionPerformance;

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
    /// How each answered question performs: answers, mean and spread of
    /// totals, mean grade, discrimination (Spearman of totals against
    /// grades), and how often its principle's own signals fire
    #[arg(long, conflicts_with = "search")]
    pub stats: bool,
}

pub fn run(ctx: &Context, args: &QuestionsArgs) -> Result<(), CliError> {
    if args.stats {
        return run_stats(ctx, args);
    }
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

fn run_stats(ctx: &Context, args: &QuestionsArgs) -> Result<(), CliError> {
    let store = super::answer::open_existing_store(ctx)?;
    let principle = args.principle.as_deref().map(|p| PrincipleId(p.to_owned()));
    if let Some(p) = &principle {
        // Answers may name a principle the current bank no longer has.
        let saved = store.answers().iter().any(|a| &a.question.principle == p);
        if !saved {
            check_principle(&ctx.bank, p.as_str())?;
        }
    }
    let rows = crate::store::question_performance(
        store.answers(),
        &ctx.bank,
        &ctx.rubric.rubric,
        principle.as_ref(),
    );
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else if rows.is_empty() {
        writeln!(
            out,
            "No saved answers{} yet: nothing to measure.",
            if principle.is_some() {
                " for this principle"
            } else {
                ""
            }
        )?;
    } else {
        write_stats(&mut out, &rows)?;
    }
    out.flush()?;
    Ok(())
}

fn opt(x: Option<f64>, places: usize) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.places$}"))
}

fn write_stats(out: &mut impl Write, rows: &[QuestionPerformance]) -> std::io::Result<()> {
    let width = rows
        .iter()
        .map(|q| q.id.as_str().chars().count())
        .chain([8])
        .max()
        .unwrap_or(8);
    writeln!(
        out,
        "{:<width$} {:>7} {:>5} {:>6} {:>5} {:>7}  TEXT",
        "QUESTION", "ANSWERS", "MEAN", "SPREAD", "GRADE", "DISCRIM"
    )?;
    for q in rows {
        writeln!(
            out,
            "{:<width$} {:>7} {:>5.1} {:>6} {:>5} {:>7}  {}",
            line(q.id.as_str()),
            q.answers,
            q.mean_total,
            opt(q.spread, 1),
            opt(q.mean_grade, 2),
            opt(q.discrimination, 2),
            line(&q.text)
        )?;
        let mut rates: Vec<_> = q.signal_rates.iter().collect();
        rates.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let rates: Vec<String> = rates
            .iter()
            .map(|(id, r)| format!("{} {:.0}%", id.as_str(), *r * 100.0))
            .collect();
        if !rates.is_empty() {
            writeln!(out, "{:width$}   signals: {}", "", rates.join(", "))?;
        }
        if let Some(flag) = &q.flag {
            writeln!(out, "{:width$}   ! {flag}", "")?;
        }
    }
    Ok(())
}
