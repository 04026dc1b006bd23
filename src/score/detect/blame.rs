//! Faults laid on others and protection of the one who slipped: blame
//! without a person (agentless deflection), shaming, faults the speaker
//! only received, "human error" pinned on someone, a denied mistake, and
//! `blameless_support`. [`super::faults`] decides order and ownership.

use super::faults::{Fault, Owner};
use super::{Ctx, Finding, Spans, add_span};
use std::ops::Range;

use crate::score::doc::{Agent, Doc, Join, bit};
use crate::score::lexicon::{Fam, Hit};
use crate::score::text::{CAP, NEG, WORD, month_or_weekday};

/// Blame laid without a person: a cause told in the passive or with no
/// agent ("the mapping got changed", "the approval step was skipped", "the
/// notice went to a mailbox no one checks", "mistakes were made"), or a
/// speaker who says it was not on them ("it wasn't our fault").
///
/// The speaker's own clauses are skipped ("I ended up…"); a fault the
/// speaker only received is [`received_fault`]'s.
pub(super) fn deflection_in(input: &Ctx<'_, '_>, c: usize) -> Option<Fault> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let live = |f| {
        input.clause_has(c, f)
            && doc
                .of_in(f, cl.start..cl.end)
                .iter()
                .any(|h| !input.negated(c, h.start) || f == Fam::Deflection)
    };
    if live(Fam::Disown) {
        return Some(Fault {
            owner: Owner::Theirs,
            clause: c,
            impersonal: false,
        });
    }
    if !live(Fam::Deflection)
        && !undone_passive(input, c)
        && !bad_thing(input, c)
        && !nobody_did(input, c)
    {
        return None;
    }
    if harm_kept_off_or_suffered(input, c)
        || received_nothing(input, c)
        || speakers_own_without(input, c)
        || own_loss(input, c)
    {
        return None;
    }
    // "I loaded it from my desktop copy, because the shared one was slow
    // that morning": why the speaker did what they did, in the state of a
    // thing, is their own account, not blame pushed away.
    let own_reason = cl.join == Join::Sub
        && doc.has(cl.start, Fam::Causal)
        && cl.agent == Agent::None
        && doc
            .clause_before(c)
            .is_some_and(|p| matches!(p.agent, Agent::I | Agent::We));
    if own_reason {
        return None;
    }
    // "Why had nobody changed it? It had never been reviewed": the answer
    // to a why the speaker asked is a cause traced, not one pushed away.
    let s = cl.sent as usize;
    if doc.answers_question(s) {
        return None;
    }
    // "I walked the aisle and found the labels were swapped": a finding
    // of the investigation, not a cause pushed away.
    let sent = &doc.sents[s];
    let found = doc
        .of_in(Fam::Perception, sent.start..cl.start)
        .iter()
        .any(|h| h.end <= cl.start);
    let speaker = matches!(cl.agent, Agent::I | Agent::We);
    (!speaker && !found).then_some(Fault {
        owner: Owner::Theirs,
        clause: c,
        impersonal: true,
    })
}

/// Whether the passive of clause `c` tells a harm that did not happen
/// ("so no wrong blood was given", "no data was lost") or one people
/// suffered ("several residents were left waiting", "forty passengers
/// were left stranded"): an outcome, not a cause pushed away from the
/// speaker. "No backup was taken" and "the door was left open" still
/// tell a duty nobody did.
fn harm_kept_off_or_suffered(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    doc.of_in(Fam::Deflection, cl.start..cl.end)
        .iter()
        .any(|h| {
            let verb = doc.word(h.end - 1);
            let subject = cl.start..h.start;
            let suffered = matches!(verb, "left" | "kept" | "stranded")
                && subject.clone().any(|j| doc.has(j, Fam::Customer));
            harm_kept_off(doc, subject, verb) || suffered
        })
}

/// Whether clause `c` is a "without …" that hangs from the speaker's own
/// deed: "I used a bottle I had opened before, from the shared fridge,
/// without checking the date" leaves the check undone by the speaker.
fn speakers_own_without(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let opens_without = doc.first_word(cl.start, cl.end).is_some_and(|j| {
        doc.word(j) == "without" || doc.word(j) == "and" && doc.word(j + 1) == "without"
    });
    opens_without
        && doc.clauses[..c]
            .iter()
            .rev()
            .take_while(|k| k.sent == cl.sent)
            .find(|k| k.agent_tok.is_some())
            .is_some_and(|k| matches!(k.agent, Agent::I | Agent::We))
}

