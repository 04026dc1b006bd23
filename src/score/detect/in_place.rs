//! A fix shown in place without a mechanism word beside a deed: the thing
//! told catching what it was built to catch ("the pass check has stopped
//! four plates", "it has since blocked three mappings", "two wrong
//! attachments were stopped by the approver"), or a rule told as now
//! holding for every case ("now any change after approval triggers a fresh
//! proof", "screens are now checked at every shift change").
//!
//! Both are read only from clause `from` on: after the speaker has done
//! something (what comes before is the setting) and, in a mistake story,
//! after the first fault.
//! The speaker's own habits are not here: "I now check every order
//! myself" is willpower ([`super::remedy`]).

use super::Ctx;
use crate::score::doc::{Agent, Doc};
use crate::score::lexicon::Fam;
use crate::score::text::NUMBER;

/// Whether clause `c` tells a fix catching something since it went in:
/// a thing, not a person, as the one that caught, blocked or flagged
/// ("the block stopped two more rosters", "the flag has since caught two
/// other estates"), or what it caught as the subject of a passive ("two
/// near-misses like mine have been caught at the bedside"). A count or a
/// "since" says it happened after the fix, not that it found the fault.
pub fn seen_catching(input: &Ctx<'_, '_>, c: usize, from: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    // The verbs of a guard at work are the `catching` family.
    if c < from || !input.clause_has(c, Fam::Catching) || !matches!(cl.agent, Agent::None) {
        return false;
    }
    // "Stopped working" is a thing failing, not catching.
    let Some(at) = doc
        .of_in(Fam::Catching, cl.start..cl.end)
        .iter()
        .map(|h| h.start)
        .find(|&j| !doc.word(j + 1).ends_with("ing"))
    else {
        return false;
    };
    // "I caught", "the nurse flagged": a person's vigilance. A thing's
    // subject stands before the verb with no person in it.
    let person =
        (cl.start..at).any(|j| doc.has(j, Fam::I) || doc.has(j, Fam::We) || doc.has(j, Fam::Other));
    // It caught things after the fix: told in the perfect ("has since
    // blocked"), with a count of what it caught ("stopped two more
    // rosters", "two wrong pallets were stopped"), or with "since" in its
    // sentence. "The truck was blocked in by enforcement" is the incident.
    let count = |j: u32| doc.has(j, Fam::WordNumber) || doc.tok(j).is(NUMBER);
    let perfect = at > 0
        && matches!(
            doc.word(at - 1),
            "has" | "have" | "'s" | "since" | "already"
        );
    let counted = (at + 1..(at + 4).min(cl.end)).any(count)
        || doc.after_passive_aux(at) && (cl.start..at).any(count);
    let s = &doc.sents[cl.sent as usize];
    let since = || (s.start..s.end).any(|j| doc.word(j) == "since");
    !person
        && (perfect || counted || since())
        && !input.negated(c, at)
        && !input.hypothetical(c, at)
        && !input.clause_has(c, Fam::Planned)
}

/// Whether clause `c` tells a rule that now holds for every case: a
/// quantifier over cases ("any change", "every shift change", "all
/// holds", "each batch"), a verb in the present ("triggers", "are
/// checked", "has to be signed"), and a word that it is so from now on
/// ("now", "since then", "from then on") in its sentence. The speaker's
/// own habit and a promise to be careful are not rules.
pub fn standing_rule(input: &Ctx<'_, '_>, c: usize, from: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    // "… before any paper load leaves" times the speaker's habit; it is
    // no rule of its own.
    let timed = || {
        matches!(
            doc.word(cl.start),
            "before" | "after" | "when" | "whenever" | "if" | "once" | "until" | "unless" | "while"
        ) && !matches!(doc.word(cl.start + 1), "then" | "that")
    };
    if c < from
        || !input.sent_has(cl.sent as usize, Fam::Ongoing)
        || cl.agent == Agent::I
        || timed()
        || input.clause_has(c, Fam::Willpower)
        || input.clause_has(c, Fam::Planned)
    {
        return false;
    }
    let every = (cl.start..cl.end).find(|&j| {
        matches!(doc.word(j), "any" | "every" | "each" | "all")
            && !matches!(
                doc.word(j + 1),
                "of" | "the"
                    | "that"
                    | "this"
                    | "these"
                    | "day"
                    | "time"
                    | "times"
                    | "year"
                    | "week"
                    | "month"
            )
    });
    let Some(q) = every else {
        return false;
    };
    // "Now", "since then", "from then on", "ever since", "going forward":
    // the `ongoing` phrases that say it holds from here on.
    let s = &doc.sents[cl.sent as usize];
    let from_now = doc.of_in(Fam::Ongoing, s.start..s.end).iter().any(|h| {
        (h.start..h.end).any(|j| matches!(doc.word(j), "now" | "then" | "since" | "forward"))
    });
    if !from_now {
        return false;
    }
    let present = (cl.start..cl.end).find(|&j| j != q && present_rule_verb(doc, j));
    present.is_some_and(|v| !input.negated(c, v) || guard_word_after(doc, v, cl.end))
        && !input.hypothetical(c, cl.end.saturating_sub(1))
        && !input.clause_has(c, Fam::ResultVerb)
}

/// A verb telling a rule in the present: "triggers", "carries", "holds"
/// (a third-person -s verb), "are checked", "is logged" (a present
/// passive), "has to be", "must", "needs".
fn present_rule_verb(doc: &Doc<'_>, j: u32) -> bool {
    let w = doc.word(j);
    let third = s_form(w)
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !doc.has(j, Fam::Determiner)
        && j > 0
        && !matches!(
            doc.word(j - 1),
            "the"
                | "a"
                | "an"
                | "our"
                | "their"
                | "its"
                | "his"
                | "her"
                | "my"
                | "any"
                | "every"
                | "each"
                | "all"
                | "of"
                | "for"
                | "to"
                | "on"
                | "in"
                | "with"
        );
    let passive = matches!(w, "is" | "are") && doc.word(j + 1).ends_with("ed")
        || matches!(
            (w, doc.word(j + 1)),
            ("has" | "have" | "needs" | "need", "to") | ("must", _)
        );
    third || passive
}

/// Whether `w` has the shape of a present-tense verb after a third-person
/// subject ("triggers", "diverts"): lower case, over three letters, one
/// final "s". Nouns in the plural share it; callers rule them out.
pub(super) fn s_form(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether a "cannot" / "won't" at `v` states a guard: "can't be confirmed
/// until the hold expires".
fn guard_word_after(doc: &Doc<'_>, v: u32, end: u32) -> bool {
    (v..end).any(|j| matches!(doc.word(j), "unless" | "until" | "without"))
}

/// Whether the negation in clause `c` states a guard rather than denies
/// one: "cannot be completed without a scan", "won't release unless two
/// people sign", "won't print a ticket if the field is empty".
pub(super) fn guards(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |j: u32| doc.word(j);
    let denial = (cl.start..cl.end).find(|&j| {
        matches!(
            word(j),
            "cannot" | "can't" | "won't" | "can" | "will" | "isn't" | "no"
        )
    });
    // The condition may be cut off as a clause of its own: "can't be
    // approved | unless it's entered".
    let end = doc
        .clauses
        .get(c + 1)
        .filter(|k| k.sent == cl.sent)
        .map_or(cl.end, |k| k.end);
    denial.is_some_and(|at| {
        (at..end).any(|j| matches!(word(j), "without" | "unless" | "until" | "if"))
    })
}
