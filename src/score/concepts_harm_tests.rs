//! What is harm told and what is blame, and what a result measures, found
//! on the eighth round's blind sets: a harm kept off or suffered is an
//! outcome, not a cause pushed away; people described by what they did
//! are not named as culprits; a thing's failure given in answer to the
//! speaker's own "why?" is a cause traced; figures told before the remedy
//! size the problem, not the result. Every sentence here was written for
//! these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for, story};

/// An owned slip, to which each test adds one sentence.
const SLIP: &str = "I run the dispatch desk at a county ambulance service. In March I \
                    sent a crew to the old address of a care home because I had not \
                    updated the depot map after it moved.";

#[test]
fn a_harm_kept_off_or_suffered_is_no_deflection() {
    for outcome in [
        "The crew radioed from the empty car park, so no wrong patient was collected.",
        "Luckily no data was lost from the call record.",
        "Several residents were left waiting for forty minutes.",
        "Two patients were kept waiting in the lounge.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!("{SLIP} {outcome} I rang the home, apologised and fixed the map."),
        );
        assert!(!hit(&r, SignalId::BlamesOthers), "blame charged: {outcome}");
    }
    let pushed_away = mistake_for(
        "ownership",
        "I run the dispatch desk at a county ambulance service. In March a crew went to \
         the old address of a care home. The depot map was never updated after it moved, \
         and no warning was given to the crews.",
    );
    assert!(hit(&pushed_away, SignalId::BlamesOthers));
}

#[test]
fn people_described_by_what_they_did_are_not_named_as_culprits() {
    for described in [
        "I rang thirty patients who had missed their appointments to ask why.",
        "I phoned everyone who'd skipped the second dose.",
        "I emailed the customers who had forgotten to renew.",
    ] {
        let r = mistake_for("ownership", &format!("{SLIP} {described}"));
        assert!(
            !hit(&r, SignalId::BlamesOthers),
            "culprit charged: {described}"
        );
    }
    let named = mistake_for(
        "ownership",
        "I run the dispatch desk at a county ambulance service. In March a crew went to \
         the old address of a care home. I told the whole room who had missed the map \
         update.",
    );
    assert!(hit(&named, SignalId::BlamesOthers));
}

#[test]
fn a_document_written_up_or_a_risk_called_out_blames_nobody() {
    for thing in [
        "Afterwards I wrote up a change request for the mapping system.",
        "At the review I called out the risk of two maps.",
    ] {
        let r = mistake_for("ownership", &format!("{SLIP} {thing}"));
        assert!(!hit(&r, SignalId::BlamesOthers), "shaming charged: {thing}");
    }
    let person = mistake_for(
        "ownership",
        "I run the dispatch desk at a county ambulance service. In March a crew went to \
         the old address of a care home. I wrote up the call handler and called out Dev \
         at the morning briefing.",
    );
    assert!(hit(&person, SignalId::BlamesOthers));
}

#[test]
fn a_measure_that_falls_is_no_slip() {
    for fell in [
        "On the way his blood pressure had dropped.",
        "Her oxygen level dropped to 88% before they arrived.",
    ] {
        let r = mistake_for("ownership", &format!("{SLIP} {fell}"));
        assert!(!hit(&r, SignalId::BlamesOthers), "blame charged: {fell}");
    }
    let slip = mistake_for(
        "ownership",
        "I run the dispatch desk at a county ambulance service. In March the night \
         intern dropped the call from the care home.",
    );
    assert!(hit(&slip, SignalId::BlamesOthers));
}

#[test]
fn teaching_how_a_slip_happens_shrugs_nothing_off() {
    let r = mistake_for(
        "ownership",
        &format!(
            "{SLIP} I now tell every new controller about that night, so they see how \
             easily it happens when the phones don't stop."
        ),
    );
    assert!(!hit(&r, SignalId::BlamesOthers));
    let shrug = mistake_for(
        "ownership",
        "I run the dispatch desk at a county ambulance service. In March a crew went to \
         the old address of a care home. It was just human error, the intern sent them \
         there.",
    );
    assert!(hit(&shrug, SignalId::BlamesOthers));
}

