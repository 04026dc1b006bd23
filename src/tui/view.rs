//! Drawing the whole app: the screen, the status line, the footer of key
//! hints, the help overlay, and the "too small" notice.
//!
//! Drawing only reads [`App`]; every screen's `render` takes `&App` and its
//! own state by shared reference.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Message, Screen};
use super::theme::Theme;
use super::{
    detail, drawn, help, home, pick, practice, progress, questions, report, review, search, stories,
};

/// The smallest terminal the screens are laid out for: columns…
pub const MIN_WIDTH: u16 = 60;
/// …and rows.
pub const MIN_HEIGHT: u16 = 16;

/// Draws the app into a frame.
pub fn render(app: &App, frame: &mut Frame) {
    render_app(app, frame.area(), frame.buffer_mut());
}

/// Draws the app into any buffer area (used by tests and benchmarks too).
pub fn render_app(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(area, buf, theme);
        return;
    }
    let [body, status, footer] = frame_parts(app, area);
    match &app.screen {
        Screen::Home => home::render(app, body, buf),
        Screen::Pick(s) => pick::render(app, s, body, buf),
        Screen::Search(s) => search::render(app, s, body, buf),
        Screen::Drawn(s) => drawn::render(app, s, body, buf),
        Screen::Practice(s) => practice::render(app, s, body, buf),
        Screen::Report(s) => report::render(app, s, body, buf),
        Screen::Review(s) => review::render_list(app, s, body, buf),
        Screen::Detail(s) => detail::render_detail(app, s, body, buf),
        Screen::Progress(s) => progress::render(app, s, body, buf),
        Screen::Stories(s) => stories::render(app, s, body, buf),
        Screen::Questions(s) => questions::render(app, s, body, buf),
    }
    if let Some(note) = &app.status {
        let style = if note.error {
            theme.error()
        } else {
            theme.warn()
        };
        Paragraph::new(Line::styled(note.text.as_str(), style))
            .wrap(Wrap { trim: true })
            .render(status, buf);
    }
    render_hints(hints(app), footer, buf, theme);
    if app.help {
        help::render(app, area, buf);
    }
}

/// The screen's body, the status line and the footer of a frame. A long
/// note (a refused save names its file) wraps to at most three rows, so
/// what to do next is never cut off.
pub fn frame_parts(app: &App, area: Rect) -> [Rect; 3] {
    let status_rows = app
        .status
        .as_ref()
        .map_or(0, |s| wrapped_height(&s.text, area.width).min(3));
    area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ]))
}

/// The footer's key hints for the current screen.
fn hints(app: &App) -> &'static [(&'static str, &'static str)] {
    match &app.screen {
        Screen::Home => home::HINTS,
        Screen::Pick(_) => pick::HINTS,
        Screen::Search(_) => search::HINTS,
        Screen::Drawn(_) => drawn::HINTS,
        Screen::Practice(_) => practice::HINTS,
        Screen::Report(_) => report::HINTS,
        Screen::Review(s) => review::list_hints(s),
        Screen::Detail(s) => detail::detail_hints(s),
        Screen::Progress(_) => progress::HINTS,
        Screen::Stories(_) => stories::HINTS,
        Screen::Questions(_) => questions::HINTS,
    }
}

/// One line of `key action` pairs; when they do not all fit, the keys
/// alone (every key stays visible), then as many as fit.
pub fn render_hints(pairs: &[(&str, &str)], area: Rect, buf: &mut Buffer, theme: Theme) {
    let width = usize::from(area.width);
    let full: usize = pairs
        .iter()
        .map(|(k, a)| k.chars().count() + a.chars().count() + 3)
        .sum();
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, action) in pairs {
        let text = if full <= width {
            format!(" {action}  ")
        } else {
            " ".to_owned()
        };
        let need = key.chars().count() + text.chars().count();
        if used + need > width {
            break;
        }
        used += need;
        spans.push(Span::styled(*key, theme.key()));
        spans.push(Span::raw(text));
    }
    Line::from(spans).render(area, buf);
}

