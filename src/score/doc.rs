//! The analysed answer: tokens, family matches, sentences and clauses, and
//! for every clause who acts in it and whether it tells a real action.
//!
//! Clauses are the unit of meaning for the detectors: negation and
//! hypotheticals scope over a clause ("we never added a test"), the agent of
//! a clause says whose fault or whose action it is, and clause order gives
//! the order in which causes are named. Sentences are found from punctuation
//! and line structure; spoken transcripts with no punctuation are cut at
//! spoken openers ("so I", "and then we").

use std::ops::Range;

use super::lexicon::{Fam, Hit, Lexicon};
use super::star::{Part, Region};
use super::text::{
    ACRONYM, BREAK_BEFORE, CAP, HAS_DIGIT, LINE_START, NEG, NUMBER, PUNCT, Token, Tokens, WORD,
    tokenize_region,
};

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
    _src: std::marker::PhantomData<&'a str>,
    pub t: Tokens,
    /// Family matches sorted by family, then start token.
    by_fam: Vec<Hit>,
    fam_off: Vec<u32>,
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
    /// Per token: first token of its sentence.
    sent_first: Vec<bool>,
    /// Per token: length of the measure starting there, 0 for none.
    measure_len: Vec<u8>,
}

const MAX_SENTENCE: usize = 60;
const MAX_CLAUSE: u32 = 40;
const SPOKEN_SPLIT_AT: usize = 25;
const NEGATION_REACH: u32 = 5;

/// Families that mark a verb: where the search for a clause's subject stops.
const VERBS: u128 = bit(Fam::ActionVerb)
    | bit(Fam::CommVerb)
    | bit(Fam::FaultVerb)
    | bit(Fam::Diligence)
    | bit(Fam::Enact)
    | bit(Fam::Stative);

pub const fn bit(f: Fam) -> u128 {
    1u128 << (f as u32)
}

impl<'a> Doc<'a> {
    /// Analyses `src`, whose STAR `regions` were already found.
    pub fn build(src: &'a str, regions: &[Region], lex: &Lexicon) -> Doc<'a> {
        let mut t = Tokens::default();
        t.toks.reserve(src.len() / 4);
        t.norm.reserve(src.len() + src.len() / 8);
        let mut heads = Vec::new();
        for r in regions {
            let before = t.toks.len();
            tokenize_region(src, r.start, r.end, &mut t);
            heads.push((before, r.part));
        }
        let hits = lex.scan(&t);
        let n = t.toks.len();
        let mut starts = vec![0u128; n];
        let mut ends = vec![0u128; n];
        let nfam = Fam::ALL.len();
        let mut fam_off = vec![0u32; nfam + 1];
        let mut inside = vec![false; n];
        for h in &hits {
            for j in h.start + 1..h.end {
                inside[j as usize] = true;
            }
            starts[h.start as usize] |= bit(h.fam);
            ends[h.end as usize - 1] |= bit(h.fam);
            fam_off[h.fam as usize + 1] += 1;
        }
        for i in 0..nfam {
            fam_off[i + 1] += fam_off[i];
        }
        let mut fill = fam_off.clone();
        let mut by_fam = vec![
            Hit {
                fam: Fam::I,
                start: 0,
                end: 0
            };
            hits.len()
        ];
        for h in hits {
            let slot = &mut fill[h.fam as usize];
            by_fam[*slot as usize] = h;
            *slot += 1;
        }
        let mut doc = Doc {
            _src: std::marker::PhantomData,
            t,
            by_fam,
            fam_off,
            starts,
            ends,
            sents: Vec::new(),
            clauses: Vec::new(),
            inside,
            detail: Vec::new(),
            sent_first: Vec::new(),
            measure_len: Vec::new(),
        };
        doc.mark_measures();
        doc.split_sentences(&heads);
        doc.mark_details();
        doc.split_clauses();
        doc
    }

    pub fn tok(&self, i: u32) -> &Token {
        &self.t.toks[i as usize]
    }

    pub fn has(&self, i: u32, f: Fam) -> bool {
        self.starts[i as usize] & bit(f) != 0
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

    pub fn any_in(&self, f: Fam, range: Range<u32>) -> bool {
        !self.of_in(f, range).is_empty()
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
            self.tok(j).is(NEG)
                || (self.starts[j as usize] | self.ends[j as usize])
                    & (bit(Fam::Negator) | bit(Fam::Nobody))
                    != 0
        })
    }

