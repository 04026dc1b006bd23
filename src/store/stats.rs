//! Progress figures computed from saved answers: per principle (for the
//! candidate and the weighted draw) and per question (for interviewers
//! calibrating). Pure arithmetic over summaries; no I/O.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::answer::AnswerRecord;
use crate::bank::{PrincipleId, QuestionId};
use crate::score::SignalId;

use super::index::Entry;

/// How many recent answers the trend compares with the ones before them.
pub const TREND_WINDOW: usize = 5;

/// One principle's practice history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleStats {
    pub principle: PrincipleId,
    pub count: usize,
    pub mean: f64,
    pub last: f64,
    /// When it was last practised.
    pub last_at: jiff::Timestamp,
    /// Mean of the latest answers minus the mean of as many before them
    /// (up to [`TREND_WINDOW`] each): positive is improving. 0 with fewer
    /// than two answers.
    pub trend: f64,
    /// Totals oldest first, for a sparkline.
    pub totals: Vec<f64>,
}

/// How often one signal fired across a question's answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignalRate {
    pub signal: SignalId,
    /// Answers in which it fired.
    pub fired: usize,
    /// `fired / count`, 0–1.
    pub rate: f64,
}

/// One question's results across answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionStats {
    pub question: QuestionId,
    pub principle: PrincipleId,
    pub count: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
    /// Every signal that fired at least once, most frequent first.
    pub signals: Vec<SignalRate>,
}

/// Progress over all saved answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stats {
    pub answers: usize,
    /// Only principles with at least one answer, by id.
    pub principles: Vec<PrincipleStats>,
    /// Only questions with at least one answer, by id.
    pub questions: Vec<QuestionStats>,
}

/// The part of an answer stats read.
struct Row<'a> {
    principle: &'a PrincipleId,
    question: &'a QuestionId,
    total: f64,
    at: jiff::Timestamp,
    hits: &'a [SignalId],
}

impl Stats {
    /// Computes stats over `answers`, oldest first.
    pub fn compute(answers: &[AnswerRecord]) -> Stats {
        let hits: Vec<Vec<SignalId>> = answers
            .iter()
            .map(|a| {
                a.report
                    .signals
                    .iter()
                    .filter(|s| s.hit)
                    .map(|s| s.id)
                    .collect()
            })
            .collect();
        Stats::from_rows(answers.iter().zip(&hits).map(|(a, hits)| Row {
            principle: &a.question.principle,
            question: &a.question.id,
            total: a.report.total,
            at: a.created,
            hits,
        }))
    }

    pub(crate) fn from_entries(entries: &[Entry]) -> Stats {
        Stats::from_rows(entries.iter().map(|e| Row {
            principle: &e.principle,
            question: &e.question,
            total: e.total,
            at: e.created,
            hits: &e.hits,
        }))
    }

    fn from_rows<'a>(rows: impl Iterator<Item = Row<'a>>) -> Stats {
        let mut by_principle: BTreeMap<&PrincipleId, (Vec<f64>, jiff::Timestamp)> = BTreeMap::new();
        let mut by_question: BTreeMap<&QuestionId, QuestionAcc<'a>> = BTreeMap::new();
        let mut answers = 0;
        for row in rows {
            answers += 1;
            let p = by_principle
                .entry(row.principle)
                .or_insert_with(|| (Vec::new(), row.at));
            p.0.push(row.total);
            p.1 = p.1.max(row.at);
            let q = by_question
                .entry(row.question)
                .or_insert_with(|| QuestionAcc {
                    principle: row.principle,
                    totals: Vec::new(),
                    fired: BTreeMap::new(),
                });
            q.totals.push(row.total);
            for hit in row.hits {
                *q.fired.entry(*hit).or_default() += 1;
            }
        }
        Stats {
            answers,
            principles: by_principle
                .into_iter()
                .map(|(principle, (totals, last_at))| PrincipleStats {
                    principle: principle.clone(),
                    count: totals.len(),
                    mean: mean(&totals),
                    last: totals.last().copied().unwrap_or(0.0),
                    last_at,
                    trend: trend(&totals),
                    totals,
                })
                .collect(),
            questions: by_question
                .into_iter()
                .map(|(question, acc)| acc.finish(question))
                .collect(),
        }
    }
}

struct QuestionAcc<'a> {
    principle: &'a PrincipleId,
    totals: Vec<f64>,
    fired: BTreeMap<SignalId, usize>,
}

impl QuestionAcc<'_> {
    fn finish(self, question: &QuestionId) -> QuestionStats {
        let count = self.totals.len();
        let mut signals: Vec<SignalRate> = self
            .fired
            .into_iter()
            .map(|(signal, fired)| SignalRate {
                signal,
                fired,
                rate: ratio(fired, count),
            })
            .collect();
        signals.sort_by(|a, b| b.fired.cmp(&a.fired).then(a.signal.cmp(&b.signal)));
        QuestionStats {
            question: question.clone(),
            principle: self.principle.clone(),
            count,
            mean: mean(&self.totals),
            min: self.totals.iter().copied().fold(f64::INFINITY, f64::min),
            max: self
                .totals
                .iter()
                .copied()
                .fold(f64::NEG_INFINITY, f64::max),
            signals,
        }
    }
}

/// `part` over `whole`, 0 when there is no whole.
#[allow(clippy::cast_precision_loss)] // counts far below 2^52
pub(super) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() * ratio(1, values.len())
    }
}

/// Recent mean minus the mean just before it; see [`PrincipleStats::trend`].
fn trend(totals: &[f64]) -> f64 {
    let k = TREND_WINDOW.min(totals.len() / 2);
    if k == 0 {
        return 0.0;
    }
    let n = totals.len();
    mean(&totals[n - k..]) - mean(&totals[n - 2 * k..n - k])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_compares_recent_answers_with_the_ones_before() {
        assert!((trend(&[]) - 0.0).abs() < f64::EPSILON);
        assert!((trend(&[50.0]) - 0.0).abs() < f64::EPSILON);
        assert!((trend(&[40.0, 60.0]) - 20.0).abs() < 1e-9);
        assert!((trend(&[10.0, 40.0, 60.0]) - 20.0).abs() < 1e-9);
        let rising: Vec<f64> = (0..20).map(f64::from).collect();
        // last five (15..=19) minus the five before (10..=14)
        assert!((trend(&rising) - 5.0).abs() < 1e-9);
    }

    #[test]
    fn signal_rates_count_answers_in_which_a_signal_fired() {
        let p = PrincipleId("earn_trust".into());
        let q = QuestionId("earn_trust-01".into());
        let at = jiff::Timestamp::UNIX_EPOCH;
        let hits = [
            vec![SignalId::StarTask, SignalId::OwnsFaultFirst],
            vec![SignalId::StarTask],
        ];
        let stats = Stats::from_rows(hits.iter().enumerate().map(|(i, h)| Row {
            principle: &p,
            question: &q,
            total: if i == 0 { 30.0 } else { 70.0 },
            at,
            hits: h,
        }));
        let qs = &stats.questions[0];
        assert_eq!((qs.count, qs.min, qs.max), (2, 30.0, 70.0));
        assert!((qs.mean - 50.0).abs() < 1e-9);
        assert_eq!(qs.signals[0].signal, SignalId::StarTask);
        assert!((qs.signals[0].rate - 1.0).abs() < 1e-9);
        assert_eq!(qs.signals[1].fired, 1);
        assert!((qs.signals[1].rate - 0.5).abs() < 1e-9);
        assert_eq!(stats.principles[0].totals, vec![30.0, 70.0]);
    }
}
