//! Text from data, made safe to meet a terminal.
//!
//! Answers, reviewer names, comments, question banks and imported files
//! come from other people and other machines. Printed raw, a string such as
//! `"\u{1b}]0;…\u{7}\u{1b}[2J"` retitles and clears the reader's terminal,
//! and a bidirectional override makes a line read differently from what it
//! holds. Every human-readable output passes such text through this module
//! first; JSON output does not (JSON escapes control characters itself and
//! must stay exact).
//!
//! Control characters are not dropped but written as a visible escape
//! (`\u{1b}`), so a reader can see that something odd was there. The TUI
//! needs none of this: ratatui's buffer already skips control characters.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character escaped except newline and tab,
/// for text that spans lines: an answer, a comment, a Markdown packet.
pub fn text(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n' || c == '\t')
}

/// `text` with every control character escaped, newline and tab included,
/// for what must stay on one line: a name, an id, a file name, a table cell.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// Whether `c` can change what a terminal shows beyond printing itself:
/// C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and
/// isolates.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) && !keep(c);
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_and_clear_sequence_becomes_visible_and_harmless() {
        assert_eq!(
            text("\u{1b}]0;owned\u{7}\u{1b}[2Jhi"),
            "\\u{1b}]0;owned\\u{7}\\u{1b}[2Jhi"
        );
    }

    #[test]
    fn text_keeps_newlines_and_tabs_and_line_escapes_them() {
        assert_eq!(text("a\n\tb\r"), "a\n\tb\\u{d}");
        assert_eq!(line("a\n\tb"), "a\\u{a}\\u{9}b");
    }

    #[test]
    fn c1_controls_and_bidi_overrides_are_escaped() {
        assert_eq!(line("x\u{9b}2Jy"), "x\\u{9b}2Jy");
        assert_eq!(line("abc\u{202e}fed"), "abc\\u{202e}fed");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let plain = "Café — “quoted”, 100% ✓";
        assert!(matches!(line(plain), Cow::Borrowed(s) if s == plain));
    }
}