    /// Whether a modal or hypothetical ("should", "will", "next time", "if")
    /// comes before token `at` in clause `c`: the act was not done.
    pub fn hypothetical(&self, c: usize, at: u32) -> bool {
        let cl = &self.clauses[c];
        (cl.start..at).any(|j| self.has(j, Fam::Modal))
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

    /// Whether tokens `range` hold a measure: a number that is not a lone
    /// year, a number word with a unit, or a multiplier ("halved").
    pub fn has_measure(&self, range: Range<u32>) -> bool {
        self.measures(range).next().is_some()
    }

    /// The measures in `range`, as token spans.
    pub fn measures(&self, range: Range<u32>) -> impl Iterator<Item = (u32, u32)> + '_ {
        range.filter_map(move |i| {
            let len = self.measure_len[i as usize];
            (len > 0).then_some((i, i + u32::from(len)))
        })
    }

    /// Finds every measure once: a number that is not a lone year, money,
    /// a number word with a unit, or a multiplier ("halved").
    fn mark_measures(&mut self) {
        let n = self.t.toks.len();
        let mut out = vec![0u8; n];
        // "Committed one hundred percent" is emphasis, not a measure.
        let mut boost = vec![false; n];
        for h in self.of(Fam::Intensifier) {
            for j in h.start..h.end {
                boost[j as usize] = true;
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        for i in 0..n as u32 {
            if boost[i as usize] {
                continue;
            }
            let t = self.tok(i);
            let next_unit = (i as usize) + 1 < n && self.has(i + 1, Fam::MeasureUnit);
            if t.is(NUMBER) {
                let text = self.t.norm_of(i as usize);
                let year = text.len() == 4
                    && (text.starts_with("19") || text.starts_with("20"))
                    && text.bytes().all(|b| b.is_ascii_digit());
                let money = i > 0 && matches!(self.t.norm_of(i as usize - 1), "$" | "€" | "£");
                if !year || next_unit || money {
                    out[i as usize] = 1 + u8::from(next_unit);
                }
            } else if self.has(i, Fam::Multiplier) || self.has(i, Fam::WordNumber) && next_unit {
                out[i as usize] = 1 + u8::from(next_unit);
            } else if self.has(i, Fam::WordNumber) {
                // A count: "four closes", "two bad runs".
                let plural = |j: u32| {
                    (j as usize) < n && self.tok(j).is(WORD) && {
                        let w = self.t.norm_of(j as usize);
                        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                    }
                };
                if plural(i + 1) {
                    out[i as usize] = 2;
                } else if plural(i + 2)
                    && self.tok(i + 1).is(WORD)
                    && !self.has(i + 1, Fam::Determiner)
                {
                    out[i as usize] = 3;
                }
            }
        }
        self.measure_len = out;
    }

    fn split_sentences(&mut self, heads: &[(usize, Option<Part>)]) {
        let n = self.t.toks.len();
        let mut heading = None;
        let mut head_iter = heads.iter().peekable();
        let mut s0 = 0usize;
        let mut sents = Vec::new();
        for i in 0..n {
            while let Some(&&(at, part)) = head_iter.peek() {
                if at <= i {
                    if at == i && i > s0 {
                        push_sent(&mut sents, s0, i, heading);
                        s0 = i;
                    }
                    heading = part;
                    head_iter.next();
                } else {
                    break;
                }
            }
            let t = self.t.toks[i];
            if i > s0 && (t.is(BREAK_BEFORE) || self.line_starts_sentence(i)) {
                push_sent(&mut sents, s0, i, heading);
                s0 = i;
            }
            if t.is(PUNCT) && self.is_terminal(i) || i + 1 - s0 >= MAX_SENTENCE {
                push_sent(&mut sents, s0, i + 1, heading);
                s0 = i + 1;
            }
        }
        if s0 < n {
            push_sent(&mut sents, s0, n, heading);
        }
        // Spoken transcripts: cut long runs at "so I", "and then we".
        let mut out = Vec::with_capacity(sents.len());
        for s in sents {
            let words = s.end - s.start;
            if (words as usize) < SPOKEN_SPLIT_AT {
                out.push(s);
                continue;
            }
            let mut a = s.start;
            for j in s.start + 1..s.end.saturating_sub(1) {
                let opener = self.has(j, Fam::Opener) || self.has(j, Fam::Coord);
                let next_agent = self.starts[j as usize + 1]
                    & (bit(Fam::I) | bit(Fam::We) | bit(Fam::Other))
                    != 0;
                if opener && next_agent && j - a >= 5 {
                    out.push(Sentence {
                        start: a,
                        end: j,
                        heading: s.heading,
                    });
                    a = j;
                }
            }
            out.push(Sentence {
                start: a,
                end: s.end,
                heading: s.heading,
            });
        }
        self.sents = out;
    }

    fn line_starts_sentence(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        if !t.is(LINE_START) {
            return false;
        }
        let prev = self.t.norm_of(i - 1);
        t.is(CAP)
            || t.is(NUMBER)
            || matches!(prev, "." | "!" | "?" | ":" | "…")
            || self.starts[i] & bit(Fam::Opener) != 0
    }

    fn is_terminal(&self, i: usize) -> bool {
        let p = self.t.norm_of(i);
        if !matches!(p, "." | "!" | "?" | "…") {
            return false;
        }
        if p == "." && i > 0 && i + 1 < self.t.toks.len() {
            let prev = self.t.norm_of(i - 1);
            let next = &self.t.toks[i + 1];
            let abbrev = prev.chars().count() == 1
                || matches!(
                    prev,
                    "etc" | "vs" | "mr" | "mrs" | "ms" | "dr" | "approx" | "inc" | "e.g" | "i.e"
                );
            if abbrev && next.is(WORD) && !next.is(CAP) {
                return false;
            }
        }
        true
    }

    fn mark_details(&mut self) {
        let n = self.t.toks.len();
        let mut detail = vec![false; n];
        let mut sent_first = vec![false; n];
        for s in &self.sents {
            if (s.start as usize) < n {
                sent_first[s.start as usize] = true;
            }
        }
        for (i, t) in self.t.toks.iter().enumerate() {
            let family = self.starts[i]
                & (bit(Fam::I) | bit(Fam::We) | bit(Fam::Other) | bit(Fam::Buzz))
                != 0;
            let name = t.is(CAP) && t.is(WORD) && !sent_first[i] && !t.is(LINE_START) && !family;
            detail[i] = t.is(NUMBER)
                || t.is(HAS_DIGIT)
                || (t.is(ACRONYM) && !family)
                || name
                || self.starts[i] & bit(Fam::Concrete) != 0;
        }
        self.detail = detail;
        self.sent_first = sent_first;
    }

    fn split_clauses(&mut self) {
        let mut clauses = Vec::new();
        for (si, s) in self.sents.iter().enumerate() {
            let mut c0 = s.start;
            let mut join = Join::Start;
            #[allow(clippy::cast_possible_truncation)]
            let si = si as u32;
            let mut j = s.start;
            while j < s.end {
                let t = self.tok(j);
                if t.is(PUNCT) {
                    if j > c0 {
                        clauses.push(raw_clause(c0, j, si, join));
                        join = Join::Coord;
                    }
                    c0 = j + 1;
                } else if j > c0
                    && !self.inside[j as usize]
                    && self.starts[j as usize]
                        & (bit(Fam::Coord)
                            | bit(Fam::Subord)
                            | bit(Fam::Concession)
                            | bit(Fam::Contrast))
                        != 0
                {
                    clauses.push(raw_clause(c0, j, si, join));
                    join = if self.starts[j as usize] & (bit(Fam::Coord) | bit(Fam::Contrast)) != 0
                    {
                        Join::Coord
                    } else {
                        Join::Sub
                    };
                    c0 = j;
                }
                if j + 1 < s.end && j >= c0 && self.ends[j as usize] & bit(Fam::Perception) != 0 {
                    clauses.push(raw_clause(c0, j + 1, si, join));
                    join = Join::Sub;
                    c0 = j + 1;
                }
                if j + 1 - c0 >= MAX_CLAUSE && j + 1 > c0 {
                    clauses.push(raw_clause(c0, j + 1, si, join));
                    join = Join::Coord;
                    c0 = j + 1;
                }
                j += 1;
            }
            if s.end > c0 {
                clauses.push(raw_clause(c0, s.end, si, join));
            }
        }
        self.clauses = clauses;
        for c in 0..self.clauses.len() {
            self.analyse_clause(c);
        }
    }

    /// The subject of tokens `start..end`: who, at which token, and
    /// whether the subject is a thing ("it", "the build") rather than a
    /// person.
    fn find_agent(&self, start: u32, end: u32) -> (Agent, Option<u32>, bool) {
        let mut agent = Agent::None;
        let mut agent_tok = None;
        let mut impersonal = false;
        let mut words = 0;
        for j in start..end {
            let m = self.starts[j as usize];
            if m & (bit(Fam::Coord)
                | bit(Fam::Subord)
                | bit(Fam::Concession)
                | bit(Fam::Contrast)
                | bit(Fam::SkipAdv))
                != 0
                && words == 0
            {
                continue;
            }
            if m & bit(Fam::Prep) != 0 && !self.inside[j as usize] {
                break;
            }
            if self.inside[j as usize] {
                continue;
            }
            if m & bit(Fam::Impersonal) != 0 {
                impersonal = true;
                break;
            }
            // A verb before any person: the subject was left out ("…, told
            // my manager"), so a person after it is an object.
            if m & VERBS != 0 && m & (bit(Fam::I) | bit(Fam::We)) == 0 {
                break;
            }
            let found = if m & bit(Fam::We) != 0 {
                Agent::We
            } else if m & bit(Fam::I) != 0 {
                Agent::I
            } else if m & bit(Fam::Nobody) != 0 {
                Agent::Nobody
            } else if m & bit(Fam::Other) != 0 || self.is_name(j, start) {
                Agent::Other
            } else if m & bit(Fam::OrgUnit) != 0 {
                // "The receiving team", "another department": someone else's
                // unless it is "my" or "our" one.
                let ours = (j.saturating_sub(3).max(start)..j)
                    .any(|k| matches!(self.t.norm_of(k as usize), "my" | "our"));
                if ours { Agent::We } else { Agent::Other }
            } else {
                Agent::None
            };
            if found != Agent::None {
                agent = found;
                agent_tok = Some(j);
                break;
            }
            if self.tok(j).is_wordlike() {
                words += 1;
                if words > 4 {
                    break;
                }
            }
        }
        (agent, agent_tok, impersonal)
    }

    /// Finds the clause's agent and whether it tells an action.
    fn analyse_clause(&mut self, c: usize) {
        let (start, end, mut join, sent) = {
            let cl = &self.clauses[c];
            (cl.start, cl.end, cl.join, cl.sent)
        };
        // A clause that opens with "which", "because", "when" is
        // subordinate, however it was cut.
        if self.starts[start as usize] & (bit(Fam::Subord) | bit(Fam::Concession)) != 0
            && self.starts[start as usize] & bit(Fam::Coord) == 0
        {
            join = Join::Sub;
            self.clauses[c].join = join;
        }
        let (mut agent, agent_tok, impersonal) = self.find_agent(start, end);
        let mut implicit = false;
        // A subject is left out only when a verb comes straight after the
        // conjunction ("…, and deleted the photos"); "and a customer
        // dropped…" has its own.
        let elided = self.first_word(start, end).is_some_and(|w| {
            self.starts[w as usize] & (VERBS | bit(Fam::Negator)) != 0 || self.tok(w).is(NEG)
        });
        if agent == Agent::None && !impersonal && elided && join == Join::Coord {
            // The nearest subject earlier in the sentence: "our platform
            // team, who are supposed to track vendors, never passed it on".
            if let Some(prev) = self.clauses[..c]
                .iter()
                .rev()
                .take_while(|k| k.sent == sent)
                .find(|k| k.agent != Agent::None)
            {
                agent = prev.agent;
                implicit = true;
            }
        }
        // A bullet or subjectless line that opens with an action verb
        // ("- Wrote a script to …") is the speaker's.
        if agent == Agent::None
            && !impersonal
            && self
                .first_word(start, end)
                .is_some_and(|w| self.has(w, Fam::ActionVerb))
        {
            agent = Agent::I;
            implicit = true;
        }
        let verb_from = match agent_tok {
            Some(a) => self.skip_agent(a, end),
            None if implicit => start,
            None => end,
        };
        // "I'm", "we're": a state, not a deed.
        let state_agent = agent_tok.is_some_and(|a| {
            matches!(self.t.norm_of(a as usize), "i'm" | "we're" | "i'd" | "we'd")
        });
        // "I always disagree respectfully": a habit claimed, not a deed told.
        let habit = self.any_in(Fam::Habit, start..end);
        let action = matches!(agent, Agent::I | Agent::We)
            && !state_agent
            && !habit
            && self.is_action_verb(verb_from, end);
        let concrete = action && {
            let buzz = self.any_in(Fam::Buzz, start..end);
            let detail = (start..end).any(|j| self.detail[j as usize]);
            !buzz || detail
        };
        let cl = &mut self.clauses[c];
        cl.agent = agent;
        cl.agent_tok = agent_tok;
        cl.after_agent = verb_from.min(end);
        cl.action = action;
        cl.concrete = concrete;
    }

    fn first_word(&self, start: u32, end: u32) -> Option<u32> {
        (start..end).find(|&j| {
            self.tok(j).is_wordlike()
                && self.starts[j as usize]
                    & (bit(Fam::Coord) | bit(Fam::SkipAdv) | bit(Fam::Contrast))
                    == 0
        })
    }

    /// The token after a (possibly multi-word) agent ("the product
    /// manager gave …").
    fn skip_agent(&self, a: u32, end: u32) -> u32 {
        let agents = bit(Fam::I) | bit(Fam::We) | bit(Fam::Other) | bit(Fam::Nobody);
        let mut j = a;
        // "Finance ops sent…": one agent may be named in several words.
        while j < end && self.starts[j as usize] & agents != 0 {
            j = [Fam::I, Fam::We, Fam::Other, Fam::Nobody]
                .iter()
                .map(|&f| self.hit_end(j, f))
                .max()
                .unwrap_or(j + 1);
        }
        j.min(end)
    }

    /// Whether the first verb-like token at or after `from` tells an act:
    /// not negated, not hypothetical, not a state ("was", "felt", "knew").
    fn is_action_verb(&self, from: u32, end: u32) -> bool {
        let mut j = from;
        while j < end {
            let t = self.tok(j);
            let m = self.starts[j as usize];
            if t.is(PUNCT) {
                return false;
            }
            if t.is(NEG) || m & (bit(Fam::Negator) | bit(Fam::Modal)) != 0 {
                return false;
            }
            if m & bit(Fam::SkipAdv) != 0 {
                j = j.max(self.hit_end(j, Fam::SkipAdv));
                continue;
            }
            if m & bit(Fam::Stative) != 0 {
                return false;
            }
            return t.is(WORD);
        }
        false
    }

    /// End token of the longest match of `f` starting at `j`.
    fn hit_end(&self, j: u32, f: Fam) -> u32 {
        self.of_in(f, j..j + 1)
            .iter()
            .map(|h| h.end)
            .max()
            .unwrap_or(j + 1)
    }

    fn is_name(&self, j: u32, clause_start: u32) -> bool {
        let t = self.tok(j);
        if !t.is(CAP) || !t.is(WORD) || t.is(ACRONYM) || self.starts[j as usize] != 0 {
            return false;
        }
        let sentence_first = self.sent_first[j as usize] || t.is(LINE_START);
        if !sentence_first {
            return true;
        }
        // A capitalised first word is a name only when a fault or action
        // verb follows it directly ("Sarah forgot", "Tom didn't check").
        let next = j + 1;
        (next as usize) < self.t.toks.len()
            && next > clause_start
            && (self.tok(next).is(NEG)
                || self.starts[next as usize] & (bit(Fam::FaultVerb) | bit(Fam::ActionVerb)) != 0)
    }
}

fn push_sent(out: &mut Vec<Sentence>, a: usize, b: usize, heading: Option<Part>) {
    if b > a {
        #[allow(clippy::cast_possible_truncation)]
        out.push(Sentence {
            start: a as u32,
            end: b as u32,
            heading,
        });
    }
}

fn raw_clause(start: u32, end: u32, sent: u32, join: Join) -> Clause {
    Clause {
        start,
        end,
        sent,
        join,
        agent: Agent::None,
        agent_tok: None,
        after_agent: start,
        action: false,
        concrete: false,
    }
}
