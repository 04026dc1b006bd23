//! Whose fault an answer names, and in which order: `owns_fault_first`,
//! `blames_others`, `denies_mistake` and `blameless_support`.
//!
//! Fault is found clause by clause from *who acts* and *what the predicate
//! means*: a fault verb ("I forgot", "an engineer broke it"), a diligence
//! verb under negation ("I didn't check", "nobody told me"), a counterfactual
//! ("I should have"), or bad work handed over ("gave us bad requirements").
//! Order then decides `owns_fault_first`.

use super::{Finding, Input, add_span};
use crate::score::doc::{Agent, Doc, Join};
use crate::score::lexicon::{Fam, Hit};

/// Whose fault a clause names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Mine,
    Theirs,
}

#[derive(Debug, Clone, Copy)]
struct Fault {
    owner: Owner,
    clause: usize,
    /// The agent was "nobody": an absence, easily owned in the next breath.
    impersonal: bool,
}

/// The faults an answer names, in order.
pub struct Faults {
    list: Vec<Fault>,
    /// Anyone else's slip was told, even as the incident ("an intern ran
    /// the script"): someone a blameless answer could protect.
    others_erred: bool,
    /// No real mistake is offered, so none can be owned first.
    denied: bool,
    /// Where the speaker protects the person who slipped.
    support: Finding,
}

/// How far after its agent a "bad work" word may sit ("the PM gave us bad
/// requirements"); further on, it describes something else.
const BAD_WORK_REACH: u32 = 4;
/// How far after its agent a fault verb or a lapse may sit ("nobody on the
/// team had told me"); further on it belongs to another subject.
const FAULT_REACH: u32 = 6;

impl Faults {
    pub fn find(input: &Input<'_, '_>) -> Faults {
        let doc = input.doc;
        let brag_sents: Vec<u32> = input
            .live_hits(Fam::Humblebrag)
            .map(|(_, c)| doc.clauses[c].sent)
            .collect();
        let mut list = Vec::new();
        for c in 0..doc.clauses.len() {
            if brag_sents.contains(&doc.clauses[c].sent) {
                continue;
            }
            if let Some(f) = fault_in(doc, c).or_else(|| human_error_of_others(input, c)) {
                list.push(f);
            }
        }
        // "Nobody told me, but that's on me": an absence owned in the same
        // sentence is not blame.
        let owned_sents: Vec<u32> = list
            .iter()
            .filter(|f| f.owner == Owner::Mine)
            .map(|f| doc.clauses[f.clause].sent)
            .collect();
        list.retain(|f| {
            !(f.owner == Owner::Theirs
                && f.impersonal
                && owned_sents.contains(&doc.clauses[f.clause].sent))
        });
        let others_erred = list.iter().any(|f| f.owner == Owner::Theirs);
        let support = blameless(input, others_erred);
        // "An intern deleted the photos. I didn't blame him: I had given
        // him the access." Another's slip told before the speaker refuses
        // to blame them is the incident, not blame.
        if let Some(first_support) = support.spans.first().map(|s| s.0) {
            list.retain(|f| f.owner == Owner::Mine || doc.clause_span(f.clause).0 > first_support);
        }
        let mut faults = Faults {
            list,
            others_erred,
            denied: false,
            support,
        };
        faults.denied = denies(input, &faults).hit;
        faults
    }

    pub fn blameless(&self) -> Finding {
        self.support.clone()
    }

    pub fn denies(&self, input: &Input<'_, '_>) -> Finding {
        denies(input, self)
    }

    pub fn owns_first(&self, input: &Input<'_, '_>) -> Finding {
        if self.denied {
            return Finding::default();
        }
        match self.list.first() {
            Some(f) if f.owner == Owner::Mine => {
                Finding::from_spans(vec![input.doc.clause_span(f.clause)])
            }
            Some(f) => Finding::miss_with(vec![input.doc.clause_span(f.clause)]),
            None => Finding::default(),
        }
    }

    pub fn blames(&self, input: &Input<'_, '_>) -> Finding {
        let mut spans = Vec::new();
        for f in self.list.iter().filter(|f| f.owner == Owner::Theirs) {
            add_span(&mut spans, input.doc.clause_span(f.clause));
        }
        Finding::from_spans(spans)
    }
}

/// Whether clause `c` names anyone's slip.
pub(super) fn names_fault(doc: &Doc<'_>, c: usize) -> bool {
    fault_in(doc, c).is_some()
}

