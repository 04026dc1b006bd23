//! Concepts told in plain words, as real candidates tell them, found on
//! blind development sets: silence about a mistake costs (`kept_silent`);
//! telling the people affected is proactive however it is worded; a slip
//! can be told by its manner or by the harm it did; a cause chain needs no
//! number to be a root cause; light verbs can be deeds; standing back after
//! being overruled is no commitment; an answer that names nothing is no
//! story; what others said or blamed is not the speaker's blame. Every
//! sentence here was written for these tests.

use super::test_support::{hit, mistake_for, story};
use super::{Report, SignalId};

fn mistake(text: &str) -> Report {
    mistake_for("earn_trust", text)
}

#[test]
fn leaving_the_people_affected_to_find_out_or_chase_costs_points() {
    let fault = "In April I loaded last year's price list into the till system, so every \
                 customer at the bakery was charged the old price for two days.";
    let fix = "I then added a check that compares the till prices with the signed sheet \
               before the shop opens, and it has caught two errors since.";
    let silent = [
        "I held off telling the owner, hoping to fix it quietly. She found out from a regular.",
        "I didn't say anything to the owner that week. She only found out when the takings \
         didn't add up.",
        "I kept it to myself until the weekend. After that the owner had to chase me for the \
         figures twice.",
    ];
    let told = [
        "I rang the owner myself that morning and told her what I had done.",
        "Within the hour I emailed the owner with what had happened and the refund plan.",
        "I told the owner at 7 a.m. the next day, before she saw the takings.",
    ];
    for (s, t) in silent.iter().zip(told) {
        let quiet = mistake(&format!("{fault} {s} {fix}"));
        let open = mistake(&format!("{fault} {t} {fix}"));
        assert!(hit(&quiet, SignalId::KeptSilent), "silence missed: {s}");
        assert!(!hit(&open, SignalId::KeptSilent), "silence in: {t}");
        assert!(
            hit(&open, SignalId::ProactiveCommunication),
            "telling missed: {t}"
        );
        assert!(
            !hit(&quiet, SignalId::ProactiveCommunication),
            "proactive in: {s}"
        );
        assert!(
            open.total >= quiet.total + 8.0,
            "{} vs {}: {s}",
            open.total,
            quiet.total
        );
    }
}

#[test]
fn someone_elses_silence_or_telling_someone_something_is_not_the_speakers_silence() {
    let not_silence = [
        "In June I merged the two rotas by mistake, so three nurses were double-booked. The \
         agency never told us they had no cover either, and I fixed the rota that day.",
        "In June I merged the two rotas by mistake. I found out from the night sister and \
         fixed it within the hour.",
        "In June I merged the two rotas by mistake. I never told the nurses it was their \
         fault; I fixed the rota and apologised to each of them that afternoon.",
    ];
    for text in not_silence {
        assert!(!hit(&mistake(text), SignalId::KeptSilent), "{text}");
    }
}

#[test]
fn a_slip_told_by_its_manner_is_owned() {
    let owned = [
        "In March I left the old seating plan live on the partner site by mistake, and 40 \
         seats were sold twice.",
        "Last May I ran the clean-up script on the live mailing list without testing it on a \
         copy, and it merged 300 customers.",
        "In the spring of 2022 I booked the group's return flight a day early without \
         checking the trip letter.",
        "At the end of the first week I accidentally sent the draft grades to every parent.",
    ];
    for text in owned {
        let r = mistake(text);
        assert!(hit(&r, SignalId::OwnsFaultFirst), "{text}");
        assert!(!hit(&r, SignalId::BlamesOthers), "{text}");
    }
    // "Without being asked" is no skipped duty.
    let r =
        mistake("In May the courier lost two parcels. I told the customers without being asked.");
    assert!(!hit(&r, SignalId::OwnsFaultFirst));
}

#[test]
fn a_slip_told_only_by_the_harm_it_did_is_owned() {
    let owned = [
        "In March I loaded last year's price list into the tills, so every customer that week \
         was overcharged.",
        "Last autumn I placed the steel order from an old revision of the drawings, which meant \
         the bars came in about a third short.",
        "In 2023 I scheduled the school's return coach for the Thursday, so forty pupils were \
         left waiting for a day.",
    ];
    for text in owned {
        assert!(hit(&mistake(text), SignalId::OwnsFaultFirst), "{text}");
    }
    // What the speaker did next, or a thing merely described, is no harm.
    for text in [
        "In March the supplier's van was late. I called the depot, so they sent the broken \
         crates back the same day.",
        "In March the supplier's van was late, so I rang every shop before opening.",
    ] {
        assert!(!hit(&mistake(text), SignalId::OwnsFaultFirst), "{text}");
    }
}

