//! What the speaker did about a mistake: dug to the root cause, built a
//! mechanism or merely resolved to try harder, and learned a lesson.
//! Telling the people affected is [`super::telling`]'s.
//!
//! A mechanism must be enacted (not negated, not planned, not a safeguard
//! set wrong); a willpower fix is one not being rejected ("instead of
//! telling people to be careful"); a root cause must say *what* it was.

use super::faults::Faults;
use super::in_place::{self, guards};
use super::{Ctx, Finding, Spans, add_span, takes};
use crate::score::doc::{Agent, Clause, Doc, bit};
use crate::score::lexicon::{Fam, Hit};
use crate::score::star::Part;

/// Past the first obvious cause: the chain of causes the speaker traced,
/// as a correction-of-error review asks ("the picker scanned the wrong
/// label. But why was that possible? Two bays had the same label, because
/// they were reprinted after the re-rack, and the form had no step for…").
///
/// Each sentence that links a cause counts once: a causal link ("because",
/// "due to", "that was possible because") or the speaker asking why, where
/// the sentence says what (something concrete, or someone's slip); digging
/// and finding something concrete, or a named root cause that says what it
/// was, each worth two links. Stopping at a
/// person's slip ("human error", "someone ran the wrong script") links
/// nothing, and a why asked by someone else ("customers asked why") is not
/// the speaker digging. Three links or more earn `root_cause` in full; two
/// earn [`ONE_LEVEL`] of it; one is the first obvious cause.
pub fn root_cause(input: &Ctx<'_, '_>, faults: &Faults) -> Finding {
    let doc = input.doc;
    if !input.any(&[Fam::RootCause, Fam::Investigate, Fam::Causal])
        && !(0..doc.sents.len()).any(|s| asks_how_or_why(input, s))
    {
        return Finding::default();
    }
    let shallow = |si: usize| {
        let s = &doc.sents[si];
        input.sent_has(si, Fam::ShallowCause)
            && doc
                .of_in(Fam::ShallowCause, s.start..s.end)
                .iter()
                .any(|h| {
                    doc.clause_of(h.start)
                        .is_some_and(|k| !input.negated(k, h.start))
                })
    };
    let mut links = 0usize;
    let mut spans = Spans::new();
    let mut last = None;
    // Set once the speaker sets out to find the cause ("I looked at how
    // this had happened"): the causes told next, before the speaker acts
    // again, are the chain they traced.
    let mut tracing = false;
    let mut dig: Option<usize> = None;
    // However many links, a chain that never gets past people's slips
    // ("he had been skipping streets. He simply had not done his round")
    // stops at the first obvious cause: full depth reaches a process or a
    // system that let the slip happen.
    let mut systemic = false;
    for (i, s) in doc.sents.iter().enumerate() {
        if shallow(i) {
            tracing = false;
            continue;
        }
        let mut weight = 0;
        // The answer to a question the speaker asked is that question's
        // level, counted once.
        let answers = last.is_some_and(|q| q + 1 == i && doc.is_question(q));
        if tracing {
            if speaker_acts(input, i) {
                tracing = false;
                dig = None;
            } else if answers {
                // Neither a level of its own nor the end of the trace.
            } else if tells_a_cause(input, faults, i) || finding(input, i) {
                weight = 1;
            }
        }
        weight = weight.max(link_weight(input, faults, i));
        // "So who did? The alarm phoned a postdoc who had left": a
        // question the speaker asks and answers is a level down, and its
        // answer is traced.
        let asks = digging_question(input, faults, i);
        if asks {
            weight = weight.max(1);
        }
        // The dig itself is a level down once it finds a cause: "I pulled
        // three months of sales. 40% was bar orders, because…".
        if weight > 0
            && tracing
            && let Some(p) = dig.take()
        {
            links += 1;
            systemic |= reaches_the_system(input, p);
            let d = &doc.sents[p];
            add_span(&mut spans, doc.span(d.start, d.end));
        }
        // A trace runs on unbroken: a sentence that tells no cause ends it.
        if tracing && weight == 0 && !answers {
            tracing = false;
            dig = None;
        }
        // "I measured the kitchen and ordered the units too deep" is the
        // job and its slip, not a dig.
        if asks {
            tracing = true;
        }
        if sets_out_to_trace(input, i) && !faults.names_fault_in(input, i) {
            tracing = true;
            if weight == 0 {
                dig = Some(i);
            }
        }
        if weight > 0 && last != Some(i) {
            links += weight;
            // A why asked is answered in the next sentence.
            let answer = (doc.is_question(i) && i + 1 < doc.sents.len()).then_some(i + 1);
            systemic |= reaches_the_system(input, i)
                || answer.is_some_and(|a| reaches_the_system(input, a));
            last = Some(i);
            add_span(&mut spans, doc.span(s.start, s.end));
        }
    }
    match links {
        0 | 1 => Finding::miss_with(spans),
        2 => Finding::from_spans(spans).partly(ONE_LEVEL),
        _ if !systemic => Finding::from_spans(spans).partly(ONE_LEVEL),
        _ => Finding::from_spans(spans),
    }
}

/// Whether sentence `s` tells a cause in the way work is set up rather
/// than in a person's slip: an absence ("the route system had no field for
/// access notes", "nobody owned checking the contract"), a process or
/// system named as what allowed it ("the form let anyone…", "the
/// changeover sheet took its values from an old list").
fn reaches_the_system(input: &Ctx<'_, '_>, s: usize) -> bool {
    let doc = input.doc;
    let sent = &doc.sents[s];
    let word = |j: u32| doc.word(j);
    // "…without anyone re-planning the other tasks" is an absence too.
    let absence = (sent.start..sent.end.saturating_sub(1)).any(|j| {
        doc.has(j, Fam::Negator)
            && match word(j) {
                // "…and this one had none."
                "nothing" | "none" => true,
                "no" => doc.tok(j + 1).is_wordlike(),
                _ => false,
            }
            || word(j) == "without" && matches!(word(j + 1), "anyone" | "anybody" | "any")
    });
    absence
        || input.clauses_of(s).any(|k| {
            let cl = &doc.clauses[k];
            match cl.agent {
                Agent::Nobody => true,
                Agent::None => {
                    input.clause_has(k, Fam::Mechanism) || input.clause_has(k, Fam::RootCause)
                }
                _ => false,
            }
        })
}

