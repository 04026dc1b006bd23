//! Behaviour of the detectors on small answers written for these tests:
//! each case states what a signal means, in the words a candidate would use.

use super::{Report, Rubric, SignalId, Target, score};
use crate::bank::QuestionKind;

fn report(text: &str) -> Report {
    let target = Target {
        principle: "earn_trust",
        question_id: None,
        kind: Some(QuestionKind::Mistake),
    };
    score(text, &target, &Rubric::embedded())
}

fn hit(text: &str, id: SignalId) -> bool {
    report(text).signal(id).is_some_and(|s| s.hit)
}

/// Asserts every `(text, expected)` case for one signal.
fn check(id: SignalId, cases: &[(&str, bool)]) {
    for (text, expected) in cases {
        assert_eq!(hit(text, id), *expected, "{id} on: {text}");
    }
}

#[test]
fn owning_the_miss_first_is_owning_first() {
    check(
        SignalId::OwnsFaultFirst,
        &[
            (
                "I didn't check the config before deploying, and the site went down for an hour.",
                true,
            ),
            (
                "My mistake was trusting the old spreadsheet without checking it.",
                true,
            ),
            (
                "Nobody told me about the migration, but that's on me: I should have asked.",
                true,
            ),
            (
                "I had copied the timeout from another client and never tested it under load.",
                true,
            ),
        ],
    );
}

#[test]
fn blame_before_ownership_is_not_owning_first() {
    check(
        SignalId::OwnsFaultFirst,
        &[
            (
                "The product manager gave us bad requirements and QA never caught it. \
                 Looking back, I should have asked more questions.",
                false,
            ),
            (
                "An engineer on my team broke the build. I should have reviewed it.",
                false,
            ),
        ],
    );
}

#[test]
fn blame_is_fault_laid_on_others_not_refusing_to_blame() {
    check(
        SignalId::BlamesOthers,
        &[
            ("The product manager gave us bad requirements.", true),
            (
                "Marketing never told us about the launch date, so we were late.",
                true,
            ),
            (
                "I didn't blame the intern; I had given him production access on day one.",
                false,
            ),
            (
                "It wasn't the intern's fault. I added a guardrail so nobody can do that again.",
                false,
            ),
            (
                "Nobody owned keeping the two tools in sync, so I took it on.",
                false,
            ),
        ],
    );
}

#[test]
fn a_mechanism_must_be_built_not_promised_or_missing() {
    check(
        SignalId::MechanismFix,
        &[
            (
                "I added a CI check that blocks config deploys that skipped staging.",
                true,
            ),
            ("We set up an alarm on duplicate charges per hour.", true),
            ("We never added a test for it.", false),
            ("We should probably add a test at some point.", false),
            ("He had skipped the dry run before merging.", false),
        ],
    );
}

#[test]
fn willpower_fixes_rely_on_trying_harder() {
    check(
        SignalId::WillpowerFix,
        &[
            (
                "Next time I will be more careful and double-check everything.",
                true,
            ),
            ("I learned to pay more attention to the details.", true),
            (
                "Instead of asking people to be more careful, I added a validation step.",
                false,
            ),
            ("I added a schema check to the pipeline.", false),
        ],
    );
}

#[test]
fn denial_is_no_real_mistake() {
    check(
        SignalId::DeniesMistake,
        &[
            (
                "Honestly, I can't think of a big mistake. I'm careful and I check my work twice.",
                true,
            ),
            (
                "My biggest mistake is that I care too much and work too hard.",
                true,
            ),
            (
                "I deleted the wrong table because I didn't check which database I was on.",
                false,
            ),
        ],
    );
}

#[test]
fn root_cause_goes_past_the_first_cause_and_names_it() {
    check(
        SignalId::RootCause,
        &[
            (
                "The first answer was a retry, but I kept asking why it retried: our client \
                 timed out after 5 seconds while the processor took 8.",
                true,
            ),
            ("The root cause was human error.", false),
            ("We did a deep dive and found the true root cause.", false),
        ],
    );
}

#[test]
fn first_person_means_mostly_i_not_we() {
    check(
        SignalId::FirstPersonOwnership,
        &[
            (
                "I rewrote the export query, I added an index and I called the customer.",
                true,
            ),
            (
                "We rewrote the export query, we added an index and we called the customer.",
                false,
            ),
        ],
    );
}

#[test]
fn a_quantified_result_carries_a_measure() {
    check(
        SignalId::ResultQuantified,
        &[
            (
                "I moved the job to a queue. As a result, latency dropped from 900ms to 120ms.",
                true,
            ),
            (
                "I moved the job to a queue. As a result, things got a lot better.",
                false,
            ),
            (
                "I moved the job to a queue. In the end I committed one hundred percent.",
                false,
            ),
        ],
    );
}

