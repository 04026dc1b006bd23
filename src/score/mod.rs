//! The scoring engine: explainable STAR and leadership-principle heuristics.
//!
//! Pure functions over plain data: no I/O, no terminal, no clock. A
//! [`Report`] *is* the `score --json` contract of design.md, so its field
//! names and the [`SignalId`] spellings must not change.
//!
//! The pipeline: find STAR headings ([`star`]), tokenize with exact byte
//! spans ([`text`]), match the rubric's word families ([`lexicon`]), cut
//! sentences and clauses and find who acts in each ([`doc`]), run one
//! detector per signal ([`detect`]), and add up the points ([`total`]).
//! Everything tunable lives in `data/rubric.json` ([`rubric`]). People read
//! a report through one [`summary::Summary`]: earned, cost, avoided, next.
//!
//! Two concepts come before any single signal. **Is this a story?** The
//! `no_story` gate reads the tense of the speaker's own clauses: an answer
//! of what they would, always or generally do holds no evidence, and is held
//! to the rubric's `no_story_cap` (hypothetical questions are exempt).
//! **Whose fault comes first?** Faults are found clause by clause, the
//! speaker's, another person's, or one told with no agent at all ("the
//! mapping got changed"); `owns_fault_first` needs the speaker's to come
//! first, and a late concession earns little.
//!
//! Adding a signal is a three-place change:
//! 1. a row in the `signals!` table in `signal.rs`: its id, its JSON
//!    spelling, the name people read, and whether it costs points;
//! 2. its detector in `detect/`, and its arm in `detect::run` (the compiler
//!    names a missing arm);
//! 3. its tip and its weights in `data/rubric.json` (a rubric without the
//!    tip is refused), plus any word family it reads.
//!
//! Then bump `answer::SCHEMA_VERSION`, since saved reports list every
//! signal, and add paraphrase tests in a `concepts_*tests.rs` file (by theme).

pub mod calibrate;
#[cfg(test)]
mod concepts_concede_tests;
#[cfg(test)]
mod concepts_guard_tests;
#[cfg(test)]
mod concepts_harm_tests;
#[cfg(test)]
mod concepts_narrator_tests;
#[cfg(test)]
mod concepts_news_tests;
#[cfg(test)]
mod concepts_outcome_tests;
#[cfg(test)]
mod concepts_people_tests;
#[cfg(test)]
mod concepts_plain_tests;
#[cfg(test)]
mod concepts_said_tests;
#[cfg(test)]
mod concepts_stance_tests;
#[cfg(test)]
mod concepts_tests;
#[cfg(test)]
mod concepts_trace_tests;
#[cfg(test)]
mod concepts_whose_tests;
mod detect;
mod doc;
mod json;
mod kept;
mod lexicon;
mod rubric;
mod signal;
pub(crate) mod star;
pub mod summary;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
mod text;
mod total;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::bank::QuestionKind;

pub use rubric::{Factors, RubricError, Substance};

pub use signal::SignalId;

/// An exact span of the answer text: byte offsets and the quoted words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One signal's verdict for one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalReport {
    pub id: SignalId,
    pub hit: bool,
    /// Whether the signal counts toward the total for this principle.
    pub applies: bool,
    /// Points gained (positive) or lost (negative) toward the total.
    pub points: f64,
    pub evidence: Vec<Evidence>,
    /// The next thing to try, one line. Shared with the rubric: a report
    /// is built many times a second and its 32 tips never change.
    pub tip: Arc<str>,
}

/// Whether a STAR part is present, and its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PartSummary {
    pub present: bool,
    pub words: usize,
}

/// The four STAR parts of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StarSummary {
    pub situation: PartSummary,
    pub task: PartSummary,
    pub action: PartSummary,
    pub result: PartSummary,
}

/// The scored answer: the `score --json` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// 0–100.
    pub total: f64,
    pub principle: String,
    pub question_id: Option<String>,
    pub star: StarSummary,
    pub signals: Vec<SignalReport>,
    pub scorer_version: String,
    /// The interviewer's follow-up, chosen after scoring (never by the
    /// scorer: it involves a random choice); see `crate::probe`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<Probe>,
    /// How the follow-up went, once the candidate answered it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe_result: Option<ProbeResult>,
    /// The answer ran past the 512 KiB that are scored; the rest was not
    /// read. Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// The interviewer's follow-up probe: the signal it digs into (none for a
