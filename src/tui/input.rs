//! Terminal input on its own thread.
//!
//! crossterm's `event::poll` spins forever once the terminal hangs up (its
//! read loop retries on EOF and on EIO), so a loop that polls on the main
//! thread can never notice SIGHUP or SIGTERM and save the draft. Reading
//! on a thread and receiving with a timeout keeps the main loop's 250 ms
//! tick whatever the terminal does. The reader can be paused while
//! `$EDITOR` owns the terminal, so it does not steal the editor's keys.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

/// How long the reader waits for a key before looking at its flags.
const READER_POLL: Duration = Duration::from_millis(50);

#[derive(Debug, Default)]
struct Flags {
    pause: AtomicBool,
    parked: AtomicBool,
    stop: AtomicBool,
}

/// The receiving end of the input thread.
pub struct Input {
    events: Receiver<io::Result<Event>>,
    flags: Arc<Flags>,
}

/// What waiting for input gave.
pub enum Next {
    Event(Event),
    Timeout,
    /// The reader failed or the terminal went away.
    Closed(io::Error),
}

impl Input {
    /// Starts the reader thread.
    pub fn spawn() -> io::Result<Input> {
        let (tx, events) = mpsc::channel();
        let flags = Arc::new(Flags::default());
        let shared = Arc::clone(&flags);
        std::thread::Builder::new()
            .name("barraiser-input".to_owned())
            .spawn(move || read_loop(&tx, &shared))?;
        Ok(Input { events, flags })
    }

    /// The next event, waiting at most `timeout`.
    pub fn next(&self, timeout: Duration) -> Next {
        match self.events.recv_timeout(timeout) {
            Ok(Ok(event)) => Next::Event(event),
            Ok(Err(e)) => Next::Closed(e),
            Err(RecvTimeoutError::Timeout) => Next::Timeout,
            Err(RecvTimeoutError::Disconnected) => {
                Next::Closed(io::Error::other("terminal input closed"))
            }
        }
    }

    /// An event already waiting, if any.
    pub fn ready(&self) -> Option<Event> {
        match self.events.try_recv() {
            Ok(Ok(event)) => Some(event),
            _ => None,
        }
    }

    /// Stops reading until [`Input::resume`]; returns once the reader is
    /// parked (or after a second, if it is stuck).
    pub fn pause(&self) {
        self.flags.pause.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + Duration::from_secs(1);
        while !self.flags.parked.load(Ordering::SeqCst) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn resume(&self) {
        self.flags.pause.store(false, Ordering::SeqCst);
    }
}

impl Drop for Input {
    /// Asks the reader to stop, and gives it a moment, so it does not eat
    /// the shell's next keystroke.
    fn drop(&mut self) {
        self.flags.stop.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + READER_POLL * 3;
        while !self.flags.parked.load(Ordering::SeqCst) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn read_loop(tx: &mpsc::Sender<io::Result<Event>>, flags: &Flags) {
    loop {
        if flags.stop.load(Ordering::SeqCst) {
            flags.parked.store(true, Ordering::SeqCst);
            return;
        }
        if flags.pause.load(Ordering::SeqCst) {
            flags.parked.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        flags.parked.store(false, Ordering::SeqCst);
        let event = match event::poll(READER_POLL) {
            Ok(false) => continue,
            Ok(true) => event::read(),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => Err(e),
        };
        let failed = event.is_err();
        if tx.send(event).is_err() || failed {
            flags.parked.store(true, Ordering::SeqCst);
            return;
        }
    }
}
