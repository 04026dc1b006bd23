//! Attempts that compare: a candidate answers the same question again and
//! sees, per signal, what changed since the last attempt (gained, lost,
//! the same) and how the total moved. Also the trend of one question's
//! attempts ("3 attempts: 41 → 58 → 72") for Review.
//!
//! Works from the index summaries ([`AnswerSummary`]: total and the signals
//! that fired), so finding the last attempt never reads an answer file.
//! Pure: no disk, no clock.

use crate::answer::AnswerId;
use crate::bank::QuestionId;
use crate::score::{Report, SignalId};
use crate::store::AnswerSummary;

/// What changed between the last attempt of a question and this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Delta {
    /// When the last attempt was saved.
    pub since: jiff::Timestamp,
    pub previous_total: f64,
    pub total: f64,
    /// Fired now, not last time (for a red flag, that is a loss).
    pub gained: Vec<SignalId>,
    /// Fired last time, not now.
    pub lost: Vec<SignalId>,
    /// Fired both times.
    pub same: Vec<SignalId>,
}

impl Delta {
    /// The change of total, this attempt minus the last.
    pub fn change(&self) -> f64 {
        self.total - self.previous_total
    }
}

/// The newest saved attempt of `question` other than `this`, made no later
/// than `at`. `summaries` is oldest first, as the store gives them.
pub fn previous<'a>(
    summaries: &'a [AnswerSummary],
    question: &QuestionId,
    this: &AnswerId,
    at: jiff::Timestamp,
) -> Option<&'a AnswerSummary> {
    summaries
        .iter()
        .rev()
        .find(|s| &s.question == question && &s.id != this && s.created <= at)
}

/// Per signal, what `report` kept, gained and lost against `before`, in
/// report order.
pub fn delta(before: &AnswerSummary, report: &Report) -> Delta {
    let now: Vec<SignalId> = report
        .signals
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.id)
        .collect();
    let mut d = Delta {
        since: before.created,
        previous_total: before.total,
        total: report.total,
        gained: Vec::new(),
        lost: Vec::new(),
        same: Vec::new(),
    };
    for id in SignalId::ALL {
        match (before.hits.contains(&id), now.contains(&id)) {
            (true, true) => d.same.push(id),
            (false, true) => d.gained.push(id),
            (true, false) => d.lost.push(id),
            (false, false) => {}
        }
    }
    d
}

/// Each attempt's total of `question`, oldest first.
pub fn totals(summaries: &[AnswerSummary], question: &QuestionId) -> Vec<f64> {
    summaries
        .iter()
        .filter(|s| &s.question == question)
        .map(|s| s.total)
        .collect()
}

/// "3 attempts: 41 → 58 → 72" (the last five when there are more);
/// `None` for a single attempt.
pub fn trend(totals: &[f64]) -> Option<String> {
    if totals.len() < 2 {
        return None;
    }
    let skip = totals.len().saturating_sub(5);
    let shown: Vec<String> = totals[skip..]
        .iter()
        .map(|t| format!("{:.0}", t.round()))
        .collect();
    let more = if skip > 0 { "… → " } else { "" };
    Some(format!(
        "{} attempts: {more}{}",
        totals.len(),
        shown.join(" → ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trends_show_the_last_five_attempts_oldest_first() {
        assert_eq!(trend(&[41.0]), None);
        assert_eq!(
            trend(&[41.0, 58.4, 72.5]).as_deref(),
            Some("3 attempts: 41 → 58 → 73")
        );
        assert_eq!(
            trend(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).as_deref(),
            Some("6 attempts: … → 2 → 3 → 4 → 5 → 6")
        );
    }
}
