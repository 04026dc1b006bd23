//! What the speaker said, did not say, or named, found on blind
//! development sets: making known who slipped is shaming however it is
//! worded; "this wasn't down to him" protects; owning told only as what
//! the speaker did *not* say owns nothing and hides the fault; a fix done
//! quietly, or in the hope nobody notices, is silence; a promise turned
//! down is no willpower; a mechanism may be named after a colon. Every
//! sentence here was written for these tests.

use super::test_support::{hit, mistake_for, story};
use super::{Report, SignalId};

fn mistake(text: &str) -> Report {
    mistake_for("ownership", text)
}

const SLIP: &str = "I run the dispatch desk at a courier depot with 30 drivers. In March a new \
                    sorter, Priya, loaded the Leeds cages onto the York van, and 140 parcels \
                    went out a day late.";
const FIX: &str = "Then I had colour-coded cage labels printed that match the van doors, and \
                   they have caught two mix-ups since.";

#[test]
fn making_known_who_slipped_is_shaming_however_it_is_worded() {
    let shaming = [
        "At the morning brief I made it clear to the whole floor exactly who'd done it.",
        "I emailed the regional manager that day so he knew the delay was Priya's and not mine.",
        "I made sure the client knew which sorter had mixed up the cages.",
        "I pointed out to the shift leads who had loaded the wrong van.",
        "When the regional manager asked, I told him it was Priya.",
        "I emailed the whole depot to explain what Priya did so nobody repeats it.",
        "When I reported it to the regional manager I gave her Priya's name and the details.",
    ];
    let protecting = [
        "At the morning brief I told the whole floor it was a labelling problem, not a person.",
        "I never told the regional manager who had loaded the cages, and I didn't need to.",
        "I asked the sorters who had loaded the van so I could retrace the steps with them.",
        "I told Priya the cage was hers to load next week, with a buddy beside her.",
        "When the regional manager asked, I told him it was our labelling, not a name.",
        "When I reported it to the regional manager I left her name out of it.",
    ];
    for s in shaming {
        let r = mistake(&format!("{SLIP} {s} {FIX}"));
        assert!(hit(&r, SignalId::BlamesOthers), "shaming missed: {s}");
    }
    for p in protecting {
        let r = mistake(&format!("{SLIP} {p} {FIX}"));
        assert!(!hit(&r, SignalId::BlamesOthers), "blame in: {p}");
    }
}

#[test]
fn saying_it_was_not_down_to_them_protects_and_saying_it_was_blames() {
    let protect = mistake(&format!(
        "{SLIP} The first thing I did was tell Priya, in front of the team, that this wasn't \
         down to her. {FIX}"
    ));
    let blame = mistake(&format!(
        "{SLIP} The first thing I did was tell the team, in front of Priya, that this was \
         down to her. {FIX}"
    ));
    assert!(hit(&protect, SignalId::BlamelessSupport));
    assert!(!hit(&protect, SignalId::BlamesOthers));
    assert!(hit(&blame, SignalId::BlamesOthers));
    assert!(protect.total >= blame.total + 5.0);
}

const OWN: &str = "I look after the radios for a mountain rescue team. On a night call-out two \
                   radios died within the hour because I hadn't tested them that month.";

#[test]
fn owning_told_as_what_was_not_said_owns_nothing_and_hides_the_fault() {
    let hidden = [
        "At the debrief I didn't say it was mine.",
        "I never told anyone it was my job that had slipped.",
        "At the debrief I did not admit it was my fault.",
    ];
    let said = [
        "At the debrief I said it was mine.",
        "I told everyone straight away it was my job that had slipped.",
        "At the debrief I admitted it was my fault.",
    ];
    for (h, s) in hidden.iter().zip(said) {
        let quiet = mistake(&format!("{OWN} {h}"));
        let open = mistake(&format!("{OWN} {s}"));
        assert!(hit(&quiet, SignalId::KeptSilent), "hiding missed: {h}");
        assert!(!hit(&open, SignalId::KeptSilent), "silence in: {s}");
        assert!(open.total > quiet.total + 3.0, "{s} vs {h}");
    }
}

#[test]
fn a_fix_done_quietly_or_in_hope_nobody_notices_is_silence() {
    let fault = "I look after the sales dashboard for a chain of garden centres. One Monday I \
                 found my change to the stock join had doubled the web orders for a week.";
    let hidden = [
        "I fixed the join that afternoon and reloaded the tables quietly.",
        "I patched it on the quiet, hoping nobody in finance would notice the numbers move.",
        "I hoped to sort it out before anyone spotted the jump.",
        "Nobody heard about it from me until the finance lead asked on Friday.",
    ];
    let open = [
        "I fixed the join that afternoon and rang the finance lead to tell her what had moved.",
        "I told the finance team quietly and kindly which reports were affected.",
        "I hoped the new totals would settle by Friday, and I emailed finance the details.",
        "Nobody heard from the vendor for a week, so I wrote to finance myself that morning.",
    ];
    for h in hidden {
        let r = mistake(&format!("{fault} {h}"));
        assert!(hit(&r, SignalId::KeptSilent), "cover-up missed: {h}");
    }
    for o in open {
        let r = mistake(&format!("{fault} {o}"));
        assert!(!hit(&r, SignalId::KeptSilent), "silence in: {o}");
    }
}

