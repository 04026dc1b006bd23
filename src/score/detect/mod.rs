//! Detectors: one function per signal of docs/rubric.md, grouped by family:
//! STAR structure ([`structure`]), whose fault ([`faults`], [`blame`]),
//! what was done about it ([`remedy`]), who was told ([`telling`]), red
//! flags ([`flags`]) and positive principle signals ([`positive`]).
//!
//! Each detector reads the analysed [`Doc`] and returns a [`Finding`]: hit
//! or not, and the byte spans that justify it. The shared helpers here carry
//! the scoping rules every detector relies on: a family match only counts
//! when it is *live* (not negated, not a claim made only in buzzwords), and a
//! red flag said in concession ("even though it wasn't my job, I …") or
//! overturned in the same breath ("my manager said wait, but I …") is not a
//! red flag.

mod blame;
mod faults;
mod flags;
mod in_place;
mod positive;
mod remedy;
mod scratch;
mod story;
mod structure;
mod telling;

use super::{SignalId, StarSummary};
use std::ops::Range;

use super::doc::{Agent, Doc, NEGATION_REACH, bit};
use super::lexicon::{Fam, Hit};
use super::star::Part;
use super::text::NEG;

/// A detector's verdict: hit or not, and the spans that show why.
#[derive(Debug, Clone, Default)]
pub struct Finding {
    pub hit: bool,
    /// Byte spans into the answer, at most [`MAX_EVIDENCE`].
    pub spans: Spans,
    /// For a hit that only partly shows its signal (a root cause one level
    /// down, a mechanism not yet seen working): the share of the weight it
    /// earns. `None` is full credit.
    pub share: Option<f64>,
}

pub const MAX_EVIDENCE: usize = 3;

/// At most [`MAX_EVIDENCE`] byte spans, kept in place: with 32 detectors a
/// score, a heap list each cost a tenth of their time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spans {
    items: [(usize, usize); MAX_EVIDENCE],
    len: usize,
}

impl Spans {
    pub fn new() -> Spans {
        Spans::default()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn as_slice(&self) -> &[(usize, usize)] {
        &self.items[..self.len]
    }

    pub fn first(&self) -> Option<&(usize, usize)> {
        self.as_slice().first()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, (usize, usize)> {
        self.as_slice().iter()
    }

    /// Adds `span` when there is room; a full list stays as it is.
    fn push(&mut self, span: (usize, usize)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = span;
            self.len += 1;
        }
    }
}

impl FromIterator<(usize, usize)> for Spans {
    /// The first [`MAX_EVIDENCE`] spans.
    fn from_iter<I: IntoIterator<Item = (usize, usize)>>(iter: I) -> Spans {
        let mut spans = Spans::new();
        for span in iter.into_iter().take(MAX_EVIDENCE) {
            spans.push(span);
        }
        spans
    }
}

impl Finding {
    /// A hit when `spans` is not empty.
    pub fn from_spans(spans: Spans) -> Finding {
        Finding {
            hit: !spans.is_empty(),
            spans,
            share: None,
        }
    }

    pub fn miss_with(spans: Spans) -> Finding {
        Finding {
            hit: false,
            spans,
            share: None,
        }
    }

    /// The same finding, earning `share` (0–1) of its weight when it hits.
    pub fn partly(self, share: f64) -> Finding {
        Finding {
            share: (share < 1.0).then_some(share.max(0.0)),
            ..self
        }
    }
}

/// Adds `span` unless it overlaps one already there or the list is full.
pub fn add_span(spans: &mut Spans, span: (usize, usize)) {
    if takes(spans, span) {
        spans.push(span);
    }
}

/// Whether [`add_span`] would add `span`: a detector whose only evidence is
/// that span can skip the checks for a hit that could not add it anyway.
pub fn takes(spans: &Spans, span: (usize, usize)) -> bool {
    spans.len() < MAX_EVIDENCE && !spans.iter().any(|&(a, b)| span.0 < b && a < span.1)
}

/// Which families match in each clause and each sentence, found once so
/// that STAR labelling and 32 detectors can ask "any X here?" with a bit
/// test instead of a search.
pub struct Masks {
    /// Per clause: bit per family with a match starting in it.
    clause: Vec<u128>,
    /// Per sentence: the same.
    sent: Vec<u128>,
}

impl Masks {
    pub fn new(doc: &Doc<'_>) -> Masks {
        let (mut clause, mut sent) = scratch::take_masks();
        let fams_of = |a: u32, b: u32| {
            doc.starts[a as usize..b as usize]
                .iter()
                .fold(0, |m, s| m | s)
        };
        clause.extend(doc.clauses.iter().map(|c| fams_of(c.start, c.end)));
        sent.extend(doc.sents.iter().map(|s| fams_of(s.start, s.end)));
        Masks { clause, sent }
    }

