//! Searching the questions by what a person means (see [`crate::search`]):
//! over the question's full text, its tags, kind and principle name.

use super::{Bank, Question};
use crate::search::Query;

/// Questions matching `query`, best first: every word of the query must
/// match a word of the question, in any form; ties keep bank order so
/// results are stable. Only when nothing matches is one typo per word
/// forgiven: a word that is found as written was not misspelt, and its
/// one-letter neighbours ("missed" → "misused") are not what was meant.
pub fn search<'a>(bank: &'a Bank, questions: &[&'a Question], query: &str) -> Vec<&'a Question> {
    let exact = rank(bank, questions, &Query::exact(query));
    if exact.is_empty() {
        rank(bank, questions, &Query::new(query))
    } else {
        exact
    }
}

fn rank<'a>(bank: &'a Bank, questions: &[&'a Question], query: &Query) -> Vec<&'a Question> {
    if query.is_empty() {
        return questions.to_vec();
    }
    let mut scored: Vec<(u32, usize, &Question)> = questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let principle = bank.principle(q.principle.as_str()).map_or("", |p| &p.name);
            let mut fields = vec![q.text.as_str(), q.kind.as_str(), principle];
            fields.extend(q.tags.iter().map(String::as_str));
            query.score(&fields).map(|score| (score, i, *q))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, q)| q).collect()
}
