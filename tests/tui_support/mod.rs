//! Shared helpers for the TUI tests: an app on a temporary store with a
//! fixed seed, clock and zone; key presses through the real key mapping;
//! and a fixed, hand-scored answer so report screens do not depend on the
//! scorer's current weights.

#![allow(dead_code)] // each test file uses a different part

use std::path::Path;
use std::time::Duration;

use barraiser::answer::{AnswerId, AnswerRecord, QuestionRef, Review, SCHEMA_VERSION, Star};
use barraiser::bank::{Bank, PrincipleId, QuestionId};
use barraiser::score::{Evidence, PartSummary, Report, SignalId, SignalReport, StarSummary};
use barraiser::store::Store;
use barraiser::tui::{App, Clock, Message, Settings, on_key};
use rand::SeedableRng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// 2026-11-23T10:00:00Z plus `secs`.
pub fn clock(secs: u64) -> Clock {
    let start: jiff::Timestamp = "2026-11-23T10:00:00Z".parse().expect("valid timestamp");
    Clock {
        now: Duration::from_secs(secs),
        wall: start + jiff::SignedDuration::from_secs(i64::try_from(secs).expect("small")),
    }
}

/// An app on a store in `home`, seed 7, UTC, colour on.
pub fn app(home: &Path) -> App {
    let store = Store::open(home).expect("store opens");
    let settings = Settings {
        minutes: 3,
        reviewer: "mentor".to_owned(),
        rng: rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(7),
        color: true,
        tz: jiff::tz::TimeZone::UTC,
        rubric: barraiser::score::Rubric::embedded(),
        blind: barraiser::tui::Blind::WhileGrading,
    };
    App::new(Bank::embedded(), store, settings, clock(0))
}

/// Presses a key as the terminal would deliver it.
pub fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(msg) = on_key(app, KeyEvent::new(code, modifiers)) {
        app.update(msg);
    }
}

pub fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

/// Draws a question from Home and starts answering it.
pub fn start_practice(app: &mut App) {
    press(app, KeyCode::Char('d'));
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen, barraiser::tui::Screen::Practice(_)));
}

pub fn ctrl(app: &mut App, c: char) {
    press_with(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        if c == '\n' {
            press(app, KeyCode::Enter);
        } else {
            press(app, KeyCode::Char(c));
        }
    }
}

pub fn tick(app: &mut App, secs: u64) {
    app.update(Message::Tick(clock(secs)));
}

pub const SITUATION: &str = "Last spring our checkout service failed during the holiday sale.";
pub const TASK: &str = "I owned the release that broke it.";
pub const ACTION: &str = "I didn't check the config diff. I rolled back in 5 minutes, told support, \
                          and added a canary stage and an alarm. The ops team missed the alert.";
pub const RESULT: &str =
    "Errors fell 90% within a week and the canary caught two bad configs since.";

/// Types the four STAR parts, Tab between them.
pub fn type_answer(app: &mut App) {
    type_text(app, SITUATION);
    press(app, KeyCode::Tab);
    type_text(app, TASK);
    press(app, KeyCode::Tab);
    type_text(app, ACTION);
    press(app, KeyCode::Tab);
    type_text(app, RESULT);
}

fn evidence(text: &str, quote: &str) -> Vec<Evidence> {
    let start = text.find(quote).expect("quote is in the text");
    vec![Evidence {
        start,
        end: start + quote.len(),
        text: quote.to_owned(),
    }]
}

fn signal(
    id: SignalId,
    hit: bool,
    points: f64,
    evidence: Vec<Evidence>,
    tip: &str,
) -> SignalReport {
    SignalReport {
        id,
        hit,
        applies: true,
        points,
        evidence,
        tip: tip.into(),
    }
}

