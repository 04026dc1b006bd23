//! The concepts a bar raiser listens for, each checked on several
//! paraphrases written for these tests (never sentences from a labelled
//! set): is this one specific past story, whose fault comes first, how deep
//! the cause goes, whether the fix is in use, whether the result is
//! measured. Minimal pairs tell one story twice, changed in one quality, and
//! must score apart.

use super::test_support::{hit, points};
use super::{Report, Rubric, SignalId, Target, score};
use crate::bank::QuestionKind;

fn scored(principle: &str, kind: Option<QuestionKind>, text: &str) -> Report {
    let target = Target {
        principle,
        question_id: None,
        kind,
    };
    score(text, &target, &Rubric::embedded())
}

fn mistake(text: &str) -> Report {
    scored("earn_trust", Some(QuestionKind::Mistake), text)
}

/// `better` outscores `worse` by at least `gap` points.
fn apart(better: &Report, worse: &Report, gap: f64) {
    assert!(
        better.total >= worse.total + gap,
        "better {} vs worse {} (want a gap of {gap})",
        better.total,
        worse.total
    );
}

#[test]
fn hypothetical_habitual_and_generic_answers_to_a_story_question_are_no_story() {
    let not_stories = [
        "If a deploy of mine broke something, I would own it straight away. I'd ask why five \
         times, I would put a mechanism in place, and I would tell the customers early.",
        "In that situation I'd first gather the data, then I would talk to each stakeholder, and \
         I'd make a reversible call quickly rather than wait.",
        "I coach everyone on my team every week. Over the years I've mentored a dozen engineers, \
         and I always make time for one-to-ones.",
        "I always put the customer first. I usually dig into the data, I take ownership end to \
         end, and I'm someone who insists on the highest standards.",
        "I can't think of a real mistake. I'm a perfectionist and I care too much.",
    ];
    for text in not_stories {
        let r = mistake(text);
        assert!(hit(&r, SignalId::NoStory), "no_story missed: {text}");
        assert!(r.total <= 25.0, "{} for: {text}", r.total);
    }
}

#[test]
fn a_specific_past_story_is_a_story_however_it_is_told() {
    let stories = [
        "Last March I pushed a pricing change without testing the discount path, and 300 orders \
         were charged twice. I rolled it back within the hour, refunded every order and added a \
         test for the discount path.",
        "so um in 2021 I was running night shift and I forgot to book the second driver, the \
         truck left late, I called the store manager at six and we rebooked the slot",
        "Situation: our clinic's reminder texts stopped.\nAction: I traced it to the expired \
         gateway key I had set up, renewed it and phoned the 40 patients who had missed a slot.",
    ];
    for text in stories {
        assert!(!hit(&mistake(text), SignalId::NoStory), "flagged: {text}");
    }
}

#[test]
fn i_would_is_right_for_a_hypothetical_question() {
    let text = "I would first ask who the end customer is, then I'd look at the last quarter's \
                complaints, and I would try two small changes before a big one.";
    let r = scored("customer_obsession", Some(QuestionKind::Hypothetical), text);
    assert!(!hit(&r, SignalId::NoStory));
    let asked = Rubric::embedded().question_kind("How would you improve our returns process?");
    assert_eq!(asked, Some(QuestionKind::Hypothetical));
}

#[test]
fn a_plan_is_not_marked_down_for_a_result_it_cannot_have_yet() {
    let plan = "I would start by pulling a month of returns and reading why people sent things                 back. Then I'd ask the warehouse lead to argue against my first idea, try the                 change in one depot for two weeks, and write down what I expect so I can check                 whether I was right.";
    let r = scored("customer_obsession", Some(QuestionKind::Hypothetical), plan);
    for id in [SignalId::StarResult, SignalId::ResultQuantified] {
        assert!(
            r.signal(id).is_some_and(|s| !s.applies),
            "{id} counted for a plan"
        );
    }
    // The same words, scored with the result's weights in, reach less.
    let as_story = scored("customer_obsession", None, plan);
    assert!(
        r.total > as_story.total,
        "{} vs {}",
        r.total,
        as_story.total
    );
    // Checking later whether one was right is humility, not "I told you so".
    assert!(!hit(&r, SignalId::ToldYouSo));
}

