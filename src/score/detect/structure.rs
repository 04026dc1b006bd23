//! STAR structure signals: the four parts, a measured result, "I" over
//! "we", and concrete detail over vague talk.

use super::{Ctx, Finding, MAX_EVIDENCE, Spans, add_span};
use crate::score::doc::{Agent, Clause, bit};
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

/// Whether sentences of `part` hold at least `min` words: the words the
/// report gives the part, counted once.
fn part_has_words(input: &Ctx<'_, '_>, part: Part, min: usize) -> bool {
    input.star.part(part).words >= min
}

fn first_sentence_of(input: &Ctx<'_, '_>, part: Part, min_words: usize) -> Finding {
    if !part_has_words(input, part, min_words) {
        return Finding::default();
    }
    let spans = input
        .labels
        .iter()
        .position(|&p| p == part)
        .map(|i| {
            let s = &input.doc.sents[i];
            input.doc.span(s.start, s.end)
        })
        .into_iter()
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
    let concrete = doc.clauses.iter().filter(|c| c.concrete).count();
    // A short answer may carry its whole action in one real deed.
    let short = doc.sents.len() <= 4;
    if concrete < MIN_ACTIONS && !(short && concrete == 1) {
        return Finding::default();
    }
    // Quote the action part first: the setting's "I ran payments" is
    // context, not the story's deeds.
    let found = Finding::from_spans(action_part_first(input, |cl| cl.concrete));
    // Deeds told only as "we" or "the team": done, but whose part is
    // the speaker's is left unsaid.
    let mine = doc
        .clauses
        .iter()
        .any(|c| c.concrete && c.agent == Agent::I);
    if mine { found } else { found.partly(TEAM_ONLY) }
}

/// The share of `star_action` deeds told only as the team's earn.
const TEAM_ONLY: f64 = 0.5;

/// Spans of the clauses passing `keep`, those in the action part first.
fn action_part_first(input: &Ctx<'_, '_>, keep: impl Fn(&Clause) -> bool) -> Spans {
    let doc = input.doc;
    let mut spans = Spans::new();
    for in_action in [true, false] {
        for cl in &doc.clauses {
            if spans.len() == MAX_EVIDENCE {
                return spans;
            }
            if keep(cl) && (input.labels[cl.sent as usize] == Part::Action) == in_action {
                add_span(&mut spans, doc.clause_span_of(cl));
            }
        }
    }
    spans
}

