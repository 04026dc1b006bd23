//! The answer text with its evidence marked, each mark tied to the signal
//! it earned or cost points for.
//!
//! The signals that moved the score are numbered in the order the report
//! lists them ([`legend`]: earned, most first, then costs); each stretch of
//! evidence ends with its signal's number, `[2]`, so a reader sees which
//! words earned which points. With colour the stretch is green and
//! underlined (earned) or red, bold and underlined (cost); under
//! `NO_COLOR` it is also wrapped `{+ … +}` / `{- … -}`, so nothing depends
//! on colour alone.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::score::summary::Summary;
use crate::score::{Report, SignalReport};
use crate::tui::theme::Theme;

/// The signals that earned or cost points, in the report's order; a
/// signal's legend number is its place here plus one.
pub fn legend(report: &Report) -> Vec<&SignalReport> {
    let summary = Summary::of(report);
    summary.earned.into_iter().chain(summary.cost).collect()
}

/// `[n]`, the legend number of `signal`, when it has one.
pub fn number(legend: &[&SignalReport], signal: &SignalReport) -> Option<usize> {
    legend
        .iter()
        .position(|s| std::ptr::eq(*s, signal))
        .map(|i| i + 1)
}

/// The explanation above the marked answer.
pub fn key_line(theme: Theme) -> Line<'static> {
    let text = if theme.color {
        "Your answer   earned points   cost points   [n] the signal"
    } else {
        "Your answer   {+ earned points +}   {- cost points -}   [n] the signal"
    };
    if !theme.color {
        return Line::styled(text, theme.title());
    }
    Line::from(vec![
        Span::styled("Your answer   ", theme.title()),
        Span::styled("earned points", theme.gain()),
        Span::raw("   "),
        Span::styled("cost points", theme.cost()),
        Span::styled("   [n] the signal", theme.dim()),
    ])
}

/// The answer text as lines, the evidence of each legend signal styled and
/// followed by its number. Where a gain and a cost overlap, the cost shows.
pub fn highlight(text: &str, legend: &[&SignalReport], theme: Theme) -> Vec<Line<'static>> {
    // Per byte: the legend number marking it, 0 for none.
    let mut marks = vec![0usize; text.len()];
    for (n, s) in legend.iter().enumerate() {
        for e in &s.evidence {
            let end = e.end.min(text.len());
            for m in marks.iter_mut().take(end).skip(e.start) {
                let taken_by_cost = *m != 0 && legend[*m - 1].points < 0.0;
                if *m == 0 || (s.points < 0.0 && !taken_by_cost) {
                    *m = n + 1;
                }
            }
        }
    }
    let mut out = Marked {
        theme,
        lines: Vec::new(),
        spans: Vec::new(),
    };
    let mut run_start = 0;
    let mut run_mark = marks.first().copied().unwrap_or(0);
    for (i, _) in text.char_indices() {
        if marks[i] != run_mark {
            out.run(&text[run_start..i], run_mark, legend);
            run_start = i;
            run_mark = marks[i];
        }
    }
    out.run(&text[run_start..], run_mark, legend);
    out.lines.push(Line::from(out.spans));
    out.lines
}

/// Lines being built from marked runs.
struct Marked {
    theme: Theme,
    lines: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
}

impl Marked {
    /// Adds one run of text marked by legend number `mark` (0: unmarked),
    /// breaking lines at `\n`.
    fn run(&mut self, run: &str, mark: usize, legend: &[&SignalReport]) {
        let theme = self.theme;
        let gain = mark > 0 && legend[mark - 1].points > 0.0;
        let (open, close, style) = match mark {
            0 => ("", "", Style::new()),
            _ if gain => ("{+", "+}", theme.gain()),
            _ => ("{-", "-}", theme.cost()),
        };
        if !theme.color && !open.is_empty() {
            self.spans.push(Span::styled(open, theme.dim()));
        }
        for (n, piece) in run.split('\n').enumerate() {
            if n > 0 {
                self.lines.push(Line::from(std::mem::take(&mut self.spans)));
            }
            if !piece.is_empty() {
                self.spans.push(Span::styled(piece.to_owned(), style));
            }
        }
        if !theme.color && !close.is_empty() {
            self.spans.push(Span::styled(close, theme.dim()));
        }
        if mark > 0 {
            self.spans
                .push(Span::styled(format!("[{mark}]"), theme.dim()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Evidence, SignalId};

    fn signal(id: SignalId, points: f64, start: usize, end: usize, text: &str) -> SignalReport {
        SignalReport {
            id,
            hit: true,
            applies: true,
            points,
            evidence: vec![Evidence {
                start,
                end,
                text: text[start..end].to_owned(),
            }],
            tip: "".into(),
        }
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    const PLAIN: Theme = Theme { color: false };
    const COLOUR: Theme = Theme { color: true };

    #[test]
    fn without_colour_evidence_is_wrapped_in_markers_and_numbered() {
        let text = "I broke it. Ops blamed me.\nThen I fixed it.";
        let owns = signal(SignalId::OwnsFaultFirst, 10.0, 0, 10, text);
        let blames = signal(SignalId::BlamesOthers, -5.0, 12, 25, text);
        let lines = highlight(text, &[&owns, &blames], PLAIN);
        assert_eq!(
            plain(&lines),
            [
                "{+I broke it+}[1]. {-Ops blamed me-}[2].",
                "Then I fixed it."
            ]
        );
    }

    #[test]
    fn with_colour_only_the_numbers_are_added() {
        let text = "I broke it. Then I fixed it.";
        let owns = signal(SignalId::OwnsFaultFirst, 10.0, 0, 10, text);
        let fixed = signal(SignalId::RootCause, 4.0, 19, 27, text);
        let lines = highlight(text, &[&owns, &fixed], COLOUR);
        assert_eq!(plain(&lines), ["I broke it[1]. Then I fixed it[2]."]);
        let styled = &lines[0].spans[0];
        assert_eq!(styled.content, "I broke it");
        assert_eq!(styled.style, COLOUR.gain());
    }

    #[test]
    fn a_cost_overlapping_a_gain_shows_as_the_cost() {
        let text = "We all blamed ops";
        let gain = signal(SignalId::OwnsFaultFirst, 3.0, 0, 17, text);
        let cost = signal(SignalId::BlamesOthers, -5.0, 7, 17, text);
        let lines = highlight(text, &[&gain, &cost], PLAIN);
        assert_eq!(plain(&lines), ["{+We all +}[1]{-blamed ops-}[2]"]);
    }

    #[test]
    fn spans_across_lines_and_out_of_range_are_safe() {
        let text = "ab\ncd";
        let s = signal(SignalId::RootCause, 1.0, 1, 4, text);
        assert_eq!(plain(&highlight(text, &[&s], PLAIN)), ["a{+b", "c+}[1]d"]);
        let mut wild = signal(SignalId::RootCause, 1.0, 0, 1, text);
        wild.evidence[0].end = 99;
        assert_eq!(plain(&highlight(text, &[&wild], PLAIN)).len(), 2);
    }
}
