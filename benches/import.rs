//! Import speed: merging a JSON export of 10,000 answers (or as many as
//! `BARRAISER_BENCH_IMPORT` says) into an empty store, streamed from the
//! file as `barraiser import` does. Target for 100,000: ≤ 60 s, ≤ 300 MB.
//!
//! `cargo bench --bench import`; `BARRAISER_BENCH_IMPORT=100000 cargo bench
//! --bench import` for the large one (its export is about 1 GB, written
//! once per run into a temporary folder, or kept in `$BARRAISER_BENCH_DIR`).
//! Peak memory is measured on the binary with the same file:
//! `/usr/bin/time -v target/release/barraiser --home NEW_DIR import FILE`.

use std::io::Write;
use std::path::PathBuf;

use barraiser::store::Store;
use support::record;

mod support;

fn main() {
    divan::main();
}

fn size() -> u32 {
    std::env::var("BARRAISER_BENCH_IMPORT")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(10_000)
}

/// An export of `n` answers, written as `export --format json` writes it.
fn export_of(n: u32) -> PathBuf {
    let dir = std::env::var_os("BARRAISER_BENCH_DIR")
        .map_or_else(|| tempfile::tempdir().unwrap().keep(), PathBuf::from);
    let path = dir.join(format!("export-{n}.json"));
    if path.is_file() {
        return path;
    }
    // Written a record at a time, so the generator itself stays small.
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    out.write_all(b"{\n  \"schema_version\": 1,\n  \"exported_at\": \"2027-01-15T08:00:00Z\",\n  \"answers\": [\n")
        .unwrap();
    for i in 0..n {
        if i > 0 {
            out.write_all(b",\n").unwrap();
        }
        serde_json::to_writer_pretty(&mut out, &record(i)).unwrap();
    }
    out.write_all(b"\n]}\n").unwrap();
    out.flush().unwrap();
    path
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_into_an_empty_store(bencher: divan::Bencher) {
    let n = size();
    let file = export_of(n);
    bencher
        .with_inputs(|| tempfile::tempdir().unwrap())
        .bench_local_values(|home| {
            let mut store = Store::open(home.path()).unwrap();
            let reader = std::fs::File::open(&file).unwrap();
            let summary = store
                .import_from(reader, "bench.json", jiff::Timestamp::now())
                .unwrap();
            assert_eq!(summary.added.len(), n as usize);
            home
        });
}
