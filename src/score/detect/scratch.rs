//! Buffers the detectors keep between answers on one thread (see
//! [`kept`](crate::score::kept)).
//!
//! The per-clause and per-sentence family masks ([`Masks`](super::Masks)) and the
//! fault list are a few hundred bytes each; taking them from the allocator
//! for every answer cost more than filling them for a one-line answer. A
//! buffer grown past [`KEEP_MAX`] elements (a pasted log) is dropped rather
//! than kept.

use std::cell::RefCell;
use std::thread::LocalKey;

use super::faults::Fault;
use crate::score::kept;

/// The most elements a kept buffer may have room for.
const KEEP_MAX: usize = 1 << 14;

/// Two buffers kept together.
type Pair<A, B> = RefCell<(Vec<A>, Vec<B>)>;

thread_local! {
    /// Per-clause and per-sentence family masks.
    static MASKS: Pair<u128, u128> = RefCell::default();
    /// The fault list and the per-clause "names a fault" flags.
    static FAULTS: Pair<Fault, bool> = RefCell::default();
}

/// Empty buffers for [`Masks`](super::Masks): the kept ones, or new ones.
pub(super) fn take_masks() -> (Vec<u128>, Vec<u128>) {
    kept::take(&MASKS)
}

/// Keeps the buffers of [`Masks`](super::Masks), emptied, for the next answer.
pub(super) fn give_masks(clause_fams: Vec<u128>, sent_fams: Vec<u128>) {
    give_pair(&MASKS, clause_fams, sent_fams);
}

/// Empty buffers for [`Faults`](super::faults::Faults): the fault list and
/// the per-clause flags.
pub(super) fn take_faults() -> (Vec<Fault>, Vec<bool>) {
    kept::take(&FAULTS)
}

/// Keeps the buffers of [`Faults`](super::faults::Faults), emptied.
pub(super) fn give_faults(faults: Vec<Fault>, named: Vec<bool>) {
    give_pair(&FAULTS, faults, named);
}

/// Keeps `a` and `b` in `pair`, emptied, unless either grew too large.
fn give_pair<A, B>(pair: &'static LocalKey<Pair<A, B>>, mut a: Vec<A>, mut b: Vec<B>) {
    if a.capacity() > KEEP_MAX || b.capacity() > KEEP_MAX {
        return;
    }
    a.clear();
    b.clear();
    kept::give(pair, (a, b));
}
