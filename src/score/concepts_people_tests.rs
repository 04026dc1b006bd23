//! How people are treated, found on blind graded sets: harm to people
//! told and shrugged off is indifference, however the shrug is worded;
//! waiting on rank while harm grows is deference; a "mistake" that is
//! only caring or giving too much is a strength in disguise. Every
//! sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for, story};

const ROTA: &str = "I ran the packing floor at a parcel depot with forty staff. I moved \
                    everyone to twelve-hour shifts to clear the Christmas backlog.";

#[test]
fn harm_to_people_shrugged_off_is_indifference() {
    for shrug in [
        "Three packers resigned and one was off sick for a month, but the backlog was gone \
         by the 20th.",
        "Two of the older staff burned out; still, we beat the target by a day.",
        "There was a grievance about the hours, but honestly the ones who stayed got faster.",
    ] {
        let r = story(
            "strive_to_be_earths_best_employer",
            &format!("{ROTA} {shrug}"),
        );
        assert!(
            hit(&r, SignalId::PeopleIndifference),
            "shrug missed: {shrug}"
        );
    }
    for care in [
        "Two of the older staff burned out, but I sat down with each of them and put them \
         back on eight-hour days.",
        "Three packers resigned. I met the rest of the team, listened, and we went back to \
         ten-hour shifts.",
    ] {
        let r = story(
            "strive_to_be_earths_best_employer",
            &format!("{ROTA} {care}"),
        );
        assert!(
            !hit(&r, SignalId::PeopleIndifference),
            "care charged: {care}"
        );
    }
}

#[test]
fn waiting_on_rank_is_deference() {
    for wait in [
        "Closing the valve was above my grade, so I rang the duty manager and waited.",
        "I respect the chain of command, so I logged the readings until he called back.",
        "I couldn't stop the line without authorisation, so I kept waiting for the manager.",
    ] {
        let r = story(
            "bias_for_action",
            &format!(
                "I'm an operator at a water works. One night the chlorine reading on tank 2 \
                 climbed from 0.5 to 1.9. {wait} He called back two hours later."
            ),
        );
        assert!(
            hit(&r, SignalId::AuthorityDeference),
            "deference missed: {wait}"
        );
    }
}

#[test]
fn a_mistake_of_giving_too_much_is_a_strength_in_disguise() {
    for brag in [
        "Honestly, my biggest mistake is that I find it very hard to say no to guests.",
        "My mistake was that I took on too much myself during the conference week.",
    ] {
        let r = mistake_for(
            "earn_trust",
            &format!(
                "{brag} At a 200-room hotel I worked eleven days straight and handled every \
                 VIP arrival. Satisfaction hit 94%."
            ),
        );
        assert!(
            hit(&r, SignalId::DeniesMistake),
            "humblebrag missed: {brag}"
        );
    }
}

const SLIP: &str = "I run a payroll bureau of six. In March my assistant emailed one client's \
                    payslips to another client with a similar name.";

#[test]
fn making_known_who_slipped_is_shaming_in_any_words() {
    for shaming in [
        "I told the partners straight away which member of my team had sent it.",
        "I emailed the director with her name so senior staff would know who was involved.",
        "At the Monday briefing I went through what she had done, with her standing there.",
    ] {
        let r = mistake_for("earn_trust", &format!("{SLIP} {shaming}"));
        assert!(hit(&r, SignalId::BlamesOthers), "shaming missed: {shaming}");
    }
}

#[test]
fn protecting_the_one_who_slipped_is_support_in_any_words() {
    for support in [
        "I told her we'd look at it together, and that the question was how, not who.",
        "At the Monday briefing I presented it as a system gap, without her name.",
    ] {
        let r = mistake_for("earn_trust", &format!("{SLIP} {support}"));
        assert!(
            hit(&r, SignalId::BlamelessSupport),
            "support missed: {support}"
        );
        assert!(!hit(&r, SignalId::BlamesOthers), "blame charged: {support}");
    }
}