/// How many links of a cause chain sentence `i` tells on its own: 2 for
/// a root cause named or a dig that found it, 1 for a cause told, 0.
fn link_weight(input: &Ctx<'_, '_>, faults: &Faults, i: usize) -> usize {
    if names_root_cause(input, faults, i) {
        // "The root cause was me: I pasted the marks without checking"
        // names a slip, the first obvious cause, however it is called.
        return if root_named_is_a_slip(input, faults, i) {
            1
        } else {
            2
        };
    }
    let doc = input.doc;
    let s = &doc.sents[i];
    let mut weight = 0;
    if input.sent_has(i, Fam::Causal) {
        // A link says what caused what: something concrete or someone's
        // slip, not "because ownership is a mindset".
        // "But why was that possible?" is answered by the next sentence,
        // unless that is another question.
        let question = |k: usize| doc.is_question(k);
        let answered = question(i) && i + 1 < doc.sents.len() && !question(i + 1);
        let says_what = answered
            || faults.names_fault_in(input, i)
            || input.concrete_beyond(i, Fam::Causal)
            || explains(input, i);
        // A bare "why" is the speaker digging when they ask it ("Why?",
        // "I asked why"), not when "practices asked why they'd heard
        // nothing".
        let digging = |h: &&Hit, c: usize| {
            let bare_why = h.end == h.start + 1 && doc.t.norm_of(h.start as usize) == "why";
            !bare_why || question(i) || matches!(doc.clauses[c].agent, Agent::I | Agent::We)
        };
        let speaker_asks = doc
            .of_in(Fam::Causal, s.start..s.end)
            .iter()
            .filter_map(|h| input.live(h).map(|c| (h, c)))
            .any(|(h, c)| {
                // An answered question is judged by its answer. Anyone's
                // "because" links a cause the speaker tells ("they waited
                // because their measure counted full carts"); a why is
                // the speaker's only when they ask it.
                (doc.clauses[c].agent != Agent::Other
                    || !asks_why(doc, h) && !motive_of_message(input, c, h))
                    && !why_it_mattered(input, c, h)
                    && (answered || !input.buzz_only(c))
                    && digging(&h, c)
            });
        if speaker_asks && says_what {
            weight = 1;
        }
    }
    if weight == 0 && input.sent_has(i, Fam::Investigate) {
        let found = doc
            .of_in(Fam::Investigate, s.start..s.end)
            .first()
            .filter(|dig| {
                doc.clause_of(dig.start)
                    .is_none_or(|c| !with_someone(input, c, dig.end))
            })
            .is_some_and(|dig| {
                doc.of_in(Fam::Perception, dig.end..s.end).iter().any(|h| {
                    doc.clause_of(h.start)
                        .is_some_and(|k| !input.negated(k, h.start))
                })
            });
        // Digging and finding what it was goes a level down at once;
        // finding someone's slip ("I pulled the log and found the night
        // operator had keyed 980 ml") is the first obvious cause.
        if found && input.concrete_beyond(i, Fam::Investigate) {
            let someones_act = input.clauses_of(i).any(|k| {
                let cl = &doc.clauses[k];
                cl.agent == Agent::Other
                    && !doc.agent_is_a_thing(cl)
                    && !agent_is_an_organisation(doc, cl)
                    && (input.clause_has(k, Fam::BadAdj)
                        || (cl.start..doc.sents[i].end).any(|j| doc.word(j) == "instead"))
            });
            weight = if faults.names_fault_in(input, i) || someones_act {
                1
            } else {
                2
            };
        }
    }
    weight
}

/// Others that are organisations, not a person who could slip: what they
/// were found doing ("one supplier billing staplers at list price") is a
/// finding about how the work is set up.
const ORGANISATIONS: [&str; 14] = [
    "supplier",
    "suppliers",
    "vendor",
    "vendors",
    "contractor",
    "contractors",
    "carrier",
    "courier",
    "agency",
    "bank",
    "insurer",
    "council",
    "client",
    "lab",
];

/// Whether the subject of clause `cl` names an organisation ("one
/// supplier", "the agency"), within its first three words.
fn agent_is_an_organisation(doc: &Doc<'_>, cl: &Clause) -> bool {
    cl.agent_tok
        .is_some_and(|t| (t..(t + 3).min(cl.end)).any(|j| ORGANISATIONS.contains(&doc.word(j))))
}

/// Whether a causal hit asks why ("why", "but why") rather than telling
/// a cause ("because", "due to").
fn asks_why(doc: &Doc<'_>, h: &Hit) -> bool {
    (h.start..h.end).any(|j| doc.t.norm_of(j as usize) == "why")
}

/// Where the words a causal word in clause `c` explains begin: the causal
/// word may open a clause of its own, so look back into the clause it
/// hangs from.
fn hangs_from(doc: &Doc<'_>, c: usize) -> u32 {
    doc.clause_before(c).unwrap_or(&doc.clauses[c]).start
}

/// Whether the causal word `h` in clause `c` gives someone's reason for
/// getting in touch ("a customer emailed me because her exports failed"):
/// why they wrote, not a cause the speaker traced.
fn motive_of_message(input: &Ctx<'_, '_>, c: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let from = hangs_from(doc, c);
    doc.of_in(Fam::CommVerb, from..h.start)
        .iter()
        .any(|m| m.end <= h.start)
}

/// Whether the causal word `h` in clause `c` says why the failure mattered
/// or how it felt, not what caused it: "That hurts, because those cafés
/// put our name on their menus", "which stung because they were our biggest
/// customer", "it was embarrassing because it was my team's report".
fn why_it_mattered(input: &Ctx<'_, '_>, c: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let from = hangs_from(doc, c);
    // The feeling sits right before the causal word, in a short clause.
    h.start <= from + 8
        && (from..h.start).any(|j| {
            matches!(
                doc.word(j),
                "hurt"
                    | "hurts"
                    | "stung"
                    | "stings"
                    | "mattered"
                    | "matters"
                    | "embarrassing"
                    | "painful"
                    | "upsetting"
                    | "humiliating"
                    | "awkward"
            )
        })
}

