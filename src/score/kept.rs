//! Buffers kept between answers on one thread.
//!
//! Scoring a batch would otherwise take and free the same vectors for every
//! answer, and for a short answer the allocator costs more than filling
//! them. Each stage keeps its buffers in a thread-local `RefCell`
//! (`doc/spare.rs`, `detect/scratch.rs`) and moves them out and back with
//! these two functions; it decides itself which buffers are too large to
//! keep.

use std::cell::RefCell;
use std::thread::LocalKey;

/// The buffers kept in `kept`: empty ones when none are kept, when another
/// answer on this thread holds them, or while the thread is ending.
pub(super) fn take<T: Default>(kept: &'static LocalKey<RefCell<T>>) -> T {
    kept.try_with(RefCell::take).unwrap_or_default()
}

/// Keeps `buffers` in `kept` for the next answer on this thread.
pub(super) fn give<T>(kept: &'static LocalKey<RefCell<T>>, buffers: T) {
    // A thread that is ending keeps nothing.
    let _ = kept.try_with(|k| *k.borrow_mut() = buffers);
}
