//! `barraiser answer --question QID [--story NAME] [--json] [FILE|-]`: score an answer
//! written elsewhere (an editor, a notes file) and save it.
//!
//! The id is printed only once the answer is safely on disk, so a script
//! that saw an id can rely on it. Also home to the helpers the store
//! commands share: opening the store and wording its errors.

use std::io::{IsTerminal, Write};

use super::{CliError, Context};
use crate::answer::AnswerId;
use crate::bank::Question;
use crate::score::Report;
use crate::store::{Store, StoreError};
use crate::submit::Words;

#[derive(Debug, clap::Args)]
pub struct AnswerArgs {
    /// The question this answers (see `barraiser questions`)
    #[arg(long, value_name = "QID")]
    pub question: String,
    /// The story this answer tells, e.g. "Black Friday schedule" (see
    /// `barraiser stories`)
    #[arg(long, value_name = "NAME")]
    pub story: Option<String>,
    /// Print {"id", "report"} instead of the id alone
    #[arg(long)]
    pub json: bool,
    /// The answer text; `-` or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Context, args: &AnswerArgs) -> Result<(), CliError> {
    // The words first: if the question is unknown (a bank file that did
    // not load, a typo), words typed into stdin are still handed back.
    let (text, name) = super::input::read_text(args.file.as_deref())?;
    let saved = super::check_question(&ctx.bank, &args.question).and_then(|question| {
        let words = Words::parse(&text).map_err(|e| CliError::BadInput(format!("{name}: {e}")))?;
        let story = match args.story.as_deref() {
            None => None,
            Some(name) => Some(crate::answer::clean_story(name).ok_or_else(|| {
                CliError::BadInput("--story: the story name is empty".to_owned())
            })?),
        };
        score_and_save(ctx, question, words, story)
    });
    let (id, report) = match saved {
        Ok(saved) => saved,
        Err(e) => {
            if name == "stdin" && !text.trim().is_empty() {
                hand_back(&text);
            }
            return Err(e);
        }
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let body = serde_json::json!({ "id": id, "report": report });
        writeln!(out, "{body}")?;
    } else {
        writeln!(out, "{id}")?;
    }
    out.flush()?;
    Ok(())
}

/// Prints words that exist nowhere else to stderr: exact when redirected,
/// so they can be saved as they were; made safe when they meet a terminal.
fn hand_back(text: &str) {
    let shown = if std::io::stderr().is_terminal() {
        crate::sanitize::text(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    eprintln!("barraiser: your answer was not saved; here it is, so nothing is lost:\n{shown}");
}

/// Scores `words` as an answer to `question` and saves them durably,
/// warning when the same words were saved for it before.
fn score_and_save(
    ctx: &Context,
    question: &Question,
    words: Words,
    story_name: Option<String>,
) -> Result<(AnswerId, Report), CliError> {
    let mut store = open_writer(ctx)?;
    let earlier = store.find_same_words(&question.id, &words.text);
    let mut record = crate::submit::record(ctx.now, question, words, &ctx.rubric.rubric);
    record.story = story_name;
    // The probe is saved with the answer, to answer later in Review; seeded
    // from the words, as `score` seeds it, so both ask the same.
    let mut rng = <rand_xoshiro::Xoshiro256PlusPlus as rand::SeedableRng>::seed_from_u64(
        crate::probe::seed(&record.text),
    );
    record.report.probe = Some(crate::probe::choose(
        &record.report,
        &ctx.rubric.rubric,
        crate::probe::Probes::embedded(),
        &question.follow_ups,
        &mut rng,
    ));
    let report = record.report.clone();
    if report.truncated {
        super::warn(super::score::report::TRUNCATED_NOTE);
    }
    let id = store.save(record).map_err(store_error)?;
    if let Some(earlier) = earlier {
        super::warn(&format!(
            "these exact words were already saved for {} as answer {earlier}; saved again as answer {id}",
            question.id
        ));
    }
    Ok((id, report))
}

/// Opens the store for a command that only reads it: a data folder that
/// does not exist is bad input, never made.
pub(super) fn open_existing_store(ctx: &Context) -> Result<Store, CliError> {
    let home = data_folder(ctx)?;
    if !home.is_dir() {
        return Err(CliError::BadInput(format!(
            "no barraiser data at {}; save an answer first (`barraiser` or `barraiser answer`), or pass --home DIR",
            home.display()
        )));
    }
    open_in(home)
}

/// Opens the store for a command that exists to write: waits up to
/// `--wait` for another barraiser to let go of the lock, so parallel
/// calls queue up instead of failing, and fails (exit 1) if it never does.
pub(super) fn open_writer(ctx: &Context) -> Result<Store, CliError> {
    let store = Store::open_waiting(data_folder(ctx)?, ctx.wait).map_err(store_error)?;
    if store.is_busy() {
        return Err(CliError::Failure(format!(
            "another barraiser was still writing to {} after {} s; close it and try again, or wait longer with --wait SECONDS",
            store.root().display(),
            ctx.wait.as_secs_f64()
        )));
    }
    print_warnings(&store);
    Ok(store)
}

fn data_folder(ctx: &Context) -> Result<&std::path::Path, CliError> {
    ctx.home.as_deref().ok_or_else(|| {
        CliError::Failure(
            "no data folder: this system has no standard one; pass --home DIR or set BARRAISER_HOME"
                .to_owned(),
        )
    })
}

fn open_in(home: &std::path::Path) -> Result<Store, CliError> {
    let store = Store::open(home).map_err(store_error)?;
    print_warnings(&store);
    Ok(store)
}

fn print_warnings(store: &Store) {
    for warning in store.warnings() {
        super::warn(warning);
    }
}

/// A store error as a CLI error: bad files given by the user exit 2,
/// failures to read or write the store exit 1.
#[allow(clippy::needless_pass_by_value)] // used as `map_err(store_error)`
pub(super) fn store_error(err: StoreError) -> CliError {
    match err {
        StoreError::BadImport { .. } | StoreError::BadId(_) | StoreError::BadGrade(_) => {
            CliError::BadInput(err.to_string())
        }
        _ => CliError::Failure(err.to_string()),
    }
}
