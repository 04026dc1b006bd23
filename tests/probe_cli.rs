//! The interviewer who digs, from the command line: `barraiser score`
//! asks its follow-up about the weakest part of each answer written here
//! for the purpose, the same probe every run, and `--follow-up` judges a
//! reply as answered or dodged and moves the total.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

const WE: &str = "Situation: In March 2024 our checkout service at Acme timed out for 3% of orders during the spring sale.\n\
Task: The team had to get the error rate down before the Easter weekend.\n\
Action: We profiled the payment calls, we found a retry loop hammering the fraud API, and we added a circuit breaker. We rolled it out behind a flag on Tuesday.\n\
Result: Timeouts fell from 3% to 0.2% and we kept 40,000 more orders that weekend.\n";

const NO_NUMBERS: &str = "Situation: In March 2024 the checkout service at Acme timed out for some orders during the spring sale.\n\
Task: I owned the payment integration, so getting it stable before Easter was my job.\n\
Action: I profiled the payment calls, I found a retry loop hammering the fraud API, and I added a circuit breaker. I rolled it out behind a flag on Tuesday and I watched the dashboards all week.\n\
Result: The timeouts went away and the sale weekend went smoothly.\n";

const HYPOTHETICAL: &str = "If a deploy broke something I would own it. I would always ask why and I would put a mechanism in place.\n";

const WE_MISTAKE: &str = "Last March our billing export broke for two days. We noticed the totals were wrong, we got together, and we rewrote the mapping. We tested it and we shipped the fix that Friday.\n";

const NO_WHY: &str = "Situation: In June 2023 I was the on-call engineer for the lab results feed at St Mary's.\n\
Task: A release I shipped mapped the potassium code to the wrong field.\n\
Action: I got it wrong: I skipped the check on the first results. I told the lab manager within the hour, I rolled back, and I corrected 40 reports by hand. Then I added a validation rule to the pipeline that rejects any mapping with a missing unit.\n\
Result: No patient was harmed, and the rule has caught two bad mappings since.\n";

const NO_FIX: &str = "Situation: In June 2023 I was the on-call engineer for the lab results feed at St Mary's.\n\
Task: I had mapped the potassium code to the wrong column.\n\
Action: I got it wrong: I skipped the check on the first results because the deadline was tight and nobody had reviewed the mapping table. I told the lab manager within the hour, I rolled back, and I corrected 40 reports that afternoon.\n\
Result: No patient was harmed and the lab trusted the feed again within a week.\n";

const MORE_CAREFUL: &str = "Situation: In June 2023 I was the on-call engineer for the lab results feed at St Mary's.\n\
Task: I had mapped the potassium code to the wrong column.\n\
Action: I got it wrong: I skipped the check on the first results because the deadline was tight and nobody had reviewed the mapping table. I told the lab manager within the hour, I rolled back, and I corrected 40 reports that afternoon. After that I promised to be more careful and to double-check every change myself.\n\
Result: No patient was harmed and the lab trusted the feed again within a week.\n";

const BLAME: &str = "Situation: In June 2023 the lab results feed at St Mary's showed wrong potassium values.\n\
Task: I was on call that week.\n\
Action: The vendor sent us incomplete samples and the QA team never tested the mapping, so it was their mistake. I told the lab manager within the hour and I corrected 40 reports that afternoon.\n\
Result: The feed was right again by the evening.\n";

fn barraiser(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("barraiser").unwrap();
    cmd.env("BARRAISER_HOME", home);
    cmd
}

