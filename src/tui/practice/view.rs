//! Drawing the Practice screen: the question, the countdown gauge, the
//! four fields (the focused one open, the others folded to their first
//! line) and the STAR share bar.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Widget, Wrap};

use super::{PARTS, PLACEHOLDERS, Practice, STORY, count_words};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::view::{clip, visible_text, wrapped_height};

/// Draws the Practice screen.
pub fn render(app: &App, p: &Practice, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let q = &p.question;
    // At most three rows of the question: lay out no more than fits them.
    let question_text = visible_text(&q.text, Rect::new(0, 0, area.width, 3));
    let question_lines = wrapped_height(&question_text, area.width).min(3);
    let [head, question, hint, fields, story, share] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(question_lines),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let [title, _, clock] = head.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(24),
    ]));
    let name = app.principle_name(&q.principle);
    let rest = format!(" · {} · {}", q.kind.as_str(), q.id);
    let room = usize::from(title.width).saturating_sub(name.chars().count());
    Line::from(vec![
        Span::styled(name.to_owned(), theme.title()),
        Span::styled(clip(&rest, room), theme.dim()),
    ])
    .render(title, buf);
    render_clock(p, app.clock.now, theme, clock, buf);
    Paragraph::new(question_text)
        .wrap(Wrap { trim: true })
        .render(question, buf);
    if app.store.is_read_only() {
        // Said before the typing starts, not only when a save fails.
        let warning = "Read-only copy: Ctrl-S cannot save here; Esc keeps a draft";
        Line::styled(warning, theme.error()).render(hint, buf);
    } else {
        let hint_text = format!("Hint: {}", clip(&q.hint, usize::from(hint.width)));
        let hint_text = clip(&hint_text, usize::from(hint.width));
        Line::styled(hint_text, theme.dim()).render(hint, buf);
    }

    let counts: Vec<usize> = p
        .fields
        .iter()
        .map(|f| f.lines().iter().map(|l| count_words(l)).sum())
        .collect();
    // A folded field shows up to three wrapped lines of how it begins; the
    // focused one takes the rest of the room.
    let folded_rows = |i: usize| -> u16 {
        let chars: usize = p.fields[i]
            .lines()
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum();
        let width = usize::from(fields.width.max(1));
        u16::try_from(chars.div_ceil(width).clamp(1, 3)).unwrap_or(1)
    };
    let constraints = (0..4).map(|i| {
        if i == p.focus {
            Constraint::Fill(1)
        } else {
            Constraint::Length(1 + folded_rows(i))
        }
    });
    let areas = fields.layout_vec(&Layout::vertical(constraints));
    for (i, field_area) in areas.into_iter().enumerate() {
        let focused = i == p.focus;
        let title_style = if focused { theme.title() } else { theme.dim() };
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(title_style)
            .title(Line::styled(
                format!(
                    " {}{} · {} words ",
                    if focused { "▸ " } else { "" },
                    PARTS[i],
                    counts[i]
                ),
                title_style,
            ));
        let inner = block.inner(field_area);
        block.render(field_area, buf);
        if focused {
            (&p.fields[i]).render(inner, buf);
        } else {
            // A folded field shows how it begins, not where the cursor was.
            let text = p.fields[i].lines().join(" ");
            if text.trim().is_empty() {
                Line::styled(PLACEHOLDERS[i], theme.dim()).render(inner, buf);
            } else {
                let room = usize::from(inner.width) * usize::from(inner.height);
                Paragraph::new(clip(text.trim(), room.saturating_sub(1).max(1)))
                    .wrap(Wrap { trim: true })
                    .render(inner, buf);
            }
        }
    }
    render_story(p, theme, story, buf);
    render_share(&counts, theme, share, buf);
}

/// The one-line Story field: its label, the name typed, a cursor when
/// focused.
fn render_story(p: &Practice, theme: Theme, area: Rect, buf: &mut Buffer) {
    let focused = p.focus == STORY;
    let label = if focused {
        "▸ Story (Tab completes): "
    } else {
        " Story: "
    };
    let style = if focused { theme.title() } else { theme.dim() };
    let mut spans = vec![Span::styled(label, style)];
    if p.story.is_empty() && !focused {
        spans.push(Span::styled(
            "optional — name the story this answer tells",
            theme.dim(),
        ));
    } else {
        let room = usize::from(area.width).saturating_sub(label.chars().count() + 1);
        spans.push(Span::raw(clip(&crate::sanitize::line(&p.story), room)));
    }
    if focused {
        spans.push(Span::styled("▏", theme.key()));
    }
    Line::from(spans).render(area, buf);
}

fn render_clock(p: &Practice, now: Duration, theme: Theme, area: Rect, buf: &mut Buffer) {
    let left = p.remaining(now);
    let limit = p.limit.as_secs().max(1);
    let (label, ratio, color) = if left >= 0 {
        let label = format!("{}:{:02} left", left / 60, left % 60);
        #[allow(clippy::cast_precision_loss, clippy::cast_sign_loss)]
        let ratio = left as f64 / limit as f64;
        let color = if left <= 30 { Color::Red } else { Color::Cyan };
        (label, ratio, color)
    } else {
        let over = -left;
        let label = format!("time's up +{}:{:02}", over / 60, over % 60);
        (label, 0.0, Color::Red)
    };
    let style = if theme.color {
        Style::new().fg(color).bg(Color::Black)
    } else if left <= 30 {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    Gauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label(label)
        .gauge_style(style)
        .render(area, buf);
}

/// One line: how the words split across S, T, A and R, and whether Action
/// carries the most.
fn render_share(counts: &[usize], theme: Theme, area: Rect, buf: &mut Buffer) {
    let total: usize = counts.iter().sum();
    let mut spans = vec![Span::raw("STAR ")];
    let width = usize::from(area.width).saturating_sub(44).clamp(8, 40);
    let colors = [Color::Blue, Color::Magenta, Color::Green, Color::Yellow];
    for (i, &n) in counts.iter().enumerate() {
        let cells = (n * width).checked_div(total).unwrap_or(0);
        if cells == 0 {
            continue;
        }
        let letter = &PARTS[i][..1];
        let style = if theme.color {
            Style::new().fg(colors[i])
        } else {
            Style::new()
        };
        spans.push(Span::styled(
            format!("{letter}{}", "█".repeat(cells - 1)),
            style,
        ));
    }
    let advice = match (counts[2] * 100).checked_div(total) {
        None => " type to see the balance".to_owned(),
        Some(action) if counts[2] >= counts.iter().copied().max().unwrap_or(0) => {
            format!(" Action {action}%: good, it carries the most")
        }
        Some(action) => format!(" Action {action}%: tell more of what you did"),
    };
    spans.push(Span::styled(advice, theme.dim()));
    Line::from(spans).render(area, buf);
}