/// question's own follow-up, asked when nothing applicable is missing) and
/// its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probe {
    pub signal: Option<SignalId>,
    pub text: String,
}

/// Whether the follow-up answer supplied what the probe asked for, or
/// dodged it (too short, or the first answer said again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeResult {
    pub answered: bool,
    pub dodged: bool,
}

/// What an answer is scored against.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub principle: &'a str,
    pub question_id: Option<&'a str>,
    /// The question's kind; mistake and failure questions weigh the mistake
    /// signals most.
    pub kind: Option<QuestionKind>,
}

pub use rubric::Rubric;

/// The scorer's version: the engine's, then the rubric's.
pub fn scorer_version(rubric: &Rubric) -> String {
    rubric.scorer_version().to_owned()
}

/// Longest evidence quote, in bytes; longer spans are cut at a char boundary.
const MAX_QUOTE: usize = 240;

/// Scores one answer. `text` is plain text with optional STAR headings.
/// The same text, target and rubric always give the same report. Only the
/// first 512 KiB are read (anything longer is noise, not an answer), so
/// memory stays bounded, and the report says so (`truncated`); evidence
/// offsets point into `text` either way.
pub fn score(text: &str, target: &Target<'_>, rubric: &Rubric) -> Report {
    let truncated = text.len() > text::MAX_BYTES;
    let text = &text[..floor_boundary(text, text::MAX_BYTES)];
    let regions = star::regions(text).for_scoring();
    let doc = if target.kind == Some(QuestionKind::Hypothetical) {
        doc::Doc::build_as_plan(text, &regions, rubric.lexicon())
    } else {
        doc::Doc::build(text, &regions, rubric.lexicon())
    };
    let masks = detect::Masks::new(&doc);
    let labels = star::label_sentences(&doc, masks.sentences());
    let star = star::summarise(&doc, &labels);
    let input = detect::Input {
        doc: &doc,
        labels: &labels,
        star: &star,
        masks: &masks,
        mistake: target.kind.is_some_and(QuestionKind::is_mistake),
        hypothetical: target.kind == Some(QuestionKind::Hypothetical),
    };
    let findings = detect::run(&input);
    let weighting = rubric.weighting(target.principle, target.kind);
    let sub = rubric.substance();
    // A cause traced and told is substance as much as a deed: "Why didn't
    // the crib stop it? The crib had no checkout for wrenches."
    let root = &findings[SignalId::RootCause as usize];
    let traced = if root.hit { root.spans.len() } else { 0 };
    let substance = detect::substance(&doc, traced, sub.full_at, sub.floor, sub.buzz_weight);
    let (points, total) = total::points(&findings, weighting, substance, rubric.factors());
    Report {
        total,
        principle: target.principle.to_owned(),
        question_id: target.question_id.map(str::to_owned),
        star,
        signals: signal_reports(text, &findings, weighting, &points, rubric),
        scorer_version: scorer_version(rubric),
        probe: None,
        probe_result: None,
        truncated,
    }
}

/// The 32 report lines, written straight into a list of their size.
fn signal_reports(
    text: &str,
    findings: &detect::Findings,
    weighting: &rubric::Weighting,
    points: &total::Points,
    rubric: &Rubric,
) -> Vec<SignalReport> {
    let tips = rubric.tips();
    let mut signals = Vec::with_capacity(SignalId::ALL.len());
    // By index over arrays of one length: no bounds to check.
    for (i, id) in SignalId::ALL.into_iter().enumerate() {
        let f = &findings[i];
        signals.push(SignalReport {
            id,
            hit: f.hit,
            applies: weighting.weights[i].is_some(),
            points: points[i],
            evidence: evidence(text, &f.spans),
            tip: Arc::clone(&tips[i]),
        });
    }
    signals
}

/// The quotes for a finding's spans; most findings have none.
fn evidence(text: &str, spans: &detect::Spans) -> Vec<Evidence> {
    if spans.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(spans.len());
    for &(a, b) in spans.iter() {
        out.push(quote(text, a, b));
    }
    out
}

/// The largest char boundary at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn quote(text: &str, start: usize, end: usize) -> Evidence {
    let end = floor_boundary(text, end.min(start + MAX_QUOTE)).max(start);
    Evidence {
        start,
        end,
        text: text[start..end].to_owned(),
    }
}

impl Report {
    /// The report line for one signal.
    pub fn signal(&self, id: SignalId) -> Option<&SignalReport> {
        self.signals.iter().find(|s| s.id == id)
    }
}
