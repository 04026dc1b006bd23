//! Positive principle signals: the customer and their need, decisions from
//! data, disagree-then-commit, growing people, frugal invention, fast
//! reversible action, thinking big, and care for effects beyond the product.
//!
//! A claim made only in buzzwords ("I was customer-obsessed and data-driven")
//! is not evidence: every hit must sit in a clause with something concrete
//! or no buzzword at all.

use super::{Ctx, Finding, MAX_EVIDENCE, Spans, add_span, takes};
use crate::score::doc::{Agent, Clause, Doc, bit};
use crate::score::lexicon::Fam;

/// Live hits of `f` outside buzzword-only clauses, hit when at least `min`
/// distinct clauses carry one.
pub fn lexical(input: &Ctx<'_, '_>, f: Fam, min: usize) -> Finding {
    if !input.any(&[f]) {
        return Finding::default();
    }
    let doc = input.doc;
    let found = Carriers::of(input, f);
    if found.len < min {
        return Finding::default();
    }
    Finding::from_spans(found.iter().map(|c| doc.clause_span(c)).collect())
}

/// The first [`MAX_EVIDENCE`] distinct clauses carrying a [`lexical`] hit,
/// in order: all the evidence there can be, and enough to tell whether
/// `min` (at most [`MAX_EVIDENCE`]) clauses carry one.
struct Carriers {
    clauses: [usize; MAX_EVIDENCE],
    len: usize,
}

impl Carriers {
    fn of(input: &Ctx<'_, '_>, f: Fam) -> Carriers {
        let mut found = Carriers {
            clauses: [0; MAX_EVIDENCE],
            len: 0,
        };
        for (h, c) in input.live_hits(f) {
            if found.len == MAX_EVIDENCE {
                break;
            }
            if found.clauses[..found.len].contains(&c)
                || input.buzz_only(c)
                || input.hypothetical(c, h.start)
                || dismissive(input, c)
            {
                continue;
            }
            found.clauses[found.len] = c;
            found.len += 1;
        }
        found
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.clauses[..self.len].iter().copied()
    }
}

/// A clause that waves the matter off ("community relations isn't really
/// something the routing team handles") is no evidence of caring about it.
fn dismissive(input: &Ctx<'_, '_>, c: usize) -> bool {
    input.clause_has_any(
        c,
        bit(Fam::NotMyJob) | bit(Fam::Deflect) | bit(Fam::Indifference) | bit(Fam::GoodEnough),
    )
}

/// Names an end customer and what they need, in one sentence.
pub fn customer_focus(input: &Ctx<'_, '_>) -> Finding {
    if !input.any(&[Fam::Customer]) {
        return Finding::default();
    }
    let doc = input.doc;
    let mut spans = Spans::new();
    for (h, c) in input.live_hits(Fam::Customer) {
        if !takes(&spans, input.sentence_span_of(c)) {
            continue;
        }
        if input.buzz_only(c) || in_metric(input, h.start) || internal(input, h) {
            continue;
        }
        let si = doc.clauses[c].sent as usize;
        // The need is told of them in the same sentence, or in the next one
        // that speaks of them ("I rang every traveller that afternoon. …
        // several of them were anxious").
        let next_of_them = (si + 1 < doc.sents.len() && speaks_of_them(doc, si + 1))
            .then_some(si + 1)
            .filter(|&n| input.sent_has(n, Fam::CustomerNeed));
        if !input.sent_has(si, Fam::CustomerNeed) && next_of_them.is_none() {
            continue;
        }
        let s = &doc.sents[si];
        // A customer talked about only in slogans is no customer at all.
        if input.sent_has(si, Fam::Buzz)
            && (s.start..s.end).filter(|&j| doc.detail[j as usize]).count() < 2
        {
            continue;
        }
        let need_in = |k: usize| {
            let t = &doc.sents[k];
            doc.of_in(Fam::CustomerNeed, t.start..t.end)
                .iter()
                .any(|n| n.start != h.start && input.live(n).is_some())
        };
        if need_in(si) || next_of_them.is_some_and(need_in) {
            add_span(&mut spans, input.sentence_span_of(c));
        }
    }
    Finding::from_spans(spans)
}

