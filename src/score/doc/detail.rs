//! Measures and concrete details, found once per answer.
//!
//! A measure is a number that is not a lone year, money, a number word with
//! a unit or a counted plural ("four closes"), or a multiplier ("halved").
//! A detail is a number, a name, an acronym or a technical noun: what makes
//! an answer specific rather than vague.

use std::ops::Range;

use super::{Doc, bit};
use crate::score::lexicon::Fam;
use crate::score::text::{ACRONYM, CAP, HAS_DIGIT, LINE_START, NUMBER, WORD};

impl Doc<'_> {
    /// The measures in `range`, as token spans.
    pub fn measures(&self, range: Range<u32>) -> impl Iterator<Item = (u32, u32)> + '_ {
        range.filter_map(move |i| {
            let len = self.measure_len[i as usize];
            (len > 0).then_some((i, i + u32::from(len)))
        })
    }

    /// Finds every measure once: a number that is not a lone year, money,
    /// a number word with a unit, or a multiplier ("halved").
    pub(super) fn mark_measures(&mut self) {
        let n = self.t.toks.len();
        let mut out = super::spare::filled(std::mem::take(&mut self.measure_len), n, 0);
        // "Committed one hundred percent" is emphasis, not a measure.
        let mut boost = vec![false; n];
        for h in self.of(Fam::Intensifier) {
            for j in h.start..h.end {
                boost[j as usize] = true;
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        for i in 0..n as u32 {
            let t = self.tok(i);
            // Only a number or a number word can start a measure.
            let word_measure = bit(Fam::Multiplier) | bit(Fam::WordNumber);
            if boost[i as usize] || !t.is(NUMBER) && self.starts[i as usize] & word_measure == 0 {
                continue;
            }
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

    pub(super) fn mark_details(&mut self) {
        let n = self.t.toks.len();
        let mut detail = super::spare::filled(std::mem::take(&mut self.detail), n, false);
        let mut sent_first = super::spare::filled(std::mem::take(&mut self.sent_first), n, false);
        for s in &self.sents {
            if (s.start as usize) < n {
                sent_first[s.start as usize] = true;
            }
        }
        let per_token = self.t.toks.iter().zip(&self.starts).zip(&sent_first);
        for (((t, &starts), &first), detail) in per_token.zip(detail.iter_mut()) {
            let family =
                starts & (bit(Fam::I) | bit(Fam::We) | bit(Fam::Other) | bit(Fam::Buzz)) != 0;
            let name = t.is(CAP) && t.is(WORD) && !first && !t.is(LINE_START) && !family;
            *detail = t.is(NUMBER)
                || t.is(HAS_DIGIT)
                || (t.is(ACRONYM) && !family)
                || name
                || starts & bit(Fam::Concrete) != 0;
        }
        self.detail = detail;
        self.sent_first = sent_first;
    }
}
