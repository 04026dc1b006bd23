//! Runs `barraiser calibrate` on the hand-labelled set in tests/fixtures
//! (written independently of the scorer) and holds the scorer to the
//! issue's thresholds: pairwise accuracy on length-matched pairs, and F1 on
//! the mistake signals. The held-out set in tests/fixtures/holdout, which
//! the scorer was never tuned on, gets regression floors just below the
//! figures of first contact, so a change that overfits the main set and
//! loses ground on unseen voices fails.

use assert_cmd::Command;
use serde_json::Value;

fn calibrate() -> Value {
    calibrate_set("tests/fixtures")
}

fn calibrate_set(dir: &str) -> Value {
    let out = Command::cargo_bin("barraiser")
        .unwrap()
        .args([
            "calibrate",
            &format!("{dir}/labelled.jsonl"),
            "--pairs",
            &format!("{dir}/pairs.jsonl"),
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("calibrate --json prints JSON")
}

fn f1(m: &Value, id: &str) -> f64 {
    m["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .and_then(|s| s["f1"].as_f64())
        .unwrap_or(0.0)
}

#[test]
fn better_answers_win_length_matched_pairs() {
    let m = calibrate();
    let pairs = &m["pairs"];
    let matched = pairs["length_matched_accuracy"].as_f64().unwrap();
    assert!(
        matched >= 0.9,
        "length-matched pair accuracy {matched:.2} < 0.90"
    );
    let length_only = pairs["length_matched_length_only"].as_f64().unwrap();
    assert!(matched > length_only, "no better than ranking by length");
}

#[test]
fn mistake_signals_agree_with_the_labels() {
    let m = calibrate();
    for (id, floor) in [
        ("owns_fault_first", 0.85),
        ("blames_others", 0.85),
        ("denies_mistake", 0.85),
        ("root_cause", 0.85),
        ("mechanism_fix", 0.85),
        ("willpower_fix", 0.85),
    ] {
        let got = f1(&m, id);
        assert!(got >= floor, "{id}: F1 {got:.2} < {floor:.2}");
    }
}

#[test]
fn totals_rank_with_the_grades() {
    let m = calibrate();
    let rho = m["spearman"].as_f64().unwrap();
    assert!(rho >= 0.7, "Spearman {rho:.2} < 0.70");
}

#[test]
fn unseen_better_answers_still_win_their_pairs() {
    let m = calibrate_set("tests/fixtures/holdout");
    let matched = m["pairs"]["length_matched_accuracy"].as_f64().unwrap();
    let length_only = m["pairs"]["length_matched_length_only"].as_f64().unwrap();
    assert!(
        matched >= 0.8,
        "held-out length-matched accuracy {matched:.2}"
    );
    assert!(
        matched > length_only + 0.4,
        "{matched:.2} vs length {length_only:.2}"
    );
}

#[test]
fn unseen_voices_keep_the_core_mistake_signals() {
    let m = calibrate_set("tests/fixtures/holdout");
    for (id, floor) in [
        ("owns_fault_first", 0.85),
        ("blames_others", 0.75),
        ("mechanism_fix", 0.7),
        ("willpower_fix", 0.75),
    ] {
        let got = f1(&m, id);
        assert!(got >= floor, "{id}: held-out F1 {got:.2} < {floor}");
    }
}
