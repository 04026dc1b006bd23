//! The analysed answer: tokens, family matches, sentences and clauses, and
//! for every clause who acts in it and whether it tells a real action.
//!
//! Clauses are the unit of meaning for the detectors: negation and
//! hypotheticals scope over a clause ("we never added a test"), the agent of
//! a clause says whose fault or whose action it is, and clause order gives
//! the order in which causes are named. Sentences are found from punctuation
//! and line structure; spoken transcripts with no punctuation are cut at
//! spoken openers ("so I", "and then we").
//!
//! Split by concern: [`segment`] cuts sentences and clauses, [`clause`]
//! finds who acts and whether a deed is told, [`detail`] finds measures and
//! concrete details.

mod clause;
mod detail;
mod index;
mod segment;
mod spare;

use std::ops::Range;

use super::lexicon::{Fam, Hit, Lexicon};
use super::star::{Part, Region};
use super::text::{CAP, NEG, NUMBER, Token, Tokens, WORD, tokenize_region};

/// Who does what a clause says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agent {
    None,
    /// The speaker alone.
    I,
    /// The speaker's team ("we", "my team").
    We,
    /// Someone else: a person, a role, another team, a name.
    Other,
    /// "Nobody", "no one": an absence, not a person.
    Nobody,
}

/// How a clause was cut from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// First clause of a sentence.
    Start,
    /// After a comma or a coordinator ("and", "but", "then"): a missing
    /// subject is the previous clause's.
    Coord,
    /// After a subordinator or a perception verb ("I noticed the data was
    /// wrong"): its own subject.
    Sub,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: u32,
    pub end: u32,
    pub heading: Option<Part>,
}

#[derive(Debug, Clone)]
pub struct Clause {
    pub start: u32,
    pub end: u32,
    pub sent: u32,
    pub join: Join,
    pub agent: Agent,
    /// The agent's first token, when it is in this clause.
    pub agent_tok: Option<u32>,
    /// The token after the agent (its phrase may be several words), or the
    /// clause start when the agent is inherited.
    pub after_agent: u32,
    /// Tells something the agent (speaker or team) did.
    pub action: bool,
    /// An action with a concrete object, not a string of buzzwords.
    pub concrete: bool,
}

/// An analysed answer.
pub struct Doc<'a> {
    pub t: Tokens<'a>,
    /// Family matches by start token (kept only to reuse the buffer).
    hits: Vec<Hit>,
    /// Family matches sorted by family, then start token.
    by_fam: Vec<Hit>,
    fam_off: [u32; FAMILIES + 1],
    /// Bit per family with a match starting at each token.
    pub starts: Vec<u128>,
    /// Bit per family with a match ending at each token.
    pub ends: Vec<u128>,
    pub sents: Vec<Sentence>,
    pub clauses: Vec<Clause>,
    /// Per token: inside (not first token of) a multi-word match, where a
    /// clause must not be cut ("since then", "and then").
    inside: Vec<bool>,
    /// Per token: concrete detail (number, name, acronym, technical noun).
    pub detail: Vec<bool>,
    /// Measures as token spans, in order.
    measure_spans: Vec<(u32, u32)>,
    /// First token and part of each STAR region (kept only to reuse the
    /// buffer).
    heads: Vec<(usize, Option<Part>)>,
    /// The answer is a plan, asked for by a hypothetical question ("How
    /// would you…?"): "I'd call the director" is a step of it, told as a
    /// deed, where in a story it would be no deed at all.
    plan: bool,
}

/// What [`Doc::tok`] gives past the last token.
static NO_TOKEN: Token = Token {
    start: 0,
    end: 0,
    nstart: 0,
    nend: 0,
    id: 0,
    flags: 0,
};

/// How many word families there are.
const FAMILIES: usize = Fam::ALL.len();

const MAX_SENTENCE: usize = 60;
const MAX_CLAUSE: u32 = 40;
const SPOKEN_SPLIT_AT: u32 = 25;
/// How far back [`Doc::negated`] looks for a negator, at most (the
/// detectors' quick pre-check reads the same reach).
pub(crate) const NEGATION_REACH: u32 = 5;

/// Families that mark a verb: where the search for a clause's subject stops.
const VERBS: u128 = bit(Fam::ActionVerb)
    | bit(Fam::CommVerb)
    | bit(Fam::FaultVerb)
    | bit(Fam::Diligence)
    | bit(Fam::Enact)
    | bit(Fam::Stative);