/// Whether the passive of clause `c` tells the speaker's own loss: "all my
/// cultures were lost", "our whole batch was ruined".
fn own_loss(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    doc.of_in(Fam::Deflection, cl.start..cl.end)
        .iter()
        .any(|h| {
            matches!(
                doc.word(h.end - 1),
                "lost" | "ruined" | "wasted" | "destroyed" | "spoiled"
            ) && (cl.start..h.start).any(|j| matches!(doc.word(j), "my" | "our"))
        })
}

/// Whether the only deflection in clause `c` is someone who never got a
/// thing ("the on-call tech never got a call at all", "she never got the
/// letter"): a receipt that did not happen, told of the one left out, not
/// a duty pushed away. "The form never got sent" still deflects.
fn received_nothing(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let hits = doc.of_in(Fam::Deflection, cl.start..cl.end);
    !hits.is_empty()
        && !undone_passive(input, c)
        && !bad_thing(input, c)
        && !nobody_did(input, c)
        && hits.iter().all(|h| {
            doc.word(h.end - 1) == "got"
                && matches!(
                    doc.word(h.end),
                    "a" | "an" | "any" | "the" | "his" | "her" | "their"
                )
        })
}

/// Whether what a clause says was not done, its subject in `subject` and
/// its verb `verb`, is itself a harm: "so no wrong blood was given", "no
/// data was lost". "No warning was given" is a duty left undone.
pub(super) fn harm_kept_off(doc: &Doc<'_>, subject: Range<u32>, verb: &str) -> bool {
    subject
        .clone()
        .any(|j| matches!(doc.word(j), "no" | "nothing" | "none"))
        && (subject.clone().any(|j| doc.has(j, Fam::BadAdj))
            || matches!(verb, "lost" | "deleted" | "damaged" | "harmed" | "hurt"))
}

/// A warning nobody gave, with nobody named: "nobody had ever warned staff
/// about that", "no one had told the night shift". The speaker was left
/// uninformed; whose silence it was is left unsaid. "Nobody owned it"
/// sets up a story of ownership, and "nobody saw it expire", told as the
/// answer to "why was that possible?", is a cause traced, not pushed away.
fn nobody_did(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let Some(a) = cl.agent_tok.filter(|_| cl.agent == Agent::Nobody) else {
        return false;
    };
    let s = cl.sent as usize;
    let answers_why = doc.answers_question(s);
    let warned = |j: u32| {
        let w = doc.t.norm_of(j as usize);
        [
            "warn", "told", "tell", "inform", "flag", "mention", "alert", "notif",
        ]
        .iter()
        .any(|v| w.starts_with(v))
    };
    !answers_why
        && (a + 1..(a + 5).min(cl.end))
            .any(|j| warned(j) && !input.hypothetical(c, j) && !doc.after_passive_aux(j))
}

/// The speaker pinning it on someone: "I put Kemal on a performance plan
/// and played his calls as an example of what not to do", "I told them it
/// was the intern who had jumped the embargo". "I didn't blame him" is the
/// opposite, and is left to [`blameless`].
pub(super) fn shaming(input: &Ctx<'_, '_>, c: usize) -> Option<Fault> {
    let shamed = Some(Fault {
        owner: Owner::Theirs,
        clause: c,
        impersonal: false,
    });
    if names_the_culprit(input, c) || exposed_in_front_of_others(input, c) {
        return shamed;
    }
    let doc = input.doc;
    let cl = &doc.clauses[c];
    if (cl.agent == Agent::I || cl.agent == Agent::We) && wrote_someone_up(input, c) {
        return shamed;
    }
    if !input.clause_has(c, Fam::BlameVerb) {
        return None;
    }
    if !matches!(cl.agent, Agent::I | Agent::We | Agent::None) {
        return None;
    }
    // With no subject found, the blaming is the speaker's only when nothing
    // stands before the verb ("…, and blamed the intern"): "the store
    // blamed theft" reports what someone else said.
    let opens_clause = |h: &Hit| {
        doc.first_word(cl.start, cl.end)
            .is_none_or(|w| w >= h.start)
    };
    doc.of_in(Fam::BlameVerb, cl.start..cl.end)
        .iter()
        .any(|h| {
            // "I didn't go looking for someone to blame": a negation
            // anywhere before the verb in its clause turns it round.
            let refused =
                (cl.start..h.start).any(|j| doc.tok(j).is(NEG) || doc.has(j, Fam::Negator));
            (cl.agent != Agent::None || opens_clause(h))
                && !refused
                && !aimed_at_a_thing(input, c, h)
                && !input.negated(c, h.start)
                && !input.hypothetical(c, h.start)
        })
        .then_some(shamed?)
}

