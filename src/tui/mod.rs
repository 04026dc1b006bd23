//! The terminal front end: the practice loop a candidate lives in.
//!
//! One loop: event → [`Message`] (each screen's `on_key`) →
//! [`App::update`] → [`view::render`] of `&App`. This module owns the
//! terminal's lifecycle (tty check, raw mode, bracketed paste, restoring on
//! every exit path, suspending for `$EDITOR`), turns signals into a clean
//! quit, and feeds the clock in every 250 ms. Screens live one per module;
//! nothing here reads or writes user files except through the store.

mod app;
mod blind;
mod detail;
mod drawn;
mod editor;
mod help;
mod home;
mod home_drafts;
mod input;
mod mouse;
mod pick;
mod practice;
mod progress;
mod questions;
mod quit;
mod report;
mod review;
mod review_groups;
mod review_picker;
mod search;
pub mod stories;
mod theme;
pub mod view;
mod words;

use std::io::{self, IsTerminal};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use input::Next;

use rand::SeedableRng;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub use app::{App, Blind, Clock, Command, Message, Screen, Settings, Status, Unsaved};
pub use detail::{Detail, Prompt};
pub use drawn::Drawn;
pub use editor::Edited;
pub use mouse::on_mouse;
pub use practice::Practice;
pub use questions::{QuestionSort, QuestionsView};
pub use report::ReportView;
pub use review::{ReviewList, Sort};
pub use words::{AnswerWords, Words};

use crate::bank::Bank;
use crate::store::Store;

/// Everything the TUI needs from the command line.
pub struct Options {
    pub bank: Bank,
    pub home: Option<std::path::PathBuf>,
    pub minutes: u32,
    pub reviewer: String,
    /// The rubric answers are scored with.
    pub rubric: crate::score::Rubric,
    /// Hide scores in Review until graded, for every answer.
    pub blind: bool,
    /// Shown in the status line at start (a bank file that did not load).
    pub notice: Option<String>,
}

/// Why the TUI could not start.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("barraiser's practice screen needs a terminal; for scripts, see `barraiser --help`")]
    NotATerminal,
    /// The terminal or the data folder failed; the message says which.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Typed text could not be saved; it was printed to stderr instead.
    #[error(
        "{0} could not be saved; {1} printed above so nothing is lost — copy it somewhere safe"
    )]
    Unsaved(String, &'static str),
}

/// How often the clock ticks when no key arrives.
const TICK: Duration = Duration::from_millis(250);

/// Runs the TUI until the user quits.
pub fn run(options: Options) -> Result<(), TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let home = options
        .home
        .ok_or_else(|| io::Error::other("no data folder: pass --home DIR or set BARRAISER_HOME"))?;
    let store = Store::open(&home)
        .map_err(|e| io::Error::other(format!("cannot open the data folder: {e}")))?;
    // SIGINT (from outside: in raw mode Ctrl-C is a key), SIGTERM and
    // SIGHUP set a flag; the loop saves any draft and leaves.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let settings = Settings {
        minutes: options.minutes,
        reviewer: options.reviewer,
        rng: rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(rand::random()),
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        tz: jiff::tz::TimeZone::system(),
        rubric: options.rubric,
        blind: if options.blind {
            Blind::UntilGraded
        } else {
            Blind::WhileGrading
        },
    };
    let started = Instant::now();
    let clock = move || Clock {
        now: started.elapsed(),
        wall: jiff::Timestamp::now(),
    };
    let mut app = App::new(options.bank, store, settings, clock());
    if let Some(notice) = options.notice {
        app.status = Some(Status {
            text: notice,
            error: true,
        });
    }

    let terminal_error = |e: io::Error| io::Error::new(e.kind(), format!("terminal: {e}"));
    let mut terminal = editor::enter().map_err(terminal_error)?;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &stop, &clock)
    }));
    let result = match outcome {
        Ok(result) => result.map_err(terminal_error),
        Err(payload) => {
            // ratatui's hook has already restored the terminal and printed
            // the panic; keep what was typed before unwinding further.
            let _ = panic::catch_unwind(AssertUnwindSafe(|| app.update(Message::Stop)));
            editor::leave();
            print_unsaved(&app.unsaved);
            panic::resume_unwind(payload);
        }
    };
    if !app.quit {
        // The terminal failed (a hung-up tty, say): still keep the draft.
        app.update(Message::Stop);
    }
    editor::leave();
    print_unsaved(&app.unsaved);
    result?;
    match app.unsaved.as_slice() {
        [] => Ok(()),
        [one] => Err(TuiError::Unsaved(capitalise(&one.what), "it is")),
        more => Err(TuiError::Unsaved(
            format!("{} texts you typed", more.len()),
            "they are",
        )),
    }
}

