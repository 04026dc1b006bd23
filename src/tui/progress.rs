//! Progress per principle: answers, best, mean, latest score and a
//! sparkline of scores over time, with the weak principles called out.
//! Best and latest are what answering a question again moves. "Weak" is
//! relative to the candidate (below their own median) and absolute (below
//! [`WEAK_BELOW`]): a strong candidate's lowest principle at 82 is not weak,
//! and with every principle at 40 none stands out from the others. The
//! callout says which rule held rather than naming three at random.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::app::App;
use super::pick::principle_rows;
use super::view::clip;
use crate::bank::Principle;
use crate::store::PrincipleStats;

// The rows are the bank's principles, as in the picker: the same keys,
// hints, moves (`App::update_principle_rows`) and window of rows.
pub use super::pick::{HINTS, on_key};

/// The progress screen's state: the highlighted principle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressView {
    pub selected: usize,
}

/// Scores 0–100 as block heights, the last `width` of them.
pub fn sparkline(totals: &[f64], width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let skip = totals.len().saturating_sub(width);
    totals[skip..]
        .iter()
        .map(|t| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let level = ((t.clamp(0.0, 100.0) / 100.0) * 7.0).round() as usize;
            BARS[level]
        })
        .collect()
}

/// A principle's mean must be below this, as well as below the
/// candidate's median, to be called weak.
pub const WEAK_BELOW: f64 = 70.0;

/// The median of the practised principles' means.
pub fn median(stats: &[PrincipleStats]) -> Option<f64> {
    let mut means: Vec<f64> = stats.iter().map(|s| s.mean).collect();
    means.sort_by(f64::total_cmp);
    let n = means.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(means[n / 2]),
        _ => Some(f64::midpoint(means[n / 2 - 1], means[n / 2])),
    }
}

/// The practised principles below both the candidate's median and
/// [`WEAK_BELOW`], weakest first.
pub fn weak(stats: &[PrincipleStats]) -> Vec<&PrincipleStats> {
    let Some(median) = median(stats) else {
        return Vec::new();
    };
    let mut weak: Vec<&PrincipleStats> = stats
        .iter()
        .filter(|s| s.mean < median && s.mean < WEAK_BELOW)
        .collect();
    weak.sort_by(|a, b| a.mean.total_cmp(&b.mean).then(b.count.cmp(&a.count)));
    weak
}

/// The callout, the table's header and its rows, in the screen's `area`.
fn parts(area: Rect) -> [Rect; 3] {
    Block::bordered().inner(area).layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]))
}

/// Where the table's rows are drawn in the screen's `area`.
pub fn list_area(area: Rect) -> Rect {
    parts(area)[2]
}

/// Draws the callout and the table.
pub fn render(app: &App, view: &ProgressView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let stats = &app.stats;
    let plural = if stats.answers == 1 { "" } else { "s" };
    let block = Block::bordered().title(format!(" Progress · {} answer{plural} ", stats.answers));
    let inner = block.inner(area);
    block.render(area, buf);
    let [callout, header, table] = parts(area);

    let weak = weak(&stats.principles);
    let mut lines = Vec::new();
    if stats.principles.is_empty() {
        lines.push(Line::raw(
            "No answers yet: draw a question from home with d.",
        ));
    } else if weak.is_empty() {
        lines.push(Line::raw(format!(
            "No weak spot: no principle is below both your median ({:.0}) and {WEAK_BELOW:.0}.",
            median(&stats.principles).unwrap_or(0.0)
        )));
    } else {
        let names: Vec<String> = weak
            .iter()
            .map(|s| format!("{} ({:.0})", app.principle_name(&s.principle), s.mean))
            .collect();
        lines.push(Line::from(vec![
            Span::styled("Weak (below your median and 70): ", theme.error()),
            Span::raw(names.join(", ")),
        ]));
    }
    let untried = app.untried_principles();
    if untried > 0 {
        lines.push(Line::styled(
            format!("{untried} principles not practised yet: the draw favours them."),
            theme.dim(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(callout, buf);

    // Full names when there is room beside the numbers and a short
    // sparkline; else cut, but never below 28 or a third of the width.
    let longest = app
        .bank
        .principles()
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(0);
    let width = usize::from(inner.width);
    let name_width = longest
        .min(width.saturating_sub(41 + 12))
        .max(28.min(width / 3));
    let spark_width = usize::from(inner.width).saturating_sub(name_width + 41);
    Line::styled(
        format!(
            " {:<name_width$} {:>5} {:>5} {:>5} {:>5} {:>5}  scores over time",
            "principle", "count", "best", "mean", "last", "trend"
        ),
        theme.dim(),
    )
    .render(header, buf);
    let row = |p: &Principle, mark: &str| -> Line<'static> {
        let name = clip(&p.name, name_width);
        let Some(s) = stats.principles.iter().find(|s| s.principle == p.id) else {
            return Line::styled(format!("{mark}{name:<name_width$} {:>5}", 0), theme.dim());
        };
        let is_weak = weak.iter().any(|w| w.principle == s.principle);
        let best = s.totals.iter().copied().fold(s.last, f64::max);
        Line::from(vec![
            Span::raw(format!(
                "{mark}{name:<name_width$} {:>5} {:>5.0} {:>5.0} {:>5.0} ",
                s.count,
                best.round(),
                s.mean,
                s.last
            )),
            // The store's trend: recent answers against the ones before.
            Span::raw(if s.count < 2 {
                format!("{:>5}  ", "")
            } else {
                format!("{:>+5.0}  ", s.trend)
            }),
            Span::styled(sparkline(&s.totals, spark_width), theme.score(s.mean)),
            Span::raw(if is_weak { " ◂ weak" } else { "" }),
        ])
    };
    let rows = principle_rows(app, view.selected, table.height, row);
    Paragraph::new(rows).render(table, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::PrincipleId;

    fn stat(id: &str, mean: f64) -> PrincipleStats {
        PrincipleStats {
            principle: PrincipleId(id.into()),
            count: 1,
            mean,
            last: mean,
            last_at: jiff::Timestamp::UNIX_EPOCH,
            trend: 0.0,
            totals: vec![mean],
        }
    }

    #[test]
    fn sparkline_keeps_the_latest_scores() {
        assert_eq!(sparkline(&[0.0, 50.0, 100.0], 3), "▁▅█");
        assert_eq!(sparkline(&[0.0, 50.0, 100.0], 2), "▅█");
    }

    #[test]
    fn weak_is_below_both_the_median_and_seventy() {
        let stats = [
            stat("a", 90.0),
            stat("b", 20.0),
            stat("c", 75.0),
            stat("d", 65.0),
            stat("e", 80.0),
        ];
        // Median 75: b and d are below it and below 70; c is not below it.
        let ids: Vec<&str> = weak(&stats).iter().map(|s| s.principle.as_str()).collect();
        assert_eq!(ids, ["b", "d"]);
    }

    #[test]
    fn a_strong_candidates_lowest_is_not_weak_nor_is_an_even_record() {
        let strong = [stat("a", 95.0), stat("b", 82.0), stat("c", 90.0)];
        assert!(weak(&strong).is_empty());
        let even = [stat("a", 40.0), stat("b", 40.0)];
        assert!(weak(&even).is_empty());
        assert_eq!(median(&[stat("a", 10.0), stat("b", 30.0)]), Some(20.0));
        assert_eq!(median(&[]), None);
    }
}
