//! The answer record: what a candidate wrote, how it scored, and what
//! mentors said about it. Saved as plain JSON a person can read and diff.

use serde::{Deserialize, Serialize};

use crate::bank::{PrincipleId, QuestionId};
use crate::score::Report;

/// The record format's version; a file with a newer one is read, never
/// rewritten.
pub const SCHEMA_VERSION: u32 = 1;

/// A sortable unique id (UUID v7: files sort by creation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnswerId(pub String);

impl AnswerId {
    pub fn new_v7() -> AnswerId {
        AnswerId(uuid::Uuid::now_v7().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AnswerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The four STAR parts as the candidate wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Star {
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub task: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub result: String,
}

impl Star {
    /// The parts joined under `Situation:`/`Task:`/`Action:`/`Result:`
    /// headings, skipping empty ones: the text the scorer reads and report
    /// evidence offsets point into.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (heading, body) in [
            ("Situation", &self.situation),
            ("Task", &self.task),
            ("Action", &self.action),
            ("Result", &self.result),
        ] {
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(heading);
            out.push_str(": ");
            out.push_str(body);
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        [&self.situation, &self.task, &self.action, &self.result]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

/// The question an answer was written for, copied so old answers stay
/// readable when the bank changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRef {
    pub id: QuestionId,
    pub principle: PrincipleId,
    pub text: String,
}

/// An interviewer's probe and the candidate's answer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub probe: String,
    pub answer: String,
}

/// A mentor's review of a saved answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub reviewer: String,
    pub at: jiff::Timestamp,
    /// 1–5.
    pub grade: Option<u8>,
    #[serde(default)]
    pub comment: String,
}

/// One saved answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub schema_version: u32,
    pub id: AnswerId,
    pub created: jiff::Timestamp,
    pub updated: jiff::Timestamp,
    pub question: QuestionRef,
    /// The STAR parts, when the answer was written in them (the TUI) or
    /// carried headings; empty parts otherwise.
    pub star: Star,
    /// The exact text that was scored: the report's evidence offsets point
    /// into it. For TUI answers this is `star.to_text()`.
    pub text: String,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    /// Seconds from the question's draw to the submit, when timed.
    #[serde(default)]
    pub seconds_taken: Option<u64>,
    pub report: Report,
    #[serde(default)]
    pub reviews: Vec<Review>,
}
