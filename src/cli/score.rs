//! `barraiser score [--principle ID | --question QID] [--json] [FILE|-]` and
//! `barraiser score --jsonl [FILE|-]`.
//!
//! The answer is plain text with optional STAR headings, or a JSON object
//! `{"situation","task","action","result"}` scored as its headed text. The
//! batch form reads one request a line and writes one report a line; a bad
//! line gets an error line with its id and the batch goes on, so one typo
//! never loses a night's run.
//!
//! A single report also carries the interviewer's probe, chosen with an
//! RNG seeded from the answer so the output is the same every run;
//! `--follow-up FILE` judges a reply to it. Batch lines carry no probe:
//! a batch is for measuring the scorer.

pub(crate) mod report;

use std::io::{self, BufWriter, Write};

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Deserialize;

use super::{CliError, Context, check_principle, check_question, input};
use crate::bank::QuestionKind;
use crate::probe::{self, Probes};
use crate::score::{Report, Rubric, Target, score};
use crate::submit::Words;

/// The principle scored against when none is named.
pub const DEFAULT_PRINCIPLE: &str = "earn_trust";

#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Score against this principle (default: `earn_trust`)
    #[arg(long, value_name = "ID", conflicts_with = "question")]
    pub principle: Option<String>,
    /// Score as an answer to this question (its principle and kind)
    #[arg(long, value_name = "QID")]
    pub question: Option<String>,
    /// The question asked, in words, when it is not in the bank: its
    /// wording gives its kind ("Tell me about a mistake…" weighs owning it;
    /// "How would you…?" accepts "I would")
    #[arg(long, value_name = "TEXT", conflicts_with = "question")]
    pub question_text: Option<String>,
    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,
    /// Your reply to the interviewer's probe (a file, `-` for stdin): the
    /// report says whether it answered the probe or dodged it, and moves
    /// the total
    #[arg(long, value_name = "FILE")]
    pub follow_up: Option<std::path::PathBuf>,
    /// Batch: one JSON request a line in, one JSON report a line out
    #[arg(long, conflicts_with_all = ["principle", "question", "question_text", "json", "follow_up"])]
    pub jsonl: bool,
    /// The answer: plain text with optional STAR headings, or a JSON
    /// {"situation","task","action","result"} object; `-` or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub file: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Context, args: &ScoreArgs) -> Result<(), CliError> {
    let rubric = ctx.rubric.rubric.clone();
    if args.jsonl {
        return run_batch(ctx, args, &rubric);
    }
    let mut follow_ups: &[String] = &[];
    let (principle, question_id, kind) = match (&args.question, &args.principle) {
        (Some(q), _) => {
            let q = check_question(&ctx.bank, q)?;
            follow_ups = &q.follow_ups;
            (
                q.principle.as_str().to_owned(),
                Some(q.id.as_str().to_owned()),
                Some(q.kind),
            )
        }
        (None, Some(p)) => (
            check_principle(&ctx.bank, p)?.id.as_str().to_owned(),
            None,
            None,
        ),
        (None, None) => (DEFAULT_PRINCIPLE.to_owned(), None, None),
    };
    let is_stdin = |p: Option<&std::path::Path>| p.is_none_or(|p| p.as_os_str() == "-");
    if let Some(f) = &args.follow_up
        && is_stdin(Some(f))
        && is_stdin(args.file.as_deref())
    {
        return Err(CliError::BadInput(
            "--follow-up -: the answer is read from stdin already; give one of them as a file"
                .to_owned(),
        ));
    }
    let kind = kind.or_else(|| {
        args.question_text
            .as_deref()
            .and_then(|q| rubric.question_kind(q))
    });
    let (raw, name) = input::read_text(args.file.as_deref())?;
    let text = Words::parse(&raw)
        .map_err(|e| CliError::BadInput(format!("{name}: {e}")))?
        .text;
    let target = Target {
        principle: &principle,
        question_id: question_id.as_deref(),
        kind,
    };
    let mut report = score(&text, &target, &rubric);
    let probes = Probes::embedded();
    // Seeded from the answer, so the same answer is asked the same probe.
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(probe::seed(&text));
    report.probe = Some(probe::choose(
        &report, &rubric, probes, follow_ups, &mut rng,
    ));
    let mut scored_total = None;
    if let Some(path) = &args.follow_up {
        let (reply, name) = input::read_text(Some(path))?;
        if reply.trim().is_empty() {
            return Err(CliError::BadInput(format!("{name}: follow-up is empty")));
        }
        let outcome = probe::judge(&report, &text, reply.trim(), &target, &rubric, probes);
        scored_total = Some(report.total);
        report.probe_result = Some(outcome.result);
        report.total = outcome.total;
    }
    if report.truncated {
        super::warn(&format!("{name}: {}", report::TRUNCATED_NOTE));
    }
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer(&mut out, &report).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        let kind_note = kind.map(QuestionKind::as_str);
        let shown =
            report::render(&report, kind_note) + &report::render_probe(&report, scored_total);
        out.write_all(crate::sanitize::text(&shown).as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// A batch request. Unknown fields are ignored, so a labelled set can be
/// fed as it is.
#[derive(Debug, Deserialize)]
struct Request {
    id: serde_json::Value,
    #[serde(default)]
    principle: Option<String>,
    #[serde(default)]
    question_id: Option<String>,
    /// The question's wording, when no `question_id` gives its kind.
    #[serde(default)]
    question: Option<String>,
    /// Text, or a STAR object (checked by [`Words::from_json`]).
    answer: serde_json::Value,
}

#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    id: &'a serde_json::Value,
    error: String,
}