/// Whether sentence `s` speaks of people already named, by a pronoun: it
/// opens on "they" ("They had paid in full"), or counts some "of them"
/// ("…because several of them were anxious").
fn speaks_of_them(doc: &Doc<'_>, s: usize) -> bool {
    let t = &doc.sents[s];
    let opens_on_they = (t.start..t.end)
        .find(|&j| doc.tok(j).is_wordlike())
        .is_some_and(|j| doc.word(j) == "they");
    opens_on_they
        || (t.start..t.end.saturating_sub(2)).any(|j| {
            doc.word(j + 1) == "of"
                && doc.word(j + 2) == "them"
                && (doc.has(j, Fam::WordNumber)
                    || matches!(
                        doc.word(j),
                        "several" | "many" | "most" | "some" | "all" | "half"
                    ))
        })
}

/// Whether the measured result (`quantified`'s evidence) is all the
/// organisation's: no sentence of it names the people served, and one
/// counts money, revenue or an internal audience ("we were saving £14,000
/// a year on licences", "inspector mileage dropped, so we saved on fuel").
/// "Waits fell from 34 days to 12 for residents" is measured for them.
pub fn measured_for_the_business(input: &Ctx<'_, '_>, quantified: &Finding) -> bool {
    let doc = input.doc;
    let sentences: Vec<usize> = quantified
        .spans
        .iter()
        .filter_map(|&(a, _)| {
            doc.sents.iter().position(|s| {
                let (sa, sb) = doc.span(s.start, s.end);
                sa <= a && a < sb
            })
        })
        .collect();
    if sentences.is_empty() {
        return false;
    }
    let served = |si: usize| {
        let s = &doc.sents[si];
        doc.of_in(Fam::Customer, s.start..s.end)
            .iter()
            .any(|h| input.live(h).is_some() && !in_metric(input, h.start) && !internal(input, h))
    };
    let business = |si: usize| {
        let s = &doc.sents[si];
        input.sent_has(si, Fam::Revenue)
            || input.sent_has(si, Fam::InternalCustomer)
            || (s.start..s.end).any(|j| {
                let w = doc.t.norm_of(j as usize);
                w.starts_with(['£', '$', '€']) || matches!(w, "saved" | "saving" | "savings")
            })
    };
    // "…dropped by 20%, so we saved on fuel": what the figure meant may
    // follow it.
    let told_after = |si: usize| si + 1 < doc.sents.len() && business(si + 1);
    !sentences
        .iter()
        .any(|&si| served(si) || measures_what_customers_live(input, si))
        && sentences.iter().any(|&si| business(si) || told_after(si))
}

/// Whether sentence `s` measures a change in what customers live through:
/// "evening complaints went from 30 a month to 8", "the average wait fell
/// from 12 minutes to 5". "Refund costs fell from £9,000 a month" counts
/// the business's money.
pub fn measures_what_customers_live(input: &Ctx<'_, '_>, s: usize) -> bool {
    let doc = input.doc;
    input.clauses_of(s).any(|k| {
        let cl = &doc.clauses[k];
        // "The wait for payment fell from 19 days to 6" counts a wait in
        // days, whatever it waits for; "£" or "cost" would count money.
        let timed = (cl.start..cl.end).any(|j| TIME_UNITS.contains(&doc.word(j)));
        (cl.start..cl.end).any(|j| LIVED.contains(&doc.word(j)))
            && input.clause_has(k, Fam::ResultVerb)
            && input.clause_has(k, Fam::MeasureUnit)
            && (timed && !money_said(input, k) || !money_in(input, k))
    })
}

/// Units of time: a measure in them is a wait, not money.
const TIME_UNITS: &[&str] = &["minutes", "hours", "days", "weeks", "minute", "hour", "day"];

/// What customers live through, when a result measures it: complaints,
/// waits, queues, delays, how satisfied they are.
const LIVED: &[&str] = &[
    "complaint",
    "complaints",
    "wait",
    "waits",
    "waiting",
    "queue",
    "queues",
    "queueing",
    "delays",
    "delayed",
    "cancellations",
    "injuries",
    "falls",
    "waited",
    "satisfied",
    "satisfaction",
];

