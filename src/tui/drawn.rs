//! A drawn (or found) question, before the clock starts: the question, its
//! principle and hint, why the draw chose it, and any draft kept for it.
//! Enter starts answering, and so does any printable key: a person who
//! starts typing the moment the question shows must lose no letter, so the
//! screen's own actions sit on keys nobody types in a sentence (`Ctrl-N`
//! another question, `F1` help, Esc home).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::app::{App, Message, Screen};
use super::practice::Practice;
use super::view::{clip, visible_text};
use crate::bank::{PrincipleId, QuestionId};
use crate::store::Draft;

/// The footer hints.
pub const HINTS: &[(&str, &str)] = &[
    ("Enter", "answer (or just type)"),
    ("Ctrl-N", "another question"),
    ("Esc", "home"),
    ("F1", "help"),
];

/// The question on offer.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub question: QuestionId,
    /// Why it came up, e.g. "never practised".
    pub reason: String,
    /// The principle the draw was limited to (`p`), kept for `n`.
    pub principle: Option<PrincipleId>,
    /// The draft kept from an earlier try, resumed on Enter.
    pub draft: Option<Draft>,
}

impl Drawn {
    pub fn new(
        app: &App,
        question: QuestionId,
        reason: String,
        principle: Option<PrincipleId>,
    ) -> Drawn {
        let draft = app.store.load_draft(&question);
        Drawn {
            question,
            reason,
            principle,
            draft,
        }
    }
}

/// Drawn-question keys. Every printable key (`n`, `q` and `?` too) starts
/// the answer with it, so typing straight away after `d` loses nothing.
pub fn on_key(key: KeyEvent) -> Option<Message> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Enter => Some(Message::Select),
        KeyCode::Char('n') if ctrl => Some(Message::Draw),
        KeyCode::Esc => Some(Message::Back),
        KeyCode::F(1) => Some(Message::ToggleHelp),
        KeyCode::Char(_) if plain => Some(Message::Input(key.into())),
        _ => None,
    }
}

impl App {
    pub(super) fn update_drawn(&mut self, msg: Message) {
        let Screen::Drawn(drawn) = &mut self.screen else {
            return;
        };
        match msg {
            Message::Select | Message::Input(_) | Message::Paste(_) => {
                let Some(question) = self.bank.question(drawn.question.as_str()).cloned() else {
                    return;
                };
                let practice = Practice::new(question, drawn.draft.take(), self);
                self.screen = Screen::Practice(Box::new(practice));
                if matches!(msg, Message::Input(_) | Message::Paste(_)) {
                    self.update_practice(msg);
                }
            }
            Message::Draw => {
                let principle = drawn.principle.take();
                self.draw_question(principle);
            }
            Message::Back => self.screen = Screen::Home,
            _ => {}
        }
    }
}

/// Draws the question on offer.
pub fn render(app: &App, drawn: &Drawn, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let Some(q) = app.bank.question(drawn.question.as_str()) else {
        return;
    };
    // Bank files are the user's: a question may be megabytes long. Lay out
    // no more of each text than the screen can show.
    let fit = |text: &str| visible_text(text, area);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(app.principle_name(&q.principle).to_owned(), theme.title()),
            Span::styled(
                format!(" · {} · {}", q.kind.as_str(), drawn.reason),
                theme.dim(),
            ),
        ]),
        Line::raw(""),
        Line::raw(fit(&q.text)),
        Line::raw(""),
        Line::from(vec![
            Span::styled("Hint: ", theme.key()),
            Span::raw(fit(&q.hint)),
        ]),
    ];
    if let Some(p) = app.bank.principle(q.principle.as_str()) {
        lines.push(Line::from(vec![
            Span::styled("Listens for: ", theme.key()),
            Span::raw(fit(&p.listens_for)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(format!(
        "You have {} minute{} on the clock; it starts when you press Enter or start typing.",
        app.minutes,
        if app.minutes == 1 { "" } else { "s" }
    )));
    if let Some(d) = &drawn.draft {
        let s = &d.star;
        let words: usize = [&s.situation, &s.task, &s.action, &s.result]
            .iter()
            .map(|t| super::practice::count_words(t))
            .sum();
        lines.push(Line::styled(
            format!(
                "A draft is kept ({words} words, {}:{:02} on the clock): Enter carries on from it.",
                d.seconds_elapsed / 60,
                d.seconds_elapsed % 60
            ),
            theme.warn(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(format!(
            " {} ",
            clip(q.id.as_str(), usize::from(area.width).saturating_sub(4))
        )))
        .render(area, buf);
}
