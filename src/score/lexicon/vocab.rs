//! Phrase words to ids: the lookup every answer token makes once.
//!
//! Most phrase words are short, so a word's first eight bytes, packed into
//! a `u64`, are both its hash key and, with its length, its identity: a
//! lookup hashes one integer and compares two, and only a word longer than
//! eight bytes compares its text. The key is one unaligned load masked to
//! the word's length, when the buffer holding the word has eight bytes from
//! its start (nearly always: the word sits in a whole answer). Open
//! addressing with linear probing in a table at most a quarter full keeps
//! nearly every lookup, hit or miss (a word no phrase uses), to its home
//! slot.

/// One table slot; `id == 0` is empty (and its key and length are 0).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    id: u32,
    len: u32,
}

#[derive(Debug, Clone)]
pub struct Vocab {
    slots: Vec<Slot>,
    /// `slots.len()` is `1 << (64 - shift)`: a hash's top bits pick a slot.
    shift: u32,
    /// Words by id - 1, to tell apart long words that share eight bytes.
    words: Vec<Box<[u8]>>,
}

/// The first eight bytes of `text[start..end]` as a little-endian integer,
/// zero beyond the word's end.
#[inline]
pub fn key_at(text: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    match text.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        // Bytes past `end` may belong to the next word: masked off.
        Some(head) => u64::from_le_bytes(*head) & low_bytes(len),
        None => pack(&text[start..end]),
    }
}

/// The slot of hash `h` in a table of `1 << (64 - shift)` slots.
#[inline]
pub(super) fn slot_of(h: u64, shift: u32) -> usize {
    // Fibonacci hashing: the top bits of the product are well mixed.
    #[allow(clippy::cast_possible_truncation)]
    let i = (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize;
    i
}

/// A mask of the low `len` bytes of a `u64` (all of them from eight on).
#[inline]
fn low_bytes(len: usize) -> u64 {
    if len >= 8 {
        u64::MAX
    } else {
        (1 << (8 * len)) - 1
    }
}

/// [`key_at`] for a word with nothing readable after it.
fn pack(word: &[u8]) -> u64 {
    word.iter()
        .take(8)
        .rev()
        .fold(0u64, |k, &b| k << 8 | u64::from(b))
}

impl Default for Vocab {
    fn default() -> Self {
        Vocab {
            slots: vec![Slot::default(); 16],
            shift: 60,
            words: Vec::new(),
        }
    }
}

impl Vocab {
    /// The slot a probe for `word` (whose key is `key`) starts at.
    #[inline]
    fn home(&self, key: u64, word: &[u8]) -> usize {
        let mut h = key;
        // A short word is its key; a long one mixes in its last eight
        // bytes and length, so "investigated" and "investigation" part.
        if word.len() > 8
            && let Some(tail) = word.last_chunk::<8>()
        {
            h ^= (u64::from_le_bytes(*tail) ^ word.len() as u64).wrapping_mul(0x0100_0000_01b3);
        }
        slot_of(h, self.shift)
    }

    /// The id of `word`, or 0 when no phrase uses it.
    pub fn get(&self, word: &[u8]) -> u32 {
        self.get_keyed(pack(word), word)
    }

    /// [`Vocab::get`] for a word whose key ([`key_at`]) is known.
    #[inline]
    pub fn get_keyed(&self, key: u64, word: &[u8]) -> u32 {
        // Most lookups end at the home slot: a short word found, or an
        // empty slot. Only the rest pay for a loop.
        let i = self.home(key, word);
        let s = self.slots[i];
        if s.key == key {
            if s.len as usize == word.len() && word.len() <= 8 {
                // Equal keys and lengths are equal words up to eight bytes
                // (an empty slot matches only the empty word: id 0).
                return s.id;
            }
        } else if s.id == 0 {
            return 0;
        }
        self.probe(i, key, word)
    }

    /// [`Vocab::get_keyed`] from slot `i` on.
    #[inline(never)]
    fn probe(&self, mut i: usize, key: u64, word: &[u8]) -> u32 {
        let mask = self.slots.len() - 1;
        loop {
            let s = self.slots[i];
            if s.key == key && s.len as usize == word.len() {
                if word.len() <= 8 || *self.words[s.id as usize - 1] == *word {
                    return s.id;
                }
            } else if s.id == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `word`, added if new. Ids count from 1.
    pub fn intern(&mut self, word: &[u8]) -> u32 {
        let id = self.get(word);
        if id != 0 {
            return id;
        }
        // At most a quarter full: at half full, 3,626 lookups in 252 mixed
        // answers met an occupied home slot and took the out-of-line probe
        // loop, about 70 instructions each; at a quarter full, 14 did. The
        // rubric's ~2,600 words then take 16,384 slots (256 KiB, was 128).
        if (self.words.len() + 1) * 4 > self.slots.len() {
            self.grow();
        }
        self.words.push(word.into());
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.place(id);
        id
    }

    fn place(&mut self, id: u32) {
        let word = &self.words[id as usize - 1];
        let key = pack(word);
        let mask = self.slots.len() - 1;
        let mut i = self.home(key, word);
        while self.slots[i].id != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot {
            key,
            id,
            len: u32::try_from(word.len()).unwrap_or(u32::MAX),
        };
    }

    fn grow(&mut self) {
        self.shift -= 1;
        self.slots = vec![Slot::default(); 1 << (64 - self.shift)];
        for id in 1..=self.words.len() {
            self.place(u32::try_from(id).unwrap_or(u32::MAX));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_share_their_first_eight_bytes_keep_their_own_ids() {
        let mut v = Vocab::default();
        let words: Vec<String> = (0..500)
            .map(|i| format!("investigat{i}"))
            .chain(["investigate", "investigated", "i", "a", "we", "'s"].map(String::from))
            .collect();
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w.as_bytes())).collect();
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(v.get(w.as_bytes()), *id, "{w}");
            assert_eq!(v.intern(w.as_bytes()), *id, "{w}");
        }
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), words.len());
        for miss in [
            "investigat",
            "investigat500",
            "b",
            "",
            "we'",
            "investigating",
        ] {
            assert_eq!(v.get(miss.as_bytes()), 0, "{miss}");
        }
    }
}
