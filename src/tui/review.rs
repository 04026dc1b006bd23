//! Review saved answers: newest first (or best first), filtered by
//! principle (`p` opens a picker) and by a word search over the question
//! and the answer's text ([`crate::search`]: whole-word matches rank first,
//! then partial ones). The list comes from the store's summaries and reads
//! no answer to open; the first `/` starts reading the answers' words in
//! the background ([`super::words`]), and the search covers each answer as
//! its words arrive. Enter opens one read-only in [`super::detail`].
//! Newest first, the attempts of one question are grouped under its newest,
//! which shows the trend ("3 attempts: 41 → 58 → 72", [`crate::attempts`]).

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::app::{App, Blind, Message, Screen};
use super::detail::Detail;
use super::questions::QuestionsView;
use super::review_picker;
use super::search::edit_query;
use super::view::{clip, window_start};
use super::words::AnswerWords;
use crate::bank::{Bank, PrincipleId, QuestionId};
use crate::search::Query;
use crate::store::AnswerSummary;

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
    /// Indexes into `store.summaries()`, in display order.
    pub rows: Vec<usize>,
    /// Beside each row: its question's trend on the newest attempt of a
    /// group, `Some("")` on an earlier attempt grouped under it, `None`
    /// when the row stands alone.
    pub trends: Vec<Option<String>>,
    pub selected: usize,
    pub filter: Option<PrincipleId>,
    pub sort: Sort,
    pub query: String,
    /// Keys go to the query line.
    pub typing: bool,
    /// The principle picker, when open: the highlighted row (0 is "all
    /// principles", then the bank's principles in order).
    pub picking: Option<usize>,
    /// Only answers to this question (opened from the Questions screen).
    pub question: Option<QuestionId>,
    /// The Questions screen to go back to, when opened from it.
    pub back: Option<Box<QuestionsView>>,
}

impl ReviewList {
    /// Recomputes the rows from the answers' summaries, the words read so
    /// far, and the current settings. Reads no file. An answer whose words
    /// have not arrived yet is matched on its question alone.
    pub fn refresh(&mut self, answers: &[AnswerSummary], bank: &Bank, words: &mut AnswerWords) {
        words.align(answers);
        let words = &*words;
        let query = Query::exact(&self.query);
        // Thousands of answers share a hundred-odd questions: look each
        // question up in the bank and lowercase its wording once (`None`:
        // not in the bank, so the wording saved with the answer decides).
        let mut questions: HashMap<&str, Option<String>> = HashMap::new();
        let mut rows: Vec<(u32, usize)> = answers
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                self.filter.as_ref().is_none_or(|p| &a.principle == p)
                    && self.question.as_ref().is_none_or(|q| &a.question == q)
            })
            .filter_map(|(i, a)| {
                if query.is_empty() {
                    return Some((0, i));
                }
                let saved = words.at(i);
                let in_bank = questions.entry(a.question.as_str()).or_insert_with(|| {
                    bank.question(a.question.as_str())
                        .map(|q| q.text.to_lowercase())
                });
                let asked = match in_bank {
                    Some(text) => std::borrow::Cow::Borrowed(text.as_str()),
                    None => saved
                        .map_or(a.question.as_str(), |w| &w.question)
                        .to_lowercase()
                        .into(),
                };
                let text = saved.map_or("", |w| w.folded.as_str());
                query.score_lowered(&[&asked, text]).map(|score| (score, i))
            })
            .collect();
        // Stored oldest first: newest first is the reverse.
        rows.reverse();
        if self.sort == Sort::Score {
            rows.sort_by(|&(_, a), &(_, b)| answers[b].total.total_cmp(&answers[a].total));
        }
        // Better matches first; the chosen order within each (a stable sort).
        rows.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        self.rows = rows.into_iter().map(|(_, i)| i).collect();
        self.trends = vec![None; self.rows.len()];
        if self.sort == Sort::Newest && query.is_empty() {
            self.group_attempts(answers);
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

/// The wording of the question an answer answers: the bank's, else the
/// one saved with the answer (once read), else its id.
pub fn question_text<'a>(bank: &'a Bank, words: &'a AnswerWords, a: &'a AnswerSummary) -> &'a str {
    bank.question(a.question.as_str()).map_or_else(
        || {
            words
                .get(&a.id)
                .map_or(a.question.as_str(), |w| w.question.as_str())
        },
        |q| q.text.as_str(),
    )
}

/// List keys; while typing a query, printable keys go to it.
pub fn on_key(list: &ReviewList, key: KeyEvent) -> Option<Message> {
    if list.picking.is_some() {
        return review_picker::on_key(key);
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
        KeyCode::Home | KeyCode::Char('g') => Some(Message::First),
        KeyCode::End | KeyCode::Char('G') => Some(Message::Last),
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
        review_picker::HINTS
    } else if list.typing {
        TYPING_HINTS
    } else {
        HINTS
    }
}

impl App {
    /// Opens Review from the store's summaries: no answer is read.
    pub(super) fn open_review(&mut self) {
        let mut list = ReviewList::default();
        list.refresh(self.store.summaries(), &self.bank, &mut self.words);
        self.screen = Screen::Review(list);
    }

