//! `barraiser questions --stats`: per question, answers, totals, grades,
//! discrimination and the rate of its principle's own signals, on a store
//! whose figures are known; and `stats` no longer lists STAR signals.

mod store_support;

use std::path::Path;

use assert_cmd::Command;
use barraiser::bank::QuestionId;
use barraiser::store::Store;
use serde_json::Value;
use store_support::{record, review};

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn save(store: &mut Store, n: i64, question: &str, total: f64, grades: &[(&str, u8)]) {
    let principle = question.rsplit_once('-').unwrap().0;
    let mut r = record(n, principle);
    r.question.id = QuestionId(question.to_owned());
    r.report.total = total;
    for (i, (who, g)) in grades.iter().enumerate() {
        r.reviews
            .push(review(100 * n + i64::try_from(i).unwrap(), who, *g));
    }
    store.save(r).unwrap();
}

// earn_trust-01 (a mistake question) draws four answers; each saved
// report fires star_situation, mechanism_fix on even n and blames_others
// on n = 3:
//
// | n | total | grades        | answer grade |
// |---|-------|---------------|--------------|
// | 1 | 30    | ann 2         | 2            |
// | 2 | 50    | ann 3, bo 4   | 3.5          |
// | 3 | 80    | ann 5         | 5            |
// | 4 | 70    | –             | –            |
//
// mean 57.5; sample spread √(1475/3); mean grade 3.5; totals and grades
// rank alike: discrimination 1. customer_obsession-01 draws three answers
// none of which fires customer_focus, data_driven or profit_only: flagged.
fn known_store(home: &Path) {
    let mut store = Store::open(home).unwrap();
    save(&mut store, 1, "earn_trust-01", 30.0, &[("ann", 2)]);
    save(
        &mut store,
        2,
        "earn_trust-01",
        50.0,
        &[("ann", 3), ("bo", 4)],
    );
    save(&mut store, 3, "earn_trust-01", 80.0, &[("ann", 5)]);
    save(&mut store, 4, "earn_trust-01", 70.0, &[]);
    for n in 5..8 {
        save(&mut store, n, "customer_obsession-01", 40.0, &[]);
    }
}

fn close(v: &Value, x: f64) -> bool {
    v.as_f64().is_some_and(|y| (y - x).abs() < 1e-9)
}

#[test]
fn stats_json_gives_counts_totals_grades_and_own_signal_rates() {
    let home = tempfile::tempdir().unwrap();
    known_store(home.path());
    let out = stdout(barraiser(home.path()).args(["questions", "--stats", "--json"]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let co = &rows[0];
    let et = &rows[1];
    assert_eq!(et["id"], "earn_trust-01");
    assert!(
        et["text"]
            .as_str()
            .unwrap()
            .starts_with("Tell me about a mistake")
    );
    assert_eq!(et["principle"], "earn_trust");
    assert_eq!(et["answers"], 4);
    assert!(close(&et["mean_total"], 57.5));
    assert!(close(&et["spread"], (1475.0_f64 / 3.0).sqrt()));
    assert!(close(&et["mean_grade"], 3.5));
    assert!(close(&et["discrimination"], 1.0));
    let rates = et["signal_rates"].as_object().unwrap();
    assert!(close(&rates["mechanism_fix"], 0.5), "{rates:?}");
    assert!(close(&rates["blames_others"], 0.25));
    assert!(close(&rates["owns_fault_first"], 0.0));
    assert!(close(&rates["proactive_communication"], 0.0));
    for star in ["star_situation", "star_task", "star_action", "star_result"] {
        assert!(!rates.contains_key(star), "{star} left out");
    }
    // Shared by every principle, so not this question's own.
    assert!(!rates.contains_key("result_quantified"));
    assert_eq!(et["flag"], Value::Null);

    assert_eq!(co["id"], "customer_obsession-01");
    assert_eq!(co["answers"], 3);
    assert_eq!(co["mean_grade"], Value::Null);
    assert_eq!(co["discrimination"], Value::Null);
    assert!(close(&co["signal_rates"]["customer_focus"], 0.0));
    assert!(co["flag"].as_str().unwrap().contains("rarely"), "{co}");
}

#[test]
fn principle_limits_the_rows_and_text_shows_question_words() {
    let home = tempfile::tempdir().unwrap();
    known_store(home.path());
    let out = stdout(barraiser(home.path()).args([
        "questions",
        "--stats",
        "--json",
        "--principle",
        "earn_trust",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    let text = stdout(barraiser(home.path()).args(["questions", "--stats"]));
    assert!(text.contains("Tell me about a mistake you made"), "{text}");
    assert!(text.contains("mechanism_fix 50%"), "{text}");
    assert!(text.contains("! rarely draws"), "{text}");
    assert!(!text.contains("star_"), "{text}");
    barraiser(home.path())
        .args(["questions", "--stats", "--principle", "no_such"])
        .assert()
        .code(2);
}

#[test]
fn stats_per_question_no_longer_lists_the_star_signals() {
    let home = tempfile::tempdir().unwrap();
    known_store(home.path());
    let text = stdout(barraiser(home.path()).arg("stats"));
    let row = text
        .lines()
        .find(|l| l.starts_with("earn_trust-01"))
        .unwrap();
    assert!(!row.contains("star_"), "{row}");
    assert!(row.contains("mechanism_fix 50%"), "{row}");
}
