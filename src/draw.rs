//! The weighted question draw.
//!
//! A candidate improves fastest on the principles they have practised least
//! or scored lowest on, so the draw leans toward those instead of picking
//! uniformly. It is a pure function of the bank, the progress stats and a
//! random source passed in, so tests can seed it and the TUI can explain
//! why a question came up.
//!
//! Weights, per principle with questions to offer:
//!
//! ```text
//! practice = 1 + 2 / (1 + answers)        3.0 never practised … → 1.0
//! standing = 0.5 + (100 - mean) / 100     1.0 unpractised (mean taken as 50), 0.5 … 1.5
//! weight   = practice × standing
//! ```
//!
//! Within the chosen principle, questions answered less often weigh more
//! (`1 / (1 + answers)`). The question drawn last time is never drawn again
//! straight away, unless it is the only one there is.
//!
//! Before any of that, a question due for review ([`crate::schedule`])
//! comes first, the longest overdue first: the schedule already knows it
//! is time, so no dice are thrown.

use rand::{Rng, RngExt};

use crate::bank::{Bank, PrincipleId, Question, QuestionId};
use crate::store::Stats;

/// Which questions a draw may choose from, and which one to avoid.
#[derive(Debug, Clone, Copy, Default)]
pub struct DrawRequest<'a> {
    /// Only questions whose main principle is this one.
    pub principle: Option<&'a PrincipleId>,
    /// The question drawn just before: not drawn twice in a row.
    pub last: Option<&'a QuestionId>,
    /// Questions due for review, soonest due first: drawn before any other.
    pub due: &'a [QuestionId],
}

/// A drawn question and why it came up.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn<'a> {
    pub question: &'a Question,
    /// One line for the screen, e.g. "never practised".
    pub reason: String,
}

/// The weight of a principle with `count` answers averaging `mean`.
pub fn principle_weight(count: usize, mean: Option<f64>) -> f64 {
    #[allow(clippy::cast_precision_loss)] // answer counts are far below 2^52
    let practice = 1.0 + 2.0 / (1.0 + count as f64);
    let mean = mean.unwrap_or(50.0).clamp(0.0, 100.0);
    practice * (0.5 + (100.0 - mean) / 100.0)
}

/// Draws one question, or `None` when the bank (or the principle asked
/// for) has no questions.
pub fn draw<'a>(
    bank: &'a Bank,
    stats: &Stats,
    request: DrawRequest<'_>,
    rng: &mut impl Rng,
) -> Option<Drawn<'a>> {
    let eligible = |q: &&Question| request.principle.is_none_or(|p| &q.principle == p);
    let mut pool: Vec<&Question> = bank
        .questions()
        .iter()
        .filter(eligible)
        .filter(|q| Some(&q.id) != request.last)
        .collect();
    if pool.is_empty() {
        // Only the last question is left: better to repeat than to refuse.
        pool = bank.questions().iter().filter(eligible).collect();
    }
    if pool.is_empty() {
        return None;
    }
    if let Some(question) = request
        .due
        .iter()
        .find_map(|id| pool.iter().find(|q| &q.id == id))
    {
        return Some(Drawn {
            question,
            reason: "due for review".to_owned(),
        });
    }

    // Principles in bank order (stable across runs), each with its weight.
    let mut principles: Vec<(&PrincipleId, f64)> = Vec::new();
    for q in &pool {
        if !principles.iter().any(|(p, _)| *p == &q.principle) {
            let s = stats.principles.iter().find(|s| s.principle == q.principle);
            let weight = principle_weight(s.map_or(0, |s| s.count), s.map(|s| s.mean));
            principles.push((&q.principle, weight));
        }
    }
    let chosen: &PrincipleId = pick_weighted(&principles, |(_, w)| *w, rng).0;

    let candidates: Vec<(&Question, f64)> = pool
        .iter()
        .filter(|q| &q.principle == chosen)
        .map(|q| {
            let answered = stats
                .questions
                .iter()
                .find(|s| s.question == q.id)
                .map_or(0, |s| s.count);
            #[allow(clippy::cast_precision_loss)]
            let weight = 1.0 / (1.0 + answered as f64);
            (*q, weight)
        })
        .collect();
    let question = pick_weighted(&candidates, |(_, w)| *w, rng).0;
    Some(Drawn {
        question,
        reason: reason(stats, chosen),
    })
}

/// Why a principle came up, from its stats.
fn reason(stats: &Stats, principle: &PrincipleId) -> String {
    let Some(s) = stats.principles.iter().find(|s| &s.principle == principle) else {
        return "never practised".to_owned();
    };
    let lowest = stats
        .principles
        .iter()
        .map(|s| s.mean)
        .fold(f64::INFINITY, f64::min);
    let fewest = stats.principles.iter().map(|s| s.count).min().unwrap_or(0);
    let answers = if s.count == 1 { "answer" } else { "answers" };
    if (s.mean - lowest).abs() < f64::EPSILON && stats.principles.len() > 1 {
        format!("your lowest mean ({:.0}, {} {answers})", s.mean, s.count)
    } else if s.count == fewest {
        format!(
            "practised least ({} {answers}, mean {:.0})",
            s.count, s.mean
        )
    } else {
        format!("{} {answers}, mean {:.0}", s.count, s.mean)
    }
}

