//! Cutting an answer into sentences and clauses.
//!
//! Sentences end at terminal punctuation (not after "e.g." or a lone
//! initial), at blank lines, bullets and headings, and at a new line that
//! starts like a sentence. Spoken transcripts with no punctuation are cut at
//! openers such as "so I" and "and then we". Clauses are cut at commas and
//! other punctuation, before conjunctions and subordinators, and after verbs
//! of perception ("I noticed | the data was wrong"), never inside a phrase.

use super::detail::{
    MAY_DETAIL, MAY_DETAIL_FAMS, WORD_MEASURE, is_detail, may_be_detail, may_measure,
};
use super::{
    Agent, Clause, Doc, Join, MAX_CLAUSE, MAX_SENTENCE, SPOKEN_SPLIT_AT, Sentence, bit, spare,
};
use crate::score::lexicon::Fam;
use crate::score::star::Part;
use crate::score::text::{BREAK_BEFORE, CAP, LINE_START, NUMBER, PUNCT, SAME, WORD};

impl Doc<'_> {
    /// Cuts the sentences, and on the same walk over the tokens marks the
    /// details (a capitalised word is a name only when not first in its
    /// sentence) and finds the measures.
    pub(super) fn split_sentences(&mut self, heads: &[(usize, Option<Part>)]) {
        let n = self.t.toks.len();
        let mut heading = None;
        let mut head_iter = heads.iter().peekable();
        let mut next_head = heads.first().map_or(usize::MAX, |h| h.0);
        let mut s0 = 0usize;
        let mut sents = std::mem::take(&mut self.sents);
        sents.clear();
        // Room for a sentence per 8 tokens, so the pushes rarely regrow.
        sents.reserve(n / 8 + 1);
        let mut detail = spare::filled(std::mem::take(&mut self.detail), n, false);
        let mut measures = std::mem::take(&mut self.measure_spans);
        measures.clear();
        #[allow(clippy::cast_possible_truncation)]
        for (i, (t, &starts)) in self.t.toks.iter().zip(&self.starts).enumerate() {
            if i >= next_head {
                while let Some(&&(at, part)) = head_iter.peek() {
                    if at <= i {
                        if at == i && i > s0 {
                            self.push_sentence(&mut sents, &mut detail, s0, i, heading);
                            s0 = i;
                        }
                        heading = part;
                        head_iter.next();
                    } else {
                        break;
                    }
                }
                next_head = head_iter.peek().map_or(usize::MAX, |h| h.0);
            }
            // Most tokens are plain words: they neither end a sentence
            // (before it runs too long) nor are a detail (left false) nor
            // start a measure.
            if t.flags & (PUNCT | BREAK_BEFORE | LINE_START | MAY_DETAIL) == 0
                && starts & (MAY_DETAIL_FAMS | WORD_MEASURE) == 0
                && i + 1 - s0 < MAX_SENTENCE
            {
                continue;
            }
            // Only punctuation, a line start or a break can end a sentence
            // before it runs too long.
            let may_end =
                t.flags & (PUNCT | BREAK_BEFORE | LINE_START) != 0 || i + 1 - s0 >= MAX_SENTENCE;
            if may_end && i > s0 && (t.is(BREAK_BEFORE) || self.line_starts_sentence(i)) {
                self.push_sentence(&mut sents, &mut detail, s0, i, heading);
                s0 = i;
            }
            // Whether token `i` starts its sentence is known now (a spoken
            // cut, made when the sentence is pushed, corrects it).
            if may_be_detail(t, starts) {
                detail[i] = is_detail(t, starts, i == s0);
            }
            if may_measure(t, starts) {
                let len = self.measure_at(i as u32);
                if len > 0 {
                    measures.push((i as u32, i as u32 + len));
                }
            }
            if may_end && (t.is(PUNCT) && self.is_terminal(i) || i + 1 - s0 >= MAX_SENTENCE) {
                self.push_sentence(&mut sents, &mut detail, s0, i + 1, heading);
                s0 = i + 1;
            }
        }
        if s0 < n {
            self.push_sentence(&mut sents, &mut detail, s0, n, heading);
        }
        // A principle's name is a buzzword, every word of it: "Deliver
        // Results" or "Bias for Action" names no concrete thing.
        for h in self.of(Fam::Buzz) {
            for j in h.start..h.end {
                detail[j as usize] = false;
            }
        }
        self.sents = sents;
        self.detail = detail;
        self.measure_spans = measures;
    }

    /// Pushes the sentence of tokens `a..b`, if not empty. A long one is
    /// first cut at spoken openers ("so I", "and then we"): transcripts
    /// have no punctuation. Details of tokens up to `b` must be marked.
    fn push_sentence(
        &self,
        sents: &mut Vec<Sentence>,
        detail: &mut [bool],
        a: usize,
        b: usize,
        heading: Option<Part>,
    ) {
        if b <= a {
            return;
        }
        #[allow(clippy::cast_possible_truncation)]
        let (mut a, b) = (a as u32, b as u32);
        if b - a >= SPOKEN_SPLIT_AT {
            let agents = bit(Fam::I) | bit(Fam::We) | bit(Fam::Other);
            let starts = &self.starts[a as usize..b as usize];
            // Token `j` with the token after it.
            for (j, pair) in (a..).zip(starts.windows(2)).skip(1) {
                let opener = pair[0] & (bit(Fam::Opener) | bit(Fam::Coord)) != 0;
                if opener && pair[1] & agents != 0 && j - a >= 5 {
                    sents.push(Sentence {
                        start: a,
                        end: j,
                        heading,
                    });
                    a = j;
                    detail[j as usize] = is_detail(self.tok(j), pair[0], true);
                }
            }
        }
        sents.push(Sentence {
            start: a,
            end: b,
            heading,
        });
    }

    fn line_starts_sentence(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        t.is(LINE_START)
            && (t.is(CAP)
                || t.is(NUMBER)
                || matches!(self.t.norm_of(i - 1), "." | "!" | "?" | ":" | "…")
                || self.starts[i] & bit(Fam::Opener) != 0)
    }

    /// Whether punctuation token `i` ends its sentence.
    fn is_terminal(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        // An ASCII mark is one source byte and its own normal form: looking
        // at the byte costs a fraction of slicing out the normal form.
        let full_stop = if t.is(SAME) && t.end == t.start + 1 {
            match self.t.src().as_bytes()[t.start as usize] {
                b'.' => true,
                b'!' | b'?' => false,
                _ => return false,
            }
        } else {
            match self.t.norm_of(i) {
                "." => true,
                "!" | "?" | "…" => false,
                _ => return false,
            }
        };
        if full_stop && i > 0 && i + 1 < self.t.toks.len() {
            // The next token is tested first: it rules out most stops
            // without a look at the word before.
            let next = &self.t.toks[i + 1];
            if next.is(WORD) && !next.is(CAP) {
                let prev = self.t.norm_of(i - 1);
                let abbrev = prev.chars().count() == 1
                    || matches!(
                        prev,
                        "etc"
                            | "vs"
                            | "mr"
                            | "mrs"
                            | "ms"
                            | "dr"
                            | "approx"
                            | "inc"
                            | "e.g"
                            | "i.e"
                    );
                if abbrev {
                    return false;
                }
            }
        }
        true
    }

    /// Cuts every sentence into clauses, analysing each as it is cut.
    pub(super) fn split_clauses(&mut self) {
        let mut clauses = std::mem::take(&mut self.clauses);
        clauses.clear();
        // Room for a clause per 4 tokens, so the pushes rarely regrow.
        clauses.reserve(self.t.toks.len() / 4 + 1);
        for (si, s) in self.sents.iter().enumerate() {
            let mut c0 = s.start;
            let mut join = Join::Start;
            #[allow(clippy::cast_possible_truncation)]
            let si = si as u32;
            let (a, b) = (s.start as usize, s.end as usize);
            let per_token = self.t.toks[a..b]
                .iter()
                .zip(&self.starts[a..b])
                .zip(&self.ends[a..b]);
            for (j, ((t, &starts), &ends)) in (s.start..).zip(per_token) {
                // A stop inside a sentence ends an abbreviation ("at 7 a.m.
                // and"), not a clause.
                if t.is(PUNCT) && !(j + 1 < s.end && self.t.norm_of(j as usize) == ".") {
                    if j > c0 {
                        self.close(&mut clauses, raw_clause(c0, j, si, join));
                        join = Join::Coord;
                    }
                    c0 = j + 1;
                } else if starts & CUT_BEFORE != 0 && j > c0 && !self.inside[j as usize] {
                    self.close(&mut clauses, raw_clause(c0, j, si, join));
                    join = if starts & (bit(Fam::Coord) | bit(Fam::Contrast)) != 0 {
                        Join::Coord
                    } else {
                        Join::Sub
                    };
                    c0 = j;
                }
                if ends & bit(Fam::Perception) != 0 && j + 1 < s.end && j >= c0 {
                    self.close(&mut clauses, raw_clause(c0, j + 1, si, join));
                    join = Join::Sub;
                    c0 = j + 1;
                }
                // (`c0` is at most `j + 1`.)
                if j + 1 - c0 >= MAX_CLAUSE {
                    self.close(&mut clauses, raw_clause(c0, j + 1, si, join));
                    join = Join::Coord;
                    c0 = j + 1;
                }
            }
            if s.end > c0 {
                self.close(&mut clauses, raw_clause(c0, s.end, si, join));
            }
        }
        self.clauses = clauses;
    }

    /// Adds `cl`, just cut, analysed; the clauses before it are analysed.
    fn close(&self, clauses: &mut Vec<Clause>, cl: Clause) {
        let clause = self.analyse_clause(cl, clauses);
        clauses.push(clause);
    }
}

/// Families before which a clause is cut: conjunctions and subordinators.
const CUT_BEFORE: u128 =
    bit(Fam::Coord) | bit(Fam::Subord) | bit(Fam::Concession) | bit(Fam::Contrast);

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