#[test]
fn a_thing_that_failed_in_answer_to_the_speakers_why_is_a_cause_traced() {
    let traced = mistake_for(
        "dive_deep",
        &format!(
            "{SLIP} Why had I not updated it? The map server had been broken for a month, \
             so edits queued and vanished. I moved the map onto the main server."
        ),
    );
    assert!(!hit(&traced, SignalId::BlamesOthers));
    let person = mistake_for(
        "dive_deep",
        &format!(
            "{SLIP} Why had I not updated it? The contractor had broken the map server. \
             I moved the map onto the main server."
        ),
    );
    assert!(hit(&person, SignalId::BlamesOthers));
}

#[test]
fn a_duty_word_another_verb_takes_for_its_object_is_no_lapse() {
    let r = mistake_for(
        "ownership",
        &format!(
            "{SLIP} The system flagged it because the postcode didn't match a previous \
             record, and I corrected the map that night."
        ),
    );
    assert!(!hit(&r, SignalId::BlamesOthers));
    let lapse = mistake_for(
        "ownership",
        "I run the dispatch desk at a county ambulance service. In March a crew went to \
         the old address of a care home, because the night team didn't do a proper check \
         of the map.",
    );
    assert!(hit(&lapse, SignalId::BlamesOthers));
}

#[test]
fn an_analysis_left_undone_is_the_speakers_slip() {
    for lapse in [
        "I didn't model how many extra moves the cranes would need.",
        "I never worked out how long the second shift would take.",
        "I hadn't factored in the bank holiday.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I plan the yard at a container terminal. Last spring I changed the \
                 stacking plan for a new shipping line. {lapse} Truck turn times doubled, \
                 and I put it back the next morning."
            ),
        );
        assert!(hit(&r, SignalId::OwnsFaultFirst), "no ownership: {lapse}");
    }
}

#[test]
fn figures_before_the_remedy_measure_the_harm_not_the_result() {
    let vague = "I plan the yard at a container terminal. Last spring I changed the stacking \
                 plan and I didn't model the extra crane moves. Truck turn times went from \
                 52 minutes to 94. I pulled the crane logs and found that unproductive moves \
                 had doubled. I split the stacks by collection day and lowered them. Within a \
                 few weeks things were much better.";
    let r = mistake_for("deliver_results", vague);
    assert!(!hit(&r, SignalId::ResultQuantified));
    let measured = vague.replace(
        "Within a few weeks things were much better.",
        "Six weeks later the average turn was 61 minutes.",
    );
    let r = mistake_for("deliver_results", &measured);
    assert!(hit(&r, SignalId::ResultQuantified));
}

#[test]
fn an_allowance_is_no_result() {
    let r = story(
        "customer_obsession",
        "I lead 22 agents on a billing line. I gave agents authority to issue refunds up \
         to £50 without a supervisor, and customers were happier.",
    );
    assert!(!hit(&r, SignalId::ResultQuantified));
}

#[test]
fn a_failure_that_has_not_come_back_since_is_a_measured_result() {
    for since in [
        "Last year we ran 38 group blocks that way without a single early release.",
        "Since then we have loaded 120 contracts with no early release at all.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I manage reservations at a hotel. I released a group's rooms a week early \
                 because I misread the cutoff date. I rang the organiser, paid their taxis \
                 and made the system hold every block until its release date. {since}"
            ),
        );
        assert!(hit(&r, SignalId::ResultQuantified), "no result: {since}");
    }
}

