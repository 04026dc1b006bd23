//! The scoring engine: explainable STAR and leadership-principle heuristics.
//!
//! Pure functions over plain data: no I/O, no terminal, no clock. A
//! [`Report`] *is* the `score --json` contract of design.md, so its field
//! names and the [`SignalId`] spellings must not change.
//!
//! STUB: the real engine lands with issue 3; this keeps the interface the
//! store and the TUI build against.

use serde::{Deserialize, Serialize};

use crate::bank::QuestionKind;

/// Every signal of rubric.md. The snake_case spelling is the contract.
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
    /// The next thing to try, one line.
    pub tip: String,
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

/// Weights, word families and tips, from `data/rubric.json`.
#[derive(Debug, Clone, Default)]
pub struct Rubric {}

impl Rubric {
    /// The rubric compiled into the binary.
    pub fn embedded() -> Rubric {
        Rubric {}
    }
}

/// Scores one answer. `text` is plain text with optional STAR headings.
pub fn score(text: &str, target: &Target<'_>, _rubric: &Rubric) -> Report {
    let _ = text;
    Report {
        total: 0.0,
        principle: target.principle.to_owned(),
        question_id: target.question_id.map(str::to_owned),
        star: StarSummary::default(),
        signals: Vec::new(),
        scorer_version: "stub".to_owned(),
    }
}
