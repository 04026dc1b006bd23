//! Whether the speaker told the people a mistake affected: early, or kept
//! them updated, without being chased (`proactive_communication`); or held
//! off and let them find out (`kept_silent`).

use super::faults::Faults;
use super::{Ctx, Finding, Spans, add_span, takes};
use crate::score::doc::{Agent, Doc, bit};
use crate::score::lexicon::{Fam, Hit};
use crate::score::text::{NEG, NUMBER};

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
    // The tellings held back, found once a telling is about to count.
    let mut late: Option<Vec<usize>> = None;
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
        let someone = addresses_a_person(doc, h) || audience_after(doc, h.start, cl.end);
        if !someone && h.fam == Fam::CommVerb {
            continue;
        }
        let s = cl.sent as usize;
        let timely = input.sent_has(s, Fam::Early)
            || input.sent_has(s, Fam::Updates)
            || told_in_person_or_on_the_clock(doc, h.end, cl.end);
        if timely && !input.sent_has(s, Fam::Chased) {
            let held = late.get_or_insert_with(|| held_back(input, 0).collect());
            if !held.contains(&c) {
                add_span(&mut spans, doc.clause_span(c));
            }
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
        // "Nobody heard about it from me" is negated by its subject, and
        // says the speaker kept quiet.
        let cl = &doc.clauses[*c];
        let nobody_from_me = cl.agent == Agent::Nobody && from_the_speaker(doc, h);
        // "I found out at 3 p.m. from the error log": the speaker
        // discovering the fault, not the people affected finding out.
        let speaker_discovers = matches!(cl.agent, Agent::I | Agent::We)
            && cl.agent_tok.is_some_and(|a| a < h.start)
            && matches!(
                doc.t.norm_of(h.start as usize),
                "found" | "heard" | "learned" | "learnt" | "discovered"
            );
        !near("before")
            && !near("never")
            && !speaker_discovers
            && !deflection_unsaid(input, h, cl.sent as usize)
            && (!input.negated(*c, h.start) || nobody_from_me)
    })
}

