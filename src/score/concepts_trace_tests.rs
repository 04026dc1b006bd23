//! How deep a trace goes and what counts as data, found on blind sets: a
//! chain that never gets past people's slips stops at the first cause,
//! however many sentences it takes; anyone's "because" links a cause the
//! speaker tells, but not the reason someone got in touch; "I looked into
//! it" is data only with records or figures in it. Every sentence here was
//! written for these tests.

use super::SignalId;
use super::test_support::{points, story};

const BILLS: &str = "I led billing operations at a water company with 180,000 homes. In one \
                     quarter estimated bills doubled to 1,400.";
const END: &str = "Estimated bills fell from 11% to 3% of reads within two quarters.";

fn dig(middle: &str) -> f64 {
    let r = story("dive_deep", &format!("{BILLS} {middle} {END}"));
    points(&r, SignalId::RootCause)
}

#[test]
fn a_chain_of_slips_stops_at_the_first_cause_and_a_chain_to_the_system_goes_deep() {
    let slips = [
        "I looked into it and found a meter reader new in the job had been skipping streets. \
         He simply had not been completing his round. I had his supervisor go through it with \
         him.",
        "I checked the routes and found the reader on the estates had missed his visits. He \
         had not been doing the gated roads at all, because he kept running late. I gave him \
         a refresher.",
    ];
    let systems = [
        "I asked why he was skipping them. His route ran through gated estates and he had no \
         access codes. Why had he none? The codes sat in the last reader's own spreadsheet, \
         because the route system had no field for access notes. I had the field added.",
        "I looked into why. The gated estates were skipped because he had no codes. That was \
         because the codes were never loaded into the handheld, and nobody owned loading \
         them. I had the handheld take them from one list.",
    ];
    for s in systems {
        for p in slips {
            assert!(
                dig(s) > dig(p),
                "slip chain {} not below system chain {}:\n{p}\n{s}",
                dig(p),
                dig(s)
            );
        }
    }
}

#[test]
fn someone_elses_because_links_a_cause_but_their_reason_for_writing_does_not() {
    let why = "I rode with the drivers for two shifts. They waited at the belt because their \
               target counted full carts per hour. Then why did that suddenly matter? In \
               April the connection time was cut to 45 minutes, but the contract was written \
               for 60, and nobody owned checking it.";
    assert!(dig(why) > 0.0, "a told cause chain earned nothing");
    let wrote = "A customer emailed me because her bill was wrong. A second one rang because \
                 he had been estimated twice. I answered both.";
    assert!(dig(wrote) == 0.0, "a reason for writing counted as a cause");
}

#[test]
fn looking_into_it_is_data_only_with_records_in_it() {
    let data = |middle: &str| {
        let r = story("dive_deep", &format!("{BILLS} {middle} {END}"));
        points(&r, SignalId::DataDriven)
    };
    assert!(data("I pulled the scan data for all 212 routes and sorted it by estate.") > 0.0);
    for vague in [
        "I looked into it and found the homes were being billed on estimates.",
        "I paired the new reader with our most experienced one for two weeks of shifts.",
    ] {
        assert!(data(vague) == 0.0, "counted as data: {vague}");
    }
}
