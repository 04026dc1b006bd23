//! Fuzzy search over questions: text, tags, kind and principle name.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Bank, Question};

/// Questions matching `query`, best first. A question's score is its best
/// field's; ties keep bank order so results are stable.
pub fn search<'a>(bank: &'a Bank, questions: &[&'a Question], query: &str) -> Vec<&'a Question> {
    let query = query.trim();
    if query.is_empty() {
        return questions.to_vec();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, usize, &Question)> = questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let principle = bank.principle(q.principle.as_str()).map_or("", |p| &p.name);
            std::iter::once(q.text.as_str())
                .chain(q.tags.iter().map(String::as_str))
                .chain([q.kind.as_str(), principle])
                .filter_map(|field| matcher.fuzzy_match(field, query))
                .max()
                .map(|score| (score, i, *q))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, q)| q).collect()
}
