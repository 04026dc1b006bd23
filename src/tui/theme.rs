//! Colours and text styles in one place, with a plain fallback.
//!
//! Under `NO_COLOR` every style drops its colour but keeps a modifier
//! (bold, underline, reverse), and the evidence gets `{+ +}` / `{- -}`
//! markers as well, so nothing on screen depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles of one run: coloured or plain.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// Evidence and signals that earned points.
    pub fn gain(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::UNDERLINED)
    }

    /// Evidence and signals that cost points.
    pub fn cost(self) -> Style {
        self.fg(Color::Red)
            .add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A gauge's filled part, by how good the score is.
    pub fn score(self, total: f64) -> Style {
        match total {
            t if t >= 70.0 => self.fg(Color::Green),
            t if t >= 40.0 => self.fg(Color::Yellow),
            _ => self.fg(Color::Red),
        }
    }
}