/// A measure in the result: in sentences labelled Result, or failing those,
/// in sentences that report an outcome verb ("cut", "reduced", "saved").
///
/// `remedy_from` is the first token of the speaker's first deed after a
/// fault was named: a figure told before it ("turn times went from 52
/// minutes to 94", "I saw that 2,300 calls a week were repeats") measures
/// the harm or the diagnosis, not what the remedy achieved.
pub fn quantified(input: &Ctx<'_, '_>, remedy_from: Option<u32>) -> Finding {
    let doc = input.doc;
    let mut spans = Spans::new();
    let mut outcome = false;
    let last_deed = doc
        .clauses
        .iter()
        .filter(|cl| cl.action && matches!(cl.agent, Agent::I | Agent::We))
        .map(|cl| cl.sent as usize)
        .max();
    // `strict` for a sentence read only because it comes after the
    // speaker's deeds: there a rate or a change from one figure to another
    // is an outcome, a count or a cost may be anything.
    let mut scan = |i: usize, strict: bool| {
        let s = &doc.sents[i];
        let since = none_since(input, i);
        for (a, b) in doc.measures(s.start..s.end) {
            if spans.len() == MAX_EVIDENCE {
                break;
            }
            let before_remedy = remedy_from.is_some_and(|r| a < r);
            // "Since then, fourteen months, we have had no gap", "we ran 38
            // blocks that way without a single early release": a count of
            // what has (not) gone wrong since, measured over a stretch.
            if since && !before_remedy && !planned_at(input, a) {
                if let Some(c) = doc.clause_of(a) {
                    outcome = true;
                    add_span(&mut spans, doc.clause_span(c));
                }
                continue;
            }
            if strict && !rate_or_change(input, a, b) {
                continue;
            }
            // "I asked the five whys" counts questions, not a result.
            let in_phrase = [Fam::RootCause, Fam::Buzz].iter().any(|&f| {
                doc.of_in(f, a.saturating_sub(3)..b)
                    .iter()
                    .any(|h| h.start <= a && a < h.end)
            });
            // "I plan to push for training on all three shifts" counts what
            // has not happened.
            let planned = doc
                .clause_of(a)
                .is_some_and(|c| input.clause_has(c, Fam::Planned) || input.hypothetical(c, a));
            // "We got two stewards to stand in the corridor", "I rang 40
            // customers": what the speaker put in, not what came of it.
            let deed = doc.clause_of(a).is_some_and(|c| {
                let cl = &doc.clauses[c];
                cl.action
                    && matches!(cl.agent, Agent::I | Agent::We)
                    && !input.clause_has_any(c, bit(Fam::ResultVerb) | bit(Fam::ResultCue))
            });
            // "The scheme cost about £90 a month" is what went in.
            let cost = (a.saturating_sub(4)..b).any(|j| {
                matches!(
                    doc.t.norm_of(j as usize),
                    "cost" | "costs" | "spent" | "spend"
                )
            });
            let harm = before_remedy || finding(input, a, last_deed);
            if time_frame(input, a, b)
                || harm
                || in_phrase
                || planned
                || deed
                || cost
                || threshold(input, a)
            {
                continue;
            }
            if let Some(c) = doc.clause_of(a) {
                // "I cut the checklist from 40 items to 18" measures the
                // speaker's change; "complaints fell from 11 to 4" what
                // came of it.
                let cl = &doc.clauses[c];
                if !(cl.action && matches!(cl.agent, Agent::I | Agent::We)) {
                    outcome = true;
                }
                add_span(&mut spans, doc.clause_span(c));
            }
        }
    };
    for i in part_sentences(input, Part::Result) {
        scan(i, false);
    }
    // An outcome told inside the action ("refunded all 150 customers"),
    // or after the speaker's last deed ("In the summer screening the share
    // below age level was 19%").
    for (i, &part) in input.labels.iter().enumerate().take(doc.sents.len()) {
        if part != Part::Result && none_since(input, i) {
            scan(i, false);
            continue;
        }
        if part == Part::Situation || part == Part::Result {
            continue;
        }
        if input.sent_has(i, Fam::ResultVerb) || input.sent_has(i, Fam::ResultCue) {
            scan(i, false);
        } else if last_deed.is_some_and(|d| i > d) {
            scan(i, true);
        }
    }
    let found = Finding::from_spans(spans);
    if outcome {
        found
    } else {
        found.partly(OWN_CHANGE_ONLY)
    }
}

/// Whether the measure at token `a` is a threshold in a rule, not a
/// result: "for each student who dropped below 92% I phoned home", "any
/// fridge that goes above 8 degrees", "if stock falls under 20". A limit
/// word before it, in a clause that sets a condition.
fn threshold(input: &Ctx<'_, '_>, a: u32) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(a) else {
        return false;
    };
    let cl = &doc.clauses[c];
    let limit = (a.saturating_sub(3).max(cl.start)..a)
        .any(|j| matches!(doc.word(j), "below" | "above" | "under" | "over" | "beyond"));
    // "authority to issue refunds up to £50": an allowance, not a result.
    let allowance = (a.saturating_sub(3).max(cl.start)..a)
        .any(|j| doc.word(j) == "up" && doc.word(j + 1) == "to")
        && (a.saturating_sub(1)..=a).any(|j| doc.word(j).starts_with(['£', '$', '€']));
    if allowance {
        return true;
    }
    let condition = matches!(
        doc.word(cl.start),
        "who" | "that" | "which" | "if" | "when" | "whenever" | "once" | "until" | "unless"
    );
    limit && condition
}

/// Whether the measure at token `a` sits in a plan or a conditional.
fn planned_at(input: &Ctx<'_, '_>, a: u32) -> bool {
    input
        .doc
        .clause_of(a)
        .is_some_and(|c| input.clause_has(c, Fam::Planned) || input.hypothetical(c, a))
}

