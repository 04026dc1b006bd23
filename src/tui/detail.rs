//! One saved answer, read-only: its report, evidence, follow-ups and the
//! mentors' reviews. `g` grades it (1–5, then an optional comment) and `c`
//! comments, under the reviewer's name: a grade and the comment typed
//! after it are one review, through `store.add_review`. A reviewer who has
//! not graded the answer grades it blind ([`super::blind`]).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use ratatui_textarea::Key;

use super::app::{App, Message, Screen};
use super::blind::{GRADE_SCALE, hidden_bottom, render_hidden, score_hidden};
use super::report::scored::{record_bottom, render_record};
use super::review::ReviewList;
use super::search::edit_query;
use crate::answer::{AnswerId, AnswerRecord, Review};

const HINTS: &[(&str, &str)] = &[
    ("↑↓", "scroll"),
    ("c", "comment"),
    ("g", "grade"),
    ("t", "story"),
    ("a", "answer again"),
    ("Esc", "back"),
    ("?", "help"),
];
const PROMPT_HINTS: &[(&str, &str)] = &[("Enter", "save"), ("Esc", "cancel")];
const STORY_HINTS: &[(&str, &str)] = &[("Tab", "complete"), ("Enter", "save"), ("Esc", "cancel")];
const GRADE_HINTS: &[(&str, &str)] = &[("1–5", "grade"), ("Esc", "cancel")];

/// A mentor's note being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// A comment, after the grade it goes with when `g` started it.
    Comment { grade: Option<u8>, text: String },
    /// Waiting for a digit 1–5.
    Grade,
    /// The story the answer tells (empty clears it).
    Story { text: String },
}

/// The open answer (read when it was opened), and the list to go back to.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub id: AnswerId,
    pub record: AnswerRecord,
    pub back: ReviewList,
    pub scroll: u16,
    pub prompt: Option<Prompt>,
}

impl Detail {
    pub fn new(record: AnswerRecord, back: ReviewList) -> Detail {
        Detail {
            id: record.id.clone(),
            record,
            back,
            scroll: 0,
            prompt: None,
        }
    }
}

/// Keys of the open answer; a prompt takes the keys while it is open.
pub fn on_key(detail: &Detail, key: KeyEvent) -> Option<Message> {
    if detail.prompt.is_some() {
        return match key.code {
            KeyCode::Enter => Some(Message::Select),
            KeyCode::Esc => Some(Message::Back),
            KeyCode::Tab => Some(Message::NextField),
            // Typing, Backspace, Ctrl-U and Ctrl-W, as in every one-line input.
            _ => super::search::query_key(key),
        };
    }
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::PageUp => Some(Message::PageUp),
        KeyCode::PageDown | KeyCode::Char(' ') => Some(Message::PageDown),
        // Not g/G: g grades.
        KeyCode::Home => Some(Message::First),
        KeyCode::End => Some(Message::Last),
        KeyCode::Char('c') => Some(Message::StartComment),
        KeyCode::Char('g') => Some(Message::StartGrade),
        KeyCode::Char('t') => Some(Message::StartStory),
        KeyCode::Char('a') => Some(Message::AnswerAgain),
        KeyCode::Char('?') => Some(Message::ToggleHelp),
        KeyCode::Esc | KeyCode::Char('q') => Some(Message::Back),
        _ => None,
    }
}

/// The footer hints: the prompt's while one is open.
pub fn detail_hints(detail: &Detail) -> &'static [(&'static str, &'static str)] {
    match detail.prompt {
        Some(Prompt::Grade) => GRADE_HINTS,
        Some(Prompt::Comment { .. }) => PROMPT_HINTS,
        Some(Prompt::Story { .. }) => STORY_HINTS,
        None => HINTS,
    }
}

