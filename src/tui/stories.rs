//! The Stories screen (`t` from Home): the story bank as a coverage matrix,
//! principles down, stories across, each cell the story's best total for
//! that principle; the gaps called out (principles no story serves,
//! mistake/failure and conflict questions with no story, stories told too
//! often). Its rows are the bank's principles, as in Pick and Progress, so
//! the keys and the Enter that draws a question for the highlighted
//! principle are theirs ([`App::update_principle_rows`]); the cursor starts
//! on the first gap. The numbers come from [`crate::stories::Coverage`].

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::app::App;
use super::pick::principle_rows;
use super::view::clip;
use crate::bank::Principle;
use crate::sanitize::line as printable;
use crate::store::AnswerSummary;
use crate::stories::{Coverage, OVERUSE_LIMIT};

pub use super::pick::on_key;

/// The footer hints.
pub const HINTS: &[(&str, &str)] = &[
    ("↑↓", "move"),
    ("Enter", "draw a question for it"),
    ("Esc", "home"),
    ("?", "help"),
];

/// Each story column's width: a best total and spacing.
const COLUMN: usize = 5;

/// The Stories screen's state: the highlighted principle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoriesView {
    pub selected: usize,
}

impl StoriesView {
    /// Opens on the first principle with no story, or the first of all.
    pub fn new(app: &App) -> StoriesView {
        let first_gap = app.stories.uncovered.first().and_then(|id| {
            app.bank
                .principles()
                .iter()
                .position(|p| p.id.as_str() == id)
        });
        StoriesView {
            selected: first_gap.unwrap_or(0),
        }
    }
}

/// The first existing story name (alphabetically, case ignored) that
/// starts with what was typed, for Tab in a story field; `None` when none
/// does or the name is already complete.
pub fn complete(summaries: &[AnswerSummary], typed: &str) -> Option<String> {
    let typed = typed.trim_start().to_lowercase();
    let mut names: Vec<&str> = summaries
        .iter()
        .map(|s| s.story.as_str())
        .filter(|s| !s.is_empty() && s.to_lowercase().starts_with(&typed))
        .collect();
    names.sort_by_key(|s| s.to_lowercase());
    names
        .into_iter()
        .find(|s| s.to_lowercase() != typed)
        .map(str::to_owned)
}

/// Draws the legend, the matrix and the gaps.
pub fn render(app: &App, view: &StoriesView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let cov = &app.stories;
    let block = Block::bordered().title(format!(" {} ", cov.glance(&app.bank)));
    let inner = block.inner(area);
    block.render(area, buf);
    let gaps = gap_lines(app, cov);
    let gap_height = u16::try_from(gaps.len()).unwrap_or(u16::MAX);
    let name_width = 28.min(usize::from(inner.width) / 3);
    let room = usize::from(inner.width).saturating_sub(name_width + 12) / COLUMN;
    let shown = cov.stories.len().min(room);
    let legend = legend_lines(cov, shown);
    let legend_height = u16::try_from(legend.len()).unwrap_or(u16::MAX);
    let [legend_area, header, table, gap_area] = inner.layout(&Layout::vertical([
        Constraint::Length(legend_height),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(gap_height.saturating_add(1)),
    ]));
    Paragraph::new(legend)
        .wrap(Wrap { trim: true })
        .render(legend_area, buf);
    let numbers = (1..=shown).fold(String::new(), |mut s, n| {
        let _ = write!(s, "{n:>COLUMN$}");
        s
    });
    Line::styled(
        format!(" {:<name_width$}{numbers}", "principle"),
        theme.dim(),
    )
    .render(header, buf);
    let row = |p: &Principle, mark: &str| -> Line<'static> {
        let name = clip(&p.name, name_width);
        let cells: String = cov.stories[..shown]
            .iter()
            .map(|s| match s.principles.get(p.id.as_str()) {
                Some(best) => format!("{best:>COLUMN$.0}"),
                None => format!("{:>COLUMN$}", "·"),
            })
            .collect();
        let gap = cov.uncovered.iter().any(|u| u == p.id.as_str());
        let mut spans = vec![Span::raw(format!("{mark}{name:<name_width$}{cells}"))];
        if gap {
            spans.push(Span::styled("  ◂ no story", theme.error()));
        }
        Line::from(spans)
    };
    Paragraph::new(principle_rows(app, view.selected, table.height, row)).render(table, buf);
    Paragraph::new(gaps)
        .wrap(Wrap { trim: true })
        .render(gap_area, buf);
}

/// "1 Black Friday schedule · 2 Pager rota", or how to name one.
fn legend_lines(cov: &Coverage, shown: usize) -> Vec<Line<'static>> {
    if cov.stories.is_empty() {
        return vec![Line::raw(
            "No stories named yet: fill the Story field when you practise, or press t on an answer in Review.",
        )];
    }
    let mut names: Vec<String> = cov.stories[..shown]
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} {}", i + 1, clip(&printable(&s.name), 30)))
        .collect();
    if shown < cov.stories.len() {
        names.push(format!(
            "(+{} more: widen the terminal, or see `barraiser stories`)",
            cov.stories.len() - shown
        ));
    }
    vec![Line::raw(names.join(" · "))]
}

/// The gaps, one line each: uncovered count, the question kinds a loop
/// always asks, overused stories.
fn gap_lines(app: &App, cov: &Coverage) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut lines = Vec::new();
    if !cov.uncovered.is_empty() {
        let n = cov.uncovered.len();
        lines.push(Line::styled(
            format!(
                "{n} principle{} with no story: Enter on one draws a question for it",
                if n == 1 { "" } else { "s" }
            ),
            theme.error(),
        ));
    }
    for k in cov.kinds.iter().filter(|k| k.with_story == 0) {
        lines.push(Line::styled(
            format!("No {} question answered with a story yet", k.kind),
            theme.warn(),
        ));
    }
    for name in &cov.overused {
        lines.push(Line::styled(
            format!(
                "\"{}\" serves more than {OVERUSE_LIMIT} principles: a loop hears each story once",
                clip(&printable(name), 40)
            ),
            theme.warn(),
        ));
    }
    lines
}
