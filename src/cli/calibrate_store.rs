//! `barraiser calibrate --store [--reviewer NAME] [--json]`: how the
//! reviewers' saved grades agree with each other and with the scorer, and
//! which answers the panel should talk through (figures in
//! [`crate::store::Calibration`]).

use std::fmt::Write as _;
use std::io::Write;

use super::{CliError, Context};
use crate::sanitize::line;
use crate::store::Calibration;

pub fn run(ctx: &Context, json: bool) -> Result<(), CliError> {
    let store = super::answer::open_existing_store(ctx)?;
    let calibration = Calibration::compute(store.answers(), ctx.reviewer_given.as_deref());
    for warning in store.late_warnings() {
        super::warn(warning);
    }
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &calibration).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        out.write_all(render(&calibration, &store.root().display().to_string()).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

fn num(x: Option<f64>, signed: bool) -> String {
    match x {
        Some(v) if signed => format!("{v:+.2}"),
        Some(v) => format!("{v:.2}"),
        None => "n/a".to_owned(),
    }
}

/// The readable report.
pub fn render(c: &Calibration, root: &str) -> String {
    let mut s = String::new();
    if c.answers_graded == 0 {
        let _ = writeln!(
            s,
            "No graded answers in {}. Grade answers in the Review screen (g), or import graders' exports with `barraiser import`.",
            line(root)
        );
        return s;
    }
    let plural = if c.answers_graded == 1 { "" } else { "s" };
    let _ = writeln!(
        s,
        "{} graded answer{plural} in {}\n",
        c.answers_graded,
        line(root)
    );
    let width = c
        .reviewers
        .iter()
        .map(|r| line(&r.name).chars().count())
        .chain([8])
        .max()
        .unwrap_or(8);
    let _ = writeln!(
        s,
        "{:<width$} {:>6} {:>5} {:>9} {:>17}",
        "REVIEWER", "GRADED", "MEAN", "LENIENCY", "SPEARMAN VS SCORE"
    );
    for r in &c.reviewers {
        let _ = writeln!(
            s,
            "{:<width$} {:>6} {:>5} {:>9} {:>17}",
            line(&r.name),
            r.graded,
            num(r.mean_grade, false),
            num(r.leniency, true),
            num(r.spearman_vs_score, false),
        );
    }
    for r in c.reviewers.iter().filter(|r| r.note.is_some()) {
        let note = r.note.as_deref().unwrap_or_default();
        let _ = writeln!(s, "  {}: {}", line(&r.name), line(note));
    }
    let a = &c.agreement;
    let _ = writeln!(
        s,
        "\nAgreement (Krippendorff's alpha, ordinal): {} over {} answers graded by two or more of {} graders",
        num(a.krippendorff_alpha, false),
        a.answers,
        a.graders
    );
    if let Some(note) = &a.note {
        let _ = writeln!(s, "  {note}");
    }
    let _ = writeln!(
        s,
        "  for scale: two separate interviewers agree about .44, a trained panel about .74"
    );
    if c.disagreements.is_empty() {
        let _ = writeln!(s, "\nNo answer with grades that differ.");
        return s;
    }
    let _ = writeln!(s, "\nAnswers to discuss, widest spread of grades first:");
    for d in &c.disagreements {
        let grades: Vec<String> = d
            .grades
            .iter()
            .map(|(name, g)| format!("{} {g}", line(name)))
            .collect();
        let _ = writeln!(
            s,
            "  {}  score {:.0}  {}\n    {} {}",
            d.id,
            d.total,
            grades.join(", "),
            line(d.question_id.as_str()),
            line(&d.question)
        );
    }
    s
}
