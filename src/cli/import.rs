//! `barraiser import FILE`: merge answers and reviews from a JSON export,
//! by id, never overwriting words (see `store::import`). Answers from a
//! blind export come without a report: they are scored here, with this
//! copy's rubric, before they are merged.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

use super::{CliError, Context};
use crate::sanitize::line;
use crate::store::ImportSummary;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A JSON export (from `barraiser export --format json`)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<(), CliError> {
    let (reader, name, size) = open_input(&args.file)?;
    let mut store = super::answer::open_writer(ctx)?;
    // The file streams in: a large export is never held whole in memory.
    let bar = progress_bar(size);
    let imported = store.import_completing(bar.wrap_read(reader), &name, ctx.now, &|answer| {
        score_blind_answer(ctx, answer)
    });
    bar.finish_and_clear();
    let summary = imported.map_err(super::answer::store_error)?;
    for line in &summary.skipped {
        super::warn(&format!("{name}: {line}"));
    }
    let name = line(&name);
    let mut out = std::io::stdout().lock();
    for (original, copy) in &summary.conflicts {
        let (original, copy) = (line(original.as_str()), line(copy.as_str()));
        writeln!(
            out,
            "answer {original}: the imported words differ from the saved ones; both kept, the imported words are now answer {copy}"
        )?;
    }
    writeln!(out, "{name}: {}", describe(&summary))?;
    out.flush()?;
    Ok(())
}

/// Adds a report to an answer of a blind export, which has none: its
/// words scored as an answer to its question with this copy's rubric.
/// Returns false (and leaves the object as it was, for the import to
/// explain) when it lacks the words or the question.
fn score_blind_answer(ctx: &Context, answer: &mut Map<String, Value>) -> bool {
    let field =
        |obj: &Map<String, Value>, k: &str| obj.get(k).and_then(Value::as_str).map(str::to_owned);
    let question = answer.get("question").and_then(Value::as_object);
    let (Some(words), Some(qid), Some(principle)) = (
        field(answer, "text"),
        question.and_then(|q| field(q, "id")),
        question.and_then(|q| field(q, "principle")),
    ) else {
        return false;
    };
    let kind = ctx.bank.question(&qid).map(|q| q.kind).or_else(|| {
        question
            .and_then(|q| field(q, "text"))
            .and_then(|t| ctx.rubric.rubric.question_kind(&t))
    });
    let target = crate::score::Target {
        principle: &principle,
        question_id: Some(&qid),
        kind,
    };
    let report = crate::score::score(&words, &target, &ctx.rubric.rubric);
    match serde_json::to_value(report) {
        Ok(report) => {
            answer.insert("report".to_owned(), report);
            true
        }
        Err(_) => false,
    }
}

/// A file to read, its name for messages and its size when known.
type Input = (Box<dyn Read>, String, Option<u64>);

/// The file to import (`-` is stdin), its name for messages and its size
/// when known. A file that cannot be opened is an I/O failure (exit 1).
fn open_input(path: &Path) -> Result<Input, CliError> {
    if path.as_os_str() == "-" {
        return Ok((Box::new(std::io::stdin().lock()), "stdin".to_owned(), None));
    }
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| CliError::Failure(format!("{name}: {e}")))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(file), name, size))
}

/// A bar on stderr while the file is read, when stderr is a terminal:
/// an import of 100,000 answers takes long enough to wonder.
fn progress_bar(size: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = size.map_or_else(ProgressBar::new_spinner, ProgressBar::new);
    let template = if size.is_some() {
        "importing {bar:30} {bytes}/{total_bytes} · {eta} left"
    } else {
        "importing {spinner} {bytes}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar
}

/// "2 new answers, 3 reviews added to 1 answer, 1 answer kept beside the
/// original, 4 unchanged".
fn describe(s: &ImportSummary) -> String {
    let answers = |n: usize| {
        if n == 1 {
            "1 answer".to_owned()
        } else {
            format!("{n} answers")
        }
    };
    let mut parts = vec![match s.added.len() {
        1 => "1 new answer".to_owned(),
        n => format!("{n} new answers"),
    }];
    if s.reviews_added > 0 {
        let reviews = if s.reviews_added == 1 {
            "review"
        } else {
            "reviews"
        };
        parts.push(format!(
            "{} {reviews} added to {}",
            s.reviews_added,
            answers(s.reviewed.len())
        ));
    }
    if !s.conflicts.is_empty() {
        parts.push(format!(
            "{} kept beside the original",
            answers(s.conflicts.len())
        ));
    }
    parts.push(format!("{} unchanged", s.unchanged));
    if !s.skipped.is_empty() {
        parts.push(format!("{} skipped", s.skipped.len()));
    }
    parts.join(", ")
}