/// The bit of family `f` in the per-token and per-clause masks. Read from
/// a table: for a family known only at run time, a load is a few
/// instructions fewer than a 128-bit shift by a variable.
pub const fn bit(f: Fam) -> u128 {
    const BITS: [u128; FAMILIES] = {
        let mut bits = [0; FAMILIES];
        let mut i = 0;
        while i < FAMILIES {
            bits[i] = 1 << i;
            i += 1;
        }
        bits
    };
    BITS[f as usize]
}

impl Drop for Doc<'_> {
    /// Hands the buffers back for the next analysis on this thread.
    fn drop(&mut self) {
        let (toks, norm) = std::mem::take(&mut self.t).into_buffers();
        spare::give(spare::Spare {
            toks,
            norm,
            hits: std::mem::take(&mut self.hits),
            by_fam: std::mem::take(&mut self.by_fam),
            starts: std::mem::take(&mut self.starts),
            ends: std::mem::take(&mut self.ends),
            inside: std::mem::take(&mut self.inside),
            detail: std::mem::take(&mut self.detail),
            measure_spans: std::mem::take(&mut self.measure_spans),
            sents: std::mem::take(&mut self.sents),
            clauses: std::mem::take(&mut self.clauses),
            heads: std::mem::take(&mut self.heads),
        });
    }
}

