//! How the speaker's own part is told, found on blind sets: a slip told by
//! its manner ("out of habit", "on autopilot") is owned; a share granted
//! late ("Sure, …", "I probably should have…") is conceded, not owned first.
//! Every sentence here was written for these tests.

use super::SignalId;
use super::test_support::{hit, mistake_for, points};

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
