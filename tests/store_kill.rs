//! Fault injection: the real binary saves answers in a loop and is killed
//! with SIGKILL at random moments. Afterwards every answer whose id was
//! printed loads with its exact text, nothing half-written loads, and the
//! next open cleans up whatever the kills left behind.
//!
//! Set `BARRAISER_KILL_SEED` to replay a run; the seed is printed.

#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use barraiser::answer::AnswerId;
use barraiser::store::Store;
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

const KILLS: usize = 200;

/// Answer number `i`: unique, multi-line, non-ASCII, of varied size (some
/// large, so kills land in the middle of writing them).
fn answer_text(i: usize) -> String {
    let filler = "I traced the alarm to a stale cache — ünïcödé, “quotes”, \\ and \"escapes\". ";
    let repeat = if i.is_multiple_of(7) {
        2000
    } else {
        1 + i % 13
    };
    format!(
        "Situation: run {i}, the pager went off at 03:00.\nTask: I owned the fix.\nAction: {}\nResult: fixed in {i} minutes.\n",
        filler.repeat(repeat)
    )
}

fn spawn(home: &Path, question: &str, file: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_barraiser"))
        .arg("--home")
        .arg(home)
        .args(["answer", "--question", question])
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the barraiser binary runs")
}

/// The id the child printed, if it printed a whole line.
fn printed_id(child: &mut Child) -> Option<String> {
    let mut out = String::new();
    child.stdout.take()?.read_to_string(&mut out).ok()?;
    let id = out.strip_suffix('\n')?;
    assert!(
        uuid::Uuid::parse_str(id).is_ok(),
        "stdout was not an id: {out:?}"
    );
    Some(id.to_owned())
}

fn stderr_of(child: &mut Child) -> String {
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    err
}

fn leftovers(home: &Path) -> usize {
    ["answers", "drafts", "."]
        .iter()
        .filter_map(|d| std::fs::read_dir(home.join(d)).ok())
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name().to_string_lossy().starts_with('.') && e.file_name() != ".gitignore"
        })
        .count()
}

/// Opens the store (as the writer, which tidies up) and checks the promise.
fn verify(home: &Path, acked: &BTreeMap<String, String>, sent: &BTreeSet<String>) -> usize {
    let store = Store::open(home).unwrap();
    assert!(
        store.warnings().is_empty(),
        "a file did not load: {:?}",
        store.warnings()
    );
    for (id, text) in acked {
        let record = store
            .load(&AnswerId(id.clone()))
            .unwrap_or_else(|e| panic!("acknowledged {id} lost: {e}"));
        assert_eq!(&record.text, text, "acknowledged {id} changed");
    }
    for record in store.answers() {
        assert!(
            sent.contains(&record.text),
            "{} loaded with text nobody sent",
            record.id
        );
    }
    assert!(
        store.late_warnings().is_empty(),
        "{:?}",
        store.late_warnings()
    );
    assert!(
        !home.join("quarantine").exists(),
        "something was quarantined"
    );
    assert_eq!(leftovers(home), 0, "temporaries survived an open");
    store.len()
}

#[test]
fn sigkill_at_any_moment_loses_no_acknowledged_answer_and_loads_no_partial_one() {
    let seed = std::env::var("BARRAISER_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::from(std::process::id()));
    eprintln!("BARRAISER_KILL_SEED={seed}");
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let home = tempfile::tempdir().unwrap();
    let inputs = tempfile::tempdir().unwrap();
    let question = barraiser::bank::Bank::embedded().questions()[0]
        .id
        .0
        .clone();

    let mut acked = BTreeMap::new();
    let mut sent = BTreeSet::new();
    let prepare = |i: usize, sent: &mut BTreeSet<String>| {
        let text = answer_text(i);
        let file = inputs.path().join(format!("{i}.txt"));
        std::fs::write(&file, &text).unwrap();
        sent.insert(text.clone());
        (text, file)
    };

    // How long one uninterrupted save takes here, to aim the kills.
    let mut took = Vec::new();
    for i in 0..5 {
        let (text, file) = prepare(i, &mut sent);
        let start = Instant::now();
        let mut child = spawn(home.path(), &question, &file);
        let status = child.wait().unwrap();
        took.push(start.elapsed());
        assert!(
            status.success(),
            "a plain save failed: {}",
            stderr_of(&mut child)
        );
        acked.insert(printed_id(&mut child).unwrap(), text);
    }
    took.sort();
    let typical = took[2];

    let (mut kills, mut finished, mut mid_write) = (0, 0, 0);
    let started = Instant::now();
    let mut i = 5;
    while kills < KILLS {
        assert!(
            i < 10 * KILLS,
            "only {kills} kills in {i} runs: the runs end too fast to kill"
        );
        let (text, file) = prepare(i, &mut sent);
        let mut child = spawn(home.path(), &question, &file);
        // From a quarter of a typical run (startup is the least interesting
        // moment) to a little past its end.
        let micros = u64::try_from(typical.as_micros()).unwrap();
        std::thread::sleep(Duration::from_micros(
            rng.random_range(micros / 4..=micros + micros / 5),
        ));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            child.wait().unwrap();
            kills += 1;
            // A temporary left now means the kill landed mid-write.
            mid_write += leftovers(home.path());
        } else {
            finished += 1;
            let status = child.wait().unwrap();
            assert!(
                status.success(),
                "run {i} failed: {}",
                stderr_of(&mut child)
            );
        }
        // An id on stdout is a promise, whether or not the kill came after.
        if let Some(id) = printed_id(&mut child) {
            acked.insert(id, text);
        }
        if i % 40 == 0 {
            verify(home.path(), &acked, &sent);
        }
        i += 1;
    }
    let saved = verify(home.path(), &acked, &sent);
    eprintln!(
        "{kills} kills, {finished} runs finished, {} acknowledged, {} saved but killed before the id was read, {mid_write} kills mid-write (temporary left), {:.1}s (typical run {typical:?})",
        acked.len(),
        saved - acked.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(saved >= acked.len());
}
