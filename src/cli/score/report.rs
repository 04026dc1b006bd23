//! The readable score report: total, STAR parts, and every signal with its
//! points, evidence and the next thing to try. Plain text, no colour, so it
//! reads the same in a pipe, a file or a mail to a mentor.

use std::fmt::Write as _;

use crate::score::summary::{Summary, signed_points};
use crate::score::{PartSummary, Report, SignalId, SignalReport};

/// Renders `report`; `kind` names the question kind when known.
pub fn render(report: &Report, kind: Option<&str>) -> String {
    let mut s = String::new();
    let mut head = format!("Score {:.0}/100 for {}", report.total, report.principle);
    if let Some(q) = &report.question_id {
        let _ = write!(head, ", question {q}");
    }
    if let Some(k) = kind {
        let _ = write!(head, " ({k})");
    }
    let _ = writeln!(s, "{head}\n");
    if report.truncated {
        let _ = writeln!(s, "{TRUNCATED_NOTE}\n");
    }
    let star = &report.star;
    let parts = [
        ("situation", star.situation),
        ("task", star.task),
        ("action", star.action),
        ("result", star.result),
    ];
    let words: usize = parts.iter().map(|(_, p)| p.words).sum::<usize>().max(1);
    let _ = writeln!(s, "STAR parts       words  share");
    for (name, p) in parts {
        let _ = writeln!(
            s,
            "  {name:<12} {:>7}  {:>4}%{}",
            p.words,
            share(p, words),
            if p.present { "" } else { "  missing" }
        );
    }
    let summary = Summary::of(report);
    let sum = |l: &[&SignalReport]| l.iter().map(|r| r.points).sum::<f64>();
    let _ = writeln!(
        s,
        "\nEarned {} from {} signals, cost {} from {}, {} red flags avoided",
        signed_points(sum(&summary.earned)),
        summary.earned.len(),
        signed_points(sum(&summary.cost)),
        summary.cost.len(),
        summary.avoided.len()
    );
    // A tip is shown where Summary says there is something to act on.
    let act_on: Vec<SignalId> = summary
        .cost
        .iter()
        .chain(&summary.next)
        .map(|r| r.id)
        .collect();
    let (counted, other): (Vec<&SignalReport>, Vec<&SignalReport>) =
        report.signals.iter().partition(|r| r.applies);
    let _ = writeln!(s, "\nSignals that count for {}", report.principle);
    for r in counted {
        signal_line(&mut s, r, act_on.contains(&r.id));
    }
    let _ = writeln!(s, "\nOther signals (not counted for {})", report.principle);
    for r in other {
        let _ = writeln!(s, "  {:<5} {}", if r.hit { "hit" } else { "miss" }, r.id);
    }
    s
}

/// The interviewer's probe and, when a reply was judged, how it went and
/// where the total moved from `scored` (the scorer's own total).
pub fn render_probe(report: &Report, scored: Option<f64>) -> String {
    let mut s = String::new();
    let Some(probe) = &report.probe else {
        return s;
    };
    let clean = |t: &str| -> String {
        t.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    let _ = write!(s, "\nInterviewer: {}", clean(&probe.text));
    if let Some(id) = probe.signal {
        let _ = write!(s, "  (digs into: {})", id.name());
    }
    s.push('\n');
    if let (Some(r), Some(before)) = (report.probe_result, scored) {
        let verdict = if r.answered {
            "Probe answered"
        } else if r.dodged {
            "Probe dodged"
        } else {
            "Probe not answered"
        };
        let _ = writeln!(s, "{verdict}: total {before:.0} -> {:.0}/100", report.total);
    }
    s
}

/// What a report of a cut answer says, on screen and in warnings.
pub const TRUNCATED_NOTE: &str =
    "only the first 512 KiB of this answer were scored; the rest was not read";

fn share(p: PartSummary, total: usize) -> usize {
    (p.words * 100 + total / 2) / total
}

fn signal_line(s: &mut String, r: &SignalReport, act_on: bool) {
    let _ = writeln!(
        s,
        "  {:<5} {:<26} {:>6}",
        if r.hit { "hit" } else { "miss" },
        r.id.as_str(),
        signed_points(r.points)
    );
    if r.hit {
        for e in &r.evidence {
            let quoted: String = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = writeln!(s, "        \"{quoted}\"  [{}..{}]", e.start, e.end);
        }
    }
    if act_on {
        let _ = writeln!(s, "        next: {}", r.tip);
    }
}
