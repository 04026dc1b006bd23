//! Review saved answers: newest first (or best first), filtered by
//! principle (`p` opens a picker) and by a word search over the question
//! and the answer's full text ([`crate::search`]: whole-word matches rank
//! first, then partial ones). Enter opens one read-only in
//! [`super::detail`].

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::app::{App, Message, Screen};
use super::detail::Detail;
use super::search::edit_query;
use super::view::{clip, window_start};
use crate::answer::AnswerRecord;
use crate::bank::{Bank, PrincipleId};
use crate::search::Query;

const HINTS: &[(&str, &str)] = &[
    ("Enter", "open"),
    ("/", "search"),
    ("p", "principle"),
    ("o", "sort"),
    ("Esc", "home"),
    ("?", "help"),
];
const TYPING_HINTS: &[(&str, &str)] = &[
    ("type", "search"),
    ("Ctrl-U", "clear"),
    ("↑↓", "move"),
    ("Enter/Esc", "done"),
];
const PICKER_HINTS: &[(&str, &str)] = &[("↑↓", "move"), ("Enter", "filter"), ("Esc", "close")];

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Newest,
    Score,
}

/// The list of saved answers as filtered and sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewList {
    /// Indexes into `store.answers()`, in display order.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub filter: Option<PrincipleId>,
    pub sort: Sort,
    pub query: String,
    /// Keys go to the query line.
    pub typing: bool,
    /// The principle picker, when open: the highlighted row (0 is "all
    /// principles", then the bank's principles in order).
    pub picking: Option<usize>,
}

impl ReviewList {
    /// Recomputes the rows from the answers and the current settings.
    pub fn refresh(&mut self, answers: &[AnswerRecord]) {
        let query = Query::exact(&self.query);
        let mut rows: Vec<(u32, usize)> = answers
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                self.filter
                    .as_ref()
                    .is_none_or(|p| &a.question.principle == p)
            })
            .filter_map(|(i, a)| {
                query
                    .score(&[&a.question.text, &a.text])
                    .map(|score| (score, i))
            })
            .collect();
        // Stored oldest first: newest first is the reverse.
        rows.reverse();
        if self.sort == Sort::Score {
            rows.sort_by(|&(_, a), &(_, b)| {
                answers[b].report.total.total_cmp(&answers[a].report.total)
            });
        }
        // Better matches first; the chosen order within each (a stable sort).
        rows.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        self.rows = rows.into_iter().map(|(_, i)| i).collect();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }

    /// Opens the principle picker on the current filter's row.
    fn open_picker(&mut self, bank: &Bank) {
        let at = self
            .filter
            .as_ref()
            .and_then(|f| bank.principles().iter().position(|p| &p.id == f));
        self.picking = Some(at.map_or(0, |i| i + 1));
    }

    /// A key while the picker is open: move, choose (Enter) or close (Esc).
    fn update_picker(&mut self, bank: &Bank, msg: &Message) {
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

/// List keys; while typing a query, printable keys go to it.
pub fn on_key(list: &ReviewList, key: KeyEvent) -> Option<Message> {
    if list.picking.is_some() {
        return match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
            KeyCode::PageUp => Some(Message::PageUp),
            KeyCode::PageDown => Some(Message::PageDown),
            KeyCode::Enter => Some(Message::Select),
            KeyCode::Esc | KeyCode::Char('q' | 'p') => Some(Message::Back),
            _ => None,
        };
    }
    if list.typing {
        return match key.code {
            KeyCode::Up => Some(Message::Up),
            KeyCode::Down => Some(Message::Down),
            KeyCode::Enter | KeyCode::Esc => Some(Message::Select),
            _ => super::search::query_key(key),
        };
    }
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown => Some(Message::PageDown),
        KeyCode::Enter => Some(Message::Select),
        KeyCode::Char('/') => Some(Message::StartQuery),
        KeyCode::Char('p') => Some(Message::OpenPick),
        KeyCode::Char('o') => Some(Message::ToggleSort),
        KeyCode::Char('?') => Some(Message::ToggleHelp),
        KeyCode::Esc | KeyCode::Char('q') => Some(Message::Back),
        _ => None,
    }
}

/// The footer hints: the picker's or the query line's when open.
pub fn list_hints(list: &ReviewList) -> &'static [(&'static str, &'static str)] {
    if list.picking.is_some() {
        PICKER_HINTS
    } else if list.typing {
        TYPING_HINTS
    } else {
        HINTS
    }
}

