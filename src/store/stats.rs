//! Progress figures computed from saved answers: per principle (for the
//! candidate and the weighted draw) and per question (for interviewers).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::answer::AnswerRecord;
use crate::bank::{PrincipleId, QuestionId};

/// One principle's practice history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleStats {
    pub principle: PrincipleId,
    pub count: usize,
    pub mean: f64,
    pub last: f64,
    /// Totals oldest first, for a sparkline.
    pub totals: Vec<f64>,
}

/// One question's results across answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionStats {
    pub question: QuestionId,
    pub count: usize,
    pub mean: f64,
    pub min: f64,
    pub max: f64,
}

/// Progress over all saved answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stats {
    pub answers: usize,
    /// Only principles with at least one answer, by id.
    pub principles: Vec<PrincipleStats>,
    pub questions: Vec<QuestionStats>,
}

impl Stats {
    /// Computes stats over `answers` (oldest first).
    pub fn compute(answers: &[AnswerRecord]) -> Stats {
        let mut by_principle: BTreeMap<&PrincipleId, Vec<f64>> = BTreeMap::new();
        let mut by_question: BTreeMap<&QuestionId, Vec<f64>> = BTreeMap::new();
        for a in answers {
            by_principle
                .entry(&a.question.principle)
                .or_default()
                .push(a.report.total);
            by_question
                .entry(&a.question.id)
                .or_default()
                .push(a.report.total);
        }
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        Stats {
            answers: answers.len(),
            principles: by_principle
                .into_iter()
                .map(|(p, totals)| PrincipleStats {
                    principle: p.clone(),
                    count: totals.len(),
                    mean: mean(&totals),
                    last: totals.last().copied().unwrap_or(0.0),
                    totals,
                })
                .collect(),
            questions: by_question
                .into_iter()
                .map(|(q, totals)| QuestionStats {
                    question: q.clone(),
                    count: totals.len(),
                    mean: mean(&totals),
                    min: totals.iter().copied().fold(f64::INFINITY, f64::min),
                    max: totals.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                })
                .collect(),
        }
    }
}