#[test]
fn a_promise_turned_down_is_no_willpower_and_told_myself_is() {
    let turned = mistake(&format!(
        "{OWN} Rather than simply promising the team I'd remember next time, I replaced the \
         charging rack with one that shows a charge light per slot."
    ));
    assert!(!hit(&turned, SignalId::WillpowerFix));
    assert!(hit(&turned, SignalId::MechanismFix));
    for resolve in [
        "I just told myself to remember the radio test each month.",
        "I made a mental note to test the radios every Friday.",
        "I promised the team I'd remember next time.",
    ] {
        let r = mistake(&format!("{OWN} {resolve}"));
        assert!(
            hit(&r, SignalId::WillpowerFix),
            "willpower missed: {resolve}"
        );
        assert!(!hit(&r, SignalId::MechanismFix), "mechanism in: {resolve}");
    }
}

#[test]
fn a_mechanism_named_after_a_colon_is_put_in_place_unless_only_wanted() {
    let fault = "I'm head chef at a 60-cover bistro. Last summer I left the walk-in door on \
                 the latch and we threw out about £1,500 of stock.";
    for done in [
        "What I put in after: a wireless temperature sensor that texts me above 8 degrees.",
        "I added one thing: a door alarm that beeps after two minutes open.",
    ] {
        let r = mistake(&format!("{fault} {done}"));
        assert!(hit(&r, SignalId::MechanismFix), "mechanism missed: {done}");
    }
    for wanted in [
        "What I want to put in: a wireless temperature sensor that would text me above 8 degrees.",
        "What I plan to add: a door alarm that beeps after two minutes open.",
    ] {
        let r = mistake(&format!("{fault} {wanted}"));
        assert!(!hit(&r, SignalId::MechanismFix), "mechanism in: {wanted}");
    }
}

#[test]
fn a_warning_nobody_gave_shifts_blame_and_a_gap_nobody_owned_does_not() {
    let deflects = mistake(
        "I coordinate Year 11 at a secondary school. After the mocks the results spreadsheet \
         went to the parents' mailing group. The mail system has two groups with similar names, \
         and nobody had ever warned staff about that. I must admit I also did not open the \
         attachment before pressing send.",
    );
    assert!(hit(&deflects, SignalId::BlamesOthers));
    assert!(!hit(&deflects, SignalId::OwnsFaultFirst));
    let owns = mistake(
        "I coordinate Year 11 at a secondary school. After the mocks I sent the full results \
         spreadsheet to the parents' group because I did not open the attachment before \
         pressing send. The two groups have similar names, and nobody had ever warned staff \
         about that.",
    );
    assert!(hit(&owns, SignalId::OwnsFaultFirst));
    // A why answered in a traced chain is a cause, not a deflection.
    let traced = mistake(
        "I was site lead at a wind farm. Six blade bolts were under torque on a bearing I had \
         signed off. Why were they low? The wrench was past its calibration date. Why was that \
         possible? The log was paper, and nobody had told the crew it had expired. Underneath \
         that, I never moved the tool register into our system when we changed contractor.",
    );
    assert!(!hit(&traced, SignalId::BlamesOthers));
}

#[test]
fn the_question_said_back_is_no_event() {
    let echoes = [
        "A time I made a mistake at work... so, as a nurse, mistakes can happen in any job. For \
         me, a time I made a mistake would be a situation where something didn't go the way it \
         should, and I had to take responsibility. When that happens I own it, I tell the right \
         people and I learn from it.",
        "An example of when I made a mistake at work would be a situation where I had to own \
         something. In a busy clinic mistakes happen. When they do I own them, I tell the right \
         people and I learn from them.",
    ];
    for e in echoes {
        let r = mistake(e);
        assert!(hit(&r, SignalId::NoStory), "a story: {e}");
        assert!(r.total <= 25.0, "{}", r.total);
    }
    let event = mistake(
        "One time last March I gave a 12 kg spaniel the wrong dose of a painkiller, because I \
         read the weight in pounds as kilos. I told the vet at once and rang the owner myself. Then I had the \
         dosing chart changed so the weight is entered in kilos only.",
    );
    assert!(!hit(&event, SignalId::NoStory));
}