impl App {
    pub(super) fn open_review(&mut self) {
        let mut list = ReviewList::default();
        list.refresh(self.store.answers());
        self.screen = Screen::Review(list);
    }

    pub(super) fn update_review(&mut self, msg: Message) {
        let Screen::Review(list) = &mut self.screen else {
            return;
        };
        if list.picking.is_some() {
            list.update_picker(&self.bank, &msg);
            if list.picking.is_none() {
                list.refresh(self.store.answers());
            }
            return;
        }
        let bottom = list.rows.len().saturating_sub(1);
        match msg {
            Message::Up => list.selected = list.selected.saturating_sub(1),
            Message::Down => list.selected = (list.selected + 1).min(bottom),
            Message::PageUp => list.selected = list.selected.saturating_sub(10),
            Message::PageDown => list.selected = (list.selected + 10).min(bottom),
            Message::StartQuery => list.typing = true,
            Message::Input(input) => {
                let changed = edit_query(&mut list.query, &input);
                if changed {
                    list.selected = 0;
                    list.refresh(self.store.answers());
                }
            }
            Message::Select if list.typing => list.typing = false,
            Message::Select => {
                if let Some(&i) = list.rows.get(list.selected) {
                    let id = self.store.answers()[i].id.clone();
                    let back = std::mem::take(list);
                    self.screen = Screen::Detail(Box::new(Detail::new(id, back)));
                }
            }
            Message::OpenPick => list.open_picker(&self.bank),
            Message::ToggleSort => {
                list.sort = match list.sort {
                    Sort::Newest => Sort::Score,
                    Sort::Score => Sort::Newest,
                };
                list.selected = 0;
                list.refresh(self.store.answers());
            }
            Message::Back => self.screen = Screen::Home,
            _ => {}
        }
    }
}

/// Draws the list, only the rows that fit.
pub fn render_list(app: &App, list: &ReviewList, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let answers = app.store.answers();
    let filter = list
        .filter
        .as_ref()
        .map_or("all principles", |p| app.principle_name(p));
    let sort = match list.sort {
        Sort::Newest => "newest first",
        Sort::Score => "best first",
    };
    let block = Block::bordered().title(format!(
        " Review · {} of {} · {filter} · {sort} ",
        list.rows.len(),
        answers.len()
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let [query, header, rows] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let mut q = vec![
        Span::styled("/ ", theme.key()),
        Span::raw(list.query.as_str()),
    ];
    if list.typing {
        q.push(Span::styled("▏", theme.key()));
    } else if list.query.is_empty() {
        q.push(Span::styled(
            "press / to search questions and answers",
            theme.dim(),
        ));
    }
    Line::from(q).render(query, buf);
    if let Some(row) = list.picking {
        let [_, below] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        render_picker(app, row, below, buf);
        return;
    }
    Line::styled(
        format!(
            " {:<16} {:>5}  {:<20} {}",
            "when", "score", "principle", "question"
        ),
        theme.dim(),
    )
    .render(header, buf);

    if answers.is_empty() {
        Line::styled(
            " No saved answers yet: press Esc, then d to draw a question",
            theme.dim(),
        )
        .render(rows, buf);
        return;
    }
    if list.rows.is_empty() {
        Line::styled(
            " No saved answer matches: p changes the principle, / the search",
            theme.dim(),
        )
        .render(rows, buf);
        return;
    }
    let height = usize::from(rows.height);
    let width = usize::from(rows.width);
    let start = window_start(list.rows.len(), list.selected, height);
    let lines: Vec<Line> = list.rows[start..list.rows.len().min(start + height)]
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let a = &answers[i];
            let when = app.local_time(a.created);
            let principle = clip(app.principle_name(&a.question.principle), 20);
            let mark = if start + n == list.selected {
                "▸"
            } else {
                " "
            };
            let text = format!(
                "{mark}{when:<16} {:>5.0}  {principle:<20} {}",
                a.report.total.round(),
                a.question.text
            );
            let line = Line::raw(clip(&text, width));
            if start + n == list.selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(rows, buf);
}

/// The principle picker, drawn in place of the rows: "all principles",
/// then each of the bank's.
fn render_picker(app: &App, row: usize, area: Rect, buf: &mut Buffer) {
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
