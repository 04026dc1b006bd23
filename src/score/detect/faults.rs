//! Whose fault an answer names, and in which order: `owns_fault_first`,
//! `blames_others`, `denies_mistake` and `blameless_support`.
//!
//! Fault is found clause by clause from *who acts* and *what the predicate
//! means*: a fault verb ("I forgot", "an engineer broke it"), a diligence
//! verb under negation ("I didn't check", "nobody told me"), a counterfactual
//! ("I should have"), or bad work handed over ("gave us bad requirements").
//! Order then decides `owns_fault_first`.

use super::blame::{
    blameless, brag_clauses, deflection_in, denies, harm_kept_off, human_error_of_others,
    received_fault, shaming,
};
use super::in_place::guards;
use super::{Ctx, Finding, Spans, add_span};
use crate::score::doc::{Agent, Clause, Doc, Join, bit};
use crate::score::lexicon::{Fam, Hit};
use crate::score::text::NEG;

/// Whose fault a clause names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Mine,
    Theirs,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Fault {
    pub(super) owner: Owner,
    pub(super) clause: usize,
    /// The agent was "nobody": an absence, easily owned in the next breath.
    pub(super) impersonal: bool,
}

/// The faults an answer names, in order.
pub struct Faults {
    list: Vec<Fault>,
    /// Per clause: it names someone's slip ([`fault_in`]), read again by
    /// the remedies.
    named: Vec<bool>,
    /// No real mistake is offered, so none can be owned first.
    denied: bool,
    /// The `denies_mistake` finding.
    denial: Finding,
    /// Where the speaker protects the person who slipped.
    support: Finding,
    /// Clauses where the speaker made known who slipped, or showed their
    /// slip to a room.
    shamed: Vec<usize>,
}

/// How far after its agent a "bad work" word may sit ("the PM gave us bad
/// requirements"); further on, it describes something else.
const BAD_WORK_REACH: u32 = 4;
/// How far after its agent a fault verb or a lapse may sit ("nobody on the
/// team had told me"); further on it belongs to another subject.
const FAULT_REACH: u32 = 6;

/// Families of a predicate that can make a clause with a person in it a
/// fault: a fault verb, a duty or a safeguard under negation, bad work.
const PREDICATE: u128 = bit(Fam::FaultVerb)
    | bit(Fam::Diligence)
    | bit(Fam::ActionVerb)
    | bit(Fam::BadAdj)
    | bit(Fam::Mechanism);

impl Faults {
    /// Finds the faults; `specific` is whether the answer has concrete
    /// detail (the `specificity` signal), which decides whether a vague
    /// answer dodged the question.
    pub fn find(input: &Ctx<'_, '_>, specific: bool) -> Faults {
        let doc = input.doc;
        let brags: Vec<usize> = brag_clauses(input).collect();
        let brag_sents: Vec<u32> = brags.iter().map(|&c| doc.clauses[c].sent).collect();
        let (mut list, mut named) = super::scratch::take_faults();
        // Clauses where the speaker made known who slipped: their own act,
        // never the incident told before a word of support.
        let mut shamed_at: Vec<usize> = Vec::new();
        for c in 0..doc.clauses.len() {
            let fault = fault_in(input, c);
            named.push(fault.is_some());
            if brag_sents.contains(&doc.clauses[c].sent) {
                continue;
            }
            let received = received_fault(input, c);
            // "People felt they'd broken their streak": what someone else
            // felt or said is their account, not the speaker's blame. "I
            // held off telling the client" is judged as silence
            // (`kept_silent`), not offered as owning the mistake.
            let fault = fault.filter(|f| match f.owner {
                Owner::Theirs => !reported_by_others(input, c) && !thing_answers_why(input, c),
                Owner::Mine => !input.clause_has(c, Fam::Chased),
            });
            // "I told her exactly what had gone wrong and whose fault it
            // was", after owning it with nobody else named at fault: the
            // speaker names themselves.
            let owned_alone = || {
                list.iter().any(|f| f.owner == Owner::Mine)
                    && !list
                        .iter()
                        .any(|f| f.owner == Owner::Theirs && !f.impersonal)
            };
            let shamed = received
                .is_none()
                .then(|| shaming(input, c))
                .flatten()
                .filter(|_| !whose_it_was(input, c) || !owned_alone());
            if shamed.is_some() {
                shamed_at.push(c);
            }
            if let Some(f) = received
                .or(shamed)
                .or(fault)
                .or_else(|| human_error_of_others(input, c))
                .or_else(|| deflection_in(input, c))
                .filter(|_| !purpose_of_telling(input, c))
            {
                list.push(f);
            }
        }
        // Agentless deflection ("the mapping got changed", "the notice went
        // to a mailbox nobody reads") shifts the blame only when it is the
        // first cause named; told after owning up, it is context.
        if let Some(first_mine) = list.iter().position(|f| f.owner == Owner::Mine) {
            let mut index = 0;
            list.retain(|f| {
                let context = index > first_mine && f.impersonal && f.owner == Owner::Theirs;
                index += 1;
                !context
            });
        }
        // "Nobody told me, but that's on me", "Nobody had ever told him to
        // stop. That's on us, not him.": an absence owned in the same
        // sentence or the next is not blame.
        if list.iter().any(|f| f.impersonal) {
            let owned_sents: Vec<u32> = list
                .iter()
                .filter(|f| f.owner == Owner::Mine)
                .map(|f| doc.clauses[f.clause].sent)
                .collect();
            // Owned in so many words ("that's on us"), not a lapse of the
            // speaker's told next.
            let said_mine_sents: Vec<u32> = list
                .iter()
                .filter(|f| f.owner == Owner::Mine && input.clause_has(f.clause, Fam::OwnFault))
                .map(|f| doc.clauses[f.clause].sent)
                .collect();
            list.retain(|f| {
                !(f.owner == Owner::Theirs && f.impersonal && {
                    let s = doc.clauses[f.clause].sent;
                    owned_sents.contains(&s) || said_mine_sents.contains(&(s + 1))
                })
            });
        }
        // Anyone else's slip was told, even as the incident ("an intern ran
        // the script"): someone a blameless answer could protect.
        let others_erred = list.iter().any(|f| f.owner == Owner::Theirs);
        let support = blameless(input, others_erred);
        // "An intern deleted the photos. I didn't blame him: I had given
        // him the access." Another's slip told before the speaker refuses
        // to blame them is the incident, not blame.
        if let Some(first_support) = support.spans.first().map(|s| s.0) {
            list.retain(|f| {
                f.owner == Owner::Mine
                    || shamed_at.contains(&f.clause)
                    || doc.clause_span(f.clause).0 > first_support
            });
        }
        let denial = denies(input, &list, &brags, others_erred, specific);
        Faults {
            list,
            named,
            denied: denial.hit,
            denial,
            support,
            shamed: shamed_at,
        }
    }

