//! How graders agree, with each other and with the scorer, over the grades
//! saved in review notes: the numbers `barraiser calibrate --store` prints.
//!
//! Interview research puts two separate interviewers' agreement near .44
//! and a trained panel's near .74; a panel gets there by grading the same
//! answers blind and talking through the ones they disagree on. This module
//! finds those figures and those answers. Pure arithmetic over records;
//! where the data is too thin a figure is `None` with a note saying why,
//! never a made-up number.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::answer::{AnswerId, AnswerRecord};
use crate::bank::QuestionId;
use crate::score::calibrate::spearman;

/// How many disagreements are listed.
pub const MAX_DISAGREEMENTS: usize = 10;

/// One reviewer's grading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewerStats {
    pub name: String,
    /// Answers this reviewer graded.
    pub graded: usize,
    pub mean_grade: Option<f64>,
    /// Mean of (this reviewer's grade − the other reviewers' mean grade) on
    /// the answers they share: above 0 grades more kindly than the panel.
    pub leniency: Option<f64>,
    /// Spearman rank correlation of this reviewer's grades with the
    /// scorer's totals.
    pub spearman_vs_score: Option<f64>,
    /// Why a figure above is missing, when one is.
    pub note: Option<String>,
}

/// Agreement between reviewers on answers graded by two or more.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Krippendorff's alpha with the ordinal distance: 1 is perfect
    /// agreement, 0 no better than chance.
    pub krippendorff_alpha: Option<f64>,
    /// Answers graded by two or more reviewers.
    pub answers: usize,
    /// Reviewers who graded at least one of those answers.
    pub graders: usize,
    pub note: Option<String>,
}

/// An answer the reviewers graded differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub id: AnswerId,
    pub question_id: QuestionId,
    pub question: String,
    pub grades: BTreeMap<String, u8>,
    /// The scorer's total.
    pub total: f64,
}

/// Everything `calibrate --store` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// Answers with at least one grade.
    pub answers_graded: usize,
    pub reviewers: Vec<ReviewerStats>,
    pub agreement: Agreement,
    /// Widest spread of grades first, at most [`MAX_DISAGREEMENTS`].
    pub disagreements: Vec<Disagreement>,
}

/// One graded answer: each reviewer's latest grade, and the score.
struct Graded<'a> {
    record: &'a AnswerRecord,
    grades: BTreeMap<&'a str, u8>,
}

impl Calibration {
    /// Computes the figures over `answers`; with `only`, the reviewer rows
    /// and disagreements are limited to that reviewer (agreement stays the
    /// panel's).
    pub fn compute(answers: &[AnswerRecord], only: Option<&str>) -> Calibration {
        let graded: Vec<Graded> = answers.iter().filter_map(latest_grades).collect();
        let mut names: Vec<&str> = graded
            .iter()
            .flat_map(|g| g.grades.keys().copied())
            .collect();
        names.sort_unstable();
        names.dedup();
        if let Some(name) = only {
            names.retain(|n| *n == name);
            if names.is_empty() {
                names.push(name);
            }
        }
        let reviewers = names.iter().map(|n| reviewer(n, &graded)).collect();
        let mut disagreements: Vec<(u8, Disagreement)> = graded
            .iter()
            .filter(|g| only.is_none_or(|n| g.grades.contains_key(n)))
            .filter_map(|g| {
                let spread = spread(g.grades.values().copied())?;
                (spread > 0).then(|| {
                    let by_name = g.grades.iter().map(|(n, v)| ((*n).to_owned(), *v));
                    (
                        spread,
                        Disagreement {
                            id: g.record.id.clone(),
                            question_id: g.record.question.id.clone(),
                            question: g.record.question.text.clone(),
                            grades: by_name.collect(),
                            total: g.record.report.total,
                        },
                    )
                })
            })
            .collect();
        disagreements.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        disagreements.truncate(MAX_DISAGREEMENTS);
        Calibration {
            answers_graded: graded.len(),
            reviewers,
            agreement: agreement(&graded),
            disagreements: disagreements.into_iter().map(|(_, d)| d).collect(),
        }
    }
}

/// Each reviewer's latest grade on `record`; `None` when nobody graded it.
fn latest_grades(record: &AnswerRecord) -> Option<Graded<'_>> {
    let grades = latest_by_reviewer(record);
    (!grades.is_empty()).then_some(Graded { record, grades })
}

/// Each reviewer's latest grade on `record`, by reviewer name: a reviewer
/// who graded twice counts once, with their second thought.
pub(super) fn latest_by_reviewer(record: &AnswerRecord) -> BTreeMap<&str, u8> {
    let mut reviews: Vec<_> = record
        .reviews
        .iter()
        .filter(|r| r.grade.is_some())
        .collect();
    reviews.sort_by_key(|r| r.at);
    reviews
        .into_iter()
        .filter_map(|r| Some((r.reviewer.as_str(), r.grade?)))
        .collect()
}

/// Highest grade minus lowest, when two or more reviewers graded.
fn spread(grades: impl Iterator<Item = u8> + Clone) -> Option<u8> {
    if grades.clone().count() < 2 {
        return None;
    }
    Some(grades.clone().max()? - grades.min()?)
}

