//! Principles and questions: the data every practice round draws from.
//!
//! A [`Bank`] is a principle set (Amazon's sixteen Leadership Principles by
//! default, or any other competency model) plus the questions tagged with
//! them. The defaults are embedded at build time so the binary works from any
//! directory; user files add to them or, with `"replace": true`, stand in for
//! them. This module never touches the disk: callers hand it text and a name
//! to use in error messages.

mod load;
mod search;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use load::{BankError, BankFile};
pub use search::search;

/// The identifier of a principle, e.g. `earn_trust`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PrincipleId(pub String);

/// The stable identifier of a question, e.g. `earn_trust-03`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuestionId(pub String);

impl PrincipleId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl QuestionId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PrincipleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One leadership principle (or competency) of the set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: PrincipleId,
    pub name: String,
    /// Two sentences on what the principle means.
    pub summary: String,
    /// What an interviewer listens for in an answer.
    pub listens_for: String,
}

/// What kind of story a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    Story,
    Mistake,
    Failure,
    Conflict,
    Hypothetical,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 5] = [
        Self::Story,
        Self::Mistake,
        Self::Failure,
        Self::Conflict,
        Self::Hypothetical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Story => "story",
            Self::Mistake => "mistake",
            Self::Failure => "failure",
            Self::Conflict => "conflict",
            Self::Hypothetical => "hypothetical",
        }
    }

    /// Mistake and failure questions are scored with the mistake signals.
    pub fn is_mistake(self) -> bool {
        matches!(self, Self::Mistake | Self::Failure)
    }
}

/// One interview question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: QuestionId,
    pub principle: PrincipleId,
    /// Other principles a good answer also shows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secondary: Vec<PrincipleId>,
    pub text: String,
    pub kind: QuestionKind,
    #[serde(default)]
    pub tags: Vec<String>,
    /// One line on what a strong answer shows.
    pub hint: String,
    /// The probes an interviewer asks next.
    pub follow_ups: Vec<String>,
}

/// A principle set and its questions, validated: ids are unique, every
/// question names a known principle, no text is empty.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    principles: Vec<Principle>,
    questions: Vec<Question>,
}

const EMBEDDED_PRINCIPLES: &str = include_str!("../../data/principles.json");
const EMBEDDED_QUESTIONS: &str = include_str!("../../data/questions.json");

impl Bank {
    /// The default bank compiled into the binary.
    ///
    /// # Panics
    /// Never in a released build: a test loads the embedded files, so a
    /// broken default cannot ship.
    pub fn embedded() -> Bank {
        let mut bank = Bank::default();
        for (name, text) in [
            ("data/principles.json", EMBEDDED_PRINCIPLES),
            ("data/questions.json", EMBEDDED_QUESTIONS),
        ] {
            let file = BankFile::parse(name, text).expect("embedded bank parses");
            bank.add(name, text, file).expect("embedded bank is valid");
        }
        bank
    }

    /// Adds a parsed bank file to this bank, validating the result. With
    /// `"replace": true` the file's contents stand in for everything loaded
    /// so far. On error the bank is left unchanged.
    pub fn add(&mut self, name: &str, text: &str, file: BankFile) -> Result<(), BankError> {
        let mut next = if file.replace {
            Bank::default()
        } else {
            self.clone()
        };
        next.principles.extend(file.principles);
        next.questions.extend(file.questions);
        load::validate(&next, name, text)?;
        *self = next;
        Ok(())
    }

    /// Parses `text` (named `name` in errors) and adds it.
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<(), BankError> {
        let file = BankFile::parse(name, text)?;
        self.add(name, text, file)
    }

    pub fn principles(&self) -> &[Principle] {
        &self.principles
    }

    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn principle(&self, id: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.id.0 == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id.0 == id)
    }

    /// Questions whose main principle is `id`.
    pub fn questions_for<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions.iter().filter(move |q| q.principle.0 == id)
    }

    /// Up to `n` principle ids closest to a mistyped `id`, best first, for
    /// "did you mean" messages.
    pub fn nearest_principles(&self, id: &str, n: usize) -> Vec<&str> {
        nearest(id, self.principles.iter().map(|p| p.id.as_str()), n)
    }

    /// Up to `n` question ids closest to a mistyped `id`, best first.
    pub fn nearest_questions(&self, id: &str, n: usize) -> Vec<&str> {
        nearest(id, self.questions.iter().map(|q| q.id.as_str()), n)
    }
}

/// The `n` candidates with the smallest edit distance to `target`.
fn nearest<'a>(target: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> =
        candidates.map(|c| (edit_distance(target, c), c)).collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_bank_loads_all_sixteen_principles() {
        let bank = Bank::embedded();
        assert_eq!(bank.principles().len(), 16);
        assert!(bank.principle("earn_trust").is_some());
    }

    #[test]
    fn every_principle_has_at_least_eight_questions() {
        let bank = Bank::embedded();
        for p in bank.principles() {
            let n = bank.questions_for(p.id.as_str()).count();
            assert!(n >= 8, "{} has only {n} questions", p.id);
        }
    }

    #[test]
    fn nearest_suggests_the_closest_id_first() {
        let bank = Bank::embedded();
        assert_eq!(bank.nearest_principles("earn_trsut", 1), vec!["earn_trust"]);
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
