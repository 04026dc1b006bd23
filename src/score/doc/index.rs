//! Per-token family bits and the per-family index of matches, from the
//! trie scan's matches (ordered by start token).
//!
//! The per-token vectors are zero-filled and each match is or-ed in: a fill is
//! cheaper than writing every token in order (tried: pushing each token's
//! bits on a walk that merges tokens and matches cost more).

use super::{Doc, FAMILIES, bit, spare};
use crate::score::lexicon::Hit;

impl Doc<'_> {
    /// Fills `starts`, `ends`, `inside` and the by-family index from `hits`.
    pub(super) fn index_hits(&mut self) {
        let n = self.t.toks.len();
        let hits = self.hits.as_slice();
        let mut starts = spare::filled(std::mem::take(&mut self.starts), n, 0);
        let mut ends = spare::filled(std::mem::take(&mut self.ends), n, 0);
        let mut inside = spare::filled(std::mem::take(&mut self.inside), n, false);
        // `counts[f + 1]`: matches of family `f`, summed into offsets below.
        let counts = &mut self.fam_off;
        *counts = [0; FAMILIES + 1];
        for h in hits {
            let b = bit(h.fam);
            starts[h.start as usize] |= b;
            ends[h.end as usize - 1] |= b;
            for j in h.start + 1..h.end {
                inside[j as usize] = true;
            }
            counts[h.fam as usize + 1] += 1;
        }
        for f in 0..FAMILIES {
            counts[f + 1] += counts[f];
        }
        // Counting sort by family, stable in start order. The copy only
        // sizes the buffer (every slot is overwritten below), and costs
        // less than filling it element by element.
        let mut by_fam = std::mem::take(&mut self.by_fam);
        by_fam.clear();
        by_fam.extend_from_slice(hits);
        let mut fill = *counts;
        for h in hits {
            let slot = &mut fill[h.fam as usize];
            // Field by field: copying the whole struct also copies its
            // padding, byte by byte.
            by_fam[*slot as usize] = Hit {
                fam: h.fam,
                start: h.start,
                end: h.end,
            };
            *slot += 1;
        }
        self.by_fam = by_fam;
        self.starts = starts;
        self.ends = ends;
        self.inside = inside;
    }
}