/// Whether what the speaker never told, in sentence `s`, is a deflection: "I never told the
/// partner it wasn't my job, or that it was the paralegal's docketing"
/// says they did not push the fault away, not that they kept quiet.
fn deflection_unsaid(input: &Ctx<'_, '_>, h: &Hit, s: usize) -> bool {
    let doc = input.doc;
    let w = doc.t.norm_of(h.start as usize);
    let end = doc.sents[s].end;
    matches!(w, "never" | "didn't" | "did")
        && [Fam::NotMyJob, Fam::Disown, Fam::Deflect]
            .into_iter()
            .any(|f| !doc.of_in(f, h.end..end).is_empty())
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
    let word = |j: u32| doc.word(j);
    let mut spans = Spans::new();
    for (h, c) in silences(input) {
        let cl = &doc.clauses[c];
        // "I swapped two doors on the board and never told the loaders"
        // is the mistake itself, told in one breath; silence is what came
        // after it (or, when no other fault is found, the fault named).
        let part_of_the_mistake = c > first_fault && cl.sent == doc.clauses[first_fault].sent;
        // "Why? … and the lab was never told": a silence found by asking
        // why is a cause traced.
        let traced = doc.answers_question(cl.sent as usize);
        if c < first_fault || part_of_the_mistake || traced || input.hypothetical(c, h.start) {
            continue;
        }
        let first = word(h.start);
        // "Nobody heard a word from me" is the speaker's silence; "nobody
        // heard from the vendor" is the vendor's.
        let nobody_knew = first == "nobody"
            || first == "no" && word(h.start + 1) == "one"
            || cl.agent == Agent::Nobody;
        if nobody_knew && !from_the_speaker(doc, h) {
            continue;
        }
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
        ) || nobody_knew;
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
        // "Nobody heard about it from me" is no reported content, and
        // "I didn't say it was mine" hides the speaker's own fault.
        let reported = says_something(input, c, h);
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
    if input.mistake || faults.first_clause().is_some() {
        for c in first_fault..doc.clauses.len() {
            if hid_it(input, c) {
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    }
    for c in held_back(input, first_fault) {
        add_span(&mut spans, doc.clause_span(c));
    }
    Finding::from_spans(spans)
}

/// Clauses where the speaker held the news back from the people affected:
/// chose to ("I decided it was better not to announce it yet", "held off
/// on any announcement", "rather than alarm forty pharmacies…"), told
/// nobody ("I didn't phone the practices", "customers weren't told"), or
/// told them only once it was over ("once everything was back, I had
/// support email them", "at that point, with the water confirmed safe, I
/// informed the regulator").
///
/// A telling left undone before `first_fault` is the mistake itself ("I
/// never told the fraud team about the new rule"), not silence after it.
fn held_back<'i>(input: &'i Ctx<'_, '_>, first_fault: usize) -> impl Iterator<Item = usize> + 'i {
    let doc = input.doc;
    let chose = input.live_hits(Fam::HoldBack).filter_map(move |(h, c)| {
        let cl = &doc.clauses[c];
        let whose = matches!(cl.agent, Agent::I | Agent::We | Agent::None);
        (whose && !input.negated(c, h.start) && !input.hypothetical(c, h.start)).then_some(c)
    });
    // Negated tellings are the point here: every hit, not the live ones;
    // "let the pharmacies know" tells too.
    // "Let" is one of the `make_known` words.
    let let_know = doc
        .of(Fam::MakeKnown)
        .iter()
        .filter(move |h| doc.word(h.start) == "let")
        .filter_map(move |h| {
            let j = h.start;
            let know = (j + 2..j + 6).find(|&k| doc.word(k) == "know")?;
            (doc.clause_of(j) == doc.clause_of(know)).then_some(Hit {
                fam: Fam::CommVerb,
                start: j,
                end: know + 1,
            })
        });
    let told = doc
        .of(Fam::CommVerb)
        .iter()
        .copied()
        .chain(let_know)
        .filter_map(move |h| {
            let h = &h;
            let c = input.clause(h)?;
            let cl = &doc.clauses[c];
            if input.hypothetical(c, h.start) {
                return None;
            }
            let speaker = matches!(cl.agent, Agent::I | Agent::We);
            // "Customers weren't told": the people left uninformed are the
            // subject of a telling nobody did.
            let word = |j: u32| doc.word(j);
            let passive = doc.after_passive_aux(h.start);
            // "The washing route was never updated" leaves a thing
            // unchanged: "updated" tells people only when they are its
            // subject ("the drivers weren't updated").
            let people = || {
                !word(h.start).starts_with("updat")
                    || (cl.start..h.start)
                        .any(|j| doc.has(j, Fam::Other) || doc.has(j, Fam::Customer))
            };
            // "Why? … and the lab was never told": found by asking why,
            // it is a cause traced.
            let untold = !speaker && passive && people() && !doc.answers_question(cl.sent as usize);
            let negated = input.negated(c, h.start);
            // "I didn't wait to tell them" is the opposite.
            let waited = (cl.start..h.start).any(|j| {
                doc.has(j, Fam::HoldBack) || matches!(word(j), "wait" | "waiting" | "hesitate")
            });
            // Telling means telling someone: "I did not update the allergen
            // sheet" leaves a record undone, nobody untold.
            let someone = untold
                || addresses_a_person(doc, h)
                || audience_after(doc, h.end, cl.end)
                || word(h.start) == "let";
            let silent = negated
                && (speaker || untold)
                && someone
                && !waited
                && !says_something(input, c, h)
                && c >= first_fault;
            let late = !negated && speaker && told_once_over(input, h);
            // "I stayed on the fix rather than ring fourteen practice
            // managers with half an answer": a telling chosen against.
            let instead = h.start >= 2
                && matches!(
                    (word(h.start - 2), word(h.start - 1)),
                    ("rather", "than") | ("instead", "of")
                );
            // The choice may sit in a clause of its own: "I decided | to
            // stay focused … rather than ring…".
            let speakers = || {
                speaker
                    || (cl.agent == Agent::None || word(cl.start) == "to")
                        && doc
                            .clause_before(c)
                            .is_some_and(|p| matches!(p.agent, Agent::I | Agent::We))
            };
            let passed_over = instead && someone && c >= first_fault && speakers();
            (silent || late || passed_over).then_some(c)
        });
    chose.chain(told)
}

/// Whether the telling at `h` waited for the trouble to be over: "once
/// most had come back, I briefed…", "after it was all resolved, I told…",
/// or "at that point" / "by then" / "only then" after a sentence that
/// ends it ("we got three clear results. At that point I informed…").
fn told_once_over(input: &Ctx<'_, '_>, h: &Hit) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(h.start) else {
        return false;
    };
    let s = doc.clauses[c].sent as usize;
    // Nothing told as over, here or just before: no waiting for it.
    if !input.sent_has(s, Fam::Resolved) && (s == 0 || !input.sent_has(s - 1, Fam::Resolved)) {
        return false;
    }
    let sent = &doc.sents[s];
    let word = |j: u32| doc.word(j);
    let over_between = |a: u32, b: u32| (a..b).any(|j| doc.has(j, Fam::Resolved));
    let waits = (sent.start..h.start).find(|&j| {
        matches!(word(j), "once" | "until")
            || word(j) == "after" && (j == sent.start || !doc.tok(j - 1).is_wordlike())
            || word(j) == "only" && word(j + 1) == "after"
    });
    if waits.is_some_and(|w| over_between(w + 1, h.start)) {
        return true;
    }
    let then = (sent.start..h.start).any(|j| {
        word(j) == "point" && j > sent.start && word(j - 1) == "that"
            || word(j) == "then" && j > sent.start && matches!(word(j - 1), "by" | "only")
    });
    then && s > 0 && {
        let prev = &doc.sents[s - 1];
        over_between(prev.start, prev.end) || over_between(sent.start, h.start)
    }
}

