//! Practice: answer one question in STAR form against the clock.
//!
//! Four multi-line fields (ratatui-textarea) and a one-line Story field
//! (optional: the story this answer tells; Tab there completes the first
//! existing story name that starts with what was typed), Tab/Shift-Tab
//! between them,
//! a word count per field and a share bar of the STAR balance, and a
//! countdown gauge that turns colour in the last 30 s and never stops the
//! typing. Ctrl-S scores and saves at once; Esc keeps a draft; drafts also
//! save themselves a second after typing pauses (at most every 5 s while
//! typing goes on).

mod view;

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use super::app::{App, Command, Message, Screen};
use super::report::ReportView;
use crate::answer::Star;
use crate::bank::Question;
use crate::store::Draft;

pub use view::render;

/// The footer hints.
pub const HINTS: &[(&str, &str)] = &[
    ("Tab", "next field"),
    ("Ctrl-S", "submit"),
    ("Ctrl-E", "editor"),
    ("Esc", "keep draft"),
    ("F1", "help"),
];

/// The focus index of the one-line Story field, after the four STAR parts.
pub const STORY: usize = 4;

/// The STAR field names, in order.
pub const PARTS: [&str; 4] = ["Situation", "Task", "Action", "Result"];

pub(super) const PLACEHOLDERS: [&str; 4] = [
    "When and where? Which team or project? What was at stake?",
    "What were you responsible for? What was your goal?",
    "What did you do, step by step? Say \"I\", name the details.",
    "What happened? A number, a time, money. What did you learn?",
];

/// Idle time after the last keystroke before a draft is saved.
pub(super) const AUTOSAVE_IDLE: Duration = Duration::from_secs(1);
/// Longest time unsaved typing may go on before a draft is saved anyway.
const AUTOSAVE_MAX: Duration = Duration::from_secs(5);

/// An answer being written.
#[derive(Debug, Clone)]
pub struct Practice {
    pub question: Question,
    pub fields: [TextArea<'static>; 4],
    /// The story this answer tells, as typed (optional).
    pub story: String,
    /// 0–3 a STAR field, [`STORY`] the story line.
    pub focus: usize,
    /// `Clock::now` when this screen opened.
    pub started: Duration,
    /// Seconds already spent in earlier sessions (from a draft).
    pub before: u64,
    pub limit: Duration,
    /// Typing not yet saved as a draft: when it began and last happened.
    pub unsaved: Option<(Duration, Duration)>,
    /// A draft save failed on Esc: a second Esc leaves anyway.
    pub leave_armed: bool,
}

impl Practice {
    pub fn new(question: Question, draft: Option<Draft>, app: &App) -> Practice {
        let star = draft.as_ref().map(|d| d.star.clone()).unwrap_or_default();
        let texts = [star.situation, star.task, star.action, star.result];
        let fields = std::array::from_fn(|i| new_field(&texts[i], PLACEHOLDERS[i]));
        let mut practice = Practice {
            question,
            fields,
            story: String::new(),
            focus: 0,
            started: app.clock.now,
            before: draft.map_or(0, |d| d.seconds_elapsed),
            limit: Duration::from_secs(u64::from(app.minutes) * 60),
            unsaved: None,
            leave_armed: false,
        };
        practice.set_focus(0);
        practice
    }

    /// The answer as typed.
    pub fn star(&self) -> Star {
        let [s, t, a, r] = &self.fields;
        Star {
            situation: s.lines().join("\n"),
            task: t.lines().join("\n"),
            action: a.lines().join("\n"),
            result: r.lines().join("\n"),
        }
    }

    /// Seconds on the clock so far.
    pub fn elapsed(&self, now: Duration) -> u64 {
        self.before + now.saturating_sub(self.started).as_secs()
    }

    /// Seconds past the limit, when the clock has run out.
    pub fn overtime(&self, now: Duration) -> Option<u64> {
        let over = -self.remaining(now);
        u64::try_from(over).ok().filter(|&s| s > 0)
    }

    /// Seconds left, rounded up so a fresh clock reads 3:00, not 2:59;
    /// negative once time is up.
    pub fn remaining(&self, now: Duration) -> i64 {
        let spent = Duration::from_secs(self.before) + now.saturating_sub(self.started);
        let limit = self.limit.as_millis();
        let spent = spent.as_millis();
        #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
        if spent <= limit {
            (limit - spent).div_ceil(1000) as i64
        } else {
            -(((spent - limit) / 1000) as i64)
        }
    }

