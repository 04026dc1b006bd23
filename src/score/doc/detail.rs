//! Measures and concrete details, found once per answer, token by token
//! while the sentences are cut (see [`Doc::split_sentences`]).
//!
//! A measure is a number that is not a lone year, money, a number word with
//! a unit or a counted plural ("four closes"), or a multiplier ("halved").
//! A detail is a number, a name, an acronym or a technical noun: what makes
//! an answer specific rather than vague.

use std::ops::Range;

use super::{Doc, bit};
use crate::score::lexicon::Fam;
use crate::score::text::{ACRONYM, CAP, HAS_DIGIT, LINE_START, NUMBER, Token, WORD};

/// Families of the words that can start a measure, besides numbers.
pub(super) const WORD_MEASURE: u128 = bit(Fam::Multiplier) | bit(Fam::WordNumber);

/// Families that make a capitalised word or an acronym a person or a
/// buzzword rather than a detail.
const NOT_DETAIL: u128 = bit(Fam::I) | bit(Fam::We) | bit(Fam::Other) | bit(Fam::Buzz);

/// Whether token `t`, with matches of families `starts` starting there,
/// is a concrete detail. A capitalised word is a name unless it is first in
/// its sentence or line (`first`).
pub(super) fn is_detail(t: &Token, starts: u128, first: bool) -> bool {
    let family = starts & NOT_DETAIL != 0;
    let name = t.is(CAP) && t.is(WORD) && !first && !t.is(LINE_START) && !family;
    t.is(NUMBER)
        || t.is(HAS_DIGIT)
        || (t.is(ACRONYM) && !family)
        || name
        || starts & bit(Fam::Concrete) != 0
}

/// Token flags without which a token is a detail only by its family.
pub(super) const MAY_DETAIL: u16 = NUMBER | HAS_DIGIT | ACRONYM | CAP;
/// The family that makes any token a detail.
pub(super) const MAY_DETAIL_FAMS: u128 = bit(Fam::Concrete);

/// Whether token `t` with matches `starts` can be a detail at all: a cheap
/// test that rules out most tokens before [`is_detail`].
pub(super) fn may_be_detail(t: &Token, starts: u128) -> bool {
    t.flags & MAY_DETAIL != 0 || starts & MAY_DETAIL_FAMS != 0
}

/// Whether a measure can start at token `t` with matches `starts`: a cheap
/// test that rules out nearly every token before [`Doc::measure_at`].
pub(super) fn may_measure(t: &Token, starts: u128) -> bool {
    t.is(NUMBER) || starts & WORD_MEASURE != 0
}

impl Doc<'_> {
    /// The measures in `range`, as token spans.
    pub fn measures(&self, range: Range<u32>) -> impl Iterator<Item = (u32, u32)> + '_ {
        let first = self.measure_spans.partition_point(|m| m.0 < range.start);
        self.measure_spans[first..]
            .iter()
            .take_while(move |m| m.0 < range.end)
            .copied()
    }

    /// Whether the number at `i` is part of a name: "Year 4", "line 2",
    /// "Route 42", "bay 3". It labels a thing; it measures nothing.
    fn names_by_number(&self, i: u32) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let prev = self.tok(p);
        let word = self.t.norm_of(p as usize);
        let starts_sentence = p == 0 || !self.tok(p - 1).is_wordlike();
        let label_noun = matches!(
            word,
            "year"
                | "line"
                | "ward"
                | "bay"
                | "berth"
                | "gate"
                | "room"
                | "platform"
                | "route"
                | "bus"
                | "grade"
                | "level"
                | "stage"
                | "phase"
                | "step"
                | "table"
                | "lane"
                | "floor"
                | "unit"
                | "block"
                | "zone"
                | "version"
                | "flight"
                | "terminal"
                | "stand"
                | "dock"
                | "door"
                | "aisle"
                | "bed"
                | "pump"
                | "oven"
                | "till"
        );
        prev.is(WORD) && (label_noun || prev.is(CAP) && !starts_sentence)
    }

    /// Length of the measure starting at token `i` (one that passed
    /// [`may_measure`]), 0 for none.
    pub(super) fn measure_at(&self, i: u32) -> u32 {
        // "Committed one hundred percent" is emphasis, not a measure.
        if self
            .of(Fam::Intensifier)
            .iter()
            .any(|h| h.start <= i && i < h.end)
        {
            return 0;
        }
        let n = self.t.toks.len();
        let t = self.tok(i);
        let next_unit = (i as usize) + 1 < n && self.has(i + 1, Fam::MeasureUnit);
        // "One of the best improvements that year" praises; it counts
        // nothing.
        let superlative = |j: u32| {
            (j as usize) < n && {
                let w = self.t.norm_of(j as usize);
                matches!(w, "most" | "best" | "worst" | "least")
                    || w.len() > 5 && w.ends_with("est")
            }
        };
        if next_unit && self.t.norm_of(i as usize + 1) == "of" && superlative(i + 3) {
            return 0;
        }
        if t.is(NUMBER) {
            let text = self.t.norm_of(i as usize);
            let year = text.len() == 4
                && (text.starts_with("19") || text.starts_with("20"))
                && text.bytes().all(|b| b.is_ascii_digit());
            let money = i > 0 && matches!(self.t.norm_of(i as usize - 1), "$" | "€" | "£");
            if self.names_by_number(i) && !next_unit {
                return 0;
            }
            if !year || next_unit || money {
                return 1 + u32::from(next_unit);
            }
        } else if self.has(i, Fam::Multiplier) || self.has(i, Fam::WordNumber) && next_unit {
            return 1 + u32::from(next_unit);
        } else if self.has(i, Fam::WordNumber) {
            // A count: "four closes", "two bad runs".
            let plural = |j: u32| {
                (j as usize) < n && self.tok(j).is(WORD) && {
                    let w = self.t.norm_of(j as usize);
                    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                }
            };
            // "Went from eleven that week to one": a change told in bare
            // numbers, from one to the other.
            let word = |j: u32| self.t.norm_of(j as usize);
            let from_to = match i.checked_sub(1).map(word) {
                Some("from") => (i + 1..i + 8).any(|j| {
                    (j as usize + 1) < n && word(j) == "to" && self.has(j + 1, Fam::WordNumber)
                }),
                Some("to") => (i.saturating_sub(9)..i - 1)
                    .any(|j| word(j) == "from" && self.has(j + 1, Fam::WordNumber)),
                _ => false,
            };
            if from_to {
                return 1;
            }
            if plural(i + 1) {
                return 2;
            } else if plural(i + 2) && self.tok(i + 1).is(WORD) && !self.has(i + 1, Fam::Determiner)
            {
                return 3;
            }
        }
        0
    }
}
