//! Where the speaker stands toward a decision and toward people, found on
//! blind sets: bringing one's own position back after being overruled is
//! "I told you so" in deeds; not developing anyone as a rule is
//! indifference, and the speaker's own move ("when I took over") grows
//! nobody. Every sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, story};

const OVERRULED: &str = "I ran the seed trials for a farming co-op of 30 members. I disagreed \
                         with switching everyone to the new wheat variety, because my plot on \
                         light soil had lost a fifth of its yield in the dry year. The members \
                         voted for it anyway.";

fn after(then: &str) -> super::Report {
    story(
        "have_backbone_disagree_and_commit",
        &format!("{OVERRULED} {then}"),
    )
}

#[test]
fn bringing_your_own_position_back_after_the_vote_is_told_you_so() {
    let resurfaced = [
        "At the winter meeting I put my old slides up beside the harvest figures.",
        "When yields fell I forwarded the figures to the chair with my original report \
         attached.",
        "At the review I pointed out that a trial year would have shown us this.",
        "I still think the trial plan was right, whatever the vote said.",
        "I planted it as instructed and kept my head down.",
    ];
    for then in resurfaced {
        let r = after(then);
        assert!(hit(&r, SignalId::ToldYouSo), "missed: {then}");
        assert!(
            !hit(&r, SignalId::DisagreeCommit),
            "credited as commitment: {then}"
        );
    }
}

#[test]
fn committing_after_the_vote_is_not_told_you_so() {
    let committed = [
        "After the vote it was the co-op's decision, so it was mine: I wrote a drought plan \
         for the new variety and took it round twelve farms.",
        "Once it was settled I put my energy into making it work, and shared the trial \
         figures monthly so we could adjust the seed rate.",
    ];
    for then in committed {
        let r = after(then);
        assert!(!hit(&r, SignalId::ToldYouSo), "told you so in: {then}");
    }
}

#[test]
fn not_developing_anyone_as_a_rule_is_indifference_and_taking_over_grows_nobody() {
    let floor = "I run the sales floor at a car dealership with nine salespeople.";
    let cold = [
        "I don't really do training; the manufacturer has online modules.",
        "I don't have time to hold people's hands, and the good ones don't need it.",
        "We never coach anyone here: people either step up or they don't.",
    ];
    for s in cold {
        let r = story("hire_and_develop_the_best", &format!("{floor} {s}"));
        assert!(hit(&r, SignalId::PeopleIndifference), "missed: {s}");
    }
    let slip = story(
        "hire_and_develop_the_best",
        &format!(
            "{floor} I didn't train the new starter on the finance forms, and he quoted \
                  the wrong rate for a week."
        ),
    );
    assert!(!hit(&slip, SignalId::PeopleIndifference));
    let own_move = story(
        "hire_and_develop_the_best",
        &format!("{floor} When I took over I replaced four of the nine in my first six months."),
    );
    assert!(!hit(&own_move, SignalId::DevelopsOthers));
}

#[test]
fn a_team_of_your_own_called_the_customer_earns_little_customer_focus() {
    let deeds = "Last spring they were frustrated that they couldn't answer stock questions \
                 quickly, so I sat down with three of them, asked exactly what they needed and \
                 built a daily report of four numbers per client. Their survey score for us \
                 went from 6.1 to 8.4.";
    let focus = |who: &str| {
        let r = story("customer_obsession", &format!("{who} {deeds}"));
        r.signal(SignalId::CustomerFocus).map_or(0.0, |s| s.points)
    };
    let internal = focus(
        "I lead operations at a warehouse, and our main customer, the way I see it, is the \
         account management team.",
    );
    let shoppers = focus(
        "I lead operations at a warehouse, and our customers are the shoppers who buy from \
         the brands we store for.",
    );
    assert!(
        internal < shoppers,
        "internal {internal} vs shoppers {shoppers}"
    );
}

#[test]
fn waiting_on_a_procedure_while_people_wait_is_deference() {
    let snow = "I work as a dispatcher at a city bus company. One snowy morning six buses \
                were stuck below the hospital hill and drivers asked to take the ring road.";
    for waited in [
        "It is not my authority, so I told the drivers to wait until the manager answered.",
        "A route change needs approval from the operations manager, so the buses waited an \
         hour.",
        "Passengers waited in the cold, but I followed the procedure.",
    ] {
        let r = story("bias_for_action", &format!("{snow} {waited}"));
        assert!(hit(&r, SignalId::AuthorityDeference), "missed: {waited}");
    }
}

#[test]
fn a_principles_name_is_no_concrete_detail() {
    let names = story(
        "deliver_results",
        "Delivering results is at the core of who I am. I'm a big believer in Deliver \
         Results, Ownership and Bias for Action, and I always Insist on the Highest \
         Standards and Think Big with Customer Obsession.",
    );
    assert!(!hit(&names, SignalId::Specificity));
}

#[test]
fn the_old_warning_brought_back_is_told_you_so() {
    for then in [
        "When yields fell, I said at the meeting that I did warn about exactly this.",
        "When yields fell I sent the chair my trial figures again.",
        "At the review I did tell them, and I linked my report again for the minutes.",
        "At the review I reminded the chair that I'd raised exactly this in the spring.",
        "When yields fell I reminded everyone I had warned them about light soil.",
    ] {
        assert!(hit(&after(then), SignalId::ToldYouSo), "missed: {then}");
    }
    for then in [
        "I never brought up my objection again; I planted it and helped the others do well.",
        "I did tell myself to read the new sowing guide twice, and I planted it as agreed.",
    ] {
        assert!(!hit(&after(then), SignalId::ToldYouSo), "charged: {then}");
    }
}

#[test]
fn stepping_back_once_overruled_is_no_commitment_and_putting_your_energy_in_is() {
    for then in [
        "I sowed my share and left the drilling plan to the committee.",
        "I kept my own part to the seed orders and let the committee handle the rest.",
    ] {
        let r = after(then);
        assert!(hit(&r, SignalId::ToldYouSo), "missed: {then}");
        assert!(!hit(&r, SignalId::DisagreeCommit), "credited: {then}");
    }
    for then in [
        "Once it was voted, I put my energy into making the new variety work on light soil.",
        "I put all my effort into getting every member's drill set for it by March.",
    ] {
        let r = after(then);
        assert!(hit(&r, SignalId::DisagreeCommit), "missed: {then}");
        assert!(!hit(&r, SignalId::ToldYouSo), "charged: {then}");
    }
}
