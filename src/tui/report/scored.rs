//! A scored answer drawn for reading: the `NN/100` gauge, a bar per STAR
//! part, the signals with points and tips, and the answer text with its
//! evidence marked and numbered by signal ([`super::evidence`]).
//! Shared by the Report screen and the read-only view in Review.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::answer::AnswerRecord;
use crate::score::summary::{Summary, signed_points};
use crate::score::{PartSummary, Report, SignalReport};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::view::{bar, clip, visible_part, visible_text, wrapped_height};

use super::evidence::{highlight, key_line, legend, number};

/// A saved answer's report: score gauge, STAR bars, then a scrolling
/// document of signals, the marked answer and `extra` lines.
pub fn render_record(
    app: &App,
    record: &AnswerRecord,
    extra: Vec<Line<'static>>,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let report = &record.report;
    let title = format!(
        "Report · {} · {}",
        app.principle_name(&record.question.principle),
        record.question.id
    );
    let title = clip(&title, usize::from(area.width).saturating_sub(4));
    let block = Block::bordered().title(Line::styled(format!(" {title} "), theme.title()));
    block.render(area, buf);
    let [score, star, _] = record_parts(area);
    let total = report.total.clamp(0.0, 100.0);
    let [number, gauge] = score.layout(&Layout::horizontal([
        Constraint::Length(8),
        Constraint::Fill(1),
    ]));
    // Round half away from zero, as `score --json` readers would, not
    // half to even as `{:.0}` does.
    Span::styled(format!("{:>3.0}/100", total.round()), theme.score(total)).render(number, buf);
    Span::styled(
        bar(total / 100.0, usize::from(gauge.width)),
        theme.score(total),
    )
    .render(gauge, buf);
    star_line(
        report.star.situation,
        report.star.task,
        report.star.action,
        report.star.result,
    )
    .render(star, buf);

    for (lines, column) in record_columns(app, record, extra, scroll, area) {
        render_scrolled(lines, scroll, column, buf);
    }
}

/// The gauge's row, the STAR bars' row and the scrolling document of a
/// report drawn in `area` (inside its border).
fn record_parts(area: Rect) -> [Rect; 3] {
    Block::bordered().inner(area).layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]))
}

/// How far the report in `area` scrolls at most: the scroll that shows
/// its last screenful (End), laid out exactly as [`render_record`] draws.
pub fn record_bottom(
    app: &App,
    record: &AnswerRecord,
    extra: Vec<Line<'static>>,
    area: Rect,
) -> u16 {
    bottom(&record_columns(app, record, extra, MAX_ROWS, area))
}

/// The scroll that shows the last screenful of the longest column.
pub(crate) fn bottom(columns: &[(Vec<Line<'static>>, Rect)]) -> u16 {
    columns
        .iter()
        .map(|(lines, column)| {
            let rows = scrolled_rows(lines, column.width);
            u16::try_from(rows.saturating_sub(usize::from(column.height))).unwrap_or(u16::MAX)
        })
        .max()
        .unwrap_or(0)
}

/// The report's scrolling columns in `area`, each with where it goes:
/// the signals beside the answer when wide, one under the other when not.
fn record_columns(
    app: &App,
    record: &AnswerRecord,
    extra: Vec<Line<'static>>,
    scroll: u16,
    area: Rect,
) -> Vec<(Vec<Line<'static>>, Rect)> {
    let theme = app.theme();
    let report = &record.report;
    let [_, _, doc] = record_parts(area);
    let reach = reach(doc, scroll);
    let mut signals = question_head(record, reach);
    if let Some(over) = record.overtime_seconds {
        // Interviews keep time: a story that runs long is a finding too.
        signals.push(Line::styled(
            format!(
                "⏱ Over time by {}:{:02}: the interviewer would have cut in",
                over / 60,
                over % 60
            ),
            theme.warn(),
        ));
        signals.push(Line::raw(""));
    }
    signals.extend(signal_lines(report, theme));
    let mut answer = vec![key_line(theme)];
    let (shown, cut) = visible_part(&record.text, reach.width, usize::from(reach.height));
    answer.extend(highlight(shown, &legend(report), theme));
    answer.extend(answer_tail(record, cut, reach, theme));
    if let Some(outcome) = super::probe_outcome(report) {
        answer.push(Line::styled(outcome, theme.dim()));
    }
    answer.extend(extra);
    if doc.width >= WIDE {
        // Wide enough for the signals beside the answer they came from.
        let [left, _, right] = doc.layout(&Layout::horizontal([
            Constraint::Percentage(42),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        vec![(signals, left), (answer, right)]
    } else {
        signals.push(Line::raw(""));
        signals.extend(answer);
        vec![(signals, doc)]
    }
}

/// The most rows of an answer laid out for reading on screen; past them
/// a note points to `barraiser export`.
pub(crate) const MAX_ROWS: u16 = 1000;

/// The part of `doc` worth laying out when scrolled by `scroll`: however
/// long the answer (a 50 MB paste, an imported file), only what the
/// scrolled view can reach (`scroll` rows above the area and the area
/// itself), and never more than [`MAX_ROWS`] rows' worth.
pub(crate) fn reach(doc: Rect, scroll: u16) -> Rect {
    Rect {
        height: doc
            .height
            .saturating_add(scroll)
            .saturating_add(1)
            .min(MAX_ROWS),
        ..doc
    }
}

/// The question a record answered, as the first lines of its view.
pub(crate) fn question_head(record: &AnswerRecord, reach: Rect) -> Vec<Line<'static>> {
    vec![
        Line::raw(format!("Q: {}", visible_text(&record.question.text, reach))),
        Line::raw(""),
    ]
}

/// What follows an answer's words, scored or blind: a note when only the
/// part the scroll can reach was laid out (`cut`), then each follow-up.
pub(crate) fn answer_tail(
    record: &AnswerRecord,
    cut: bool,
    reach: Rect,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if cut {
        lines.push(Line::styled(
            format!(
                "… the answer goes on ({} KB in all); scroll on, or read it whole with `barraiser export`",
                record.text.len().div_ceil(1024)
            ),
            theme.dim(),
        ));
    }
    for f in &record.follow_ups {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("Follow-up: {}", visible_text(&f.probe, reach)),
            theme.key(),
        ));
        let said = visible_text(&f.answer, reach);
        lines.extend(said.lines().map(|l| Line::raw(l.to_owned())));
    }
    lines
}

/// Terminals at least this wide show signals and answer side by side.
const WIDE: u16 = 110;

/// Word-wrapped lines scrolled by `scroll` rows, but no further than the
/// last screenful.
pub(crate) fn render_scrolled(
    lines: Vec<Line<'static>>,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let rows = scrolled_rows(&lines, area.width);
    let max = u16::try_from(rows.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(max), 0))
        .render(area, buf);
}

/// The rows `lines` take word-wrapped to `width`: what the scroll of
/// [`render_scrolled`] and [`bottom`] count.
pub(crate) fn scrolled_rows(lines: &[Line<'static>], width: u16) -> usize {
    lines
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            usize::from(wrapped_height(&text, width))
        })
        .sum()
}