    /// Adds each non-empty part of `star` to its field (after what is
    /// already there) and focuses the last one filled; names the fields.
    fn fill(&mut self, star: &Star) -> String {
        let parts = [&star.situation, &star.task, &star.action, &star.result];
        let mut names = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            if part.trim().is_empty() {
                continue;
            }
            let old = self.fields[i].lines().join("\n");
            let text = if old.trim().is_empty() {
                part.clone()
            } else {
                format!("{}\n{part}", old.trim_end())
            };
            self.fields[i] = new_field(&text, PLACEHOLDERS[i]);
            self.focus = i;
            names.push(PARTS[i]);
        }
        self.set_focus(self.focus);
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    }

    fn set_focus(&mut self, focus: usize) {
        self.focus = focus;
        for (i, field) in self.fields.iter_mut().enumerate() {
            field.set_cursor_style(if i == focus {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            });
        }
    }

    fn edited(&mut self, now: Duration) {
        let since = self.unsaved.map_or(now, |(first, _)| first);
        self.unsaved = Some((since, now));
        self.leave_armed = false;
    }
}

/// A STAR field: soft-wrapped, no cursor-line underline.
pub fn new_field(text: &str, placeholder: &str) -> TextArea<'static> {
    let mut field = TextArea::new(text.split('\n').map(str::to_owned).collect());
    field.set_wrap_mode(WrapMode::WordOrGlyph);
    field.set_cursor_line_style(Style::new());
    field.set_placeholder_text(placeholder);
    // Modifiers rather than colours, so NO_COLOR holds inside fields too.
    field.set_placeholder_style(Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC));
    field.set_selection_style(Style::new().add_modifier(Modifier::REVERSED));
    field.move_cursor(ratatui_textarea::CursorMove::Bottom);
    field.move_cursor(ratatui_textarea::CursorMove::End);
    field
}