    /// The clause of the first fault named, the speaker's or anyone's:
    /// what is told before it is the setting, not the remedy.
    pub fn first_clause(&self) -> Option<usize> {
        self.list.first().map(|f| f.clause)
    }

    /// Where the remedy starts: the first token of the speaker's first
    /// deed after the first fault named that is not itself a slip ("I
    /// changed the stacking plan and didn't model the crane moves. Turn
    /// times went from 52 minutes to 94. | I pulled the crane logs…").
    pub fn remedy_start(&self, input: &Ctx<'_, '_>) -> Option<u32> {
        let first = self.first_clause()?;
        let clauses = &input.doc.clauses;
        (first + 1..clauses.len())
            .find(|&c| {
                let cl = &clauses[c];
                cl.action && matches!(cl.agent, Agent::I | Agent::We) && !self.named[c]
            })
            .map(|c| clauses[c].start)
    }

    /// Whether clause `c` names anyone's slip.
    pub fn names_fault(&self, c: usize) -> bool {
        self.named[c]
    }

    /// Whether any clause of sentence `s` names anyone's slip.
    pub fn names_fault_in(&self, input: &Ctx<'_, '_>, s: usize) -> bool {
        input.clauses_of(s).any(|k| self.named[k])
    }

    /// Where the speaker shamed the person who slipped: for a team's
    /// people, a red flag whatever the question.
    pub fn shaming(&self, input: &Ctx<'_, '_>) -> Finding {
        Finding::from_spans(
            self.shamed
                .iter()
                .map(|&c| input.doc.clause_span(c))
                .collect::<Spans>(),
        )
    }

    /// The `blameless_support` finding, handed over once.
    pub fn take_support(&mut self) -> Finding {
        std::mem::take(&mut self.support)
    }

    /// The `denies_mistake` finding, handed over once.
    pub fn take_denied(&mut self) -> Finding {
        std::mem::take(&mut self.denial)
    }

    pub fn owns_first(&self, input: &Ctx<'_, '_>) -> Finding {
        if self.denied {
            return Finding::default();
        }
        match self.list.first() {
            // "In fairness, I could have checked it too" owns little, and
            // nothing when anyone else was blamed at all.
            Some(f) if f.owner == Owner::Mine && conceded(input, f.clause) => {
                let span = Spans::from_iter([input.doc.clause_span(f.clause)]);
                if self.list.iter().any(|f| f.owner == Owner::Theirs) {
                    Finding::miss_with(span)
                } else {
                    Finding::from_spans(span).partly(HEDGED_OWNING)
                }
            }
            Some(f) if f.owner == Owner::Mine => {
                Finding::from_spans(Spans::from_iter([input.doc.clause_span(f.clause)]))
            }
            Some(f) => Finding::miss_with(Spans::from_iter([input.doc.clause_span(f.clause)])),
            None => Finding::default(),
        }
    }