#[test]
fn a_cause_traced_in_plain_words_is_a_root_cause() {
    let deep = "In May the night crew opened the wrong valve and the line lost pressure for an \
                hour. They had followed my work order exactly. It was wrong because I wrote it \
                from the old plant diagram. The diagram was out of date because field changes \
                were marked up on paper and posted to the drawing office. Nothing stopped anyone \
                using it because the system had no flag for pending changes. I added that flag \
                to the order template, and it has stopped two orders since.";
    let shallow = "In May the night crew opened the wrong valve and the line lost pressure for an \
                   hour. They had followed my work order exactly. It was a one-off slip on my \
                   part, typing the wrong valve number late in a long shift, and nobody caught \
                   it before it went out to the crew. I added a flag to the order template \
                   so a second planner checks every valve, and it has stopped two orders since.";
    let deep = mistake(deep);
    let shallow = mistake(shallow);
    assert!(hit(&deep, SignalId::RootCause));
    assert!(!hit(&shallow, SignalId::RootCause));
    // Saying the crew followed the speaker's order is protecting them, not
    // blaming them for the valve.
    assert!(!hit(&deep, SignalId::BlamesOthers));
    assert!(deep.total > shallow.total);
}

#[test]
fn deeds_told_with_light_verbs_are_actions() {
    let light = story(
        "hire_and_develop_the_best",
        "Last year one of our junior cooks, Amir, wanted to run the pastry section. I did \
         twenty early shifts with him over two months, got him onto the college's pastry \
         course, and had him plan the weekend menu twice a month. By spring he ran the section \
         on his own, and he now trains our two apprentices.",
    );
    assert!(hit(&light, SignalId::StarAction));
    assert!(hit(&light, SignalId::DevelopsOthers));
    assert!(light.total >= 40.0, "{}", light.total);
}

#[test]
fn a_past_told_with_read_and_shared_subjects_is_a_story() {
    let r = story(
        "learn_and_be_curious",
        "Two years ago our bakery kept getting loaves that went stale in a day. I read two \
         guides on starch ageing, borrowed a hygrometer from the college and measured each \
         room. The proving room sat at 40% humidity, so I fixed the steam valve. Complaints \
         fell from nine a month to one. I still read about baking most weeks.",
    );
    assert!(!hit(&r, SignalId::NoStory));
}

#[test]
fn standing_back_after_being_overruled_is_no_commitment() {
    let commit = story(
        "have_backbone_disagree_and_commit",
        "In March I argued against moving the festival to the park, with last year's footfall \
         figures. The director heard me out and kept the park. Once it was decided, I rebuilt \
         the site plan for the park, briefed the stewards myself and ran the wet-weather \
         drill. We sold 4,000 tickets.",
    );
    let stood_back = story(
        "have_backbone_disagree_and_commit",
        "In March I argued against moving the festival to the park, with last year's footfall \
         figures. The director heard me out and kept the park. Once it was decided, I kind of \
         checked out of it and left them to it. When it rained, I made sure it was on record \
         that I'd called it.",
    );
    assert!(hit(&commit, SignalId::DisagreeCommit));
    assert!(!hit(&stood_back, SignalId::DisagreeCommit));
    assert!(hit(&stood_back, SignalId::ToldYouSo));
    assert!(commit.total > stood_back.total + 10.0);
}

#[test]
fn an_answer_that_names_nothing_at_all_is_no_story() {
    for text in [
        "A time I found the cause of a problem... yes, so there was a problem and I dug into \
         the data to find out what was causing it. I looked at it closely, found the cause and \
         then we fixed it. I think digging in is really important.",
        "So there was an issue with a customer once and I stepped in and sorted it out. I \
         talked to the people involved, worked out what had gone wrong and put it right, and \
         the customer was happy in the end.",
    ] {
        let r = mistake(text);
        assert!(hit(&r, SignalId::NoStory), "{text}");
        assert!(r.total <= 25.0, "{}: {text}", r.total);
    }
    // One date or number is enough to say which time.
    let r = mistake(
        "In March a customer was double-charged, and I stepped in and sorted it out. I \
         refunded her the same day and added a check to the billing run.",
    );
    assert!(!hit(&r, SignalId::NoStory));
}

#[test]
fn what_others_said_or_blamed_is_not_the_speakers_blame() {
    for text in [
        "In May one store's losses were twice the chain's. The store blamed theft and wanted a \
         guard, so I broke the losses down by product and found the tills put refunded paint \
         back into stock.",
        "In June I tested a pause button on 10% of new users. In interviews people said they'd \
         broken their streak and given up, so I kept the button and retention rose from 22% to \
         26%.",
    ] {
        let r = story("dive_deep", text);
        assert!(!hit(&r, SignalId::BlamesOthers), "{text}");
    }
    // The speaker pinning it on someone is still blame.
    let r = mistake(
        "In May the launch slipped a week. I blamed the intern in the all-hands and made sure \
         my manager knew it was his script.",
    );
    assert!(hit(&r, SignalId::BlamesOthers));
}

#[test]
fn praise_is_not_a_measured_result() {
    let praise = story(
        "frugality",
        "Situation: In 2022 our track gangs reported defects on paper.\nAction: I built a form \
         in a free survey tool on our work phones and trained each gang.\nResult: My manager \
         called it one of the best improvements on the route that year.",
    );
    assert!(!hit(&praise, SignalId::ResultQuantified));
}

