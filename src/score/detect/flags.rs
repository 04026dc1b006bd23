//! Red flags by principle: deflecting the job, deferring to rank, "I told
//! you so", fixed costs, "good enough", winning by seniority, indifference
//! to people, and profit with no customer in view.
//!
//! Each is a phrase family read under the shared scoping rules: a negated
//! flag ("I didn't wait for my manager") is not a flag, and neither is one
//! conceded or overturned by the speaker's own action.

use super::{Ctx, Finding, Spans, add_span, takes};
use crate::score::doc::{Agent, bit};
use crate::score::lexicon::Fam;
use crate::score::star::Part;

/// Live, not overridden hits of any of `fams`. A short phrase ("don't
/// care") counts only when the speaker says it of themselves.
pub fn lexical(input: &Ctx<'_, '_>, fams: &[Fam]) -> Finding {
    if !input.any(fams) {
        return Finding::default();
    }
    let doc = input.doc;
    let mut spans = Spans::new();
    for &f in fams {
        for (h, c) in input.live_hits(f) {
            let speaker = matches!(doc.clauses[c].agent, Agent::I | Agent::We);
            if h.end - h.start < 3 && !speaker && f == Fam::Indifference {
                continue;
            }
            // "The supermarket passed it to us": someone else handing the
            // problem over is how it reached the speaker, not a deflection;
            // handing it off is the speaker's own act.
            let handing = matches!(doc.word(h.start), "passed" | "handed" | "left" | "let");
            if f == Fam::Deflect && handing && !speaker {
                continue;
            }
            // "Why nobody noticed?" asks, it does not shrug; "…so we can
            // check whether I was right" asks too.
            let asked = || {
                doc.is_question(doc.clauses[c].sent as usize)
                    || (h.start.saturating_sub(2)..h.start)
                        .any(|j| matches!(doc.word(j), "whether" | "if"))
            };
            // "As the manager it was mine": a rank named to take the
            // fault, not to win the argument.
            let owning =
                f == Fam::Seniority && input.sent_has(doc.clauses[c].sent as usize, Fam::OwnFault);
            if owning {
                continue;
            }
            let span = doc.clause_span(c);
            if takes(&spans, span) && !input.overridden(c) && !unsaid(input, h.start) && !asked() {
                add_span(&mut spans, span);
            }
        }
    }
    Finding::from_spans(spans)
}