/// Whether sentence `s` names a root cause the speaker found ("the real
/// cause was…", "I asked why"), with a slip or something concrete in it.
fn names_root_cause(input: &Ctx<'_, '_>, faults: &Faults, i: usize) -> bool {
    let doc = input.doc;
    let s = &doc.sents[i];
    if !input.sent_has(i, Fam::RootCause) {
        return false;
    }
    // "Asked why" digs when the speaker asks it; "practices asked why
    // they'd heard nothing" is a complaint.
    let someone_else_asks = |h: &Hit, c: usize| {
        matches!(doc.t.norm_of(h.start as usize), "asked" | "asking" | "kept")
            && !matches!(doc.clauses[c].agent, Agent::I | Agent::We)
    };
    doc.of_in(Fam::RootCause, s.start..s.end)
        .iter()
        .filter_map(|h| {
            input
                .live(h)
                .filter(|&c| !someone_else_asks(h, c))
                .map(|c| (h, c))
        })
        .any(|(h, c)| {
            // "I did a root cause analysis: I pulled the delay codes…"
            // goes on to the digging, not the cause.
            let digging_told =
                told_from(doc, i, h).is_some_and(|from| speakers_deeds_after(input, i, from));
            (faults.names_fault_in(input, i)
                || input.concrete_beyond(i, Fam::RootCause)
                || says_what_it_was(input, i, h))
                && !digging_told
                && !input.buzz_only(c)
        })
}

/// Whether sentence `s` goes on, after the root-cause words `h`, to say
/// what the cause was in plain words: "the underlying problem was that
/// our charge call carried no idempotency key", "I looked at why I could
/// do it alone: any team leader could edit the sort plan". "I ran a root
/// cause analysis with the team" names no cause.
fn says_what_it_was(input: &Ctx<'_, '_>, s: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let end = doc.sents[s].end;
    let told = told_from(doc, s, h);
    // "The root cause was analyst error" stops at a person's slip.
    let slip = |from: u32| {
        (from + 1..end)
            .filter(|&j| doc.tok(j).is_wordlike() && !doc.has(j, Fam::Determiner))
            .take(3)
            .any(|j| {
                matches!(
                    doc.word(j),
                    "error" | "slip" | "mistake" | "oversight" | "carelessness"
                )
            })
    };
    told.is_some_and(|from| !slip(from) && said_plainly(doc, from + 1..end))
}

/// Where sentence `s` starts to say what the root-cause words `h` named:
/// after a colon, or after "was" / "is" right behind them.
fn told_from(doc: &Doc<'_>, s: usize, h: &Hit) -> Option<u32> {
    let end = doc.sents[s].end;
    (h.end..end).find(|&j| doc.word(j) == ":").or_else(|| {
        (h.end..(h.end + 2).min(end))
            .find(|&j| matches!(doc.word(j), "was" | "is" | "were" | "lay" | "sat"))
    })
}

/// Whether what follows token `from` in sentence `s` is the speaker at
/// work: "I did a proper root cause analysis: I pulled the delay codes,
/// matched them against the fuel logs…" tells the digging, not the cause.
fn speakers_deeds_after(input: &Ctx<'_, '_>, s: usize, from: u32) -> bool {
    let doc = input.doc;
    input.clauses_of(s).any(|k| {
        let cl = &doc.clauses[k];
        cl.start > from && cl.action && matches!(cl.agent, Agent::I | Agent::We)
    })
}

/// Whether the root cause sentence `s` names is a person's lapse: "the
/// root cause came out quite clearly: the night weavers weren't setting
/// warp tension properly", "I found the root cause: the patches weren't
/// being compacted properly", "the root cause was me: I pasted the marks
/// without checking". However it is called, that is the first cause.
fn root_named_is_a_slip(input: &Ctx<'_, '_>, faults: &Faults, s: usize) -> bool {
    let doc = input.doc;
    let sent = &doc.sents[s];
    if faults.names_fault_in(input, s) && !input.concrete_beyond(s, Fam::RootCause) {
        return true;
    }
    doc.of_in(Fam::RootCause, sent.start..sent.end)
        .iter()
        .any(|h| {
            told_from(doc, s, h).is_some_and(|from| {
                let manner = (from..sent.end)
                    .any(|j| matches!(doc.word(j), "properly" | "correctly" | "carefully"));
                let person = input.clauses_of(s).any(|k| {
                    let cl = &doc.clauses[k];
                    cl.start > from
                        && cl.agent == Agent::Other
                        && !doc.agent_is_a_thing(cl)
                        && faults.names_fault(k)
                });
                // "The root cause was quickly identified: he had used a
                // wrench out of calibration": a person opens the cause
                // told. "Our tills let a cashier void a sale" opens on a
                // thing, and the person is only its object.
                let opens_on_a_person = input
                    .clauses_of(s)
                    .find(|&k| doc.clauses[k].end > from + 1)
                    .is_some_and(|k| {
                        let cl = &doc.clauses[k];
                        cl.agent == Agent::Other
                            && !doc.agent_is_a_thing(cl)
                            && cl.agent_tok.is_some_and(|t| t <= from + 3)
                            && !agent_is_an_organisation(doc, cl)
                    });
                // "The root cause was me: …"; the speaker's own setup
                // ("I had never put a schema on our flag files") is not.
                let me = matches!(doc.word(from + 1), "me" | "myself");
                manner || person || me || opens_on_a_person
            })
        })
}

/// Whether a causal word in sentence `s` is followed by a cause told as a
/// clause of its own, in plain words: "because field changes were marked
/// up on paper and posted to drafting" says what, where "because of
/// ownership" or "due to various issues" does not.
fn explains(input: &Ctx<'_, '_>, s: usize) -> bool {
    let doc = input.doc;
    let sent = &doc.sents[s];
    doc.of_in(Fam::Causal, sent.start..sent.end)
        .iter()
        .any(|h| {
            let Some(c) = input.live(h) else {
                return false;
            };
            said_plainly(doc, h.end..doc.clauses[c].end)
        })
}

