//! Scoring throughput: the library over a realistic mix of answers (the
//! hand-labelled set: short, long, headed, bulleted, spoken), and the cost
//! of one 300-word answer. Target: ≥ 50 MB/s of answer text on one core.
//!
//! Run with `cargo bench --bench score`.

use std::sync::LazyLock;

use barraiser::bank::QuestionKind;
use barraiser::score::{Rubric, Target, score};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

static MIX: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    include_str!("../tests/fixtures/labelled.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some((
                v["principle"].as_str()?.to_owned(),
                v["answer"].as_str()?.to_owned(),
            ))
        })
        .collect()
});

/// An answer of about 300 words, told the way a strong candidate would.
static LONG: LazyLock<String> = LazyLock::new(|| {
    let mut text = String::new();
    for (_, a) in MIX.iter() {
        if text.split_whitespace().count() >= 300 {
            break;
        }
        text.push_str(a);
        text.push('\n');
    }
    text.split_whitespace()
        .take(300)
        .collect::<Vec<_>>()
        .join(" ")
});

#[divan::bench]
fn answer_mix(bencher: Bencher) {
    let rubric = Rubric::embedded();
    let bytes: usize = MIX.iter().map(|(_, a)| a.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (principle, answer) in MIX.iter() {
            let target = Target {
                principle,
                question_id: None,
                kind: Some(QuestionKind::Mistake),
            };
            divan::black_box(score(answer, &target, &rubric));
        }
    });
}

#[divan::bench]
fn one_300_word_answer(bencher: Bencher) {
    let rubric = Rubric::embedded();
    let target = Target {
        principle: "earn_trust",
        question_id: None,
        kind: Some(QuestionKind::Mistake),
    };
    bencher
        .counter(BytesCount::new(LONG.len()))
        .bench(|| divan::black_box(score(&LONG, &target, &rubric)));
}

#[divan::bench]
fn one_sentence_answer(bencher: Bencher) {
    let rubric = Rubric::embedded();
    let target = Target {
        principle: "earn_trust",
        question_id: None,
        kind: Some(QuestionKind::Mistake),
    };
    let text = "I broke the build by skipping the tests, so I added a pre-commit hook.";
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(score(text, &target, &rubric)));
}