impl<'a> Doc<'a> {
    /// Analyses `src`, whose STAR `regions` were already found.
    pub fn build(src: &'a str, regions: &[Region], lex: &'a Lexicon) -> Doc<'a> {
        Doc::build_reading(src, regions, lex, false)
    }

    /// [`Doc::build`] for the answer to a hypothetical question: the
    /// plan's "would", "will" and "'ll" ("I'd ring the retailers", "I
    /// would pull the samples") tell its steps, and count as deeds.
    /// Conditions and doubts ("if", "should", "might") stay hypothetical.
    pub fn build_as_plan(src: &'a str, regions: &[Region], lex: &'a Lexicon) -> Doc<'a> {
        Doc::build_reading(src, regions, lex, true)
    }

    fn build_reading(src: &'a str, regions: &[Region], lex: &'a Lexicon, plan: bool) -> Doc<'a> {
        let spare = spare::take();
        let mut t = Tokens::reusing(src, lex, spare.toks, spare.norm);
        let mut heads = spare.heads;
        heads.clear();
        for r in regions {
            let before = t.toks.len();
            tokenize_region(src, r.start, r.end, &mut t);
            heads.push((before, r.part));
        }
        let mut hits = spare.hits;
        lex.scan_into(&t, &mut hits);
        hits.retain(|h| {
            !(matches!(h.fam, Fam::Modal | Fam::Stative) && is_the_month_may(&t, h.start as usize)
                || h.fam == Fam::ResultCue && gets_someone_to_act(&t, h.end as usize)
                || plan && h.fam == Fam::Modal && plan_step(&t, h))
        });
        let mut doc = Doc {
            t,
            hits,
            by_fam: spare.by_fam,
            fam_off: [0; FAMILIES + 1],
            starts: spare.starts,
            ends: spare.ends,
            sents: spare.sents,
            clauses: spare.clauses,
            inside: spare.inside,
            detail: spare.detail,
            measure_spans: spare.measure_spans,
            heads: Vec::new(),
            plan,
        };
        doc.index_hits();
        doc.split_sentences(&heads);
        doc.heads = heads;
        doc.split_clauses();
        doc
    }

    /// Token `i`, or past the last token an empty one (no word, no
    /// flags): detectors look a word or two ahead, and an answer may end on
    /// the word they look from.
    pub fn tok(&self, i: u32) -> &Token {
        self.t.toks.get(i as usize).unwrap_or(&NO_TOKEN)
    }

    /// Whether a match of `f` starts at token `i` (none past the end).
    pub fn has(&self, i: u32, f: Fam) -> bool {
        self.starts.get(i as usize).is_some_and(|m| m & bit(f) != 0)
    }

    /// All matches of family `f`, by start token.
    pub fn of(&self, f: Fam) -> &[Hit] {
        let i = f as usize;
        &self.by_fam[self.fam_off[i] as usize..self.fam_off[i + 1] as usize]
    }

    /// Matches of `f` starting inside `range` (token indices).
    pub fn of_in(&self, f: Fam, range: Range<u32>) -> &[Hit] {
        let all = self.of(f);
        let a = all.partition_point(|h| h.start < range.start);
        let b = all.partition_point(|h| h.start < range.end);
        &all[a..b]
    }

    /// Byte span of tokens `start..end`.
    pub fn span(&self, start: u32, end: u32) -> (usize, usize) {
        (
            self.tok(start).start as usize,
            self.tok(end.max(start + 1) - 1).end as usize,
        )
    }

    pub fn clause_span_of(&self, cl: &Clause) -> (usize, usize) {
        self.span(cl.start, cl.end)
    }

    pub fn clause_span(&self, c: usize) -> (usize, usize) {
        let cl = &self.clauses[c];
        self.span(cl.start, cl.end)
    }

    /// The clause holding token `i`, if any (punctuation between clauses has
    /// none).
    pub fn clause_of(&self, i: u32) -> Option<usize> {
        let k = self.clauses.partition_point(|c| c.end <= i);
        (k < self.clauses.len() && self.clauses[k].start <= i).then_some(k)
    }

    /// The clause right before clause `c` when it is in the same sentence:
    /// the clause `c` hangs from ("I decided | to stay on the fix…").
    pub fn clause_before(&self, c: usize) -> Option<&Clause> {
        let before = &self.clauses[c.checked_sub(1)?];
        (before.sent == self.clauses[c].sent).then_some(before)
    }

    /// Whether a negator ("not", "didn't", "never", "nobody", "without",
    /// "instead of") scopes over token `at` in clause `c`.
    pub fn negated(&self, c: usize, at: u32) -> bool {
        let cl = &self.clauses[c];
        // A phrase that is itself negative ("without approval", "didn't
        // wait") is turned round only by a negator right before it.
        let self_negative =
            self.tok(at).is(NEG) || self.starts[at as usize] & bit(Fam::Negator) != 0;
        let reach = if self_negative { 1 } else { NEGATION_REACH };
        let from = cl.start.max(at.saturating_sub(reach));
        (from..at).any(|j| {
            let negator = self.tok(j).is(NEG)
                || (self.starts[j as usize] | self.ends[j as usize])
                    & (bit(Fam::Negator) | bit(Fam::Nobody))
                    != 0;
            // "I didn't just tell staff to be careful": "not just" means
            // "not only", and what follows was done. "You can't just wish
            // costs away" still says it is not done.
            let done = matches!(self.word(j), "didn't" | "don't" | "doesn't")
                || j > 0 && matches!(self.word(j - 1), "did" | "do" | "does");
            let not_only = j + 1 < at
                && done
                && matches!(self.word(j + 1), "just" | "only" | "simply" | "merely");
            negator && !not_only
        })
    }

    /// Whether a modal or hypothetical ("should", "will", "next time", "if")
    /// comes before token `at` in clause `c`: the act was not done.
    pub fn hypothetical(&self, c: usize, at: u32) -> bool {
        let cl = &self.clauses[c];
        (cl.start..at).any(|j| self.has(j, Fam::Modal))
    }

    /// Whether the subject of clause `cl` is a thing, not a person: named by
    /// a word that is no person word and no name ("the bedside printers",
    /// "the credit offer"), with no person word before its verb.
    pub fn agent_is_a_thing(&self, cl: &Clause) -> bool {
        cl.agent == Agent::Other
            && cl
                .agent_tok
                .is_some_and(|t| !self.has(t, Fam::Other) && !self.tok(t).is(CAP))
            && !(cl.start..cl.after_agent).any(|j| self.has(j, Fam::Other))
    }

    /// Whether sentence `s` answers a question the speaker just asked: the
    /// sentence before it is one, or the one before that when `s` carries
    /// the answer on ("Why? The courier had been cut to one run a day. |
    /// And the lab was never told.").
    pub fn answers_question(&self, s: usize) -> bool {
        s > 0 && self.is_question(s - 1)
            || s > 1
                && self.is_question(s - 2)
                && !self.is_question(s - 1)
                && (self.sents[s].start..self.sents[s].end)
                    .find(|&j| self.tok(j).is_wordlike())
                    .is_some_and(|j| self.word(j) == "and")
    }

    /// Whether sentence `s` is a question: it ends with "?".
    pub fn is_question(&self, s: usize) -> bool {
        let (a, b) = self.span(self.sents[s].start, self.sents[s].end);
        self.t.src()[a..b].trim_end().ends_with('?')
    }

    /// The normal form of token `j`, and "" past the answer's end: for
    /// looking a word or two ahead without a bounds check at every step.
    pub fn word(&self, j: u32) -> &str {
        if (j as usize) < self.t.toks.len() {
            self.t.norm_of(j as usize)
        } else {
            ""
        }
    }

    /// The first byte of token `j` in the answer, lower-cased, and 0 past
    /// its end: a cheap look that rules most words out before [`Doc::word`]
    /// is compared.
    pub fn initial(&self, j: u32) -> u8 {
        self.t.toks.get(j as usize).map_or(0, |t| {
            self.t.src().as_bytes()[t.start as usize].to_ascii_lowercase()
        })
    }

    /// The normal form of token `j` while it lies inside clause `cl`, and
    /// "" past its end: for looking a few words ahead without leaving it.
    pub fn word_in(&self, cl: &Clause, j: u32) -> &str {
        if j < cl.end {
            self.t.norm_of(j as usize)
        } else {
            ""
        }
    }

    /// Number of actions told in sentence `s`.
    pub fn sentence_actions(&self, s: usize) -> usize {
        let a = self.clauses.partition_point(|c| (c.sent as usize) < s);
        self.clauses[a..]
            .iter()
            .take_while(|c| c.sent as usize == s)
            .filter(|c| c.action)
            .count()
    }

    /// Whether the word before token `j` makes it a passive ("customers
    /// were charged twice", "I was told"): the subject underwent it.
    pub fn after_passive_aux(&self, j: u32) -> bool {
        let aux = |k: u32| {
            matches!(
                self.t.norm_of(k as usize),
                "was" | "were" | "been" | "being" | "got" | "wasn't" | "weren't"
            )
        };
        // "was told", "wasn't told", "was never told", "were not told",
        // "was n't told".
        j > 0 && aux(j - 1)
            || j > 1
                && matches!(self.t.norm_of(j as usize - 1), "never" | "not" | "n't")
                && aux(j - 2)
    }

    /// Whether tokens `range` hold a measure: a number that is not a lone
    /// year, a number word with a unit, or a multiplier ("halved").
    pub fn has_measure(&self, range: Range<u32>) -> bool {
        self.measures(range).next().is_some()
    }
}