/// Whether tokens `range` tell a cause in plain words: enough content
/// words, none of them vague or jargon.
fn said_plainly(doc: &Doc<'_>, range: std::ops::Range<u32>) -> bool {
    let words = range
        .clone()
        .filter(|&j| doc.tok(j).is_wordlike() && !doc.has(j, Fam::Determiner))
        .count();
    let vague = range
        .into_iter()
        .any(|j| doc.has(j, Fam::Vague) || doc.has(j, Fam::Buzz));
    words >= CAUSE_WORDS && !vague
}

/// Whether the speaker sets out in sentence `s` to find a cause: "I looked
/// at how this had happened", "I dug into why", "we traced it back".
fn sets_out_to_trace(input: &Ctx<'_, '_>, s: usize) -> bool {
    let doc = input.doc;
    let sent = &doc.sents[s];
    // "I always dig into why" claims a habit, not one dig.
    if input.sent_has(s, Fam::Habit) {
        return false;
    }
    asks_how_or_why(input, s)
        || [Fam::Investigate, Fam::RootCause].into_iter().any(|f| {
            input.sent_has(s, f)
                && doc.of_in(f, sent.start..sent.end).iter().any(|h| {
                    input.live(h).is_some_and(|c| {
                        matches!(doc.clauses[c].agent, Agent::I | Agent::We)
                            && !input.hypothetical(c, h.start)
                            && !input.buzz_only(c)
                            && !with_someone(input, c, h.end)
                            && !errand_for_others(input, c, h)
                            && !moves_things(doc, h)
                    })
                })
        })
}

/// Whether the speaker asks, in sentence `s`, how or why it happened, in
/// words of their own: "so I asked myself how he was supposed to know",
/// "I wondered why the alarm never reached anyone", "I asked them how the
/// old labels were still on the shelf".
fn asks_how_or_why(input: &Ctx<'_, '_>, s: usize) -> bool {
    let doc = input.doc;
    input.clauses_of(s).any(|k| {
        let cl = &doc.clauses[k];
        matches!(cl.agent, Agent::I | Agent::We)
            && (cl.start..cl.end).any(|j| {
                let asks = matches!(doc.initial(j), b'a' | b'w')
                    && matches!(doc.word(j), "asked" | "wondered")
                    && !input.hypothetical(k, j);
                asks && (j + 1..(j + 4).min(doc.sents[s].end)).any(|w| {
                    matches!(doc.word(w), "how" | "why")
                        && (j + 1..w).all(|o| {
                            matches!(
                                doc.word(o),
                                "myself" | "ourselves" | "him" | "her" | "them" | "again"
                            )
                        })
                })
            })
    })
}

/// Whether the dig `h` in clause `c` is what the speaker asked others to
/// do: "I reminded the whole shift to read every label" sets nobody
/// digging.
fn errand_for_others(input: &Ctx<'_, '_>, c: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    h.start > cl.after_agent
        && doc.word(h.start - 1) == "to"
        && (cl.after_agent..h.start - 1).any(|j| {
            doc.has(j, Fam::Other)
                || doc.has(j, Fam::Audience)
                || matches!(
                    doc.word(j),
                    "them" | "him" | "her" | "shift" | "staff" | "team"
                )
        })
}

/// Whether "pulled" in `h` moves things rather than data: "I pulled both
/// vans back", "we pulled the batch off the shelves".
fn moves_things(doc: &Doc<'_>, h: &Hit) -> bool {
    doc.word(h.start) == "pulled"
        && (h.end..h.end + 4)
            .any(|j| matches!(doc.word(j), "back" | "off" | "aside" | "out" | "over"))
}

/// Whether clause `c` goes on, after token `from`, with the person the
/// speaker went through something with: "went through the whole job with
/// the crew leader" walks someone through it, it digs into nothing.
pub(super) fn with_someone(input: &Ctx<'_, '_>, c: usize, from: u32) -> bool {
    let doc = input.doc;
    let end = doc.clauses[c].end;
    (from..end).any(|j| {
        doc.t.norm_of(j as usize) == "with"
            && (j + 1..(j + 4).min(end)).any(|k| {
                doc.has(k, Fam::Other)
                    || doc.has(k, Fam::We)
                    || matches!(
                        doc.t.norm_of(k as usize),
                        "him" | "her" | "them" | "me" | "everyone"
                    )
            })
    })
}

/// Whether sentence `s` is a question the speaker asks of the failure and
/// answers with a cause in the next sentence: "So who did? The alarm
/// system phoned a postdoc who had left", "How had her number stayed in?
/// The contact list lives in the vendor's portal…". "What did I learn?"
/// asks for a lesson, not a cause.
fn digging_question(input: &Ctx<'_, '_>, faults: &Faults, s: usize) -> bool {
    let doc = input.doc;
    if !doc.is_question(s) || s + 1 >= doc.sents.len() || doc.is_question(s + 1) {
        return false;
    }
    let sent = &doc.sents[s];
    let opener = (sent.start..sent.end)
        .map(|j| doc.word(j))
        .find(|w| !matches!(*w, "so" | "but" | "and" | "then" | "," | "\"" | "'"));
    let asks = matches!(
        opener,
        Some(
            "who"
                | "what"
                | "how"
                | "why"
                | "where"
                | "which"
                | "when"
                | "was"
                | "were"
                | "did"
                | "had"
        )
    );
    let lesson = input.sent_has(s, Fam::Learned)
        || (sent.start..sent.end)
            .any(|j| matches!(doc.word(j), "learn" | "lesson" | "differently"));
    asks && !lesson && (tells_a_cause(input, faults, s + 1) || finding(input, s + 1))
}

/// Whether the speaker does something in sentence `s`: the trace is over.
fn speaker_acts(input: &Ctx<'_, '_>, s: usize) -> bool {
    input.clauses_of(s).any(|k| {
        input.doc.clauses[k].action && matches!(input.doc.clauses[k].agent, Agent::I | Agent::We)
    })
}

