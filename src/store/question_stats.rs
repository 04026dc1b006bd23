//! How each question performs, for interviewers choosing questions: how
//! many answers it drew, their totals, their grades, whether the scorer
//! ranks its answers as graders do (discrimination), and how often its
//! principle's own signals fire. The four STAR structure signals fire in
//! nearly every answer to every question, so they say nothing about one
//! question and are left out. Pure arithmetic over records.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::answer::AnswerRecord;
use crate::bank::{Bank, PrincipleId, QuestionId, QuestionKind};
use crate::score::calibrate::spearman;
use crate::score::{Rubric, SignalId};

use super::stats::ratio;

/// Below this many answers a question is not flagged: too few to tell.
pub const FLAG_MIN_ANSWERS: usize = 3;
/// A question whose best-drawn positive signal of its own fires in fewer
/// answers than this share is flagged.
pub const FLAG_RATE: f64 = 0.25;

/// One question's performance. `None` (JSON `null`) where unknown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionPerformance {
    pub id: QuestionId,
    pub text: String,
    pub principle: PrincipleId,
    pub answers: usize,
    pub mean_total: f64,
    /// Standard deviation of the totals (sample); `None` below 2 answers.
    pub spread: Option<f64>,
    /// Mean grade over graded answers (each answer's reviewers averaged).
    pub mean_grade: Option<f64>,
    /// Spearman of totals against grades over graded answers; `None` below
    /// 3 graded answers or when all grades (or totals) are equal.
    pub discrimination: Option<f64>,
    /// The share of answers in which each of the principle's own signals
    /// fired (STAR structure and signals every principle shares left out).
    pub signal_rates: BTreeMap<SignalId, f64>,
    /// Why an interviewer should look at this question, if they should.
    pub flag: Option<String>,
}

/// The STAR structure signals, which every good answer to any question
/// earns.
pub fn is_star(id: SignalId) -> bool {
    matches!(
        id,
        SignalId::StarSituation | SignalId::StarTask | SignalId::StarAction | SignalId::StarResult
    )
}

/// The signals that count for `principle` and a question of `kind` (the
/// mistake signals for a mistake question or principle) beyond the ones
/// every principle shares, with their weights.
pub fn own_signals(
    rubric: &Rubric,
    principle: &str,
    kind: Option<QuestionKind>,
) -> Vec<(SignalId, f64)> {
    // No principle is named "": its weights are the shared ones.
    let shared = &rubric.weighting("", None).weights;
    let mine = &rubric.weighting(principle, kind).weights;
    SignalId::ALL
        .iter()
        .zip(mine.iter().zip(shared))
        .filter(|(id, _)| !is_star(**id))
        .filter_map(|(id, (w, s))| {
            let w = (*w)?;
            (*s != Some(w)).then_some((*id, w))
        })
        .collect()
}

/// The mean of each reviewer's latest grade on `record`, if any.
pub fn answer_grade(record: &AnswerRecord) -> Option<f64> {
    let latest = super::grading::latest_by_reviewer(record);
    mean(latest.values().map(|g| f64::from(*g)))
}

/// Every question with at least one answer in `answers` (by id), limited
/// to `principle` when given. Texts come from the bank, else from the
/// saved answers.
pub fn question_performance(
    answers: &[AnswerRecord],
    bank: &Bank,
    rubric: &Rubric,
    principle: Option<&PrincipleId>,
) -> Vec<QuestionPerformance> {
    let mut by_question: BTreeMap<&QuestionId, Vec<&AnswerRecord>> = BTreeMap::new();
    for a in answers
        .iter()
        .filter(|a| principle.is_none_or(|p| &a.question.principle == p))
    {
        by_question.entry(&a.question.id).or_default().push(a);
    }
    by_question
        .into_iter()
        .map(|(id, records)| one(id, &records, bank, rubric))
        .collect()
}

fn one(
    id: &QuestionId,
    records: &[&AnswerRecord],
    bank: &Bank,
    rubric: &Rubric,
) -> QuestionPerformance {
    let first = records[0];
    let in_bank = bank.question(id.as_str());
    let text = in_bank.map_or_else(|| first.question.text.clone(), |q| q.text.clone());
    let principle =
        in_bank.map_or_else(|| first.question.principle.clone(), |q| q.principle.clone());
    let kind = in_bank.map_or_else(|| rubric.question_kind(&text), |q| Some(q.kind));
    let totals: Vec<f64> = records.iter().map(|r| r.report.total).collect();
    let graded: Vec<(f64, f64)> = records
        .iter()
        .filter_map(|r| Some((r.report.total, answer_grade(r)?)))
        .collect();
    let own = own_signals(rubric, principle.as_str(), kind);
    let signal_rates: BTreeMap<SignalId, f64> = own
        .iter()
        .map(|(sig, _)| {
            let fired = records
                .iter()
                .filter(|r| r.report.signals.iter().any(|s| s.id == *sig && s.hit))
                .count();
            (*sig, ratio(fired, records.len()))
        })
        .collect();
    let best_positive = own
        .iter()
        .filter(|(_, w)| *w > 0.0)
        .filter_map(|(sig, _)| signal_rates.get(sig).copied())
        .fold(None, |best: Option<f64>, r| {
            Some(best.map_or(r, |b| b.max(r)))
        });
    let flag = match best_positive {
        Some(rate) if records.len() >= FLAG_MIN_ANSWERS && rate < FLAG_RATE => Some(format!(
            "rarely draws its principle's signals: the most frequent fires in {:.0}% of answers",
            rate * 100.0
        )),
        _ => None,
    };
    QuestionPerformance {
        id: id.clone(),
        text,
        principle,
        answers: records.len(),
        mean_total: mean(totals.iter().copied()).unwrap_or(0.0),
        spread: std_dev(&totals),
        mean_grade: mean(graded.iter().map(|g| g.1)),
        discrimination: spearman(&graded),
        signal_rates,
        flag,
    }
}

#[allow(clippy::cast_precision_loss)] // counts far below 2^52
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0_usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

#[allow(clippy::cast_precision_loss)] // counts far below 2^52
fn std_dev(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let m = mean(values.iter().copied())?;
    let ss: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    Some((ss / (values.len() - 1) as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_signals_leave_out_star_and_the_shared_ones() {
        let rubric = Rubric::embedded();
        let own = own_signals(&rubric, "earn_trust", None);
        assert!(!own.is_empty());
        assert!(own.iter().all(|(s, _)| !is_star(*s)));
        let shared = own_signals(&rubric, "", None);
        assert!(shared.is_empty(), "{shared:?}");
    }

    #[test]
    fn spread_is_the_sample_standard_deviation() {
        assert_eq!(std_dev(&[50.0]), None);
        let s = std_dev(&[40.0, 60.0]).unwrap();
        assert!((s - 200.0_f64.sqrt()).abs() < 1e-9);
    }
}
