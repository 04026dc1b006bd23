//! The words of saved answers, for Review's search.
//!
//! Review lists answers from the store's summaries and reads no answer to
//! open; only a search needs the words, so the first `/` starts
//! [`Store::read_texts`], and the texts arrive between frames (on the
//! loop's tick) while the list already filters on question wording. All
//! of this happens in `update`: drawing only reads what has arrived. The
//! matching itself (a case-blind subsequence, as fuzzy finders accept) is
//! here too, with a fast form for text folded to lowercase once.

use std::collections::HashMap;

use crate::answer::{AnswerId, AnswerRecord};
use crate::store::{AnswerSummary, AnswerText, Store, TextReader, cap_text};

/// One answer's searchable words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The question as saved with the answer.
    pub question: String,
    /// The answer's text lowercased once, here, so each keystroke of a
    /// search compares without folding case again (at most the store's
    /// [`crate::store::TEXT_CAP`] bytes).
    pub folded: String,
    /// Where the first [`HEAD_CHARS`] characters of `folded` end.
    pub head_end: usize,
}

/// How much of each answer a Review search looks at: long answers are cut
/// so a search over 100,000 stays quick.
pub const HEAD_CHARS: usize = 400;

impl Words {
    pub fn new(question: String, text: &str) -> Words {
        let folded = text.to_lowercase();
        let head_end = folded
            .char_indices()
            .nth(HEAD_CHARS)
            .map_or(folded.len(), |(i, _)| i);
        Words {
            question,
            folded,
            head_end,
        }
    }

    /// The start of the answer, lowercased.
    pub fn head(&self) -> &str {
        &self.folded[..self.head_end]
    }
}

/// The words read so far, and the reader still bringing more.
#[derive(Debug, Default)]
pub struct AnswerWords {
    reader: Option<TextReader>,
    /// Whether a reading has been started (and not forgotten since).
    started: bool,
    /// In arrival order, which is the store's order.
    all: Vec<Words>,
    by_id: HashMap<AnswerId, usize>,
    /// Position in `all` of the words of each summary, by the summary's
    /// place in the store: a search walks the summaries and reaches each
    /// one's words without hashing its id on every keystroke.
    aligned: Vec<Option<usize>>,
    /// `aligned` matches the words and the summaries it was built for.
    aligned_fresh: bool,
}

impl AnswerWords {
    /// Starts reading every answer's words, once.
    pub fn start(&mut self, store: &Store) {
        if !self.started {
            self.started = true;
            self.reader = Some(store.read_texts());
            self.poll();
        }
    }

    /// Takes the words that have arrived; true if any did.
    pub fn poll(&mut self) -> bool {
        let Some(reader) = &mut self.reader else {
            return false;
        };
        let texts = reader.poll();
        if reader.is_done() {
            self.reader = None;
        }
        let arrived = !texts.is_empty();
        self.take(texts);
        arrived
    }

    /// Waits for every answer's words (for tests and benchmarks).
    pub fn finish(&mut self) {
        if let Some(mut reader) = self.reader.take() {
            let texts = reader.finish();
            self.take(texts);
        }
    }

    /// `(read, total)` while words are still arriving.
    pub fn loading(&self) -> Option<(usize, usize)> {
        self.reader.as_ref().map(|r| (r.received(), r.total))
    }

    /// How many answers' words have been read.
    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    /// The words of answer `id`, if read.
    pub fn get(&self, id: &AnswerId) -> Option<&Words> {
        self.by_id.get(id).map(|&i| &self.all[i])
    }

    /// Lines the words up with `summaries` (a no-op when nothing changed),
    /// for [`AnswerWords::at`].
    pub fn align(&mut self, summaries: &[AnswerSummary]) {
        if self.aligned_fresh && self.aligned.len() == summaries.len() {
            return;
        }
        self.aligned = summaries
            .iter()
            .map(|s| self.by_id.get(&s.id).copied())
            .collect();
        self.aligned_fresh = true;
    }

    /// The words of the summary at `index`, as last aligned.
    pub fn at(&self, index: usize) -> Option<&Words> {
        self.aligned
            .get(index)
            .copied()
            .flatten()
            .map(|i| &self.all[i])
    }

    /// Adds a just-saved answer's words, if a reading has started.
    pub fn add(&mut self, record: &AnswerRecord) {
        if self.started {
            let text = cap_text(record.text.clone());
            self.insert(
                record.id.clone(),
                Words::new(record.question.text.clone(), &text),
            );
        }
    }

    /// Drops what was read, so the next search reads afresh (the store
    /// was reopened).
    pub fn forget(&mut self) {
        *self = AnswerWords::default();
    }

    fn take(&mut self, texts: Vec<AnswerText>) {
        self.all.reserve(texts.len());
        self.by_id.reserve(texts.len());
        for t in texts {
            let words = Words::new(t.question, &t.text);
            self.insert(t.id, words);
        }
    }

    fn insert(&mut self, id: AnswerId, words: Words) {
        self.aligned_fresh = false;
        if let Some(&i) = self.by_id.get(&id) {
            self.all[i] = words;
        } else {
            self.by_id.insert(id, self.all.len());
            self.all.push(words);
        }
    }
}

/// Whether every character of `query` (lowercased) appears in `text` in
/// order, ignoring case: the same matches a fuzzy matcher such as skim's
/// accepts, without the scoring, which a filter does not need and which
/// costs a hundred times more over thousands of answers.
pub fn fuzzy_matches(text: &str, query: &[char]) -> bool {
    let mut wanted = query.iter().peekable();
    for c in text.chars().flat_map(char::to_lowercase) {
        match wanted.peek() {
            None => return true,
            Some(&&q) if q == c => {
                wanted.next();
            }
            Some(_) => {}
        }
    }
    wanted.peek().is_none()
}

/// [`fuzzy_matches`] for text already lowercased: each query character
/// is found with `str::find`, which skips ahead many bytes at a time, so a
/// keystroke over 100,000 answers stays within a frame.
pub fn folded_matches(folded: &str, query: &[char]) -> bool {
    let mut rest = folded;
    for &q in query {
        match rest.find(q) {
            Some(at) => rest = &rest[at + q.len_utf8()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{folded_matches, fuzzy_matches};
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    fn q(s: &str) -> Vec<char> {
        s.chars().flat_map(char::to_lowercase).collect()
    }

    #[test]
    fn folded_matches_agrees_with_fuzzy_matches_on_lowercased_text() {
        for text in [
            "Action: I rolled back in 5 minutes and added a Canary stage.",
            "Straße ÉCOLE naïve",
            "",
        ] {
            let folded = text.to_lowercase();
            for query in [
                "canary", "rbk", "i r b", "zzz", "", "éc", "ss", "ße", "stage.",
            ] {
                assert_eq!(
                    folded_matches(&folded, &q(query)),
                    fuzzy_matches(text, &q(query)),
                    "{text:?} {query:?}"
                );
            }
        }
    }

    #[test]
    fn fuzzy_matches_agrees_with_skim_on_what_matches() {
        let skim = SkimMatcherV2::default().ignore_case();
        let text = "Action: I rolled back in 5 minutes and added a Canary stage.";
        for query in [
            "canary", "CANARY", "rbk", "i r b", "5m", "zzz", "yranac", "", "stage.",
        ] {
            assert_eq!(
                fuzzy_matches(text, &q(query)),
                skim.fuzzy_match(text, query).is_some(),
                "{query:?}"
            );
        }
    }
}
