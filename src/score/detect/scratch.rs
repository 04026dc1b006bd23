//! Buffers the detectors keep between answers on one thread (none while
//! the thread is ending).
//!
//! The per-clause and per-sentence family masks ([`Masks`](super::Masks)) and the
//! fault list are a few hundred bytes each; taking them from the allocator
//! for every answer cost more than filling them for a one-line answer. A
//! buffer grown past [`KEEP_MAX`] elements (a pasted log) is dropped rather
//! than kept.

use std::cell::RefCell;

use super::faults::Fault;

/// The most elements a kept buffer may have room for.
const KEEP_MAX: usize = 1 << 14;

#[derive(Default)]
struct Kept {
    clause_fams: Vec<u128>,
    sent_fams: Vec<u128>,
    faults: Vec<Fault>,
    named: Vec<bool>,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::default();
}

/// Empty buffers for [`Masks`](super::Masks): the kept ones, or new ones.
pub(super) fn take_masks() -> (Vec<u128>, Vec<u128>) {
    KEPT.try_with(|k| {
        let mut k = k.borrow_mut();
        (
            std::mem::take(&mut k.clause_fams),
            std::mem::take(&mut k.sent_fams),
        )
    })
    .unwrap_or_default()
}

/// Keeps the buffers of [`Masks`](super::Masks), emptied, for the next answer.
pub(super) fn give_masks(mut clause_fams: Vec<u128>, mut sent_fams: Vec<u128>) {
    if clause_fams.capacity() > KEEP_MAX || sent_fams.capacity() > KEEP_MAX {
        return;
    }
    clause_fams.clear();
    sent_fams.clear();
    // A thread that is ending keeps nothing.
    let _ = KEPT.try_with(|k| {
        let mut k = k.borrow_mut();
        k.clause_fams = clause_fams;
        k.sent_fams = sent_fams;
    });
}

/// Empty buffers for [`Faults`](super::faults::Faults): the fault list and
/// the per-clause flags.
pub(super) fn take_faults() -> (Vec<Fault>, Vec<bool>) {
    KEPT.try_with(|k| {
        let mut k = k.borrow_mut();
        (std::mem::take(&mut k.faults), std::mem::take(&mut k.named))
    })
    .unwrap_or_default()
}

/// Keeps the buffers of [`Faults`](super::faults::Faults), emptied.
pub(super) fn give_faults(mut faults: Vec<Fault>, mut named: Vec<bool>) {
    if faults.capacity() > KEEP_MAX || named.capacity() > KEEP_MAX {
        return;
    }
    faults.clear();
    named.clear();
    let _ = KEPT.try_with(|k| {
        let mut k = k.borrow_mut();
        k.faults = faults;
        k.named = named;
    });
}