fn reviewer(name: &str, graded: &[Graded]) -> ReviewerStats {
    let mine: Vec<(&Graded, f64)> = graded
        .iter()
        .filter_map(|g| Some((g, f64::from(*g.grades.get(name)?))))
        .collect();
    let mut notes = Vec::new();
    let mean_grade = mean(mine.iter().map(|(_, v)| *v));
    if mean_grade.is_none() {
        notes.push(format!("{name} has graded no answer"));
    }
    let offsets = mine.iter().filter_map(|(g, v)| {
        let others = mean(
            g.grades
                .iter()
                .filter(|(n, _)| **n != name)
                .map(|(_, o)| f64::from(*o)),
        )?;
        Some(v - others)
    });
    let leniency = mean(offsets);
    if mean_grade.is_some() && leniency.is_none() {
        notes.push("no answer graded by another reviewer too, so no leniency".to_owned());
    }
    let pairs: Vec<(f64, f64)> = mine
        .iter()
        .map(|(g, v)| (*v, g.record.report.total))
        .collect();
    let spearman_vs_score = spearman(&pairs);
    if spearman_vs_score.is_none() && !pairs.is_empty() {
        notes.push(if pairs.len() < 3 {
            "fewer than 3 graded answers, so no Spearman".to_owned()
        } else {
            "every grade (or every score) is the same, so no Spearman".to_owned()
        });
    }
    ReviewerStats {
        name: name.to_owned(),
        graded: mine.len(),
        mean_grade,
        leniency,
        spearman_vs_score,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

#[allow(clippy::cast_precision_loss)] // counts far below 2^52
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0_usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn agreement(graded: &[Graded]) -> Agreement {
    let units: Vec<Vec<u8>> = graded
        .iter()
        .filter(|g| g.grades.len() >= 2)
        .map(|g| g.grades.values().copied().collect())
        .collect();
    let mut graders: Vec<&str> = graded
        .iter()
        .filter(|g| g.grades.len() >= 2)
        .flat_map(|g| g.grades.keys().copied())
        .collect();
    graders.sort_unstable();
    graders.dedup();
    let (alpha, note) = if units.len() < 2 {
        (
            None,
            Some(format!(
                "{} answer(s) graded by two or more reviewers; alpha needs at least 2",
                units.len()
            )),
        )
    } else {
        match krippendorff_alpha_ordinal(&units) {
            Some(a) => (Some(a), None),
            None => (
                None,
                Some("every grade on the shared answers is the same, so agreement beyond chance cannot be told".to_owned()),
            ),
        }
    };
    Agreement {
        krippendorff_alpha: alpha,
        answers: units.len(),
        graders: graders.len(),
        note,
    }
}

/// Krippendorff's alpha for grades 1–5 with the ordinal distance, over
/// units (answers) that each hold two or more grades.
///
/// Coincidences: every ordered pair of grades within a unit of `m` grades
/// adds `1 / (m − 1)` to `o[c][k]`; `n_c` sums row `c`, `n` all. The
/// ordinal distance of `c ≤ k` is `(Σ_{g=c..k} n_g − (n_c + n_k) / 2)²`.
/// Then `α = 1 − (n − 1) Σ o_ck δ_ck / Σ n_c n_k δ_ck`. `None` when the
/// expected disagreement is 0 (one grade value only).
pub fn krippendorff_alpha_ordinal(units: &[Vec<u8>]) -> Option<f64> {
    let mut o = [[0.0_f64; 5]; 5];
    for unit in units.iter().filter(|u| u.len() >= 2) {
        #[allow(clippy::cast_precision_loss)] // a handful of grades
        let weight = 1.0 / (unit.len() - 1) as f64;
        for (i, a) in unit.iter().enumerate() {
            for (j, b) in unit.iter().enumerate() {
                let (Some(c), Some(k)) = (slot(*a), slot(*b)) else {
                    continue;
                };
                if i != j {
                    o[c][k] += weight;
                }
            }
        }
    }
    let nc: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = nc.iter().sum();
    let delta = |c: usize, k: usize| {
        let (lo, hi) = (c.min(k), c.max(k));
        let between: f64 = nc[lo..=hi].iter().sum();
        (between - f64::midpoint(nc[lo], nc[hi])).powi(2)
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..5 {
        for k in 0..5 {
            if c != k {
                observed += o[c][k] * delta(c, k);
                expected += nc[c] * nc[k] * delta(c, k);
            }
        }
    }
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

/// Grade 1–5 as an index 0–4.
fn slot(grade: u8) -> Option<usize> {
    (1..=5).contains(&grade).then(|| usize::from(grade - 1))
}

#[cfg(test)]
mod tests {
    use super::krippendorff_alpha_ordinal as alpha;

    #[test]
    fn alpha_is_one_for_full_agreement_and_falls_with_disagreement() {
        let same = [vec![1, 1], vec![3, 3], vec![5, 5]];
        assert!((alpha(&same).unwrap() - 1.0).abs() < 1e-9);
        // Worked by hand in tests/calibrate_store.rs: 113/198.
        let partly = [vec![2, 2], vec![3, 4], vec![5, 3]];
        assert!((alpha(&partly).unwrap() - 113.0 / 198.0).abs() < 1e-9);
        let crossed = [vec![1, 5], vec![5, 1]];
        assert!(alpha(&crossed).unwrap() < 0.0);
        assert_eq!(alpha(&[vec![4, 4], vec![4, 4]]), None);
    }

    #[test]
    fn a_near_miss_costs_less_than_a_far_one() {
        let near = [vec![1, 1], vec![5, 5], vec![3, 4]];
        let far = [vec![1, 1], vec![5, 5], vec![3, 5]];
        assert!(alpha(&near).unwrap() > alpha(&far).unwrap());
    }
}
