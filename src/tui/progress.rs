//! Progress per principle: answers, best, mean, latest score and a
//! sparkline of scores over time, with the three weakest principles called
//! out. Best and latest are what answering a question again moves.

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

/// The (up to) three practised principles with the lowest mean.
pub fn weakest(stats: &[PrincipleStats]) -> Vec<&PrincipleStats> {
    let mut sorted: Vec<&PrincipleStats> = stats.iter().collect();
    sorted.sort_by(|a, b| a.mean.total_cmp(&b.mean).then(b.count.cmp(&a.count)));
    sorted.truncate(3);
    sorted
}

/// Draws the callout and the table.
pub fn render(app: &App, view: &ProgressView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let stats = &app.stats;
    let plural = if stats.answers == 1 { "" } else { "s" };
    let block = Block::bordered().title(format!(" Progress · {} answer{plural} ", stats.answers));
    let inner = block.inner(area);
    block.render(area, buf);
    let [callout, header, table] = inner.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));

    let weak = weakest(&stats.principles);
    let mut lines = Vec::new();
    if weak.is_empty() {
        lines.push(Line::raw(
            "No answers yet: draw a question from home with d.",
        ));
    } else {
        let names: Vec<String> = weak
            .iter()
            .map(|s| format!("{} ({:.0})", app.principle_name(&s.principle), s.mean))
            .collect();
        lines.push(Line::from(vec![
            Span::styled("Weakest: ", theme.error()),
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

    let name_width = 28.min(usize::from(inner.width) / 3);
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
    fn weakest_are_the_three_lowest_means() {
        let stats = [
            stat("a", 70.0),
            stat("b", 20.0),
            stat("c", 50.0),
            stat("d", 30.0),
        ];
        let ids: Vec<&str> = weakest(&stats)
            .iter()
            .map(|s| s.principle.as_str())
            .collect();
        assert_eq!(ids, ["b", "d", "c"]);
    }
}
