//! A record the size of a real one, shared by the store and import
//! benches so both measure the same data.

use barraiser::answer::{AnswerRecord, QuestionRef, Star};
use barraiser::bank::{PrincipleId, QuestionId};
use barraiser::score::{Evidence, PartSummary, Report, SignalId, SignalReport, StarSummary};

const SIGNALS: [SignalId; 8] = [
    SignalId::StarSituation,
    SignalId::StarTask,
    SignalId::StarAction,
    SignalId::StarResult,
    SignalId::ResultQuantified,
    SignalId::OwnsFaultFirst,
    SignalId::BlamesOthers,
    SignalId::MechanismFix,
];

/// A record the size of a real one: ~1.5 KB of answer, 32 signals with tips.
pub fn record(n: u32) -> AnswerRecord {
    let principle = ["earn_trust", "ownership", "dive_deep", "bias_for_action"][(n % 4) as usize];
    let star = Star {
        situation: format!("Answer {n}. Our nightly billing export failed silently for a week. ").repeat(4),
        task: "I owned the export and the customer promise it carried. ".repeat(3),
        action: "I traced the failure to an unchecked timeout, added an alarm, a retry and a runbook. ".repeat(5),
        result: "No silent failures in six months; the alarm fired twice and we fixed both within an hour. ".repeat(3),
    };
    let text = star.to_text();
    let signals = (0..32)
        .map(|i| SignalReport {
            id: SIGNALS[i % SIGNALS.len()],
            hit: (n as usize + i).is_multiple_of(3),
            applies: i % 2 == 0,
            points: if i % 5 == 0 { -4.0 } else { 6.5 },
            evidence: if i % 4 == 0 {
                vec![Evidence {
                    start: 0,
                    end: 40,
                    text: text[..40].to_owned(),
                }]
            } else {
                Vec::new()
            },
            tip: "Say what you changed so it cannot happen again, and how you know it worked."
                .into(),
        })
        .collect();
    let report = Report {
        total: f64::from(n % 101),
        principle: principle.to_owned(),
        question_id: Some(format!("{principle}-0{}", n % 8 + 1)),
        star: StarSummary {
            situation: PartSummary {
                present: true,
                words: 60,
            },
            task: PartSummary {
                present: true,
                words: 30,
            },
            action: PartSummary {
                present: true,
                words: 80,
            },
            result: PartSummary {
                present: true,
                words: 50,
            },
        },
        signals,
        scorer_version: "bench".to_owned(),
        probe: None,
        probe_result: None,
        truncated: false,
    };
    let at = jiff::Timestamp::from_second(1_700_000_000 + i64::from(n)).unwrap();
    AnswerRecord::new(
        at,
        QuestionRef {
            id: QuestionId(format!("{principle}-0{}", n % 8 + 1)),
            principle: PrincipleId(principle.to_owned()),
            text: "Tell me about a time you made a mistake.".to_owned(),
        },
        star,
        text,
        report,
    )
}
