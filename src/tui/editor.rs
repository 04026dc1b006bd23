//! Entering and leaving the terminal, and handing it to `$EDITOR`.
//!
//! The TUI owns the terminal between [`enter`] and [`leave`]. To edit a
//! long answer in the user's editor it leaves, runs `$VISUAL` (then
//! `$EDITOR`, then `vi`) on a temporary file, reads the file back and
//! enters again. ratatui's init installs a panic hook that restores the
//! terminal, so a panic leaves a usable shell too.

use std::io::{self, Write};
use std::process::Command;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

/// Raw mode, alternate screen, bracketed paste.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    Ok(terminal)
}

/// Gives the terminal back as it was.
pub fn leave() {
    // Best effort: a failure here cannot be shown anywhere better.
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// The editor command line: `VISUAL`, then `EDITOR` (empty means unset),
/// then `vi`, split as a shell would.
pub fn editor_command() -> Result<Vec<String>, String> {
    let line = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_owned());
    let words =
        shell_words::split(&line).map_err(|e| format!("cannot read editor '{line}': {e}"))?;
    if words.is_empty() {
        return Err("the editor command is empty".to_owned());
    }
    Ok(words)
}

/// Edits `text` in the external editor; the edited text or why not.
pub fn edit(terminal: &mut DefaultTerminal, text: &str) -> Result<String, String> {
    leave();
    let result = run_editor(text);
    match enter() {
        Ok(t) => *terminal = t,
        Err(e) => return Err(format!("could not take the terminal back: {e}")),
    }
    // The editor drew over the screen: repaint all of it.
    let _ = terminal.clear();
    result
}

fn run_editor(text: &str) -> Result<String, String> {
    let words = editor_command()?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let path = std::env::temp_dir().join(format!("barraiser-{}-{nanos}.md", std::process::id()));
    let write = || -> io::Result<()> {
        // A new file only (never one someone placed there), readable by
        // the user alone: it holds their answer.
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&path)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    };
    write().map_err(|e| format!("{}: {e}", path.display()))?;
    let status = Command::new(&words[0])
        .args(&words[1..])
        .arg(&path)
        .status();
    let read = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    match status {
        Ok(s) if s.success() => read.map_err(|e| format!("{}: {e}", path.display())),
        Ok(s) => Err(format!(
            "{} exited with {s}; the field is unchanged",
            words[0]
        )),
        Err(e) => Err(format!("cannot start '{}': {e}", words[0])),
    }
}
