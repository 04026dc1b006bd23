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