    pub fn blames(&self, input: &Ctx<'_, '_>) -> Finding {
        let mut spans = Spans::new();
        for f in self.list.iter().filter(|f| f.owner == Owner::Theirs) {
            add_span(&mut spans, input.doc.clause_span(f.clause));
        }
        Finding::from_spans(spans)
    }
}

impl Drop for Faults {
    /// Hands the fault list and the per-clause flags back for the next answer.
    fn drop(&mut self) {
        super::scratch::give_faults(
            std::mem::take(&mut self.list),
            std::mem::take(&mut self.named),
        );
    }
}

/// Whether clause `c` tells "whose fault it was" without naming anyone:
/// after the speaker owned the fault alone, that names the speaker.
fn whose_it_was(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    (cl.start..cl.end).any(|j| doc.word(j) == "whose")
}

/// Whether clause `c` is what the speaker's deed before it was for: "I
/// sent the consultants an update each evening | so they weren't caught
/// out in clinic". A harm kept off is nobody's slip.
fn purpose_of_telling(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let Some(prev) = doc.clause_before(c) else {
        return false;
    };
    prev.action
        && matches!(prev.agent, Agent::I | Agent::We)
        && doc.word(cl.start) == "so"
        && input.negated(c, cl.end.saturating_sub(1))
}

/// Whether clause `c` tells a thing's failure in answer to the speaker's
/// own "why?": "Why? The bedside printers had been broken for four
/// months" is a cause traced, not one pushed onto someone. A person named
/// there ("Why? The contractor had broken them") is still someone's slip.
fn thing_answers_why(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let s = cl.sent as usize;
    doc.answers_question(s) && doc.agent_is_a_thing(cl)
}

/// The fault clause `c` names, if any.
fn fault_in(input: &Ctx<'_, '_>, c: usize) -> Option<Fault> {
    slip_in(input, c).filter(|_| !purpose_of_telling(input, c))
}

/// The slip clause `c` names, before asking whether it is only what a
/// telling kept off.
fn slip_in(input: &Ctx<'_, '_>, c: usize) -> Option<Fault> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let range = cl.start..cl.end;
    let has = |f| input.clause_has(c, f);
    let mk = |owner, impersonal| Fault {
        owner,
        clause: c,
        impersonal,
    };
    // "I did not accept that the card was the problem", "I never agreed
    // the checklist was at fault": a view refused, no fault told.
    if refused_view(input, c) {
        return None;
    }
    if let Some(owner) = owner_phrase(input, c) {
        return Some(mk(owner, false));
    }
    if my_work_let_it(input, c) {
        return Some(mk(Owner::Mine, false));
    }
    // "I can't think of one" is no confession.
    if has(Fam::Deny) {
        return None;
    }
    let in_part = checked_in_part(input, c).map(|owner| (owner, false));
    if let Some((owner, impersonal)) = in_part.or_else(|| checked_only_in_part(input, c)) {
        return Some(mk(owner, impersonal));
    }
    if let Some((owner, impersonal)) = ahead_of_check(input, c) {
        return Some(mk(owner, impersonal));
    }
    // "Our dispatcher picked the wrong address" is one of the speaker's
    // people, named: their slip, not the speaker's. "Nobody owned the sync"
    // names a gap in the system, not a person.
    let (agent, agent_tok, verb) = subject_of(input, c);
    let one_of_ours = agent == Agent::We && agent_tok.is_some_and(|t| doc.has(t, Fam::Other));
    let owner = match agent {
        Agent::We if one_of_ours => Owner::Theirs,
        Agent::I | Agent::We => Owner::Mine,
        Agent::Other => Owner::Theirs,
        Agent::Nobody | Agent::None => return None,
    };
    // A person's act given as the cause: "… because I had copied the
    // config", "… because the vendor changed the format".
    let as_cause = cl.join == Join::Sub
        && doc.has(cl.start, Fam::Causal)
        && agent == Agent::I
        && agent_tok.is_some();
    if as_cause {
        return Some(mk(owner, false));
    }
    let from = agent_tok.unwrap_or(cl.start);
    if slipped_or_skipped(input, c, from) || (owner == Owner::Mine && did_harm(input, c)) {
        return Some(mk(owner, false));
    }
    if !input.clause_has_any(c, PREDICATE | bit(Fam::ShouldHave)) {
        return None;
    }
    if let Some(owner) = has(Fam::ShouldHave)
        .then(|| should_have_owner(doc, from..cl.end, owner))
        .flatten()
    {
        return Some(mk(owner, false));
    }
    // Missing the target is the failure itself, not its cause.
    let outcome = if has(Fam::MissedOutcome) {
        doc.of_in(Fam::MissedOutcome, range)
    } else {
        &[]
    };
    let is_outcome = |j: u32| outcome.iter().any(|o| o.start <= j && j < o.end);
    // The predicate: matches starting after the agent and near its verb.
    let near = from.max(cl.start)..(verb + FAULT_REACH + 1).min(cl.end);
    // Worked out once a lapse needs it.
    let guard = std::cell::OnceCell::new();
    near.into_iter()
        .any(|j| {
            let m = doc.starts[j as usize] & PREDICATE;
            if m == 0 {
                return false;
            }
            let negated = input.negated(c, j);
            // "The platform group assumed the cache was warm" is what they
            // believed, not a slip pinned on them; "I assumed" owns one.
            let belief = owner == Owner::Theirs
                && matches!(doc.t.norm_of(j as usize), "assumed" | "assume" | "assuming");

            let fault_verb = m & bit(Fam::FaultVerb) != 0
                && !negated
                && (owner == Owner::Mine || !input.hypothetical(c, j))
                && !is_outcome(j)
                && !doc.after_passive_aux(j) // "customers were charged twice" suffered it
                && !belief
                && !broke_as_idiom(doc, j)
                && !measure_fell(doc, cl, j);
            // A duty left undone: a diligence or action verb under negation
            // ("I didn't check", "we never sent a key", "nobody told me").
            // "…blocks the upload if it moves 5% without a rate flag" is a
            // rule being described, not a duty left undone.
            // "The supervisor can't sign the store open until each line is
            // scanned" is a guard at work, not a duty left undone.
            let lapse = m & (bit(Fam::Diligence) | bit(Fam::ActionVerb)) != 0
                && negated
                && !no_duty_at(doc, j)
                && !object_of_another_verb(doc, cl, j)
                // "The lab was never told": its subject is who went
                // untold; whose silence it was is left to the agentless
                // reading (`deflection_in`).
                && !doc.after_passive_aux(j)
                && !outcome_not_duty(doc, cl, j)
                && !input.hypothetical(c, j)
                && !*guard.get_or_init(|| guards(input, c));
            // "…that some staff might be paid late" fears a harm; it
            // pins no slip on anyone.
            let bad_work = m & bit(Fam::BadAdj) != 0
                && j <= verb + BAD_WORK_REACH
                && !negated
                && !input.hypothetical(c, j);
            // "We had no alerting": a missing safeguard the speaker's team
            // owned.
            let gap = m & bit(Fam::Mechanism) != 0
                && owner == Owner::Mine
                && negated
                && missing_safeguard(input, c, j);
            fault_verb || lapse || bad_work || gap
        })
        .then_some(mk(owner, false))
}