/// Whether sentence `s` tells a cause in plain words: a slip named, a
/// missing safeguard ("there was no step where anyone checked"), or what
/// had been done before ("the template had been copied from another
/// client's"), with something concrete in it.
fn tells_a_cause(input: &Ctx<'_, '_>, faults: &Faults, s: usize) -> bool {
    let doc = input.doc;
    let sent = &doc.sents[s];
    let word = |j: u32| doc.word(j);
    let before_then = (sent.start..sent.end.saturating_sub(1)).any(|j| {
        matches!(word(j), "had" | "'d") && doc.tok(j + 1).is_wordlike() && word(j + 1) != "to"
    });
    // "Went out with no mismatches" tells an outcome, not a gap.
    let absent = (sent.start..sent.end.saturating_sub(1)).any(|j| {
        matches!(word(j), "no" | "nobody" | "nothing" | "none" | "never")
            && !(word(j) == "no" && j > sent.start && word(j - 1) == "with")
            || word(j) == "not" && matches!(word(j + 1), "one" | "a")
    });
    let slip = faults.names_fault_in(input, s);
    // "So they were fixed for good" tells what followed, not why.
    let consequence = opening_word(doc, s) == "so";
    (slip || before_then || absent) && !consequence && !input.sent_has(s, Fam::Buzz)
}

/// Whether sentence `s`, told while the speaker traces a failure, says
/// what they found: how things stood, in concrete words, before the
/// result ("most were
/// 'invalid modifier', all from cardiology, all after 12 April", "both
/// strengths printed from one template where strength was typed by hand").
/// What followed ("so the scraper chipped") or what stands since the fix
/// ("since then labels print from the menu system") is no finding.
fn finding(input: &Ctx<'_, '_>, s: usize) -> bool {
    let doc = input.doc;
    !matches!(opening_word(doc, s), "so" | "since" | "now" | "today")
        && input.labels[s] != Part::Result
        && !input.sent_has(s, Fam::AppliedSince)
        && !input.sent_has(s, Fam::ResultVerb)
        && (input.concrete_beyond(s, Fam::Investigate) || plain_words(doc, s) >= FINDING_WORDS)
        && input.clauses_of(s).all(|k| !input.buzz_only(k))
}

/// The first word of sentence `s`, connectives included ("so", "now"),
/// or "" when it has none.
fn opening_word<'d>(doc: &'d Doc<'_>, s: usize) -> &'d str {
    let sent = &doc.sents[s];
    (sent.start..sent.end)
        .find(|&j| doc.tok(j).is_wordlike())
        .map_or("", |j| doc.word(j))
}

/// How many content words a finding with no figure or name in it needs.
const FINDING_WORDS: usize = 8;

/// The content words of sentence `s` that are neither vague nor jargon.
fn plain_words(doc: &Doc<'_>, s: usize) -> usize {
    let sent = &doc.sents[s];
    (sent.start..sent.end)
        .filter(|&j| {
            doc.tok(j).is_wordlike()
                && !doc.has(j, Fam::Determiner)
                && !doc.has(j, Fam::Vague)
                && !doc.has(j, Fam::Buzz)
        })
        .count()
}

/// How many content words a cause told in plain words needs.
const CAUSE_WORDS: usize = 4;

/// The clause before `c` when `c` is the purpose of the speaker's deed in
/// it: "I configured the dispensing system | so that the final check …".
fn purpose_of_deed(input: &Ctx<'_, '_>, c: usize) -> Option<usize> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let prev = c.checked_sub(1)?;
    let p = &doc.clauses[prev];
    let purpose = doc.t.norm_of(cl.start as usize) == "so"
        && matches!(
            doc.t.norm_of(cl.start as usize + 1),
            "that" | "the" | "a" | "every" | "no" | "nobody"
        );
    (purpose
        && p.sent == cl.sent
        && matches!(p.agent, Agent::I | Agent::We)
        && input.clause_has(prev, Fam::Enact)
        && !input.negated(prev, p.after_agent)
        && !input.hypothetical(prev, p.end))
    .then_some(prev)
}

/// The clause before `c` when `c` names what the speaker's deed in it put
/// in place, after a colon or a "what" cleft: "What I put in after: a
/// wireless sensor in both fridges", "I added one thing: a second
/// signature".
fn object_of_deed(input: &Ctx<'_, '_>, c: usize) -> Option<usize> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let after_colon = cl.start > 0 && doc.t.norm_of(cl.start as usize - 1) == ":";
    // The deed may sit a short clause back ("What I put in | after: | a
    // sensor"), and a colon may end the sentence before it.
    (c.saturating_sub(2)..c).rev().find(|&prev| {
        let p = &doc.clauses[prev];
        let joined = p.sent == cl.sent || after_colon && p.sent + 1 == cl.sent;
        let cleft = doc.t.norm_of(p.start as usize) == "what";
        joined
            && (after_colon || cleft)
            && matches!(p.agent, Agent::I | Agent::We)
            && input.clause_has(prev, Fam::Enact)
            && !input.negated(prev, p.end.saturating_sub(1))
            && !input.hypothetical(prev, p.end)
            && !input.clause_has(prev, Fam::Planned)
    })
}

/// The clause before `c` when `c` is the guard the speaker's deed in it set
/// up, with no mechanism named: "I had the leave form locked | so it can't
/// be approved unless it's in the e-roster", "we changed the till | so no
/// refund goes through without a receipt".
fn guard_of_deed(input: &Ctx<'_, '_>, c: usize) -> Option<usize> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let prev = c.checked_sub(1)?;
    let p = &doc.clauses[prev];
    let so = doc.t.norm_of(cl.start as usize) == "so";
    let planned = input.sent_has(cl.sent as usize, Fam::Planned);
    (so && p.sent == cl.sent
        && guards(input, c)
        && matches!(p.agent, Agent::I | Agent::We)
        && input.clause_has_any(prev, bit(Fam::Enact) | bit(Fam::ActionVerb))
        && !planned
        && !input.negated(prev, p.after_agent)
        && !input.hypothetical(prev, p.end)
        && !input.hypothetical(c, cl.start))
    .then_some(prev)
}