    pub(super) fn update_review(&mut self, msg: Message) {
        let Screen::Review(list) = &mut self.screen else {
            return;
        };
        if list.picking.is_some() {
            list.update_picker(&self.bank, &msg);
            if list.picking.is_none() {
                list.refresh(self.store.summaries(), &self.bank, &mut self.words);
            }
            return;
        }
        let bottom = list.rows.len().saturating_sub(1);
        match msg {
            Message::Up => list.selected = list.selected.saturating_sub(1),
            Message::Down => list.selected = (list.selected + 1).min(bottom),
            Message::PageUp => list.selected = list.selected.saturating_sub(10),
            Message::PageDown => list.selected = (list.selected + 10).min(bottom),
            Message::First | Message::Last | Message::ClickRow(_) => {
                super::view::jump(&mut list.selected, bottom, &msg);
            }
            Message::StartQuery => {
                list.typing = true;
                // A search needs the answers' words: start reading them.
                self.words.start(&self.store);
            }
            Message::Input(input) => {
                let changed = edit_query(&mut list.query, &input);
                if changed {
                    list.selected = 0;
                    list.refresh(self.store.summaries(), &self.bank, &mut self.words);
                }
            }
            Message::Select if list.typing => list.typing = false,
            Message::Select => {
                if let Some(&i) = list.rows.get(list.selected) {
                    let id = self.store.summaries()[i].id.clone();
                    // The one answer read in full: the one opened.
                    match self.store.load(&id) {
                        Ok(record) => {
                            let back = std::mem::take(list);
                            self.screen = Screen::Detail(Box::new(Detail::new(record, back)));
                        }
                        Err(e) => self.error(format!("Cannot open this answer: {e}")),
                    }
                }
            }
            Message::OpenPick => list.open_picker(&self.bank),
            // Best first would tell a blind grader the scorer's ranking.
            Message::ToggleSort if self.blind == Blind::UntilGraded => {
                self.note("Sorting by score is off while grading blind".to_owned());
            }
            Message::ToggleSort => {
                list.sort = match list.sort {
                    Sort::Newest => Sort::Score,
                    Sort::Score => Sort::Newest,
                };
                list.selected = 0;
                list.refresh(self.store.summaries(), &self.bank, &mut self.words);
            }
            Message::Back => match list.back.take() {
                Some(view) => self.back_to_questions(*view),
                None => self.screen = Screen::Home,
            },
            _ => {}
        }
    }

    /// Takes the answers' words that arrived since the last tick, and
    /// filters the list again when a search is waiting on them.
    pub(super) fn poll_words(&mut self) {
        if self.words.loading().is_none() || !self.words.poll() {
            return;
        }
        if let Screen::Review(list) = &mut self.screen
            && !list.query.trim().is_empty()
        {
            list.refresh(self.store.summaries(), &self.bank, &mut self.words);
        }
    }
}

/// Draws the list, only the rows that fit.
pub fn render_list(app: &App, list: &ReviewList, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let answers = app.store.summaries();
    let filter = match (&list.question, &list.filter) {
        (Some(q), _) => q.as_str(),
        (None, Some(p)) => app.principle_name(p),
        (None, None) => "all principles",
    };
    let sort = match list.sort {
        Sort::Newest => "newest first",
        Sort::Score => "best first",
    };
    let reading = match app.words.loading() {
        Some((read, total)) if !list.query.trim().is_empty() => {
            format!(" · searching: {read} of {total} answers read")
        }
        _ => String::new(),
    };
    let block = Block::bordered().title(format!(
        " Review · {} of {} · {filter} · {sort}{reading} ",
        list.rows.len(),
        answers.len()
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let [query, header, rows] = parts(area);
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
        review_picker::render(app, row, below, buf);
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
    render_rows(app, list, rows, buf);
}

/// The query line, the column header and the rows of the list drawn in
/// `area` (inside its border).
fn parts(area: Rect) -> [Rect; 3] {
    Block::bordered().inner(area).layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]))
}

/// Where the answers' rows are drawn in `area`: what a click maps to.
pub fn list_area(area: Rect) -> Rect {
    parts(area)[2]
}

/// The answers' rows that fit in `area`, the selected one highlighted.
fn render_rows(app: &App, list: &ReviewList, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let answers = app.store.summaries();
    let height = usize::from(area.height);
    let width = usize::from(area.width);
    let start = window_start(list.rows.len(), list.selected, height);
    let lines: Vec<Line> = list.rows[start..list.rows.len().min(start + height)]
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let a = &answers[i];
            let when = app.local_time(a.created);
            let principle = clip(app.principle_name(&a.principle), 20);
            let mark = if start + n == list.selected {
                "▸"
            } else {
                " "
            };
            // The index knows who graded: no answer is read to hide a score.
            let hidden = app.blind == Blind::UntilGraded && !a.graded_by(&app.reviewer);
            let score = if hidden {
                "–".to_owned()
            } else {
                format!("{:.0}", a.total.round())
            };
            let asked = match list.trends.get(start + n) {
                // An earlier attempt, under the newest of its question.
                Some(Some(t)) if t.is_empty() => "  ↳ earlier attempt".to_owned(),
                // Blind grading shows no other attempt's score either.
                Some(Some(t)) if app.blind != Blind::UntilGraded => {
                    format!("[{t}] {}", question_text(&app.bank, &app.words, a))
                }
                _ => question_text(&app.bank, &app.words, a).to_owned(),
            };
            let text = format!(
                "{mark}{when:<16} {score:>5}  {principle:<20} {}",
                clip(&asked, width)
            );
            let line = Line::raw(clip(&text, width));
            if start + n == list.selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}