#[test]
fn a_duty_handed_off_as_someone_elses_job_is_not_my_job() {
    let setup = "I produced a three-day festival outside a market town.";
    for handoff in [
        "Residents complained about parking on the verges, but parking is a police matter, \
         so I passed the complaints on.",
        "Noise monitoring is the council's job, so I forwarded every email to them.",
    ] {
        let r = story(
            "success_and_scale_bring_broad_responsibility",
            &format!("{setup} {handoff}"),
        );
        assert!(hit(&r, SignalId::NotMyJob), "hand-off missed: {handoff}");
    }
    // Whose job it officially was, as the setting for stepping in.
    let stepped_in = story(
        "ownership",
        &format!(
            "{setup} Stewarding was officially the security firm's job, and they were short. I \
             walked the car park myself and moved forty cars off the verges."
        ),
    );
    assert!(!hit(&stepped_in, SignalId::NotMyJob));
}

#[test]
fn deeds_told_only_as_the_teams_earn_half_the_action() {
    let we = "We run a fulfilment centre near Northampton. Black Friday volume was up 60%. We \
              brought in 140 agency pickers, we moved the top 500 lines next to the benches, \
              and we added a second inbound shift. We shipped 1.26 million units at 98.7% on \
              time.";
    let i = "We run a fulfilment centre near Northampton. Black Friday volume was up 60%. I \
             brought in 140 agency pickers, I moved the top 500 lines next to the benches, and \
             I added a second inbound shift. We shipped 1.26 million units at 98.7% on time.";
    let action = |text: &str| {
        super::test_support::points(&story("deliver_results", text), SignalId::StarAction)
    };
    assert!(action(we) > 0.0, "team deeds earned nothing");
    assert!(action(we) < action(i), "{} vs {}", action(we), action(i));
}

#[test]
fn an_absence_owned_in_the_next_breath_is_not_blame() {
    for owned in [
        "Nobody had ever told him to stop and tag the bay. That's on us, not him.",
        "No one had shown him the tag rule. That was on us.",
    ] {
        let r = mistake_for(
            "strive_to_be_earths_best_employer",
            &format!(
                "I supervise a scaffolding gang. An apprentice left a bay open without toe \
                 boards. {owned} I changed the induction the same week."
            ),
        );
        assert!(!hit(&r, SignalId::BlamesOthers), "blame charged: {owned}");
    }
}

#[test]
fn handing_over_a_name_or_a_warning_develops_nobody() {
    let story_of = |deed: &str| {
        story(
            "hire_and_develop_the_best",
            &format!(
                "I lead twelve agents at a call centre. A new agent used last year's script and \
                 40 customers were overcharged. {deed}"
            ),
        )
    };
    for handed in [
        "My manager asked who it was, and I gave him her name and employee ID.",
        "I gave her a written warning the next morning.",
    ] {
        assert!(
            !hit(&story_of(handed), SignalId::DevelopsOthers),
            "development credited: {handed}"
        );
    }
    let grown = story_of("I gave her the script review to run with me every Friday for a month.");
    assert!(hit(&grown, SignalId::DevelopsOthers));
}

#[test]
fn a_thing_that_became_a_template_develops_nobody() {
    for thing in [
        "It became the template for the other sites in the network.",
        "The rota I built became the standard for the other wards, which grew our reach.",
    ] {
        let r = story(
            "hire_and_develop_the_best",
            &format!(
                "As site HR lead I had to hire 420 seasonal staff in five weeks. I set up an \
                 assessment day and cut the time to start from 12 days to 4. {thing}"
            ),
        );
        assert!(
            !hit(&r, SignalId::DevelopsOthers),
            "growth credited: {thing}"
        );
    }
    let grew = story(
        "hire_and_develop_the_best",
        "As site HR lead I had to hire 420 seasonal staff in five weeks. I paired each new \
         shift lead with a mentor for the first fortnight, and two of them became \
         supervisors by the spring.",
    );
    assert!(hit(&grew, SignalId::DevelopsOthers));
}