fn render_too_small(area: Rect, buf: &mut Buffer, theme: Theme) {
    let text = vec![
        Line::styled("Terminal too small", theme.error()),
        Line::from(format!("{}×{}", area.width, area.height)),
        Line::from(format!("needs {MIN_WIDTH}×{MIN_HEIGHT}")),
    ];
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

/// The window of `len` rows of which `height` fit, keeping `selected` in
/// view: the first row to draw.
pub fn window_start(len: usize, selected: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let half = height / 2;
    selected.saturating_sub(half).min(len - height)
}

/// Moves a list's `selected` row for [`Message::First`], [`Message::Last`]
/// and [`Message::ClickRow`]; `last` is the last row's index.
pub fn jump(selected: &mut usize, last: usize, msg: &Message) {
    match msg {
        Message::First => *selected = 0,
        Message::Last => *selected = last,
        Message::ClickRow(row) => *selected = (*row).min(last),
        _ => {}
    }
}

/// A horizontal bar of `width` cells filled to `share` (0.0–1.0).
pub fn bar(share: f64, width: usize) -> String {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let filled = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let mut s = "█".repeat(filled);
    s.push_str(&"░".repeat(width - filled));
    s
}

/// Cuts `text` to at most `width` characters, marking the cut with `…`.
pub fn clip(text: &str, width: usize) -> String {
    // Looks no further than `width` characters: the text may be megabytes.
    if text.char_indices().nth(width).is_none() {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// The start of `text` that can fill `rows` rows of `width` columns once
/// wrapped, and whether anything was cut. A row holds at most `width`
/// characters, so nothing past that many is ever visible: laying out only
/// this much keeps a 10 MB question or a 50 MB answer as quick to draw as
/// a short one.
pub fn visible_part(text: &str, width: u16, rows: usize) -> (&str, bool) {
    let limit = rows.saturating_mul(usize::from(width.max(1)));
    match text.char_indices().nth(limit) {
        Some((end, _)) => (&text[..end], true),
        None => (text, false),
    }
}

/// [`visible_part`] of `text` for an area, with `…` where it was cut.
pub fn visible_text(text: &str, area: Rect) -> String {
    match visible_part(text, area.width, usize::from(area.height)) {
        (part, true) => format!("{part}…"),
        (part, false) => part.to_owned(),
    }
}

/// Rows `text` needs when word-wrapped to `width`, as ratatui wraps it
/// (greedy, by words; a word wider than the line takes whole lines).
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let need = if used == 0 { len } else { used + 1 + len };
        if need <= width {
            used = need;
            continue;
        }
        if used > 0 {
            rows += 1;
        }
        let extra = len.saturating_sub(1) / width;
        rows += extra;
        used = len - extra * width;
    }
    u16::try_from(rows).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_the_selection_in_view() {
        assert_eq!(window_start(5, 4, 10), 0);
        assert_eq!(window_start(100, 0, 10), 0);
        assert_eq!(window_start(100, 50, 10), 45);
        assert_eq!(window_start(100, 99, 10), 90);
    }

    #[test]
    fn bars_and_clips_fit_their_width() {
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(2.0, 3), "███");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn only_what_can_show_is_kept_for_layout() {
        assert_eq!(visible_part("abcdefgh", 3, 2), ("abcdef", true));
        assert_eq!(visible_part("abc", 3, 2), ("abc", false));
        assert_eq!(visible_part("éééé", 1, 2), ("éé", true));
        let huge = "word ".repeat(2_000_000);
        let shown = visible_text(&huge, Rect::new(0, 0, 80, 24));
        assert_eq!(shown.chars().count(), 80 * 24 + 1);
        assert!(shown.ends_with('…'));
        // However it wraps, the kept part still fills every row.
        assert!(wrapped_height(&shown, 80) >= 24);
    }

    #[test]
    fn wrapped_height_counts_word_wrapped_rows() {
        assert_eq!(wrapped_height("one two three", 13), 1);
        assert_eq!(wrapped_height("one two three", 12), 2);
        assert_eq!(wrapped_height("", 10), 1);
        assert_eq!(wrapped_height("abcdefghij", 4), 3);
    }

    #[test]
    fn hints_fall_back_to_keys_alone_so_every_key_shows() {
        let pairs = [("d", "draw"), ("p", "pick"), ("q", "quit")];
        let theme = Theme { color: false };
        let mut wide = Buffer::empty(Rect::new(0, 0, 30, 1));
        render_hints(&pairs, wide.area, &mut wide, theme);
        let mut narrow = Buffer::empty(Rect::new(0, 0, 12, 1));
        render_hints(&pairs, narrow.area, &mut narrow, theme);
        let text = |b: &Buffer| {
            b.content()
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        };
        assert_eq!(text(&wide).trim_end(), "d draw  p pick  q quit");
        assert_eq!(text(&narrow).trim_end(), "d p q");
    }
}
