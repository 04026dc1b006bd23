//! `no_story`: is the answer one specific past event, or something else
//! dressed as one?
//!
//! A bar raiser's first question is "which time?". An answer made of what
//! the speaker *would* do ("If a deploy of mine broke, I'd own it"), what
//! they *always* do ("I coach everyone every week"), or what they *are*
//! ("I'm customer-obsessed, I take ownership end to end") offers no
//! evidence, however many of the right words it holds.
//!
//! The test reads tense where the speaker is the subject: each "I" or "we"
//! is followed (past adverbs such as "then", "quickly", "never") to its
//! verb, and the pair is counted as
//!
//! - an **event**: a past verb ("I mapped", "we didn't", "I'd already
//!   sent", an irregular past from the `past_verb` family);
//! - **hypothetical**: a modal ("I would", "I'll", "we'd start");
//! - **habitual**: a habit adverb on the way ("I always", "I usually");
//! - **general**: the present or the perfect ("I coach", "I'm someone
//!   who", "I've mentored a dozen").
//!
//! An answer with no event, or with fewer than two while the other kinds
//! pile up, or with other kinds outnumbering events two to one, is not a
//! story. Hypothetical questions are exempt: there "I would" is right.

use super::{Ctx, Finding, Spans, add_span};
use crate::score::doc::{Agent, Doc};
use crate::score::lexicon::Fam;
use crate::score::text::{CAP, month_or_weekday};

/// How the speaker's own clauses are told.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    pub events: usize,
    pub hypothetical: usize,
    pub habitual: usize,
    pub general: usize,
    /// Past deeds told only as principle names ("I thought big"), counted
    /// among `general` too.
    pub slogans: usize,
    /// Token of the first clause that is not an event: the evidence.
    pub first_other: Option<u32>,
}

impl Shape {
    fn others(&self) -> usize {
        self.hypothetical + self.habitual + self.general
    }

    /// Whether this is not one specific past event.
    pub fn is_story(&self) -> bool {
        let others = self.others();
        let slogans = self.slogans >= MANY_SLOGANS && self.slogans > self.events;
        !(self.events == 0 || self.events < 2 && others >= 2 || self.events * 2 < others || slogans)
    }
}

/// Deeds told only as principle names that outnumber the real ones make
/// an answer slogans, not a story.
const MANY_SLOGANS: usize = 3;

/// Buzzwords in an answer with no concrete detail that make it slogans,
/// not a story.
const GENERIC_BUZZ: usize = 3;

/// What a speaker's verb says about time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Event,
    Hypothetical,
    Habitual,
    General,
}

/// A regular past: "mapped", "escalated". Words such as "need" or "based"
/// look alike and are listed in the `not_past` family.
fn regular_past(word: &str) -> bool {
    word.len() >= 4 && word.ends_with("ed") && !word.ends_with("eed")
}

fn is_past(doc: &Doc<'_>, j: u32) -> bool {
    if doc.has(j, Fam::PastVerb) {
        return true;
    }
    !doc.has(j, Fam::NotPast) && regular_past(doc.t.norm_of(j as usize))
}

/// The next word token after `j`, if any before the sentence ends.
fn next_word(doc: &Doc<'_>, j: u32, end: u32) -> Option<u32> {
    (j + 1..end).find(|&k| doc.t.toks[k as usize].is_wordlike())
}

