//! TUI speed with a large history: frame render of Review and Progress
//! with 10,000 saved answers, keystroke to redrawn frame in Practice, and
//! start (open the store, build the app) to first frame.
//!
//! Run with `cargo bench --bench tui`. Frames are drawn through ratatui's
//! `Terminal` on a `TestBackend`, so the figures include the buffer diff a
//! real terminal draw does, but not writing escape codes to a tty.

#[path = "../tests/tui_support/mod.rs"]
mod tui_support;

use std::path::Path;
use std::sync::LazyLock;

use barraiser::answer::AnswerId;
use barraiser::tui::{App, Message};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ANSWERS: usize = 10_000;
const PRINCIPLES: [&str; 6] = [
    "earn_trust",
    "frugality",
    "dive_deep",
    "ownership",
    "think_big",
    "bias_for_action",
];

/// A data folder with 10,000 answers, written once per run, its index
/// built by a first open.
static HOME: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers");
    std::fs::create_dir_all(&answers).expect("answers folder");
    let start: jiff::Timestamp = "2025-01-01T00:00:00Z".parse().expect("timestamp");
    for i in 0..ANSWERS {
        let principle = PRINCIPLES[i % PRINCIPLES.len()];
        #[allow(clippy::cast_precision_loss)]
        let total = (i * 37 % 101) as f64;
        let mut record = tui_support::record_for(principle, 0, total);
        let at = start + jiff::SignedDuration::from_mins(i64::try_from(i).expect("small") * 10);
        record.created = at;
        record.updated = at;
        record.id = AnswerId::at(at);
        let path = answers.join(format!("{}.json", record.id));
        std::fs::write(path, serde_json::to_vec_pretty(&record).expect("json")).expect("write");
    }
    drop(barraiser::store::Store::open(dir.path()).expect("first open builds the index"));
    dir
});

fn key(app: &mut App, code: KeyCode) {
    if let Some(msg) = barraiser::tui::on_key(app, KeyEvent::new(code, KeyModifiers::NONE)) {
        app.update(msg);
    }
}

/// Types `c` or erases it, turn about, so the text keeps its size.
fn type_or_erase(app: &mut App, typed: &mut bool, c: char) {
    key(
        app,
        if *typed {
            KeyCode::Backspace
        } else {
            KeyCode::Char(c)
        },
    );
    *typed = !*typed;
}

fn loaded_app(home: &Path) -> App {
    let app = tui_support::app(home);
    assert_eq!(app.store.answers().len(), ANSWERS, "fixture loaded");
    app
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("test backend")
}

/// Draws one frame of `app`, as the loop does after every message.
fn frame(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| barraiser::tui::view::render(app, f))
        .expect("draw");
}

fn main() {
    LazyLock::force(&HOME);
    divan::main();
}

#[divan::bench(args = [(80, 24), (120, 40)])]
fn render_review_10k(bencher: Bencher, (width, height): (u16, u16)) {
    let mut app = loaded_app(HOME.path());
    key(&mut app, KeyCode::Char('r'));
    for _ in 0..500 {
        key(&mut app, KeyCode::Down);
    }
    let mut term = terminal(width, height);
    bencher.bench_local(|| {
        frame(&mut term, &app);
    });
}

#[divan::bench(args = [(80, 24), (120, 40)])]
fn render_progress_10k(bencher: Bencher, (width, height): (u16, u16)) {
    let mut app = loaded_app(HOME.path());
    key(&mut app, KeyCode::Char('s'));
    let mut term = terminal(width, height);
    bencher.bench_local(|| {
        frame(&mut term, &app);
    });
}

/// One key into a field already holding a long answer, then the frame.
#[divan::bench(args = [(80, 24), (120, 40)])]
fn practice_keystroke_to_frame(bencher: Bencher, (width, height): (u16, u16)) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = tui_support::app(dir.path());
    key(&mut app, KeyCode::Char('d'));
    key(&mut app, KeyCode::Enter);
    let long = format!("{} ", tui_support::ACTION).repeat(20);
    for _ in 0..3 {
        app.update(Message::Paste(long.clone()));
        key(&mut app, KeyCode::Tab);
    }
    app.update(Message::Paste(long));
    let mut term = terminal(width, height);
    let mut typed = false;
    bencher.bench_local(|| {
        type_or_erase(&mut app, &mut typed, 'x');
        frame(&mut term, &app);
    });
}

/// Open the store of 10,000 answers, build the app, draw the home screen.
#[divan::bench(sample_count = 20)]
fn start_to_first_frame_10k(bencher: Bencher) {
    bencher.bench_local(|| {
        let app = tui_support::app(HOME.path());
        let mut term = terminal(80, 24);
        frame(&mut term, &app);
        app.stats.answers
    });
}

/// Pressing `r` on a fresh start: the list comes from the index (no answer
/// file is read), then it is drawn.
#[divan::bench(sample_count = 10)]
fn open_review_first_time_10k(bencher: Bencher) {
    bencher
        .with_inputs(|| tui_support::app(HOME.path()))
        .bench_local_values(|mut app| {
            key(&mut app, KeyCode::Char('r'));
            let mut term = terminal(80, 24);
            frame(&mut term, &app);
            app
        });
}

/// A keystroke in Review's search box over 10,000 answers: re-rank, redraw.
#[divan::bench(sample_count = 20)]
fn review_search_keystroke_10k(bencher: Bencher) {
    let mut app = loaded_app(HOME.path());
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('/'));
    app.words.finish();
    // Not in the fixture's question, so every answer's text is matched.
    for c in "canar".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let mut term = terminal(80, 24);
    let mut typed = false;
    bencher.bench_local(|| {
        type_or_erase(&mut app, &mut typed, 'y');
        frame(&mut term, &app);
    });
}
