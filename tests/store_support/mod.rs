//! Helpers shared by the store tests: records built by hand (so no test
//! depends on what the scorer says) and snapshots of a data folder.

#![allow(dead_code)] // each test file uses its own share of these

use std::collections::BTreeMap;
use std::path::Path;

use barraiser::answer::{AnswerId, AnswerRecord, FollowUp, QuestionRef, Review, Star};
use barraiser::bank::{PrincipleId, QuestionId};
use barraiser::score::{Evidence, PartSummary, Report, SignalId, SignalReport, StarSummary};

/// A fixed instant `secs` seconds after 2026-01-01.
pub fn at(secs: i64) -> jiff::Timestamp {
    jiff::Timestamp::from_second(1_767_225_600 + secs).unwrap()
}

/// A plausible record for answer number `n`, made at `at(n)`.
pub fn record(n: i64, principle: &str) -> AnswerRecord {
    let star = Star {
        situation: format!("Answer {n}: our release train slipped two weeks."),
        task: "I owned the release checklist.".to_owned(),
        action: "I added a staged rollout and an alarm.".to_owned(),
        result: format!("No slip in {n} releases since."),
    };
    let text = star.to_text();
    let hit_end = text.find('.').unwrap_or(text.len());
    let report = Report {
        total: 40.0 + f64::from(i32::try_from(n % 7).unwrap()) * 5.5,
        principle: principle.to_owned(),
        question_id: Some(format!("{principle}-01")),
        star: StarSummary {
            situation: PartSummary {
                present: true,
                words: 7,
            },
            ..StarSummary::default()
        },
        signals: vec![
            SignalReport {
                id: SignalId::StarSituation,
                hit: true,
                applies: true,
                points: 10.0,
                evidence: vec![Evidence {
                    start: 0,
                    end: hit_end,
                    text: text[..hit_end].to_owned(),
                }],
                tip: "".into(),
            },
            SignalReport {
                id: SignalId::MechanismFix,
                hit: n % 2 == 0,
                applies: true,
                points: if n % 2 == 0 { 12.0 } else { 0.0 },
                evidence: Vec::new(),
                tip: "Name the change that stops it happening again.".into(),
            },
            SignalReport {
                id: SignalId::BlamesOthers,
                hit: n % 3 == 0,
                applies: true,
                points: if n % 3 == 0 { -8.0 } else { 0.0 },
                evidence: Vec::new(),
                tip: "Start with your own part.".into(),
            },
        ],
        scorer_version: "test-1".to_owned(),
        probe: None,
        probe_result: None,
        truncated: false,
    };
    let mut r = AnswerRecord::new(
        at(n),
        QuestionRef {
            id: QuestionId(format!("{principle}-01")),
            principle: PrincipleId(principle.to_owned()),
            text: "Tell me about a time you missed a deadline.".to_owned(),
        },
        star,
        text,
        report,
    );
    r.follow_ups.push(FollowUp {
        probe: "Why?".to_owned(),
        answer: "The checklist lived in one head.".to_owned(),
    });
    r.seconds_taken = Some(150 + n.unsigned_abs());
    r
}

pub fn review(secs: i64, who: &str, grade: u8) -> Review {
    Review {
        reviewer: who.to_owned(),
        at: at(secs),
        grade: Some(grade),
        comment: format!("{who}: tighten the result."),
    }
}

/// Every file under `root` (relative path → bytes), to prove nothing changed.
pub fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The answer files only (what the user owns), to compare before and after.
pub fn answer_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(root)
        .into_iter()
        .filter(|(k, _)| k.starts_with("answers/"))
        .collect()
}

pub fn id(s: &str) -> AnswerId {
    AnswerId(s.to_owned())
}
