//! A little parallelism for opening large stores: reading the index and
//! checking every answer file's size and time are independent per item, and
//! with 100,000 answers they dominate the open. Plain scoped threads, no
//! pool: the work is done once per open.

use std::num::NonZero;

/// Below this many items one thread is faster than starting more.
const MIN_CHUNK: usize = 4096;

/// Applies `f` to consecutive chunks of `items` on up to one thread per
/// core; the results come back in the items' order.
pub(crate) fn map_chunks<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&[T]) -> R + Sync,
{
    let threads = std::thread::available_parallelism().map_or(1, NonZero::get);
    let chunk = items.len().div_ceil(threads).max(MIN_CHUNK);
    if items.len() <= chunk {
        return vec![f(items)];
    }
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || f(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..20_000).collect();
        let sums: Vec<u64> = map_chunks(&items, |part| part.iter().map(|&x| u64::from(x)).sum());
        assert_eq!(sums.iter().sum::<u64>(), (0..20_000u64).sum::<u64>());
        let firsts: Vec<u32> = map_chunks(&items, |part| part[0]);
        assert!(firsts.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(map_chunks(&[] as &[u32], <[u32]>::len), vec![0]);
    }
}
