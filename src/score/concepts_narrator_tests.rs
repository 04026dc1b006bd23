//! A manager telling what went wrong on their watch, found on blind
//! development sets: an occasion dated and told in the past is a story
//! even when the speaker is seldom its subject; someone who never got a
//! call was left out, not at fault; a rank named to take the fault is no
//! argument from rank; "we've had none sent back since" is a result, not
//! a lapse; holding a slip up to the room, or telling the boss who it was,
//! shames, and a word "not in front of the team" protects. Every sentence
//! here was written for these tests.

use super::test_support::{hit, mistake_for};
use super::{Report, SignalId};

fn watch(text: &str) -> Report {
    mistake_for("ownership", text)
}

#[test]
fn a_dated_occasion_told_in_the_past_is_a_story_whoever_its_subject() {
    for told in [
        "I run the cold store for a hospital pharmacy. One Saturday night in May a fridge \
         compressor stopped. The alarm went off, but nobody came until the morning, and the \
         insulin stock had warmed to 14 degrees. The alarm had dialled a porter who had moved \
         to days. The call list sat in the supplier's portal and was never part of any \
         handover. The alarm now rings a shared on-call phone, and the list is on the leavers \
         form.",
        "I manage a depot of 40 drivers. Last winter a van left with its tail lift unchecked. \
         The lift failed at a school, and a pallet fell. The check sheet had moved to a tablet \
         that the early shift never opened. The paper copy had been binned in September. The \
         van now cannot be booked out until the lift check is ticked on the tablet.",
    ] {
        assert!(
            !hit(&watch(told), SignalId::NoStory),
            "a dated occasion read as no story:\n{told}"
        );
    }
    for claims in [
        "I manage a depot of 40 drivers. I always make sure vans are checked. Problems happen \
         in any depot. Drivers were told to check lifts and the sheets were kept. Things were \
         reviewed regularly and lessons were shared.",
        "I run a cold store. I would check the alarm list every month. If a fridge failed, I'd \
         make sure someone came. The list was reviewed and the phones were tested.",
    ] {
        assert!(
            hit(&watch(claims), SignalId::NoStory),
            "claims with no occasion read as a story:\n{claims}"
        );
    }
}

#[test]
fn someone_who_never_got_the_call_was_left_out_not_at_fault() {
    let start = "I run the cold store for a hospital pharmacy. One Saturday night in May a \
                 fridge compressor stopped and nobody came until morning. I own that: the call \
                 list was mine to keep.";
    for left_out in [
        "The easy story was that the porter on call ignored it. But the porter on call never \
         got a call at all.",
        "The on-call porter never got the message; the alarm dialled a number from two years \
         ago.",
    ] {
        let r = watch(&format!("{start} {left_out}"));
        assert!(
            !hit(&r, SignalId::BlamesOthers),
            "left out read as blame:\n{left_out}"
        );
    }
    let pushed = watch(
        "One Saturday night in May a fridge compressor stopped in the cold store I run, and \
         nobody came until morning. The on-call rota never got updated, and the message was \
         never passed on. I should have checked the rota myself.",
    );
    assert!(
        hit(&pushed, SignalId::BlamesOthers),
        "a duty nobody did no longer deflects"
    );
}

#[test]
fn a_rank_named_to_take_the_fault_is_no_argument_from_rank() {
    let start = "I run the cold store for a hospital pharmacy. One Saturday night in May a \
                 fridge compressor stopped and nobody came until morning, because the alarm \
                 dialled a porter who had moved to days.";
    for owning in [
        "That was the gap, and as the manager it was mine.",
        "As the manager, that one was on me.",
    ] {
        let r = watch(&format!("{start} {owning}"));
        assert!(
            !hit(&r, SignalId::SeniorityArgument),
            "owning read as rank:\n{owning}"
        );
    }
    let rank = mistake_for(
        "are_right_a_lot",
        &format!("{start} The porters wanted a second phone, but as the manager I overruled them."),
    );
    assert!(
        hit(&rank, SignalId::SeniorityArgument),
        "rank used to win no longer counts"
    );
}

const PINK: &str = "I'm sous chef at a grill restaurant. One Saturday a line cook, Dan, sent out \
                    a chicken thigh that was pink at the bone, and the guest sent it back.";
const PROBES: &str = "The next week I bought a probe for every station and we started a log: \
                      every portion probed to 75 degrees before it is plated, initials on the \
                      sheet.";

fn managed(middle: &str, end: &str) -> Report {
    mistake_for(
        "strive_to_be_earths_best_employer",
        &format!("{PINK} {middle} {PROBES} {end}"),
    )
}

#[test]
fn none_sent_back_since_is_a_result_not_a_lapse() {
    for since in [
        "We've had no chicken sent back since.",
        "Since then we have had no plates returned from that grill.",
    ] {
        let r = managed("I spoke to Dan after service.", since);
        assert!(
            hit(&r, SignalId::MechanismFix),
            "the fix read as setting: {since}"
        );
        assert!(
            !hit(&r, SignalId::OwnsFaultFirst),
            "a count of none owned as a slip: {since}"
        );
    }
    let gap = managed("We had no probe check on the grill at all.", "");
    assert!(
        hit(&gap, SignalId::OwnsFaultFirst),
        "a missing check is no longer owned"
    );
}

#[test]
fn showing_or_telling_who_it_was_shames_and_a_private_word_protects() {
    for shamed in [
        "I held the plate up in front of the whole brigade so they could all see what Dan had \
         sent out.",
        "After service I told the head chef exactly who it was, so it would go on his record.",
    ] {
        let r = managed(shamed, "");
        assert!(
            hit(&r, SignalId::BlamesOthers),
            "shaming not read as blame:\n{shamed}"
        );
        assert!(
            !hit(&r, SignalId::BlamelessSupport),
            "shaming read as support:\n{shamed}"
        );
    }
    for private in [
        "I spoke to Dan after service, in the office, not on the line. He had never cooked \
         thighs on that grill, and the only probe was in a drawer by the fryers.",
        "I talked it through with him later, not in front of the team. He had been moved onto \
         grill that night, and the only probe was in a drawer by the fryers.",
    ] {
        let r = managed(private, "");
        assert!(
            hit(&r, SignalId::BlamelessSupport),
            "a private word not read as support:\n{private}"
        );
        assert!(
            !hit(&r, SignalId::BlamesOthers),
            "a private word read as blame:\n{private}"
        );
    }
}