/// Whether the modal match `h` is a step of a plan: "would", "will",
/// "'ll", "going to" ("I would pull the samples", "we'll ring them"), not
/// a condition or a doubt ("if", "should", "might", "would have").
fn plan_step(t: &Tokens<'_>, h: &Hit) -> bool {
    h.end == h.start + 1 && matches!(t.norm_of(h.start as usize), "would" | "will" | "'ll")
        || t.norm_of(h.start as usize) == "going" && h.end == h.start + 2
}

/// Whether a "got" ending at token `end` makes someone do something ("we
/// got two stewards to stand in the corridor", "I got the chef to taste
/// it"): a deed, not the result "we got" reports ("we got the contract",
/// "we got it down to 7").
fn gets_someone_to_act(t: &Tokens<'_>, end: usize) -> bool {
    if end == 0 || t.norm_of(end - 1) != "got" {
        return false;
    }
    let n = t.toks.len();
    (end + 1..(end + 5).min(n.saturating_sub(1))).any(|k| {
        t.norm_of(k) == "to"
            && t.toks[k + 1].is(WORD)
            && !t.toks[k + 1].is(NUMBER)
            && !matches!(t.norm_of(k - 1), "down" | "up" | "back" | "out" | "through")
            && !matches!(
                t.norm_of(k + 1),
                "the"
                    | "a"
                    | "an"
                    | "our"
                    | "their"
                    | "its"
                    | "his"
                    | "her"
                    | "my"
                    | "zero"
                    | "normal"
                    | "under"
                    | "below"
                    | "above"
                    | "within"
                    | "about"
                    | "around"
            )
            && (end..k).all(|j| t.toks[j].is(WORD))
    })
}

/// Whether token `i` is "May" the month, not the modal: capitalised after
/// another word ("Last May I…", "in May"), after a word that only dates
/// ("since may"), or before a number ("May 2023", "May 14").
fn is_the_month_may(t: &Tokens<'_>, i: usize) -> bool {
    if t.norm_of(i) != "may" {
        return false;
    }
    let after_word = i > 0 && t.toks[i - 1].is(WORD);
    let capital = t.toks[i].is(CAP) && after_word;
    let dating = i > 0
        && matches!(
            t.norm_of(i - 1),
            "in" | "last" | "next" | "early" | "late" | "mid" | "since" | "until" | "of"
        );
    let dated = t.toks.get(i + 1).is_some_and(|n| n.is(NUMBER));
    capital || dating || dated
}
