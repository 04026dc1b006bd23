//! The home screen: what to do next, and where you stand.
//!
//! One line of progress (answers saved, mean, weakest principle, drafts),
//! one of reviews due today, the store's warnings and read-only status,
//! and the menu of keys.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::app::{App, Message};
use super::view::clip;

/// The footer hints: every key but `q`, which the menu above shows, so
/// the words still fit at 80 columns.
pub const HINTS: &[(&str, &str)] = &[
    ("d", "draw"),
    ("p", "pick"),
    ("/", "search"),
    ("r", "review"),
    ("s", "progress"),
    ("t", "stories"),
    ("i", "questions"),
    ("?", "help"),
];

/// Home keys.
pub fn on_key(key: KeyEvent) -> Option<Message> {
    match key.code {
        KeyCode::Char('d') => Some(Message::Draw),
        KeyCode::Char('p') => Some(Message::OpenPick),
        KeyCode::Char('/') => Some(Message::OpenSearch),
        KeyCode::Char('r') => Some(Message::OpenReview),
        KeyCode::Char('s') => Some(Message::OpenProgress),
        KeyCode::Char('i') => Some(Message::OpenQuestions),
        KeyCode::Char('t') => Some(Message::OpenStories),
        KeyCode::Char('?') => Some(Message::ToggleHelp),
        // Not Esc: a habitual extra Esc from another screen must not quit.
        KeyCode::Char('q') => Some(Message::Back),
        _ => None,
    }
}

/// The one-line progress summary.
pub fn summary(app: &App) -> String {
    let stats = &app.stats;
    if stats.answers == 0 {
        return format!(
            "No answers saved yet · {} questions over {} principles",
            app.bank.questions().len(),
            app.bank.principles().len()
        );
    }
    #[allow(clippy::cast_precision_loss)]
    let mean = stats
        .principles
        .iter()
        .map(|p| p.mean * p.count as f64)
        .sum::<f64>()
        / stats.answers as f64;
    let mut line = format!(
        "{} answer{} saved · mean {mean:.0}",
        stats.answers,
        if stats.answers == 1 { "" } else { "s" }
    );
    if let Some(weak) = stats
        .principles
        .iter()
        .min_by(|a, b| a.mean.total_cmp(&b.mean))
    {
        let _ = write!(
            line,
            " · weakest: {} ({:.0})",
            app.principle_name(&weak.principle),
            weak.mean
        );
    }
    let untried = app.untried_principles();
    if untried > 0 {
        let _ = write!(line, " · {untried} untried");
    }
    line
}

/// How many questions are due for review today, or when the next one is;
/// nothing before the first answer.
pub fn due_line(app: &App) -> Option<String> {
    let next = app.schedule.first()?;
    let due = app.due_today();
    Some(if due > 0 {
        format!("{due} due today: d draws them first")
    } else {
        let day = next.due.to_zoned(app.tz.clone()).strftime("%a %-d %b");
        format!("0 due today · next review {day}")
    })
}

/// Draws the home screen: summary and store notices, the menu, then any
/// drafts (last, so a short terminal loses them before the menu).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let mut lines = vec![
        Line::from(vec![
            Span::styled("barraiser", theme.title()),
            Span::raw(" — rehearse behavioral interviews"),
        ]),
        Line::raw(summary(app)),
    ];
    if let Some(line) = due_line(app) {
        lines.push(Line::raw(line));
    }
    if !app.store.is_empty() {
        lines.push(Line::raw(app.stories.glance(&app.bank)));
    }
    if app.store.is_read_only() {
        lines.push(Line::styled(
            "Read-only copy: answers cannot be submitted here (see below)",
            theme.error(),
        ));
    }
    for warning in app.store.warnings().iter().chain(app.store.late_warnings()) {
        lines.push(Line::styled(format!("! {warning}"), theme.warn()));
    }
    lines.push(Line::raw(""));
    for (key, what) in [
        (
            "d",
            "draw a question (due reviews first, then your weak spots)",
        ),
        ("p", "pick a principle to practise"),
        ("/", "search the questions"),
        ("r", "review saved answers"),
        ("s", "see progress per principle (Enter draws from one)"),
        (
            "t",
            "your stories: which principles each covers, and the gaps",
        ),
        (
            "i",
            "interviewers: how each question performs, and its answers",
        ),
        ("?", "help"),
        ("q", "quit"),
    ] {
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(key, theme.key()),
            Span::raw("  "),
            Span::raw(what),
        ]));
    }
    let drafts = app.store.drafts();
    if !drafts.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{} draft{} kept; open the question again (/ to search) to carry on:",
                drafts.len(),
                if drafts.len() == 1 { "" } else { "s" }
            ),
            theme.dim(),
        ));
        let width = usize::from(area.width).saturating_sub(6);
        for d in drafts.iter().take(3) {
            let text = app
                .bank
                .question(d.question_id.as_str())
                .map_or(d.question_id.as_str(), |q| q.text.as_str());
            lines.push(Line::styled(
                format!("  · {}", clip(text, width)),
                theme.dim(),
            ));
        }
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(" Home "))
        .render(area, buf);
}
