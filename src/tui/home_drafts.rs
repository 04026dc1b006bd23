//! Home's drafts kept: copied from the store when Home opens, chosen with
//! ↑↓ or a click, carried on with Enter. Where they are drawn moves with
//! the intro and menu above them as those wrap, so [`drafts_area`] says
//! where, for the drawing and the mouse alike.

use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Block;

use super::app::{App, Message, Screen};
use super::home::{is_narrow, question_text, top_lines, wide_parts};
use super::practice::{Practice, count_words};
use super::view::{clip, wrapped_height};
use crate::store::Draft;

/// Home's own state: the drafts kept, as they were when Home opened, and
/// the one highlighted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeView {
    pub drafts: Vec<Draft>,
    pub selected: usize,
}

impl App {
    /// Copies what Home lists from the store; called whenever Home opens.
    pub(super) fn open_home(&mut self) {
        let drafts = self.store.drafts();
        let selected = self.home.selected.min(drafts.len().saturating_sub(1));
        self.home = HomeView { drafts, selected };
    }

    /// Home's moves among the drafts, and Enter to carry one on.
    pub(super) fn update_home_drafts(&mut self, msg: &Message) {
        let last = self.home.drafts.len().saturating_sub(1);
        match msg {
            Message::Up => self.home.selected = self.home.selected.saturating_sub(1),
            Message::Down => self.home.selected = (self.home.selected + 1).min(last),
            Message::Select => self.open_draft(),
            _ => super::view::jump(&mut self.home.selected, last, msg),
        }
    }

    /// Opens the highlighted draft in Practice, its clock carried on.
    fn open_draft(&mut self) {
        let Some(draft) = self.home.drafts.get(self.home.selected).cloned() else {
            self.note("No draft kept: d draws a question".to_owned());
            return;
        };
        let Some(question) = self.bank.question(draft.question_id.as_str()).cloned() else {
            self.error(format!(
                "The draft's question {} is not in this bank; the draft stays in drafts/",
                draft.question_id
            ));
            return;
        };
        let practice = Practice::new(question, Some(draft), self);
        self.screen = Screen::Practice(Box::new(practice));
    }
}

/// Where Home draws its drafts (the heading, then a row each) when its
/// body is `area`: below the menu as it wraps when narrow, atop the right
/// panel when wide. `None` when no draft is kept or none fits. Drawing and
/// the mouse both use it, so a click lands on the draft drawn under it.
pub fn drafts_area(app: &App, area: Rect) -> Option<Rect> {
    let inner = Block::bordered().inner(area);
    if app.home.drafts.is_empty() {
        return None;
    }
    let top = top_lines(app);
    let drafts = if is_narrow(inner) {
        let rows: u16 = top
            .iter()
            .map(|l| {
                let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                wrapped_height(&text, inner.width)
            })
            .fold(0, u16::saturating_add);
        // A blank row after the menu; the heading and three drafts at most.
        let y = inner.y.saturating_add(rows).saturating_add(1);
        let height = inner.bottom().saturating_sub(y).min(4);
        Rect { y, height, ..inner }
    } else {
        let [_, _, panels] = wide_parts(inner, top.len());
        let [_, _, right] = panels.layout(&Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        Rect {
            height: right.height / 2,
            ..right
        }
    };
    (drafts.height >= 2).then_some(drafts)
}

/// The draft a click at `at` lands on, in Home's body `area`.
pub(super) fn drafts_click(app: &App, at: Position, area: Rect) -> Option<Message> {
    let drafts = drafts_area(app, area)?;
    // The first row is the heading.
    let rows = Rect {
        y: drafts.y + 1,
        height: drafts.height - 1,
        ..drafts
    };
    if !rows.contains(at) {
        return None;
    }
    let len = app.home.drafts.len();
    let start = super::view::window_start(len, app.home.selected, usize::from(rows.height));
    let row = start + usize::from(at.y - rows.y);
    (row < len).then_some(Message::ClickRow(row))
}

/// The drafts kept, the highlighted one marked `▸`: at most `max` rows
/// with the heading. Nothing when there are none.
pub(super) fn draft_lines(app: &App, width: u16, max: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let drafts = &app.home.drafts;
    if drafts.is_empty() || max < 2 {
        return Vec::new();
    }
    let mut lines = vec![Line::styled(
        format!(
            "{} draft{} kept · ↑↓ choose, Enter carries on:",
            drafts.len(),
            if drafts.len() == 1 { "" } else { "s" }
        ),
        theme.title(),
    )];
    let shown = max.saturating_sub(1).max(1);
    let start = super::view::window_start(drafts.len(), app.home.selected, shown);
    let width = usize::from(width);
    for (i, d) in drafts.iter().enumerate().skip(start).take(shown) {
        let s = &d.star;
        let words: usize = [&s.situation, &s.task, &s.action, &s.result]
            .iter()
            .map(|t| count_words(t))
            .sum();
        let tail = format!(" · {words}w");
        let mark = if i == app.home.selected { "▸ " } else { "  " };
        let room = width.saturating_sub(mark.chars().count() + tail.len());
        let line = Line::raw(format!(
            "{mark}{}{tail}",
            clip(question_text(app, &d.question_id), room)
        ));
        lines.push(if i == app.home.selected {
            line.patch_style(theme.selected())
        } else {
            line.patch_style(theme.dim())
        });
    }
    lines
}