/// Whether the speaker in clause `c` writes people up with the particle
/// after them: "I wrote all three up", "wrote the two of them up".
fn wrote_someone_up(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    (cl.start..cl.end).any(|j| {
        doc.initial(j) == b'w'
            && matches!(doc.word(j), "wrote" | "write" | "writing" | "written")
            && (j + 1..(j + 6).min(cl.end))
                .find(|&u| doc.word(u) == "up")
                .is_some_and(|up| {
                    // Only people between the verb and "up": "wrote it up
                    // on one page" writes a report.
                    let people = |o: u32| {
                        matches!(
                            doc.word(o),
                            "him" | "her" | "them" | "all" | "both" | "the" | "of"
                        ) || doc.has(o, Fam::WordNumber)
                    };
                    up > j + 1
                        && (j + 1..up).all(people)
                        && (j + 1..up)
                            .any(|o| matches!(doc.word(o), "him" | "her" | "them" | "all" | "both"))
                })
            && !input.negated(c, j)
            && !input.hypothetical(c, j)
    })
}

/// Whether the speaker in clause `c` exposes someone's slip to a room:
/// "I had him stand up in front of the others and explain what he'd done",
/// "went through her mistake in front of the whole shift". "Not in front
/// of the team" protects, and praise in front of others shames nobody.
fn exposed_in_front_of_others(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let s = &doc.sents[cl.sent as usize];
    let word = |j: u32| doc.word(j);
    let in_front = (cl.start..cl.end).find(|&j| {
        doc.initial(j) == b'f'
            && word(j) == "front"
            && word(j + 1) == "of"
            && j > cl.start
            && word(j - 1) == "in"
            && !(j >= cl.start + 2 && matches!(word(j - 2), "not" | "never"))
    });
    let Some(at) = in_front else {
        return false;
    };
    // The slip itself is what is shown: "what he'd done", "his mistake".
    let the_slip = (s.start..s.end).any(|j| {
        let owner = matches!(word(j), "he" | "she" | "they" | "his" | "her" | "their");
        owner
            && (matches!(word(j + 1), "mistake" | "error" | "slip" | "blunder")
                || word(j.saturating_sub(1)) == "what"
                    && (j + 1..j + 3).any(|k| matches!(word(k), "done" | "did")))
    });
    the_slip
        && (s.start..cl.end).any(|j| doc.has(j, Fam::I))
        && !input.negated(c, at)
        && !input.hypothetical(c, at)
}

/// Whether a blame verb told with a particle ("wrote up", "called out")
/// takes a thing for its object, not a person: "I wrote up a change
/// request", "she called out the risk in the meeting" blame nobody; "I
/// wrote up the driver", "called out Sam" do.
fn aimed_at_a_thing(input: &Ctx<'_, '_>, c: usize, h: &Hit) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    if !matches!(doc.word(h.end - 1), "up" | "out") || h.end >= cl.end {
        return false;
    }
    let object = h.end..(h.end + 3).min(cl.end);
    let person = object.clone().any(|j| {
        doc.has(j, Fam::Other)
            || doc.has(j, Fam::Customer)
            || doc.tok(j).is(CAP)
            || matches!(
                doc.word(j),
                "him" | "her" | "them" | "me" | "us" | "everyone"
            )
    });
    !person
}

