//! One reading of a report for people: what earned points, what cost
//! points, which red flags were avoided, and what to try next.
//!
//! The TUI's Report screen, `barraiser score` and the Markdown export all
//! show a report through [`Summary`], so a signal is a red flag
//! ([`SignalId::is_red_flag`]), a gain or a next step in the same way everywhere, and points read with the same
//! rounding ([`signed_points`]).

use super::{Report, SignalId, SignalReport};

/// A report sorted into what a reader acts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'r> {
    /// Hits that earned points, most first.
    pub earned: Vec<&'r SignalReport>,
    /// Hits that cost points (red flags, and `no_story`), most costly first.
    pub cost: Vec<&'r SignalReport>,
    /// Red flags that count for this question and did not fire.
    pub avoided: Vec<&'r SignalReport>,
    /// Signals that count for this question and earned nothing: the tips to
    /// act on, in report order.
    pub next: Vec<&'r SignalReport>,
    /// Hits that do not count for this principle, shown for comparison.
    pub seen: Vec<&'r SignalReport>,
}

impl<'r> Summary<'r> {
    /// Sorts `report`'s signals.
    pub fn of(report: &'r Report) -> Summary<'r> {
        let counted = || report.signals.iter().filter(|s| s.applies);
        let mut earned: Vec<_> = counted().filter(|s| s.hit && s.points > 0.0).collect();
        earned.sort_by(|a, b| b.points.total_cmp(&a.points));
        let mut cost: Vec<_> = counted().filter(|s| s.hit && s.points < 0.0).collect();
        cost.sort_by(|a, b| a.points.total_cmp(&b.points));
        let avoided = counted().filter(|s| s.id.is_red_flag() && !s.hit).collect();
        let next = counted()
            .filter(|s| !s.id.is_red_flag() && s.points == 0.0 && !s.tip.trim().is_empty())
            .collect();
        let seen = report
            .signals
            .iter()
            .filter(|s| !s.applies && s.hit)
            .collect();
        Summary {
            earned,
            cost,
            avoided,
            next,
            seen,
        }
    }
}

/// Points as every front end shows them: one decimal and a sign,
/// `+12.6`, `-8.0`, and a plain `0.0` for nothing either way.
pub fn signed_points(points: f64) -> String {
    if points == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{points:+.1}")
    }
}

/// The name a person reads: `owns_fault_first` → `owns fault first`.
pub fn signal_name(id: SignalId) -> String {
    id.name().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::{Rubric, Target, score};

    fn report(text: &str) -> Report {
        let target = Target {
            principle: "earn_trust",
            question_id: None,
            kind: Some(crate::bank::QuestionKind::Mistake),
        };
        score(text, &target, &Rubric::embedded())
    }

    #[test]
    fn a_blame_first_answer_lists_the_blame_as_a_cost_and_owning_as_next() {
        let r = report(
            "The vendor sent us incomplete samples and the notice went to a shared inbox nobody \
             reads. In fairness, I could have spotted it too. I fixed the mapping that night, \
             told the ward lead, and added a check that rejects files with missing columns.",
        );
        let s = Summary::of(&r);
        assert!(
            s.cost.iter().any(|x| x.id == SignalId::BlamesOthers),
            "{s:?}"
        );
        assert!(
            s.next.iter().any(|x| x.id == SignalId::OwnsFaultFirst),
            "{s:?}"
        );
        assert!(!s.avoided.iter().any(|x| x.id == SignalId::BlamesOthers));
    }

    #[test]
    fn a_hypothetical_answer_to_a_story_question_names_no_story_as_the_cost() {
        let r = report(
            "If a deploy of mine broke something, I would own it straight away. I would ask why \
             five times, I'd put a mechanism in place, and I would tell the customers early.",
        );
        let s = Summary::of(&r);
        assert_eq!(
            s.cost.first().map(|x| x.id),
            Some(SignalId::NoStory),
            "{s:?}"
        );
        assert!(r.total <= 25.0, "{}", r.total);
    }

    #[test]
    fn every_counted_signal_lands_in_exactly_one_list() {
        let r = report(
            "I mapped the test code to the wrong field and didn't check the first results. \
             I told the lab manager within the hour, corrected 40 reports, and added a \
             validation rule that has caught two bad mappings since.",
        );
        let s = Summary::of(&r);
        for sig in r.signals.iter().filter(|x| x.applies) {
            let places = [&s.earned, &s.cost, &s.avoided, &s.next]
                .iter()
                .filter(|l| l.iter().any(|x| x.id == sig.id))
                .count();
            let silent = sig.hit && sig.points == 0.0 || sig.tip.trim().is_empty();
            assert!(
                places == 1 || silent && places == 0,
                "{:?} in {places}",
                sig.id
            );
        }
    }

    #[test]
    fn points_read_with_one_decimal_and_a_sign() {
        assert_eq!(signed_points(12.56), "+12.6");
        assert_eq!(signed_points(-8.0), "-8.0");
        assert_eq!(signed_points(0.0), "0.0");
    }
}
