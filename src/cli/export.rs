//! `barraiser export [--format md|json] [--principle ID] [-o FILE]`: a
//! review packet for a mentor, or every record for another machine.
//! `--format json --blind [--sample N]` writes answers without scores or
//! reviews, for a blind grading round.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::{CliError, Context};
use crate::bank::PrincipleId;
use crate::store::{Filter, MarkdownOptions};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A review packet a mentor reads top to bottom
    Md,
    /// Every record, re-importable
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Only answers for this principle
    #[arg(long, value_name = "ID")]
    pub principle: Option<String>,
    /// Write to FILE instead of stdout (atomically: a failed export leaves
    /// any earlier FILE as it was)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out every score, signal and review, for graders to grade in
    /// their own barraiser without seeing the scorer's or each other's view
    /// (JSON only; `import` merges their reviews back)
    #[arg(long)]
    pub blind: bool,
    /// Only N answers, chosen at random
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub sample: Option<u32>,
}

pub fn run(ctx: &Context, args: &ExportArgs) -> Result<(), CliError> {
    if args.blind && args.format != Format::Json {
        return Err(CliError::BadInput(
            "--blind needs --format json: graders import it into their own barraiser".to_owned(),
        ));
    }
    let store = super::answer::open_existing_store(ctx)?;
    let principle = args.principle.as_deref().map(|p| PrincipleId(p.to_owned()));
    if let Some(p) = &principle {
        // Answers may name a principle the current bank no longer has.
        let saved = store.stats().principles.iter().any(|s| &s.principle == p);
        if !saved {
            super::check_principle(&ctx.bank, p.as_str())?;
        }
    }
    let filter = Filter {
        principle: principle.clone(),
    };
    let mut export = store.export(&filter, ctx.now);
    if let Some(n) = args.sample {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        if n < export.answers.len() {
            let mut keep =
                rand::seq::index::sample(&mut rand::rng(), export.answers.len(), n).into_vec();
            keep.sort_unstable();
            let mut at = 0;
            export.answers.retain(|_| {
                at += 1;
                keep.binary_search(&(at - 1)).is_ok()
            });
        }
    }
    for warning in store.late_warnings() {
        super::warn(warning);
    }
    let text = match args.format {
        Format::Json if args.blind => export.to_blind_json(),
        Format::Json => export.to_json(),
        Format::Md => {
            let name = |p: &PrincipleId| ctx.bank.principle(p.as_str()).map(|pr| pr.name.clone());
            export.to_markdown(&MarkdownOptions {
                principle_name: &name,
                principle_filter: principle.as_ref(),
            })
        }
    };
    if let Some(path) = &args.output {
        check_folder(path)?;
        crate::store::write_atomic(path, text.as_bytes()).map_err(super::answer::store_error)?;
    } else {
        let mut out = std::io::stdout().lock();
        // A packet read in the terminal must not drive it; piped or
        // written to a file it stays exact.
        let text = if args.format == Format::Md && out.is_terminal() {
            crate::sanitize::text(&text)
        } else {
            std::borrow::Cow::Borrowed(text.as_str())
        };
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

/// The folder `-o FILE` goes in must exist: say which one does not, rather
/// than the temporary file's error.
fn check_folder(path: &std::path::Path) -> Result<(), CliError> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    match folder {
        Some(folder) if !folder.is_dir() => Err(CliError::Failure(format!(
            "cannot save {}: the folder {} does not exist; create it or choose another -o",
            crate::sanitize::line(&path.display().to_string()),
            crate::sanitize::line(&folder.display().to_string())
        ))),
        _ => Ok(()),
    }
}