/// Whether the verb at `j`, under negation, leaves no duty undone: "I told
/// them without being asked"; "I don't know the figure", said of now; the
/// auxiliary of "I did not accept that…",
/// where the verb after it says what was left undone; "I did not put this
/// on her", which refuses to blame.
fn no_duty_at(doc: &Doc<'_>, j: u32) -> bool {
    let unasked = j >= 2
        && doc.t.norm_of(j as usize - 1) == "being"
        && doc.t.norm_of(j as usize - 2) == "without";
    let auxiliary = matches!(doc.word(j), "did" | "do" | "does")
        && matches!(doc.word(j + 1), "not" | "n't" | "never");
    // "I don't know the exact figure" says what the speaker does not know
    // now, not a duty they left undone.
    // "They don't look where they're going" is still their habit.
    let now = (j.saturating_sub(3)..j).any(|k| {
        k > 0
            && matches!(doc.word(k - 1), "i" | "we")
            && (doc.word(k) == "don't" || doc.word(k) == "do" && doc.word(k + 1) == "not")
    });
    unasked || auxiliary || now || doc.has(j, Fam::BlameVerb)
}

/// Whether "broke" at `j` is an idiom, not a breakage: "we broke out four
/// cubic metres", "I broke the news".
fn broke_as_idiom(doc: &Doc<'_>, j: u32) -> bool {
    doc.word(j).starts_with("br")
        && (matches!(doc.word(j + 1), "out" | "up" | "even" | "ground" | "open")
            || doc.word(j + 2) == "news")
}

/// Whose fault the first "should have" in `range` tells, if there is one:
/// the clause's `owner`, or someone else's when it is said of them ("I told
/// him straight that he should have asked"), and no one's when it is said
/// of a chance ("it could have happened to anyone").
fn should_have_owner(doc: &Doc<'_>, range: std::ops::Range<u32>, owner: Owner) -> Option<Owner> {
    let from = range.start;
    let h = doc.of_in(Fam::ShouldHave, range).first()?;
    // "I told her it could have happened to anyone": a chance, no one's duty.
    if h.start > from && matches!(doc.word(h.start - 1), "it" | "that" | "this" | "anyone") {
        return None;
    }
    let of_another =
        h.start > from + 1 && matches!(doc.word(h.start - 1), "he" | "she" | "they" | "you");
    Some(if of_another { Owner::Theirs } else { owner })
}