/// The speaker making known whose slip it was: "I made it clear to the
/// cellar team exactly who'd done it", "I emailed the owners so they knew
/// the loss was Jake's", "I made sure the director knew which analyst had
/// missed it". Clause `c` names the culprit; a telling by the speaker
/// comes before it in the sentence. "I never told anyone who had done it"
/// protects them.
fn names_the_culprit(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    // No telling word in the sentence (`communicate`, or the `make_known`
    // words of "made it clear", "pointed out"): nothing was made known.
    let s = cl.sent as usize;
    let word = |j: u32| doc.t.norm_of(j as usize);
    // The `make_known` words include "gave", "passed", "handed": "I gave
    // her his name".
    let handed =
        |j: u32| doc.has(j, Fam::MakeKnown) && matches!(doc.word(j), "gave" | "passed" | "handed");
    // "I went through what she had done at the huddle", "presented it":
    // telling a room (`make_known` words too).
    let presented = |j: u32| {
        doc.has(j, Fam::MakeKnown) && matches!(doc.word(j), "presented" | "went" | "emailed")
    };
    // "I held it up in front of the whole brigade so they could all see
    // what Dan had sent out": shown to a room.
    let shown = |j: u32| {
        matches!(word(j), "showed" | "held")
            && (j + 1..(j + 9).min(doc.sents[s].end))
                .any(|i| word(i) == "front" && word(i + 1) == "of" || word(i) == "everyone")
    };
    if !input.sent_has(s, Fam::CommVerb) && !input.sent_has(s, Fam::MakeKnown) {
        return false;
    }
    let Some(marker) = culprit_in(input, c) else {
        return false;
    };
    let first = doc.clauses.partition_point(|k| k.sent < cl.sent);
    (first..=c).any(|k| {
        let kc = &doc.clauses[k];
        let speaker = matches!(kc.agent, Agent::I | Agent::We)
            || (first..k).any(|p| matches!(doc.clauses[p].agent, Agent::I | Agent::We));
        let end = if k == c { marker } else { kc.end };
        let telling = (kc.start..end).find(|&j| {
            let told = doc.has(j, Fam::CommVerb);
            // "made it clear", "made sure … knew", "pointed out", "named".
            let made_known = doc.has(j, Fam::MakeKnown)
                && matches!(word(j), "clear" | "sure" | "known")
                && (j.saturating_sub(3)..j).any(|i| matches!(word(i), "made" | "make" | "making"));
            let said = matches!(word(j), "pointed" | "mentioned" | "named" | "announced")
                || handed(j)
                || presented(j)
                || shown(j);
            told || made_known || said
        });
        speaker && telling.is_some_and(|j| !input.negated(k, j) && !input.hypothetical(k, j))
    })
}

