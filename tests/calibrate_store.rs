//! `barraiser calibrate --store`: reviewers' saved grades against each
//! other (Krippendorff's alpha) and against the scorer (Spearman), on a
//! store whose every figure was worked out by hand.

mod store_support;

use std::path::Path;

use assert_cmd::Command;
use barraiser::answer::Review;
use barraiser::store::Store;
use serde_json::Value;
use store_support::{at, record, review};

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home)
        .env_remove("BARRAISER_REVIEWER");
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// Saves answer `n` with the scorer's `total` and these `(reviewer,
/// grade)` reviews; returns its id.
fn graded(store: &mut Store, n: i64, total: f64, grades: &[(&str, u8)]) -> String {
    let mut r = record(n, "earn_trust");
    r.report.total = total;
    r.question.id = barraiser::bank::QuestionId(format!("earn_trust-0{n}"));
    for (i, (who, grade)) in grades.iter().enumerate() {
        r.reviews
            .push(review(100 * n + i64::try_from(i).unwrap(), who, *grade));
    }
    store.save(r).unwrap().0
}

// The panel:
//
// | answer | score | alice | bob |
// |--------|-------|-------|-----|
// | A1     | 30    | 2     | 2   |
// | A2     | 50    | 1 → 3 | 4   |  (alice's later grade replaces her first)
// | A3     | 80    | 5     | 3   |
// | A4     | 70    | 4     | –   |
// | A5     | 60    | carol commented, no grade |
//
// Krippendorff's alpha, ordinal, over A1–A3 (A4 has one grade and is not
// pairable). Each unit has m = 2 grades, so each ordered pair adds
// 1/(m−1) = 1 to the coincidence matrix:
//   o(2,2) = 2, o(3,4) = o(4,3) = 1, o(3,5) = o(5,3) = 1;
//   n_2 = 2, n_3 = 2, n_4 = 1, n_5 = 1, n = 6.
// Ordinal distances δ(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²:
//   δ(2,3) = (4 − 2)² = 4      δ(2,4) = (5 − 1.5)² = 12.25
//   δ(2,5) = (6 − 1.5)² = 20.25 δ(3,4) = (3 − 1.5)² = 2.25
//   δ(3,5) = (4 − 1.5)² = 6.25  δ(4,5) = (2 − 1)² = 1
// Observed Σ o·δ = 2·2.25 + 2·6.25 = 17.
// Expected Σ n_c·n_k·δ over ordered c ≠ k = 2 × (2·2·4 + 2·1·12.25 +
//   2·1·20.25 + 2·1·2.25 + 2·1·6.25 + 1·1·1) = 2 × 99 = 198.
// α = 1 − (n − 1)·17/198 = 1 − 85/198 = 113/198 ≈ 0.5707.
//
// Spearman of grades with scores: alice (2,3,5,4) against (30,50,80,70)
// orders alike: 1.0. bob (2,4,3) against (30,50,80): ranks (1,3,2) and
// (1,2,3), deviations (−1,1,0) and (−1,0,1): 1/√(2·2) = 0.5.
// Leniency: alice − bob on A1–A3 is 0, −1, +2: alice +1/3, bob −1/3.
fn panel(home: &Path) -> Vec<String> {
    let mut store = Store::open(home).unwrap();
    let ids = vec![
        graded(&mut store, 1, 30.0, &[("alice", 2), ("bob", 2)]),
        graded(
            &mut store,
            2,
            50.0,
            &[("alice", 1), ("bob", 4), ("alice", 3)],
        ),
        graded(&mut store, 3, 80.0, &[("alice", 5), ("bob", 3)]),
        graded(&mut store, 4, 70.0, &[("alice", 4)]),
    ];
    let mut five = record(5, "earn_trust");
    five.reviews.push(Review {
        reviewer: "carol".into(),
        at: at(900),
        grade: None,
        comment: "Where is the result?".into(),
    });
    store.save(five).unwrap();
    ids
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

#[test]
fn a_panel_of_two_gives_the_hand_computed_alpha_spearman_and_disagreements() {
    let home = tempfile::tempdir().unwrap();
    let ids = panel(home.path());
    let out = stdout(barraiser(home.path()).args(["calibrate", "--store", "--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["answers_graded"], 4);
    let a = &v["agreement"];
    assert!(close(&a["krippendorff_alpha"], 113.0 / 198.0), "{a}");
    assert_eq!(
        (a["answers"].as_u64(), a["graders"].as_u64()),
        (Some(3), Some(2))
    );
    let reviewers = v["reviewers"].as_array().unwrap();
    assert_eq!(reviewers.len(), 2);
    let (alice, bob) = (&reviewers[0], &reviewers[1]);
    assert_eq!(
        (alice["name"].as_str(), alice["graded"].as_u64()),
        (Some("alice"), Some(4))
    );
    assert!(close(&alice["mean_grade"], 3.5));
    assert!(close(&alice["spearman_vs_score"], 1.0));
    assert!(close(&alice["leniency"], 1.0 / 3.0));
    assert_eq!(
        (bob["name"].as_str(), bob["graded"].as_u64()),
        (Some("bob"), Some(3))
    );
    assert!(close(&bob["mean_grade"], 3.0));
    assert!(close(&bob["spearman_vs_score"], 0.5));
    assert!(close(&bob["leniency"], -1.0 / 3.0));
    let d = v["disagreements"].as_array().unwrap();
    let listed: Vec<&str> = d.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(
        listed,
        [ids[2].as_str(), ids[1].as_str()],
        "widest spread first"
    );
    assert_eq!(d[0]["grades"]["alice"], 5);
    assert_eq!(d[0]["grades"]["bob"], 3);
    assert_eq!(d[0]["question_id"], "earn_trust-03");
    assert!(close(&d[0]["total"], 80.0));

    let text = stdout(barraiser(home.path()).args(["calibrate", "--store"]));
    assert!(
        text.contains("Krippendorff's alpha, ordinal): 0.57 over 3 answers"),
        "{text}"
    );
    assert!(text.contains(&ids[2]), "{text}");
    let bob_row = text.lines().find(|l| l.starts_with("bob")).unwrap();
    assert!(
        bob_row.contains("3.00") && bob_row.contains("-0.33") && bob_row.contains("0.50"),
        "{bob_row}"
    );
}

#[test]
fn reviewer_limits_the_rows_to_one_reviewer() {
    let home = tempfile::tempdir().unwrap();
    panel(home.path());
    let out = stdout(barraiser(home.path()).args([
        "calibrate",
        "--store",
        "--json",
        "--reviewer",
        "bob",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["reviewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bob"]);
    assert_eq!(v["disagreements"].as_array().unwrap().len(), 2);
}

#[test]
fn too_little_data_gives_null_and_a_reason_not_a_number() {
    let home = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(home.path()).unwrap();
        graded(&mut store, 1, 30.0, &[("alice", 2), ("bob", 4)]);
        graded(&mut store, 2, 60.0, &[("alice", 3)]);
    }
    let out = stdout(barraiser(home.path()).args(["calibrate", "--store", "--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["agreement"]["krippendorff_alpha"], Value::Null);
    assert!(
        v["agreement"]["note"]
            .as_str()
            .unwrap()
            .contains("at least 2")
    );
    let bob = &v["reviewers"][1];
    assert_eq!(bob["spearman_vs_score"], Value::Null);
    assert!(
        bob["note"].as_str().unwrap().contains("fewer than 3"),
        "{bob}"
    );
    let text = stdout(barraiser(home.path()).args(["calibrate", "--store"]));
    assert!(text.contains("alpha, ordinal): n/a"), "{text}");

    let empty = tempfile::tempdir().unwrap();
    let text = stdout(barraiser(empty.path()).args(["calibrate", "--store"]));
    assert!(text.starts_with("No graded answers"), "{text}");
}

#[test]
fn labels_and_store_are_one_or_the_other() {
    let home = tempfile::tempdir().unwrap();
    barraiser(home.path()).arg("calibrate").assert().code(2);
    barraiser(home.path())
        .args(["calibrate", "--store", "labels.jsonl"])
        .assert()
        .code(2);
}

#[test]
fn zero_pairs_show_n_a_not_a_share() {
    let home = tempfile::tempdir().unwrap();
    let pairs = home.path().join("pairs.jsonl");
    // a116 has 330 words and a119 18: no length-matched pair.
    std::fs::write(&pairs, "{\"better\": \"a116\", \"worse\": \"a119\"}\n").unwrap();
    let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/labelled.jsonl");
    let text = stdout(barraiser(home.path()).args([
        "calibrate",
        labels.to_str().unwrap(),
        "--pairs",
        pairs.to_str().unwrap(),
    ]));
    let line = text.lines().find(|l| l.contains("length-matched")).unwrap();
    assert!(
        line.contains("   0   scorer n/a   length only n/a"),
        "{line}"
    );
    let all = text.lines().find(|l| l.contains("all pairs")).unwrap();
    assert!(
        all.contains("   1   scorer 1.00") || all.contains("   1   scorer 0.00"),
        "{all}"
    );
}