impl App {
    pub(super) fn update_detail(&mut self, msg: Message) {
        // End needs the rendered height: the answer is laid out only then.
        let last = match (&self.screen, &msg) {
            (Screen::Detail(d), Message::Last) => bottom(self, d, self.body()),
            _ => 0,
        };
        let Screen::Detail(detail) = &mut self.screen else {
            return;
        };
        match (&mut detail.prompt, msg) {
            (Some(_), Message::Back) => detail.prompt = None,
            (
                Some(Prompt::Comment { text, .. } | Prompt::Story { text }),
                Message::Input(input),
            ) => {
                edit_query(text, &input);
            }
            (Some(Prompt::Comment { text, .. } | Prompt::Story { text }), Message::Paste(more)) => {
                text.push_str(&more.replace(['\r', '\n'], " "));
            }
            (Some(Prompt::Comment { grade, text }), Message::Select) => {
                let (grade, comment) = (*grade, text.trim().to_owned());
                if grade.is_some() || !comment.is_empty() {
                    self.add_review(grade, comment);
                }
            }
            (Some(Prompt::Story { text }), Message::NextField) => {
                if let Some(name) = crate::tui::stories::complete(self.store.summaries(), text) {
                    *text = name;
                }
            }
            (Some(Prompt::Story { text }), Message::Select) => {
                let text = text.clone();
                self.set_story(&text);
            }
            (Some(Prompt::Grade), Message::Input(input)) => {
                if let Key::Char(c @ '1'..='5') = input.key {
                    let grade = u8::try_from(c.to_digit(10).unwrap_or(0)).ok();
                    detail.prompt = Some(Prompt::Comment {
                        grade,
                        text: String::new(),
                    });
                }
            }
            (None, Message::Up) => detail.scroll = detail.scroll.saturating_sub(1),
            (None, Message::Down) => detail.scroll = detail.scroll.saturating_add(1),
            (None, Message::PageUp) => detail.scroll = detail.scroll.saturating_sub(10),
            (None, Message::PageDown) => detail.scroll = detail.scroll.saturating_add(10),
            (None, Message::First) => detail.scroll = 0,
            (None, Message::Last) => detail.scroll = last,
            (None, Message::StartComment) => {
                detail.prompt = Some(Prompt::Comment {
                    grade: None,
                    text: String::new(),
                });
            }
            (None, Message::StartGrade) => detail.prompt = Some(Prompt::Grade),
            (None, Message::AnswerAgain) => {
                let record = detail.record.clone();
                self.answer_again(&record);
            }
            (None, Message::StartStory) => {
                let text = detail.record.story.clone().unwrap_or_default();
                detail.prompt = Some(Prompt::Story { text });
            }
            (None, Message::Back) => {
                let mut back = std::mem::take(&mut detail.back);
                back.refresh(self.store.summaries(), &self.bank, &mut self.words);
                self.screen = Screen::Review(back);
            }
            _ => {}
        }
    }

    /// Names (or, with nothing typed, clears) the story of the open answer.
    fn set_story(&mut self, text: &str) {
        let Screen::Detail(detail) = &mut self.screen else {
            return;
        };
        let name = crate::answer::clean_story(text);
        match self.store.set_story(&detail.id, name.as_deref()) {
            Ok(()) => {
                detail.prompt = None;
                detail.record.story.clone_from(&name);
                self.note(match name {
                    Some(name) => format!("Story set: {name}"),
                    None => "Story cleared".to_owned(),
                });
            }
            Err(e) => self.error(format!("Story not saved: {e}")),
        }
    }

    /// Adds the reviewer's grade or comment to the open answer.
    fn add_review(&mut self, grade: Option<u8>, comment: String) {
        let Screen::Detail(detail) = &mut self.screen else {
            return;
        };
        let review = Review {
            reviewer: self.reviewer.clone(),
            at: self.clock.wall,
            grade,
            comment,
        };
        match self.store.add_review(&detail.id, review) {
            Ok(()) => {
                detail.prompt = None;
                // A blind grader's score appears now: show it from the top.
                detail.scroll = 0;
                match self.store.load(&detail.id) {
                    Ok(record) => detail.record = record,
                    Err(e) => {
                        self.error(format!(
                            "Review saved, but the answer cannot be read again: {e}"
                        ));
                        return;
                    }
                }
                self.note(format!("Review saved as {}", self.reviewer));
            }
            Err(e) => self.error(format!("Review not saved: {e}")),
        }
    }
}