/// Whether what clause `cl` says did not happen, at verb `j`, is the
/// outcome rather than a duty undone: a harm kept off ("so no wrong blood
/// was given") or a count of none ("we've had no chicken sent back", "we
/// had no parcels go missing since"), where the "no" belongs to "had".
fn outcome_not_duty(doc: &Doc<'_>, cl: &Clause, j: u32) -> bool {
    let participle = doc.has(j, Fam::PastVerb) || doc.word(j).ends_with("ed");
    let none_counted = participle
        && (cl.start + 1..j.saturating_sub(1))
            .any(|k| doc.word(k) == "no" && matches!(doc.word(k - 1), "had" | "have" | "has"));
    none_counted || harm_kept_off(doc, cl.start..j, doc.word(j))
}

/// Whether the fault verb at `j` tells a measure falling, not a slip: "his
/// blood pressure had dropped", "her oxygen level dropped to 88%". "The
/// intern dropped the call" has an object, and is one.
fn measure_fell(doc: &Doc<'_>, cl: &Clause, j: u32) -> bool {
    matches!(doc.word(j), "dropped" | "drop" | "drops")
        && (j + 1 >= cl.end
            || doc.has_measure(j + 1..j + 3)
            || matches!(doc.word(j + 1), "to" | "by" | "from" | "below" | "sharply"))
}

/// Whether the duty word at `j` is a noun that another verb takes for its
/// object: "one group didn't match a previous record" leaves no record
/// undone. After a light verb it is still the duty ("we didn't do a proper
/// check", "never ran the final review").
fn object_of_another_verb(doc: &Doc<'_>, cl: &Clause, j: u32) -> bool {
    const DETERMINER: [&str; 17] = [
        "a", "an", "the", "this", "that", "any", "previous", "earlier", "proper", "full", "final",
        "second", "my", "our", "his", "their", "its",
    ];
    const LIGHT: [&str; 16] = [
        "do", "did", "done", "does", "doing", "run", "ran", "carry", "carried", "make", "made",
        "get", "got", "give", "gave", "have",
    ];
    let mut k = j;
    while k > cl.start && DETERMINER.contains(&doc.word(k - 1)) {
        k -= 1;
    }
    k < j && k > cl.start && !LIGHT.contains(&doc.word(k - 1)) && doc.tok(k - 1).is_wordlike()
}

/// The subject whose act clause `c` tells, with its first token and the
/// token after it: the clause's own, or, when the clause has none, the
/// subject of a "that" it is explained by ("The cause was that I hadn't
/// checked the settings", "The root of it was that the QA team hadn't run
/// the suite"), which the clause cutter leaves in one clause.
fn subject_of(input: &Ctx<'_, '_>, c: usize) -> (Agent, Option<u32>, u32) {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let own = (cl.agent, cl.agent_tok, cl.after_agent);
    // Only a clause with a predicate that could tell a slip is worth the
    // look.
    if cl.agent != Agent::None || !input.clause_has_any(c, PREDICATE | bit(Fam::ShouldHave)) {
        return own;
    }
    let Some(that) = (cl.start + 1..cl.end)
        .find(|&j| doc.word(j) == "that" && matches!(doc.word(j - 1), "was" | "is" | "'s"))
    else {
        return own;
    };
    let mut a = that + 1;
    while a < cl.end && matches!(doc.word(a), "the" | "our" | "my" | "their" | "a") {
        a += 1;
    }
    let agent = if doc.has(a, Fam::I) {
        Agent::I
    } else if doc.has(a, Fam::We) {
        Agent::We
    } else if doc.has(a, Fam::Other) {
        Agent::Other
    } else {
        return own;
    };
    // The subject may run to more words ("the QA team"): its verb comes
    // after the longest match starting there.
    let end = doc
        .of_in(Fam::Other, a..a + 1)
        .iter()
        .chain(doc.of_in(Fam::We, a..a + 1))
        .chain(doc.of_in(Fam::I, a..a + 1))
        .map(|h| h.end)
        .max()
        .unwrap_or(a + 1);
    (agent, Some(a), end)
}

/// An owner carried by a phrase: "my mistake", "that's on me", "the
/// intern's fault".
fn owner_phrase(input: &Ctx<'_, '_>, c: usize) -> Option<Owner> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let range = cl.start..cl.end;
    let has = |f| input.clause_has(c, f);
    // Negated ones ("it wasn't their fault") are not faults at all.
    // "The plan was mine to build" is a duty, not a fault: an owner word
    // followed by "to".
    let duty = |h: &crate::score::lexicon::Hit| {
        doc.t.norm_of(h.end as usize - 1) == "mine"
            && (h.end as usize) < doc.t.toks.len()
            && doc.t.norm_of(h.end as usize) == "to"
    };
    let unnegated = |f| {
        has(f)
            && doc
                .of_in(f, range.clone())
                .iter()
                .any(|h| !input.negated(c, h.start) && !duty(h))
    };
    // "I didn't say it was mine" owns nothing: the owning is what the
    // speaker did not say.
    if unnegated(Fam::OwnFault) && !unsaid(input, c) {
        return Some(Owner::Mine);
    }
    if unnegated(Fam::OtherFault) {
        return Some(Owner::Theirs);
    }
    None
}