/// The tense of the verb a speaker subject at `j` goes with.
fn tense_after(doc: &Doc<'_>, j: u32, end: u32) -> Option<Tense> {
    let subject = doc.t.norm_of(j as usize);
    // Contractions carry their auxiliary: "I'd" is "had" before a past
    // participle ("I'd already sent it") and "would" otherwise.
    let contracted = subject.rsplit_once('\'').map(|(_, aux)| aux);
    match contracted {
        Some("ll") => return Some(Tense::Hypothetical),
        Some("ve" | "m" | "re") => return Some(Tense::General),
        _ => {}
    }
    let mut habit = false;
    let mut k = next_word(doc, j, end)?;
    // Adverbs between subject and verb: "I then called", "I always check".
    for _ in 0..3 {
        if doc.has(k, Fam::Habit) {
            habit = true;
        } else if !(doc.has(k, Fam::SkipAdv) || doc.has(k, Fam::Negator)) {
            break;
        }
        k = next_word(doc, k, end)?;
    }
    if contracted == Some("d") {
        return Some(if is_past(doc, k) {
            Tense::Event
        } else {
            Tense::Hypothetical
        });
    }
    let verb = doc.t.norm_of(k as usize);
    // "I read three papers" is as often a past as a present: it tells
    // nothing about time unless a habit adverb came first.
    if !habit && SAME_IN_PAST.contains(&verb) {
        return None;
    }
    Some(
        if doc.has(k, Fam::Modal) && !matches!(verb, "could" | "couldn't") {
            Tense::Hypothetical
        } else if habit {
            Tense::Habitual
        } else if is_past(doc, k) {
            Tense::Event
        } else if matches!(verb, "could" | "couldn't") {
            // "I couldn't reach him" is as often a past as a conditional.
            return None;
        } else {
            Tense::General
        },
    )
}

/// Verbs spelled the same in the present and the past, not listed as
/// past verbs because they read as the present as often.
const SAME_IN_PAST: [&str; 3] = ["read", "cost", "hurt"];

/// Counts the speaker's clauses by tense.
pub fn shape(doc: &Doc<'_>) -> Shape {
    let mut shape = Shape::default();
    for s in &doc.sents {
        for j in s.start..s.end {
            // Only tokens where an "i" or "we" match starts can be the
            // speaker: one bit test before any text is read.
            if !(doc.has(j, Fam::I) || doc.has(j, Fam::We)) {
                continue;
            }
            let word = doc.t.norm_of(j as usize);
            let speaker = word == "i"
                || word == "we"
                || word.starts_with("i'") && word.len() <= 4
                || word.starts_with("we'") && word.len() <= 5;
            if !speaker {
                continue;
            }
            match tense_after(doc, j, s.end) {
                // "A time I made a mistake would be…" echoes the question;
                // "I thought big and invented a customer-centric process"
                // names principles, not a deed.
                Some(Tense::Event) if slogan_at(doc, j) => {
                    shape.slogans += 1;
                    shape.general += 1;
                    shape.first_other.get_or_insert(j);
                }
                Some(Tense::Event) if echoes_the_question(doc, j) => {
                    shape.general += 1;
                    shape.first_other.get_or_insert(j);
                }
                Some(Tense::Event) => shape.events += 1,
                Some(other) => {
                    match other {
                        Tense::Hypothetical => shape.hypothetical += 1,
                        Tense::Habitual => shape.habitual += 1,
                        _ => shape.general += 1,
                    }
                    shape.first_other.get_or_insert(j);
                }
                None => {}
            }
        }
    }
    // "I read three papers, borrowed a meter and measured each step": the
    // deeds after the first share its subject, and each is an event.
    for cl in &doc.clauses {
        let borrowed_subject = matches!(cl.agent, Agent::I | Agent::We) && cl.agent_tok.is_none();
        if !borrowed_subject {
            continue;
        }
        if doc
            .first_word(cl.start, cl.end)
            .is_some_and(|j| is_past(doc, j) && !slogan_at(doc, j))
        {
            shape.events += 1;
        }
    }
    shape
}

/// Whether the answer tells one dated occasion in the past with the
/// speaker seldom its subject: "One Sunday night in March a freezer
/// compressor failed. … The alarm system phoned a number belonging to a
/// postdoc who had left", told by the manager who owns it. Nothing the
/// speaker would or always does stands against it.
fn narrated_occasion(doc: &Doc<'_>, shape: &Shape) -> bool {
    if shape.hypothetical > 0 || shape.habitual > 0 || shape.general > NARRATOR_CLAIMS {
        return false;
    }
    let dated = doc
        .sents
        .iter()
        .any(|s| (s.start..s.end).any(|j| dates_an_occasion(doc, j)));
    if !dated {
        return false;
    }
    let narrated = doc
        .clauses
        .iter()
        .filter(|cl| !matches!(cl.agent, Agent::I | Agent::We))
        .filter(|cl| {
            doc.first_word(cl.start, cl.end).is_some()
                && (cl.start..cl.end).any(|j| is_past(doc, j))
        })
        .count();
    narrated >= NARRATED_EVENTS
}

