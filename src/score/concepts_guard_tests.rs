//! A fix told by what it does, found on blind sets: a guard seen catching
//! what it was built for is in place however it was first described; a
//! rule that now holds for every case is a mechanism; a physical change
//! (a board, a label, a jig, a locked folder) is one too. The speaker's
//! own checking stays willpower even when it names a label or a screen,
//! and a step left out ("without testing it") is the fault, not the fix.
//! Every sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for, points};

const SLIP: &str = "I run the dispatch desk at a builders' merchant. In June I loaded a \
                    customer's roof tiles onto the wrong lorry and a site in Leeds waited a \
                    day for them. That was my mistake: I picked the order from memory.";

fn fixed(fix: &str) -> f64 {
    points(
        &mistake_for("ownership", &format!("{SLIP} {fix}")),
        SignalId::MechanismFix,
    )
}

#[test]
fn a_guard_seen_catching_since_is_a_mechanism_in_full() {
    for fix in [
        "I had the yard foreman add a tick-box to the loading sheet. The box has since \
         stopped three loads going to the wrong bay.",
        "We reworked how loads are released. In the four months after, the new step blocked \
         two lorries before they left.",
        "I asked for a scan at the gate. Since it went in, two wrong pallets were stopped at \
         the barrier.",
    ] {
        let p = fixed(fix);
        assert!(p >= 11.0, "not credited in full ({p}): {fix}");
    }
    // A person catching things is vigilance, and a count of catches before
    // any fix is the fault being found.
    for not_a_guard in [
        "Since then I have caught two more wrong loads myself.",
        "The auditor later caught three more of my loads going astray.",
    ] {
        let p = fixed(not_a_guard);
        assert!(p < 11.0, "credited as a guard at work ({p}): {not_a_guard}");
    }
}

#[test]
fn a_rule_that_now_holds_for_every_case_is_a_mechanism() {
    for fix in [
        "I rewrote the release step, and now every order for a site gets a second signature \
         at the gate.",
        "Since then any load over two tonnes is weighed against the order before the lorry \
         moves.",
        "I changed the booking screen; now each delivery carries the site's postcode in red \
         on the docket.",
    ] {
        assert!(fixed(fix) > 0.0, "rule missed: {fix}");
    }
    // The speaker's own habit, timed by "every", is willpower.
    let habit = mistake_for(
        "ownership",
        &format!("{SLIP} Since then I read the docket again before every lorry leaves."),
    );
    assert!(!hit(&habit, SignalId::MechanismFix));
}

#[test]
fn a_physical_change_is_a_mechanism() {
    for fix in [
        "I bought coloured clips for every docket so a Leeds load can't be mistaken for a \
         Bradford one.",
        "I had a board fitted by the loading bay that shows each lorry's run.",
        "I laminated a chart of which bay feeds which lorry and fixed it at each bay door.",
    ] {
        assert!(fixed(fix) > 0.0, "physical fix missed: {fix}");
    }
}

#[test]
fn checking_by_hand_is_willpower_even_when_it_names_a_mechanism() {
    for habit in [
        "Since then I've personally gone over the loading screen before each run.",
        "I promised the manager that from now on I'd personally read every label.",
        "Now I tell the team to always read the docket twice.",
    ] {
        let r = mistake_for("ownership", &format!("{SLIP} {habit}"));
        assert!(
            !hit(&r, SignalId::MechanismFix),
            "credited as a mechanism: {habit}"
        );
        assert!(hit(&r, SignalId::WillpowerFix), "willpower missed: {habit}");
    }
    // Having a system do the checking is a mechanism.
    let system = mistake_for(
        "ownership",
        &format!("{SLIP} I had our dispatch system check every docket against the lorry's run."),
    );
    assert!(hit(&system, SignalId::MechanismFix));
    assert!(!hit(&system, SignalId::WillpowerFix));
}

#[test]
fn a_step_left_out_is_the_fault_not_the_fix() {
    let r = mistake_for(
        "ownership",
        "I run the dispatch desk at a builders' merchant. In June I switched the lorries to a \
         new loading screen without trying it on a quiet day, and a site in Leeds waited a day \
         for its tiles. I rang the site manager and apologised.",
    );
    assert!(!hit(&r, SignalId::MechanismFix));
}

#[test]
fn a_measure_or_a_noun_phrase_is_not_a_mechanism() {
    for not_a_fix in [
        "Trading standards rules aside, it was plainly unfair, and I refunded everyone.",
        "In the months after, our weekly accuracy audit went from 96.5% to 99.8%.",
    ] {
        let r = mistake_for("ownership", &format!("{SLIP} {not_a_fix}"));
        assert!(
            !hit(&r, SignalId::MechanismFix),
            "credited as a mechanism: {not_a_fix}"
        );
    }
}

#[test]
fn a_personal_standard_is_not_a_mechanism() {
    let r = mistake_for(
        "ownership",
        &format!("{SLIP} I probably made the drivers feel they had to match my standard."),
    );
    assert!(!hit(&r, SignalId::MechanismFix));
}