/// A check an act went ahead of: "…before the rebar inspection had been
/// signed", "…before anyone had checked the labels". Clause `c` is the
/// check, cut off as its own clause; the slip is whoever did the act in
/// the clause before it: the speaker ("I authorised the pour before…"),
/// someone named, or nobody at all ("the pour was authorised before…"),
/// which is an agentless telling of the speaker's own act.
fn ahead_of_check(input: &Ctx<'_, '_>, c: usize) -> Option<(Owner, bool)> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    if !input.clause_has(c, Fam::Diligence) || !doc.has(cl.start, Fam::Subord) {
        return None;
    }
    let prev = c.checked_sub(1)?;
    let p = &doc.clauses[prev];
    if doc.word(cl.start) != "before"
        || p.sent != cl.sent
        || input.hypothetical(c, cl.end.saturating_sub(1))
    {
        return None;
    }
    // The check told as not yet done: "had been signed", "had signed
    // it off", "was checked" after "before".
    let pending = doc.of_in(Fam::Diligence, cl.start..cl.end).iter().any(|h| {
        let j = h.start;
        j >= 2 && doc.word(j - 1) == "been" && doc.word(j - 2) == "had"
            || j >= 1 && matches!(doc.word(j - 1), "had" | "'d")
    });
    if !pending || input.negated(c, cl.end.saturating_sub(1)) {
        return None;
    }
    match p.agent {
        Agent::I | Agent::We => Some((Owner::Mine, false)),
        Agent::Other => Some((Owner::Theirs, false)),
        Agent::None if (p.start..p.end).any(|j| doc.after_passive_aux(j)) => {
            Some((Owner::Theirs, true))
        }
        _ => None,
    }
}

/// Whether clause `c` says that what the speaker made, told in the clause
/// before it, let the failure happen: "I'd written our collection
/// procedure, | and it let a spoken change live in one person's head".
fn my_work_let_it(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let Some(prev) = doc.clause_before(c).filter(|p| p.agent == Agent::I) else {
        return false;
    };
    let it_let = (cl.start..cl.end.min(cl.start + 4)).any(|j| {
        matches!(doc.word(j), "it" | "that" | "this" | "they")
            && matches!(doc.word(j + 1), "let" | "allowed" | "lets" | "allows")
    });
    it_let
        && (prev.start..prev.end).any(|j| {
            matches!(
                doc.word(j),
                "written" | "wrote" | "designed" | "built" | "set" | "drawn" | "drew" | "made"
            )
        })
}

/// Whether clause `c` refuses a view: a verb of agreeing under negation,
/// with what was said after it. "I didn't realise the file was old" is a
/// lapse, and "I didn't think we needed a new system" a misjudgement, not
/// a view refused.
fn refused_view(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    (cl.start..cl.end.saturating_sub(2)).any(|j| {
        doc.initial(j) == b'a'
            && matches!(doc.word(j), "accept" | "accepted" | "agree" | "agreed")
            && input.negated(c, j)
    })
}

/// Whether the negated mechanism word at `j` names a safeguard that was
/// missing ("we had no alerting"), not a harm feared ("so I wouldn't
/// cause alarm") or an idiom ("raise the alarm").
fn missing_safeguard(input: &Ctx<'_, '_>, c: usize, j: u32) -> bool {
    let doc = input.doc;
    let idiom = doc
        .of_in(Fam::MechanismIdiom, j.saturating_sub(3)..j + 1)
        .iter()
        .any(|i| i.start <= j && j < i.end);
    // "I did not accept that the card was the problem": the negation is
    // of a view, and the card sits in what was said about it ("the answer
    // was that I had never required a guard" still owns the gap).
    let negator = (doc.clauses[c].start..j)
        .rev()
        .find(|&k| doc.has(k, Fam::Negator) || doc.tok(k).is(NEG))
        .unwrap_or(j);
    let in_a_view = (negator..j).any(|k| {
        doc.word(k) == "that"
            && matches!(
                doc.word(k + 1),
                "the"
                    | "a"
                    | "an"
                    | "our"
                    | "my"
                    | "his"
                    | "her"
                    | "their"
                    | "it"
                    | "they"
                    | "he"
                    | "she"
                    | "we"
                    | "i"
                    | "this"
            )
    });
    !idiom && !in_a_view && !input.hypothetical(c, j)
}

