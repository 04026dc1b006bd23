//! Detectors: one function per signal of rubric.md, grouped by family:
//! STAR structure ([`structure`]), whose fault ([`faults`]), what was done
//! about it ([`remedy`]), red flags ([`flags`]) and positive principle
//! signals ([`positive`]).
//!
//! Each detector reads the analysed [`Doc`] and returns a [`Finding`]: hit
//! or not, and the byte spans that justify it. The shared helpers here carry
//! the scoping rules every detector relies on: a family match only counts
//! when it is *live* (not negated, not a claim made only in buzzwords), and a
//! red flag said in concession ("even though it wasn't my job, I …") or
//! overturned in the same breath ("my manager said wait, but I …") is not a
//! red flag.

mod faults;
mod flags;
mod positive;
mod remedy;
mod structure;

use super::SignalId;
use super::doc::{Agent, Doc};
use super::lexicon::{Fam, Hit};
use super::star::Part;

/// A detector's verdict: hit or not, and the spans that show why.
#[derive(Debug, Clone, Default)]
pub struct Finding {
    pub hit: bool,
    /// Byte spans into the answer, at most [`MAX_EVIDENCE`].
    pub spans: Vec<(usize, usize)>,
}

pub const MAX_EVIDENCE: usize = 3;

impl Finding {
    /// A hit when `spans` is not empty.
    pub fn from_spans(spans: Vec<(usize, usize)>) -> Finding {
        Finding {
            hit: !spans.is_empty(),
            spans,
        }
    }

    pub fn miss_with(spans: Vec<(usize, usize)>) -> Finding {
        Finding { hit: false, spans }
    }
}

/// Adds `span` unless it overlaps one already there or the list is full.
pub fn add_span(spans: &mut Vec<(usize, usize)>, span: (usize, usize)) {
    let overlaps = spans.iter().any(|&(a, b)| span.0 < b && a < span.1);
    if spans.len() < MAX_EVIDENCE && !overlaps {
        spans.push(span);
    }
}

/// What every detector may read.
pub struct Input<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub labels: &'d [Part],
    /// A mistake or failure question: an answer with no fault in it
    /// offers no mistake.
    pub mistake: bool,
}

impl Input<'_, '_> {
    /// The clause holding a hit's first token.
    pub fn clause(&self, h: &Hit) -> Option<usize> {
        self.doc.clause_of(h.start)
    }

    /// A hit that is not negated in its clause.
    pub fn live(&self, h: &Hit) -> Option<usize> {
        let c = self.clause(h)?;
        (!self.doc.negated(c, h.start)).then_some(c)
    }

    /// Live hits of `f`, with their clauses.
    pub fn live_hits(&self, f: Fam) -> impl Iterator<Item = (&Hit, usize)> + '_ {
        self.doc
            .of(f)
            .iter()
            .filter_map(move |h| self.live(h).map(|c| (h, c)))
    }

    /// A clause that claims something only in buzzwords: a buzzword and no
    /// concrete detail.
    pub fn buzz_only(&self, c: usize) -> bool {
        let cl = &self.doc.clauses[c];
        self.doc.any_in(Fam::Buzz, cl.start..cl.end)
            && !(cl.start..cl.end).any(|j| self.doc.detail[j as usize])
    }

    /// Whether a red flag in clause `c` is conceded ("even though it wasn't
    /// my job") or overturned: a contrast later in its sentence ("…, but
    /// customers don't care which team owns what") and the speaker acting
    /// in that sentence or the next.
    pub fn overridden(&self, c: usize) -> bool {
        let doc = self.doc;
        let cl = &doc.clauses[c];
        let sent = &doc.sents[cl.sent as usize];
        let opens = (sent.start..cl.start.max(sent.start) + 3)
            .take_while(|&j| j < cl.end)
            .any(|j| doc.has(j, Fam::Concession));
        if opens {
            return true;
        }
        // The turn may open the next sentence when a long run was cut there.
        let next_opens = doc.sents.get(cl.sent as usize + 1).is_some_and(|n| {
            (n.start..n.end.min(n.start + 2))
                .any(|j| doc.has(j, Fam::Contrast) || doc.has(j, Fam::Concession))
        });
        let turned = next_opens
            || (cl.end..sent.end).any(|j| doc.has(j, Fam::Contrast) || doc.has(j, Fam::Concession));
        turned
            && doc.clauses[c + 1..]
                .iter()
                .take_while(|k| k.sent <= cl.sent + 2)
                .any(|k| matches!(k.agent, Agent::I | Agent::We) && k.action)
    }

    /// Whether sentence `s` names something concrete outside `skip` (a
    /// family match that is the claim itself): a claim of root cause or of
    /// data must say *what*.
    pub fn concrete_beyond(&self, s: usize, skip: Fam) -> bool {
        let doc = self.doc;
        let sent = &doc.sents[s];
        let claim = doc.of_in(skip, sent.start..sent.end);
        (sent.start..sent.end)
            .any(|j| doc.detail[j as usize] && !claim.iter().any(|h| h.start <= j && j < h.end))
    }

    /// Sentence span of clause `c`.
    pub fn sentence_span_of(&self, c: usize) -> (usize, usize) {
        let s = &self.doc.sents[self.doc.clauses[c].sent as usize];
        self.doc.span(s.start, s.end)
    }
}