/// Draws the open answer, its reviews and any prompt; blind (no score,
/// evidence or reviews) while [`score_hidden`] says so.
pub fn render_detail(app: &App, detail: &Detail, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let record = &detail.record;
    let [doc, prompt] = parts(detail, area);
    if score_hidden(app, record, Some(detail)) {
        render_hidden(app, record, detail.scroll, doc, buf);
    } else {
        render_record(app, record, reviews(app, record), detail.scroll, doc, buf);
    }
    let lines = match &detail.prompt {
        Some(Prompt::Comment { grade, text }) => {
            let label = match grade {
                Some(g) => format!("Grade {g} · comment (optional): "),
                None => "Comment: ".to_owned(),
            };
            vec![Line::from(vec![
                Span::styled(label, theme.key()),
                Span::raw(text.as_str()),
                Span::styled("▏", theme.key()),
            ])]
        }
        Some(Prompt::Story { text }) => vec![Line::from(vec![
            Span::styled("Story (Tab completes, empty clears): ", theme.key()),
            Span::raw(crate::sanitize::line(text).into_owned()),
            Span::styled("▏", theme.key()),
        ])],
        Some(Prompt::Grade) => vec![
            Line::styled("Grade this answer 1–5:", theme.key()),
            Line::raw(GRADE_SCALE),
        ],
        None => Vec::new(),
    };
    Paragraph::new(lines).render(prompt, buf);
}

/// The answer's document and the prompt below it, in the body `area`.
fn parts(detail: &Detail, area: Rect) -> [Rect; 2] {
    let prompt_height = match detail.prompt {
        Some(Prompt::Grade) => 2,
        Some(Prompt::Comment { .. } | Prompt::Story { .. }) => 1,
        None => 0,
    };
    area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(prompt_height),
    ]))
}

/// The scroll that shows the open answer's last screenful in the body
/// `area`, laid out as [`render_detail`] draws it.
fn bottom(app: &App, detail: &Detail, area: Rect) -> u16 {
    let record = &detail.record;
    let [doc, _] = parts(detail, area);
    if score_hidden(app, record, Some(detail)) {
        hidden_bottom(app, record, doc)
    } else {
        record_bottom(app, record, reviews(app, record), doc)
    }
}

/// The reviews and when the answer was saved, below the answer.
fn reviews(app: &App, record: &AnswerRecord) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut extra = vec![Line::raw(""), Line::styled("Mentor reviews", theme.title())];
    if record.reviews.is_empty() {
        extra.push(Line::styled(
            "none yet: g to grade, c to comment",
            theme.dim(),
        ));
    }
    for r in &record.reviews {
        let grade = r
            .grade
            .map(|g| format!(" · grade {g}/5"))
            .unwrap_or_default();
        extra.push(Line::styled(
            format!("— {}, {}{grade}", r.reviewer, app.local_time(r.at)),
            theme.key(),
        ));
        extra.extend(r.comment.lines().map(|l| Line::raw(format!("  {l}"))));
    }
    extra.push(Line::raw(""));
    extra.push(match &record.story {
        Some(story) => Line::raw(format!("Story: {}", crate::sanitize::line(story))),
        None => Line::styled("Story: none named · t names it", theme.dim()),
    });
    let when = app.local_time(record.created);
    let taken = record
        .seconds_taken
        .map(|s| format!(" · {}:{:02} on the clock", s / 60, s % 60))
        .unwrap_or_default();
    extra.push(Line::raw(""));
    extra.push(Line::styled(format!("Saved {when}{taken}"), theme.dim()));
    extra
}
