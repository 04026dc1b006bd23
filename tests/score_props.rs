//! Property tests: any string at all scores without panicking, every
//! evidence span lies inside the text on char boundaries and quotes it
//! exactly, and megabytes of noise still give a bounded report.

use barraiser::bank::QuestionKind;
use barraiser::score::{Report, Rubric, Target, score};
use proptest::prelude::*;

fn target() -> Target<'static> {
    Target {
        principle: "earn_trust",
        question_id: None,
        kind: Some(QuestionKind::Mistake),
    }
}

fn check_spans(text: &str, report: &Report) {
    for s in &report.signals {
        for e in &s.evidence {
            assert!(
                e.start <= e.end && e.end <= text.len(),
                "{e:?} outside the text"
            );
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }
    assert!((0.0..=100.0).contains(&report.total));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic_and_spans_are_exact(text in "\\PC*") {
        let r = score(&text, &target(), &Rubric::embedded());
        check_spans(&text, &r);
    }

    #[test]
    fn answer_like_strings_keep_exact_spans(
        words in proptest::collection::vec(
            prop_oneof![
                Just("I"), Just("we"), Just("didn't"), Just("didn’t"), Just("check"), Just("the"),
                Just("PM"), Just("broke"), Just("it."), Just("added"), Just("a"), Just("test"),
                Just("because"), Just("nobody"), Just("told"), Just("me,"), Just("but"),
                Just("that's"), Just("on"), Just("me."), Just("Situation:"), Just("\n"),
                Just("- "), Just("40%"), Just("é"), Just("🙂"), Just("intern’s"), Just("fault"),
            ],
            0..80,
        )
    ) {
        let text = words.join(" ");
        let r = score(&text, &target(), &Rubric::embedded());
        check_spans(&text, &r);
    }
}

#[test]
fn megabytes_of_noise_give_a_bounded_report() {
    // A deterministic mix of letters, punctuation, digits, emoji and
    // newlines, with no sentence end for long stretches.
    let mut state: u32 = 0x9E37_79B9;
    let alphabet: Vec<char> = "abc xyz I we didn't ,.;:!? 0123456789 é ü 🙂 \n\t-—'’\""
        .chars()
        .collect();
    let mut text = String::with_capacity(3 << 20);
    while text.len() < 3 << 20 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        text.push(alphabet[state as usize % alphabet.len()]);
    }
    let r = score(&text, &target(), &Rubric::embedded());
    check_spans(&text, &r);
    let evidence: usize = r
        .signals
        .iter()
        .flat_map(|s| &s.evidence)
        .map(|e| e.text.len())
        .sum();
    assert!(
        evidence < 64 * 1024,
        "evidence grew with the input: {evidence} bytes"
    );
}

/// An answer may stop on any word, while it is being typed or because it
/// was cut: every detector that looks a word ahead ("…, so" after a deed,
/// "sat" before "in") must find nothing there rather than panic. Real
/// answers, cut after each of their words, for a story and for a plan.
#[test]
fn real_answers_cut_after_any_word_score_without_panic() {
    let answers: Vec<String> = include_str!("fixtures/labelled.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["answer"].as_str().map(str::to_owned))
        .take(40)
        .collect();
    let plan = Target {
        principle: "earn_trust",
        question_id: None,
        kind: Some(QuestionKind::Hypothetical),
    };
    let rubric = Rubric::embedded();
    for (i, answer) in answers
        .iter()
        .map(String::as_str)
        .chain(["I loaded last year's price list, so", "Afterwards I sat"])
        .enumerate()
    {
        let ends = answer
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace())
            .map(|(k, _)| k)
            .chain([answer.len()]);
        for (n, end) in ends.enumerate() {
            let cut = &answer[..end];
            check_spans(cut, &score(cut, &target(), &rubric));
            if (i + n) % 3 == 0 {
                check_spans(cut, &score(cut, &plan, &rubric));
            }
        }
    }
}
