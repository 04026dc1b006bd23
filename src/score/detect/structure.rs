//! STAR structure signals: the four parts, a measured result, "I" over
//! "we", and concrete detail over vague talk.

use super::{Ctx, Finding, add_span};
use crate::score::doc::Agent;
use crate::score::lexicon::Fam;
use crate::score::star::Part;

/// Words in a part for it to count as told.
const MIN_SITUATION_WORDS: usize = 6;
const MIN_RESULT_WORDS: usize = 4;
const MIN_ACTIONS: usize = 2;

fn part_sentences<'i>(input: &'i Ctx<'_, '_>, part: Part) -> impl Iterator<Item = usize> + 'i {
    input
        .labels
        .iter()
        .enumerate()
        .filter(move |(_, p)| **p == part)
        .map(|(i, _)| i)
}

fn part_words(input: &Ctx<'_, '_>, part: Part) -> usize {
    part_sentences(input, part)
        .map(|i| {
            let s = &input.doc.sents[i];
            input.doc.t.toks[s.start as usize..s.end as usize]
                .iter()
                .filter(|t| t.is_wordlike())
                .count()
        })
        .sum()
}

fn first_sentence_of(input: &Ctx<'_, '_>, part: Part, min_words: usize) -> Finding {
    if part_words(input, part) < min_words {
        return Finding::default();
    }
    let spans = part_sentences(input, part)
        .take(1)
        .map(|i| {
            let s = &input.doc.sents[i];
            input.doc.span(s.start, s.end)
        })
        .collect();
    Finding::from_spans(spans)
}

pub fn situation(input: &Ctx<'_, '_>) -> Finding {
    first_sentence_of(input, Part::Situation, MIN_SITUATION_WORDS)
}

/// A task part, or the speaker's own responsibility stated anywhere ("I
/// promised the partner…", "my job was to…").
pub fn task(input: &Ctx<'_, '_>) -> Finding {
    let found = first_sentence_of(input, Part::Task, 3);
    if found.hit {
        return found;
    }
    let doc = input.doc;
    let spans = doc
        .of(Fam::TaskCue)
        .iter()
        .filter_map(|h| input.live(h))
        .take(1)
        .map(|c| input.sentence_span_of(c))
        .collect();
    Finding::from_spans(spans)
}

pub fn result(input: &Ctx<'_, '_>) -> Finding {
    first_sentence_of(input, Part::Result, MIN_RESULT_WORDS)
}

pub fn action(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut concrete: Vec<usize> = (0..doc.clauses.len())
        .filter(|&c| doc.clauses[c].concrete)
        .collect();
    // Quote the action part first: the setting's "I ran payments" is
    // context, not the story's deeds.
    concrete.sort_by_key(|&c| input.labels[doc.clauses[c].sent as usize] != Part::Action);
    // A short answer may carry its whole action in one real deed.
    let short = doc.sents.len() <= 4;
    if concrete.len() < MIN_ACTIONS && !(short && concrete.len() == 1) {
        return Finding::default();
    }
    let mut spans = Vec::new();
    for c in concrete {
        add_span(&mut spans, doc.clause_span(c));
    }
    Finding::from_spans(spans)
}

/// A measure in the result: in sentences labelled Result, or failing those,
/// in sentences that report an outcome verb ("cut", "reduced", "saved").
pub fn quantified(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut spans = Vec::new();
    let mut scan = |i: usize| {
        let s = &doc.sents[i];
        for (a, _) in doc.measures(s.start..s.end) {
            if let Some(c) = doc.clause_of(a) {
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    };
    let result: Vec<usize> = part_sentences(input, Part::Result).collect();
    for &i in &result {
        scan(i);
    }
    // An outcome told inside the action ("refunded all 150 customers").
    for i in 0..doc.sents.len() {
        let s = &doc.sents[i];
        if input.labels[i] != Part::Situation
            && !result.contains(&i)
            && (doc.any_in(Fam::ResultVerb, s.start..s.end)
                || doc.any_in(Fam::ResultCue, s.start..s.end))
        {
            scan(i);
        }
    }
    Finding::from_spans(spans)
}

/// Actions told mostly as "I": at least two, and at least 60% of the
/// actions with a person doing them.
pub fn first_person(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut mine = Vec::new();
    let mut ours = 0usize;
    for (c, cl) in doc.clauses.iter().enumerate() {
        if !cl.action {
            continue;
        }
        match cl.agent {
            Agent::I => mine.push(c),
            Agent::We => ours += 1,
            _ => {}
        }
    }
    if mine.is_empty()
        || mine.len() + ours < 2 && ours > 0
        || mine.len() * 10 < 6 * (mine.len() + ours)
    {
        return Finding::default();
    }
    mine.sort_by_key(|&c| input.labels[doc.clauses[c].sent as usize] != Part::Action);
    let mut spans = Vec::new();
    for c in mine {
        add_span(&mut spans, doc.clause_span(c));
    }
    Finding::from_spans(spans)
}

/// Concrete detail: numbers, names, acronyms and technical nouns, enough of
/// them for the answer's size, and clearly more than vague words and hedges.
pub fn specificity(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    let details: Vec<u32> = (0..doc.detail.len())
        .filter(|&i| doc.detail[i])
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    let vague = doc.of(Fam::Vague).len() + doc.of(Fam::Hedge).len();
    let words = doc.t.toks.iter().filter(|t| t.is_wordlike()).count();
    // Spelled-out measures ("two bad files", "halved") are details too.
    let spelled = doc
        .measures(0..u32::try_from(doc.detail.len()).unwrap_or(u32::MAX))
        .filter(|&(a, _)| !doc.detail[a as usize])
        .count();
    let d = details.len() + spelled;
    if d < 2 || d < 2 * vague + 1 || d * 40 < words {
        return Finding::miss_with(
            doc.of(Fam::Vague)
                .iter()
                .chain(doc.of(Fam::Hedge))
                .take(super::MAX_EVIDENCE)
                .map(|h| doc.span(h.start, h.end))
                .collect(),
        );
    }
    let mut spans = Vec::new();
    for i in details {
        add_span(&mut spans, doc.span(i, i + 1));
    }
    Finding::from_spans(spans)
}
