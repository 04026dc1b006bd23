//! The Markdown export: a review packet a mentor reads top to bottom.
//!
//! For each answer: the question and its principle, the candidate's words
//! (by STAR part when written that way), follow-ups, the heuristic score
//! with the words that earned or cost each point, what to try next, and the
//! reviews so far. Plain `CommonMark`, so it reads well as text too.

use std::fmt::Write;

use crate::answer::AnswerRecord;
use crate::bank::PrincipleId;
use crate::score::SignalReport;
use crate::score::summary::{Summary, signed_points};

use super::Export;

/// How to name things in the packet.
pub struct MarkdownOptions<'a> {
    /// The display name of a principle (`None`: show its id).
    pub principle_name: &'a dyn Fn(&PrincipleId) -> Option<String>,
    /// Said in the heading when the export is filtered.
    pub principle_filter: Option<&'a PrincipleId>,
}

impl Export {
    /// Renders the packet.
    pub fn to_markdown(&self, options: &MarkdownOptions<'_>) -> String {
        let mut out = String::new();
        let name = |p: &PrincipleId| (options.principle_name)(p).unwrap_or_else(|| p.to_string());
        out.push_str("# Interview answers for review\n\n");
        let count = match self.answers.len() {
            1 => "1 answer".to_owned(),
            n => format!("{n} answers"),
        };
        let _ = write!(out, "Exported {} · {count}", when(self.exported_at));
        if let Some(p) = options.principle_filter {
            let _ = write!(out, " · principle: {}", name(p));
        }
        out.push_str(
            "\n\nEach answer shows the question, the candidate's words, the heuristic \
             score with the words that earned or cost each point, what to try next, \
             and the reviews so far.\n",
        );
        if self.answers.is_empty() {
            out.push_str("\nNo saved answers match.\n");
        }
        for (n, record) in self.answers.iter().enumerate() {
            out.push_str("\n---\n\n");
            render_answer(&mut out, n + 1, record, &name(&record.question.principle));
        }
        out
    }
}

fn render_answer(out: &mut String, n: usize, r: &AnswerRecord, principle: &str) {
    let _ = writeln!(out, "## {n}. {}\n", one_line(&r.question.text));
    let _ = writeln!(
        out,
        "- **Principle:** {principle} (`{}`)",
        r.question.principle
    );
    let _ = writeln!(out, "- **Question:** `{}`", r.question.id);
    let _ = write!(out, "- **Answered:** {}", when(r.created));
    if let Some(secs) = r.seconds_taken {
        let _ = write!(out, ", in {}:{:02}", secs / 60, secs % 60);
    }
    if let Some(over) = r.overtime_seconds {
        let _ = write!(out, " ({}:{:02} over the clock)", over / 60, over % 60);
    }
    let _ = writeln!(out, "\n- **Answer id:** `{}`", r.id);
    if let Some(original) = &r.conflict_of {
        let _ = writeln!(
            out,
            "- **Note:** imported beside answer `{original}`, whose words differ; both are kept."
        );
    }
    render_words(out, r);
    render_score(out, r);
    render_reviews(out, r);
}

fn render_words(out: &mut String, r: &AnswerRecord) {
    out.push_str("\n### Answer\n\n");
    if r.star.is_empty() {
        quote(out, &r.text);
    } else {
        for (part, body) in [
            ("Situation", &r.star.situation),
            ("Task", &r.star.task),
            ("Action", &r.star.action),
            ("Result", &r.star.result),
        ] {
            let _ = writeln!(out, "**{part}**\n");
            if body.trim().is_empty() {
                out.push_str("*(not written)*\n\n");
            } else {
                quote(out, body);
            }
        }
    }
    if !r.follow_ups.is_empty() {
        out.push_str("### Follow-ups\n\n");
        for f in &r.follow_ups {
            let _ = writeln!(out, "**{}**\n", one_line(&f.probe));
            quote(out, &f.answer);
        }
    }
}

fn render_score(out: &mut String, r: &AnswerRecord) {
    let report = &r.report;
    let _ = writeln!(
        out,
        "### Score: {} / 100\n\n*Heuristic score (scorer {}): a guide for the reviewer, not a verdict.*\n",
        number(report.total),
        report.scorer_version
    );
    let summary = Summary::of(report);
    let (earned, lost, next) = (summary.earned, summary.cost, summary.next);
    if !earned.is_empty() {
        out.push_str("What earned points:\n\n");
        for s in earned {
            signal_line(out, s, false);
        }
        out.push('\n');
    }
    if !lost.is_empty() {
        out.push_str("What cost points:\n\n");
        for s in lost {
            signal_line(out, s, true);
        }
        out.push('\n');
    }
    if !next.is_empty() {
        out.push_str("What to try next:\n\n");
        for s in next {
            let _ = writeln!(out, "- `{}` — {}", signal_name(s), one_line(&s.tip));
        }
        out.push('\n');
    }
}

fn signal_line(out: &mut String, s: &SignalReport, with_tip: bool) {
    let _ = write!(out, "- `{}` ({})", signal_name(s), signed_points(s.points));
    let quotes: Vec<String> = s
        .evidence
        .iter()
        .map(|e| format!("“{}”", one_line(&e.text)))
        .collect();
    if !quotes.is_empty() {
        let _ = write!(out, ": {}", quotes.join(" · "));
    }
    if with_tip && !s.tip.trim().is_empty() {
        let _ = write!(out, " — try: {}", one_line(&s.tip));
    }
    out.push('\n');
}

fn render_reviews(out: &mut String, r: &AnswerRecord) {
    out.push_str("### Reviews\n\n");
    if r.reviews.is_empty() {
        out.push_str("*(none yet)*\n");
        return;
    }
    for review in &r.reviews {
        let grade = review
            .grade
            .map(|g| format!(" — grade {g}/5"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- **{}**, {}{grade}",
            one_line(&review.reviewer),
            when(review.at)
        );
        if !review.comment.trim().is_empty() {
            out.push('\n');
            for line in review.comment.trim().lines() {
                let _ = writeln!(out, "  > {line}");
            }
        }
        out.push('\n');
    }
}

/// The candidate's words as a block quote, blank lines kept.
fn quote(out: &mut String, text: &str) {
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
}

fn signal_name(s: &SignalReport) -> String {
    serde_json::to_value(s.id)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{:?}", s.id))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn when(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}