/// Where clause `c` names someone as the one at fault, as the content of a
/// telling: "who'd done it", "which analyst had missed it", "whose slip it
/// was", or a possessive owner of the loss ("the loss was Jake's").
fn culprit_in(input: &Ctx<'_, '_>, c: usize) -> Option<u32> {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |j: u32| doc.word_in(cl, j);
    let src = doc.t.src().as_bytes();
    (cl.start..cl.end).find(|&j| {
        // Most tokens are none of the words looked for ("who…", "which",
        // "'s", "hers", "theirs"): a look at the first letter rules them out.
        let first = src[doc.tok(j).start as usize].to_ascii_lowercase();
        if !matches!(first, b'w' | b'\'' | b'h' | b't' | b'n' | 0x80..) && !doc.tok(j).is(CAP) {
            return false;
        }
        let w = word(j);
        // "what Sara did", "his name", or a name after "it was".
        let may_name = matches!(w, "what" | "name" | "names")
            || doc.tok(j).is(CAP) && j >= cl.start + 2 && matches!(word(j - 1), "was" | "'s");
        if may_name && named_as_culprit(input, c, j) {
            return true;
        }
        if !(w.starts_with("who") || matches!(w, "which" | "'s" | "hers" | "theirs")) {
            return false;
        }
        let did_wrong = |bad_too: bool| {
            (j + 1..(j + 7).min(cl.end)).any(|i| {
                doc.has(i, Fam::FaultVerb)
                    || doc.has(i, Fam::OtherFault)
                    || bad_too && doc.has(i, Fam::BadAdj)
                    || (matches!(word(i), "done" | "did") && word(i + 1) == "it")
                    // "which member of my team had sent it": a person, by
                    // what they did.
                    || (matches!(word(i), "had" | "'d") && word(i + 2) == "it")
            })
        };
        // "(I told the head chef) exactly who it was", "which ones they
        // were": the culprits named.
        let k = if matches!(word(j + 1), "ones" | "one") {
            j + 2
        } else {
            j + 1
        };
        let it_was = w == "who" && word(k) == "it" && matches!(word(k + 1), "was" | "had")
            || word(k) == "they" && word(k + 1) == "were"
            || matches!(word(k), "he" | "she") && word(k + 1) == "was";
        if (w == "who" || w == "which") && it_was && k + 2 >= cl.end {
            return !input.negated(c, j);
        }
        // "which analyst had missed it", "which sorter had mixed up the
        // cages" name a person by what they did; "which charts were wrong"
        // names things.
        let by_person = j + 1 < cl.end && doc.has(j + 1, Fam::Other);
        let (asks_who, fault_after) = if w.starts_with("who") {
            (!describes_people(input, j), did_wrong(true))
        } else {
            (w == "which", did_wrong(by_person))
        };
        // "was Jake's", "was hers": a name or pronoun owning the loss,
        // with nothing owned after it ("was Jake's van" describes).
        let before = |k: u32| {
            if j >= cl.start + k { word(j - k) } else { "" }
        };
        let named = w == "'s" && doc.t.toks[j as usize - 1].is(CAP);
        let owner = matches!(w, "hers" | "theirs") || named;
        let was = if named { before(2) } else { before(1) };
        let possessive = owner
            && matches!(was, "was" | "were")
            && !doc.t.toks.get(j as usize + 1).is_some_and(|t| {
                t.is(WORD)
                    && j + 1 < cl.end
                    && !matches!(word(j + 1), "and" | "not" | "or" | "alone")
            });
        (asks_who && fault_after && !input.negated(c, j)) || possessive
    })
}

/// Whether the "who" at `j` opens a relative clause that describes the
/// people served or a group ("I rang forty people who'd missed
/// appointments", "patients who had skipped a dose", "anyone who forgot
/// their pass"), not the content of a telling ("I told the team who had
/// missed it"): the people it follows are not being named as culprits.
fn describes_people(input: &Ctx<'_, '_>, j: u32) -> bool {
    let doc = input.doc;
    j > 0 && {
        let before = j - 1;
        doc.ends[before as usize] & bit(Fam::Customer) != 0
            || matches!(
                doc.word(before),
                "people" | "anyone" | "anybody" | "everyone" | "everybody" | "those" | "ones"
            )
    }
}

/// Whether token `j` of clause `cl` names the person at fault in other
/// words: "(I told him) it was Sara", "(to explain) what Sara did",
/// "(I gave her) his name". "Not a name", "left his name out" protect.
fn named_as_culprit(input: &Ctx<'_, '_>, c: usize, j: u32) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |k: u32| doc.word_in(cl, k);
    let before = |k: u32| if j >= cl.start + k { word(j - k) } else { "" };
    // A name: capitalised mid-sentence, not a day or a month.
    let person = |k: u32| {
        k < cl.end
            && doc.tok(k).is(CAP)
            && !month_or_weekday(word(k))
            && !matches!(word(k), "i" | "christmas" | "easter")
    };
    // "it was Sara": a person named, with nothing after it in the clause.
    let it_was = person(j)
        && before(2) == "it"
        && matches!(before(1), "was" | "'s")
        && !(j + 1 < cl.end && doc.tok(j + 1).is_wordlike());
    // "what Sara did", "what she had done".
    let what_did = word(j) == "what"
        && (person(j + 1) || matches!(word(j + 1), "he" | "she" | "they"))
        && matches!(word(j + 2), "did" | "had");
    // "gave her his name": the name handed over, not left out.
    let gave_name = matches!(word(j), "name" | "names")
        && (matches!(before(1), "his" | "her" | "their")
            || before(1) == "'s" && j >= cl.start + 2 && person(j - 2))
        && (j.saturating_sub(5).max(cl.start)..j).any(|k| {
            matches!(
                word(k),
                "gave"
                    | "passed"
                    | "handed"
                    | "sent"
                    | "told"
                    | "emailed"
                    | "reported"
                    | "included"
                    | "copied"
            )
        })
        && !matches!(word(j + 1), "out" | "off");
    (it_was || what_did || gave_name) && !input.negated(c, j)
}

