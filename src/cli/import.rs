//! `barraiser import FILE`: merge answers and reviews from a JSON export,
//! by id, never overwriting words (see `store::import`).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

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
    let mut store = super::answer::open_store(ctx)?;
    // The file streams in: a large export is never held whole in memory.
    let bar = progress_bar(size);
    let imported = store.import_from(bar.wrap_read(reader), &name, jiff::Timestamp::now());
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