/// "I told you so" in its words, or in deeds: once overruled, the
/// speaker brings their own position back against the decision — their
/// original material shown again ("I put my old slides up beside the
/// harvest figures", "forwarded both reports with my original summary
/// attached", "linked my doc again"), the old warning recalled ("I did
/// warn about exactly this"), stepping back from the work ("left the
/// rollback plan to him", "let HQ handle the rest"), the point made that
/// their way would have worked ("I
/// pointed out the pilot would have shown us this"), or "I still think the
/// pilot was right".
pub fn told_you_so(input: &Ctx<'_, '_>) -> Finding {
    let mut found = lexical(input, &[Fam::ToldYouSo]);
    let doc = input.doc;
    let Some((d, _)) = input.live_hits(Fam::Disagree).next() else {
        return found;
    };
    let word = |j: u32| doc.word(j);
    // The speaker's deed and what came with it ("when yields fell | I
    // forwarded the figures | with my original report attached") are one
    // sentence, with "I" somewhere in it.
    let says_i = |si: u32| {
        let s = &doc.sents[si as usize];
        (s.start..s.end).any(|j| doc.has(j, Fam::I))
    };
    let would_have_in =
        |from: u32, to: u32| (from..to).any(|k| word(k) == "would" && word(k + 1) == "have");
    // "…that I'd raised", "…that I had warned".
    let i_had_said = |from: u32, to: u32| {
        (from..to).any(|k| {
            let verb = match word(k) {
                "i'd" => k + 1,
                "i" if matches!(word(k + 1), "had" | "'d") => k + 2,
                _ => return false,
            };
            matches!(
                word(verb),
                "raised" | "said" | "warned" | "flagged" | "predicted" | "told" | "argued"
            )
        })
    };
    for (c, cl) in doc.clauses.iter().enumerate() {
        if cl.start <= d.start {
            continue;
        }
        // One look at each word: "my original…", "still think … right",
        // "pointed out … would have".
        let cue = (cl.start..cl.end).any(|j| match word(j) {
            // "my original report", or "linked my doc again".
            "my" => {
                matches!(
                    word(j + 1),
                    "original" | "old" | "earlier" | "initial" | "first"
                ) && j + 2 < cl.end
                    || (j + 2..(j + 5).min(cl.end)).any(|k| word(k) == "again")
                        && !input.negated(c, j)
            }
            // Stepping back once overruled: "left the rollback plan to
            // him", "let HQ handle the rest", "kept my own part to the
            // logistics".
            "left" => (j + 2..(j + 6).min(cl.end)).any(|k| {
                let someone = |i: u32| doc.has(i, Fam::Other) || doc.has(i, Fam::OrgUnit);
                word(k) == "to"
                    && (matches!(word(k + 1), "him" | "her" | "them")
                        || someone(k + 1)
                        || word(k + 1) == "the" && someone(k + 2))
            }),
            "let" => (j + 2..(j + 5).min(cl.end))
                .any(|k| matches!(word(k), "handle" | "deal" | "sort" | "run")),
            "kept" => {
                word(j + 1) == "my" && (j + 2..(j + 5).min(cl.end)).any(|k| word(k) == "part")
            }
            // "I did warn about exactly this", "I did tell them": the old
            // warning brought back ("I did tell myself…" is a resolve).
            "did" => {
                matches!(word(j + 1), "warn" | "flag" | "predict")
                    || matches!(word(j + 1), "say" | "tell" | "mention")
                        && matches!(
                            word(j + 2),
                            "them" | "him" | "her" | "you" | "everyone" | "so"
                        )
            }
            "still" => {
                matches!(word(j + 1), "think" | "believe" | "feel" | "say")
                    && (j + 2..cl.end.min(j + 9)).any(|k| matches!(word(k), "right" | "better"))
            }
            // "I pointed out that the pilot would have shown us this": the
            // speaker's way told as what would have happened.
            // "…reminded the head that I'd raised exactly this at the
            // start": the speaker's own earlier word brought back.
            "pointed" | "reminded" | "mentioned" | "noted" => {
                let next = doc.clauses.get(c + 1).filter(|n| n.sent == cl.sent);
                let until = next.map_or(cl.end, |n| n.end);
                would_have_in(j + 1, cl.end)
                    || next.is_some_and(|n| would_have_in(n.start, n.end))
                    || i_had_said(j + 1, until)
            }
            _ => false,
        });
        if !cue {
            continue;
        }
        let speaker = matches!(cl.agent, Agent::I | Agent::We) || says_i(cl.sent);
        if speaker
            && !input.hypothetical(c, cl.start)
            && !input.negated(c, cl.end.saturating_sub(1))
        {
            add_span(&mut found.spans, doc.clause_span(c));
            found.hit = true;
        }
    }
    found
}

/// Harm to people told and shrugged off: "four resigned and there was a
/// complaint to HR, but honestly the ones who stayed became a stronger
/// team", "two of them burned out; still, we hit the date". A harm word
/// (`people_harm`) with a turn after it in its sentence, and nothing
/// after the turn that cares for anyone ("…, but I sat down with each of
/// them"). Yields the clause of the harm.
fn shrugged_harm<'i>(input: &'i Ctx<'_, '_>) -> impl Iterator<Item = usize> + 'i {
    let doc = input.doc;
    input.live_hits(Fam::PeopleHarm).filter_map(move |(h, c)| {
        let s = &doc.sents[doc.clauses[c].sent as usize];
        // "…, but the ones who stayed got stronger", "…, which is normal in
        // peak": a turn away from the harm, or a shrug at it.
        // "She expected to be sacked" is no shrug: the word must be said of
        // the harm ("which is normal", "as expected", "to be expected").
        let shrug = |j: u32| {
            matches!(doc.word(j), "normal" | "expected" | "usual" | "inevitable")
                && matches!(
                    doc.word(j.saturating_sub(1)),
                    "is" | "was" | "'s" | "as" | "be" | "pretty" | "quite" | "perfectly"
                )
        };
        let turn = (h.end..s.end).find(|&j| doc.has(j, Fam::Contrast) || shrug(j))?;
        // The speaker caring: "…, but I sat down with each of them".
        let care = |k: usize| {
            let cl = &doc.clauses[k];
            matches!(cl.agent, Agent::I | Agent::We)
                && (input.clause_has_any(
                    k,
                    bit(Fam::Support) | bit(Fam::Develop) | bit(Fam::CommVerb),
                ) || (cl.start..cl.end).any(|j| {
                    matches!(
                        doc.word(j),
                        "helped" | "met" | "listened" | "apologised" | "apologized" | "sat"
                    )
                }))
        };
        let after = doc.clause_of(turn)?;
        let cares = (after..doc.clauses.len())
            .take_while(|&k| doc.clauses[k].sent == doc.clauses[c].sent)
            .any(care);
        (!cares && !input.hypothetical(c, h.start)).then_some(c)
    })
}

