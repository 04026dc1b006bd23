//! Search the questions live as you type, by the words a person means
//! (over text, tags, kind and principle name, via `bank::search`); Ctrl-U
//! clears the query; Enter opens the question.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use ratatui_textarea::{Input, Key};

use super::app::{App, Message, Screen};
use super::view::{clip, window_start};
use crate::bank::{Bank, QuestionId};

/// The footer hints.
pub const HINTS: &[(&str, &str)] = &[
    ("type", "search"),
    ("Ctrl-U", "clear"),
    ("↑↓", "move"),
    ("Enter", "open"),
    ("Esc", "home"),
    ("F1", "help"),
];

/// The query and its ranked results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub results: Vec<QuestionId>,
    pub selected: usize,
}

impl Search {
    pub fn new(bank: &Bank) -> Search {
        let mut search = Search {
            query: String::new(),
            results: Vec::new(),
            selected: 0,
        };
        search.rank(bank);
        search
    }

    fn rank(&mut self, bank: &Bank) {
        let all: Vec<_> = bank.questions().iter().collect();
        self.results = crate::bank::search(bank, &all, &self.query)
            .into_iter()
            .map(|q| q.id.clone())
            .collect();
        self.selected = 0;
    }
}

/// Search keys: printable keys go to the query, so `q` types a q.
pub fn on_key(key: KeyEvent) -> Option<Message> {
    match key.code {
        KeyCode::Up => Some(Message::Up),
        KeyCode::Down => Some(Message::Down),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown => Some(Message::PageDown),
        // Not g/G: letters type into the query.
        KeyCode::Home => Some(Message::First),
        KeyCode::End => Some(Message::Last),
        KeyCode::Enter => Some(Message::Select),
        KeyCode::Esc => Some(Message::Back),
        KeyCode::F(1) => Some(Message::ToggleHelp),
        _ => query_key(key),
    }
}

/// A key for a query line: printable keys and Backspace edit it, Ctrl-U
/// clears it and Ctrl-W deletes the word before the cursor, as in a
/// shell; other Ctrl keys are not text.
pub fn query_key(key: KeyEvent) -> Option<Message> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('u' | 'w') if ctrl => Some(Message::Input(key.into())),
        KeyCode::Char(_) | KeyCode::Backspace if !ctrl => Some(Message::Input(key.into())),
        _ => None,
    }
}

/// Applies a query-line key; true when the query changed.
pub fn edit_query(query: &mut String, input: &Input) -> bool {
    match input.key {
        Key::Char('u') if input.ctrl => {
            let had = !query.is_empty();
            query.clear();
            had
        }
        Key::Char('w') if input.ctrl => {
            // The word and the spaces after it, as readline's unix-word-rubout.
            let kept = query.trim_end().len();
            let start = query[..kept]
                .rfind(char::is_whitespace)
                .map_or(0, |i| i + 1);
            let had = !query.is_empty();
            query.truncate(start);
            had
        }
        Key::Char(c) if !input.ctrl && !input.alt => {
            query.push(c);
            true
        }
        Key::Backspace => query.pop().is_some(),
        _ => false,
    }
}

impl App {
    pub(super) fn update_search(&mut self, msg: Message) {
        let Screen::Search(search) = &mut self.screen else {
            return;
        };
        let last = search.results.len().saturating_sub(1);
        match msg {
            Message::Input(input) => {
                let changed = edit_query(&mut search.query, &input);
                if changed {
                    search.rank(&self.bank);
                }
            }
            Message::Paste(text) => {
                search.query.push_str(text.lines().next().unwrap_or(""));
                search.rank(&self.bank);
            }
            Message::Up => search.selected = search.selected.saturating_sub(1),
            Message::Down => search.selected = (search.selected + 1).min(last),
            Message::PageUp => search.selected = search.selected.saturating_sub(10),
            Message::PageDown => search.selected = (search.selected + 10).min(last),
            Message::First | Message::Last | Message::ClickRow(_) => {
                super::view::jump(&mut search.selected, last, &msg);
            }
            Message::Select => {
                if let Some(id) = search.results.get(search.selected).cloned() {
                    self.last_drawn = Some(id.clone());
                    let drawn = super::drawn::Drawn::new(self, id, "found by search".into(), None);
                    self.screen = Screen::Drawn(drawn);
                }
            }
            Message::Back => self.screen = Screen::Home,
            _ => {}
        }
    }
}

/// The query line and the results, in the screen's `area`.
fn parts(area: Rect) -> [Rect; 2] {
    Block::bordered().inner(area).layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]))
}

/// Where the results are drawn in the screen's `area`.
pub fn list_area(area: Rect) -> Rect {
    parts(area)[1]
}

/// Draws the query line and the ranked questions.
pub fn render(app: &App, search: &Search, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let block = Block::bordered().title(format!(
        " Search questions · {} of {} ",
        search.results.len(),
        app.bank.questions().len()
    ));
    block.render(area, buf);
    let [query_area, list_area] = parts(area);
    Line::from(vec![
        Span::styled("/ ", theme.key()),
        Span::raw(search.query.as_str()),
        Span::styled("▏", theme.key()),
    ])
    .render(query_area, buf);
    let height = usize::from(list_area.height);
    let width = usize::from(list_area.width);
    let start = window_start(search.results.len(), search.selected, height);
    let lines: Vec<Line> = search
        .results
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .filter_map(|(i, id)| {
            let q = app.bank.question(id.as_str())?;
            let name = clip(app.principle_name(&q.principle), 18);
            let text = clip(&q.text, width.saturating_sub(22));
            let line = Line::from(vec![
                Span::raw(if i == search.selected { "▸" } else { " " }),
                Span::styled(format!("{name:<19}"), theme.dim()),
                Span::raw(text),
            ]);
            Some(if i == search.selected {
                line.style(theme.selected())
            } else {
                line
            })
        })
        .collect();
    if lines.is_empty() {
        Line::styled(" No question matches; Backspace to widen", theme.dim())
            .render(list_area, buf);
    } else {
        Paragraph::new(lines).render(list_area, buf);
    }
}