/// Picks one item with probability proportional to `weight`.
fn pick_weighted<'t, T>(items: &'t [T], weight: impl Fn(&T) -> f64, rng: &mut impl Rng) -> &'t T {
    let total: f64 = items.iter().map(&weight).sum();
    if total > 0.0 {
        let mut x = rng.random_range(0.0..total);
        for item in items {
            let w = weight(item);
            if x < w {
                return item;
            }
            x -= w;
        }
    }
    // Rounding left a sliver at the end, or every weight was zero.
    &items[items.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::PrincipleStats;
    use rand::SeedableRng;
    use rand_xoshiro::Xoshiro256PlusPlus;

    fn stats_with(principle: &str, count: usize, mean: f64) -> Stats {
        Stats {
            answers: count,
            principles: vec![PrincipleStats {
                principle: PrincipleId(principle.to_owned()),
                count,
                mean,
                last: mean,
                last_at: jiff::Timestamp::UNIX_EPOCH,
                trend: 0.0,
                totals: vec![mean; count],
            }],
            questions: Vec::new(),
        }
    }

    #[test]
    fn unpractised_and_low_scoring_principles_weigh_more() {
        assert!(principle_weight(0, None) > principle_weight(5, Some(50.0)));
        assert!(principle_weight(3, Some(20.0)) > principle_weight(3, Some(90.0)));
        assert!((principle_weight(0, None) - 3.0).abs() < 1e-9);
    }

    #[test]
    fn never_draws_the_same_question_twice_in_a_row() {
        let bank = Bank::embedded();
        let stats = Stats::default();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let mut last: Option<QuestionId> = None;
        for _ in 0..500 {
            let drawn = draw(
                &bank,
                &stats,
                DrawRequest {
                    principle: Some(&PrincipleId("frugality".into())),
                    last: last.as_ref(),
                    due: &[],
                },
                &mut rng,
            )
            .expect("frugality has questions");
            assert_ne!(Some(&drawn.question.id), last.as_ref());
            assert_eq!(drawn.question.principle.as_str(), "frugality");
            last = Some(drawn.question.id.clone());
        }
    }

    #[test]
    fn a_well_practised_high_scoring_principle_comes_up_less_often() {
        let bank = Bank::embedded();
        let stats = stats_with("earn_trust", 20, 95.0);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        let n = 4000;
        let hits = (0..n)
            .filter(|_| {
                draw(&bank, &stats, DrawRequest::default(), &mut rng)
                    .is_some_and(|d| d.question.principle.as_str() == "earn_trust")
            })
            .count();
        // Uniform would be 1/16 = 250 of 4000; its weight is ~0.6 of 3.0.
        assert!(hits < 120, "earn_trust drawn {hits} times of {n}");
    }

    #[test]
    fn the_same_seed_draws_the_same_question() {
        let bank = Bank::embedded();
        let stats = Stats::default();
        let a = draw(
            &bank,
            &stats,
            DrawRequest::default(),
            &mut Xoshiro256PlusPlus::seed_from_u64(42),
        );
        let b = draw(
            &bank,
            &stats,
            DrawRequest::default(),
            &mut Xoshiro256PlusPlus::seed_from_u64(42),
        );
        assert_eq!(a, b);
    }

    #[test]
    fn reason_names_an_unpractised_principle() {
        let stats = stats_with("earn_trust", 2, 40.0);
        assert_eq!(
            reason(&stats, &PrincipleId("frugality".into())),
            "never practised"
        );
        assert!(reason(&stats, &PrincipleId("earn_trust".into())).contains("2 answers"));
    }

    #[test]
    fn a_due_question_is_drawn_first_then_the_next_due_then_the_weighted_draw() {
        let bank = Bank::embedded();
        let stats = Stats::default();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
        let due = [
            QuestionId("no_such-01".into()), // no longer in the bank: skipped
            QuestionId("frugality-02".into()),
            QuestionId("earn_trust-01".into()),
        ];
        let mut request = DrawRequest {
            due: &due,
            ..DrawRequest::default()
        };
        let first = draw(&bank, &stats, request, &mut rng).unwrap();
        assert_eq!(first.question.id.as_str(), "frugality-02");
        assert_eq!(first.reason, "due for review");
        // Drawn again straight after (Ctrl-N): the next one due.
        request.last = Some(&first.question.id);
        let second = draw(&bank, &stats, request, &mut rng).unwrap();
        assert_eq!(second.question.id.as_str(), "earn_trust-01");
        // Within one principle, only its due questions count.
        let earn_trust = PrincipleId("earn_trust".into());
        request.principle = Some(&earn_trust);
        request.last = None;
        let third = draw(&bank, &stats, request, &mut rng).unwrap();
        assert_eq!(third.question.id.as_str(), "earn_trust-01");
        // Nothing due: the weighted draw, with its own reason.
        request.due = &[];
        let weighted = draw(&bank, &stats, request, &mut rng).unwrap();
        assert_eq!(weighted.reason, "never practised");
    }

    #[test]
    fn an_empty_principle_draws_nothing() {
        let bank = Bank::embedded();
        let none = PrincipleId("no_such".into());
        let request = DrawRequest {
            principle: Some(&none),
            ..DrawRequest::default()
        };
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        assert!(draw(&bank, &Stats::default(), request, &mut rng).is_none());
    }
}