#[test]
fn people_lost_and_shrugged_off_is_indifference() {
    for shrug in [
        "Quite a few people left in the first fortnight, which is normal in peak.",
        "At that volume you can't get attached to individuals.",
        "Several people dropped out in week one, as expected with seasonal staff.",
    ] {
        let r = story(
            "hire_and_develop_the_best",
            &format!(
                "As site HR lead I had to hire 420 seasonal staff in five weeks. I set up an \
                 assessment day and we hit the target two days early. {shrug}"
            ),
        );
        assert!(hit(&r, SignalId::PeopleIndifference), "missed: {shrug}");
    }
    let cared = story(
        "hire_and_develop_the_best",
        "As site HR lead I had to hire 420 seasonal staff in five weeks. I set up an \
         assessment day and we hit the target two days early. Quite a few people left in \
         the first fortnight, so I rang each of them to ask why and changed the induction.",
    );
    assert!(!hit(&cared, SignalId::PeopleIndifference));
}

#[test]
fn a_slip_shown_to_a_room_or_written_up_is_shaming() {
    for shaming in [
        "I wrote both of them up the same afternoon.",
        "I had her stand in front of the whole office and explain what she had done.",
        "I told the partners exactly which one it was, and went through her mistake in front of the team.",
        "When the director asked, I told him which ones they were.",
    ] {
        let r = mistake_for("earn_trust", &format!("{SLIP} {shaming}"));
        assert!(hit(&r, SignalId::BlamesOthers), "shaming missed: {shaming}");
    }
    for kind in [
        "I wrote it up on one page for the partners.",
        "I thanked her in front of the whole office for owning up so fast.",
        "I went through the two lists with her, not in front of the team.",
    ] {
        let r = mistake_for("earn_trust", &format!("{SLIP} {kind}"));
        assert!(
            !r.signal(SignalId::BlamesOthers)
                .is_some_and(|s| s.evidence.iter().any(|e| kind.contains(&e.text))),
            "shaming charged: {kind}"
        );
    }
}

#[test]
fn shaming_a_team_member_is_indifference_whatever_the_question() {
    let safety = "I supervise a sorting line. Three operators cleared jams without isolating \
                  the conveyor.";
    let shamed = story(
        "strive_to_be_earths_best_employer",
        &format!("{safety} I wrote all three up in front of the shift so everyone could see."),
    );
    assert!(hit(&shamed, SignalId::PeopleIndifference));
    let fixed = story(
        "strive_to_be_earths_best_employer",
        &format!(
            "{safety} I moved the isolator to the front of the line and asked why it was so slow."
        ),
    );
    assert!(!hit(&fixed, SignalId::PeopleIndifference));
}

#[test]
fn telling_someone_they_should_have_is_their_fault_not_yours() {
    let r = mistake_for(
        "strive_to_be_earths_best_employer",
        "I manage a charity shop. A volunteer priced a gold brooch at two pounds and a dealer \
         bought it. I told him straight that he should have asked before pricing it.",
    );
    assert!(!hit(&r, SignalId::OwnsFaultFirst));
    assert!(hit(&r, SignalId::BlamesOthers));
}

#[test]
fn whose_fault_it_was_after_owning_it_alone_names_the_speaker() {
    let owned = "I'm head chef at a bistro. The failure was mine: I switched pesto suppliers and \
                 never updated the allergen matrix, so a guest with a nut allergy was served \
                 cashews.";
    let r = mistake_for(
        "earn_trust",
        &format!(
            "{owned} I called her the next day and told her exactly what had gone wrong and whose fault it was."
        ),
    );
    assert!(!hit(&r, SignalId::BlamesOthers));
    let named = mistake_for(
        "earn_trust",
        &format!("{owned} I called her the next day and told her it was Dan who had plated it."),
    );
    assert!(hit(&named, SignalId::BlamesOthers));
}
