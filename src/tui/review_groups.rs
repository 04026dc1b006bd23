//! Review's grouping of attempts: newest first, the attempts of one
//! question follow its newest, which carries the question's trend
//! ("3 attempts: 41 → 58 → 72", [`crate::attempts::trend`]). From the
//! summaries only, like the rest of the list.

use std::collections::HashMap;

use super::review::ReviewList;
use crate::bank::QuestionId;
use crate::store::AnswerSummary;

impl ReviewList {
    /// Regroups newest-first rows so each question's attempts follow its
    /// newest one, and notes each group's trend (over every saved attempt
    /// of the question, listed or not).
    pub(super) fn group_attempts(&mut self, answers: &[AnswerSummary]) {
        let mut order: Vec<&QuestionId> = Vec::new();
        let mut groups: HashMap<&QuestionId, Vec<usize>> = HashMap::new();
        for &i in &self.rows {
            let q = &answers[i].question;
            groups
                .entry(q)
                .or_insert_with(|| {
                    order.push(q);
                    Vec::new()
                })
                .push(i);
        }
        if order.len() == self.rows.len() {
            return;
        }
        let mut totals: HashMap<&QuestionId, Vec<f64>> = HashMap::new();
        for a in answers {
            if groups.contains_key(&a.question) {
                totals.entry(&a.question).or_default().push(a.total);
            }
        }
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut trends = Vec::with_capacity(self.rows.len());
        for q in order {
            let group = &groups[q];
            let trend = totals.get(q).and_then(|t| crate::attempts::trend(t));
            for (n, &i) in group.iter().enumerate() {
                rows.push(i);
                trends.push(match (&trend, n) {
                    (None, _) => None,
                    (Some(t), 0) => Some(t.clone()),
                    (Some(_), _) => Some(String::new()),
                });
            }
        }
        self.rows = rows;
        self.trends = trends;
    }
}
