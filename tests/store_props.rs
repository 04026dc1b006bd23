//! Property tests: any record survives save → reopen → load, and export →
//! import, unchanged; stats from the index equal stats from the records.

mod store_support;

use barraiser::answer::{AnswerId, AnswerRecord, FollowUp, QuestionRef, Review, Star};
use barraiser::bank::{PrincipleId, QuestionId};
use barraiser::score::{
    Evidence, PartSummary, Probe, ProbeResult, Report, SignalId, SignalReport, StarSummary,
};
use barraiser::store::{Export, Filter, Stats, Store};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any characters, control characters and newlines included.
    "(?s:.{0,60})"
}

fn timestamp() -> impl Strategy<Value = jiff::Timestamp> {
    (-5_000_000_000i64..5_000_000_000, 0i32..1_000_000_000)
        .prop_map(|(s, ns)| jiff::Timestamp::new(s, ns).unwrap())
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..=1000).prop_map(|n| f64::from(n) / 10.0),
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
    ]
}

fn signal() -> impl Strategy<Value = SignalReport> {
    let ids = prop::sample::select(vec![
        SignalId::StarSituation,
        SignalId::ResultQuantified,
        SignalId::OwnsFaultFirst,
        SignalId::BlamesOthers,
        SignalId::MechanismFix,
        SignalId::CustomerFocus,
    ]);
    let evidence = (any::<usize>(), any::<usize>(), text())
        .prop_map(|(start, end, text)| Evidence { start, end, text });
    (
        ids,
        any::<bool>(),
        any::<bool>(),
        number(),
        prop::collection::vec(evidence, 0..3),
        text(),
    )
        .prop_map(|(id, hit, applies, points, evidence, tip)| SignalReport {
            id,
            hit,
            applies,
            points,
            evidence,
            tip: tip.into(),
        })
}

fn part() -> impl Strategy<Value = PartSummary> {
    (any::<bool>(), any::<usize>()).prop_map(|(present, words)| PartSummary { present, words })
}

fn report() -> impl Strategy<Value = Report> {
    (
        number(),
        text(),
        prop::option::of(text()),
        (part(), part(), part(), part()),
        prop::collection::vec(signal(), 0..5),
        text(),
        prop::option::of((prop::option::of(0..SignalId::ALL.len()), text())),
        prop::option::of((any::<bool>(), any::<bool>())),
    )
        .prop_map(
            |(
                total,
                principle,
                question_id,
                (s, t, a, r),
                signals,
                scorer_version,
                probe,
                result,
            )| Report {
                total,
                principle,
                question_id,
                star: StarSummary {
                    situation: s,
                    task: t,
                    action: a,
                    result: r,
                },
                signals,
                scorer_version,
                // Saved records keep the probe and how it was answered.
                probe: probe.map(|(signal, text)| Probe {
                    signal: signal.map(|i| SignalId::ALL[i]),
                    text,
                }),
                probe_result: result.map(|(answered, dodged)| ProbeResult { answered, dodged }),
                truncated: false,
            },
        )
}

fn review() -> impl Strategy<Value = Review> {
    (text(), timestamp(), prop::option::of(1u8..=5), text()).prop_map(
        |(reviewer, at, grade, comment)| Review {
            reviewer,
            at,
            grade,
            comment,
        },
    )
}

fn record() -> impl Strategy<Value = AnswerRecord> {
    (
        (any::<u128>(), timestamp(), timestamp()),
        (text(), text(), text()),
        (text(), text(), text(), text()),
        text(),
        prop::collection::vec(
            (text(), text()).prop_map(|(probe, answer)| FollowUp { probe, answer }),
            0..3,
        ),
        prop::option::of(any::<u64>()),
        report(),
        prop::collection::vec(review(), 0..3),
        prop::option::of(any::<u128>()),
        prop::option::of(text()),
    )
        .prop_map(
            |(
                (id, created, updated),
                (qid, principle, qtext),
                (s, t, a, r),
                text,
                follow_ups,
                seconds_taken,
                report,
                reviews,
                conflict,
                story,
            )| {
                AnswerRecord {
                    schema_version: barraiser::answer::SCHEMA_VERSION,
                    id: AnswerId(uuid::Uuid::from_u128(id).to_string()),
                    created,
                    updated,
                    question: QuestionRef {
                        id: QuestionId(qid),
                        principle: PrincipleId(principle),
                        text: qtext,
                    },
                    star: Star {
                        situation: s,
                        task: t,
                        action: a,
                        result: r,
                    },
                    text,
                    follow_ups,
                    seconds_taken,
                    overtime_seconds: seconds_taken.map(|s| s / 3),
                    report,
                    reviews,
                    conflict_of: conflict.map(|c| AnswerId(uuid::Uuid::from_u128(c).to_string())),
                    story,
                }
            },
        )
}

fn records() -> impl Strategy<Value = Vec<AnswerRecord>> {
    prop::collection::vec(record(), 1..4).prop_map(|mut v| {
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v.dedup_by(|a, b| a.id == b.id);
        v.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_record_survives_save_and_reopen(records in records()) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        for r in &records {
            store.save(r.clone()).unwrap();
        }
        let stats_while_open = store.stats();
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        prop_assert!(store.warnings().is_empty(), "{:?}", store.warnings());
        prop_assert_eq!(store.answers(), records.as_slice());
        // Stats from the index agree with stats from the full records.
        prop_assert_eq!(store.stats(), Stats::compute(&records));
        prop_assert_eq!(stats_while_open, Stats::compute(&records));
    }

    #[test]
    fn any_record_survives_export_and_import(records in records(), now in timestamp()) {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut mine = Store::open(a.path()).unwrap();
        for r in &records {
            mine.save(r.clone()).unwrap();
        }
        let json = mine.export(&Filter::default(), now).to_json();
        let export = Export::parse(&json, "export.json").unwrap();
        prop_assert_eq!(export.exported_at, now);
        prop_assert_eq!(&export.answers, &records);
        let mut theirs = Store::open(b.path()).unwrap();
        let summary = theirs.import(export.clone(), now).unwrap();
        prop_assert_eq!(summary.added.len(), records.len());
        prop_assert_eq!(theirs.answers(), records.as_slice());
        let again = theirs.import(export, now).unwrap();
        prop_assert_eq!(again.unchanged, records.len());
    }

    #[test]
    fn the_markdown_packet_names_every_answer_whatever_it_holds(records in records(), now in timestamp()) {
        let export = Export { schema_version: 1, exported_at: now, answers: records.clone(), unreadable_newer: 0 };
        let md = export.to_markdown(&barraiser::store::MarkdownOptions { principle_name: &|_| None, principle_filter: None });
        for r in &records {
            let id_line = format!("- **Answer id:** `{}`", r.id);
            prop_assert!(md.contains(&id_line));
        }
    }

    #[test]
    fn star_headings_never_panic_and_keep_every_heading_body(text in "(?s:((Situation|S|Task|T|Action|A|Result|R|\\*\\*A\\*\\*|## R):)?.{0,40}\n){0,6}") {
        if let Some(star) = Star::from_headed_text(&text) {
            for part in [&star.situation, &star.task, &star.action, &star.result] {
                for word in part.split_whitespace() {
                    prop_assert!(text.contains(word), "{word:?} is not in the text");
                }
            }
        }
    }
}