#[test]
fn willpower_in_many_guises_is_willpower() {
    for promise in [
        "Since then I make a point of reading every docket twice.",
        "I made a rule for myself to check the run sheet before each lorry.",
        "It's become a sort of discipline for me, and I'm much more watchful now.",
        "I keep a note on my screen so I remember the Leeds runs.",
        "The drivers have all been reminded to take more care with docket numbers.",
    ] {
        let r = mistake_for("ownership", &format!("{SLIP} {promise}"));
        assert!(
            hit(&r, SignalId::WillpowerFix),
            "willpower missed: {promise}"
        );
        assert!(
            !hit(&r, SignalId::MechanismFix),
            "credited as a mechanism: {promise}"
        );
    }
}

#[test]
fn a_habit_the_speaker_made_is_willpower_not_a_mechanism() {
    for habit in [
        "Since then I have made a habit of reading every access point back to the operator.",
        "I have made it a habit to check each gate code against the sheet twice.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I plan track possessions. Last May I sent a contractor to a locked gate, \
                 because I read the access point off an old map, and the crew lost an hour. \
                 I rang the controller at six to explain. {habit}"
            ),
        );
        assert!(
            hit(&r, SignalId::WillpowerFix),
            "a habit not read as willpower: {habit}"
        );
        assert!(
            !hit(&r, SignalId::MechanismFix),
            "a habit read as a mechanism: {habit}"
        );
    }
}

#[test]
fn a_bad_habit_told_as_the_slip_is_not_a_willpower_fix() {
    let r = mistake_for(
        "customer_obsession",
        "I was a field technician for a broadband provider, and I had got into the habit of \
         closing fault tickets after testing the line at the street cabinet. One customer had \
         his ticket closed by me three times in a month. That was my fault. I asked my team \
         leader to make an in-home reading compulsory on repeat faults, and it went into the \
         app for the whole region: a second ticket on the same line can't be closed without a \
         socket reading. My reopen rate went from 9 in 60 to 2 in 70.",
    );
    assert!(
        !hit(&r, SignalId::WillpowerFix),
        "the habit that caused it read as the fix"
    );
    assert!(
        hit(&r, SignalId::MechanismFix),
        "the app's block no longer a mechanism"
    );
}

#[test]
fn training_people_on_a_step_builds_no_mechanism() {
    for taught in [
        "I gave the two agency pickers a formal retraining on the labelling step.",
        "I ran a refresher on the wrap-station check for both shifts.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I run two outbound docks. Over six weeks we sent eleven pallets to the wrong \
                 store, because pickers grabbed the wrong label from a shared printer. {taught} \
                 Wrong-store pallets dropped after that."
            ),
        );
        assert!(
            !hit(&r, SignalId::MechanismFix),
            "training read as a mechanism: {taught}"
        );
    }
}

const NURSERY: &str = "I'm deputy manager at a day nursery. Last year a three-year-old was \
                       handed to her grandmother, who wasn't on the collection list.";

#[test]
fn what_stood_before_the_failure_or_an_alert_team_is_no_mechanism() {
    for weak in [
        "I'd written our collection procedure years before. I told staff to be more careful, \
         and everyone is much more alert now.",
        "I had set up the sign-out sheet myself. I reminded the team twice, and people are \
         very alert at the door now.",
    ] {
        let r = mistake_for("ownership", &format!("{NURSERY} {weak}"));
        assert!(!hit(&r, SignalId::MechanismFix), "credited: {weak}");
    }
    let fixed = mistake_for(
        "ownership",
        &format!(
            "{NURSERY} I changed the system: any change to who collects now goes on the \
             child's page in our app, and door staff check the app at every handover."
        ),
    );
    assert!(hit(&fixed, SignalId::MechanismFix));
}

#[test]
fn not_just_telling_people_to_be_careful_is_no_silence_and_no_willpower() {
    let r = mistake_for(
        "ownership",
        &format!(
            "{NURSERY} I didn't just tell staff to be more careful. I changed the system: any \
             change to who collects now goes on the child's page in our app."
        ),
    );
    assert!(!hit(&r, SignalId::KeptSilent));
}

#[test]
fn what_you_made_letting_it_happen_is_your_fault() {
    for owned in [
        "I'd written our collection procedure, and it let a spoken change live in one \
         person's head.",
        "I had designed the sign-out sheet, and it allowed a name to be added by phone.",
    ] {
        let r = mistake_for(
            "ownership",
            &format!(
                "I'm deputy manager at a day nursery. Last year a three-year-old went home \
                 with her grandmother, who wasn't on the collection list. {owned} I changed it \
                 the next day."
            ),
        );
        assert!(
            r.signal(SignalId::OwnsFaultFirst)
                .is_some_and(|s| s.evidence.iter().any(|e| owned.contains(&e.text))),
            "not owned: {owned}"
        );
    }
}
