//! Review's principle picker: `p` lists "all principles" and each of the
//! bank's in place of the answers, and Enter filters the list by the one
//! highlighted. A list of sixteen reads faster than stepping through them.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::app::{App, Message};
use super::review::ReviewList;
use super::view::window_start;
use crate::bank::Bank;

/// The footer hints while the picker is open.
pub const HINTS: &[(&str, &str)] = &[("↑↓", "move"), ("Enter", "filter"), ("Esc", "close")];

/// Picker keys: move, choose, close (`p` again closes too).
pub fn on_key(key: KeyEvent) -> Option<Message> {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown => Some(Message::PageDown),
        KeyCode::Enter => Some(Message::Select),
        KeyCode::Esc | KeyCode::Char('q' | 'p') => Some(Message::Back),
        _ => None,
    }
}

impl ReviewList {
    /// Opens the principle picker on the current filter's row.
    pub(super) fn open_picker(&mut self, bank: &Bank) {
        let at = self
            .filter
            .as_ref()
            .and_then(|f| bank.principles().iter().position(|p| &p.id == f));
        self.picking = Some(at.map_or(0, |i| i + 1));
    }

    /// A key while the picker is open: move, choose (Enter) or close (Esc).
    pub(super) fn update_picker(&mut self, bank: &Bank, msg: &Message) {
        let Some(row) = self.picking.as_mut() else {
            return;
        };
        let last = bank.principles().len();
        match msg {
            Message::Up => *row = row.saturating_sub(1),
            Message::Down => *row = (*row + 1).min(last),
            Message::PageUp => *row = row.saturating_sub(10),
            Message::PageDown => *row = (*row + 10).min(last),
            Message::Select => {
                self.filter = row
                    .checked_sub(1)
                    .and_then(|i| bank.principles().get(i))
                    .map(|p| p.id.clone());
                self.picking = None;
                self.selected = 0;
            }
            Message::Back => self.picking = None,
            _ => {}
        }
    }
}

/// The principle picker, drawn in place of the rows: "all principles",
/// then each of the bank's.
pub fn render(app: &App, row: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let names: Vec<&str> = std::iter::once("All principles")
        .chain(app.bank.principles().iter().map(|p| p.name.as_str()))
        .collect();
    let height = usize::from(area.height.saturating_sub(1));
    let start = window_start(names.len(), row, height);
    let mut lines = vec![Line::styled(
        " Filter by principle: ↑↓ and Enter",
        theme.dim(),
    )];
    lines.extend(
        names
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, name)| {
                if i == row {
                    Line::raw(format!("▸{name}")).style(theme.selected())
                } else {
                    Line::raw(format!(" {name}"))
                }
            }),
    );
    Paragraph::new(lines).render(area, buf);
}