#[test]
fn the_steps_of_a_plan_count_as_deeds_when_a_plan_was_asked_for() {
    for plan in [
        "I would ring the retailers and ask them to hold the batch, I'd call my director at \
         the same time, and I'll pull the retained samples for testing.",
        "First I would walk the ward with the discharge nurse. Then I'd map every step \
         from the decision to the patient leaving, I'd pick the slowest one, and I would \
         try one change on one bay for a fortnight.",
    ] {
        let r = scored("ownership", Some(QuestionKind::Hypothetical), plan);
        for id in [SignalId::StarAction, SignalId::FirstPersonOwnership] {
            assert!(hit(&r, id), "{id} not credited: {plan}");
        }
        // Asked for a story, the same words are what one would do, not
        // what one did.
        let story = scored("ownership", Some(QuestionKind::Mistake), plan);
        assert!(!hit(&story, SignalId::StarAction), "deeds credited: {plan}");
        assert!(r.total > story.total, "{} vs {}", r.total, story.total);
    }
    // A condition stays a condition in a plan.
    let r = scored(
        "ownership",
        Some(QuestionKind::Hypothetical),
        "If the tests came back dirty, I might have to think about a recall.",
    );
    assert!(!hit(&r, SignalId::StarAction));
}

#[test]
fn agentless_deflection_named_first_is_blame_and_not_owning_first() {
    let deflections = [
        "The field mapping got changed during the upgrade, so the codes went to the wrong column. \
         In fairness, I could have checked the first batch. I fixed it that night.",
        "The approval step was skipped that week and the notice went to a mailbox no one checks. \
         Looking back, I also should have asked. I rebuilt the schedule the next morning.",
        "Mistakes were made in the handover and the schedule ended up based on last year's \
         numbers. I suppose I could have spotted it. I redid the rota by Friday.",
        "The samples from the vendor were incomplete and the rota was out of date, so the wrong \
         codes went out. I also should have checked the first batch. I fixed it that night.",
    ];
    for text in deflections {
        let r = mistake(text);
        assert!(!hit(&r, SignalId::OwnsFaultFirst), "owned first: {text}");
        assert!(hit(&r, SignalId::BlamesOthers), "no blame: {text}");
    }
}

#[test]
fn blame_first_scores_at_least_five_below_the_same_story_owned_first() {
    let owned = mistake(
        "I mapped the new test code to the wrong field and didn't check the first results. The \
         vendor's samples were thin too. I told the lab manager within the hour, corrected the \
         40 reports that day, and added a validation rule that rejects unmapped codes.",
    );
    let blamed = mistake(
        "The vendor's samples were incomplete and the notice went to a shared inbox nobody \
         reads. In fairness, I could have spotted the wrong field too. I told the lab manager \
         within the hour, corrected the 40 reports, and added a validation rule.",
    );
    assert!(hit(&owned, SignalId::OwnsFaultFirst));
    apart(&owned, &blamed, 5.0);
}

#[test]
fn letting_something_lapse_is_the_speakers_own_miss() {
    for text in [
        "In March our reminder texts stopped because I let it lapse: the gateway key was \
         mine to renew. I renewed it and phoned the 40 patients who missed a slot.",
        "The certificate on our booking site ran out on a Saturday: I had let it expire while \
         I was moving teams. I renewed it within the hour and added an expiry alert.",
    ] {
        assert!(hit(&mistake(text), SignalId::OwnsFaultFirst), "{text}");
    }
}

#[test]
fn it_was_not_on_us_is_blame_and_working_harder_is_willpower() {
    let r = mistake(
        "The release broke the invoice export. I escalated to their manager and made sure \
         everyone knew it wasn't on us. In the end we just worked harder and shipped on Friday.",
    );
    assert!(hit(&r, SignalId::BlamesOthers));
    assert!(hit(&r, SignalId::WillpowerFix));
    let promise = mistake("I missed the client's follow-up call. I'll try harder to follow up.");
    assert!(hit(&promise, SignalId::WillpowerFix));
}

#[test]
fn neutral_setting_and_earning_trust_are_not_red_flags() {
    let r = mistake(
        "Last May, while the platform group assumed the cache was warm, I changed the eviction \
         setting and didn't load-test it, so checkout slowed for an hour. I rolled it back and \
         added a load test to every config change.",
    );
    assert!(!hit(&r, SignalId::BlamesOthers), "setting read as blame");
    assert!(hit(&r, SignalId::OwnsFaultFirst));
    let trust = scored(
        "earn_trust",
        None,
        "I needed them to trust me as their new manager, so I met each of the six engineers in \
         my first week and fixed the two build problems they named by May.",
    );
    assert!(!hit(&trust, SignalId::SeniorityArgument));
}