/// Whether clause `k` counts money ("refund cost fell from £9,000 a month
/// to £1,000"): a cost to the business, not what customers lived through.
fn money_in(input: &Ctx<'_, '_>, k: usize) -> bool {
    input.clause_has(k, Fam::Revenue) || money_said(input, k)
}

/// Whether clause `k` names money itself: a currency sign or a cost word.
fn money_said(input: &Ctx<'_, '_>, k: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[k];
    (cl.start..cl.end).any(|j| {
        matches!(
            doc.word(j),
            "£" | "$" | "€" | "cost" | "costs" | "pounds" | "dollars" | "euros" | "spend"
        )
    })
}

/// Data, a prototype or a measurement used to decide or persuade: a data
/// noun in a clause that uses it, or in the speaker's own action.
pub fn data_driven(input: &Ctx<'_, '_>) -> Finding {
    if !input.any(&[Fam::Investigate, Fam::DataNoun]) {
        return Finding::default();
    }
    let doc = input.doc;
    let mut spans = Spans::new();
    // The speaker's own digging into records: "I pulled three months of
    // pages, grouped them by alert, and found six caused 80%".
    for (h, c) in input.live_hits(Fam::Investigate) {
        if !takes(&spans, doc.clause_span(c)) {
            continue;
        }
        if input.hypothetical(c, h.start) || super::remedy::with_someone(input, c, h.end) {
            continue;
        }
        let cl = &doc.clauses[c];
        let s = cl.sent as usize;
        let s_range = doc.sents[s].start..doc.sents[s].end;
        let speaker = matches!(cl.agent, Agent::I | Agent::We);
        if speaker
            && !input.buzz_only(c)
            && (!general_dig(doc, h) || records_in(input, c, h))
            && (doc.has_measure(s_range) || input.concrete_beyond(s, Fam::Investigate))
        {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    for (h, c) in input.live_hits(Fam::DataNoun) {
        if !takes(&spans, doc.clause_span(c)) {
            continue;
        }
        // "Our data protection officer", "data entry": a role or a task
        // named after data, not data used.
        let compound = matches!(
            doc.word(h.end),
            "protection" | "entry" | "centre" | "center" | "plan" | "plans" | "officer"
        );
        if input.buzz_only(c) || compound {
            continue;
        }
        // Data the speaker used: in a sentence where they act, or theirs
        // ("our data showed…"), not a dashboard someone else read.
        let s = doc.clauses[c].sent as usize;
        let theirs = (h.start.saturating_sub(2)..h.start)
            .any(|j| matches!(doc.t.norm_of(j as usize), "my" | "our" | "i" | "we"));
        if !theirs
            && doc.sentence_actions(s) == 0
            && !matches!(doc.clauses[c].agent, Agent::I | Agent::We)
        {
            continue;
        }
        let used = input.sent_has(s, Fam::DataUse) || doc.clauses[c].action;
        // "We looked at all the metrics" says nothing; "40% of refills were
        // abandoned" does.
        let s_range = doc.sents[s].start..doc.sents[s].end;
        let specific = || input.concrete_beyond(s, Fam::DataNoun) || doc.has_measure(s_range);
        if used && specific() {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Whether investigate hit `h` names a dig that says nothing of data by
/// itself: "I looked into it", "went through the job", "pulled him
/// aside", "two weeks of shifts". "Measured", "sampled", "tallied" do.
fn general_dig(doc: &crate::score::doc::Doc<'_>, h: &crate::score::lexicon::Hit) -> bool {
    matches!(
        doc.t.norm_of(h.start as usize),
        "looked" | "went" | "dug" | "investigated" | "pulled" | "weeks" | "months"
    )
}

/// Whether clause `c` names records or figures beyond the dig `h`: a data
/// noun ("the scan data", "the logs") or a measure ("found 40% were…").
/// A span of time ("three months of") is records only when pulled or
/// read ("I pulled three months of sales"), not "two weeks of shifts".
fn records_in(input: &Ctx<'_, '_>, c: usize, h: &crate::score::lexicon::Hit) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    if matches!(doc.t.norm_of(h.start as usize), "weeks" | "months") {
        return input.clause_has(c, Fam::DataNoun)
            || doc
                .of_in(Fam::DataUse, cl.start..cl.end)
                .iter()
                .any(|u| u.end <= h.start || u.start >= h.end);
    }
    input.clause_has(c, Fam::DataNoun)
        || doc
            .measures(cl.start..cl.end)
            .any(|(a, b)| b <= h.start || a >= h.end)
}

/// Disagreed, then committed: a disagreement followed later by commitment.
/// "My customer here was really the area manager": a customer word that
/// names someone inside the business is not the end customer.
fn internal(input: &Ctx<'_, '_>, h: &crate::score::lexicon::Hit) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(h.start) else {
        return false;
    };
    let cl = &doc.clauses[c];
    let named_inside = input.clause_has(c, Fam::InternalCustomer)
        && doc
            .of_in(Fam::InternalCustomer, cl.start..cl.end)
            .iter()
            .any(|i| i.start.abs_diff(h.end) <= 6 || i.end == h.start);
    named_inside || team_as_customer(input, h)
}

/// Whether the customer word `h` is said to be a team of the speaker's own
/// business: "our main customer, the way I see it, is the account
/// management team".
fn team_as_customer(input: &Ctx<'_, '_>, h: &crate::score::lexicon::Hit) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(h.start) else {
        return false;
    };
    let si = doc.clauses[c].sent as usize;
    if !input.sent_has(si, Fam::OrgUnit) {
        return false;
    }
    let sent = &doc.sents[si];
    let end = sent.end.min(h.end + 12);
    let is_at = (h.end..end).find(|&j| matches!(doc.word(j), "is" | "was" | "are" | "were"));
    is_at.is_some_and(|k| (k + 1..end.min(k + 6)).any(|j| doc.has(j, Fam::OrgUnit)))
}

/// Whether the speaker names a team of their own business as "the
/// customer": every customer word after that may mean them.
pub fn internal_customer_declared(input: &Ctx<'_, '_>) -> bool {
    input
        .doc
        .of(Fam::Customer)
        .iter()
        .any(|h| team_as_customer(input, h) && input.live(h).is_some())
}

/// `told` is the `told_you_so` finding.
pub fn disagree_commit(input: &Ctx<'_, '_>, told: &Finding) -> Finding {
    let doc = input.doc;
    let Some((d, dc)) = input.live_hits(Fam::Disagree).next() else {
        return Finding::default();
    };
    // Standing back or saying "I told you so" after being overruled is the
    // opposite of committing, whatever else is said.
    if told
        .spans
        .iter()
        .any(|&(a, _)| a > doc.span(d.start, d.end).0)
    {
        return Finding::default();
    }
    // The speaker commits: "it was all in within three weeks" is the crop.
    let commit = input.live_hits(Fam::Commit).find(|(h, c)| {
        h.start >= d.start
            && !input.buzz_only(*c)
            && matches!(doc.clauses[*c].agent, Agent::I | Agent::We | Agent::None)
    });
    match commit {
        Some((_, cc)) => {
            Finding::from_spans(Spans::from_iter([doc.clause_span(dc), doc.clause_span(cc)]))
        }
        None => Finding::default(),
    }
}

/// Coached, grew, promoted or moved people on: by the speaker or the team.
pub fn develops_others(input: &Ctx<'_, '_>) -> Finding {
    if !input.any(&[Fam::Develop, Fam::Grew]) {
        return Finding::default();
    }
    let doc = input.doc;
    let mut spans = Spans::new();
    for (h, c) in input.live_hits(Fam::Develop) {
        if !takes(&spans, doc.clause_span(c)) {
            continue;
        }
        let cl = &doc.clauses[c];
        let speaker = matches!(cl.agent, Agent::I | Agent::We);
        // "When I took over", "I moved into the lead role": the speaker's
        // own move grows nobody else.
        let own_move = cl.agent == Agent::I && doc.has(h.start, Fam::Grew);
        // "I gave him her name", "gave her a written warning": what was
        // handed over grows nobody.
        let handed = || {
            doc.word(h.start) == "gave"
                && (h.end..(h.end + 4).min(cl.end))
                    .any(|j| matches!(doc.word(j), "name" | "names" | "warning" | "earful" | "id"))
        };
        if speaker
            && !own_move
            && !input.buzz_only(c)
            && !input.hypothetical(c, h.start)
            && !handed()
        {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    // Where the person went next: "she moved to that team as a junior
    // engineer", "he was promoted that cycle" — someone else's growth in a
    // story where the speaker acted.
    // "It became the template for the other sites": a thing that grew
    // into something develops nobody.
    let speaker_acted = doc.clauses.iter().any(|c| c.action);
    for (h, c) in input.live_hits(Fam::Grew) {
        let cl = &doc.clauses[c];
        let agent = cl.agent;
        let a_thing = (h.start.saturating_sub(2).max(cl.start)..h.start)
            .any(|j| matches!(doc.word(j), "it" | "which"))
            || doc.agent_is_a_thing(cl);
        if speaker_acted
            && matches!(agent, Agent::Other | Agent::None)
            && !a_thing
            && !input.buzz_only(c)
        {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Whether a customer word at token `at` is only part of a revenue metric
/// ("revenue per user").
pub fn in_metric(input: &Ctx<'_, '_>, at: u32) -> bool {
    input
        .doc
        .of_in(Fam::Revenue, at.saturating_sub(4)..at + 1)
        .iter()
        .any(|r| r.start <= at && at < r.end)
}

/// Reused, removed or saved as something the speaker did: "we had no
/// budget" is the constraint, "I repurposed our spreadsheet" the invention.
pub fn frugal_invention(input: &Ctx<'_, '_>) -> Finding {
    let found = lexical_where(input, Fam::Frugal, |k| k.action || k.agent == Agent::None);
    if found.hit || !input.any(&[Fam::Simplify]) {
        return found;
    }
    // Simplifying is doing more with less too: "I removed four approvals
    // nobody ever rejected", "we merged the two status meetings". The
    // speaker removes a step of the process, not a person or a bug.
    let doc = input.doc;
    let mut spans = Spans::new();
    for (h, c) in input.live_hits(Fam::Simplify) {
        let cl = &doc.clauses[c];
        // "I pulled the requests, found four approvals nobody rejected, and
        // removed them": the left-out subject is the speaker's.
        let earlier_speaker = || {
            doc.clauses[..c]
                .iter()
                .rev()
                .take_while(|k| k.sent == cl.sent)
                .any(|k| matches!(k.agent, Agent::I | Agent::We))
        };
        let speaker =
            matches!(cl.agent, Agent::I | Agent::We) || cl.agent_tok.is_none() && earlier_speaker();
        let step = !doc
            .of_in(Fam::ProcessStep, h.end..cl.end.min(h.end + 6))
            .is_empty();
        if speaker && step && !input.hypothetical(c, h.start) && !input.buzz_only(c) {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Weighs effects beyond the product, in a sentence where the speaker acts
/// on them: parents complaining to the paper is not the speaker's care.
pub fn broad_responsibility(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    lexical_where(input, Fam::Broad, |k| {
        doc.sentence_actions(k.sent as usize) > 0
    })
}

/// Acted quickly with a reversible risk, and actually did.
pub fn bias_for_action(input: &Ctx<'_, '_>) -> Finding {
    lexical(input, Fam::Bias, 1)
}

/// The [`lexical`] matches of `f` whose clause passes `keep`.
fn lexical_where(input: &Ctx<'_, '_>, f: Fam, keep: impl Fn(&Clause) -> bool) -> Finding {
    if !input.any(&[f]) {
        return Finding::default();
    }
    let doc = input.doc;
    let spans: Spans = Carriers::of(input, f)
        .iter()
        .filter(|&c| keep(&doc.clauses[c]))
        .map(|c| doc.clause_span(c))
        .collect();
    Finding::from_spans(spans)
}