/// Whose check clause `c` leaves half done: "I'd tested it with our
/// sample data, | but not with two-part surnames", "we checked the
/// totals, but not against the bank file". The clause opens with "but
/// not", after a check by someone in the clause before.
fn checked_in_part(input: &Ctx<'_, '_>, c: usize) -> Option<Owner> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let prev = &doc.clauses[c.checked_sub(1)?];
    let word = |j: u32| doc.t.norm_of(j as usize);
    let first = (cl.start..cl.end).find(|&j| doc.tok(j).is_wordlike())?;
    let but_not = word(first) == "but" && first + 1 < cl.end && word(first + 1) == "not";
    let checked = prev.sent == cl.sent
        && input.clause_has(c - 1, Fam::Diligence)
        && !input.negated(c - 1, prev.after_agent)
        && !input.hypothetical(c - 1, prev.end);
    if !(but_not && checked) {
        return None;
    }
    match prev.agent {
        Agent::I | Agent::We => Some(Owner::Mine),
        Agent::Other => Some(Owner::Theirs),
        _ => None,
    }
}

/// Whose check clause `c` tells as done only in part: "I only scanned
/// the first of the three boxes" is the speaker's slip; "only the first
/// of the three boxes got scanned" the same slip told with nobody doing
/// it, an agentless deflection.
fn checked_only_in_part(input: &Ctx<'_, '_>, c: usize) -> Option<(Owner, bool)> {
    if !input.clause_has(c, Fam::Diligence) {
        return None;
    }
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let only = |j: u32| matches!(doc.word(j), "only" | "just");
    let check = doc
        .of_in(Fam::Diligence, cl.start..cl.end)
        .iter()
        .find(|h| {
            let j = h.start;
            let active = j > cl.start && only(j - 1) || j > cl.start + 1 && only(j - 2);
            let passive = doc.after_passive_aux(j) && (cl.start..j).any(only);
            (active || passive) && !input.negated(c, j) && !input.hypothetical(c, j)
        })?;
    // The part left out is told: "the first of", "one of", "a sample of";
    // "the morning team only caught it" says when, not how much.
    let part = (cl.start..cl.end).any(|j| {
        matches!(
            doc.word(j),
            "first" | "one" | "some" | "part" | "half" | "few" | "sample" | "top" | "couple"
        )
    });
    if !part {
        return None;
    }
    match cl.agent {
        Agent::I | Agent::We => Some((Owner::Mine, false)),
        Agent::Other => Some((Owner::Theirs, false)),
        Agent::None if doc.after_passive_aux(check.start) => Some((Owner::Theirs, true)),
        _ => None,
    }
}

/// Whether clause `c` is what the speaker did not say: the clause before it
/// in its sentence ends on a negated saying ("I didn't say | it was mine",
/// "I never told anyone | it was my change").
fn unsaid(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let Some(prev) = doc.clause_before(c) else {
        return false;
    };
    (prev.start..prev.end).any(|j| {
        let saying = doc.has(j, Fam::CommVerb)
            || matches!(
                doc.t.norm_of(j as usize),
                "say" | "said" | "admit" | "admitted" | "mention" | "mentioned"
            );
        saying && input.negated(c - 1, j)
    })
}

/// Whether the act of clause `c` (from its agent at `from`) is told as a
/// slip by how it was done rather than by a fault verb: by mistake ("left
/// the old map live by mistake", "accidentally", "in error", "out of
/// habit", "on autopilot"), or while
/// skipping a duty ("ran it on the live list without testing it first",
/// "signed it off without reading the annex"). "Without being asked" is
/// no skipped duty.
fn slipped_or_skipped(input: &Ctx<'_, '_>, c: usize, from: u32) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |j: u32| doc.word_in(cl, j);
    let speaker = matches!(cl.agent, Agent::I | Agent::We);
    (from..cl.end).any(|j| match word(j) {
        "accidentally" | "inadvertently" | "mistakenly" | "carelessly" | "absentmindedly" => {
            !input.negated(c, j)
        }
        "by" => matches!(word(j + 1), "mistake" | "accident"),
        // Done without a thought: "finished it with walnuts out of habit",
        // "signed it on autopilot".
        "out" => word(j + 1) == "of" && word(j + 2) == "habit" && speaker,
        "on" => word(j + 1) == "autopilot" && speaker,
        "in" => word(j + 1) == "error" && j + 2 >= cl.end,
        "without" => {
            doc.has(j + 1, Fam::Diligence)
                && word(j + 1).ends_with("ing")
                && !input.hypothetical(c, j)
        }
        _ => false,
    })
}

