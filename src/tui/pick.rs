//! Pick a principle: the list of principles with how each is going; Enter
//! draws a question from the chosen one.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::app::{App, Message, Screen};
use super::progress::ProgressView;
use super::stories::StoriesView;
use super::view::{jump, window_start};
use crate::bank::Principle;

/// The footer hints, shared with Progress, whose rows are the principles too.
pub const HINTS: &[(&str, &str)] = &[
    ("↑↓", "move"),
    ("Enter", "draw from it"),
    ("Esc", "home"),
    ("?", "help"),
];

/// The principle picker's state: the highlighted row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pick {
    pub selected: usize,
}

/// Keys of a list of the bank's principles (Pick and Progress).
pub fn on_key(key: KeyEvent) -> Option<Message> {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::Home | KeyCode::Char('g') => Some(Message::First),
        KeyCode::End | KeyCode::Char('G') => Some(Message::Last),
        KeyCode::Enter => Some(Message::Select),
        KeyCode::Esc | KeyCode::Char('q') => Some(Message::Back),
        KeyCode::Char('?') => Some(Message::ToggleHelp),
        _ => None,
    }
}

impl App {
    /// Moves along the bank's principles, draws a question from the
    /// highlighted one, or goes home: Pick and Progress, whose rows are the
    /// principles in bank order.
    #[allow(clippy::needless_pass_by_value)] // every update_* takes its message alike
    pub(super) fn update_principle_rows(&mut self, msg: Message) {
        let (Screen::Pick(Pick { selected })
        | Screen::Progress(ProgressView { selected })
        | Screen::Stories(StoriesView { selected })) = &mut self.screen
        else {
            return;
        };
        let last = self.bank.principles().len().saturating_sub(1);
        match msg {
            Message::Up => *selected = selected.saturating_sub(1),
            Message::Down => *selected = (*selected + 1).min(last),
            Message::First | Message::Last | Message::ClickRow(_) => jump(selected, last, &msg),
            Message::Select => {
                if let Some(p) = self.bank.principles().get(*selected) {
                    let id = p.id.clone();
                    self.draw_question(Some(id));
                }
            }
            Message::Back => self.screen = Screen::Home,
            _ => {}
        }
    }
}

/// Draws the principles, each with how it is going.
pub fn render(app: &App, pick: &Pick, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered().title(" Pick a principle ");
    let inner = list_area(area);
    block.render(area, buf);
    let lines = principle_rows(app, pick.selected, inner.height, |p, mark| {
        let stats = app.stats.principles.iter().find(|s| s.principle == p.id);
        let standing = stats.map_or_else(
            || "not practised".to_owned(),
            |s| {
                let plural = if s.count == 1 { "" } else { "s" };
                format!("{} answer{plural}, mean {:.0}", s.count, s.mean)
            },
        );
        Line::raw(format!("{mark}{:<44} {standing}", p.name))
    });
    Paragraph::new(lines).render(inner, buf);
}

/// Where the picker's rows are drawn in the screen's `area`.
pub fn list_area(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// The rows of the bank's principles that fit in `height`, keeping
/// `selected` in view: each drawn by `row` after its mark (`▸` on the
/// selected one, which is also highlighted). Pick and Progress list the
/// principles alike.
pub(super) fn principle_rows(
    app: &App,
    selected: usize,
    height: u16,
    row: impl Fn(&Principle, &str) -> Line<'static>,
) -> Vec<Line<'static>> {
    let principles = app.bank.principles();
    let height = usize::from(height);
    let start = window_start(principles.len(), selected, height);
    principles
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, p)| {
            if i == selected {
                row(p, "▸").patch_style(app.theme().selected())
            } else {
                row(p, " ")
            }
        })
        .collect()
}