/// `score --json` of `answer` against `principle`, with `extra` options.
fn report(principle: &str, answer: &str, extra: &[&str]) -> Value {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("answer.txt");
    std::fs::write(&file, answer).unwrap();
    let out = barraiser(home.path())
        .args(["score", "--json", "--principle", principle])
        .args(extra)
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

/// The phrasings `data/probes.json` holds for `signal`.
fn phrasings(signal: &str) -> Vec<String> {
    let file: Value =
        serde_json::from_str(include_str!("../data/probes.json")).expect("probes.json parses");
    file["probes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["signal"] == signal)
        .map(|e| serde_json::from_value(e["phrasings"].clone()).unwrap())
        .unwrap_or_default()
}

/// Asserts the probe digs into `signal`, in one of its phrasings, and
/// that the same answer is asked the same probe again.
fn probes(principle: &str, answer: &str, signal: &str) -> String {
    let r = report(principle, answer, &[]);
    let probe = &r["probe"];
    assert_eq!(probe["signal"], signal, "{probe}");
    let text = probe["text"].as_str().unwrap().to_owned();
    assert!(phrasings(signal).contains(&text), "{text:?}");
    assert!(r.get("probe_result").is_none(), "no reply, no result");
    assert_eq!(report(principle, answer, &[])["probe"], *probe);
    text
}

#[test]
fn a_we_answer_is_asked_what_the_candidate_did_themself() {
    probes("deliver_results", WE, "first_person_ownership");
}

#[test]
fn a_result_without_numbers_is_asked_how_they_knew_it_worked() {
    probes("deliver_results", NO_NUMBERS, "result_quantified");
}

#[test]
fn a_customer_obsession_answer_without_a_customer_is_asked_who_it_was() {
    probes("customer_obsession", WE, "customer_focus");
}

#[test]
fn an_answer_of_what_one_would_do_is_asked_which_time() {
    probes("earn_trust", HYPOTHETICAL, "no_story");
}

#[test]
fn a_mistake_told_as_we_is_asked_for_the_candidates_own_part() {
    probes("earn_trust", WE_MISTAKE, "owns_fault_first");
}

#[test]
fn a_mistake_without_its_cause_is_asked_why_it_was_possible() {
    probes("earn_trust", NO_WHY, "root_cause");
}

#[test]
fn a_mistake_without_a_fix_is_asked_what_stops_it_recurring() {
    probes("earn_trust", NO_FIX, "mechanism_fix");
}

#[test]
fn a_promise_to_be_careful_is_asked_for_a_fix_that_needs_no_care() {
    probes("earn_trust", MORE_CAREFUL, "willpower_fix");
}

#[test]
fn blaming_others_is_asked_for_the_candidates_share() {
    probes("earn_trust", BLAME, "blames_others");
}

/// `score --json --follow-up` with `reply` to the probe on [`WE`].
fn replied(reply: &str) -> (Value, f64) {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("reply.txt");
    std::fs::write(&file, reply).unwrap();
    let before = report("deliver_results", WE, &[])["total"]
        .as_f64()
        .unwrap();
    let r = report(
        "deliver_results",
        WE,
        &["--follow-up", file.to_str().unwrap()],
    );
    (r, before)
}

#[test]
fn a_reply_in_the_first_person_answers_the_probe_and_raises_the_total() {
    let (r, before) = replied(
        "I ran the profiler myself on Monday night, I spotted the retry loop in the fraud \
         client, and I wrote the circuit breaker and its tests. I also argued for the flag \
         and I flipped it on Tuesday.",
    );
    assert_eq!(r["probe"]["signal"], "first_person_ownership");
    assert_eq!(
        r["probe_result"],
        serde_json::json!({"answered": true, "dodged": false})
    );
    let after = r["total"].as_f64().unwrap();
    assert!(after > before && after <= 100.0, "{before} -> {after}");
}

#[test]
fn a_short_reply_or_the_answer_said_again_dodges_and_lowers_the_total() {
    for reply in [
        "We all pitched in together as a team.",
        "We profiled the payment calls, we found a retry loop hammering the fraud API, \
         and we added a circuit breaker behind a flag.",
    ] {
        let (r, before) = replied(reply);
        assert_eq!(
            r["probe_result"],
            serde_json::json!({"answered": false, "dodged": true}),
            "{reply}"
        );
        let after = r["total"].as_f64().unwrap();
        assert!((after - (before - 5.0)).abs() < 1e-9, "{reply}: {after}");
    }
}

#[test]
fn a_reply_that_tells_the_story_answers_which_time() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("reply.txt");
    std::fs::write(
        &file,
        "Last March our export job failed for two days: I had changed the date format \
         without telling the billing team. I found it on the Tuesday and fixed it.",
    )
    .unwrap();
    let r = report(
        "earn_trust",
        HYPOTHETICAL,
        &["--follow-up", file.to_str().unwrap()],
    );
    assert_eq!(r["probe"]["signal"], "no_story");
    assert_eq!(r["probe_result"]["answered"], true);
}

#[test]
fn the_readable_report_ends_with_the_probe_and_how_the_reply_moved_the_total() {
    let home = tempfile::tempdir().unwrap();
    let answer = home.path().join("answer.txt");
    let reply = home.path().join("reply.txt");
    std::fs::write(&answer, WE).unwrap();
    std::fs::write(&reply, "We all pitched in together as a team.").unwrap();
    let out = barraiser(home.path())
        .args(["score", "--principle", "deliver_results", "--follow-up"])
        .arg(&reply)
        .arg(&answer)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let tail: Vec<&str> = out.lines().rev().take(2).collect();
    assert!(
        tail[1].starts_with("Interviewer: ")
            && tail[1].ends_with("(digs into: first person ownership)"),
        "{out}"
    );
    // A dodged probe costs 5 points, whatever the answer scored.
    let moved = tail[0]
        .strip_prefix("Probe dodged: total ")
        .and_then(|t| t.strip_suffix("/100"))
        .and_then(|t| t.split_once(" -> "))
        .map(|(from, to)| (from.parse::<f64>().unwrap(), to.parse::<f64>().unwrap()));
    let (from, to) = moved.unwrap_or_else(|| panic!("{out}"));
    assert!((from - to - 5.0).abs() < 1e-9, "{out}");
}

#[test]
fn a_follow_up_from_stdin_needs_the_answer_in_a_file() {
    let home = tempfile::tempdir().unwrap();
    let out = barraiser(home.path())
        .args(["score", "--follow-up", "-", "-"])
        .write_stdin(WE)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(out).unwrap().contains("--follow-up"));
}