/// Runs every detector; the result is indexed like [`SignalId::ALL`].
pub fn run(input: &Input<'_, '_>) -> Vec<Finding> {
    let facts = faults::Faults::find(input);
    SignalId::ALL
        .iter()
        .map(|id| match id {
            SignalId::StarSituation => structure::situation(input),
            SignalId::StarTask => structure::task(input),
            SignalId::StarAction => structure::action(input),
            SignalId::StarResult => structure::result(input),
            SignalId::ResultQuantified => structure::quantified(input),
            SignalId::FirstPersonOwnership => structure::first_person(input),
            SignalId::Specificity => structure::specificity(input),
            SignalId::OwnsFaultFirst => facts.owns_first(input),
            SignalId::BlamesOthers => facts.blames(input),
            SignalId::DeniesMistake => facts.denies(input),
            SignalId::RootCause => remedy::root_cause(input),
            SignalId::MechanismFix => remedy::mechanism(input),
            SignalId::WillpowerFix => remedy::willpower(input),
            SignalId::LessonLearned => remedy::lesson(input),
            SignalId::ProactiveCommunication => remedy::proactive(input),
            SignalId::BlamelessSupport => facts.blameless(),
            SignalId::NotMyJob => flags::not_my_job(input),
            SignalId::AuthorityDeference => flags::lexical(input, &[Fam::Authority]),
            SignalId::ToldYouSo => flags::lexical(input, &[Fam::ToldYouSo]),
            SignalId::FixedCost => flags::lexical(input, &[Fam::FixedCost]),
            SignalId::GoodEnough => flags::lexical(input, &[Fam::GoodEnough]),
            SignalId::SeniorityArgument => flags::lexical(input, &[Fam::Seniority]),
            SignalId::PeopleIndifference => flags::lexical(input, &[Fam::Indifference]),
            SignalId::ProfitOnly => flags::profit_only(input),
            SignalId::CustomerFocus => positive::customer_focus(input),
            SignalId::DataDriven => positive::data_driven(input),
            SignalId::DisagreeCommit => positive::disagree_commit(input),
            SignalId::DevelopsOthers => positive::develops_others(input),
            SignalId::FrugalInvention => positive::frugal_invention(input),
            SignalId::BiasForAction => positive::bias_for_action(input),
            SignalId::ThinkBig => positive::lexical(input, Fam::ThinkBig, 2),
            SignalId::BroadResponsibility => positive::broad_responsibility(input),
        })
        .collect()
}

/// How much real substance an answer has, 0–1: concrete actions and
/// specific details, less a share for buzzwords. Not length: it saturates
/// once a story has a few real actions and details.
pub fn substance(doc: &Doc<'_>, full_at: f64, floor: f64, buzz_weight: f64) -> f64 {
    let actions = doc.clauses.iter().filter(|c| c.concrete).count();
    let details = doc.detail.iter().filter(|d| **d).count().min(8);
    let words = doc.t.toks.iter().filter(|t| t.is_wordlike()).count().max(1);
    let buzz = doc.of(Fam::Buzz).len();
    #[allow(clippy::cast_precision_loss)]
    let raw = (actions as f64 + 0.5 * details as f64) / full_at;
    #[allow(clippy::cast_precision_loss)]
    let buzz_share = (buzz_weight * buzz as f64 / words as f64).min(0.6);
    raw.clamp(0.0, 1.0).max(floor) * (1.0 - buzz_share)
}
