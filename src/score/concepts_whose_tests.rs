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

const SLAB: &str = "I was site engineer on a block of flats in Leeds.";

#[test]
fn an_act_ahead_of_its_check_is_the_actors_slip() {
    for mine in [
        "On the third floor I authorised the pour before the rebar inspection had been signed.",
        "I released the batch before anyone had checked the test cubes.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!("{SLAB} {mine} We broke it out the next day."),
        );
        assert!(hit(&r, SignalId::OwnsFaultFirst), "own slip missed: {mine}");
    }
    // The same act told with nobody doing it deflects.
    let r = mistake_for(
        "ownership",
        &format!(
            "{SLAB} On the third floor the pour was authorised before the rebar inspection had \
             been signed. We broke it out the next day. To be fair, I could have waited."
        ),
    );
    assert!(!hit(&r, SignalId::OwnsFaultFirst));
    assert!(hit(&r, SignalId::BlamesOthers));
}

#[test]
fn a_cause_traced_in_answer_to_why_is_not_deflection() {
    let r = mistake_for(
        "ownership",
        "I'm a veterinary nurse. Last year I read a dose from the sheet in mils when the vet \
         meant milligrams per kilo, and I didn't query it. Why was that so easy? The sheet had \
         one box for both. Why had nobody changed it? It had never been reviewed since it was \
         copied from another hospital. I redesigned the sheet with a box for each unit.",
    );
    assert!(hit(&r, SignalId::OwnsFaultFirst));
    assert!(!hit(&r, SignalId::BlamesOthers));
}

#[test]
fn a_wrong_thing_used_with_nobody_choosing_it_deflects() {
    let told = |slip: &str| {
        mistake_for(
            "ownership",
            &format!(
                "Sous chef at a bistro. On a Sunday close, {slip} The inspector found it on \
                 Tuesday and our rating dropped from 5 to 4."
            ),
        )
    };
    let agentless =
        told("a tub of stock was labelled with the next day's date, and the wrong label got used.");
    assert!(hit(&agentless, SignalId::BlamesOthers));
    let owned = told(
        "I labelled a tub of stock with the next day's date instead of the day it was made. \
         My error: I grabbed the wrong label.",
    );
    assert!(hit(&owned, SignalId::OwnsFaultFirst));
    assert!(!hit(&owned, SignalId::BlamesOthers));
    let caught = told(
        "I labelled a tub of stock with the next day's date. My error. The chef caught it at \
         the pass, so no wrong stock was served.",
    );
    assert!(!hit(&caught, SignalId::BlamesOthers));
}

#[test]
fn a_guard_told_at_work_blames_nobody() {
    let r = mistake_for(
        "customer_obsession",
        "I manage a supermarket. One January I didn't get the shelf labels changed when a \
         promotion ended, and customers paid £2 more than the label said. I refunded 90 of \
         them. I set up a report of every price change, and the opening supervisor can't sign \
         the store open until each line is scanned as relabelled.",
    );
    assert!(!hit(&r, SignalId::BlamesOthers));
    assert!(hit(&r, SignalId::MechanismFix));
}

#[test]
fn a_change_made_without_a_word_and_a_colleague_who_never_passed_it_on_come_first_as_blame() {
    let own = "Of course I must say the first-article sign-off was mine: I used the drawing \
               from my own folder without checking the portal. I removed every local copy, \
               and the inspection software now opens the drawing from the portal link.";
    for theirs in [
        "The customer changed the drawing without any email to us and only uploaded it to \
         their portal.",
        "The customer moved the hole without a word to anyone here, and our account manager \
         never passed it on either.",
        "Our sales contact did not pass the new revision on to the plant.",
    ] {
        let r = mistake_for(
            "insist_on_the_highest_standards",
            &format!(
                "I'm a quality engineer at a bracket plant. In 2022 we made 1,800 brackets to \
                 an old drawing revision, with one hole 2 mm out. {theirs} Production had \
                 started on the Monday. {own}"
            ),
        );
        assert!(
            hit(&r, SignalId::BlamesOthers),
            "blame told first went unseen:\n{theirs}"
        );
        assert!(
            !hit(&r, SignalId::OwnsFaultFirst),
            "a late concession owned first:\n{theirs}"
        );
    }
}

#[test]
fn the_speakers_own_omission_and_own_loss_blame_nobody() {
    for own in [
        "One evening I was in a hurry and used a bottle of medium I had opened before, from the \
         shared fridge, without checking the date. In four days all my cultures were lost.",
        "I took the old bottle, from the back of the fridge, without looking at the label, and \
         our whole batch of cells was lost within the week.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!(
                "I was a PhD student growing neurons. {own} That one is on me. We now date \
                 every bottle and bin anything over two weeks old each Monday."
            ),
        );
        assert!(
            !hit(&r, SignalId::BlamesOthers),
            "own omission read as blame:\n{own}"
        );
    }
}
