//! The words of saved answers, for Review's search.
//!
//! Review lists answers from the store's summaries and reads no answer to
//! open; only a search needs the words, so the first `/` starts
//! [`Store::read_texts`], and the texts arrive between frames (on the
//! loop's tick) while the list already filters on question wording. All
//! of this happens in `update`: drawing only reads what has arrived. Each
//! text is lowercased once as it arrives, so a keystroke's search
//! ([`crate::search::Query::score_lowered`]) folds nothing again.

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
}

impl Words {
    pub fn new(question: String, text: &str) -> Words {
        Words {
            question,
            folded: text.to_lowercase(),
        }
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
