//! `barraiser calibrate LABELS.jsonl [--pairs PAIRS.jsonl] [--json]`: score
//! every labelled answer and print how well the scorer agrees with the
//! labels, the grades and the judged pairs (metrics in
//! [`crate::score::calibrate`]). `calibrate --store` instead compares the
//! grades saved in reviews ([`super::calibrate_store`]).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

use super::{CliError, Context, input};
use crate::score::calibrate::{Labelled, Metrics, Scored, metrics, parse_labels, parse_pairs};
use crate::score::{Rubric, Target, score};

#[derive(Debug, clap::Args)]
pub struct CalibrateArgs {
    /// Labelled answers, one JSON object a line (format in docs/labels.md)
    #[arg(value_name = "LABELS.jsonl", required_unless_present = "store")]
    pub labels: Option<PathBuf>,
    /// Pairs {"better", "worse", "contrast"?} of answer ids, one a line (docs/labels.md)
    #[arg(long, value_name = "PAIRS.jsonl")]
    pub pairs: Option<PathBuf>,
    /// Instead of labels, compare the grades reviewers saved in the store:
    /// with each other (Krippendorff's alpha) and with the scorer
    /// (Spearman); --reviewer NAME shows one reviewer
    #[arg(long, conflicts_with_all = ["labels", "pairs"])]
    pub store: bool,
    /// Print the metrics as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: &CalibrateArgs) -> Result<(), CliError> {
    let Some(labels) = args.labels.as_ref().filter(|_| !args.store) else {
        return super::calibrate_store::run(ctx, args.json);
    };
    let rubric = ctx.rubric.rubric.clone();
    let (text, name) = input::read_text(Some(labels))?;
    let labelled = parse_labels(&name, &text).map_err(CliError::BadInput)?;
    let pairs = match &args.pairs {
        Some(p) => {
            let (text, name) = input::read_text(Some(p))?;
            parse_pairs(&name, &text, &labelled).map_err(CliError::BadInput)?
        }
        None => Vec::new(),
    };
    let scored: Vec<Scored> = labelled
        .iter()
        .map(|l| score_one(ctx, &rubric, l))
        .collect();
    let m = metrics(&labelled, &scored, &pairs);
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &m).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        // Misranked pair ids and the file name come from the user's data.
        out.write_all(crate::sanitize::text(&render(&m, &name)).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// Scores one labelled answer against its principle, taking the question's
/// kind from the line, the bank, or the question's wording.
pub fn score_one(ctx: &Context, rubric: &Rubric, l: &Labelled) -> Scored {
    let bank_q = l.question_id.as_deref().and_then(|q| ctx.bank.question(q));
    let kind = l
        .kind
        .or(bank_q.map(|q| q.kind))
        .or_else(|| l.question.as_deref().and_then(|q| rubric.question_kind(q)));
    let target = Target {
        principle: &l.principle,
        question_id: l.question_id.as_deref(),
        kind,
    };
    let report = score(&l.answer, &target, rubric);
    Scored {
        total: report.total,
        hits: report.signals.iter().map(|s| s.hit).collect(),
    }
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "   –".to_owned(), |v| format!("{v:.2}"))
}

/// The readable table.
pub fn render(m: &Metrics, name: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Calibration on {} answers from {name}\n", m.answers);
    let _ = writeln!(
        s,
        "{:<26} {:>5} {:>5}  {:>9} {:>6} {:>5}  misread",
        "signal", "true", "false", "precision", "recall", "F1"
    );
    for sig in m
        .signals
        .iter()
        .filter(|s| s.labelled_true + s.labelled_false > 0)
    {
        let mut misread: Vec<&str> = sig.errors.iter().map(String::as_str).take(6).collect();
        if sig.errors.len() > 6 {
            misread.push("…");
        }
        let _ = writeln!(
            s,
            "{:<26} {:>5} {:>5}  {:>9} {:>6} {:>5}  {}",
            sig.id.as_str(),
            sig.labelled_true,
            sig.labelled_false,
            num(sig.precision),
            num(sig.recall),
            num(sig.f1),
            misread.join(", ")
        );
    }
    let _ = writeln!(
        s,
        "\nSpearman rank correlation of totals with grades: {} ({} graded answers)",
        num(m.spearman),
        m.graded
    );
    if let Some(w) = &m.highest_grade_one {
        let _ = writeln!(
            s,
            "Highest total of an answer graded 1: {:.1} ({})",
            w.total, w.id
        );
    }
    if let Some(p) = &m.pairs {
        let _ = writeln!(s, "\nPairs where the better answer scores higher:");
        // A share of no pairs is no figure, whatever the metrics hold.
        let share = |n: usize, x: f64| {
            if n == 0 {
                "n/a".to_owned()
            } else {
                format!("{x:.2}")
            }
        };
        let _ = writeln!(
            s,
            "  all pairs            {:>4}   scorer {}   length only {}",
            p.pairs,
            share(p.pairs, p.accuracy),
            share(p.pairs, p.length_only)
        );
        let matched = p.length_matched_pairs;
        let _ = writeln!(
            s,
            "  length-matched       {:>4}   scorer {}   length only {}   (better answer at most 15% longer)",
            matched,
            share(matched, p.length_matched_accuracy),
            share(matched, p.length_matched_length_only)
        );
        if !p.by_contrast.is_empty() {
            let _ = writeln!(s, "\n  per contrast (ties count as lost):");
            for c in &p.by_contrast {
                let tied = if c.tied > 0 {
                    format!("  ({} tied)", c.tied)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    s,
                    "    {:<34} {:>3} of {:<3}{tied}",
                    c.contrast, c.won, c.pairs
                );
            }
        }
        if !p.misranked.is_empty() {
            let _ = writeln!(s, "  misranked: {}", p.misranked.join(", "));
        }
    }
    s
}