#[test]
fn being_there_and_thinking_are_no_deeds() {
    for watched in [
        "Our airport's turnaround punctuality had fallen to 71%. I attended the weekly \
         steering meetings and learned a lot about cross-functional delivery.",
        "Our airport's turnaround punctuality had fallen to 71%. I sat in on the weekly \
         reviews and realised how much the ramp teams do.",
    ] {
        let r = story("deliver_results", watched);
        assert!(!hit(&r, SignalId::StarAction), "deeds credited: {watched}");
    }
    let did = story(
        "deliver_results",
        "Our airport's turnaround punctuality had fallen to 71%. I ran the weekly steering \
         meetings and rewrote the loading sequence.",
    );
    assert!(hit(&did, SignalId::StarAction));
}

#[test]
fn a_check_done_only_in_part_is_a_slip_whoever_tells_it() {
    let opening = "I'm a pharmacy technician. Last winter a woman went home with 10 mg tablets \
                   although her prescription was for 5 mg.";
    for own in [
        "I only scanned the first of the three boxes.",
        "I just checked one box of the batch.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!("{opening} {own} I rang her that evening."),
        );
        assert!(hit(&r, SignalId::OwnsFaultFirst), "not owned: {own}");
    }
    let agentless = mistake_for(
        "earn_trust",
        &format!(
            "{opening} Only the first of the three boxes got scanned. I rang her that evening."
        ),
    );
    assert!(hit(&agentless, SignalId::BlamesOthers));
    assert!(!hit(&agentless, SignalId::OwnsFaultFirst));
    // "Only" that says when, or a rule, is no partial check.
    for not_partial in [
        "The morning team only caught it at handover.",
        "Since then interns can only submit for review.",
    ] {
        let r = mistake_for("earn_trust", &format!("{opening} {not_partial}"));
        assert!(
            !hit(&r, SignalId::BlamesOthers),
            "blame charged: {not_partial}"
        );
    }
}

#[test]
fn who_went_untold_in_answer_to_the_speakers_why_is_a_cause_traced() {
    let traced = mistake_for(
        "dive_deep",
        "I'm a biomedical scientist. In March I released four potassium results without a \
         comment, and they were falsely high. The obvious cause was me, but that didn't \
         explain why one surgery's samples were affected. Why? The surgery's courier had \
         been cut from three runs a day to one in a cost review, and the lab was never \
         told. I got collection time made a mandatory field at booking-in.",
    );
    assert!(!hit(&traced, SignalId::BlamesOthers));
    assert!(!hit(&traced, SignalId::KeptSilent));
    // Told first, before any fault of the speaker's, it pushes the cause
    // away.
    let pushed = mistake_for(
        "dive_deep",
        "I'm a biomedical scientist. In March four potassium results went out falsely \
         high. The lab was never told that the courier had been cut to one run a day.",
    );
    assert!(hit(&pushed, SignalId::BlamesOthers));
}

#[test]
fn a_slip_told_as_what_the_cause_was_is_read_with_its_subject() {
    let opening = "I manage a packhouse for an apple grower. Last October a supermarket \
                   rejected two loads of Gala for bruising.";
    for own in [
        "The cause was that I hadn't checked the new tipper's settings that week.",
        "My first answer was that I hadn't checked the new tipper's settings.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!("{opening} {own} I reset it that day."),
        );
        assert!(hit(&r, SignalId::OwnsFaultFirst), "not owned: {own}");
        assert!(!hit(&r, SignalId::BlamesOthers), "blame charged: {own}");
    }
    let theirs = mistake_for(
        "ownership",
        &format!(
            "{opening} The root of it was that the contractor hadn't checked the tipper's \
             settings. I reset it that day."
        ),
    );
    assert!(hit(&theirs, SignalId::BlamesOthers));
}

