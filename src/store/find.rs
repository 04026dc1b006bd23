//! Finding a saved answer by its words, so `answer` can say when the same
//! text was already saved for a question. Only the answers to that one
//! question are read, found through the index.

use crate::answer::AnswerId;
use crate::bank::QuestionId;

use super::Store;

impl Store {
    /// The newest saved answer to `question` whose text is exactly `text`.
    pub fn find_same_words(&self, question: &QuestionId, text: &str) -> Option<AnswerId> {
        self.entries
            .iter()
            .rev()
            .filter(|e| &e.question == question)
            .find(|e| self.load(&e.id).is_ok_and(|r| r.text == text))
            .map(|e| e.id.clone())
    }
}