/// The fault clause `c` names, if any.
fn fault_in(doc: &Doc<'_>, c: usize) -> Option<Fault> {
    let cl = &doc.clauses[c];
    let range = cl.start..cl.end;
    let mk = |owner, impersonal| Fault {
        owner,
        clause: c,
        impersonal,
    };
    // Phrases that carry their owner: "my mistake", "that's on me",
    // "the intern's fault". Negated ones ("it wasn't their fault") are
    // not faults at all.
    if doc
        .of_in(Fam::OwnFault, range.clone())
        .iter()
        .any(|h| !doc.negated(c, h.start))
    {
        return Some(mk(Owner::Mine, false));
    }
    if doc
        .of_in(Fam::OtherFault, range.clone())
        .iter()
        .any(|h| !doc.negated(c, h.start))
    {
        return Some(mk(Owner::Theirs, false));
    }
    // "I can't think of one" is no confession.
    if doc.any_in(Fam::Deny, range.clone()) {
        return None;
    }
    // "Nobody owned the sync" names a gap in the system, not a person.
    let owner = match cl.agent {
        Agent::I | Agent::We => Owner::Mine,
        Agent::Other => Owner::Theirs,
        Agent::Nobody | Agent::None => return None,
    };
    let impersonal = false;
    let from = cl.agent_tok.unwrap_or(cl.start);
    let verb = cl.after_agent;
    let after = |h: &&Hit| h.start >= from && h.start <= verb + FAULT_REACH;
    let live = |h: &Hit| !doc.negated(c, h.start);
    // Missing the target is the failure itself, not its cause.
    let outcome = doc.of_in(Fam::MissedOutcome, range.clone());
    let is_outcome = |h: &Hit| {
        outcome
            .iter()
            .any(|o| o.start <= h.start && h.start < o.end)
    };
    // "Customers were charged twice": the subject suffered it, passive.
    let passive = |h: &Hit| {
        h.start > 0
            && matches!(
                doc.t.norm_of(h.start as usize - 1),
                "was" | "were" | "been" | "being" | "got"
            )
    };
    let fault_verb = doc
        .of_in(Fam::FaultVerb, range.clone())
        .iter()
        .filter(after)
        .any(|h| live(h) && !is_outcome(h) && !passive(h));
    // A duty left undone: a diligence or action verb under negation ("I
    // didn't check", "we never sent a key", "nobody told me").
    let lapse = [Fam::Diligence, Fam::ActionVerb].iter().any(|&f| {
        doc.of_in(f, range.clone())
            .iter()
            .filter(after)
            .any(|h| doc.negated(c, h.start))
    });
    // A person's act given as the cause: "… because I had copied the
    // config", "… because the vendor changed the format".
    let as_cause = cl.join == Join::Sub
        && doc.has(cl.start, Fam::Causal)
        && cl.agent == Agent::I
        && cl.agent_tok.is_some();
    let should = doc.any_in(Fam::ShouldHave, from..cl.end);
    let bad_work = doc
        .of_in(Fam::BadAdj, range.clone())
        .iter()
        .filter(after)
        .any(|h| h.start <= verb + BAD_WORK_REACH && live(h));
    // "We had no alerting": a missing safeguard the speaker's team owned.
    let gap = owner == Owner::Mine
        && doc
            .of_in(Fam::Mechanism, range.clone())
            .iter()
            .filter(after)
            .any(|h| doc.negated(c, h.start));
    (fault_verb || lapse || should || bad_work || gap || as_cause).then_some(mk(owner, impersonal))
}

/// "It was human error: one of the agents…": a shallow cause pinned on
/// someone else in the same or the next sentence.
fn human_error_of_others(input: &Input<'_, '_>, c: usize) -> Option<Fault> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    doc.of_in(Fam::ShallowCause, cl.start..cl.end)
        .iter()
        .any(|h| !doc.negated(c, h.start))
        .then_some(())?;
    let others = doc.clauses[c..]
        .iter()
        .take_while(|k| k.sent <= cl.sent + 1)
        .any(|k| k.agent == Agent::Other);
    others.then_some(Fault {
        owner: Owner::Theirs,
        clause: c,
        impersonal: false,
    })
}

/// No real mistake offered: "I can't think of one", or a strength dressed
/// as a flaw with no real miss beside it.
///
/// Asked for a mistake, an answer that names no fault at all, the
/// speaker's or anyone's ("things didn't go as planned"), offers none.
fn denies(input: &Input<'_, '_>, faults: &Faults) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    for (h, _) in input.live_hits(Fam::Deny) {
        add_span(&mut spans, doc.span(h.start, h.end));
    }
    for (_, c) in input.live_hits(Fam::Humblebrag) {
        add_span(&mut spans, doc.clause_span(c));
    }
    // A vague, slogan-filled answer with no fault in it has dodged the
    // question.
    let vague = !super::structure::specificity(input).hit && doc.of(Fam::Buzz).len() >= 2;
    if spans.is_empty() && input.mistake && vague && faults.list.is_empty() && !faults.others_erred
    {
        return Finding::from_spans(
            doc.sents
                .first()
                .map(|s| doc.span(s.start, s.end))
                .into_iter()
                .collect(),
        );
    }
    Finding::from_spans(spans)
}

/// Protects the person who erred: refuses to blame them, or fixes the
/// system that let them err.
///
/// There must be someone to protect: a support phrase counts when another
/// person's slip was told; a refusal to blame counts when it names them
/// ("I didn't blame the intern"). "Instead of pointing fingers" in a story
/// with nobody in it is a slogan.
fn blameless(input: &Input<'_, '_>, others_erred: bool) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    if others_erred {
        for (_, c) in input.live_hits(Fam::Support) {
            if !input.buzz_only(c) {
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    }
    for fam in [Fam::BlameVerb, Fam::OtherFault] {
        for h in doc.of(fam) {
            let Some(c) = doc.clause_of(h.start) else {
                continue;
            };
            let cl = &doc.clauses[c];
            let speaker = matches!(cl.agent, Agent::I | Agent::We | Agent::None);
            let names_them = others_erred
                || (h.start..cl.end).any(|j| doc.has(j, Fam::Other))
                || fam == Fam::OtherFault;
            if doc.negated(c, h.start) && speaker && names_them {
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    }
    Finding::from_spans(spans)
}
