//! Holding the news back, found on a blind development set: choosing not
//! to tell the people affected ("better not to announce it yet", "rather
//! than alarm the pharmacies"), leaving them untold ("customers weren't
//! told"), or telling them only once it was over ("once everything was
//! back, I emailed them") is `kept_silent`, and such a telling is not
//! proactive. Incidents that touch the public or customers count it under
//! Broad Responsibility and Customer Obsession too. Every sentence here
//! was written for these tests.

use super::SignalId;
use super::test_support::{hit, points, story};

const INCIDENT: &str = "I ran the cold store at a vaccine wholesaler supplying 40 pharmacies. \
                        One Monday the logger on a delivery van showed the fridge had sat at \
                        11 degrees for three hours.";
const FIX: &str = "The supplier cleared the batch the next afternoon, and every van now \
                   sends its fridge reading to the office every ten minutes.";

fn incident(principle: &str, middle: &str) -> super::Report {
    story(principle, &format!("{INCIDENT} {middle} {FIX}"))
}

#[test]
fn holding_the_news_back_is_silence_however_it_is_worded() {
    let held = [
        "I decided it was better not to announce anything until the supplier answered.",
        "Rather than alarm forty pharmacies over what might be nothing, I sent the file to \
         the supplier.",
        "I held off on any announcement while we waited for the supplier's view.",
        "I didn't phone the pharmacies; the doses were probably fine.",
        "The pharmacies weren't told, since most of the stock was probably fine.",
        "Once the batch was cleared, I let the pharmacies know what had happened.",
    ];
    for middle in held {
        let r = incident("success_and_scale_bring_broad_responsibility", middle);
        assert!(hit(&r, SignalId::KeptSilent), "silence missed: {middle}");
        assert!(
            points(&r, SignalId::KeptSilent) < 0.0,
            "silence costs nothing under Broad Responsibility: {middle}"
        );
        assert!(
            !hit(&r, SignalId::ProactiveCommunication),
            "credited: {middle}"
        );
    }
}

#[test]
fn telling_them_while_it_is_still_unknown_is_proactive_not_silence() {
    let told = [
        "Within the hour I phoned all 40 pharmacies to quarantine the doses, and told them I \
         would call back by 2pm even if we still knew nothing.",
        "I didn't wait for the supplier: by 9:30 I had emailed every pharmacy to set the doses \
         aside, and I updated them every evening.",
        "I rang the pharmacies straight away, before we had any answer from the supplier.",
    ];
    for middle in told {
        let r = incident("success_and_scale_bring_broad_responsibility", middle);
        assert!(!hit(&r, SignalId::KeptSilent), "silence in: {middle}");
        assert!(
            points(&r, SignalId::ProactiveCommunication) > 0.0,
            "telling early earns nothing: {middle}"
        );
    }
}

#[test]
fn the_same_incident_told_early_outscores_it_told_late_for_customers() {
    let early = incident(
        "customer_obsession",
        "That morning I phoned every pharmacy to hold the doses, and updated them each evening.",
    );
    let late = incident(
        "customer_obsession",
        "I held off telling the pharmacies, and once the batch was cleared I emailed them.",
    );
    assert!(
        early.total >= late.total + 5.0,
        "early {} vs late {}",
        early.total,
        late.total
    );
}

#[test]
fn a_harm_the_telling_kept_off_blames_nobody() {
    let letters = "I managed outpatient letters at a district hospital. A mail merge shifted by \
                   one row, so 180 patients received the next person's letter.";
    for told in [
        "I sent the consultants a short update each evening so they weren't caught out in \
         clinic.",
        "I rang the practice managers that afternoon so nobody was surprised by a call from \
         a patient.",
    ] {
        let r = story("earn_trust", &format!("{letters} {told}"));
        assert!(!hit(&r, SignalId::BlamesOthers), "blame in: {told}");
    }
}

#[test]
fn seeing_no_point_in_worrying_people_is_holding_the_news_back() {
    for held in [
        "I decided to re-test first; there was no point worrying forty pharmacies over what \
         might be nothing.",
        "I held the result until we knew more, since there was no need to alarm anyone.",
    ] {
        let r = incident("earn_trust", held);
        assert!(hit(&r, SignalId::KeptSilent), "silence missed: {held}");
        assert!(
            !hit(&r, SignalId::ProactiveCommunication),
            "credited as proactive: {held}"
        );
    }
}

#[test]
fn another_task_chosen_over_telling_them_is_silence() {
    for chose in [
        "I decided to stay on the supplier rather than ring forty pharmacy managers with half \
         an answer.",
        "I worked the problem with the supplier instead of phoning the pharmacy managers.",
    ] {
        let r = incident("customer_obsession", chose);
        assert!(hit(&r, SignalId::KeptSilent), "silence missed: {chose}");
    }
    let told = incident(
        "customer_obsession",
        "I rang all forty pharmacies within the hour rather than wait for the supplier.",
    );
    assert!(!hit(&told, SignalId::KeptSilent));
}
