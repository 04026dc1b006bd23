//! Review at scale: 100,000 saved answers. Opening Review (the list comes
//! from the index; no answer is read) and one keystroke in its search box
//! once the answers' words have been read, each with the frame after it;
//! and how long reading those words takes in the background.
//! Targets (issue 12): ≤ 200 ms to open, ≤ 50 ms a keystroke.
//!
//! Run with `cargo bench --bench review`. The first run writes the
//! 100,000 answer files (about 300 MB in the temp folder) and builds the
//! index, which takes a minute or two before the figures start.

#[path = "../tests/tui_support/mod.rs"]
mod tui_support;

use std::sync::LazyLock;

use barraiser::answer::AnswerId;
use barraiser::tui::App;
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ANSWERS: usize = 100_000;
const PRINCIPLES: [&str; 6] = [
    "earn_trust",
    "frugality",
    "dive_deep",
    "ownership",
    "think_big",
    "bias_for_action",
];

static HOME: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers");
    std::fs::create_dir_all(&answers).expect("answers folder");
    let start: jiff::Timestamp = "2024-01-01T00:00:00Z".parse().expect("timestamp");
    for i in 0..ANSWERS {
        let principle = PRINCIPLES[i % PRINCIPLES.len()];
        #[allow(clippy::cast_precision_loss)]
        let total = (i * 37 % 101) as f64;
        let mut record = tui_support::record_for(principle, 0, total);
        let at = start + jiff::SignedDuration::from_mins(i64::try_from(i).expect("small") * 5);
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

fn frame(term: &mut Terminal<TestBackend>, app: &App) {
    term.draw(|f| barraiser::tui::view::render(app, f))
        .expect("draw");
}

fn main() {
    LazyLock::force(&HOME);
    divan::main();
}

/// `r` on a fresh start, then the first frame of the list.
#[divan::bench(sample_count = 10)]
fn open_review_100k(bencher: Bencher) {
    bencher
        .with_inputs(|| tui_support::app(HOME.path()))
        .bench_local_values(|mut app| {
            key(&mut app, KeyCode::Char('r'));
            let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
            frame(&mut term, &app);
            app
        });
}

/// The first `/`: how long until every answer's words have been read and
/// a search covers them all (on a thread; the screen stays live meanwhile).
#[divan::bench(sample_count = 3)]
fn read_all_words_100k(bencher: Bencher) {
    bencher
        .with_inputs(|| {
            let mut app = tui_support::app(HOME.path());
            key(&mut app, KeyCode::Char('r'));
            app
        })
        .bench_local_values(|mut app| {
            key(&mut app, KeyCode::Char('/'));
            app.words.finish();
            app
        });
}

/// One key in the search box (typed or erased, turn about) over 100,000
/// answers whose words have all been read, then the frame.
#[divan::bench(sample_count = 20)]
fn review_search_keystroke_100k(bencher: Bencher) {
    let mut app = tui_support::app(HOME.path());
    key(&mut app, KeyCode::Char('r'));
    key(&mut app, KeyCode::Char('/'));
    app.words.finish();
    assert_eq!(app.words.len(), ANSWERS, "every answer's words read");
    // Not in the fixture's questions, so every answer's words are matched.
    for c in "canar".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    let mut typed = false;
    bencher.bench_local(|| {
        key(
            &mut app,
            if typed {
                KeyCode::Backspace
            } else {
                KeyCode::Char('y')
            },
        );
        typed = !typed;
        frame(&mut term, &app);
    });
}