/// Whether sentence `s` counts a failure that has not come back since the
/// fix: a "no", "without a single" or "not one" (each opens with a
/// `negator` match) and a "since" or "that way" ("Since then, fourteen
/// months, we have had no gap from leave", "Last year we ran 38 blocks
/// that way without a single early release").
fn none_since(input: &Ctx<'_, '_>, s: usize) -> bool {
    if !input.sent_has(s, Fam::Negator) {
        return false;
    }
    let doc = input.doc;
    let sent = &doc.sents[s];
    let words = sent.start..sent.end;
    let none = doc.of_in(Fam::Negator, words.clone()).iter().any(|h| {
        let next = doc.word(h.end);
        match doc.word(h.start) {
            "no" => doc.tok(h.end).is_wordlike() && !matches!(next, "longer" | "one" | "doubt"),
            "without" | "not" => next == "one" || next == "a" && doc.word(h.end + 1) == "single",
            _ => false,
        }
    });
    let since = || {
        doc.of_in(Fam::Subord, words.clone())
            .iter()
            .any(|h| doc.word(h.start) == "since")
            || doc
                .of_in(Fam::Determiner, words.clone())
                .iter()
                .any(|h| doc.word(h.start) == "that" && doc.word(h.start + 1) == "way")
    };
    none && since()
}

/// Whether the measure at token `a` is what the speaker found out before
/// the last of their deeds: "I pulled the crane logs and found that
/// unproductive moves had doubled" sizes the problem; the same words after
/// every deed ("In the end I found complaints had fallen from 11 to 4")
/// report the outcome.
fn finding(input: &Ctx<'_, '_>, a: u32, last_deed: Option<usize>) -> bool {
    let doc = input.doc;
    let Some(c) = doc.clause_of(a) else {
        return false;
    };
    let s = doc.clauses[c].sent as usize;
    let sent = &doc.sents[s];
    last_deed.is_some_and(|d| s < d)
        && doc.of_in(Fam::Perception, sent.start..a).iter().any(|h| {
            matches!(
                doc.word(h.start),
                "found" | "saw" | "noticed" | "discovered" | "realised" | "realized"
            )
        })
}

/// Whether the measure at tokens `a..b` is a rate ("retention was 79%",
/// "one in ten") or a change from one figure to another ("from 22 to 9"),
/// not money: what an outcome told without an outcome verb looks like.
fn rate_or_change(input: &Ctx<'_, '_>, a: u32, b: u32) -> bool {
    let doc = input.doc;
    let word = |j: u32| doc.word(j);
    let money = (a.saturating_sub(1)..b).any(|j| word(j).starts_with(['£', '$', '€']));
    let rate = (a..=b).any(|j| matches!(word(j), "%" | "percent" | "per"))
        || word(b) == "in" && word(b + 1).starts_with(|ch: char| ch.is_alphanumeric());
    let change = doc.clause_of(a).is_some_and(|c| {
        let cl = &doc.clauses[c];
        (cl.start..a).any(|j| word(j) == "from") && (b..cl.end).any(|j| word(j) == "to")
    });
    !money && (rate || change)
}

/// The share of `result_quantified` earned when the only measure is of the
/// speaker's own change, not of what came of it.
const OWN_CHANGE_ONLY: f64 = 0.6;

/// Words that put a duration before it as the time a result took, not
/// the result: "over the six weeks", "by the end of the month".
const FRAME_WORDS: [&str; 10] = [
    "over", "within", "after", "during", "for", "of", "in", "past", "next", "first",
];

