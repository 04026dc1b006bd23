//! The command line: clap definitions and the non-interactive subcommands,
//! one small file each. `main.rs` calls [`run`] and maps [`CliError`] to an
//! exit code; nothing here calls `process::exit`.

mod answer;
mod calibrate;
mod calibrate_store;
mod due;
mod export;
mod import;
mod input;
mod principles;
mod questions;
mod rubric;
mod score;
mod stats;
mod stories;

use std::io;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::bank::Bank;

/// Rehearse behavioral interview answers against leadership principles.
///
/// Run with no command to open the practice screen: draw a question, write
/// a STAR answer (Situation, Task, Action, Result) against the clock, and
/// see every point the scorer gave or took, with the words that earned it.
#[derive(Debug, Parser)]
#[command(
    name = "barraiser",
    version,
    about,
    long_about,
    max_term_width = 100,
    after_help = EXAMPLES
)]
pub struct Args {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

const EXAMPLES: &str = "Examples:
  barraiser                                     practise in the terminal
  barraiser questions --search \"missed deadline\"
  barraiser score --principle earn_trust my-answer.txt
  barraiser answer --question earn_trust-01 --story \"Black Friday\" story.txt
  barraiser export --format md -o review.md     a packet for your mentor
  barraiser rubric > my-rubric.json             then: barraiser --rubric my-rubric.json …";

/// Options every command understands.
#[derive(Debug, clap::Args)]
pub struct Global {
    /// Folder for saved answers, drafts and your own questions
    /// [default: the platform data folder, ~/.local/share/barraiser on Linux]
    #[arg(long, global = true, env = "BARRAISER_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,
    /// Extra questions, or a whole principle set, from a JSON bank file (repeatable)
    #[arg(long, global = true, value_name = "FILE")]
    pub bank: Vec<PathBuf>,
    /// Minutes on the practice clock
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=60))]
    pub minutes: u32,
    /// Practice screen: hide every answer's score and evidence in Review
    /// until you have graded it (a blind grading round)
    #[arg(long)]
    pub blind: bool,
    /// Your name on reviews you add [default: your login name]
    #[arg(long, global = true, env = "BARRAISER_REVIEWER", value_name = "NAME")]
    pub reviewer: Option<String>,
    /// Score with this rubric (JSON; `-` reads stdin) instead of
    /// <home>/rubric.json or the built-in one; see `barraiser rubric`
    #[arg(long, global = true, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// How long a command that saves (answer, import) waits for another
    /// barraiser to finish writing before it gives up
    #[arg(
        long,
        global = true,
        value_name = "SECONDS",
        default_value = "10",
        value_parser = parse_wait
    )]
    pub wait: std::time::Duration,
}

/// `--wait SECONDS`: a number of seconds, fractions allowed, up to a day.
fn parse_wait(text: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of seconds"))?;
    if !(0.0..=86_400.0).contains(&secs) {
        return Err(format!("{text} is out of range: 0 to 86400 seconds"));
    }
    Ok(std::time::Duration::from_secs_f64(secs))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the principles questions are tagged with
    Principles(principles::PrinciplesArgs),
    /// List or search the questions
    Questions(questions::QuestionsArgs),
    /// Score an answer and explain every point
    Score(score::ScoreArgs),
    /// Score an answer written elsewhere and save it
    Answer(answer::AnswerArgs),
    /// Measure how well the scorer agrees with your own labels
    Calibrate(calibrate::CalibrateArgs),
    /// Export saved answers for a mentor (Markdown) or another machine (JSON)
    Export(export::ExportArgs),
    /// Merge answers and reviews from an exported JSON file
    Import(import::ImportArgs),
    /// Progress per principle and per question
    Stats(stats::StatsArgs),
    /// Print the rubric in use (weights, word families, tips) as JSON
    Rubric(rubric::RubricArgs),
    /// Questions due for review: what is due now, or the whole schedule
    Due(due::DueArgs),
    /// Your story bank: each story, the principles it served, and the gaps
    Stories(stories::StoriesArgs),
}

/// A failure, with the exit code it maps to.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad usage or bad input: exit 2.
    #[error("{0}")]
    BadInput(String),
    /// A failure to do the work: exit 1.
    #[error("{0}")]
    Failure(String),
    /// Writing output failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::BadInput(_) => 2,
            CliError::Failure(_) | CliError::Io(_) => 1,
        }
    }

    /// A closed pipe (`barraiser questions | head`) is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl From<crate::bank::BankError> for CliError {
    fn from(err: crate::bank::BankError) -> Self {
        CliError::BadInput(err.to_string())
    }
}

/// What every subcommand shares: the loaded bank and the data folder.
pub struct Context {
    pub bank: Bank,
    pub home: Option<PathBuf>,
    pub reviewer: String,
    /// `--reviewer` or `BARRAISER_REVIEWER` as given (no login-name
    /// default): `calibrate --store` shows only this reviewer.
    pub reviewer_given: Option<String>,
    /// The rubric every score uses, and its text.
    pub rubric: rubric::Loaded,
    /// How long a writer waits for the store's lock (`--wait`).
    pub wait: std::time::Duration,
    /// The time of this run: the wall clock, or `BARRAISER_NOW` in tests.
    pub now: jiff::Timestamp,
    /// The zone dates are shown in, and days start in.
    pub tz: jiff::tz::TimeZone,
}