/// A fixed, hand-scored answer to `earn_trust-01` with gains, a cost and
/// misses, saved at 2026-11-23T09:00Z + `minutes`.
pub fn fixed_record(minutes: i64, total: f64) -> AnswerRecord {
    let star = Star {
        situation: SITUATION.to_owned(),
        task: TASK.to_owned(),
        action: ACTION.to_owned(),
        result: RESULT.to_owned(),
    };
    let text = star.to_text();
    let part = |s: &str| PartSummary {
        present: true,
        words: s.split_whitespace().count(),
    };
    let signals = vec![
        signal(
            SignalId::OwnsFaultFirst,
            true,
            12.0,
            evidence(&text, "I didn't check the config diff"),
            "Name your own miss first.",
        ),
        signal(
            SignalId::MechanismFix,
            true,
            10.0,
            evidence(&text, "added a canary stage and an alarm"),
            "Show the durable fix.",
        ),
        signal(
            SignalId::ResultQuantified,
            true,
            6.0,
            evidence(&text, "Errors fell 90% within a week"),
            "Put a number on the result.",
        ),
        signal(
            SignalId::BlamesOthers,
            true,
            -8.0,
            evidence(&text, "The ops team missed the alert"),
            "Drop the blame: say what you changed so the alert cannot be missed.",
        ),
        signal(
            SignalId::RootCause,
            false,
            0.0,
            Vec::new(),
            "Ask why more than once: why did the diff go unchecked?",
        ),
        signal(
            SignalId::LessonLearned,
            false,
            0.0,
            Vec::new(),
            "Say what you learned and how you have used it since.",
        ),
        SignalReport {
            id: SignalId::CustomerFocus,
            hit: true,
            applies: false,
            points: 0.0,
            evidence: Vec::new(),
            tip: "".into(),
        },
    ];
    let start: jiff::Timestamp = "2026-11-23T09:00:00Z".parse().expect("valid timestamp");
    let at = start + jiff::SignedDuration::from_mins(minutes);
    AnswerRecord {
        schema_version: SCHEMA_VERSION,
        id: AnswerId(format!("0193a000-0000-7000-8000-{minutes:012}")),
        created: at,
        updated: at,
        question: QuestionRef {
            id: QuestionId("earn_trust-01".to_owned()),
            principle: PrincipleId("earn_trust".to_owned()),
            text: "Tell me about a time you made a mistake that affected customers.".to_owned(),
        },
        star,
        text,
        follow_ups: Vec::new(),
        seconds_taken: Some(151),
        overtime_seconds: None,
        report: Report {
            total,
            principle: "earn_trust".to_owned(),
            question_id: Some("earn_trust-01".to_owned()),
            star: StarSummary {
                situation: part(SITUATION),
                task: part(TASK),
                action: part(ACTION),
                result: part(RESULT),
            },
            signals,
            scorer_version: "test".to_owned(),
            probe: None,
            probe_result: None,
            truncated: false,
        },
        reviews: Vec::new(),
        conflict_of: None,
        story: None,
    }
}

/// An answer to the second question of `principle` (`<principle>-02`):
/// a separate question, so Review does not group it with `-01`'s attempts.
pub fn record_for_second(principle: &str, minutes: i64, total: f64) -> AnswerRecord {
    let mut r = record_for(principle, minutes, total);
    r.question.id = QuestionId(format!("{principle}-02"));
    r
}

/// The same answer re-tagged to another principle and score.
pub fn record_for(principle: &str, minutes: i64, total: f64) -> AnswerRecord {
    let mut r = fixed_record(minutes, total);
    r.question.principle = PrincipleId(principle.to_owned());
    r.question.id = QuestionId(format!("{principle}-01"));
    principle.clone_into(&mut r.report.principle);
    r
}

pub fn review(grade: Option<u8>, comment: &str) -> Review {
    Review {
        reviewer: "mentor".to_owned(),
        at: "2026-11-23T11:00:00Z".parse().expect("valid timestamp"),
        grade,
        comment: comment.to_owned(),
    }
}

/// Draws the app at `width`×`height`.
pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| barraiser::tui::view::render(app, frame))
        .expect("draws");
    terminal
}

/// The screen as plain text, rows joined by newlines.
pub fn screen_text(app: &App, width: u16, height: u16) -> String {
    let terminal = render(app, width, height);
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        for x in 0..width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
