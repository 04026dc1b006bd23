//! The report of a scored answer, and the interviewer's follow-up probe.
//!
//! The scored answer is drawn by [`scored`] (shared with the read-only
//! view in Review); this screen adds the probe and the field to answer it,
//! saved into the same record through the store. When the question was
//! answered before, a line shows what changed since the last attempt
//! ([`crate::attempts`]); Ctrl-T answers the same question again (not a
//! plain `a`: every printable key types into the follow-up here).

mod evidence;
pub mod scored;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use scored::{record_bottom, render_record};

use super::app::{App, Command, Message, Screen};
use super::practice::{new_field, normalize_paste, on_field_key};
use super::view::wrapped_height;
use crate::answer::{AnswerRecord, FollowUp};
use crate::attempts::Delta;
use crate::probe::{self, Probes};
use crate::score::summary::signed_points;
use crate::score::{Report, Target};

/// The footer hints.
/// Short enough that the words fit at 80 columns.
pub const HINTS: &[(&str, &str)] = &[
    ("type", "reply"),
    ("Ctrl-S", "save"),
    ("PgUp/Dn", "scroll"),
    ("Ctrl-T", "again"),
    ("Esc", "save, home"),
    ("F1", "help"),
];

/// A just-scored answer and the follow-up being typed.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub record: AnswerRecord,
    pub probe: String,
    pub follow_up: TextArea<'static>,
    /// The follow-up answer as last saved, to skip needless saves.
    pub saved: String,
    /// When the follow-up was last edited and not yet saved: the record is
    /// saved again once typing pauses, so a crash loses at most a second.
    pub edited: Option<std::time::Duration>,
    pub scroll: u16,
    /// What changed since the last attempt of this question, if any.
    pub delta: Option<Delta>,
}

impl ReportView {
    pub fn new(record: AnswerRecord, probe: String) -> ReportView {
        ReportView {
            record,
            probe,
            follow_up: new_field(
                "",
                "Answer the probe here; Ctrl-S or Esc saves it with your answer",
            ),
            saved: String::new(),
            edited: None,
            scroll: 0,
            delta: None,
        }
    }

    /// This report, compared with the last attempt of its question.
    #[must_use]
    pub fn with_delta(mut self, delta: Option<Delta>) -> ReportView {
        self.delta = delta;
        self
    }

    pub(in crate::tui) fn follow_up_text(&self) -> String {
        self.follow_up.lines().join("\n").trim().to_owned()
    }
}

/// Report keys: Page Up and Page Down scroll the report; the rest are the
/// follow-up field's [`on_field_key`].
#[allow(clippy::unnecessary_wraps)] // the same shape as every screen's on_key
pub fn on_key(key: KeyEvent) -> Option<Message> {
    let ctrl = key
        .modifiers
        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('t') if ctrl => Message::AnswerAgain,
        KeyCode::PageUp => Message::PageUp,
        KeyCode::PageDown => Message::PageDown,
        // Home and End (and g/G) move in the follow-up field: Ctrl jumps.
        KeyCode::Home if ctrl => Message::First,
        KeyCode::End if ctrl => Message::Last,
        _ => on_field_key(key),
    })
}

impl App {
    pub(super) fn update_report(&mut self, msg: Message) -> Option<Command> {
        let now = self.clock.now;
        // End needs the rendered height: the report is laid out only then.
        let last = match (&self.screen, &msg) {
            (Screen::Report(view), Message::Last) => {
                let [doc, ..] = parts(self, view, self.body());
                record_bottom(self, &view.record, Vec::new(), doc)
            }
            _ => 0,
        };
        let Screen::Report(view) = &mut self.screen else {
            return None;
        };
        match msg {
            Message::Input(input) => {
                let changed = view.follow_up.input(input);
                if changed {
                    view.edited = Some(now);
                }
            }
            Message::Paste(text) => {
                view.follow_up.insert_str(normalize_paste(&text));
                view.edited = Some(now);
            }
            Message::PageUp => view.scroll = view.scroll.saturating_sub(5),
            Message::PageDown => view.scroll = view.scroll.saturating_add(5),
            Message::First => view.scroll = 0,
            Message::Last => view.scroll = last,
            Message::OpenEditor => {
                return Some(Command::Editor {
                    text: view.follow_up.lines().join("\n"),
                });
            }
            Message::EditorDone(edited) => {
                if let Some(text) = edited.text {
                    let text = text.strip_suffix('\n').unwrap_or(&text);
                    view.follow_up = new_field(text, "");
                    view.edited = Some(now);
                }
                if let Some(e) = edited.problem {
                    self.error(format!("Editor: {e}"));
                }
            }
            Message::Submit => {
                let saved = self.save_follow_up();
                if saved {
                    self.note("Follow-up saved with your answer".to_owned());
                }
            }
            Message::Back => {
                let saved = self.save_follow_up();
                if saved {
                    self.screen = Screen::Home;
                }
            }
            Message::AnswerAgain => {
                if self.save_follow_up()
                    && let Screen::Report(view) = &self.screen
                {
                    let record = view.record.clone();
                    self.answer_again(&record);
                }
            }
            _ => {}
        }
        None
    }

    /// Saves the follow-up into the record once typing has paused.
    pub(super) fn autosave_follow_up(&mut self) {
        let now = self.clock.now;
        if let Screen::Report(view) = &self.screen
            && view
                .edited
                .is_some_and(|at| now.saturating_sub(at) >= super::practice::AUTOSAVE_IDLE)
            && self.save_follow_up()
            && let Screen::Report(view) = &mut self.screen
        {
            view.edited = None;
        }
    }

