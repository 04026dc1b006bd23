//! The words of saved answers, for searching them, without holding every
//! record in memory or making a screen wait for 100,000 files.
//!
//! Summaries (the index) are enough to list answers; a search needs each
//! answer's text and its question's wording. [`Store::read_texts`] reads
//! just those two fields: at once for a small store, on a thread for a
//! large one, handing them over in batches a screen can take between
//! frames ([`TextReader::poll`]). Each text is cut at [`TEXT_CAP`] bytes so
//! one enormous answer cannot fill memory.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use serde::Deserialize;

use crate::answer::AnswerId;

use super::Store;

/// The most of one answer's text kept for searching.
pub const TEXT_CAP: usize = 64 * 1024;
/// Stores up to this size are read at once: quicker than a thread's
/// hand-over, and tests see the texts straight away.
const INLINE: usize = 1000;
/// Texts per batch sent from the reading thread.
const BATCH: usize = 2000;

/// One answer's searchable words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerText {
    pub id: AnswerId,
    /// The question as saved with the answer.
    pub question: String,
    /// The answer, cut at [`TEXT_CAP`] bytes.
    pub text: String,
}

/// Texts on their way from the disk.
pub struct TextReader {
    ready: Vec<AnswerText>,
    rx: Option<Receiver<Vec<AnswerText>>>,
    /// How many answers are being read in all.
    pub total: usize,
    received: usize,
}

impl std::fmt::Debug for TextReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextReader")
            .field("total", &self.total)
            .field("received", &self.received)
            .finish_non_exhaustive()
    }
}

impl TextReader {
    /// The texts that have arrived since the last call, without waiting.
    pub fn poll(&mut self) -> Vec<AnswerText> {
        let mut out = std::mem::take(&mut self.ready);
        while let Some(rx) = &self.rx {
            match rx.try_recv() {
                Ok(mut batch) => out.append(&mut batch),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => self.rx = None,
            }
        }
        self.received += out.len();
        out
    }

    /// Every text not yet taken, waiting for the reader to finish.
    pub fn finish(&mut self) -> Vec<AnswerText> {
        let mut out = std::mem::take(&mut self.ready);
        if let Some(rx) = self.rx.take() {
            for mut batch in rx {
                out.append(&mut batch);
            }
        }
        self.received += out.len();
        out
    }

    /// How many texts have been taken so far.
    pub fn received(&self) -> usize {
        self.received
    }

    /// True once every text has been read and taken.
    pub fn is_done(&self) -> bool {
        self.rx.is_none() && self.ready.is_empty()
    }
}

impl Store {
    /// Starts reading the question wording and text of every saved answer
    /// (files that no longer load are left out).
    pub fn read_texts(&self) -> TextReader {
        let files: Vec<(AnswerId, PathBuf)> = self
            .entries
            .iter()
            .map(|e| (e.id.clone(), self.layout.answer(&e.id)))
            .collect();
        let total = files.len();
        if let Some(loaded) = self.records.get() {
            let ready = loaded
                .records
                .iter()
                .map(|r| AnswerText {
                    id: r.id.clone(),
                    question: r.question.text.clone(),
                    text: capped(r.text.clone()),
                })
                .collect();
            return TextReader::at_once(ready, total);
        }
        if total <= INLINE {
            return TextReader::at_once(files.iter().filter_map(read_text).collect(), total);
        }
        let files = Arc::new(files);
        let shared = Arc::clone(&files);
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("barraiser-texts".to_owned())
            .spawn(move || {
                for part in shared.chunks(BATCH) {
                    let batch: Vec<AnswerText> = part.iter().filter_map(read_text).collect();
                    if tx.send(batch).is_err() {
                        return; // no one is waiting any more
                    }
                }
            });
        match spawned {
            Ok(_) => TextReader {
                ready: Vec::new(),
                rx: Some(rx),
                total,
                received: 0,
            },
            // No thread to be had: read here rather than not at all.
            Err(_) => TextReader::at_once(files.iter().filter_map(read_text).collect(), total),
        }
    }
}

impl TextReader {
    fn at_once(ready: Vec<AnswerText>, total: usize) -> TextReader {
        TextReader {
            ready,
            rx: None,
            total,
            received: 0,
        }
    }
}

/// Only the two fields a search needs; serde skips the rest.
#[derive(Deserialize)]
struct Words {
    question: Question,
    text: String,
}

#[derive(Deserialize)]
struct Question {
    text: String,
}

fn read_text((id, path): &(AnswerId, PathBuf)) -> Option<AnswerText> {
    let bytes = std::fs::read(path).ok()?;
    let words: Words = serde_json::from_slice(&bytes).ok()?;
    Some(AnswerText {
        id: id.clone(),
        question: words.question.text,
        text: capped(words.text),
    })
}

/// `text` cut to at most [`TEXT_CAP`] bytes, on a character boundary.
pub fn capped(mut text: String) -> String {
    if text.len() > TEXT_CAP {
        let mut end = TEXT_CAP;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_on_a_character_boundary() {
        let text = "é".repeat(TEXT_CAP);
        let cut = capped(text);
        assert!(cut.len() <= TEXT_CAP && cut.len() >= TEXT_CAP - 1);
        assert!(cut.chars().all(|c| c == 'é'));
        assert_eq!(capped("short".to_owned()), "short");
    }
}