/// How many present-tense claims of the speaker's a narrated occasion may
/// hold ("I manage a biobank").
const NARRATOR_CLAIMS: usize = 2;

/// How many past clauses about others a narrated occasion needs.
const NARRATED_EVENTS: usize = 4;

/// Words that date an occasion after "last" or "one".
const TIMES: [&str; 14] = [
    "night",
    "day",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "shift",
    "week",
    "month",
    "year",
    "spring",
    "summer",
    "autumn",
    "winter",
];

/// Whether token `j` dates an occasion: a month or a weekday, a year,
/// "ago", "last spring", "one night".
fn dates_an_occasion(doc: &Doc<'_>, j: u32) -> bool {
    let w = doc.word(j);
    let next = doc.word(j + 1);
    (month_or_weekday(w) || w == "ago") && (w != "may" && w != "march" || doc.tok(j).is(CAP))
        || w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
        || matches!(w, "last" | "one") && TIMES.contains(&next)
}

/// Whether the clause of token `j` claims only in buzzwords: a buzzword
/// and no concrete detail.
fn slogan_at(doc: &Doc<'_>, j: u32) -> bool {
    !doc.of(Fam::Buzz).is_empty()
        && doc.clause_of(j).is_some_and(|c| {
            let cl = &doc.clauses[c];
            !doc.of_in(Fam::Buzz, cl.start..cl.end).is_empty()
                && !doc.detail[cl.start as usize..cl.end as usize].contains(&true)
        })
}

/// Whether the speaker at token `j` is inside the question said back: "a
/// time I made a mistake", "a situation where I had to", "an example of
/// when we". "One time I forgot the keys" and "the time I rang the
/// supplier" tell an event.
fn echoes_the_question(doc: &Doc<'_>, j: u32) -> bool {
    let word = |k: u32| doc.t.norm_of(k as usize);
    let mut k = j;
    // Skip a relative word: "a time when I", "a situation where I".
    if k > 0 && matches!(word(k - 1), "when" | "where" | "that") {
        k -= 1;
    }
    k >= 2
        && matches!(word(k - 1), "time" | "situation" | "example" | "occasion")
        && matches!(word(k - 2), "a" | "an")
        || k >= 3 && word(k - 1) == "of" && word(k - 2) == "example" && word(k - 3) == "an"
}

/// The `no_story` finding: a red flag for any question but a hypothetical
/// one, quoting the first sentence told as what the speaker would, always
/// or generally does.
///
/// A story told only in slogans is no story either: with no concrete detail
/// (`specific` is the `specificity` finding) and several buzzwords ("there
/// was a situation where I leveraged a data-driven mindset to peel back the
/// layers"), there is no time to ask about.
pub fn no_story(input: &Ctx<'_, '_>, specific: bool) -> Finding {
    let doc = input.doc;
    if input.hypothetical || doc.sents.is_empty() {
        return Finding::default();
    }
    let buzz = doc.of(Fam::Buzz);
    if !specific && buzz.len() >= GENERIC_BUZZ {
        let first = buzz[0].start;
        let sent = doc.sents.iter().find(|s| s.start <= first && first < s.end);
        return Finding::from_spans(sent.map(|s| doc.span(s.start, s.end)).into_iter().collect());
    }
    // Not one name, number, date or concrete thing: nothing says which
    // time ("there was a problem, I dug into the data, found the cause and
    // we fixed it").
    let no_detail = !specific && !doc.detail.contains(&true) && !doc.has_measure(0..u32::MAX);
    if no_detail {
        return Finding::from_spans(
            doc.sents
                .first()
                .map(|s| doc.span(s.start, s.end))
                .into_iter()
                .collect(),
        );
    }
    let shape = shape(doc);
    if shape.is_story() || narrated_occasion(doc, &shape) {
        return Finding::default();
    }
    let mut spans = Spans::new();
    let sent = shape
        .first_other
        .and_then(|j| doc.sents.iter().find(|s| s.start <= j && j < s.end))
        .or_else(|| doc.sents.first());
    if let Some(s) = sent {
        add_span(&mut spans, doc.span(s.start, s.end));
    }
    Finding::from_spans(spans)
}