/// Whether clause `c` tells a guard now standing, after the speaker has
/// acted: "now a bed transfer can't be closed until the board location is
/// confirmed", "a new dish can't go on the menu until the card is
/// initialled". A rule of the setting ("orders can't ship until paid",
/// told before anything was done) is not a fix.
fn standing_guard(input: &Ctx<'_, '_>, c: usize, after_deed: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let s = cl.sent as usize;
    if matches!(cl.agent, Agent::I | Agent::We | Agent::Nobody)
        || !(input.sent_has(s, Fam::Ongoing) || put_in_before_colon(input, c))
        || !guards(input, c)
    {
        return false;
    }
    c >= after_deed
        && !input.sent_has(s, Fam::Planned)
        && !input.hypothetical(c, cl.start.max(cl.end.saturating_sub(1)))
}

/// Whether clause `c` follows a colon after words that put something in
/// place: "it went into the app for the whole region: a second ticket
/// can't be closed without a socket reading", "I made it mandatory: …".
fn put_in_before_colon(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let start = doc.sents[cl.sent as usize].start;
    let Some(colon) = (start..cl.start.max(start + 1))
        .rev()
        .find(|&j| doc.word(j) == ":")
    else {
        return false;
    };
    (start..colon).any(|j| {
        doc.has(j, Fam::Enact)
            || doc.word(j) == "went" && matches!(doc.word(j + 1), "into" | "in" | "live")
    })
}

/// The share of `root_cause` a chain of two links earns.
const ONE_LEVEL: f64 = 0.6;

/// A durable change actually made: a mechanism noun (test, alarm,
/// checklist, guardrail) with an enacting verb or an ongoing effect, not
/// negated, not merely planned, and not a promise to be careful.
/// Whether clause `c` tells the speaker's deed in the past perfect: "I'd
/// written our collection procedure" was there before the failure; told
/// before the remedy starts, it is the setting, not the fix.
fn had_done(doc: &Doc<'_>, c: usize) -> bool {
    let cl = &doc.clauses[c];
    let Some(a) = cl.agent_tok else {
        return false;
    };
    // "I had written", "I'd written" (one token or two).
    let (aux, verb) = if doc.word(a).ends_with("'d") {
        (true, a + 1)
    } else {
        (matches!(doc.word(a + 1), "had" | "'d"), a + 2)
    };
    let w = doc.word(verb);
    let participle = doc.has(verb, Fam::PastVerb)
        || ["ed", "en", "wn", "ilt", "ade", "set", "put"]
            .iter()
            .any(|e| w.ends_with(e));
    matches!(cl.agent, Agent::I | Agent::We) && aux && participle
}

/// Whether the mechanism in clause `c` is the setting of the story, not
/// the fix: told before the first fault (`setting_until`), built by the
/// speaker before the failure ("I'd written our collection procedure"), or
/// inside the sentence that tells the slip, before the remedy starts at
/// `remedy_from` ("I updated the recipe sheet but not the label
/// template").
fn told_as_setting(
    input: &Ctx<'_, '_>,
    faults: &Faults,
    c: usize,
    setting_until: usize,
    remedy_from: u32,
) -> bool {
    let doc = input.doc;
    let start = doc.clauses[c].start;
    c < setting_until
        || (start <= remedy_from && had_done(doc, c))
        || input.mistake
            && start < remedy_from
            && faults.names_fault_in(input, doc.clauses[c].sent as usize)
}