    /// Per sentence: bit per family with a match starting in it.
    pub fn sentences(&self) -> &[u128] {
        &self.sent
    }
}

impl Drop for Masks {
    /// Hands the per-clause and per-sentence buffers back for the next answer.
    fn drop(&mut self) {
        scratch::give_masks(
            std::mem::take(&mut self.clause),
            std::mem::take(&mut self.sent),
        );
    }
}

/// What [`run`] is given: the analysed answer and its question.
pub struct Input<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub labels: &'d [Part],
    /// Words per part, as reported.
    pub star: &'d StarSummary,
    pub masks: &'d Masks,
    /// A mistake or failure question: an answer with no fault in it
    /// offers no mistake.
    pub mistake: bool,
    /// A hypothetical question ("How would you…?"): "I would" is the
    /// answer asked for, not a dodge.
    pub hypothetical: bool,
}

/// What every detector may read: the [`Input`], with the family [`Masks`]
/// of its clauses and sentences.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub labels: &'d [Part],
    pub star: &'d StarSummary,
    pub mistake: bool,
    pub hypothetical: bool,
    /// Per clause: bit per family with a match starting in it.
    clause_fams: &'d [u128],
    /// Per sentence: the same.
    sent_fams: &'d [u128],
}

/// Families whose matches negate what follows them (see [`Doc::negated`]).
const NEGATES: u128 = bit(Fam::Negator) | bit(Fam::Nobody);

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(input: &Input<'d, 'a>) -> Ctx<'d, 'a> {
        Ctx {
            doc: input.doc,
            labels: input.labels,
            star: input.star,
            mistake: input.mistake,
            hypothetical: input.hypothetical,
            clause_fams: &input.masks.clause,
            sent_fams: &input.masks.sent,
        }
    }

    /// Whether the answer holds a match of any of `fams`. A detector whose
    /// every hit needs one returns at once without: for a one-line answer,
    /// most detectors find nothing, and setting up to look cost more than
    /// looking.
    pub fn any(&self, fams: &[Fam]) -> bool {
        fams.iter().any(|&f| !self.doc.of(f).is_empty())
    }

    /// Whether a match of `f` starts in clause `c`.
    pub fn clause_has(&self, c: usize, f: Fam) -> bool {
        self.clause_fams[c] & bit(f) != 0
    }

    /// Whether clause `c` holds a match of any family in `mask`.
    pub fn clause_has_any(&self, c: usize, mask: u128) -> bool {
        self.clause_fams[c] & mask != 0
    }

    /// [`Doc::hypothetical`], answered at once for a clause with no modal.
    pub fn hypothetical(&self, c: usize, at: u32) -> bool {
        // Doc::hypothetical looks only between the clause start and `at`.
        let beyond = at > self.doc.clauses[c].end;
        (beyond || self.clause_has(c, Fam::Modal)) && self.doc.hypothetical(c, at)
    }

    /// [`Doc::negated`], answered at once when nothing just before `at` in
    /// the clause could negate it.
    pub fn negated(&self, c: usize, at: u32) -> bool {
        let doc = self.doc;
        let cl = &doc.clauses[c];
        // Doc::negated looks only at the NEGATION_REACH tokens before `at`
        // in the clause, for a negator or "nobody" match starting or ending
        // there, or a "n't". With no such match starting in the clause, a
        // look at those few tokens for a "n't" or a match ending settles it.
        if at > cl.end || self.clause_has_any(c, NEGATES) {
            return doc.negated(c, at);
        }
        let (a, b) = (cl.start.max(at.saturating_sub(NEGATION_REACH)), at);
        let (a, b) = (a as usize, (b as usize).max(a as usize));
        let may = doc.t.toks[a..b]
            .iter()
            .zip(&doc.ends[a..b])
            .any(|(t, e)| t.is(NEG) || e & NEGATES != 0);
        may && doc.negated(c, at)
    }

    /// Whether a match of `f` starts in sentence `s`.
    pub fn sent_has(&self, s: usize, f: Fam) -> bool {
        self.sent_fams[s] & bit(f) != 0
    }

    /// The clauses of sentence `s`.
    pub fn clauses_of(&self, s: usize) -> Range<usize> {
        let clauses = &self.doc.clauses;
        let a = clauses.partition_point(|c| (c.sent as usize) < s);
        let b = a + clauses[a..].partition_point(|c| c.sent as usize == s);
        a..b
    }

    /// The clause holding a hit's first token.
    pub fn clause(&self, h: &Hit) -> Option<usize> {
        self.doc.clause_of(h.start)
    }

    /// A hit that is not negated in its clause.
    pub fn live(&self, h: &Hit) -> Option<usize> {
        let c = self.clause(h)?;
        (!self.negated(c, h.start)).then_some(c)
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
        self.clause_has(c, Fam::Buzz)
            && !self.doc.detail[cl.start as usize..cl.end as usize].contains(&true)
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

/// One finding per signal, indexed like [`SignalId::ALL`].
pub type Findings = [Finding; SignalId::ALL.len()];

/// Runs every detector; the result is indexed like [`SignalId::ALL`].
///
/// The findings are written in place, in report order: a list on the heap
/// (2 KiB, past the allocator's fast sizes) cost more than a one-line
/// answer's detectors together.
pub fn run(input: &Input<'_, '_>) -> Findings {
    let input = &Ctx::new(input);
    // Specificity also decides whether a vague answer dodged a mistake
    // question, the faults feed four signals and two remedies, and customer
    // focus weighs on profit talk: each is found once.
    let specific = structure::specificity(input);
    let mut facts = faults::Faults::find(input, specific.hit);
    let customer = positive::customer_focus(input);
    let profit = flags::profit_only(input, customer.hit);
    // A customer met only on the way to revenue ("I saw a re-contract
    // opportunity") earns little customer focus.
    let quantified = structure::quantified(input, facts.remedy_start(input));
    let told = flags::told_you_so(input);
    let customer = if !customer.hit {
        customer
    } else if profit.hit || positive::internal_customer_declared(input) {
        customer.partly(PROFIT_FIRST_CUSTOMER)
    } else if positive::measured_for_the_business(input, &quantified) {
        customer.partly(BUSINESS_OUTCOME_CUSTOMER)
    } else {
        customer
    };
    // One arm per signal: a signal without a detector does not compile.
    SignalId::ALL.map(|id| match id {
        SignalId::StarSituation => structure::situation(input),
        SignalId::StarTask => structure::task(input),
        SignalId::StarAction => structure::action(input),
        SignalId::StarResult => structure::result(input),
        SignalId::ResultQuantified => quantified.clone(),
        SignalId::FirstPersonOwnership => structure::first_person(input),
        SignalId::Specificity => specific.clone(),
        SignalId::OwnsFaultFirst => facts.owns_first(input),
        SignalId::BlamesOthers => facts.blames(input),
        SignalId::DeniesMistake => facts.take_denied(),
        SignalId::RootCause => remedy::root_cause(input, &facts),
        SignalId::MechanismFix => remedy::mechanism(input, &facts),
        SignalId::WillpowerFix => remedy::willpower(input, &facts),
        SignalId::LessonLearned => remedy::lesson(input),
        SignalId::ProactiveCommunication => telling::proactive(input),
        SignalId::BlamelessSupport => facts.take_support(),
        SignalId::KeptSilent => telling::kept_silent(input, &facts),
        SignalId::NotMyJob => flags::not_my_job(input),
        SignalId::AuthorityDeference => flags::lexical(input, &[Fam::Authority]),
        SignalId::ToldYouSo => told.clone(),
        SignalId::FixedCost => flags::lexical(input, &[Fam::FixedCost]),
        SignalId::GoodEnough => flags::lexical(input, &[Fam::GoodEnough]),
        SignalId::SeniorityArgument => flags::lexical(input, &[Fam::Seniority]),
        SignalId::PeopleIndifference => flags::indifference(input, &facts.shaming(input)),
        SignalId::ProfitOnly => profit.clone(),
        SignalId::CustomerFocus => customer.clone(),
        SignalId::DataDriven => positive::data_driven(input),
        SignalId::DisagreeCommit => positive::disagree_commit(input, &told),
        SignalId::DevelopsOthers => positive::develops_others(input),
        SignalId::FrugalInvention => positive::frugal_invention(input),
        SignalId::BiasForAction => positive::bias_for_action(input),
        SignalId::ThinkBig => positive::lexical(input, Fam::ThinkBig, 2),
        SignalId::BroadResponsibility => positive::broad_responsibility(input),
        SignalId::NoStory => story::no_story(input, specific.hit),
    })
}

/// The share of `customer_focus` left when the story lands on profit only,
/// or its "customer" is a team of the speaker's own business.
const PROFIT_FIRST_CUSTOMER: f64 = 0.3;
/// The share left when the customer is named but success is measured
/// only for the organisation (licence costs saved, a contract target met).
const BUSINESS_OUTCOME_CUSTOMER: f64 = 0.5;

/// The most sentences of a traced cause chain that count as substance.
const MAX_TRACED: usize = 3;

/// The most of an answer's substance its buzzwords can take away: an
/// answer of slogans around one real event keeps 30% of it.
const MAX_BUZZ_CUT: f64 = 0.7;

/// How much real substance an answer has, 0–1: concrete actions, the
/// sentences of a cause chain the speaker traced (`traced`, at most
/// [`MAX_TRACED`] of them) and specific details, less a share for
/// buzzwords (`buzz_weight` times their share of the words, at most
/// [`MAX_BUZZ_CUT`]). Not length: it saturates once a story has a few
/// real actions and details.
pub fn substance(doc: &Doc<'_>, traced: usize, full_at: f64, floor: f64, buzz_weight: f64) -> f64 {
    let actions = doc.clauses.iter().filter(|c| c.concrete).count() + traced.min(MAX_TRACED);
    let details = doc.detail.iter().filter(|d| **d).count().min(8);
    let words = doc.t.toks.iter().filter(|t| t.is_wordlike()).count().max(1);
    let buzz = doc.of(Fam::Buzz).len();
    #[allow(clippy::cast_precision_loss)]
    let raw = (actions as f64 + 0.5 * details as f64) / full_at;
    #[allow(clippy::cast_precision_loss)]
    let buzz_share = (buzz_weight * buzz as f64 / words as f64).min(MAX_BUZZ_CUT);
    raw.clamp(0.0, 1.0).max(floor) * (1.0 - buzz_share)
}

#[cfg(test)]
mod tests {
    use super::{Ctx, Input, Masks};
    use crate::score::doc::Doc;
    use crate::score::{Rubric, star};

    /// The families per clause and sentence are those of their tokens, and
    /// [`Ctx::negated`] skips [`Doc::negated`] only where the latter must
    /// say no: it assumes a look-back of at most [`super::NEGATION_REACH`].
    #[test]
    fn ctx_agrees_with_doc() {
        let rubric = Rubric::embedded();
        let answers = include_str!("../../../tests/fixtures/labelled.jsonl")
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["answer"].as_str().map(str::to_owned));
        let extra = [
            "I didn't wait, and nobody on the team had not told me we never tested it.",
            "Without approval I couldn't ship; instead of waiting I did not stop.",
        ];
        for text in answers.chain(extra.map(str::to_owned)) {
            let regions = star::regions(&text);
            let doc = Doc::build(&text, &regions, rubric.lexicon());
            let masks = Masks::new(&doc);
            let labels = star::label_sentences(&doc, masks.sentences());
            let summary = star::summarise(&doc, &labels);
            let input = Input {
                doc: &doc,
                labels: &labels,
                star: &summary,
                masks: &masks,
                mistake: true,
                hypothetical: false,
            };
            let ctx = Ctx::new(&input);
            let fams_of = |a: u32, b: u32| (a..b).fold(0, |m, j| m | doc.starts[j as usize]);
            let clause_fams: Vec<u128> = doc
                .clauses
                .iter()
                .map(|c| fams_of(c.start, c.end))
                .collect();
            let sent_fams: Vec<u128> = doc.sents.iter().map(|s| fams_of(s.start, s.end)).collect();
            assert_eq!(ctx.clause_fams, clause_fams, "{text}");
            assert_eq!(ctx.sent_fams, sent_fams, "{text}");
            for (c, cl) in doc.clauses.iter().enumerate() {
                for at in cl.start..=cl.end.min(cl.start + 60) {
                    if (at as usize) < doc.t.toks.len() {
                        assert_eq!(ctx.negated(c, at), doc.negated(c, at), "{text} @ {at}");
                    }
                }
            }
        }
    }
}