    /// Saves a typed follow-up answer into the saved record. False, with
    /// the reason shown, when the store refused.
    pub(super) fn save_follow_up(&mut self) -> bool {
        let Screen::Report(view) = &mut self.screen else {
            return true;
        };
        let answer = view.follow_up_text();
        if answer.is_empty() || answer == view.saved {
            return true;
        }
        let mut record = view.record.clone();
        record.follow_ups.retain(|f| f.probe != view.probe);
        record.follow_ups.push(FollowUp {
            probe: view.probe.clone(),
            answer: answer.clone(),
        });
        record.updated = self.clock.wall;
        // How the reply went moves the total: see `crate::probe`.
        let kind = self
            .bank
            .question(record.question.id.as_str())
            .map(|q| q.kind);
        let target = Target {
            principle: record.question.principle.as_str(),
            question_id: Some(record.question.id.as_str()),
            kind,
        };
        let outcome = probe::judge(
            &record.report,
            &record.text,
            &answer,
            &target,
            &self.rubric,
            Probes::embedded(),
        );
        record.report.probe_result = Some(outcome.result);
        record.report.total = outcome.total;
        match self.store.save(record.clone()) {
            Ok(_) => {
                view.record = record;
                view.saved = answer;
                self.refresh_stats();
                true
            }
            Err(e) => {
                self.error(format!(
                    "Follow-up not saved: {e} (your text is still here)"
                ));
                false
            }
        }
    }
}

/// How the reply to the probe went, and where it moved the total from
/// the scorer's: `probe answered · +6.0 · total 83 → 89`. `None` before a
/// reply was saved.
pub fn probe_outcome(report: &Report) -> Option<String> {
    let result = report.probe_result?;
    let verdict = if result.answered {
        "probe answered"
    } else if result.dodged {
        "probe dodged"
    } else {
        "probe not answered"
    };
    let before = probe::scored_total(report);
    let moved = report.total - before;
    Some(if moved == 0.0 {
        format!("{verdict} · total stays {:.0}", report.total.round())
    } else {
        format!(
            "{verdict} · {} · total {:.0} → {:.0}",
            signed_points(moved),
            before.round(),
            report.total.round()
        )
    })
}

/// Draws the report above the probe and the follow-up field.
pub fn render(app: &App, view: &ReportView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let outcome = probe_outcome(&view.record.report);
    let compare = view
        .delta
        .as_ref()
        .map(|d| compare_line(app, d))
        .unwrap_or_default();
    let [doc, compared, probe, field] = parts(app, view, area);
    Paragraph::new(compare)
        .wrap(Wrap { trim: true })
        .render(compared, buf);
    render_record(app, &view.record, Vec::new(), view.scroll, doc, buf);
    let [asked, result] = probe.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(outcome.is_some())),
    ]));
    Paragraph::new(Line::from(vec![
        Span::styled("Interviewer: ", theme.key()),
        Span::raw(view.probe.as_str()),
    ]))
    .wrap(Wrap { trim: true })
    .render(asked, buf);
    if let (Some(text), Some(r)) = (outcome, view.record.report.probe_result) {
        let style = if r.answered {
            theme.gain()
        } else if r.dodged {
            theme.cost()
        } else {
            theme.dim()
        };
        Span::styled(text, style).render(result, buf);
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.title())
        .title(Line::styled(" ▸ Your follow-up ", theme.title()));
    let inner = block.inner(field);
    block.render(field, buf);
    (&view.follow_up).render(inner, buf);
}

/// The report's document, the comparison with the last attempt, the
/// interviewer's probe and the follow-up field, in the body `area`.
fn parts(app: &App, view: &ReportView, area: Rect) -> [Rect; 4] {
    let outcome = probe_outcome(&view.record.report);
    let probe_rows = wrapped_height(&format!("Interviewer: {}", view.probe), area.width).min(3)
        + u16::from(outcome.is_some());
    let compare_rows = view.delta.as_ref().map_or(0, |d| {
        wrapped_height(&compare_line(app, d).to_string(), area.width).min(3)
    });
    area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(compare_rows),
        Constraint::Length(probe_rows),
        Constraint::Length(4),
    ]))
}

/// "Since your last attempt (23 Nov 09:00): 41 → 58, +17 · gained: root
/// cause, result quantified · lost: specificity · same: 5". A red flag
/// gained is shown as a cost, one lost as a gain.
pub fn compare_line(app: &App, d: &Delta) -> Line<'static> {
    let theme = app.theme();
    let change = d.change();
    let moved = if change.round() == 0.0 {
        "no change".to_owned()
    } else {
        format!("{change:+.0}")
    };
    let mut spans = vec![
        Span::styled(
            format!("Since your last attempt ({}): ", app.local_time(d.since)),
            theme.key(),
        ),
        Span::styled(
            format!(
                "{:.0} → {:.0}, {moved}",
                d.previous_total.round(),
                d.total.round()
            ),
            theme.score(d.total),
        ),
    ];
    for (label, ids, good) in [("gained", &d.gained, true), ("lost", &d.lost, false)] {
        if ids.is_empty() {
            continue;
        }
        spans.push(Span::raw(format!(" · {label}: ")));
        for (n, id) in ids.iter().enumerate() {
            if n > 0 {
                spans.push(Span::raw(", "));
            }
            let style = if good == id.is_red_flag() {
                theme.cost()
            } else {
                theme.gain()
            };
            spans.push(Span::styled(id.name(), style));
        }
    }
    spans.push(Span::styled(
        format!(" · same: {}", d.same.len()),
        theme.dim(),
    ));
    Line::from(spans)
}
