//! Quitting without losing a word. Ctrl-C, a signal or a lost terminal
//! first save what is typed (a practice draft, a follow-up). What the store
//! refuses is kept as [`Unsaved`] and printed to stderr once the terminal
//! is restored (see `tui::run`), which then exits 1; an interactive Ctrl-C
//! stops once first to say so on screen.

use super::app::{App, Screen};

/// Typed text the store refused, printed to stderr once the terminal is
/// restored so that quitting never loses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// What it is, e.g. "your answer to earn_trust-01".
    pub what: String,
    /// Why it could not be saved: the store's last refusal.
    pub why: String,
    pub text: String,
}

impl App {
    /// Quits after saving what would otherwise be lost. Text the store
    /// refuses is kept in [`App::unsaved`] to be printed; an interactive
    /// quit (`forced` false) first stops once to say so on screen.
    pub(super) fn quit_saving(&mut self, forced: bool) {
        if self.save_before_quit() {
            self.quit = true;
        } else if forced || self.quit_armed {
            self.keep_unsaved();
            self.quit = true;
        } else {
            self.quit_armed = true;
            let why = self.status.take().map_or_else(String::new, |s| s.text);
            self.error(format!(
                "Ctrl-C again quits and prints your text in the terminal. {why}"
            ));
        }
    }

    /// Saves a practice draft or a typed follow-up; false when the store
    /// refused (the reason is in the status line).
    fn save_before_quit(&mut self) -> bool {
        match &self.screen {
            Screen::Practice(_) => self.save_draft(),
            Screen::Report(_) => self.save_follow_up(),
            _ => true,
        }
    }

    /// Keeps the text of the current screen that the store refused, so it
    /// is printed when the TUI ends.
    pub(super) fn keep_unsaved(&mut self) {
        let (what, text) = match &self.screen {
            Screen::Practice(p) => (
                format!("your answer to {}", p.question.id),
                p.star().to_text(),
            ),
            Screen::Report(view) => (
                format!(
                    "your follow-up to {} (\"{}\")",
                    view.record.question.id, view.probe
                ),
                view.follow_up_text(),
            ),
            _ => return,
        };
        if text.trim().is_empty() {
            return;
        }
        let why = self
            .status
            .as_ref()
            .filter(|s| s.error)
            .map_or_else(String::new, |s| {
                s.text
                    .trim_end_matches(" (your text is still here)")
                    .to_owned()
            });
        self.unsaved.push(Unsaved { what, why, text });
    }
}