/// No care for others' growth: in its words ("sink or swim", "I don't have
/// time to hold people's hands"), or as the speaker's rule of not
/// developing anyone ("I don't really do training", "we never coach").
/// A development not done once ("I didn't train him on the new till") is
/// a slip, not a rule. Shaming someone for a slip (`shamed`, found with
/// the faults) cares nothing for their morale either.
pub fn indifference(input: &Ctx<'_, '_>, shamed: &Finding) -> Finding {
    let mut found = lexical(input, &[Fam::Indifference]);
    for &span in shamed.spans.iter() {
        add_span(&mut found.spans, span);
        found.hit = true;
    }
    let doc = input.doc;
    let word = |j: u32| doc.word(j);
    for h in doc.of(Fam::Develop) {
        let Some(c) = doc
            .clause_of(h.start)
            .filter(|&c| input.negated(c, h.start))
        else {
            continue;
        };
        let cl = &doc.clauses[c];
        let as_a_rule = (cl.start..h.start).any(|j| {
            matches!(word(j), "don't" | "never")
                || word(j) == "do" && word(j + 1) == "not"
                || word(j) == "n't" && j > 0 && word(j - 1) == "do"
        });
        if matches!(cl.agent, Agent::I | Agent::We) && as_a_rule && !input.hypothetical(c, h.start)
        {
            add_span(&mut found.spans, doc.clause_span(c));
            found.hit = true;
        }
    }
    for c in shrugged_harm(input) {
        add_span(&mut found.spans, doc.clause_span(c));
        found.hit = true;
    }
    found
}

/// Words the speaker says they never said: `I never said "I told you so"`,
/// "I didn't say it wasn't my job". The quote opens a clause of its own, so
/// the negation sits just before it, on the verb of saying.
pub(super) fn unsaid(input: &Ctx<'_, '_>, at: u32) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(at) else {
        return false;
    };
    let sent = &doc.sents[doc.clauses[c].sent as usize];
    let from = at.saturating_sub(4).max(sent.start);
    (from..at).any(|j| {
        matches!(
            doc.t.norm_of(j as usize),
            "said" | "say" | "saying" | "tell" | "told" | "mention" | "mentioned"
        ) && (j.saturating_sub(2).max(sent.start)..j)
            .any(|k| doc.has(k, Fam::Negator) || doc.t.toks[k as usize].is(crate::score::text::NEG))
            // "They didn't say anything, so we left it": a clause of its
            // own after a conjunction is no quote.
            && !(j + 1..at).any(|k| doc.has(k, Fam::Coord))
    })
}

/// "Not my job", "ops handled it" — unless the speaker stepped in anyway.
pub fn not_my_job(input: &Ctx<'_, '_>) -> Finding {
    let mut found = lexical(input, &[Fam::NotMyJob, Fam::Deflect]);
    let doc = input.doc;
    for c in 0..doc.clauses.len() {
        if someone_elses_job(input, c) && takes(&found.spans, doc.clause_span(c)) {
            add_span(&mut found.spans, doc.clause_span(c));
            found.hit = true;
        }
    }
    found
}

