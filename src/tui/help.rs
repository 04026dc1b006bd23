//! The `?` (or F1) help overlay: every key of every screen in one place.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::app::App;

type Section = (&'static str, &'static [(&'static str, &'static str)]);

const SECTIONS: &[Section] = &[
    (
        "Home",
        &[
            ("d", "draw (due first)"),
            ("p", "pick a principle"),
            ("/", "search questions"),
            ("r", "review saved answers"),
            ("s", "progress"),
            ("t", "stories and gaps"),
            ("i", "questions (interviewers)"),
            ("↑↓ Enter", "carry on a draft"),
            ("q", "quit"),
        ],
    ),
    (
        "Drawn question",
        &[
            ("Enter", "answer (or just type)"),
            ("Ctrl-N", "another question"),
        ],
    ),
    (
        "Practice",
        &[
            ("Tab/S-Tab", "next field (Story last)"),
            ("Ctrl-S", "submit: score, save"),
            ("Ctrl-E", "field in $EDITOR"),
            ("Esc", "leave, keep a draft"),
        ],
    ),
    (
        "Questions",
        &[("o", "sort order"), ("Enter", "its answers")],
    ),
    (
        "Report",
        &[
            ("type", "answer the probe"),
            ("Ctrl-S", "save the follow-up"),
            ("PgUp/PgDn", "scroll (Ctrl-Home/End)"),
            ("Ctrl-T", "answer it again"),
            ("Esc", "save it, go home"),
        ],
    ),
    (
        "Review",
        &[
            ("/", "search"),
            ("p", "pick a principle"),
            ("o", "sort: date / score"),
            ("Enter", "open one (Home/End: ends)"),
            ("g", "grade 1–5 (+ comment)"),
            ("c", "comment only"),
            ("t", "name its story"),
            ("a", "answer it again"),
        ],
    ),
    (
        "Anywhere",
        &[
            ("? or F1", "this help"),
            ("Esc", "back"),
            ("Ctrl-C", "save draft, quit"),
            ("g/G", "first / last in a list"),
            ("Home/End", "the same, where g types"),
            ("wheel", "scroll; click selects"),
            ("Ctrl-U/W", "clear line / word"),
        ],
    ),
];

/// Draws the overlay over `area`: two columns when there is room.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let section = |range: &'static [Section]| {
        let mut lines = Vec::new();
        for (screen, keys) in range {
            lines.push(Line::styled(*screen, theme.title()));
            for (key, what) in *keys {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {key:<10}"), theme.key()),
                    Span::raw(*what),
                ]));
            }
        }
        lines
    };
    let (left, right) = SECTIONS.split_at(4);
    let (left, right) = (section(left), section(right));
    let two = area.width >= 76;
    let rows = if two {
        left.len().max(right.len())
    } else {
        left.len() + right.len()
    };
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    let popup = area.centered(
        Constraint::Max(if two { 76 } else { 40 }),
        Constraint::Max(height),
    );
    Clear.render(popup, buf);
    let block = Block::bordered().title(" Help · any key closes ");
    let inner = block.inner(popup);
    block.render(popup, buf);
    if two {
        let [l, r] = inner.layout(&Layout::horizontal([Constraint::Fill(1); 2]));
        Paragraph::new(left).render(l, buf);
        Paragraph::new(right).render(r, buf);
    } else {
        let mut all = left;
        all.extend(right);
        Paragraph::new(all).render(inner, buf);
    }
}
