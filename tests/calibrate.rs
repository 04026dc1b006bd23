//! Runs `barraiser calibrate` on the hand-labelled set in tests/fixtures
//! (written independently of the scorer) and holds the scorer to the
//! issue's thresholds: pairwise accuracy on length-matched pairs, and F1 on
//! the mistake signals.

use assert_cmd::Command;
use serde_json::Value;

fn calibrate() -> Value {
    let out = Command::cargo_bin("barraiser")
        .unwrap()
        .args([
            "calibrate",
            "tests/fixtures/labelled.jsonl",
            "--pairs",
            "tests/fixtures/pairs.jsonl",
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