pub fn mechanism(input: &Ctx<'_, '_>, faults: &Faults) -> Finding {
    let doc = input.doc;
    let mut spans = Spans::new();
    // In a mistake story, a tool or a process told before the first fault
    // is the setting ("I published a script update…"), not the fix.
    let setting_until = if input.mistake {
        faults.first_clause().unwrap_or(0)
    } else {
        0
    };
    let after_deed = after_first_deed(doc);
    let remedy_from = faults.remedy_start(input).unwrap_or(0);
    for h in doc.of(Fam::Mechanism) {
        let Some(c) = doc.clause_of(h.start) else {
            continue;
        };
        if told_as_setting(input, faults, c, setting_until, remedy_from) {
            continue;
        }
        if !takes(&spans, doc.clause_span(c)) {
            continue;
        }
        let cl = &doc.clauses[c];
        // Enacted in its clause, or in the next one by pointing back at it:
        // "I proposed a line on the handover sheet, the ward adopted it".
        let next_refers = doc
            .clauses
            .get(c + 1)
            .filter(|k| k.sent == cl.sent && input.clause_has(c + 1, Fam::Impersonal));
        let enacting = bit(Fam::Enact) | bit(Fam::Ongoing);
        // "I configured the system so that a pick cannot be checked without
        // a barcode scan": the guard is what the speaker's deed set up.
        let purpose_of = purpose_of_deed(input, c).or_else(|| object_of_deed(input, c));
        // Worked out only where nothing else shows it in place.
        let working = || at_work(input, c, h, after_deed);
        if cl.agent == Agent::Nobody
            || next_refers.is_none()
                && purpose_of.is_none()
                && !input.clause_has_any(c, enacting)
                && !working()
        {
            continue;
        }
        if not_a_fix(input, faults, c, h) {
            continue;
        }
        // "In the process", "check my work": the word, not the thing.
        let idiom = !doc.of(Fam::MechanismIdiom).is_empty()
            && doc
                .of_in(Fam::MechanismIdiom, cl.start.saturating_sub(3)..h.end)
                .iter()
                .any(|i| i.start <= h.start && h.start < i.end);
        if idiom {
            continue;
        }
        let next = next_refers.map(|_| c + 1);
        let reach = cl.start..next_refers.map_or(cl.end, |k| k.end);
        // The clause of a word in reach: this one or the next (a word
        // between them, punctuation, is in none).
        let clause_at = |j: u32| {
            if j < cl.end {
                Some(c)
            } else {
                next.filter(|&k| doc.clauses[k].start <= j)
            }
        };
        let in_reach = |f| input.clause_has(c, f) || next.is_some_and(|k| input.clause_has(k, f));
        let enacted = [Fam::Enact, Fam::Ongoing]
            .into_iter()
            .filter(|&f| in_reach(f))
            .flat_map(|f| doc.of_in(f, reach.clone()))
            .any(|e| {
                let inside = e.start >= h.start && e.start < h.end;
                let Some(k) = clause_at(e.start) else {
                    return false;
                };
                !inside && !input.negated(k, e.start) && !input.hypothetical(k, e.start)
            });
        if enacted || purpose_of.is_some() || working() {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    let mut caught = false;
    // A fix told by what it does comes after the speaker's first deed.
    let told_from = setting_until.max(after_deed);
    for c in setting_until..doc.clauses.len() {
        let guard = || guard_of_deed(input, c).is_some() || standing_guard(input, c, after_deed);
        let rule = || in_place::standing_rule(input, c, told_from);
        let catching = in_place::seen_catching(input, c, told_from);
        caught |= catching;
        if (catching || guard() || rule()) && takes(&spans, doc.clause_span(c)) {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    // Seen working ("it has blocked three bad changes since") earns the
    // mechanism in full; put in place but never seen at work, most of it.
    let first = spans.first().map_or(0, |s| s.0);
    let verified = caught
        || input
            .live_hits(Fam::Verified)
            .any(|(h, _)| doc.span(h.start, h.end).0 >= first);
    let found = Finding::from_spans(spans);
    if verified {
        found
    } else {
        found.partly(UNVERIFIED)
    }
}

/// Whether the mechanism word `h` in clause `c` is told as something other
/// than a fix put in place.
fn not_a_fix(input: &Ctx<'_, '_>, faults: &Faults, c: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    // Skipping the dry run is the opposite of putting one in place.
    let skipped = || {
        input.clause_has(c, Fam::FaultVerb)
            && doc
                .of_in(Fam::FaultVerb, cl.start..cl.end)
                .iter()
                .any(|f| f.start < h.start && !input.negated(c, f.start))
    };
    // "I switched the line to a new screen setting without pulling a
    // sample": a step left out is the fault, not the fix.
    let omitted = || {
        (cl.start..cl.end).any(|j| doc.word(j) == "without" && doc.word(j + 1).ends_with("ing"))
            && !guards(input, c)
    };
    // A safeguard set wrong is the cause ("an engineer had set the wrong
    // timeout"), not the fix.
    // "I put in a change request for a check", "the plan is to fit
    // gates once the budget is approved": proposed, not in place.
    // "I now read the label of every substitute myself": the label is
    // what the speaker checks by habit, not a guard.
    // "Our weekly audit went from 96.5% to 99.8%": the audit measures the
    // result; it is not the fix.
    let measures = || input.clause_has(c, Fam::ResultVerb) && doc.has_measure(h.end..cl.end);
    // "Made my colleagues feel they had to match my standard": a personal
    // bar, not a standard put in place.
    let personal = || {
        h.start > 0
            && matches!(doc.word(h.start - 1), "my" | "his" | "her" | "their")
            && doc.word(h.start).starts_with("standard")
    };
    // "A formal retraining on the labelling step": the step is what the
    // training was about; people were told again, nothing was built.
    let taught = || {
        (h.start.saturating_sub(4).max(cl.start)..h.start).any(|j| {
            matches!(
                doc.word(j),
                "training" | "retraining" | "refresher" | "briefing" | "reminder" | "talk"
            ) && matches!(doc.word(j + 1), "on" | "about")
        })
    };
    planned_by(input, c)
        || input.clause_has(c, Fam::Willpower)
        || measures()
        || personal()
        || taught()
        || own_vigilance(input, c)
        || faults.names_fault(c)
        || input.hypothetical(c, h.start)
        || input.negated(c, h.start) && !guards(input, c)
        || skipped()
        || omitted()
}

/// Whether clause `c`, or its sentence before it, says the thing is only
/// planned: "I put in a change request for a check", "the plan is to fit
/// gates once the budget is approved".
fn planned_by(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    input.sent_has(cl.sent as usize, Fam::Planned)
        && doc
            .of_in(Fam::Planned, doc.sents[cl.sent as usize].start..cl.end)
            .iter()
            .any(|p| input.live(p).is_some())
}

/// Whether the mechanism `h` is the subject of clause `c` doing its work
/// now, after the speaker has acted: "the parlour gate diverts that
/// cow's milk until the withdrawal date passes", "the form asks for the
/// supplier's test sheet". A gate told at work is a gate in place.
fn at_work(input: &Ctx<'_, '_>, c: usize, h: &Hit, after_deed: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |j: u32| doc.word(j);
    let subject = cl.agent == Agent::None
        && (cl.start..h.start).all(|j| doc.has(j, Fam::Determiner) || doc.tok(j).is_wordlike());
    let near_start = h.start <= cl.start + 3;
    // "Whenever a policy changes" sets a condition; nothing is at work.
    let condition = doc.has(cl.start, Fam::Subord)
        || matches!(
            word(cl.start),
            "whenever" | "when" | "if" | "once" | "unless"
        );
    // "The gate now diverts…": an adverb may stand before the verb.
    let verb_at = if matches!(word(h.end), "now" | "automatically" | "also" | "still") {
        h.end + 1
    } else {
        h.end
    };
    let verb = word(verb_at);
    // "Trading standards rules aside": a run of nouns, no verb.
    let noun = |j: u32| {
        (j as usize) < doc.t.toks.len()
            && (doc.has(j, Fam::Mechanism) || doc.has(j, Fam::ProcessStep))
    };
    let present = !noun(verb_at)
        && in_place::s_form(verb)
        && !matches!(
            verb,
            "this" | "does" | "goes" | "has" | "was" | "is" | "its" | "as"
        );
    subject
        && near_start
        && !condition
        && present
        && c >= after_deed
        && !input.hypothetical(c, h.end)
}

/// The first clause after the speaker's first deed (`usize::MAX` when
/// they do nothing): what is told from there on can be the fix, what
/// comes before is the setting.
fn after_first_deed(doc: &Doc<'_>) -> usize {
    doc.clauses
        .iter()
        .position(|k| k.action && matches!(k.agent, Agent::I | Agent::We))
        .map_or(usize::MAX, |d| d + 1)
}

/// The share of `mechanism_fix` a mechanism earns before the answer shows
/// it at work.
const UNVERIFIED: f64 = 0.8;

/// A remedy that relies on trying harder, unless it is being rejected
/// ("instead of telling people to be careful").
pub fn willpower(input: &Ctx<'_, '_>, faults: &Faults) -> Finding {
    let doc = input.doc;
    let mut spans = Spans::new();
    // Once a mistake is told (or past the opening sentence, when no slip
    // was named), the speaker's own vigilance as the remedy.
    if input.mistake {
        let after_opening = doc.clauses.partition_point(|k| k.sent == 0);
        let first = faults.first_clause().unwrap_or(after_opening);
        for c in first..doc.clauses.len() {
            if own_vigilance(input, c) {
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    }
    if !input.any(&[Fam::Willpower, Fam::Resolve]) {
        return Finding::from_spans(spans);
    }
    for (h, _) in input.live_hits(Fam::Willpower) {
        if !promise_turned_down(input, h.start) {
            add_span(&mut spans, doc.span(h.start, h.end));
        }
    }
    // "Next time I'll …" with no mechanism in sight: a resolution, which
    // is willpower by another name.
    // A mechanism put in beside it ("next time the form will stop me") is
    // no mere resolution; a mechanism only looked at ("promised to look at
    // the board every morning") does not save it.
    for (_, c) in input.live_hits(Fam::Resolve) {
        let s = doc.clauses[c].sent as usize;
        if !(input.sent_has(s, Fam::Mechanism) && input.sent_has(s, Fam::Enact)) {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}

/// Whether clause `c` makes the speaker's own checking the remedy, as a
/// habit: "I go through each row against the worklist twice", "every
/// Monday I walk the whole scaffold and read every tag myself", "I've been
/// going up to check the pump house myself", "since then I look at every
/// fluid chart myself", "I label every bottle the moment I open it". A habit of one's own is
/// willpower by another name: it holds only while the speaker remembers.
fn own_vigilance(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    // The words of a habit ("myself", "twice", "every") are the
    // `own_habit` family: a clause with none is passed at once.
    if cl.agent != Agent::I || !input.clause_has(c, Fam::OwnHabit) {
        return false;
    }
    let word = |j: u32| doc.word(j);
    let checking = (cl.start..cl.end).find(|&j| {
        (matches!(
            word(j),
            "check" | "checks" | "read" | "reads" | "walk" | "walks" | "review" | "reviews"
                | "verify" | "inspect" | "inspects" | "recheck" | "recount"
                | "label" | "count"
        ) || matches!(word(j), "look" | "looks") && matches!(word(j + 1), "at" | "over" | "through"))
            && !matches!(word(j + 1), "them" | "him" | "her" | "us" | "you" | "everyone")
            // "I wrote tests that check every currency": the tests check.
            && !(j > cl.start && matches!(word(j - 1), "that" | "which"))
            || matches!(word(j), "go" | "goes" | "gone" | "went" | "going")
                && matches!(word(j + 1), "through" | "over" | "into")
    });
    let Some(at) = checking else {
        return false;
    };
    // The checking is the speaker's own verb, straight after "I" but for
    // adverbs and auxiliaries ("I now read", "I've personally gone over"):
    // in "I had our depot system check every postcode" the system checks,
    // and in "I started a weekly check each driver logs" it is a noun.
    // Telling the team to check is the same habit handed on: "now I tell
    // the team to always read spec sheets".
    let from = (cl.start..at)
        .rev()
        .find(|&j| doc.has(j, Fam::I))
        .map_or(cl.after_agent, |j| j + 1);
    // Someone or something else between "I" and the checking verb: a
    // noun phrase ("our depot system", "a weekly check") or a causative.
    let between = |j: u32| {
        matches!(
            word(j),
            "a" | "an"
                | "the"
                | "our"
                | "my"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "that"
                | "these"
                | "those"
                | "every"
                | "each"
                | "had"
                | "got"
                | "made"
                | "let"
                | "started"
                | "set"
                | "tell"
                | "told"
                | "ask"
                | "asked"
                | "remind"
                | "reminded"
                | "them"
                | "him"
        )
    };
    let told = || {
        let verb = (from..at).find(|&j| between(j));
        verb.is_some_and(|v| {
            matches!(
                word(v),
                "tell" | "told" | "ask" | "asked" | "remind" | "reminded"
            ) && (v + 1..at).rev().take(2).any(|j| word(j) == "to")
        })
    };
    let own_verb = !(from..at).any(between) || told();
    own_verb && !input.negated(c, at) && !input.hypothetical(c, at)
}

/// Whether the willpower at token `at` is what a promise turned down
/// said: "rather than simply promising the team I'd remember next time,
/// I …", "instead of telling everyone to be careful, …". The promise may
/// run into a clause of its own, out of the negation's reach.
fn promise_turned_down(input: &Ctx<'_, '_>, at: u32) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(at) else {
        return false;
    };
    let sent = &doc.sents[doc.clauses[c].sent as usize];
    let word = |j: u32| doc.word(j);
    (sent.start.max(at.saturating_sub(12))..at).any(|j| {
        let turned = matches!(
            (word(j), word(j + 1)),
            ("instead", "of") | ("rather", "than")
        );
        turned
            && (j + 2..(j + 5).min(at)).any(|k| {
                matches!(
                    word(k),
                    "promising"
                        | "telling"
                        | "asking"
                        | "saying"
                        | "reminding"
                        | "hoping"
                        | "urging"
                        | "vowing"
                        | "swearing"
                )
            })
    })
}

/// What they learned, or how they apply it since.
pub fn lesson(input: &Ctx<'_, '_>) -> Finding {
    if !input.any(&[Fam::Learned, Fam::AppliedSince]) {
        return Finding::default();
    }
    let doc = input.doc;
    let mut spans = Spans::new();
    for (h, c) in input
        .live_hits(Fam::Learned)
        .chain(input.live_hits(Fam::AppliedSince))
    {
        if !takes(&spans, doc.clause_span(c)) {
            continue;
        }
        // "The lesson was for leadership to be quicker" is a lesson for
        // someone else.
        let cl = &doc.clauses[c];
        let for_others = (h.end..cl.end).any(|j| doc.has(j, Fam::Other));
        // "I now try to double-check every figure" is a promise, and "I've
        // since put in a request" a plan: neither is a lesson put to use.
        if !for_others && !input.clause_has(c, Fam::Willpower) && !input.clause_has(c, Fam::Planned)
        {
            add_span(&mut spans, doc.clause_span(c));
        }
    }
    Finding::from_spans(spans)
}