/// Requests scored per round; each round is split across the cores and
/// written in input order, so memory stays bounded however long the input.
const BATCH: usize = 2048;

fn run_batch(ctx: &Context, args: &ScoreArgs, rubric: &Rubric) -> Result<(), CliError> {
    let (raw, _name) = input::read_bytes(args.file.as_deref())?;
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    // Each line is decoded on its own: a line that is not UTF-8 becomes an
    // error line, like any other bad line, and the batch goes on.
    let lines: Vec<(usize, Line)> = raw
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, bytes)| {
            let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            (i + 1, std::str::from_utf8(bytes).map_err(|_| bytes))
        })
        .filter(|(_, l)| !matches!(l, Ok(text) if text.trim().is_empty()))
        .collect();
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    for round in lines.chunks(BATCH) {
        let share = round.len().div_ceil(workers).max(1);
        let parts: Vec<Vec<u8>> = if workers == 1 || round.len() < 64 {
            vec![render_lines(ctx, rubric, round)]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = round
                    .chunks(share)
                    .map(|chunk| s.spawn(move || render_lines(ctx, rubric, chunk)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        for part in parts {
            out.write_all(&part)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// A request line as read: its text, or its bytes when they are not UTF-8.
type Line<'a> = Result<&'a str, &'a [u8]>;

/// One output line per request: its report, or its error.
fn render_lines(ctx: &Context, rubric: &Rubric, lines: &[(usize, Line)]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(lines.len() * 8192);
    let null = serde_json::Value::Null;
    for &(n, line) in lines {
        let result = match line {
            Ok(line) => batch_line(ctx, rubric, line),
            Err(bytes) => Err(not_utf8(bytes)),
        };
        // Writing JSON into a Vec cannot fail.
        match result {
            // `{"id":…,` then the report's fields, as a `Line` would
            // serialise, by the fast writer.
            Ok((id, report)) => {
                if report.truncated {
                    super::warn(&format!("line {n}: {}", report::TRUNCATED_NOTE));
                }
                buf.extend_from_slice(b"{\"id\":");
                let _ = serde_json::to_writer(&mut buf, &id);
                buf.push(b',');
                report.write_json_fields(&mut buf);
                buf.push(b'}');
            }
            Err((id, message)) => {
                let _ = serde_json::to_writer(
                    &mut buf,
                    &ErrorLine {
                        id: id.as_ref().unwrap_or(&null),
                        error: format!("line {n}: {message}"),
                    },
                );
            }
        }
        buf.push(b'\n');
    }
    buf
}

type LineError = (Option<serde_json::Value>, String);

/// The error for a line that is not UTF-8, keeping its id when the rest of
/// the line still reads as JSON.
fn not_utf8(bytes: &[u8]) -> LineError {
    let at = bytes.utf8_chunks().next().map_or(0, |c| c.valid().len());
    let id = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(bytes))
        .ok()
        .and_then(|v| v.get("id").cloned());
    (id, format!("not valid UTF-8 at byte {at} of the line"))
}

fn batch_line(
    ctx: &Context,
    rubric: &Rubric,
    line: &str,
) -> Result<(serde_json::Value, Report), LineError> {
    let de = &mut serde_json::Deserializer::from_str(line);
    let req: Request = serde_path_to_error::deserialize(de).map_err(|e| {
        // Keep the id when the rest of the line is wrong.
        let id = serde_json::from_str::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v.get("id").cloned());
        let path = e.path().to_string();
        let message = if serde_json::from_str::<serde_json::Value>(line).is_err() {
            format!("not a JSON object: {}", e.inner())
        } else if path == "." {
            e.inner().to_string()
        } else {
            format!("{path}: {}", e.inner())
        };
        (id, message)
    })?;
    let id = req.id;
    let fail = |m: String| (Some(id.clone()), m);
    let (principle, question_id, kind) = match (&req.question_id, &req.principle) {
        (Some(q), _) => {
            let q = check_question(&ctx.bank, q).map_err(|e| fail(format!("question_id: {e}")))?;
            (
                q.principle.as_str().to_owned(),
                Some(q.id.as_str().to_owned()),
                Some(q.kind),
            )
        }
        (None, Some(p)) => (
            check_principle(&ctx.bank, p)
                .map_err(|e| fail(format!("principle: {e}")))?
                .id
                .as_str()
                .to_owned(),
            None,
            None,
        ),
        (None, None) => (DEFAULT_PRINCIPLE.to_owned(), None, None),
    };
    let kind = kind.or_else(|| {
        req.question
            .as_deref()
            .and_then(|q| rubric.question_kind(q))
    });
    let text = Words::from_json(req.answer)
        .map_err(|e| fail(format!("answer: {e}")))?
        .text;
    if text.trim().is_empty() {
        return Err(fail("answer: answer is empty".to_owned()));
    }
    let target = Target {
        principle: &principle,
        question_id: question_id.as_deref(),
        kind,
    };
    let report = score(&text, &target, rubric);
    Ok((id, report))
}
