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
//! Everything tunable lives in `data/rubric.json` ([`rubric`]).

pub mod calibrate;
mod detect;
mod doc;
mod json;
mod kept;
mod lexicon;
mod rubric;
pub(crate) mod star;
#[cfg(test)]
mod tests;
mod text;
mod total;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::bank::QuestionKind;

pub use rubric::{Factors, RubricError, Substance};

/// Every signal of rubric.md. The `snake_case` spelling is the contract.
///
/// Saved answers carry their reports, so adding a variant means bumping
/// `answer::SCHEMA_VERSION`: an older barraiser then leaves such records
/// untouched instead of failing to parse them and quarantining them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalId {
    StarSituation,
    StarTask,
    StarAction,
    StarResult,
    ResultQuantified,
    FirstPersonOwnership,
    Specificity,
    OwnsFaultFirst,
    BlamesOthers,
    DeniesMistake,
    RootCause,
    MechanismFix,
    WillpowerFix,
    LessonLearned,
    ProactiveCommunication,
    BlamelessSupport,
    NotMyJob,
    AuthorityDeference,
    ToldYouSo,
    FixedCost,
    GoodEnough,
    SeniorityArgument,
    PeopleIndifference,
    ProfitOnly,
    CustomerFocus,
    DataDriven,
    DisagreeCommit,
    DevelopsOthers,
    FrugalInvention,
    BiasForAction,
    ThinkBig,
    BroadResponsibility,
}

impl SignalId {
    /// Every signal, in report order.
    pub const ALL: [SignalId; 32] = [
        Self::StarSituation,
        Self::StarTask,
        Self::StarAction,
        Self::StarResult,
        Self::ResultQuantified,
        Self::FirstPersonOwnership,
        Self::Specificity,
        Self::OwnsFaultFirst,
        Self::BlamesOthers,
        Self::DeniesMistake,
        Self::RootCause,
        Self::MechanismFix,
        Self::WillpowerFix,
        Self::LessonLearned,
        Self::ProactiveCommunication,
        Self::BlamelessSupport,
        Self::NotMyJob,
        Self::AuthorityDeference,
        Self::ToldYouSo,
        Self::FixedCost,
        Self::GoodEnough,
        Self::SeniorityArgument,
        Self::PeopleIndifference,
        Self::ProfitOnly,
        Self::CustomerFocus,
        Self::DataDriven,
        Self::DisagreeCommit,
        Self::DevelopsOthers,
        Self::FrugalInvention,
        Self::BiasForAction,
        Self::ThinkBig,
        Self::BroadResponsibility,
    ];

    /// The `snake_case` id, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StarSituation => "star_situation",
            Self::StarTask => "star_task",
            Self::StarAction => "star_action",
            Self::StarResult => "star_result",
            Self::ResultQuantified => "result_quantified",
            Self::FirstPersonOwnership => "first_person_ownership",
            Self::Specificity => "specificity",
            Self::OwnsFaultFirst => "owns_fault_first",
            Self::BlamesOthers => "blames_others",
            Self::DeniesMistake => "denies_mistake",
            Self::RootCause => "root_cause",
            Self::MechanismFix => "mechanism_fix",
            Self::WillpowerFix => "willpower_fix",
            Self::LessonLearned => "lesson_learned",
            Self::ProactiveCommunication => "proactive_communication",
            Self::BlamelessSupport => "blameless_support",
            Self::NotMyJob => "not_my_job",
            Self::AuthorityDeference => "authority_deference",
            Self::ToldYouSo => "told_you_so",
            Self::FixedCost => "fixed_cost",
            Self::GoodEnough => "good_enough",
            Self::SeniorityArgument => "seniority_argument",
            Self::PeopleIndifference => "people_indifference",
            Self::ProfitOnly => "profit_only",
            Self::CustomerFocus => "customer_focus",
            Self::DataDriven => "data_driven",
            Self::DisagreeCommit => "disagree_commit",
            Self::DevelopsOthers => "develops_others",
            Self::FrugalInvention => "frugal_invention",
            Self::BiasForAction => "bias_for_action",
            Self::ThinkBig => "think_big",
            Self::BroadResponsibility => "broad_responsibility",
        }
    }

    /// Parses a `snake_case` id.
    pub fn parse(id: &str) -> Option<SignalId> {
        Self::ALL.iter().copied().find(|s| s.as_str() == id)
    }

    /// Whether this is one of the mistake and failure signals.
    pub fn is_mistake_signal(self) -> bool {
        (self as usize) >= (Self::OwnsFaultFirst as usize)
            && (self as usize) <= (Self::BlamelessSupport as usize)
    }

    /// Signals that cost points when they fire (rubric.md's red flags and
    /// the mistake-story failings): one that did not fire is nothing to try
    /// next.
    pub fn is_red_flag(self) -> bool {
        matches!(
            self,
            Self::BlamesOthers
                | Self::DeniesMistake
                | Self::WillpowerFix
                | Self::NotMyJob
                | Self::AuthorityDeference
                | Self::ToldYouSo
                | Self::FixedCost
                | Self::GoodEnough
                | Self::SeniorityArgument
                | Self::PeopleIndifference
                | Self::ProfitOnly
        )
    }
}

impl std::fmt::Display for SignalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    /// The answer ran past the 512 KiB that are scored; the rest was not
    /// read. Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
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
    let regions = star::regions(text);
    let doc = doc::Doc::build(text, &regions, rubric.lexicon());
    let masks = detect::Masks::new(&doc);
    let labels = star::label_sentences(&doc, masks.sentences());
    let star = star::summarise(&doc, &labels);
    let input = detect::Input {
        doc: &doc,
        labels: &labels,
        star: &star,
        masks: &masks,
        mistake: target.kind.is_some_and(QuestionKind::is_mistake),
    };
    let findings = detect::run(&input);
    let weighting = rubric.weighting(target.principle, target.kind);
    let sub = rubric.substance();
    let substance = detect::substance(&doc, sub.full_at, sub.floor, sub.buzz_weight);
    let (points, total) = total::points(&findings, weighting, substance, rubric.factors());
    Report {
        total,
        principle: target.principle.to_owned(),
        question_id: target.question_id.map(str::to_owned),
        star,
        signals: signal_reports(text, &findings, weighting, &points, rubric),
        scorer_version: scorer_version(rubric),
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
