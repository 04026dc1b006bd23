//! Probe choice and judging on reports bent by hand: the weakest signal
//! wins, a complete answer gets the question's own follow-up, and a reply
//! moves the total from the scorer's, never from an earlier move.

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::*;
use crate::score::{Rubric, Target, score};

const ANSWER: &str = "Situation: In March 2024 the checkout service at Acme timed out for some orders.\n\
Task: I owned the payment integration.\n\
Action: I profiled the payment calls, I found a retry loop hammering the fraud API, and I added a circuit breaker.\n\
Result: Timeouts fell from 3% to 0.2% within a week.";

fn asked() -> Target<'static> {
    Target {
        principle: "deliver_results",
        question_id: None,
        kind: None,
    }
}

fn scored() -> Report {
    score(ANSWER, &asked(), &Rubric::embedded())
}

/// `report` with every counted signal that is not a red flag hit, and
/// every red flag quiet, except `missing`.
fn all_but(mut report: Report, missing: &[SignalId]) -> Report {
    for s in &mut report.signals {
        s.hit = !s.id.is_red_flag() && !missing.contains(&s.id);
        s.points = if s.hit && s.applies { 1.0 } else { 0.0 };
    }
    report
}

fn rng() -> Xoshiro256PlusPlus {
    Xoshiro256PlusPlus::seed_from_u64(7)
}

#[test]
fn the_heaviest_missing_signal_is_probed() {
    let probes = Probes::embedded();
    let rubric = Rubric::embedded();
    // specificity weighs 8, result_quantified 7: the heavier one is asked.
    let r = all_but(
        scored(),
        &[SignalId::ResultQuantified, SignalId::Specificity],
    );
    assert_eq!(
        target(&r, &rubric, probes).map(|t| t.0),
        Some(SignalId::Specificity)
    );
    let r = all_but(scored(), &[SignalId::ResultQuantified]);
    let p = choose(&r, &rubric, probes, &[], &mut rng());
    assert_eq!(p.signal, Some(SignalId::ResultQuantified));
    assert!(
        probes
            .phrasings(SignalId::ResultQuantified)
            .contains(&p.text)
    );
}

#[test]
fn a_complete_answer_gets_the_questions_own_follow_up() {
    let rubric = Rubric::embedded();
    let r = all_but(scored(), &[]);
    let own = vec!["What would your manager say?".to_owned()];
    let p = choose(&r, &rubric, Probes::embedded(), &own, &mut rng());
    assert_eq!(p.signal, None);
    assert_eq!(p.text, own[0]);
    let p = choose(&r, &rubric, Probes::embedded(), &[], &mut rng());
    assert_eq!(p.text, FALLBACK);
}

#[test]
fn a_signal_without_phrasings_is_never_probed() {
    let rubric = Rubric::embedded();
    let none = Probes::parse("p.json", r#"{"probes": []}"#).unwrap();
    let r = all_but(scored(), &[SignalId::ResultQuantified]);
    assert_eq!(target(&r, &rubric, &none), None);
}

#[test]
fn replying_twice_moves_the_total_once() {
    let rubric = Rubric::embedded();
    let probes = Probes::embedded();
    let mut r = scored();
    r.probe = Some(Probe {
        signal: Some(SignalId::DataDriven),
        text: "What data did you look at?".to_owned(),
    });
    let dodge = judge(&r, ANSWER, "Some data.", &asked(), &rubric, probes);
    assert!(dodge.result.dodged && !dodge.result.answered);
    assert!((dodge.total - (r.total - DODGE_COST)).abs() < 1e-9);
    // The moved total is saved; judging again starts from the scorer's.
    r.total = dodge.total;
    let again = judge(&r, ANSWER, "Some data.", &asked(), &rubric, probes);
    assert!((again.total - dodge.total).abs() < 1e-9);
}

#[test]
fn restating_counts_only_words_of_four_letters_or_more() {
    let answer = "I profiled the payment calls and found a retry loop.";
    assert!(dodges(
        answer,
        "So, as I said, I profiled the payment calls and found the retry loop there."
    ));
    assert!(!dodges(
        answer,
        "I asked the fraud team for their rate limits and I wrote a load test that proved it."
    ));
}