/// Set to an RFC 3339 time (`2026-11-23T10:00:00Z`), the time every
/// command takes as now: for tests, so saved times and due dates are fixed.
pub const NOW_VAR: &str = "BARRAISER_NOW";

/// The wall clock, or `BARRAISER_NOW` when set.
fn now() -> Result<jiff::Timestamp, CliError> {
    match std::env::var(NOW_VAR) {
        Ok(text) if !text.is_empty() => text.parse().map_err(|e| {
            CliError::BadInput(format!(
                "{NOW_VAR}: '{}' is not an RFC 3339 time such as 2026-11-23T10:00:00Z ({e})",
                crate::sanitize::line(&text)
            ))
        }),
        _ => Ok(jiff::Timestamp::now()),
    }
}

/// Runs the parsed command line.
pub fn run(args: Args) -> Result<(), CliError> {
    // The built-in data is checked before anything uses it; a broken file
    // is a broken build, not the user's input.
    crate::probe::Probes::check_embedded().map_err(|e| CliError::Failure(e.to_string()))?;
    let home = crate::home::resolve(args.global.home.clone());
    let (bank, bank_warning) = load_bank(home.as_deref(), &args.global.bank)?;
    let reviewer = args.global.reviewer.clone().unwrap_or_else(login_name);
    let rubric = rubric::load(home.as_deref(), args.global.rubric.as_ref())?;
    let ctx = Context {
        bank,
        home,
        reviewer,
        reviewer_given: args.global.reviewer.clone(),
        rubric,
        wait: args.global.wait,
        now: now()?,
        tz: jiff::tz::TimeZone::system(),
    };
    if let Some(warning) = &bank_warning {
        warn(warning);
    }
    match args.command {
        None => crate::tui::run(crate::tui::Options {
            bank: ctx.bank,
            home: ctx.home,
            minutes: args.global.minutes,
            reviewer: ctx.reviewer,
            rubric: ctx.rubric.rubric,
            blind: args.global.blind,
            notice: bank_warning,
        })
        .map_err(|e| match e {
            crate::tui::TuiError::NotATerminal => CliError::BadInput(e.to_string()),
            crate::tui::TuiError::Io(_) | crate::tui::TuiError::Unsaved(..) => {
                CliError::Failure(e.to_string())
            }
        }),
        Some(Command::Principles(a)) => principles::run(&ctx, &a),
        Some(Command::Questions(a)) => questions::run(&ctx, &a),
        Some(Command::Score(a)) => score::run(&ctx, &a),
        Some(Command::Answer(a)) => answer::run(&ctx, &a),
        Some(Command::Calibrate(a)) => calibrate::run(&ctx, &a),
        Some(Command::Export(a)) => export::run(&ctx, &a),
        Some(Command::Import(a)) => import::run(&ctx, &a),
        Some(Command::Stats(a)) => stats::run(&ctx, &a),
        Some(Command::Rubric(a)) => rubric::run(&ctx, &a),
        Some(Command::Due(a)) => due::run(&ctx, &a),
        Some(Command::Stories(a)) => stories::run(&ctx, &a),
    }
}

/// The embedded bank, then the user's own bank file in the data folder,
/// then each `--bank` file in order. A broken `--bank` file stops the
/// command; a broken bank file in the data folder only costs its questions
/// (with the returned warning), so it never locks anyone out of their
/// saved answers.
fn load_bank(
    home: Option<&std::path::Path>,
    extra: &[PathBuf],
) -> Result<(Bank, Option<String>), CliError> {
    let mut bank = Bank::embedded();
    let mut warning = None;
    let user = home
        .map(|h| h.join(crate::home::USER_BANK_FILE))
        .filter(|p| p.is_file());
    if let Some(path) = user {
        let added = input::read_text(Some(&path))
            .and_then(|(text, name)| bank.add_text(&name, &text).map_err(CliError::from));
        if let Err(e) = added {
            warning = Some(format!(
                "{e}; your own questions are left out until this is fixed — the built-in ones are here"
            ));
        }
    }
    for path in extra {
        let (text, name) = input::read_text(Some(path))?;
        bank.add_text(&name, &text)?;
    }
    Ok((bank, warning))
}

/// Prints a warning to stderr, its text made safe for a terminal: warnings
/// quote file names, ids and fields from data.
pub(crate) fn warn(message: &str) {
    eprintln!("barraiser: warning: {}", crate::sanitize::line(message));
}

fn login_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "reviewer".to_owned())
}

/// The id named on the command line as a principle, or exit 2 naming the
/// nearest valid ones.
pub(crate) fn check_principle<'a>(
    bank: &'a Bank,
    id: &str,
) -> Result<&'a crate::bank::Principle, CliError> {
    bank.principle(id).ok_or_else(|| {
        CliError::BadInput(format!(
            "unknown principle '{id}'; nearest: {} (see `barraiser principles`)",
            bank.nearest_principles(id, 3).join(", ")
        ))
    })
}

/// The id named on the command line as a question, or exit 2 naming the
/// nearest valid ones.
pub(crate) fn check_question<'a>(
    bank: &'a Bank,
    id: &str,
) -> Result<&'a crate::bank::Question, CliError> {
    bank.question(id).ok_or_else(|| {
        CliError::BadInput(format!(
            "unknown question '{id}'; nearest: {} (see `barraiser questions`)",
            bank.nearest_questions(id, 3).join(", ")
        ))
    })
}
