//! The Questions screen, for interviewers: how each answered question
//! performs (answers, mean and spread of totals, mean grade,
//! discrimination, flag), sortable by discrimination, mean or answers; the
//! highlighted question's own signal rates below. Enter lists that
//! question's answers in Review, and Esc there comes back here. Figures
//! from [`crate::store::question_performance`].

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::app::{App, Message, Screen};
use super::review::ReviewList;
use super::view::{clip, window_start};
use crate::store::{QuestionPerformance, question_performance};

pub const HINTS: &[(&str, &str)] = &[
    ("↑↓", "move"),
    ("Enter", "answers"),
    ("o", "sort"),
    ("Esc", "home"),
    ("?", "help"),
];

/// What the table is ordered by, highest first (unknown last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QuestionSort {
    #[default]
    Discrimination,
    Mean,
    Answers,
}

impl QuestionSort {
    fn next(self) -> QuestionSort {
        match self {
            QuestionSort::Discrimination => QuestionSort::Mean,
            QuestionSort::Mean => QuestionSort::Answers,
            QuestionSort::Answers => QuestionSort::Discrimination,
        }
    }

    fn label(self) -> &'static str {
        match self {
            QuestionSort::Discrimination => "by discrimination",
            QuestionSort::Mean => "by mean score",
            QuestionSort::Answers => "by answers",
        }
    }
}

/// The table and the highlighted row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionsView {
    pub rows: Vec<QuestionPerformance>,
    pub selected: usize,
    pub sort: QuestionSort,
}

impl QuestionsView {
    /// Recomputes the rows from the saved answers, keeping the highlighted
    /// question where it can.
    pub fn refresh(&mut self, app: &App) {
        let keep = self.rows.get(self.selected).map(|q| q.id.clone());
        self.rows = question_performance(app.store.answers(), &app.bank, &app.rubric, None);
        self.sort_rows();
        self.selected = keep
            .and_then(|id| self.rows.iter().position(|q| q.id == id))
            .unwrap_or(0);
    }

    fn sort_rows(&mut self) {
        let key = |q: &QuestionPerformance| -> Option<f64> {
            match self.sort {
                QuestionSort::Discrimination => q.discrimination,
                QuestionSort::Mean => Some(q.mean_total),
                #[allow(clippy::cast_precision_loss)] // counts far below 2^52
                QuestionSort::Answers => Some(q.answers as f64),
            }
        };
        self.rows.sort_by(|a, b| match (key(a), key(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });
    }
}

pub fn on_key(key: KeyEvent) -> Option<Message> {
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::Home | KeyCode::Char('g') => Some(Message::First),
        KeyCode::End | KeyCode::Char('G') => Some(Message::Last),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown => Some(Message::PageDown),
        KeyCode::Enter => Some(Message::Select),
        KeyCode::Char('o') => Some(Message::ToggleSort),
        KeyCode::Char('?') => Some(Message::ToggleHelp),
        KeyCode::Esc | KeyCode::Char('q') => Some(Message::Back),
        _ => None,
    }
}

impl App {
    pub(super) fn open_questions(&mut self) {
        let mut view = QuestionsView::default();
        view.refresh(self);
        self.screen = Screen::Questions(view);
    }

    #[allow(clippy::needless_pass_by_value)] // every update_* takes its message alike
    pub(super) fn update_questions(&mut self, msg: Message) {
        let Screen::Questions(view) = &mut self.screen else {
            return;
        };
        let bottom = view.rows.len().saturating_sub(1);
        match msg {
            Message::Up => view.selected = view.selected.saturating_sub(1),
            Message::Down => view.selected = (view.selected + 1).min(bottom),
            Message::PageUp => view.selected = view.selected.saturating_sub(10),
            Message::PageDown => view.selected = (view.selected + 10).min(bottom),
            Message::First | Message::Last | Message::ClickRow(_) => {
                super::view::jump(&mut view.selected, bottom, &msg);
            }
            Message::ToggleSort => {
                view.sort = view.sort.next();
                view.sort_rows();
                view.selected = 0;
            }
            Message::Select => {
                if let Some(q) = view.rows.get(view.selected) {
                    let question = q.id.clone();
                    let back = std::mem::take(view);
                    let mut list = ReviewList {
                        question: Some(question),
                        back: Some(Box::new(back)),
                        ..ReviewList::default()
                    };
                    list.refresh(self.store.summaries(), &self.bank, &mut self.words);
                    self.screen = Screen::Review(list);
                }
            }
            Message::Back => self.screen = Screen::Home,
            _ => {}
        }
    }

    /// Back from a question's answers: the table again, refreshed (grades
    /// may have changed).
    pub(super) fn back_to_questions(&mut self, mut view: QuestionsView) {
        view.refresh(self);
        self.screen = Screen::Questions(view);
    }
}

fn opt(x: Option<f64>, places: usize) -> String {
    x.map_or_else(|| "–".to_owned(), |v| format!("{v:.places$}"))
}

/// The header, the rows and the highlighted question's detail, in the
/// screen's `area`.
fn parts(area: Rect) -> [Rect; 3] {
    Block::bordered().inner(area).layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(3),
    ]))
}

/// Where the table's rows are drawn in the screen's `area`.
pub fn list_area(area: Rect) -> Rect {
    parts(area)[1]
}

/// Draws the table, the highlighted question's signals, and any flag.
pub fn render(app: &App, view: &QuestionsView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let block = Block::bordered().title(format!(
        " Questions · {} answered · {} ",
        view.rows.len(),
        view.sort.label()
    ));
    block.render(area, buf);
    let [header, rows, detail] = parts(area);
    if view.rows.is_empty() {
        Line::styled(
            " No saved answers yet: answer questions, or import graders' exports",
            theme.dim(),
        )
        .render(rows, buf);
        return;
    }
    let id_width = view
        .rows
        .iter()
        .map(|q| q.id.as_str().chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 24);
    Line::styled(
        format!(
            " {:<id_width$} {:>4} {:>5} {:>6} {:>5} {:>7}   question",
            "id", "ans", "mean", "spread", "grade", "discrim"
        ),
        theme.dim(),
    )
    .render(header, buf);
    let height = usize::from(rows.height);
    let width = usize::from(rows.width);
    let start = window_start(view.rows.len(), view.selected, height);
    let lines: Vec<Line> = view.rows[start..view.rows.len().min(start + height)]
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let selected = start + n == view.selected;
            let text = format!(
                "{}{:<id_width$} {:>4} {:>5.1} {:>6} {:>5} {:>7} {} {}",
                if selected { "▸" } else { " " },
                clip(q.id.as_str(), id_width),
                q.answers,
                q.mean_total,
                opt(q.spread, 1),
                opt(q.mean_grade, 1),
                opt(q.discrimination, 2),
                if q.flag.is_some() { "!" } else { " " },
                q.text
            );
            let line = Line::raw(clip(&text, width));
            if selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(rows, buf);
    if let Some(q) = view.rows.get(view.selected) {
        let mut rates: Vec<_> = q.signal_rates.iter().collect();
        rates.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let rates: Vec<String> = rates
            .iter()
            .map(|(id, r)| format!("{} {:.0}%", id.as_str().replace('_', " "), *r * 100.0))
            .collect();
        let mut lines = vec![Line::raw(format!("Own signals: {}", rates.join(", ")))];
        if let Some(flag) = &q.flag {
            lines.push(Line::styled(format!("! {flag}"), theme.warn()));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(detail, buf);
    }
}
