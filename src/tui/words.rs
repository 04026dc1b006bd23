//! The words of saved answers, for Review's search.
//!
//! Review lists answers from the store's summaries and reads no answer to
//! open; only a search needs the words, so the first `/` starts
//! [`Store::read_texts`], and the texts arrive between frames (on the
//! loop's tick) while the list already filters on question wording. All
//! of this happens in `update`: drawing only reads what has arrived.

use std::collections::HashMap;

use crate::answer::{AnswerId, AnswerRecord};
use crate::store::{AnswerText, Store, TextReader, cap_text};

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
    pub by_id: HashMap<AnswerId, Words>,
    /// Whether a reading has been started (and not forgotten since).
    started: bool,
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

    /// Adds a just-saved answer's words, if a reading has started.
    pub fn add(&mut self, record: &AnswerRecord) {
        if self.started {
            let text = cap_text(record.text.clone());
            self.by_id.insert(
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
        self.by_id.reserve(texts.len());
        for t in texts {
            let words = Words::new(t.question, &t.text);
            self.by_id.insert(t.id, words);
        }
    }
}