/// `S ███░░░ 41w  T …` for the four parts.
/// Bars are scaled to the longest part, so the balance shows at a glance.
fn star_line(s: PartSummary, t: PartSummary, a: PartSummary, r: PartSummary) -> Line<'static> {
    let parts = [("S", s), ("T", t), ("A", a), ("R", r)];
    let longest = parts.iter().map(|(_, p)| p.words).max().unwrap_or(0);
    let mut spans = Vec::new();
    for (letter, part) in parts {
        #[allow(clippy::cast_precision_loss)]
        let share = if longest == 0 {
            0.0
        } else {
            part.words as f64 / longest as f64
        };
        let text = if part.present {
            format!("{letter} {} {:>3}w  ", bar(share, 6), part.words)
        } else {
            format!("{letter} ------ none  ")
        };
        spans.push(Span::raw(text));
    }
    Line::from(spans)
}

/// The signals that count for this principle, as [`Summary`] sorts them:
/// what earned points on one wrapped line (✓), then each cost (✗) and each
/// miss (·) with its tip, the part to act on; red flags avoided and other
/// signals seen are summed up at the end.
pub fn signal_lines(report: &Report, theme: Theme) -> Vec<Line<'static>> {
    let summary = Summary::of(report);
    let legend = legend(report);
    // `[n] ` before a signal that earned or cost points: its evidence in
    // the answer ends with the same number.
    let tag = |s: &SignalReport| number(&legend, s).map_or_else(String::new, |n| format!("[{n}] "));
    let mut lines = vec![Line::styled("Signals", theme.title())];
    if report.signals.is_empty() {
        lines.push(Line::styled(
            "(the scorer reported no signals)",
            theme.dim(),
        ));
    }
    if !summary.earned.is_empty() {
        let mut spans = vec![Span::styled("✓ earned ", theme.gain())];
        for (n, s) in summary.earned.iter().enumerate() {
            let sep = if n + 1 < summary.earned.len() {
                ", "
            } else {
                ""
            };
            spans.push(Span::styled(
                format!(
                    "{}{} {}",
                    tag(s),
                    signal_name(s.id),
                    signed_points(s.points)
                ),
                theme.gain(),
            ));
            spans.push(Span::raw(sep));
        }
        lines.push(Line::from(spans));
    }
    let costs = summary.cost.iter().map(|s| (s, true));
    let misses = summary.next.iter().map(|s| (s, false));
    for (s, cost) in costs.chain(misses) {
        let (mark, style) = if cost {
            ("✗", theme.cost())
        } else {
            ("·", theme.dim())
        };
        let mut spans = vec![
            Span::styled(
                format!("{mark} {}{} ", tag(s), signed_points(s.points)),
                style,
            ),
            Span::styled(signal_name(s.id), style),
        ];
        if !s.tip.is_empty() {
            spans.push(Span::raw(format!(" — {}", s.tip)));
        }
        lines.push(Line::from(spans));
    }
    lines.extend(summed_up("Red flags avoided", &summary.avoided, theme));
    lines.extend(summed_up(
        "Also seen, not counted here",
        &summary.seen,
        theme,
    ));
    lines
}

/// A dim `label: name, name` line naming `signals`; nothing when there are
/// none.
fn summed_up(label: &str, signals: &[&SignalReport], theme: Theme) -> Option<Line<'static>> {
    let names: Vec<String> = signals.iter().map(|s| signal_name(s.id)).collect();
    (!names.is_empty()).then(|| Line::styled(format!("{label}: {}", names.join(", ")), theme.dim()))
}

pub use crate::score::summary::signal_name;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::SignalId;

    #[test]
    fn signal_names_read_as_words() {
        assert_eq!(signal_name(SignalId::OwnsFaultFirst), "owns fault first");
    }
}
