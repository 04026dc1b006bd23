//! Whether the speaker told the people a mistake affected: early, or kept
//! them updated, without being chased (`proactive_communication`); or held
//! off and let them find out (`kept_silent`).

use super::faults::Faults;
use super::{Ctx, Finding, Spans, add_span, takes};
use crate::score::doc::{Agent, Doc, bit};
use crate::score::lexicon::{Fam, Hit};
use crate::score::text::NUMBER;

/// Told the affected people early, or kept them updated, without being
/// chased.
pub fn proactive(input: &Ctx<'_, '_>) -> Finding {
    if !input.any(&[Fam::CommVerb, Fam::Updates]) {
        return Finding::default();
    }
    let doc = input.doc;
    // Told only once chased, or found out by themselves: whatever came
    // after is not proactive. "Before they found out" is the opposite.
    let silent = silences(input).next();
    if let Some((h, _)) = silent {
        return Finding::miss_with(Spans::from_iter([doc.span(h.start, h.end)]));
    }
    let mut spans = Spans::new();
    for (h, c) in input
        .live_hits(Fam::CommVerb)
        .chain(input.live_hits(Fam::Updates))
    {
        if !takes(&spans, doc.clause_span(c)) {
            continue;
        }
        let cl = &doc.clauses[c];
        if !matches!(cl.agent, Agent::I | Agent::We) || input.hypothetical(c, h.start) {
            continue;
        }
        // Telling means telling someone: "raised the timeout" tells nobody.
        // A verb whose object is always a person ("I rang the farm owner",
        // "I emailed all 128 bookers") needs no word for who it was.
        let someone = addresses_a_person(doc, h)
            || (h.start..cl.end).any(|j| {
                doc.starts[j as usize]
                    & (bit(Fam::Audience)
                        | bit(Fam::Other)
                        | bit(Fam::Customer)
                        | bit(Fam::OrgUnit))
                    != 0
            });
        if !someone && h.fam == Fam::CommVerb {
            continue;
        }
        let s = cl.sent as usize;
        let timely = input.sent_has(s, Fam::Early)
            || input.sent_has(s, Fam::Updates)
            || told_in_person_or_on_the_clock(doc, h.end, cl.end);
        if timely && !input.sent_has(s, Fam::Chased) {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Words of being chased or found out ("they found out", "had to chase
/// me", "I said nothing"), but for "before they found out" and "never had
/// to chase", which are the opposite.
fn silences<'i>(input: &'i Ctx<'_, '_>) -> impl Iterator<Item = (&'i Hit, usize)> + 'i {
    let doc = input.doc;
    // "She never once had to chase us" is the opposite too.
    // ("Once" may have cut the clause after "never".)
    input.live_hits(Fam::Chased).filter(move |(h, c)| {
        let from = h.start.saturating_sub(2);
        let near = |w: &str| (from..h.start).any(|j| doc.t.norm_of(j as usize) == w);
        !near("before") && !near("never") && !input.negated(*c, h.start)
    })
}

/// The speaker kept the people affected in the dark: they found out for
/// themselves, had to chase, or heard nothing until it was too late ("I
/// held off telling the client, hoping we'd still make Friday. He found
/// out at the site meeting"). Someone else's silence ("the vendor never
/// told us") is theirs, and "only after", "when asked" or "waited until"
/// count only in a sentence about telling.
pub fn kept_silent(input: &Ctx<'_, '_>, faults: &Faults) -> Finding {
    let doc = input.doc;
    // Silence is about the mistake once made: "I never told the fraud team
    // about the new rule" as the mistake itself is the fault.
    let first_fault = faults.first_clause().unwrap_or(0);
    let word = |j: u32| doc.t.norm_of(j as usize);
    let mut spans = Spans::new();
    for (h, c) in silences(input) {
        let cl = &doc.clauses[c];
        // "I swapped two doors on the board and never told the loaders"
        // is the mistake itself, told in one breath; silence is what came
        // after it (or, when no other fault is found, the fault named).
        let part_of_the_mistake = c > first_fault && cl.sent == doc.clauses[first_fault].sent;
        if c < first_fault || part_of_the_mistake || input.hypothetical(c, h.start) {
            continue;
        }
        let first = word(h.start);
        // "They found out", "he had to chase me": the people left in the
        // dark are the subject. "I found out from the log" is no silence.
        let audience_found_out = matches!(
            first,
            "they"
                | "he"
                | "she"
                | "found"
                | "heard"
                | "had"
                | "chase"
                | "chased"
                | "chasing"
                | "learned"
                | "learnt"
        );
        // "I chased the schedule out of the designer" is the speaker doing
        // the chasing: being chased needs "me" or "us" after it.
        let chasing = matches!(first, "chase" | "chased" | "chasing");
        let chased_speaker = (h.end..(h.end + 2).min(cl.end))
            .any(|j| matches!(word(j), "me" | "us"))
            || (h.start..h.end).any(|j| matches!(word(j), "me" | "us"));
        let whose = if chasing && !chased_speaker {
            false
        } else if audience_found_out {
            !matches!(cl.agent, Agent::I | Agent::We)
        } else {
            matches!(cl.agent, Agent::I | Agent::We)
        };
        // "I never told the partner it wasn't my job" is not saying a
        // thing, not leaving someone uninformed; "I never let it stop me"
        // is no telling at all.
        let reported = (h.end..(h.end + 4).min(cl.end)).any(|j| {
            doc.starts[j as usize] & (bit(Fam::Impersonal) | bit(Fam::I) | bit(Fam::We)) != 0
        });
        let let_know = !matches!(word(h.end - 1), "let")
            || (h.end..(h.end + 3).min(cl.end)).any(|j| word(j) == "know");
        let loose = matches!(first, "when" | "after" | "only" | "waited" | "until");
        let about_telling = !loose
            || input.sent_has(cl.sent as usize, Fam::CommVerb)
            || input.sent_has(cl.sent as usize, Fam::Updates);
        if whose && !reported && let_know && about_telling {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Whether the telling verb at `h` always has a person as its object
/// ("told", "rang", "emailed", "warned", "apologised"), and is followed by
/// one or stands alone: "I rang the farm owner", "I apologised".
fn addresses_a_person(doc: &Doc<'_>, h: &Hit) -> bool {
    let verb = doc.t.norm_of(h.start as usize);
    let to_a_person = matches!(
        verb,
        "told"
            | "informed"
            | "notified"
            | "emailed"
            | "messaged"
            | "texted"
            | "pinged"
            | "alerted"
            | "phoned"
            | "rang"
            | "rung"
            | "briefed"
            | "warned"
            | "apologized"
            | "apologised"
            | "spoke"
            | "talked"
            | "met"
            | "called"
    );
    // "I was told" is someone else telling.
    to_a_person && !doc.after_passive_aux(h.start)
}

/// Whether the telling from token `from` to `end` is marked as prompt by
/// how it is told rather than by a word for "early": in person ("I told
/// the owner myself") or at a stated clock time ("I told the CFO at 7
/// a.m.").
fn told_in_person_or_on_the_clock(doc: &Doc<'_>, from: u32, end: u32) -> bool {
    (from..end).any(|j| {
        let w = doc.t.norm_of(j as usize);
        let clock = doc.t.toks[j as usize].is(NUMBER)
            && (w.contains(':')
                || w.ends_with("am")
                || w.ends_with("pm")
                || (j + 1 < end
                    && matches!(doc.t.norm_of(j as usize + 1), "a" | "p" | "am" | "pm")));
        // "I told myself to be careful" is no telling at all.
        (w == "myself" && j > from) || clock
    })
}
