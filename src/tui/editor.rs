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
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// Raw mode, alternate screen, bracketed paste, the mouse (wheel and
/// clicks; Shift-drag still selects text in most terminals).
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste, EnableMouseCapture)?;
    Ok(terminal)
}

/// Gives the terminal back as it was.
pub fn leave() {
    // Best effort: a failure here cannot be shown anywhere better.
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
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

/// What came back from the external editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The text to put in the field; `None` leaves the field as it was.
    pub text: Option<String>,
    /// What went wrong, to show even when text came back.
    pub problem: Option<String>,
}

impl Edited {
    /// The editor finished normally with `text`.
    pub fn ok(text: impl Into<String>) -> Edited {
        Edited {
            text: Some(text.into()),
            problem: None,
        }
    }

    /// Nothing came back; the field stays as it was.
    pub fn failed(problem: impl Into<String>) -> Edited {
        Edited {
            text: None,
            problem: Some(problem.into()),
        }
    }
}

/// Edits `text` in the external editor; the edited text, and what went
/// wrong if anything did. Text the editor saved is never dropped, even when
/// the terminal cannot be taken back.
pub fn edit(terminal: &mut DefaultTerminal, text: &str) -> Edited {
    leave();
    let mut result = run_editor(text);
    match enter() {
        Ok(t) => *terminal = t,
        Err(e) => {
            result.problem = Some(format!("could not take the terminal back: {e}"));
            return result;
        }
    }
    // The editor drew over the screen: repaint all of it.
    let _ = terminal.clear();
    result
}

fn run_editor(text: &str) -> Edited {
    let words = match editor_command() {
        Ok(words) => words,
        Err(e) => return Edited::failed(e),
    };
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
    if let Err(e) = write() {
        return Edited::failed(format!("{}: {e}", path.display()));
    }
    let status = Command::new(&words[0])
        .args(&words[1..])
        .arg(&path)
        .status();
    // Read whatever the editor left, however it ended: one that was hung
    // up on (SIGHUP) or crashed may well have saved the words first.
    let read = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    let status = match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{} exited with {s}", words[0])),
        Err(e) => Err(format!("cannot start '{}': {e}", words[0])),
    };
    outcome(status, read.map_err(|e| format!("{}: {e}", path.display())))
}

/// Decides what to keep from how the editor ended and what its file holds:
/// a clean exit keeps the file as it is (even emptied, on purpose); a
/// failed one keeps the file only if it holds something.
pub fn outcome(status: Result<(), String>, read: Result<String, String>) -> Edited {
    match (status, read) {
        (Ok(()), Ok(text)) => Edited::ok(text),
        (Ok(()), Err(e)) => Edited::failed(format!("{e}; the field is unchanged")),
        (Err(why), Ok(text)) if !text.trim().is_empty() => Edited {
            text: Some(text),
            problem: Some(format!("{why}; kept the text it had saved")),
        },
        (Err(why), _) => Edited::failed(format!("{why}; the field is unchanged")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_editor_keeps_what_it_saved_unless_that_is_empty() {
        let failed = || Err("vi exited with signal: 1 (SIGHUP)".to_owned());
        let kept = outcome(failed(), Ok("saved words\n".to_owned()));
        assert_eq!(kept.text.as_deref(), Some("saved words\n"));
        assert!(kept.problem.unwrap().contains("kept the text"));
        let empty = outcome(failed(), Ok(" \n".to_owned()));
        assert_eq!(empty.text, None);
        assert!(empty.problem.unwrap().contains("unchanged"));
        assert_eq!(outcome(Ok(()), Ok(String::new())), Edited::ok(""));
        assert_eq!(outcome(failed(), Err("gone".to_owned())).text, None);
    }
}