/// Whether the speaker's deed in clause `c` is told as the cause of harm
/// in the clause after it, with no fault word: "I loaded last year's price
/// list into the till, so every customer was overcharged", "I placed the
/// order from an old drawing, which meant the bars came in short". What
/// the speaker did next ("…, so I rang them") is no harm.
fn did_harm(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let Some(next) = doc.clauses.get(c + 1).filter(|n| n.sent == cl.sent) else {
        return false;
    };
    if !cl.action || matches!(next.agent, Agent::I | Agent::We) || input.hypothetical(c, cl.end) {
        return false;
    }
    let word = |j: u32| doc.t.norm_of(j as usize);
    let consequence = match word(next.start) {
        "so" => word(next.start + 1) != "that",
        "which" | "that" => word(next.start + 1) == "meant",
        "meaning" | "leaving" => true,
        _ => false,
    };
    // The consequence runs to the end of the sentence ("so the bars came
    // in about 30% short" is cut at the "%"), or to the speaker's next deed.
    let end = doc.clauses[c + 1..]
        .iter()
        .take_while(|k| k.sent == cl.sent)
        .take_while(|k| !matches!(k.agent, Agent::I | Agent::We))
        .last()
        .map_or(next.end, |k| k.end);
    let harm = (next.start..end).any(|j| {
        let fault = doc.has(j, Fam::FaultVerb) || doc.has(j, Fam::MissedOutcome);
        let outcome = HARM_WORDS.contains(&word(j));
        (fault || outcome)
            && !described(doc, j)
            && doc.clause_of(j).is_none_or(|k| !input.negated(k, j))
    });
    consequence && harm
}

/// Words that tell harm done in a consequence ("so forty pupils were left
/// stranded", "which meant the bars came in short").
const HARM_WORDS: [&str; 24] = [
    "short",
    "late",
    "wrong",
    "twice",
    "lost",
    "delayed",
    "stranded",
    "waiting",
    "cancelled",
    "canceled",
    "overcharged",
    "undercharged",
    "damaged",
    "spoiled",
    "spoilt",
    "injured",
    "unable",
    "offline",
    "down",
    "complained",
    "fined",
    "refunds",
    "unpaid",
    "missing",
];

/// Whether clause `c` is what another person felt, said or thought: the
/// clause before it in the sentence has someone else (or no one named) as
/// its subject and ends on a verb of feeling or saying ("customers said | the app had
/// lost their order").
fn reported_by_others(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let Some(prev) = doc.clause_before(c) else {
        return false;
    };
    let saying = |h: &Hit| {
        h.end == prev.end
            && matches!(
                doc.t.norm_of(h.start as usize),
                "felt"
                    | "said"
                    | "says"
                    | "thought"
                    | "believed"
                    | "claimed"
                    | "complained"
                    | "insisted"
                    | "worried"
                    | "assumed"
                    | "argued"
                    | "reported"
                    | "mentioned"
            )
    };
    matches!(prev.agent, Agent::Other | Agent::None)
        && doc
            .of_in(Fam::Perception, prev.start..prev.end)
            .iter()
            .any(saying)
}

/// Whether the participle at `j` describes a thing rather than tells a
/// slip: "they fixed the broken part", "I restored the deleted rows".
fn described(doc: &Doc<'_>, j: u32) -> bool {
    let w = doc.t.norm_of(j as usize);
    j > 0 && doc.has(j - 1, Fam::Determiner) && (w.ends_with("en") || w.ends_with("ed"))
}

/// The share of `owns_fault_first` that a hedged, conceding ownership
/// earns when nobody else is blamed ("looking back, I could have…").
const HEDGED_OWNING: f64 = 0.5;

/// Whether the speaker's fault in clause `c` is told as a concession: "in
/// fairness", "admittedly", "looking back", "I could have…", in the clause or
/// just before it in its sentence; a sentence that grants a point first
/// ("Sure, …"), or a hedged "probably should have".
fn conceded(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let sent = &doc.sents[cl.sent as usize];
    let said = input.sent_has(cl.sent as usize, Fam::LateConcession)
        && doc
            .of_in(Fam::LateConcession, sent.start..cl.end)
            .iter()
            .any(|h| h.start + 8 >= cl.start);
    said || granted_opening(doc, cl.sent as usize) || hedged_should(input, c)
}

/// Whether sentence `s` opens by granting a point before the speaker's
/// share: "Sure, the release had my signature…", "True, I could…", "Fair
/// enough, …".
fn granted_opening(doc: &Doc<'_>, s: usize) -> bool {
    let start = doc.sents[s].start;
    let comma_after = |n: u32| doc.t.norm_of((start + n) as usize) == ",";
    match doc.t.norm_of(start as usize) {
        "sure" | "true" => comma_after(1),
        "fair" => doc.word(start + 1) == "enough",
        _ => false,
    }
}

/// Whether the speaker's "should have" in clause `c` is hedged: "I
/// probably should have walked it myself", "maybe I should have asked".
/// A fault only guessed at is conceded, not owned.
fn hedged_should(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    input.clause_has(c, Fam::ShouldHave)
        && doc
            .of_in(Fam::ShouldHave, cl.start..cl.end)
            .iter()
            .any(|h| {
                (cl.start..h.start + 2).any(|j| {
                    matches!(
                        doc.t.norm_of(j as usize),
                        "probably" | "maybe" | "perhaps" | "possibly"
                    )
                })
            })
}