/// A duty told undone in the passive, with no one doing it: "the caption
/// metadata wasn't opened", "the totals were never compared", "it hadn't
/// been tested". The speaker's own lapse with the speaker taken out.
fn undone_passive(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    if matches!(cl.agent, Agent::I | Agent::We) || !input.clause_has(c, Fam::Diligence) {
        return false;
    }
    doc.of_in(Fam::Diligence, cl.start..cl.end).iter().any(|h| {
        let negated = input.negated(c, h.start);
        // "…with tomorrow's date instead of the day it was made": a thing
        // described, no duty undone.
        let described = || (cl.start..cl.end).any(|j| matches!(doc.word(j), "instead" | "rather"));
        // "wasn't opened", "was never compared", "hadn't been tested".
        negated && doc.after_passive_aux(h.start) && !described()
    })
}

/// Something handed over told as bad, with no one who made it so: "the
/// vendor's samples were incomplete", "the rota was out of date". The
/// speaker's own work ("my sheet was wrong") is theirs to own, and is found
/// by [`fault_in`].
fn bad_thing(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    if cl.agent != Agent::None || !input.clause_has(c, Fam::BadAdj) {
        return false;
    }
    let mine = (cl.start..cl.end).any(|j| matches!(doc.t.norm_of(j as usize), "my" | "our"));
    // "The wrong one got used", "the wrong dose was given": the wrong
    // thing as the subject of a passive, with no one who chose it.
    let wrong_thing_used = |h: &Hit| {
        (h.end..(h.end + 3).min(cl.end)).any(|k| {
            let v = doc.word(k + 1);
            matches!(doc.word(k), "was" | "were" | "got")
                && (v.ends_with("ed")
                    || matches!(
                        v,
                        "sent" | "given" | "taken" | "made" | "put" | "shown" | "chosen" | "left"
                    ))
        })
    };
    !mine
        && doc.of_in(Fam::BadAdj, cl.start..cl.end).iter().any(|h| {
            let j = h.start as usize;
            // "So no wrong blood was given": nothing went wrong.
            let none = j > 0 && matches!(doc.t.norm_of(j - 1), "no" | "not");
            (j > 0 && matches!(doc.t.norm_of(j - 1), "was" | "were" | "been")
                || wrong_thing_used(h))
                && !none
                && !input.negated(c, h.start)
        })
}

/// A fault the speaker only received: "the sheet I was handed was already
/// wrong", "we were given the old numbers".
pub(super) fn received_fault(input: &Ctx<'_, '_>, c: usize) -> Option<Fault> {
    if !input.clause_has(c, Fam::Deflection) {
        return None;
    }
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let received = doc
        .of_in(Fam::Deflection, cl.start..cl.end)
        .iter()
        .any(|h| {
            let j = h.start as usize;
            let first = doc.t.norm_of(j);
            matches!(first, "i" | "we")
                || j > 0
                    && matches!(first, "was" | "were")
                    && matches!(doc.t.norm_of(j - 1), "i" | "we")
                    && matches!(
                        doc.t.norm_of((j + 1).min(doc.t.toks.len() - 1)),
                        "handed" | "given" | "told" | "sent"
                    )
        });
    // Being given a job is no fault; being given a wrong sheet is.
    let bad = input.clause_has(c, Fam::BadAdj) || input.clause_has(c, Fam::FaultVerb);
    (received && bad).then_some(Fault {
        owner: Owner::Theirs,
        clause: c,
        impersonal: false,
    })
}