#[test]
fn red_flags_turned_round_by_the_speaker_do_not_count() {
    check(
        SignalId::NotMyJob,
        &[
            (
                "The export service belonged to another team, so it wasn't my job to fix it.",
                true,
            ),
            (
                "It wasn't my job, but I reproduced the bug and wrote the fix myself.",
                false,
            ),
        ],
    );
    check(
        SignalId::AuthorityDeference,
        &[
            (
                "I waited for my manager to decide before doing anything.",
                true,
            ),
            (
                "I didn't wait for approval; I rolled back and told my manager.",
                false,
            ),
        ],
    );
}

#[test]
fn accepted_work_the_speaker_still_raised_is_not_good_enough() {
    check(
        SignalId::GoodEnough,
        &[
            (
                "The report passed review and nobody noticed the rounding issue, but I wasn't \
                 satisfied, so I rewrote the totals query and added a nightly reconciliation check.",
                false,
            ),
            (
                "The report passed review and nobody noticed the rounding issue, so we left it \
                 as it was and moved on.",
                true,
            ),
        ],
    );
}

#[test]
fn buzzwords_alone_score_low_and_one_liners_too() {
    let buzz = report(
        "I am deeply customer-obsessed and data-driven. I leveraged synergies, drove alignment \
         across stakeholders and delivered world-class, scalable, innovative results with a \
         strong bias for action and an ownership mindset.",
    );
    assert!(buzz.total < 25.0, "buzzwords scored {}", buzz.total);
    let one = report("I took ownership and fixed it.");
    assert!(one.total < 25.0, "one-liner scored {}", one.total);
}

#[test]
fn spoken_transcripts_without_punctuation_are_cut_into_sentences() {
    let text = "so um last year I was running the release and I pushed the build without \
                running the smoke tests and it took down login for like twenty minutes so I \
                rolled it back and then I added the smoke tests to the pipeline so it blocks \
                the deploy now";
    let r = report(text);
    assert!(r.signal(SignalId::OwnsFaultFirst).is_some_and(|s| s.hit));
    assert!(r.signal(SignalId::MechanismFix).is_some_and(|s| s.hit));
}

#[test]
fn every_signal_is_listed_with_exact_evidence_spans() {
    let text = "Situation: at Acme I ran payments.\nAction: I didn’t check the config. I added a CI check.\nResult: outages fell 80%.";
    let r = report(text);
    assert_eq!(r.signals.len(), SignalId::ALL.len());
    for s in &r.signals {
        for e in &s.evidence {
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }
}

#[test]
fn the_same_answer_scores_the_same_every_time() {
    let text = "I broke checkout by skipping staging. I added a CI check. Errors fell to zero.";
    assert_eq!(report(text), report(text));
}

#[test]
fn embedded_rubric_file_is_valid_and_errors_name_the_path() {
    let text = include_str!("../../data/rubric.json");
    assert!(Rubric::from_json("data/rubric.json", text).is_ok());
    let broken = text.replacen("\"full_at\": 5.0", "\"full_at\": \"five\"", 1);
    let err = Rubric::from_json("r.json", &broken)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("r.json: at substance.full_at:"), "{err}");
    let unknown = text.replacen(
        "\"families\": {",
        "\"families\": {\"nonsense\": [\"x\"],",
        1,
    );
    let err = Rubric::from_json("r.json", &unknown)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("r.json: families.nonsense: unknown family"),
        "{err}"
    );
}

#[test]
fn question_wording_tells_a_mistake_question() {
    let r = Rubric::embedded();
    assert_eq!(
        r.question_kind("Tell me about a mistake you made."),
        Some(QuestionKind::Mistake)
    );
    assert_eq!(
        r.question_kind("Tell me about a time you moved too fast."),
        Some(QuestionKind::Mistake)
    );
    for let_down in [
        "Tell me about a time you let customers down.",
        "When did you let your patients down?",
    ] {
        assert_eq!(
            r.question_kind(let_down),
            Some(QuestionKind::Mistake),
            "{let_down}"
        );
    }
    assert_eq!(
        r.question_kind("Tell me about a time you helped someone grow."),
        None
    );
    assert_eq!(
        r.question_kind("Tell me about a time you let a junior lead."),
        None
    );
}

#[test]
fn a_question_that_asks_what_you_would_do_wants_a_plan_whatever_went_wrong_in_it() {
    let r = Rubric::embedded();
    for plan in [
        "How would you handle it if a batch went out late and might be contaminated?",
        "What would you do if you found an error in a shipment that had gone out?",
        "How would you handle a customer who received the wrong medicine?",
    ] {
        assert_eq!(
            r.question_kind(plan),
            Some(QuestionKind::Hypothetical),
            "{plan}"
        );
    }
    // A story question with a follow-up in the present or the conditional
    // is still a story question.
    for story in [
        "Tell me about a time you fixed a recurring problem. How do you know it worked?",
        "Give me an example of a late delivery you handled. What would you do next time?",
    ] {
        assert_ne!(
            r.question_kind(story),
            Some(QuestionKind::Hypothetical),
            "{story}"
        );
    }
    // A story question that asks, at its end, what the candidate would do
    // differently is still a story question.
    assert_eq!(
        r.question_kind("Tell me about a mistake you made, and what would you do differently?"),
        Some(QuestionKind::Mistake)
    );
}
