//! The home screen: what to do next, and where you stand.
//!
//! The intro (progress, reviews due today, the store's warnings and
//! read-only status), the menu of keys, and the drafts kept (↑↓ to choose,
//! Enter carries on). A large terminal (120×40) also shows the latest
//! answers and the questions due today beside them. Each panel is one
//! function, so a new one is one more function and one more place in
//! [`render`]. The drafts are copied from the store when Home opens
//! ([`super::home_drafts`]); drawing only reads.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Message};
use super::home_drafts::{draft_lines, drafts_area};
use super::view::clip;

/// The footer hints. The drafts' keys (↑↓, Enter) are told above the
/// drafts, where they apply, so the footer still fits 80 columns.
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
        KeyCode::Up | KeyCode::Char('k') => Some(Message::Up),
        KeyCode::Down | KeyCode::Char('j') => Some(Message::Down),
        KeyCode::Home | KeyCode::Char('g') => Some(Message::First),
        KeyCode::End | KeyCode::Char('G') => Some(Message::Last),
        KeyCode::Enter => Some(Message::Select),
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

/// Terminals at least this wide and tall show the side panels.
const WIDE: (u16, u16) = (100, 30);

/// Draws the home screen. Narrow: intro, menu, then the drafts (last, so a
/// short terminal loses them before the menu). Wide: the drafts, recent
/// answers and reviews due today fill the room below.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered().title(" Home ");
    let inner = block.inner(area);
    block.render(area, buf);
    let top = top_lines(app);
    let drafts = drafts_area(app, area);
    if is_narrow(inner) {
        Paragraph::new(top)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
        if let Some(drafts) = drafts {
            Clear.render(drafts, buf);
            let lines = draft_lines(app, drafts.width, usize::from(drafts.height));
            Paragraph::new(lines).render(drafts, buf);
        }
        return;
    }
    let [head, _, panels] = wide_parts(inner, top.len());
    Paragraph::new(top)
        .wrap(Wrap { trim: false })
        .render(head, buf);
    let [left, _, right] = panels.layout(&Layout::horizontal([
        Constraint::Percentage(50),
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    let rows = usize::from(panels.height);
    Paragraph::new(recent_lines(app, left.width, rows)).render(left, buf);
    let mut side = draft_lines(app, right.width, rows / 2);
    if !side.is_empty() {
        side.push(Line::raw(""));
    }
    side.extend(due_lines(app, right.width, rows / 2));
    Paragraph::new(side).render(right, buf);
}

/// Too narrow or short for the side panels.
pub(super) fn is_narrow(inner: Rect) -> bool {
    inner.width < WIDE.0 || inner.height < WIDE.1
}

/// The intro and the menu, with a blank row between.
pub(super) fn top_lines(app: &App) -> Vec<Line<'static>> {
    let mut top = intro_lines(app);
    top.push(Line::raw(""));
    top.extend(menu_lines(app));
    top
}

/// A wide Home's intro, a blank row, and the panels.
pub(super) fn wide_parts(inner: Rect, top_rows: usize) -> [Rect; 3] {
    let top_rows = u16::try_from(top_rows).unwrap_or(u16::MAX);
    inner.layout(&Layout::vertical([
        Constraint::Length(top_rows),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]))
}

/// The title, the progress summary, what is due, and the store's notices.
fn intro_lines(app: &App) -> Vec<Line<'static>> {
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
    lines
}

/// The keys Home answers to, one a line.
fn menu_lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme();
    [
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
    ]
    .into_iter()
    .map(|(key, what)| {
        Line::from(vec![
            Span::raw("  "),
            Span::styled(key, theme.key()),
            Span::raw("  "),
            Span::raw(what),
        ])
    })
    .collect()
}

/// The question's text for a list row, or its id when the bank lacks it.
pub(super) fn question_text<'a>(app: &'a App, id: &'a crate::bank::QuestionId) -> &'a str {
    app.bank
        .question(id.as_str())
        .map_or(id.as_str(), |q| &q.text)
}

/// The latest answers, newest first: when, the score, the question.
fn recent_lines(app: &App, width: u16, max: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let mut lines = vec![Line::styled("Recent answers", theme.title())];
    let mut recent: Vec<_> = app.store.summaries().iter().collect();
    if recent.is_empty() {
        lines.push(Line::styled(
            "None yet: d draws your first question.",
            theme.dim(),
        ));
        return lines;
    }
    recent.sort_by_key(|s| std::cmp::Reverse(s.created));
    let width = usize::from(width);
    for s in recent.into_iter().take(max.saturating_sub(1)) {
        let when = app.local_time(s.created);
        let room = width.saturating_sub(when.len() + 7);
        lines.push(Line::from(vec![
            Span::styled(when, theme.dim()),
            Span::styled(format!(" {:>3.0}  ", s.total.round()), theme.score(s.total)),
            Span::raw(clip(question_text(app, &s.question), room)),
        ]));
    }
    lines
}

/// The questions due for review today, with their last score.
fn due_lines(app: &App, width: u16, max: usize) -> Vec<Line<'static>> {
    let theme = app.theme();
    let due: Vec<_> = crate::schedule::due_now(&app.schedule, app.clock.wall).collect();
    let mut lines = vec![Line::styled(
        format!("Due today · {}", due.len()),
        theme.title(),
    )];
    if due.is_empty() {
        lines.push(Line::styled("Nothing to review today.", theme.dim()));
        return lines;
    }
    let width = usize::from(width);
    let shown = max.saturating_sub(2).max(1);
    for s in due.iter().take(shown) {
        let room = width.saturating_sub(9);
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:>3.0}  ", s.last_total.round()),
                theme.score(s.last_total),
            ),
            Span::raw(clip(question_text(app, &s.question_id), room)),
        ]));
    }
    if due.len() > shown {
        lines.push(Line::styled(
            format!("  … and {} more: d draws them first", due.len() - shown),
            theme.dim(),
        ));
    }
    lines
}
