//! Review on a schedule: when each answered question should come back.
//!
//! A story rehearsed once fades; one retold at widening gaps stays ready
//! for the loop. Each answered question sits in one of five Leitner boxes,
//! and its box decides how long until it is due again:
//!
//! ```text
//! box    1   2   3   4    5
//! days   1   3   7   14   30
//! ```
//!
//! Every answer rates the rehearsal from its total (rounded as the report
//! shows it): below 50 *again* (back to box 1), 50–69 *hard* (stays in its
//! box), 70–84 *good* (up one box), 85 and over *easy* (up two). A first
//! answer moves from box 1 the same way. An answer given before the
//! question was due may keep or lower its box but never raises it, so
//! answering again straight after a report does not push the question
//! weeks away. A question is due at the start of the local day, so one due
//! "tomorrow" shows up on that morning, not at the minute of yesterday's
//! answer.
//!
//! Why a hand-written box and not FSRS (the `fsrs` or `rs-fsrs` crates):
//! FSRS fits a model of flashcard recall, which an interview score is not;
//! its short-term steps bring a failed card back within minutes; and the
//! candidate cannot predict its dates. A box is five numbers a candidate
//! can read in the README, and it costs no dependency.
//!
//! Pure: the answers, the time zone and "now" are passed in; nothing here
//! reads the clock or the disk.

use std::collections::HashMap;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

use crate::bank::QuestionId;

/// Days until a question in box `i + 1` is due again.
pub const BOX_DAYS: [i16; 5] = [1, 3, 7, 14, 30];

/// How a rehearsal went, from its total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Below 50: start over tomorrow.
    Again,
    /// 50–69: not yet better; same gap again.
    Hard,
    /// 70–84: a longer gap.
    Good,
    /// 85 and over: a much longer gap.
    Easy,
}

impl Rating {
    /// The rating of an answer with `total` (0–100), rounded to whole
    /// points as the report shows it.
    pub fn from_total(total: f64) -> Rating {
        let shown = total.round();
        if shown < 50.0 {
            Rating::Again
        } else if shown < 70.0 {
            Rating::Hard
        } else if shown < 85.0 {
            Rating::Good
        } else {
            Rating::Easy
        }
    }
}

/// One saved answer as the schedule reads it.
#[derive(Debug, Clone, Copy)]
pub struct Rehearsal<'a> {
    pub question: &'a QuestionId,
    pub at: Timestamp,
    pub total: f64,
}

/// When one question is due, and how its last rehearsal went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scheduled {
    pub question_id: QuestionId,
    /// The start of the local day it is due on.
    pub due: Timestamp,
    /// The total of the latest answer.
    pub last_total: f64,
    /// Its Leitner box, 1–5.
    #[serde(skip)]
    pub leitner_box: u8,
}

impl Scheduled {
    /// Whether it is due at `now`.
    pub fn is_due(&self, now: Timestamp) -> bool {
        self.due <= now
    }
}

/// The schedule of every answered question, soonest due first (ties by
/// question id), from its answers in any order.
pub fn schedule<'a>(
    answers: impl IntoIterator<Item = Rehearsal<'a>>,
    tz: &TimeZone,
) -> Vec<Scheduled> {
    let mut answers: Vec<Rehearsal<'a>> = answers.into_iter().collect();
    // Oldest first; a stable sort keeps saved order for equal times.
    answers.sort_by_key(|a| a.at);
    let mut out: Vec<Scheduled> = Vec::new();
    // Where each question sits in `out`: a large store has thousands of
    // answers to a hundred or so questions.
    let mut slot: HashMap<&QuestionId, usize> = HashMap::new();
    for a in answers {
        let rating = Rating::from_total(a.total);
        if let Some(s) = slot.get(a.question).map(|&i| &mut out[i]) {
            s.leitner_box = next_box(s.leitner_box, rating, a.at >= s.due);
            s.due = due_after(a.at, s.leitner_box, tz);
            s.last_total = a.total;
        } else {
            let leitner_box = next_box(1, rating, true);
            slot.insert(a.question, out.len());
            out.push(Scheduled {
                question_id: a.question.clone(),
                due: due_after(a.at, leitner_box, tz),
                last_total: a.total,
                leitner_box,
            });
        }
    }
    out.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.question_id.cmp(&b.question_id))
    });
    out
}

/// The schedule of the saved answers the store lists.
pub fn of_saved(answers: &[crate::store::AnswerSummary], tz: &TimeZone) -> Vec<Scheduled> {
    schedule(
        answers.iter().map(|a| Rehearsal {
            question: &a.question,
            at: a.created,
            total: a.total,
        }),
        tz,
    )
}

/// The questions due at `now`, soonest first.
pub fn due_now(schedule: &[Scheduled], now: Timestamp) -> impl Iterator<Item = &Scheduled> {
    schedule.iter().filter(move |s| s.is_due(now))
}

/// The box after a rehearsal rated `rating` from box `from`; `promote` is
/// false when the question was not yet due.
fn next_box(from: u8, rating: Rating, promote: bool) -> u8 {
    let top = u8::try_from(BOX_DAYS.len()).unwrap_or(u8::MAX);
    let up = |by: u8| {
        if promote {
            from.saturating_add(by)
        } else {
            from
        }
    };
    match rating {
        Rating::Again => 1,
        Rating::Hard => from,
        Rating::Good => up(1),
        Rating::Easy => up(2),
    }
    .clamp(1, top)
}