/// Terminal paste arrives with `\r` line ends.
pub fn normalize_paste(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Words as whitespace-separated runs, as the share bar counts them.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The keys of every screen that types into a field (Practice and the
/// Report's follow-up): Ctrl-S submits, Ctrl-E hands the field to
/// `$EDITOR`, Esc goes back, F1 is help, and anything else is typing.
pub fn on_field_key(key: KeyEvent) -> Message {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('s') if ctrl => Message::Submit,
        KeyCode::Char('e') if ctrl => Message::OpenEditor,
        KeyCode::Esc => Message::Back,
        KeyCode::F(1) => Message::ToggleHelp,
        _ => Message::Input(key.into()),
    }
}

/// Practice keys: Tab and Shift-Tab move between the STAR fields; the rest
/// are [`on_field_key`].
#[allow(clippy::unnecessary_wraps)] // the same shape as every screen's on_key
pub fn on_key(key: KeyEvent) -> Option<Message> {
    Some(match key.code {
        KeyCode::Tab => Message::NextField,
        KeyCode::BackTab => Message::PrevField,
        _ => on_field_key(key),
    })
}

impl App {
    pub(super) fn update_practice(&mut self, msg: Message) -> Option<Command> {
        let now = self.clock.now;
        let Screen::Practice(p) = &mut self.screen else {
            return None;
        };
        match msg {
            Message::Input(input) if p.focus == STORY => {
                super::search::edit_query(&mut p.story, &input);
            }
            Message::Paste(text) if p.focus == STORY => {
                p.story.push_str(&text.replace(['\r', '\n'], " "));
            }
            Message::NextField if p.focus == STORY => {
                let typed = p.story.trim();
                match super::stories::complete(self.store.summaries(), typed) {
                    Some(name) if !typed.is_empty() => p.story = name,
                    _ => p.set_focus(0),
                }
            }
            Message::Input(input) => {
                let changed = p.fields[p.focus].input(input);
                if changed {
                    p.edited(now);
                }
            }
            Message::Paste(text) => {
                let text = normalize_paste(&text);
                // One heading parser for the scorer and this screen: a
                // paste of notes under STAR headings lands in its fields.
                if let Some(star) = Star::from_headed_text(&text) {
                    let filled = p.fill(&star);
                    p.edited(now);
                    self.note(format!("Pasted by its headings into {filled}"));
                } else {
                    p.fields[p.focus].insert_str(text);
                    p.edited(now);
                }
            }
            Message::NextField => p.set_focus((p.focus + 1) % 5),
            Message::PrevField => p.set_focus((p.focus + 4) % 5),
            Message::OpenEditor if p.focus == STORY => {}
            Message::OpenEditor => {
                let text = p.fields[p.focus].lines().join("\n");
                return Some(Command::Editor { text });
            }
            Message::EditorDone(edited) => {
                if let Some(text) = edited.text
                    && p.focus < STORY
                {
                    let focus = p.focus;
                    let text = text.strip_suffix('\n').unwrap_or(&text);
                    p.fields[focus] = new_field(text, PLACEHOLDERS[focus]);
                    p.set_focus(focus);
                    p.edited(now);
                }
                if let Some(e) = edited.problem {
                    self.error(format!("Editor: {e}"));
                }
            }
            Message::Submit => self.submit(),
            Message::Back => {
                let armed = p.leave_armed;
                let kept = !p.star().is_empty();
                if self.save_draft() {
                    self.screen = Screen::Home;
                    if kept {
                        self.note("Draft kept: Home lists it, and Enter there carries on".into());
                    }
                } else if armed {
                    self.keep_unsaved();
                    self.screen = Screen::Home;
                    self.error(
                        "Left without saving the draft: it is printed in the terminal when you quit"
                            .into(),
                    );
                } else if let Screen::Practice(p) = &mut self.screen {
                    p.leave_armed = true;
                    self.status = self.status.take().map(|mut s| {
                        s.text.push_str("; Esc again leaves without it");
                        s
                    });
                }
            }
            _ => {}
        }
        None
    }

    /// Saves a draft when typing has paused, or gone on a while unsaved.
    pub(super) fn autosave(&mut self) {
        let now = self.clock.now;
        if let Screen::Practice(p) = &self.screen
            && let Some((first, last)) = p.unsaved
            && (now.saturating_sub(last) >= AUTOSAVE_IDLE
                || now.saturating_sub(first) >= AUTOSAVE_MAX)
        {
            self.save_draft();
        }
    }

    /// Saves the answer in progress as a draft (or drops the draft when
    /// every field is empty). False, with the reason in the status line,
    /// when the store refused; the text stays on screen either way.
    pub(super) fn save_draft(&mut self) -> bool {
        let Screen::Practice(p) = &mut self.screen else {
            return true;
        };
        let star = p.star();
        let draft = Draft {
            question_id: p.question.id.clone(),
            seconds_elapsed: p.elapsed(self.clock.now),
            star,
            follow_up: String::new(),
            updated: self.clock.wall,
        };
        // Saved or not, wait for the next keystroke before trying again.
        p.unsaved = None;
        let result = if draft.star.is_empty() {
            self.store.discard_draft(&draft.question_id)
        } else {
            self.store.save_draft(&draft)
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                self.error(format!("Draft not saved: {e} (your text is still here)"));
                false
            }
        }
    }

    /// Opens Practice on `record`'s question again, its story filled in,
    /// so the next report compares with it.
    pub(super) fn answer_again(&mut self, record: &crate::answer::AnswerRecord) {
        let Some(question) = self.bank.question(record.question.id.as_str()).cloned() else {
            self.error(format!(
                "{} is no longer in the question bank: it cannot be answered again",
                crate::sanitize::line(record.question.id.as_str())
            ));
            return;
        };
        let draft = self.store.load_draft(&question.id);
        let mut practice = Practice::new(question, draft, self);
        practice.story = record.story.clone().unwrap_or_default();
        self.screen = Screen::Practice(Box::new(practice));
    }

    /// Scores and saves the answer, then shows its report.
    fn submit(&mut self) {
        let Screen::Practice(p) = &self.screen else {
            return;
        };
        let star = p.star();
        if star.is_empty() {
            self.error("Nothing to submit yet: write at least one field".to_owned());
            return;
        }
        let q = &p.question;
        // The same path as `barraiser answer`: words → scored record.
        let words = crate::submit::Words::from_star(star);
        let mut record = crate::submit::record(self.clock.wall, q, words, &self.rubric);
        record.seconds_taken = Some(p.elapsed(self.clock.now));
        record.overtime_seconds = p.overtime(self.clock.now);
        record.story = crate::answer::clean_story(&p.story);
        // The interviewer digs into the weakest part of the answer; the
        // probe is saved with it.
        let probe = crate::probe::choose(
            &record.report,
            &self.rubric,
            crate::probe::Probes::embedded(),
            &q.follow_ups,
            &mut self.rng,
        );
        record.report.probe = Some(probe.clone());
        let probe = probe.text;
        let question_id = q.id.clone();
        let delta = crate::attempts::previous(
            self.store.summaries(),
            &question_id,
            &record.id,
            record.created,
        )
        .map(|before| crate::attempts::delta(before, &record.report));
        if let Err(e) = self.store.save(record.clone()) {
            self.error(format!("Answer not saved: {e} (your text is still here)"));
            self.save_draft();
            return;
        }
        self.refresh_stats();
        self.words.add(&record);
        if let Err(e) = self.store.discard_draft(&question_id) {
            self.error(format!("Answer saved, but its old draft stays: {e}"));
        }
        self.screen = Screen::Report(Box::new(ReportView::new(record, probe).with_delta(delta)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_line_ends_become_newlines() {
        assert_eq!(normalize_paste("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn words_are_counted_on_whitespace() {
        assert_eq!(count_words("  I fixed\nthe build "), 4);
        assert_eq!(count_words(""), 0);
    }
}
