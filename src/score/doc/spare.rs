//! Buffers kept between analyses on one thread (see
//! [`kept`](crate::score::kept)).
//!
//! Scoring a batch would otherwise take and free the same dozen
//! token-sized vectors for every answer, and blocks of a few KB are the
//! allocator's slow path. A finished [`Doc`](super::Doc) hands its buffers back here
//! and the next one clears and refills them. A buffer grown past
//! [`KEEP_MAX`] elements (a pasted log) is freed rather than kept, so an
//! idle thread holds under 10 MB, and typically a few dozen KB.

use std::cell::RefCell;

use super::{Clause, Sentence};
use crate::score::kept;
use crate::score::lexicon::Hit;
use crate::score::star::Part;
use crate::score::text::Token;

/// The most tokens a kept buffer may hold room for.
const KEEP_MAX: usize = 1 << 16;

#[derive(Default)]
pub(super) struct Spare {
    pub toks: Vec<Token>,
    pub norm: String,
    pub hits: Vec<Hit>,
    pub by_fam: Vec<Hit>,
    pub starts: Vec<u128>,
    pub ends: Vec<u128>,
    pub inside: Vec<bool>,
    pub detail: Vec<bool>,
    pub measure_spans: Vec<(u32, u32)>,
    pub sents: Vec<Sentence>,
    pub clauses: Vec<Clause>,
    pub heads: Vec<(usize, Option<Part>)>,
}

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::default();
}

/// The kept buffers (empty ones when none are kept, when another analysis
/// on this thread holds them, or while the thread is ending).
pub(super) fn take() -> Spare {
    kept::take(&SPARE)
}

/// Keeps `spare` for the next analysis on this thread.
pub(super) fn give(spare: Spare) {
    if spare.toks.capacity() <= KEEP_MAX && spare.hits.capacity() <= 4 * KEEP_MAX {
        kept::give(&SPARE, spare);
    }
}

/// `buf` emptied and refilled with `n` copies of `value`.
pub(super) fn filled<T: Clone>(mut buf: Vec<T>, n: usize, value: T) -> Vec<T> {
    buf.clear();
    buf.resize(n, value);
    buf
}