/// "It was human error: one of the agents…": a shallow cause pinned on
/// someone else in the same or the next sentence.
pub(super) fn human_error_of_others(input: &Ctx<'_, '_>, c: usize) -> Option<Fault> {
    if !input.clause_has(c, Fam::ShallowCause) {
        return None;
    }
    let doc = input.doc;
    let cl = &doc.clauses[c];
    // "…so they know how easily it happens" teaches how a slip comes
    // about; it does not shrug one off.
    let how =
        |h: &Hit| (h.start.saturating_sub(3).max(cl.start)..h.start).any(|j| doc.word(j) == "how");
    doc.of_in(Fam::ShallowCause, cl.start..cl.end)
        .iter()
        .any(|h| !input.negated(c, h.start) && !how(h))
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

/// The clauses that offer a strength as the flaw: in the words of the
/// `humblebrag` family ("I care too much"), or as a trait named the
/// failure in so many words with a virtue in excess ("My biggest failure
/// is that I hold myself to standards higher than the project needs",
/// "my fault is that I go too far for customers", "if I have a weakness
/// it's that I get very enthusiastic"). A flaw told in the past ("my
/// mistake was that I didn't check") is an event, not a trait.
pub(super) fn brag_clauses<'i>(input: &'i Ctx<'_, '_>) -> impl Iterator<Item = usize> + 'i {
    let doc = input.doc;
    let listed = input.live_hits(Fam::Humblebrag).map(|(_, c)| c);
    // The flaw words are `mistake_question` words: only their matches are
    // read.
    let framed = (0..doc.sents.len()).filter_map(move |s| {
        if !input.sent_has(s, Fam::MistakeQuestion) {
            return None;
        }
        let sent = &doc.sents[s];
        let word = |j: u32| doc.word(j);
        let flaws = doc.of_in(Fam::MistakeQuestion, sent.start..sent.end);
        let frame = flaws.iter().map(|h| h.start).find(|&j| {
            matches!(word(j), "failure" | "fault" | "weakness" | "mistake")
                && (j + 1..(j + 9).min(sent.end)).any(|k| {
                    matches!(word(k), "is" | "'s") && word(k + 1) == "that"
                        || word(k) == "it's" && word(k + 1) == "that"
                })
        })?;
        // The excess may be told in the sentence after the frame: "My
        // biggest mistake is that I do not know when to stop. I was so
        // motivated … because I wanted the data really perfect."
        let to = doc.sents.get(s + 1).map_or(sent.end, |n| n.end);
        let excess = (frame..to).any(|j| {
            matches!(word(j), "too" | "higher" | "perfect" | "enthusiastic")
                || word(j) == "high" && word(j + 1) == "standards"
                || word(j) == "let" && word(j + 1) == "go"
                || word(j) == "more" && word(j + 1) == "than"
                || word(j) == "when" && word(j + 1) == "to" && word(j + 2) == "stop"
        });
        excess.then(|| doc.clause_of(frame)).flatten()
    });
    listed.chain(framed)
}

/// No real mistake offered: "I can't think of one", or a strength dressed
/// as a flaw with no real miss beside it.
///
/// Asked for a mistake, an answer that names no fault at all, the
/// speaker's or anyone's ("things didn't go as planned"), offers none.
pub(super) fn denies(
    input: &Ctx<'_, '_>,
    faults: &[Fault],
    brags: &[usize],
    others_erred: bool,
    specific: bool,
) -> Finding {
    let doc = input.doc;
    let mut spans = Spans::new();
    for (h, _) in input.live_hits(Fam::Deny) {
        add_span(&mut spans, doc.span(h.start, h.end));
    }
    for &c in brags {
        add_span(&mut spans, doc.clause_span(c));
    }
    // A vague, slogan-filled answer with no fault in it has dodged the
    // question.
    let vague = !specific && doc.of(Fam::Buzz).len() >= 2;
    if spans.is_empty() && input.mistake && vague && faults.is_empty() && !others_erred {
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
pub(super) fn blameless(input: &Ctx<'_, '_>, others_erred: bool) -> Finding {
    let doc = input.doc;
    let mut spans = Spans::new();
    // Someone to protect: a slip told as someone else's, or a person the
    // story named doing the thing that went wrong ("Sam ran the script").
    let someone_before = |c: usize| doc.clauses[..c].iter().any(|k| k.agent == Agent::Other);
    for (_, c) in input.live_hits(Fam::Support) {
        if (others_erred || someone_before(c)) && !input.buzz_only(c) {
            add_span(&mut spans, doc.clause_span(c));
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
            if input.negated(c, h.start) && speaker && names_them {
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    }
    Finding::from_spans(spans)
}
