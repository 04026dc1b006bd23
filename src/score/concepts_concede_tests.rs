//! How the speaker's own part is told, found on blind sets: a slip told by
//! its manner ("out of habit", "on autopilot") is owned; a share granted
//! late ("Sure, …", "I probably should have…") is conceded, not owned first.
//! Every sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for, points, story};

#[test]
fn a_slip_told_by_its_manner_is_owned() {
    for manner in [
        "I topped the tart with crushed pistachio out of habit",
        "I signed the delivery note on autopilot",
        "I carelessly ticked the box for the wrong ward",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!(
                "I run the pastry section of a hotel. One Saturday {manner}, and a guest with \
                 a nut allergy nearly got the wrong plate. I moved the nuts to one lidded tub \
                 and made the allergy tickets print yellow."
            ),
        );
        assert!(hit(&r, SignalId::OwnsFaultFirst), "not owned: {manner}");
    }
    let plain = mistake_for(
        "earn_trust",
        "I run the pastry section of a hotel. One Saturday I topped the tart with crushed \
         pistachio for the right table, and the guest loved it. I moved the nuts to one \
         lidded tub.",
    );
    assert!(!hit(&plain, SignalId::OwnsFaultFirst));
}

#[test]
fn a_share_granted_late_is_conceded_not_owned_first() {
    let setup = "I supervise pours on a building site. The pump crew was in a hurry that \
                 morning and the plumbers texted that the sleeves were in. Two sleeves were \
                 missing and we had to core the slab.";
    let owned = mistake_for(
        "ownership",
        "I supervise pours on a building site. I should have walked the deck before the \
         pour. Two sleeves were missing and we had to core the slab. Since then each trade \
         signs a pre-pour sheet.",
    );
    for late in [
        "Sure, the release had my signature and I should have walked the deck myself.",
        "I probably should have walked the deck myself rather than trust the text.",
        "Maybe I should have walked the deck before the pour.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!("{setup} {late} Since then each trade signs a pre-pour sheet."),
        );
        assert!(
            points(&r, SignalId::OwnsFaultFirst) < points(&owned, SignalId::OwnsFaultFirst),
            "a late share earned as much as owning it: {late}"
        );
    }
}

#[test]
fn refusing_a_view_or_refusing_to_blame_owns_no_fault() {
    let setup = "I train call-takers at an ambulance control room. A chest-pain call was coded \
                 too low and the crew took 38 minutes.";
    for stance in [
        "I did not accept that the card was the problem.",
        "I never agreed that the card was wrong.",
        "I didn't agree that our checklist was at fault.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!("{setup} {stance} I ran a refresher."),
        );
        assert!(!hit(&r, SignalId::OwnsFaultFirst), "owned by: {stance}");
    }
    for refusal in [
        "The call-taker had followed the card. I did not put this on her.",
        "The call-taker had followed the card, but I didn't pin it on her.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!("{setup} {refusal} I rewrote the card."),
        );
        assert!(
            hit(&r, SignalId::BlamelessSupport),
            "no support in: {refusal}"
        );
        assert!(
            !r.signal(SignalId::OwnsFaultFirst)
                .is_some_and(|s| s.evidence.iter().any(|e| refusal.contains(&e.text))),
            "refusing to blame taken as owning: {refusal}"
        );
    }
}

#[test]
fn naming_the_decision_as_yours_owns_it() {
    for owned in [
        "That was my edit.",
        "Releasing the rooms before inspection was my call.",
        "I told the director it was my signature on the release.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!(
                "I run housekeeping at a hotel. Eleven rooms went to guests before they were \
                 inspected. {owned} I added a lock in the booking system until a room is signed."
            ),
        );
        assert!(hit(&r, SignalId::OwnsFaultFirst), "not owned: {owned}");
    }
}

#[test]
fn what_you_do_not_know_now_is_no_duty_left_undone() {
    let r = story(
        "ownership",
        "I lead the inbound team at a warehouse. Last winter the roof leaked over aisle 14. I \
         logged a ticket with facilities and moved my team to other aisles. Some stock was \
         written off; I don't know the exact figure.",
    );
    assert!(!hit(&r, SignalId::OwnsFaultFirst));
    let habit = mistake_for(
        "ownership",
        "I'm a shift lead in a parcel warehouse. A picker was nearly hit by a reach truck. The \
         pickers wander about with headphones in and don't look where they're going.",
    );
    assert!(hit(&habit, SignalId::BlamesOthers));
}

#[test]
fn a_chance_that_could_have_happened_to_anyone_is_no_ones_fault() {
    let r = mistake_for(
        "earn_trust",
        "I'm charge nurse on a surgical ward. A nurse near the end of a double shift typed 10 \
         instead of 1.0 into a pump. I told her it could have happened to anyone on a long \
         shift, and I had the pumps refuse a heparin rate above the library limit.",
    );
    assert!(!hit(&r, SignalId::OwnsFaultFirst));
}

#[test]
fn why_you_did_it_in_the_state_of_a_thing_is_your_account_not_blame() {
    for reason in [
        "because the shared drive was slow that morning",
        "because the new template was still loading",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!(
                "I plan home deliveries for a furniture retailer. One Monday I loaded the \
                 address file from my desktop copy, {reason}. It was last week's, and twelve \
                 vans went to old addresses. That was my error; I rang every customer myself."
            ),
        );
        assert!(!hit(&r, SignalId::BlamesOthers), "blame charged: {reason}");
    }
    let deflected = mistake_for(
        "earn_trust",
        "I plan home deliveries for a furniture retailer. One Monday the address file got \
         swapped for last week's, and twelve vans went to old addresses.",
    );
    assert!(hit(&deflected, SignalId::BlamesOthers));
}
