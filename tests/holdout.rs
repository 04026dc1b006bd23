//! Regression floors on the held-out set in tests/fixtures/holdout, which
//! the scorer was never tuned on (see its README). The floors sit just below
//! the figures of first contact, so a change that overfits the main labelled
//! set and loses ground on unseen voices fails here.

use assert_cmd::Command;
use serde_json::Value;

fn calibrate() -> Value {
    let out = Command::cargo_bin("barraiser")
        .unwrap()
        .args([
            "calibrate",
            "tests/fixtures/holdout/labelled.jsonl",
            "--pairs",
            "tests/fixtures/holdout/pairs.jsonl",
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
fn unseen_better_answers_still_win_their_pairs() {
    let m = calibrate();
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
    let m = calibrate();
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
