//! What the concept tests share: scoring a text as a story for a
//! principle or as a mistake, and reading a signal off the report.

use super::{Report, Rubric, SignalId, Target, score};
use crate::bank::QuestionKind;

/// Scores `text` as an answer to a story question for `principle`.
pub fn story(principle: &str, text: &str) -> Report {
    let target = Target {
        principle,
        question_id: None,
        kind: None,
    };
    score(text, &target, &Rubric::embedded())
}

/// Scores `text` as an answer to a mistake question for `principle`.
pub fn mistake_for(principle: &str, text: &str) -> Report {
    let target = Target {
        principle,
        question_id: None,
        kind: Some(QuestionKind::Mistake),
    };
    score(text, &target, &Rubric::embedded())
}

/// Whether signal `id` fired.
pub fn hit(r: &Report, id: SignalId) -> bool {
    r.signal(id).is_some_and(|s| s.hit)
}

/// The points signal `id` earned or cost; 0 where it does not count.
pub fn points(r: &Report, id: SignalId) -> f64 {
    r.signal(id).map_or(0.0, |s| s.points)
}
