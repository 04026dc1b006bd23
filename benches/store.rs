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

use barraiser::answer::{AnswerRecord, QuestionRef, Star};
use barraiser::bank::{PrincipleId, QuestionId};
use barraiser::score::{Evidence, PartSummary, Report, SignalId, SignalReport, StarSummary};
use barraiser::store::Store;

/// Generated stores, deleted when the run ends (statics are never dropped).
static TEMPS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

fn main() {
    divan::main();
    TEMPS.lock().unwrap().clear();
}

const SIGNALS: [SignalId; 8] = [
    SignalId::StarSituation,
    SignalId::StarTask,
    SignalId::StarAction,
    SignalId::StarResult,
    SignalId::ResultQuantified,
    SignalId::OwnsFaultFirst,
    SignalId::BlamesOthers,
    SignalId::MechanismFix,
];

/// A record the size of a real one: ~1.5 KB of answer, 32 signals with tips.
fn record(n: u32) -> AnswerRecord {
    let principle = ["earn_trust", "ownership", "dive_deep", "bias_for_action"][(n % 4) as usize];
    let star = Star {
        situation: format!("Answer {n}. Our nightly billing export failed silently for a week. ").repeat(4),
        task: "I owned the export and the customer promise it carried. ".repeat(3),
        action: "I traced the failure to an unchecked timeout, added an alarm, a retry and a runbook. ".repeat(5),
        result: "No silent failures in six months; the alarm fired twice and we fixed both within an hour. ".repeat(3),
    };
    let text = star.to_text();
    let signals = (0..32)
        .map(|i| SignalReport {
            id: SIGNALS[i % SIGNALS.len()],
            hit: (n as usize + i).is_multiple_of(3),
            applies: i % 2 == 0,
            points: if i % 5 == 0 { -4.0 } else { 6.5 },
            evidence: if i % 4 == 0 {
                vec![Evidence {
                    start: 0,
                    end: 40,
                    text: text[..40].to_owned(),
                }]
            } else {
                Vec::new()
            },
            tip: "Say what you changed so it cannot happen again, and how you know it worked."
                .into(),
        })
        .collect();
    let report = Report {
        total: f64::from(n % 101),
        principle: principle.to_owned(),
        question_id: Some(format!("{principle}-0{}", n % 8 + 1)),
        star: StarSummary {
            situation: PartSummary {
                present: true,
                words: 60,
            },
            task: PartSummary {
                present: true,
                words: 30,
            },
            action: PartSummary {
                present: true,
                words: 80,
            },
            result: PartSummary {
                present: true,
                words: 50,
            },
        },
        signals,
        scorer_version: "bench".to_owned(),
        truncated: false,
    };
    let at = jiff::Timestamp::from_second(1_700_000_000 + i64::from(n)).unwrap();
    AnswerRecord::new(
        at,
        QuestionRef {
            id: QuestionId(format!("{principle}-0{}", n % 8 + 1)),
            principle: PrincipleId(principle.to_owned()),
            text: "Tell me about a time you made a mistake.".to_owned(),
        },
        star,
        text,
        report,
    )
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