/// Whether the measure at tokens `a..b` is a time frame ("over the six
/// weeks the waits felt shorter") rather than a measured change ("fell
/// from 38 minutes to 14", "cut it by two weeks").
fn time_frame(input: &Ctx<'_, '_>, a: u32, b: u32) -> bool {
    let doc = input.doc;
    let unit = doc.t.norm_of(b.saturating_sub(1) as usize);
    let next = doc.t.norm_of((b as usize).min(doc.t.toks.len() - 1));
    let before = |k: u32| a.checked_sub(k).map(|j| doc.t.norm_of(j as usize));
    // A clock time ("called at 8 a.m.") is when, not how much.
    if matches!(next, "a" | "p" | "am" | "pm" | "a.m" | "p.m" | "o'clock")
        || before(1) == Some("at")
    {
        return true;
    }
    let is_calendar = |w: &str| {
        matches!(
            w.trim_end_matches('s'),
            "day" | "week" | "month" | "year" | "quarter" | "shift" | "sprint" | "term"
        )
    };
    // "half term", "by half term": the calendar word may follow the measure.
    let after_next = doc.t.norm_of((b as usize + 1).min(doc.t.toks.len() - 1));
    if !is_calendar(unit) && !is_calendar(next) && !is_calendar(after_next) {
        return false;
    }
    // "By half term the queue…", "by week three": a "by" that opens its
    // clause says when; "cut it by two weeks" says how much.
    let opens = |j: u32| {
        j == 0
            || doc.sents.iter().any(|s| s.start == j)
            || !doc.tok(j - 1).is_wordlike()
            || doc.clause_of(j).is_some_and(|c| doc.clauses[c].start == j)
    };
    // The measure may take the "by" in ("by half").
    let by = if doc.t.norm_of(a as usize) == "by" {
        Some(a)
    } else {
        (before(1) == Some("by")).then(|| a - 1)
    };
    if by.is_some_and(opens) {
        return true;
    }
    if matches!(before(1), Some("from" | "to" | "by")) {
        return false;
    }
    (1..=3).any(|k| before(k).is_some_and(|w| FRAME_WORDS.contains(&w)))
}

/// Actions told mostly as "I": at least two, and at least 60% of the
/// actions with a person doing them.
pub fn first_person(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    let mut mine = 0usize;
    let mut ours = 0usize;
    for cl in doc.clauses.iter().filter(|cl| cl.action) {
        match cl.agent {
            Agent::I => mine += 1,
            Agent::We => ours += 1,
            _ => {}
        }
    }
    if mine == 0 || mine + ours < 2 && ours > 0 || mine * 10 < 6 * (mine + ours) {
        return Finding::default();
    }
    Finding::from_spans(action_part_first(input, |cl| {
        cl.action && cl.agent == Agent::I
    }))
}

/// Concrete detail: numbers, names, acronyms and technical nouns, enough of
/// them for the answer's size, and clearly more than vague words and hedges.
pub fn specificity(input: &Ctx<'_, '_>) -> Finding {
    let doc = input.doc;
    let vague = doc.of(Fam::Vague).len() + doc.of(Fam::Hedge).len();
    // Enough for the answer's size (one per 40 words), and clearly more
    // than the vague words. Words and spelled-out measures are counted
    // only when the written details fall short.
    let words = || doc.t.toks.iter().filter(|t| t.is_wordlike()).count();
    let enough =
        |d: usize| d >= 2 && d > 2 * vague && (d * 60 >= doc.t.toks.len() || d * 60 >= words());
    let details = doc.detail.iter().filter(|&&d| d).count();
    // Spelled-out measures ("two bad files", "halved") are details too.
    let spelled = || {
        doc.measures(0..u32::try_from(doc.detail.len()).unwrap_or(u32::MAX))
            .filter(|&(a, _)| !doc.detail[a as usize])
            .count()
    };
    if !enough(details) && !enough(details + spelled()) {
        return Finding::miss_with(
            doc.of(Fam::Vague)
                .iter()
                .chain(doc.of(Fam::Hedge))
                .take(MAX_EVIDENCE)
                .map(|h| doc.span(h.start, h.end))
                .collect(),
        );
    }
    let mut spans = Spans::new();
    for (i, _) in (0u32..).zip(&doc.detail).filter(|(_, d)| **d) {
        if spans.len() == MAX_EVIDENCE {
            break;
        }
        add_span(&mut spans, doc.span(i, i + 1));
    }
    Finding::from_spans(spans)
}