#[test]
fn never_being_chased_and_an_unedited_document_are_not_silence() {
    let r = mistake(
        "In May I ordered the floor beams a week late, so the build slipped 13 days. I rang the \
         client that afternoon, before anyone asked, and sent a short update every Friday. She \
         said she never once had to chase us.",
    );
    assert!(hit(&r, SignalId::ProactiveCommunication));
    assert!(!hit(&r, SignalId::KeptSilent));
    let r = mistake(
        "In May I changed the recipe card but did not update the allergen sheet, so the labels \
         left out sesame. I phoned the customer back within the hour and apologised.",
    );
    assert!(!hit(&r, SignalId::KeptSilent));
    assert!(hit(&r, SignalId::OwnsFaultFirst));
}

#[test]
fn making_sure_everyone_knows_whose_mistake_it_was_is_shaming() {
    let story = "In March a nurse on my ward gave a patient the stronger insulin pen, because both \
                 strengths sat in one drawer. ";
    let shaming = [
        "I told the ward manager it was him, and copied the matron so it was clear whose \
         mistake it was.",
        "I wasn't going to cover for him: I wrote it up and made sure the others knew.",
    ];
    let blameless = "I told him the drawer had let him down, split the strengths into two \
                     drawers and added the strength to the checklist.";
    let good = mistake(&format!("{story}{blameless}"));
    assert!(!hit(&good, SignalId::BlamesOthers));
    for s in shaming {
        let r = mistake(&format!("{story}{s}"));
        assert!(hit(&r, SignalId::BlamesOthers), "{s}");
        assert!(good.total > r.total, "{s}");
    }
}

#[test]
fn a_guard_set_up_by_the_speaker_is_a_mechanism_and_a_habit_of_ones_own_is_willpower() {
    let story = "In May I handed a patient 10 mg tablets instead of 5 mg at the final check. ";
    let guard = mistake(&format!(
        "{story}I configured the dispensing system so that the final check cannot be completed \
         without scanning the pack's barcode. The scanner has stopped eleven wrong picks since."
    ));
    let habit = mistake(&format!(
        "{story}I now read the strength on every pack aloud to myself at the final check, \
         however long the queue is, and I have not made that error since."
    ));
    assert!(hit(&guard, SignalId::MechanismFix));
    assert!(!hit(&habit, SignalId::MechanismFix));
    assert!(hit(&habit, SignalId::WillpowerFix));
    assert!(guard.total > habit.total + 10.0);
}

#[test]
fn keeping_a_record_of_having_warned_them_is_told_you_so() {
    let r = story(
        "have_backbone_disagree_and_commit",
        "In May I didn't think the co-op mode was ready: 18% of playtest sessions desynced, and \
         I showed the producer the dashboard. She shipped it anyway. OK, her call, not mine. I \
         logged my objection in the ticket so it was on record and went back to my own tests.",
    );
    assert!(hit(&r, SignalId::ToldYouSo));
    assert!(!hit(&r, SignalId::DisagreeCommit));
}

#[test]
fn the_speaker_chasing_someone_else_is_not_being_chased() {
    let r = mistake(
        "In June I priced the school extension without the fire alarm certificate, so handover \
         was at risk. I rang the alarm engineer that day and chased the schedule out of the \
         designer myself; the certificate came two days before handover.",
    );
    assert!(!hit(&r, SignalId::KeptSilent));
    let r = mistake(
        "In June I priced the school extension without the fire alarm certificate. I said \
         nothing for a week, and the head teacher had to chase me for the date.",
    );
    assert!(hit(&r, SignalId::KeptSilent));
}

#[test]
fn slogans_around_one_real_event_keep_little_of_their_points() {
    let plain = story(
        "deliver_results",
        "I ran the inbound dock at a warehouse in November. Two weeks before Black Friday a \
         supplier sent 14 trailers instead of the four booked, and we had room for six. I kept \
         two doors on booked loads, had the other four unload only the promotion pallets, and \
         moved four pickers from nights onto receiving. The promotion stock was on the shelves \
         by Thursday and the last trailer was empty on Saturday.",
    );
    for stuffed in [
        "Peak is where Deliver Results and Customer Obsession come together. One year a \
         supplier sent far more trailers than we had booked, and I Dove Deep, aligned \
         cross-functional stakeholders and leveraged our capacity framework. I empowered the \
         team, removed blockers and Insisted on the Highest Standards, and drove a supplier \
         collaboration initiative with a growth mindset. We hit every deadline and set a new \
         benchmark.",
        "With a Bias for Action mindset, I turned a supplier over-delivery into an \
         opportunity. I took end-to-end ownership, drove alignment across stakeholders, \
         leveraged data-driven insights and empowered the team to deliver world-class, \
         seamless results. I Thought Big, streamlined the process holistically and moved the \
         needle on predictability, delighting our customers.",
    ] {
        let r = story("deliver_results", stuffed);
        assert!(r.total <= 35.0, "slogans scored {}:\n{stuffed}", r.total);
        assert!(
            plain.total > r.total + 15.0,
            "{} vs {}",
            plain.total,
            r.total
        );
    }
}
