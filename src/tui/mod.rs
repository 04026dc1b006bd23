//! The terminal front end.
//!
//! STUB home screen until issue 5 lands the practice loop.

use std::io::IsTerminal;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::Paragraph;

use crate::bank::Bank;

/// Everything the TUI needs from the command line.
pub struct Options {
    pub bank: Bank,
    pub home: Option<std::path::PathBuf>,
    pub minutes: u32,
    pub reviewer: String,
}

/// Why the TUI could not start.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("barraiser's practice screen needs a terminal; for scripts, see `barraiser --help`")]
    NotATerminal,
    #[error("terminal: {0}")]
    Io(#[from] std::io::Error),
}

/// Runs the TUI until the user quits.
pub fn run(options: Options) -> Result<(), TuiError> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let mut terminal = ratatui::try_init()?;
    let text = format!(
        "barraiser — {} questions over {} principles. Press q to quit.",
        options.bank.questions().len(),
        options.bank.principles().len()
    );
    let result = (|| -> std::io::Result<()> {
        loop {
            terminal.draw(|f| f.render_widget(Paragraph::new(text.as_str()), f.area()))?;
            if let Event::Key(k) = event::read()? {
                if k.kind == KeyEventKind::Press
                    && matches!(k.code, KeyCode::Char('q') | KeyCode::Esc)
                {
                    return Ok(());
                }
            }
        }
    })();
    ratatui::restore();
    Ok(result?)
}
