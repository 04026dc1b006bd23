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

use std::collections::BTreeMap;

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

/// The answer text as lines: evidence styled as a gain or a cost, each
/// stretch followed by its signal's legend number (`[2]`, or `[2,6]` where
/// two end together). Where a gain and a cost overlap, the cost shows.
/// Numbers go where evidence ends, not where styles change, so a sentence
/// that is one signal's evidence and holds another's words reads as one.
pub fn highlight(text: &str, legend: &[&SignalReport], theme: Theme) -> Vec<Line<'static>> {
    // Per byte: 1 earned, -1 cost, 0 neither.
    let mut marks = vec![0i8; text.len()];
    // Where each piece of evidence ends, and whose it is.
    let mut tags: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (n, s) in legend.iter().enumerate() {
        let mark = if s.points < 0.0 { -1 } else { 1 };
        for e in &s.evidence {
            let end = e.end.min(text.len());
            if e.start >= end {
                continue;
            }
            for m in &mut marks[e.start..end] {
                if *m != -1 {
                    *m = mark;
                }
            }
            let numbers = tags.entry(end).or_default();
            if !numbers.contains(&(n + 1)) {
                numbers.push(n + 1);
            }
        }
    }
    let mut out = Marked {
        theme,
        lines: Vec::new(),
        spans: Vec::new(),
        open: 0,
    };
    let mut run_start = 0;
    let mut run_mark = marks.first().copied().unwrap_or(0);
    for (i, _) in text.char_indices().skip(1) {
        let tagged = tags.get(&i);
        if marks[i] != run_mark || tagged.is_some() {
            out.run(&text[run_start..i], run_mark, tagged);
            run_start = i;
            run_mark = marks[i];
        }
    }
    out.run(&text[run_start..], run_mark, tags.get(&text.len()));
    out.marker(0);
    out.lines.push(Line::from(out.spans));
    out.lines
}

/// Lines being built from marked runs.
struct Marked {
    theme: Theme,
    lines: Vec<Line<'static>>,
    spans: Vec<Span<'static>>,
    /// The marker left open without colour: 1 `{+`, -1 `{-`, 0 none.
    open: i8,
}

impl Marked {
    /// Adds one run of text marked `mark` (1 earned, -1 cost, 0 neither),
    /// breaking lines at `\n`, then the legend numbers of the evidence
    /// that ends with it.
    fn run(&mut self, run: &str, mark: i8, tags: Option<&Vec<usize>>) {
        let theme = self.theme;
        let style = match mark {
            1 => theme.gain(),
            -1 => theme.cost(),
            _ => Style::new(),
        };
        self.marker(mark);
        for (n, piece) in run.split('\n').enumerate() {
            if n > 0 {
                self.lines.push(Line::from(std::mem::take(&mut self.spans)));
            }
            if !piece.is_empty() {
                self.spans.push(Span::styled(piece.to_owned(), style));
            }
        }
        if let Some(numbers) = tags {
            let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
            self.spans.push(Span::styled(
                format!("[{}]", numbers.join(",")),
                theme.dim(),
            ));
        }
    }

    /// Without colour: closes the open marker and opens `mark`'s when the
    /// kind of evidence changes, so a stretch of one kind is marked once
    /// however many numbers it holds.
    fn marker(&mut self, mark: i8) {
        if self.theme.color || mark == self.open {
            return;
        }
        let dim = self.theme.dim();
        match self.open {
            1 => self.spans.push(Span::styled("+}", dim)),
            -1 => self.spans.push(Span::styled("-}", dim)),
            _ => {}
        }
        match mark {
            1 => self.spans.push(Span::styled("{+", dim)),
            -1 => self.spans.push(Span::styled("{-", dim)),
            _ => {}
        }
        self.open = mark;
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
                "{+I broke it[1]+}. {-Ops blamed me[2]-}.",
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
        assert_eq!(plain(&lines), ["{+We all +}{-blamed ops[1,2]-}"]);
    }

    #[test]
    fn a_number_follows_where_its_evidence_ends_not_each_change_of_style() {
        let text = "On Black Friday checkout failed.";
        let situation = signal(SignalId::StarSituation, 7.0, 0, 32, text);
        let specific = signal(SignalId::Specificity, 11.0, 3, 15, text);
        let lines = highlight(text, &[&specific, &situation], PLAIN);
        assert_eq!(
            plain(&lines),
            ["{+On Black Friday[1] checkout failed.[2]+}"]
        );
        let lines = highlight(text, &[&specific, &situation], COLOUR);
        assert_eq!(plain(&lines), ["On Black Friday[1] checkout failed.[2]"]);
    }

    #[test]
    fn spans_across_lines_and_out_of_range_are_safe() {
        let text = "ab\ncd";
        let s = signal(SignalId::RootCause, 1.0, 1, 4, text);
        assert_eq!(plain(&highlight(text, &[&s], PLAIN)), ["a{+b", "c[1]+}d"]);
        let mut wild = signal(SignalId::RootCause, 1.0, 0, 1, text);
        wild.evidence[0].end = 99;
        assert_eq!(plain(&highlight(text, &[&wild], PLAIN)).len(), 2);
    }
}