#[test]
fn a_check_done_in_part_is_owned_and_a_feared_harm_blames_nobody() {
    let text = "I'm a backend developer for payroll software used by 600 restaurants. One \
                Thursday I deployed a change to the bank export. I'd tested it with our sample \
                data, but not with employees who have a two-part surname, and the bank \
                rejected those files. I found out at 3 p.m. from the bank's error log. Within \
                ten minutes I posted in our incident channel, and by 4 we had emailed all 41 \
                affected customers that some staff might be paid late and that we'd update \
                them at 7.";
    let r = mistake(text);
    assert!(hit(&r, SignalId::OwnsFaultFirst));
    assert!(!hit(&r, SignalId::BlamesOthers));
    assert!(hit(&r, SignalId::ProactiveCommunication));
    assert!(!hit(&r, SignalId::KeptSilent));
    // The same half-done check by someone else is theirs.
    let theirs = mistake(
        "I lead payroll support for 600 restaurants. One Thursday our contractor shipped a \
         change to the bank export. He had tested it with sample data, but not with two-part \
         surnames, and the bank rejected those files. I told the 41 customers within the hour.",
    );
    assert!(hit(&theirs, SignalId::BlamesOthers));
}

#[test]
fn principles_told_as_deeds_with_a_real_noun_or_two_are_no_story() {
    let slogans = story(
        "customer_obsession",
        "Customer obsession is in my DNA, and I always work backwards from the customer. In my \
         role in customer service at an online retailer I noticed pain points in the customer \
         journey around returns. I took ownership and dived deep into the data. Then I thought \
         big and invented a more customer-centric process with a bias for action. I aligned the \
         stakeholders across operations and finance and earned their trust. We saw a big \
         improvement in NPS and customers were delighted.",
    );
    assert!(hit(&slogans, SignalId::NoStory));
    assert!(slogans.total <= 25.0, "{}", slogans.total);
    let told = story(
        "customer_obsession",
        "In customer service at an online retailer, I read 200 return tickets from March and \
         found 40% were people waiting over a week for refunds on items the courier had \
         already scanned back. I asked finance to refund on the courier scan instead of on \
         arrival at the warehouse, and we changed it in May. Refund complaints fell from 310 \
         a month to 90.",
    );
    assert!(!hit(&told, SignalId::NoStory));
}

#[test]
fn not_wanting_to_cause_alarm_owns_no_missing_alarm() {
    let r = mistake(
        "I was shift supervisor at a water works serving 45,000 people. In January a dosing \
         pump failed for 50 minutes. I wanted the morning lab results first, so I wouldn't \
         cause alarm over nothing.",
    );
    let owned = r.signal(SignalId::OwnsFaultFirst).unwrap();
    assert!(
        owned.evidence.iter().all(|e| !e.text.contains("alarm")),
        "{:?}",
        owned.evidence
    );
}

#[test]
fn the_faulty_work_named_as_ones_own_owns_the_fault() {
    let r = mistake(
        "I'm a research scientist. After our paper came out, a student emailed to say one \
         growth curve looked odd. She was right: my analysis script assumed the plate-reader \
         file was in row order, and two strains were swapped in a figure. The conclusions \
         held, but the figure was wrong and it was my analysis. I told my co-authors that day.",
    );
    assert!(hit(&r, SignalId::OwnsFaultFirst));
    assert!(!hit(&r, SignalId::BlamesOthers));
}

#[test]
fn a_failure_waved_away_is_denied_not_owned() {
    for waved in [
        "Neighbours complained about the night shift's noise, but we were within our licence. \
         I wouldn't really call it a failure; it's just part of running a plant.",
        "The container sat in port for eleven days because the customs code was wrong. But \
         this was not my mistake: the code comes from the client's supplier.",
    ] {
        let r = mistake(&format!("I manage a fish plant on the coast. {waved}"));
        assert!(
            hit(&r, SignalId::DeniesMistake),
            "a failure waved away went unseen:\n{waved}"
        );
        assert!(
            !hit(&r, SignalId::OwnsFaultFirst),
            "a denial read as owning:\n{waved}"
        );
    }
}

#[test]
fn never_saying_it_was_someone_elses_job_is_no_silence() {
    let r = mistake(
        "I'm an associate at an employment law firm. Two years ago we missed a tribunal \
         deadline by one day. I never told the partner it wasn't my job, or that it was the \
         paralegal's docketing: I had counted 14 days from the wrong date. That was my error. \
         I told the partner within the hour and called the client the next morning. I then \
         built a deadline sheet where a second person checks every date, and it has caught \
         four wrong dates since.",
    );
    assert!(
        hit(&r, SignalId::ProactiveCommunication),
        "telling within the hour went unseen"
    );
    assert!(
        !hit(&r, SignalId::KeptSilent),
        "a deflection never said read as silence"
    );
}
