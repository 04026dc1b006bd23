//! Whose act a clause tells, found on blind sets: someone else handing a
//! problem to the speaker is how it arrived, not the speaker deflecting;
//! a thing left un-updated leaves nobody uninformed; owning the system
//! that let a fault through ("it was my check that let it through") owns
//! the fault. Every sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for};

#[test]
fn a_problem_handed_to_the_speaker_is_not_a_deflection() {
    for arrival in [
        "The wholesaler passed it to us on the Monday.",
        "Head office handed it off to our depot to sort out.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I run quality at a bottling plant. A café found a chipped neck on a bottle of \
                 our lemonade. {arrival} I had signed off the inspection settings myself, so I \
                 owned it, rang the café and changed the camera reject limit."
            ),
        );
        assert!(
            !hit(&r, SignalId::NotMyJob),
            "deflection charged: {arrival}"
        );
    }
    let deflects = mistake_for(
        "ownership",
        "I run quality at a bottling plant. A café found a chipped neck on a bottle of our \
         lemonade. I passed it to the engineering team and left it with them.",
    );
    assert!(hit(&deflects, SignalId::NotMyJob));
}

#[test]
fn a_record_left_unupdated_leaves_nobody_untold() {
    let slip = "I manage a hotel kitchen. In May a guest with a sesame allergy was served a \
                dressing with tahini in it because I had changed the recipe myself.";
    for record in [
        "The allergen chart on the pass was never updated.",
        "The recipe card had not been updated since the spring menu.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!("{slip} {record} I told the guest that night."),
        );
        assert!(!hit(&r, SignalId::KeptSilent), "silence charged: {record}");
    }
    let people = mistake_for(
        "earn_trust",
        &format!("{slip} The waiting staff were never updated, and the guest was not told."),
    );
    assert!(hit(&people, SignalId::KeptSilent));
}

#[test]
fn owning_the_system_that_let_it_through_owns_the_fault() {
    for owned in [
        "It was my check that let it through: I had set the camera to pass small chips.",
        "I'd signed off those inspection settings, so the miss was my process failing.",
        "Those were my controls, and they let a chipped bottle reach a café.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I run quality at a bottling plant. A café found a chipped neck on a bottle of \
                 our lemonade. {owned} I rang the café the same day."
            ),
        );
        assert!(
            hit(&r, SignalId::OwnsFaultFirst),
            "ownership missed: {owned}"
        );
    }
}