/// Whether the telling `h` in clause `c` reports a content ("I never told
/// the nurses it was their fault") rather than leaving someone
/// uninformed; a content that owns the speaker's fault ("I never told
/// anyone it was my change") is hiding it, so it does not count here.
fn says_something(input: &Ctx<'_, '_>, c: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    (h.end..(h.end + 4).min(cl.end)).any(|j| {
        doc.starts[j as usize] & (bit(Fam::Impersonal) | bit(Fam::I) | bit(Fam::We)) != 0
            && !doc.has(j.saturating_sub(1), Fam::Prep)
    }) && !owned_in_next(input, c, h.end)
}

/// Whether "from me" (or "from us") follows the hit `h` within a few words
/// of its sentence: "nobody heard about it from me".
fn from_the_speaker(doc: &Doc<'_>, h: &Hit) -> bool {
    let Some(c) = doc.clause_of(h.start) else {
        return false;
    };
    let end = doc.sents[doc.clauses[c].sent as usize].end.min(h.end + 5);
    (h.end..end).any(|j| {
        matches!(doc.t.norm_of(j as usize), "me" | "us") && doc.t.norm_of(j as usize - 1) == "from"
    })
}

/// Whether the clause after `c`, in its sentence, owns a fault: "I never
/// told anyone | it was my change".
fn owned_in_next(input: &Ctx<'_, '_>, c: usize, from: u32) -> bool {
    let doc = input.doc;
    // "…it was my job that had slipped" owns it too; "…it wasn't my job"
    // disowns it, which is another matter.
    // Only a negation inside the content counts: the telling's own
    // ("never told") is what makes it silence.
    let mine = |k: usize, from: u32| {
        let cl = &doc.clauses[k];
        let from = from.max(cl.start);
        (from..cl.end).any(|j| {
            let owned =
                doc.has(j, Fam::OwnFault) || matches!(doc.t.norm_of(j as usize), "my" | "mine");
            owned && !(from..j).any(|i| doc.t.toks[i as usize].is(NEG) || doc.has(i, Fam::Negator))
        })
    };
    let next = doc
        .clauses
        .get(c + 1)
        .is_some_and(|n| n.sent == doc.clauses[c].sent && mine(c + 1, n.start));
    next || mine(c, from)
}

/// The speaker covering the mistake up after it was made: doing the fix
/// quietly ("reloaded the tables quietly", "on the quiet"), or hoping
/// nobody would notice ("hoping the change wouldn't stand out", "I hoped
/// to sort it before anyone noticed").
fn hid_it(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |j: u32| doc.word(j);
    // "I fixed it and reloaded the tables quietly": the subject carries over.
    let speaker = matches!(cl.agent, Agent::I | Agent::We)
        || cl.agent == Agent::None
            && c > 0
            && doc.clauses[c - 1].sent == cl.sent
            && matches!(doc.clauses[c - 1].agent, Agent::I | Agent::We);
    // The words of hiding ("quietly", "hoping") are the `covert` family:
    // a clause with none is passed at once.
    if !input.clause_has(c, Fam::Covert) || !speaker && cl.agent != Agent::None {
        return false;
    }
    // "I told the team quietly" tells them.
    let quietly = speaker
        && !input.clause_has(c, Fam::CommVerb)
        && (cl.start..cl.end).any(|j| {
            matches!(word(j), "quietly" | "discreetly" | "secretly")
                || word(j) == "quiet" && j > cl.start && word(j - 1) == "the"
        })
        && !input.negated(c, cl.end.saturating_sub(1));
    // A hope, by the speaker, that it goes unnoticed: "hoping" … "notice",
    // "stand out", "find out", "spot", within the sentence.
    let sent = &doc.sents[cl.sent as usize];
    let hoped = (cl.start..cl.end).find(|&j| matches!(word(j), "hoping" | "hoped" | "hope"));
    let unnoticed = hoped.is_some_and(|h| speaker || cl.agent == Agent::None && h == cl.start)
        && hoped.is_some_and(|h| {
            (h + 1..sent.end).any(|j| {
                matches!(
                    word(j),
                    "notice" | "noticed" | "noticing" | "spot" | "spotted" | "stand" | "find"
                ) && (j.saturating_sub(4)..j).any(|k| {
                    matches!(
                        word(k),
                        "nobody"
                            | "no"
                            | "anyone"
                            | "anybody"
                            | "wouldn't"
                            | "won't"
                            | "not"
                            | "never"
                            | "before"
                    )
                })
            })
        });
    (quietly || unnoticed) && !input.hypothetical(c, cl.start)
}

/// Whether tokens `from..end` name people to tell: an audience, someone
/// else, customers or a team.
fn audience_after(doc: &Doc<'_>, from: u32, end: u32) -> bool {
    (from..end).any(|j| {
        doc.starts[j as usize]
            & (bit(Fam::Audience) | bit(Fam::Other) | bit(Fam::Customer) | bit(Fam::OrgUnit))
            != 0
    })
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
            | "tell"
            | "inform"
            | "notify"
            | "email"
            | "phone"
            | "ring"
            | "call"
            | "warn"
            | "brief"
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