#[test]
fn removing_steps_of_a_process_is_simplifying() {
    for text in [
        "I pulled a year of purchase requests, found four approvals nobody ever rejected, and \
         removed four approvals; median approval time fell from 9 days to 2.",
        "We merged the two weekly status meetings into one written update and cut the sign-off \
         steps from five to two, which saved each lead about three hours a week.",
    ] {
        let r = scored("invent_and_simplify", None, text);
        assert!(hit(&r, SignalId::FrugalInvention), "{text}");
    }
}

#[test]
fn root_cause_earns_in_full_only_several_whys_down() {
    let first_cause = mistake(
        "Fourteen pallets went to the wrong store in June. It was human error: a picker scanned \
         the wrong bay label. I retrained the picker and re-labelled the bay that day.",
    );
    let deep = mistake(
        "Fourteen pallets went to the wrong store in June. A picker scanned the wrong bay label. \
         But why was that possible? Two bays had the same label, because labels were reprinted \
         after the re-rack. And why was that missed? The re-rack form had no step for labels, \
         so I added a relabel-and-verify step to the form that day.",
    );
    assert!(!hit(&first_cause, SignalId::RootCause));
    assert!(hit(&deep, SignalId::RootCause));
    assert!(points(&deep, SignalId::RootCause) > 0.0);
}

#[test]
fn a_mechanism_only_planned_earns_less_than_one_seen_working() {
    let planned = mistake(
        "I loaded the summer usage profile by mistake and 3,000 bills came out too high. I \
         reissued them within ten days, and I put in a change request for a check that would \
         hold any bill 30% above last year; we are waiting to hear if it gets funded.",
    );
    let verified = mistake(
        "I loaded the summer usage profile by mistake and 3,000 bills came out too high. I \
         reissued them within ten days, and I built a check into the billing run that holds \
         any bill 30% above last year; it has caught two bad profile loads since.",
    );
    assert!(!hit(&planned, SignalId::MechanismFix));
    assert!(hit(&verified, SignalId::MechanismFix));
    apart(&verified, &planned, 3.0);
}

#[test]
fn numbers_in_the_setup_do_not_make_a_vague_result_measured() {
    let vague = scored(
        "deliver_results",
        None,
        "In autumn 2023 our 180-bed ward had a 38-minute wait to triage, and with my 12 nurses I \
         set up a front-door nurse from 10 a.m. to 10 p.m. Result: over the six weeks the waits \
         felt a lot shorter and the nurses were much happier.",
    );
    let measured = scored(
        "deliver_results",
        None,
        "In autumn 2023 our 180-bed ward had a 38-minute wait to triage, and with my 12 nurses I \
         set up a front-door nurse from 10 a.m. to 10 p.m. Result: over the six weeks the wait \
         fell from 38 minutes to 14 and walk-outs dropped from 7% to 3%.",
    );
    assert!(!hit(&vague, SignalId::ResultQuantified));
    assert!(hit(&measured, SignalId::ResultQuantified));
    apart(&measured, &vague, 3.0);
}

#[test]
fn committing_after_disagreeing_beats_i_told_you_so() {
    let committed = scored(
        "have_backbone_disagree_and_commit",
        None,
        "I disagreed with pouring the slab on Thursday and showed the PM the frost forecast. He \
         decided to go ahead. I never said \"I told you so\": once the call was made I borrowed \
         20 blankets and stayed until 11 p.m. logging temperatures.",
    );
    let sulked = scored(
        "have_backbone_disagree_and_commit",
        None,
        "I disagreed with pouring the slab on Thursday and showed the PM the frost forecast. He \
         decided to go ahead. I left the blankets to the foreman, and when the cubes failed I \
         reminded him that I had warned him and that it was not on me.",
    );
    assert!(hit(&committed, SignalId::DisagreeCommit));
    assert!(!hit(&committed, SignalId::ToldYouSo));
    assert!(hit(&sulked, SignalId::ToldYouSo));
    apart(&committed, &sulked, 3.0);
}

#[test]
fn an_internal_customer_is_not_the_end_customer() {
    let r = scored(
        "customer_obsession",
        None,
        "My customer was really the area manager, who wanted more items dispensed per hour, so I \
         moved the repeat prescriptions to a Tuesday batch and items per hour rose by 18%.",
    );
    assert!(!hit(&r, SignalId::CustomerFocus));
}
