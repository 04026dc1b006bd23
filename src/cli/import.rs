//! `barraiser import FILE`: merge answers and reviews from a JSON export,
//! by id, never overwriting words (see `store::import`). Answers from a
//! blind export come without a report: they are scored here, with this
//! copy's rubric, before they are merged.

use std::io::Write;
use std::path::PathBuf;

use super::{CliError, Context};
use crate::store::{Export, ImportSummary};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A JSON export (from `barraiser export --format json`)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(ctx: &Context, args: &ImportArgs) -> Result<(), CliError> {
    let (text, name) = super::input::read_text(Some(&args.file))?;
    let text = score_blind_answers(ctx, text);
    let export = Export::parse(&text, &name).map_err(super::answer::store_error)?;
    let mut store = super::answer::open_writer(ctx)?;
    let summary = store
        .import(export, ctx.now)
        .map_err(super::answer::store_error)?;
    for line in &summary.skipped {
        eprintln!("barraiser: warning: {name}: {line}");
    }
    let mut out = std::io::stdout().lock();
    for (original, copy) in &summary.conflicts {
        writeln!(
            out,
            "answer {original}: the imported words differ from the saved ones; both kept, the imported words are now answer {copy}"
        )?;
    }
    writeln!(out, "{name}: {}", describe(&summary))?;
    out.flush()?;
    Ok(())
}

/// The export's text with a report added to every answer that lacks one
/// (a blind export's), scored as an answer to its question. Text that is
/// not such an export is returned as it was, for [`Export::parse`] to
/// explain.
fn score_blind_answers(ctx: &Context, text: String) -> String {
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&text) else {
        return text;
    };
    let Some(answers) = value
        .get_mut("answers")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return text;
    };
    let mut scored = false;
    for answer in answers
        .iter_mut()
        .filter_map(serde_json::Value::as_object_mut)
    {
        if answer.contains_key("report") {
            continue;
        }
        let field = |obj: &serde_json::Map<String, serde_json::Value>, k: &str| {
            obj.get(k).and_then(|v| v.as_str()).map(str::to_owned)
        };
        let question = answer.get("question").and_then(|q| q.as_object());
        let (Some(words), Some(qid), Some(principle)) = (
            field(answer, "text"),
            question.and_then(|q| field(q, "id")),
            question.and_then(|q| field(q, "principle")),
        ) else {
            continue;
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
        if let Ok(report) = serde_json::to_value(report) {
            answer.insert("report".to_owned(), report);
            scored = true;
        }
    }
    if scored {
        serde_json::to_string(&value).unwrap_or(text)
    } else {
        text
    }
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