/// Prints text the store refused, once the terminal is back to normal.
fn print_unsaved(unsaved: &[Unsaved]) {
    use std::io::Write;
    let mut err = io::stderr().lock();
    for u in unsaved {
        let why = if u.why.is_empty() {
            String::new()
        } else {
            format!(" ({})", u.why)
        };
        // Best effort: stderr is the last place left to put it.
        let _ = writeln!(
            err,
            "barraiser: {} was not saved{why}; here it is, so nothing is lost:\n{}\n",
            u.what, u.text
        );
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
    clock: &dyn Fn() -> Clock,
) -> io::Result<()> {
    let input = input::Input::spawn()?;
    loop {
        app.update(Message::Tick(clock()));
        if stop.load(Ordering::Relaxed) {
            app.update(Message::Stop);
        }
        if app.quit {
            return Ok(());
        }
        let size = terminal.size()?;
        app.update(Message::Resize(ratatui::layout::Rect::new(
            0,
            0,
            size.width,
            size.height,
        )));
        terminal.draw(|frame| view::render(app, frame))?;
        let mut event = match input.next(TICK) {
            Next::Event(event) => event,
            Next::Timeout => continue,
            Next::Closed(e) => return Err(e),
        };
        // Take everything already waiting before drawing again, so fast
        // typing and unbracketed pastes do not redraw once per key.
        loop {
            app.update(Message::Tick(clock()));
            let msg = match &event {
                Event::Mouse(m) => {
                    let size = terminal.size()?;
                    on_mouse(
                        app,
                        *m,
                        ratatui::layout::Rect::new(0, 0, size.width, size.height),
                    )
                }
                _ => on_event(app, &event),
            };
            if let Some(msg) = msg
                && let Some(Command::Editor { text }) = app.update(msg)
            {
                input.pause();
                let result = editor::edit(terminal, &text);
                input.resume();
                app.update(Message::EditorDone(result));
            }
            match input.ready() {
                Some(next) if !app.quit => event = next,
                _ => break,
            }
        }
    }
}

/// Maps a terminal event to a message for the current screen.
pub fn on_event(app: &App, event: &Event) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => on_key(app, *key),
        Event::Paste(text) if !app.help => Some(Message::Paste(text.clone())),
        _ => None,
    }
}

/// Maps a key press to a message: Ctrl-C anywhere, any key to close help,
/// otherwise the current screen's `on_key`.
pub fn on_key(app: &App, key: KeyEvent) -> Option<Message> {
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return Some(Message::Quit);
    }
    if app.help {
        return Some(Message::ToggleHelp);
    }
    match &app.screen {
        Screen::Home => home::on_key(key),
        Screen::Pick(_) => pick::on_key(key),
        Screen::Search(_) => search::on_key(key),
        Screen::Drawn(_) => drawn::on_key(key),
        Screen::Practice(_) => practice::on_key(key),
        Screen::Report(_) => report::on_key(key),
        Screen::Review(list) => review::on_key(list, key),
        Screen::Detail(detail) => detail::on_key(detail, key),
        Screen::Progress(_) => progress::on_key(key),
        Screen::Stories(_) => stories::on_key(key),
        Screen::Questions(_) => questions::on_key(key),
    }
}
