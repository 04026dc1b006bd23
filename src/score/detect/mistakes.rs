//! Mistake and failure signals: whose fault is named first, blame, denial,
//! root cause, the kind of fix, the lesson, communication and support.
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
    let fault_verb = doc
        .of_in(Fam::FaultVerb, range.clone())
        .iter()
        .filter(after)
        .any(|h| live(h) && !is_outcome(h));
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

/// Past the first obvious cause: a named root cause, asking why, or a chain
/// of causes in one breath. Stopping at "human error" does not count.
pub fn root_cause(input: &Input<'_, '_>) -> Finding {
    let doc = input.doc;
    let shallow = |c: usize| {
        let s = &doc.sents[doc.clauses[c].sent as usize];
        doc.of_in(Fam::ShallowCause, s.start..s.end)
            .iter()
            .any(|h| {
                doc.clause_of(h.start)
                    .is_some_and(|k| !doc.negated(k, h.start))
            })
    };
    let mut spans = Vec::new();
    for (_, c) in input.live_hits(Fam::RootCause) {
        // Saying *what* the cause was: something concrete, or someone's
        // slip ("underneath it, I didn't trust our review standards").
        let sent = doc.clauses[c].sent;
        let names_slip = (0..doc.clauses.len())
            .filter(|&k| doc.clauses[k].sent == sent)
            .any(|k| fault_in(doc, k).is_some());
        let said_what = names_slip || input.concrete_beyond(sent as usize, Fam::RootCause);
        if !shallow(c) && said_what && !input.buzz_only(c) {
            add_span(&mut spans, input.sentence_span_of(c));
        }
    }
    // Digging, then finding: "profiled it, and found we loaded the whole
    // dictionary on every query".
    for (i, s) in doc.sents.iter().enumerate() {
        let Some(dig) = doc.of_in(Fam::Investigate, s.start..s.end).first() else {
            continue;
        };
        let found = doc.of_in(Fam::Perception, dig.end..s.end).iter().any(|h| {
            doc.clause_of(h.start)
                .is_some_and(|k| !doc.negated(k, h.start))
        });
        if found && input.concrete_beyond(i, Fam::Investigate) {
            add_span(&mut spans, doc.span(s.start, s.end));
        }
    }
    // A chain: two causes linked in one sentence, or a sentence that opens
    // by explaining the cause just given ("That happened because …").
    for (i, s) in doc.sents.iter().enumerate() {
        let here = doc.of_in(Fam::Causal, s.start..s.end);
        let opens = here.first().is_some_and(|h| h.start < s.start + 3);
        let prev_causal = i > 0 && {
            let p = &doc.sents[i - 1];
            doc.any_in(Fam::Causal, p.start..p.end)
        };
        if here.len() >= 2 || opens && prev_causal {
            let Some(c) = doc.clause_of(here[0].start) else {
                continue;
            };
            if !shallow(c) {
                add_span(&mut spans, doc.span(s.start, s.end));
            }
        }
    }
    Finding::from_spans(spans)
}

/// A durable change actually made: a mechanism noun (test, alarm,
/// checklist, guardrail) with an enacting verb or an ongoing effect, not
/// negated, not merely planned, and not a promise to be careful.
pub fn mechanism(input: &Input<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    for h in doc.of(Fam::Mechanism) {
        let Some(c) = doc.clause_of(h.start) else {
            continue;
        };
        let cl = &doc.clauses[c];
        let range = cl.start..cl.end;
        // Skipping the dry run is the opposite of putting one in place.
        let skipped = doc
            .of_in(Fam::FaultVerb, range.clone())
            .iter()
            .any(|f| f.start < h.start && !doc.negated(c, f.start));
        // A safeguard set wrong is the cause ("an engineer had set the wrong
        // timeout"), not the fix.
        if skipped
            || doc.negated(c, h.start)
            || doc.hypothetical(c, h.start)
            || doc.any_in(Fam::Willpower, range.clone())
            || fault_in(doc, c).is_some()
        {
            continue;
        }
        // "In the process", "check my work": the word, not the thing.
        let idiom = doc
            .of_in(Fam::MechanismIdiom, cl.start.saturating_sub(3)..h.end)
            .iter()
            .any(|i| i.start <= h.start && h.start < i.end);
        if idiom {
            continue;
        }
        // Enacted in its clause, or in the next one by pointing back at it:
        // "I proposed a line on the handover sheet, the ward adopted it".
        let next_refers = doc
            .clauses
            .get(c + 1)
            .filter(|k| k.sent == cl.sent && (k.start..k.end).any(|j| doc.has(j, Fam::Impersonal)));
        let reach = cl.start..next_refers.map_or(cl.end, |k| k.end);
        let enacted = doc
            .of_in(Fam::Enact, reach.clone())
            .iter()
            .chain(doc.of_in(Fam::Ongoing, reach.clone()))
            .any(|e| {
                let inside = e.start >= h.start && e.start < h.end;
                let Some(k) = doc.clause_of(e.start) else {
                    return false;
                };
                !inside && !doc.negated(k, e.start) && !doc.hypothetical(k, e.start)
            });
        if enacted && cl.agent != Agent::Nobody {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// A remedy that relies on trying harder, unless it is being rejected
/// ("instead of telling people to be careful").
pub fn willpower(input: &Input<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    for (h, _) in input.live_hits(Fam::Willpower) {
        add_span(&mut spans, doc.span(h.start, h.end));
    }
    // "Next time I'll …" with no mechanism in sight: a resolution, which
    // is willpower by another name.
    for (h, c) in input.live_hits(Fam::Resolve) {
        let s = &doc.sents[doc.clauses[c].sent as usize];
        if !doc.any_in(Fam::Mechanism, s.start..s.end) {
            add_span(&mut spans, doc.clause_span(c));
        }
        let _ = h;
    }
    Finding::from_spans(spans)
}

/// What they learned, or how they apply it since.
pub fn lesson(input: &Input<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    for (h, c) in input
        .live_hits(Fam::Learned)
        .chain(input.live_hits(Fam::AppliedSince))
    {
        // "The lesson was for leadership to be quicker" is a lesson for
        // someone else.
        let cl = &doc.clauses[c];
        let for_others = (h.end..cl.end).any(|j| doc.has(j, Fam::Other));
        if !for_others {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Told the affected people early, or kept them updated, without being
/// chased.
pub fn proactive(input: &Input<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    for (h, c) in input
        .live_hits(Fam::CommVerb)
        .chain(input.live_hits(Fam::Updates))
    {
        let cl = &doc.clauses[c];
        if !matches!(cl.agent, Agent::I | Agent::We) || doc.hypothetical(c, h.start) {
            continue;
        }
        let s = &doc.sents[cl.sent as usize];
        let timely =
            doc.any_in(Fam::Early, s.start..s.end) || doc.any_in(Fam::Updates, s.start..s.end);
        if timely && !doc.any_in(Fam::Chased, s.start..s.end) {
            add_span(&mut spans, doc.clause_span(c));
        }
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