#[test]
fn a_strength_named_the_failure_with_a_virtue_in_excess_denies_the_mistake() {
    for brag in [
        "My biggest failure is that I hold myself to standards higher than a job needs.",
        "Probably my biggest fault is that I go too far for the people I serve.",
        "If I have a weakness, it's that I get very enthusiastic about a new range.",
        "My failure, if I'm honest, is that I find it hard to let go of the detail.",
        "My biggest mistake is that I don't know when to stop.",
        "My biggest fault is that I push on. I wanted every joint perfect.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!(
                "{brag} On a hotel refit I had the joiner remake eighteen headboards, which \
                 added nine days, and guests praised them when it opened."
            ),
        );
        assert!(hit(&r, SignalId::DeniesMistake), "missed: {brag}");
        assert!(!hit(&r, SignalId::OwnsFaultFirst), "owned: {brag}");
    }
    // A flaw told as an event, even with "too" in it, is a mistake.
    let real = mistake_for(
        "earn_trust",
        "My biggest mistake was that I signed off the headboards too early, before the \
         grain was checked, and eighteen had to be remade at a cost of nine days.",
    );
    assert!(!hit(&real, SignalId::DeniesMistake));
}

#[test]
fn a_defect_left_because_nobody_said_anything_is_good_enough() {
    let r = story(
        "insist_on_the_highest_standards",
        "At the print shop I managed we ran 5,000 brochures. I noticed the cover colour was \
         off from the proof. The client didn't say anything when we delivered, so we left it.",
    );
    assert!(hit(&r, SignalId::GoodEnough));
    // A quote of what was not said is still read as one.
    let unsaid = story(
        "insist_on_the_highest_standards",
        "At the print shop I managed we ran 5,000 brochures. I never said \"good enough\" to \
         the client: I reprinted the covers that night.",
    );
    assert!(!hit(&unsaid, SignalId::GoodEnough));
}

#[test]
fn sending_someone_to_another_team_on_the_ground_it_is_theirs_is_not_my_job() {
    let opening = "I was a housekeeping supervisor at a conference hotel. One evening a guest \
                   told me the east lift was grinding and stopping between floors.";
    let r = story(
        "ownership",
        &format!(
            "{opening} I told him lifts are maintenance's area and he'd need to call \
             reception. The next morning it stuck with four people inside."
        ),
    );
    assert!(hit(&r, SignalId::NotMyJob));
    let stepped_in = story(
        "ownership",
        &format!(
            "{opening} Lifts are maintenance's area, but I rang the engineer myself, put a \
             sign on the lift and stayed until he came."
        ),
    );
    assert!(!hit(&stepped_in, SignalId::NotMyJob));
}

#[test]
fn a_conjunction_is_no_verb() {
    let r = story(
        "frugality",
        "I coordinate deliveries for a food bank. Our van failed its MOT, and we had 61 \
         households to reach, people who can't get to us, mostly elderly or without a car. \
         I rang round and borrowed the scouts' minibus.",
    );
    let deeds: Vec<&str> = r
        .signal(SignalId::StarAction)
        .map(|s| s.evidence.iter().map(|e| e.text.as_str()).collect())
        .unwrap_or_default();
    assert!(
        deeds.iter().all(|d| !d.contains("without a car")),
        "{deeds:?}"
    );
    assert!(
        deeds.iter().any(|d| d.contains("I rang round")),
        "{deeds:?}"
    );
}

#[test]
fn a_need_told_of_the_customers_in_the_next_breath_is_theirs() {
    for need in [
        "Several of them were anxious about being split from their friends.",
        "They had paid in full and were worried about the coach times.",
    ] {
        let r = story(
            "customer_obsession",
            &format!(
                "I sell group tours at a small travel agency. Two weeks before a trip the hotel \
                 could only take half the group, so I rang every traveller that afternoon. \
                 {need} I found a hotel for the whole group ten minutes away."
            ),
        );
        assert!(hit(&r, SignalId::CustomerFocus), "need missed: {need}");
    }
    let other = story(
        "customer_obsession",
        "I sell group tours at a small travel agency. Two weeks before a trip the hotel could \
         only take half the group, so I rang every traveller that afternoon. The contracts \
         team was anxious about the penalty clause. I found a hotel for the whole group.",
    );
    assert!(!hit(&other, SignalId::CustomerFocus));
}