/// Whether clause `c` says a duty is someone else's and hands it off on
/// that ground: "parking was a police matter, so I passed those
/// complaints on", "that's legal's responsibility, so I forwarded it".
/// Anyone's but the speaker's ("my job", "everyone's job"), not negated,
/// not turned round after ("…, but I …"). Told as the setting of a story
/// of stepping in ("stock was officially the buyer's job, and she was on
/// leave"), it hands nothing off.
fn someone_elses_job(input: &Ctx<'_, '_>, c: usize) -> bool {
    let doc = input.doc;
    let cl = &doc.clauses[c];
    let word = |j: u32| doc.word(j);
    if !input.clause_has(c, Fam::DutyNoun) {
        return false;
    }
    let Some(j) = doc
        .of_in(Fam::DutyNoun, cl.start + 2..cl.end)
        .first()
        .map(|h| h.start)
    else {
        return false;
    };
    let someone = if word(j - 1) == "'s" {
        !matches!(
            word(j - 2),
            "everyone" | "everybody" | "nobody" | "one" | "no"
        )
    } else {
        matches!(word(j - 1), "police" | "their" | "his" | "her")
            || word(j) == "matter" && matches!(word(j - 1), "legal" | "council" | "hr")
    };
    if !someone || !(cl.start..j).any(|k| matches!(word(k), "is" | "was" | "'s" | "are" | "were")) {
        return false;
    }
    // Handed off in the same breath; a long run may be cut before its "so
    // I passed…".
    let si = cl.sent as usize;
    let end = match doc.sents.get(si + 1) {
        Some(n) if word(n.start) == "so" => n.end,
        _ => doc.sents[si].end,
    };
    // "…, and he'd need to call reception": sent off to ask elsewhere.
    let sent_elsewhere = |k: u32| {
        matches!(word(k), "call" | "ring" | "phone" | "contact" | "ask")
            && word(k.saturating_sub(1)) == "to"
            && matches!(
                word(k.saturating_sub(2)),
                "need" | "needed" | "have" | "had" | "him" | "her" | "them"
            )
    };
    let handed_off = (j..end).any(|k| {
        matches!(
            word(k),
            "passed" | "referred" | "forwarded" | "left" | "handed" | "redirected" | "sent"
        ) || sent_elsewhere(k)
    });
    handed_off && !input.negated(c, j) && !input.hypothetical(c, j) && !input.overridden(c)
}

/// Revenue or a metric optimised with no end customer in view;
/// `customer_focus` is whether that signal hit.
pub fn profit_only(input: &Ctx<'_, '_>, customer_focus: bool) -> Finding {
    if !input.any(&[Fam::ProfitOnly, Fam::Revenue]) {
        return Finding::default();
    }
    let doc = input.doc;
    // What the speaker did, not what finance wanted.
    let mut explicit = Spans::new();
    for (_, c) in input.live_hits(Fam::ProfitOnly) {
        if doc.clauses[c].agent != Agent::Other && !input.overridden(c) {
            add_span(&mut explicit, doc.clause_span(c));
        }
    }
    if !explicit.is_empty() {
        return Finding::from_spans(explicit);
    }
    let revenue: Vec<usize> = input.live_hits(Fam::Revenue).map(|(_, c)| c).collect();
    if revenue.len() < 2 {
        return Finding::default();
    }
    // Where the story lands: an outcome told only in revenue terms, or no
    // customer need anywhere. "Complaints went from 30 a month to 8"
    // measures what customers lived through, and keeps them in view.
    let outcome = || {
        (0..doc.sents.len())
            .filter(|&i| input.labels[i] == Part::Result || i + 1 == doc.sents.len())
    };
    let lived = |i: usize| super::positive::measures_what_customers_live(input, i);
    let lands_on_revenue = outcome().any(|i| {
        let s = &doc.sents[i];
        let customer = || {
            input.sent_has(i, Fam::Customer)
                && doc
                    .of_in(Fam::Customer, s.start..s.end)
                    .iter()
                    .any(|h| !super::positive::in_metric(input, h.start))
        };
        input.sent_has(i, Fam::Revenue) && !customer() && !lived(i)
    });
    if !lands_on_revenue && (customer_focus || outcome().any(lived)) {
        return Finding::default();
    }
    let mut spans = Spans::new();
    for c in revenue {
        add_span(&mut spans, doc.clause_span(c));
    }
    Finding::from_spans(spans)
}
