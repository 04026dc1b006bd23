//! Outcomes and causes as candidates tell them, found on blind development
//! sets: "by half term" says when a result came, not how much changed.
//! Every sentence here was written for these tests.

use super::{Report, Rubric, SignalId, Target, score};

fn story(principle: &str, text: &str) -> Report {
    let target = Target {
        principle,
        question_id: None,
        kind: None,
    };
    score(text, &target, &Rubric::embedded())
}

fn hit(r: &Report, id: SignalId) -> bool {
    r.signal(id).is_some_and(|s| s.hit)
}

const SETUP: &str = "I run the kitchen at a primary school of 410 pupils. Last September the \
                     lunch queue left the oldest children about fifteen minutes to eat. I timed \
                     the queue for a week and moved the PIN step into the morning register.";

#[test]
fn when_a_result_came_is_not_how_much_it_changed() {
    let vague = [
        "By half term it felt like a different lunchtime.",
        "By the second week the hall was much calmer.",
        "By next term nobody complained about the queue any more.",
    ];
    let measured = [
        "By half term the wait had gone from 19 minutes to 7.",
        "Within a month plate waste was down from 38 kilos a week to 22.",
        "It cut the wait by half, and every year group got at least 25 minutes to eat.",
    ];
    for v in vague {
        let r = story("deliver_results", &format!("{SETUP} {v}"));
        assert!(!hit(&r, SignalId::ResultQuantified), "measured: {v}");
    }
    for m in measured {
        let r = story("deliver_results", &format!("{SETUP} {m}"));
        assert!(hit(&r, SignalId::ResultQuantified), "not measured: {m}");
    }
}

#[test]
fn getting_someone_to_act_is_a_deed_not_a_measured_result() {
    let setup = "I was duty manager at a sold-out concert hall. Twenty minutes before the \
                 headliner the bar queue backed into the corridor by a fire exit.";
    let deeds = [
        "We shut the bar at once, and we got two stewards to stand in the corridor.",
        "I shut the bar and got three of the ushers to walk the queue round to the terrace.",
    ];
    for d in deeds {
        let r = story("bias_for_action", &format!("{setup} {d}"));
        assert!(!hit(&r, SignalId::ResultQuantified), "measured: {d}");
    }
    let result = format!(
        "{setup} I shut the bar and moved its card reader. We got the corridor clear in 4 \
         minutes, and we got the wait down to 6 minutes."
    );
    assert!(hit(
        &story("bias_for_action", &result),
        SignalId::ResultQuantified
    ));
}
