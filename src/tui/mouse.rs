//! The mouse: the wheel scrolls, a click selects a row in a list.
//!
//! A click is mapped to a row with the same layout the screen draws with
//! (each list screen's `list_area`, Home's [`home_drafts::drafts_area`], and the
//! window [`window_start`] keeps around the selection), so what is under
//! the pointer is what gets selected. Text fields take no clicks: typing stays with the keyboard.

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::app::{App, Message, Screen};
use super::view::{frame_parts, window_start};
use super::{home_drafts, pick, progress, questions, review, search};

/// Maps a mouse event in a terminal of size `area` to a message.
pub fn on_mouse(app: &App, mouse: MouseEvent, area: Rect) -> Option<Message> {
    if app.help {
        return None;
    }
    match mouse.kind {
        MouseEventKind::ScrollUp => wheel(app, true),
        MouseEventKind::ScrollDown => wheel(app, false),
        MouseEventKind::Down(MouseButton::Left) => {
            click(app, Position::new(mouse.column, mouse.row), area)
        }
        _ => None,
    }
}

/// A wheel notch: a row in a list or a scrolled view, a page of a report.
fn wheel(app: &App, up: bool) -> Option<Message> {
    match &app.screen {
        Screen::Home
        | Screen::Pick(_)
        | Screen::Progress(_)
        | Screen::Search(_)
        | Screen::Review(_)
        | Screen::Detail(_)
        | Screen::Questions(_)
        | Screen::Stories(_) => Some(if up { Message::Up } else { Message::Down }),
        // Up and Down move the cursor in the follow-up field: page instead.
        Screen::Report(_) => Some(if up {
            Message::PageUp
        } else {
            Message::PageDown
        }),
        Screen::Drawn(_) | Screen::Practice(_) => None,
    }
}

/// The row of the current list under `at`, if any.
fn click(app: &App, at: Position, area: Rect) -> Option<Message> {
    let [body, _, _] = frame_parts(app, area);
    let (rows, len, selected) = match &app.screen {
        Screen::Pick(p) => (
            pick::list_area(body),
            app.bank.principles().len(),
            p.selected,
        ),
        Screen::Progress(p) => (
            progress::list_area(body),
            app.bank.principles().len(),
            p.selected,
        ),
        Screen::Questions(q) => (questions::list_area(body), q.rows.len(), q.selected),
        Screen::Search(s) => (search::list_area(body), s.results.len(), s.selected),
        // The picker covers the rows while it is open.
        Screen::Review(r) if r.picking.is_none() => {
            (review::list_area(body), r.rows.len(), r.selected)
        }
        Screen::Home => return home_drafts::drafts_click(app, at, body),
        _ => return None,
    };
    if !rows.contains(at) {
        return None;
    }
    let height = usize::from(rows.height);
    let row = window_start(len, selected, height) + usize::from(at.y - rows.y);
    (row < len).then_some(Message::ClickRow(row))
}