/// The start of the local day `BOX_DAYS[box - 1]` days after `at`.
fn due_after(at: Timestamp, leitner_box: u8, tz: &TimeZone) -> Timestamp {
    let index = usize::from(leitner_box.max(1) - 1).min(BOX_DAYS.len() - 1);
    let days = BOX_DAYS[index];
    let day = at.to_zoned(tz.clone()).date();
    day.checked_add(jiff::Span::new().days(days))
        .and_then(|d| d.to_zoned(tz.clone()))
        .map_or_else(
            // Only past the year 9999: a plain day count is close enough.
            |_| {
                at.saturating_add(SignedDuration::from_hours(24 * i64::from(days)))
                    .unwrap_or(at)
            },
            |z| z.timestamp(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixed clock the tables count from: Monday 2026-11-23, 10:00 UTC.
    fn day(offset_hours: i64) -> Timestamp {
        let start: Timestamp = "2026-11-23T10:00:00Z".parse().unwrap();
        start + SignedDuration::from_hours(offset_hours)
    }

    fn q(id: &str) -> QuestionId {
        QuestionId(id.to_owned())
    }

    #[test]
    fn totals_map_to_ratings_at_the_documented_edges() {
        let table = [
            (0.0, Rating::Again),
            (49.4, Rating::Again),
            (49.5, Rating::Hard),
            (50.0, Rating::Hard),
            (69.4, Rating::Hard),
            (69.5, Rating::Good),
            (84.0, Rating::Good),
            (85.0, Rating::Easy),
            (100.0, Rating::Easy),
        ];
        for (total, rating) in table {
            assert_eq!(Rating::from_total(total), rating, "total {total}");
        }
    }

    #[test]
    fn each_history_lands_in_its_box_and_due_day() {
        // (answers as (hours after the fixed clock, total), box, due day).
        type Row<'a> = (&'a [(i64, f64)], u8, &'a str);
        let table: &[Row] = &[
            (&[(0, 30.0)], 1, "2026-11-24"),
            (&[(0, 60.0)], 1, "2026-11-24"),
            (&[(0, 75.0)], 2, "2026-11-26"),
            (&[(0, 90.0)], 3, "2026-11-30"),
            // Good, then good again once due (day 3): box 3, 7 days on.
            (&[(0, 75.0), (72, 80.0)], 3, "2026-12-03"),
            // Good, then a retry within the hour: not yet due, stays in box 2.
            (&[(0, 75.0), (1, 95.0)], 2, "2026-11-26"),
            // A fall back to again from box 3.
            (&[(0, 90.0), (200, 20.0)], 1, "2026-12-02"),
            // Hard keeps the box, and restarts its gap from the new answer.
            (&[(0, 90.0), (170, 55.0)], 3, "2026-12-07"),
            // Easy twice: box 3, then 5 (the top); an early easy keeps box 5.
            (&[(0, 90.0), (170, 90.0), (600, 90.0)], 5, "2027-01-17"),
        ];
        for (answers, leitner_box, due) in table {
            let id = q("earn_trust-01");
            let rehearsals = answers.iter().map(|&(h, total)| Rehearsal {
                question: &id,
                at: day(h),
                total,
            });
            let s = schedule(rehearsals, &TimeZone::UTC);
            assert_eq!(s.len(), 1);
            assert_eq!(s[0].leitner_box, *leitner_box, "{answers:?}");
            assert_eq!(
                s[0].due.to_string(),
                format!("{due}T00:00:00Z"),
                "{answers:?}"
            );
            assert!((s[0].last_total - answers[answers.len() - 1].1).abs() < 1e-9);
        }
    }

    #[test]
    fn answers_in_any_order_are_replayed_oldest_first() {
        let id = q("a");
        let newest_first = [(72, 80.0), (0, 75.0)].map(|(h, total)| Rehearsal {
            question: &id,
            at: day(h),
            total,
        });
        let s = schedule(newest_first, &TimeZone::UTC);
        assert_eq!(s[0].leitner_box, 3);
        assert!((s[0].last_total - 80.0).abs() < 1e-9);
    }

    #[test]
    fn due_is_the_start_of_the_local_day() {
        // 10:00 UTC is 05:00 in New York (UTC-5 in November): the next day
        // starts at 05:00 UTC.
        let ny = TimeZone::fixed(jiff::tz::offset(-5));
        let id = q("a");
        let s = schedule(
            [Rehearsal {
                question: &id,
                at: day(0),
                total: 10.0,
            }],
            &ny,
        );
        assert_eq!(s[0].due.to_string(), "2026-11-24T05:00:00Z");
    }

    #[test]
    fn the_schedule_is_soonest_first_and_due_now_filters_by_the_clock() {
        let (a, b, c) = (q("a"), q("b"), q("c"));
        let s = schedule(
            [
                Rehearsal {
                    question: &a,
                    at: day(0),
                    total: 90.0,
                }, // due 11-30
                Rehearsal {
                    question: &b,
                    at: day(0),
                    total: 10.0,
                }, // due 11-24
                Rehearsal {
                    question: &c,
                    at: day(0),
                    total: 75.0,
                }, // due 11-26
            ],
            &TimeZone::UTC,
        );
        let order: Vec<&str> = s.iter().map(|s| s.question_id.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
        let due = |hours| due_now(&s, day(hours)).count();
        assert_eq!(due(0), 0);
        assert_eq!(due(14), 1, "midnight of the 24th");
        assert_eq!(due(14 + 48), 2);
        assert_eq!(due(24 * 30), 3);
    }

    #[test]
    fn no_answers_schedule_nothing() {
        assert!(schedule([], &TimeZone::UTC).is_empty());
    }
}
