//! The readable score report: total, STAR parts, and every signal with its
//! points, evidence and the next thing to try. Plain text, no colour, so it
//! reads the same in a pipe, a file or a mail to a mentor.

use std::fmt::Write as _;

use crate::score::{PartSummary, Report, SignalReport};

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
    let (counted, other): (Vec<&SignalReport>, Vec<&SignalReport>) =
        report.signals.iter().partition(|r| r.applies);
    let _ = writeln!(s, "\nSignals that count for {}", report.principle);
    for r in counted {
        signal_line(&mut s, r);
    }
    let _ = writeln!(s, "\nOther signals (not counted for {})", report.principle);
    for r in other {
        let _ = writeln!(s, "  {:<5} {}", if r.hit { "hit" } else { "miss" }, r.id);
    }
    s
}

/// What a report of a cut answer says, on screen and in warnings.
pub const TRUNCATED_NOTE: &str =
    "only the first 512 KiB of this answer were scored; the rest was not read";

fn share(p: PartSummary, total: usize) -> usize {
    (p.words * 100 + total / 2) / total
}

fn signal_line(s: &mut String, r: &SignalReport) {
    let points = if r.points == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{:+.1}", r.points)
    };
    let _ = writeln!(
        s,
        "  {:<5} {:<26} {points:>6}",
        if r.hit { "hit" } else { "miss" },
        r.id.as_str()
    );
    let flag = r.points < 0.0;
    if r.hit {
        for e in &r.evidence {
            let quoted: String = e.text.split_whitespace().collect::<Vec<_>>().join(" ");
            let _ = writeln!(s, "        \"{quoted}\"  [{}..{}]", e.start, e.end);
        }
    }
    if (!r.hit && !r.id.is_red_flag()) || (r.hit && flag) {
        let _ = writeln!(s, "        next: {}", r.tip);
    }
}
