//! Store speed: opening a store of 10,000 and 100,000 answers and computing
//! stats (targets ≤ 150 ms and ≤ 1.5 s), the same without the index (what a
//! plain scan of every file would cost), and saving one answer with its
//! fsyncs (target ≤ 10 ms).
//!
//! `cargo bench --bench store`. The stores are generated once per run in a
//! temporary folder (100,000 answers take about 1 GB and a minute to write; see [`sizes`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use barraiser::store::Store;
use support::record;

mod support;

/// Generated stores, deleted when the run ends (statics are never dropped).
static TEMPS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

fn main() {
    divan::main();
    TEMPS.lock().unwrap().clear();
}

/// A store of `n` answers, made once per run (or kept in
/// `$BARRAISER_BENCH_DIR/<n>` and reused when that is set). The files are
/// written the way the store writes them, minus the fsyncs (setup only);
/// the first open builds the index.
fn store_of(n: u32) -> PathBuf {
    static STORES: OnceLock<Mutex<HashMap<u32, PathBuf>>> = OnceLock::new();
    let mut stores = STORES.get_or_init(Default::default).lock().unwrap();
    stores
        .entry(n)
        .or_insert_with(|| {
            let root = if let Some(dir) = std::env::var_os("BARRAISER_BENCH_DIR") {
                Path::new(&dir).join(n.to_string())
            } else {
                let temp = tempfile::tempdir().unwrap();
                let root = temp.path().to_owned();
                TEMPS.lock().unwrap().push(temp);
                root
            };
            if Store::open(&root).unwrap().len() != n as usize {
                fill(&root, n);
            }
            root
        })
        .clone()
}

fn fill(root: &Path, n: u32) {
    let _ = std::fs::remove_dir_all(root);
    Store::open(root).unwrap();
    for i in 0..n {
        let r = record(i);
        let mut bytes = serde_json::to_vec_pretty(&r).unwrap();
        bytes.push(b'\n');
        std::fs::write(root.join("answers").join(format!("{}.json", r.id)), bytes).unwrap();
    }
    let store = Store::open(root).unwrap();
    assert_eq!(store.len(), n as usize);
}

/// Store sizes for `open_and_stats`: `BARRAISER_BENCH_SIZES=10000` skips
/// the large one (it takes a minute to generate).
fn sizes() -> Vec<u32> {
    std::env::var("BARRAISER_BENCH_SIZES").ok().map_or_else(
        || vec![10_000, 100_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    )
}

#[divan::bench(args = sizes(), sample_count = 10, sample_size = 1)]
fn open_and_stats(bencher: divan::Bencher, n: u32) {
    let root = store_of(n);
    bencher.bench(|| {
        let store = Store::open(&root).unwrap();
        store.stats()
    });
}

/// Without the index every file is parsed: the cost the index avoids.
#[divan::bench(args = [10_000], sample_count = 5, sample_size = 1)]
fn open_and_stats_without_index(bencher: divan::Bencher, n: u32) {
    let root = store_of(n);
    let index = root.join("index.jsonl");
    bencher.bench(|| {
        let _ = std::fs::remove_file(&index);
        let store = Store::open(&root).unwrap();
        store.stats()
    });
    Store::open(&root).unwrap(); // leave the index rebuilt
}

/// The first `answers()` call reads every record (the TUI's history list).
#[divan::bench(args = [10_000], sample_count = 5, sample_size = 1)]
fn open_and_read_every_answer(bencher: divan::Bencher, n: u32) {
    let root = store_of(n);
    bencher.bench(|| {
        let store = Store::open(&root).unwrap();
        store.answers().len()
    });
}

#[divan::bench(args = [0, 10_000], sample_count = 50, sample_size = 1)]
fn save_one_answer(bencher: divan::Bencher, n: u32) {
    let root = if n == 0 {
        tempfile::tempdir().unwrap().keep()
    } else {
        store_of(n)
    };
    let mut store = Store::open(&root).unwrap();
    let mut i = n;
    bencher
        .with_inputs(|| {
            i += 1;
            record(i)
        })
        .bench_local_values(|r| store.save(r).unwrap());
    if n == 0 {
        let _ = std::fs::remove_dir_all(Path::new(&root));
    }
}
