//! The text model: words and punctuation with exact byte spans, plus a
//! normalised shadow string the word families are matched against.
//!
//! Evidence must quote the exact bytes a candidate wrote, yet matching wants
//! lower case, one kind of apostrophe and single spaces. So every token keeps
//! two spans: its bytes in the original text and its bytes in `norm`, where
//! tokens are lower-cased and joined by single spaces. Phrases from
//! `data/rubric.json` go through the same tokenizer, so "didn’t check" in an
//! answer meets "didn't check" in the rubric. Possessive `'s` is split off
//! ("the intern's fault" → `intern` `'s` `fault`) so one family entry covers
//! every owner. Line structure (blank lines, bullets) is kept as flags for the
//! sentence splitter.

use super::lexicon::Lexicon;
use super::lexicon::vocab::key_at;

/// A word: letters or digits, with inner apostrophes and hyphens.
pub const WORD: u16 = 1;
/// A token that starts with a digit ("42", "3.5", "10x", "2021").
pub const NUMBER: u16 = 1 << 1;
/// Anything else: one punctuation or symbol character.
pub const PUNCT: u16 = 1 << 2;
/// Starts with an upper-case letter.
pub const CAP: u16 = 1 << 3;
/// Two or more letters, all upper case (an acronym: "API", "SRE").
pub const ACRONYM: u16 = 1 << 4;
/// Ends in "n't": a negated auxiliary.
pub const NEG: u16 = 1 << 5;
/// First token on its line.
pub const LINE_START: u16 = 1 << 6;
/// A hard break comes before: blank line, bullet, region start.
pub const BREAK_BEFORE: u16 = 1 << 7;
/// Contains a digit somewhere ("p99", "S3").
pub const HAS_DIGIT: u16 = 1 << 8;

/// One token of the answer.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte span in the original text.
    pub start: u32,
    pub end: u32,
    /// Byte span of the normal form in `Tokens::norm`, unless [`SAME`].
    pub nstart: u32,
    pub nend: u32,
    /// The word's id in the lexicon, 0 when no phrase uses it (or when
    /// tokenized without a lexicon). Looked up once, while the normal form
    /// is at hand.
    pub id: u32,
    pub flags: u16,
}

impl Token {
    pub fn is(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    pub fn is_wordlike(&self) -> bool {
        self.flags & (WORD | NUMBER) != 0
    }
}

/// The token's normal form is its own bytes in the source (plain lower-case
/// ASCII), so nothing was copied into `norm`.
pub const SAME: u16 = 1 << 9;
/// Some `*` stem of the lexicon shares the word's first two bytes.
pub const STEM: u16 = 1 << 10;

/// Tokens of a text and their normal forms.
#[derive(Debug, Default)]
pub struct Tokens<'a> {
    src: &'a str,
    pub toks: Vec<Token>,
    /// Normal forms that differ from the source text, one after another.
    norm: String,
    /// Gives each token its word id.
    lex: Option<&'a Lexicon>,
}

impl<'a> Tokens<'a> {
    /// An empty token list over `src`, with room for a typical answer.
    pub fn new(src: &'a str) -> Tokens<'a> {
        Tokens::in_buffers(src, None, Vec::new(), String::new())
    }

    /// Like [`Tokens::with_lexicon`], filling buffers kept from an earlier
    /// text (emptied first) instead of allocating.
    pub fn reusing(src: &'a str, lex: &'a Lexicon, toks: Vec<Token>, norm: String) -> Tokens<'a> {
        Tokens::in_buffers(src, Some(lex), toks, norm)
    }

    /// An empty token list over `src` in `toks` and `norm`, emptied and
    /// grown to room for a typical answer.
    fn in_buffers(
        src: &'a str,
        lex: Option<&'a Lexicon>,
        mut toks: Vec<Token>,
        mut norm: String,
    ) -> Tokens<'a> {
        toks.clear();
        toks.reserve(src.len() / 3 + 8);
        norm.clear();
        // Capitals and curly apostrophes: a few words in ten.
        norm.reserve(src.len() / 8 + 16);
        Tokens {
            src,
            toks,
            norm,
            lex,
        }
    }

    /// The token list and normal-form buffers, to reuse.
    pub fn into_buffers(self) -> (Vec<Token>, String) {
        (self.toks, self.norm)
    }

    /// Like [`Tokens::new`], with every token's word id looked up in `lex`.
    pub fn with_lexicon(src: &'a str, lex: &'a Lexicon) -> Tokens<'a> {
        Tokens::in_buffers(src, Some(lex), Vec::new(), String::new())
    }

    /// The text the tokens point into.
    pub fn src(&self) -> &'a str {
        self.src
    }

    /// The normalised text of token `i`, and "" past the last token: the
    /// detectors look a word or two ahead ("so that", "sat in"), and an
    /// answer may end on the word they look from.
    #[inline]
    pub fn norm_of(&self, i: usize) -> &str {
        let Some(t) = self.toks.get(i) else {
            return "";
        };
        if t.flags & SAME != 0 {
            &self.src[t.start as usize..t.end as usize]
        } else {
            &self.norm[t.nstart as usize..t.nend as usize]
        }
    }
}

/// The most of an answer that is scored: 512 KiB, a hundred times the
/// longest real answer. Beyond it lies pasted logs or noise; cutting there
/// keeps memory bounded (about 20 MB at worst) and offsets fit in u32.
pub const MAX_BYTES: usize = 512 * 1024;

/// ASCII byte classes for the tokenizer's fast path, a bit each.
const ALNUM: u8 = 1;
const UPPER: u8 = 1 << 1;
const DIGIT: u8 = 1 << 2;
/// Blank that is not a line break.
const SPACE: u8 = 1 << 3;
/// Joins two word pieces: `'`, `-`, `_`.
const JOIN: u8 = 1 << 4;
/// Joins two number pieces: `.`, `,`, `:`.
const NUM_JOIN: u8 = 1 << 5;
/// Not ASCII: the start (or middle) of a multi-byte char.
const HIGH: u8 = 1 << 6;
const LOWER: u8 = 1 << 7;
/// Bytes that may carry a word on: letters, digits, joiners, non-ASCII.
const WORDISH: u8 = ALNUM | HIGH | JOIN;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)]
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | LOWER
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if matches!(c, b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'_') {
            JOIN
        } else if matches!(c, b'.' | b',' | b':') {
            NUM_JOIN
        } else {
            0
        };
        b += 1;
    }
    t
};

fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '*' | '•' | '·' | '▪' | '–' | '—' | '+' | '>')
}

/// The char at byte `i` and its length; ASCII without decoding.
#[inline]
fn char_at(src: &str, i: usize) -> (char, usize) {
    let b = src.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = src[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Whether a letter or digit starts at byte `i` (before `end`).
#[inline]
fn alnum_at(src: &str, i: usize, end: usize) -> bool {
    i < end && {
        let class = CLASS[usize::from(src.as_bytes()[i])];
        class & ALNUM != 0 || class & HIGH != 0 && char_at(src, i).0.is_alphanumeric()
    }
}

/// Appends the tokens of `src[start..end]` to `out` (whose source must be
/// `src`). The first token gets [`BREAK_BEFORE`], so regions (STAR
/// sections) never share a sentence.
///
/// A word is letters and digits, joined by an inner apostrophe, hyphen or
/// underscore (and, in a number, `.`, `,` or `:`) when a letter or digit
/// follows. Anything else that is not blank is one punctuation token.
pub fn tokenize_region(src: &str, start: usize, end: usize, out: &mut Tokens<'_>) {
    debug_assert!(std::ptr::eq(src, out.src));
    let bytes = src.as_bytes();
    // Line flags for the next token, gathered from the blanks before it:
    // a line break makes it [`LINE_START`], a second one (a blank line)
    // [`BREAK_BEFORE`] too. Tokens mid-line, most of them, get none.
    let mut pending = BREAK_BEFORE | LINE_START;
    let mut i = start;
    while i < end {
        let byte = bytes[i];
        let class = CLASS[usize::from(byte)];
        if class & LOWER != 0 {
            // Most words are plain lower-case ASCII ending in a space or
            // punctuation: their own normal form, with no capitals,
            // possessive or "n't" to look for.
            let (j, key) = lower_run(bytes, i, end);
            let next = bytes.get(j).filter(|_| j < end).copied();
            if next.is_none_or(|b| CLASS[usize::from(b)] & WORDISH == 0) {
                push_keyed(i, j, key, pending | WORD | SAME, out);
                pending = 0;
                // The space after a word needs no trip round the loop.
                i = if next == Some(b' ') { j + 1 } else { j };
                continue;
            }
        } else if class & SPACE != 0 {
            i += 1;
            continue;
        } else if byte == b'\n' {
            if pending & LINE_START != 0 {
                pending |= BREAK_BEFORE;
            }
            pending |= LINE_START;
            i += 1;
            continue;
        } else if class & (ALNUM | HIGH) == 0 {
            let mut flags = pending | PUNCT | SAME;
            if pending & LINE_START != 0 && is_bullet(char::from(byte)) {
                flags |= BREAK_BEFORE;
            }
            push(i, i + 1, flags, out);
            pending = 0;
            i += 1;
            continue;
        }
        if class & UPPER != 0 && (i + 1 == end || CLASS[usize::from(bytes[i + 1])] & WORDISH == 0) {
            // "I" (and "A"): a capital alone, the commonest capitalised
            // word of a first-person answer. Its normal form is one byte,
            // and it is no acronym, possessive or "n't".
            push_other(src, i, i + 1, pending | WORD | CAP, out);
            pending = 0;
            i += 1;
            continue;
        }
        let (c, len) = char_at(src, i);
        if class & HIGH != 0 && c.is_whitespace() {
            i += len;
            continue;
        }
        let mut flags = pending;
        // Only a token first on its line may be a bullet.
        if pending & LINE_START != 0 && is_bullet(c) {
            flags |= BREAK_BEFORE;
        }
        pending = 0;
        if class & ALNUM == 0 && !c.is_alphanumeric() {
            push_other(src, i, i + len, flags | PUNCT, out);
            i += len;
            continue;
        }
        i = word(src, i, i + len, end, flags, out);
    }
}

/// The run of lower-case ASCII letters from `i` (a letter), at most to
/// `end`: where it ends, and its vocabulary key ([`key_at`]), both from one
/// look at eight bytes for a word shorter than that.
#[inline]
fn lower_run(bytes: &[u8], i: usize, end: usize) -> (usize, u64) {
    if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*chunk);
        // The top bit of every byte that is not a letter a-z.
        let stops = !ascii_in(w, b'a', b'z') & HIGH_BITS;
        if stops == 0 && i + 8 <= end {
            return (lower_run_end(bytes, i + 8, end), w);
        }
        let j = i + (stops.trailing_zeros() / 8) as usize;
        if stops != 0 && j <= end {
            // Bits up to the first stop's top bit, less its byte: the
            // bytes before it.
            let before = (stops ^ (stops - 1)) >> 8;
            return (j, w & before);
        }
    }
    let j = lower_run_end(bytes, i, end);
    (j, key_at(bytes, i, j))
}

/// The end of the run of lower-case ASCII letters from `i`, at most `end`:
/// eight bytes a step where the text has them.
fn lower_run_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = !ascii_in(u64::from_le_bytes(*chunk), b'a', b'z') & HIGH_BITS;
        let run = (stops.trailing_zeros() / 8) as usize;
        i += run;
        if run < 8 || i >= end {
            return i.min(end);
        }
    }
    while i < end && bytes[i].is_ascii_lowercase() {
        i += 1;
    }
    i
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x80 * ONES;

/// The top bit of each byte of `w` that lies in `lo..=hi` (both ASCII).
#[inline]
fn ascii_in(w: u64, lo: u8, hi: u8) -> u64 {
    // With each byte's top bit cleared no sum below carries into the next
    // byte; a byte's top bit then says whether it reached the bound.
    let low7 = w & !HIGH_BITS;
    let at_least_lo = low7 + u64::from(0x80 - lo) * ONES;
    let past_hi = low7 + u64::from(0x80 - hi - 1) * ONES;
    at_least_lo & !past_hi & !w & HIGH_BITS
}

/// `w` with its ASCII capitals lower-cased, eight bytes at once.
#[inline]
fn ascii_lowercase(w: u64) -> u64 {
    // 0x80 >> 2 is the case bit 0x20.
    w | ascii_in(w, b'A', b'Z') >> 2
}

/// Appends the word (or number) whose first char is `src[start..next]`
/// and returns where it ends.
fn word(
    src: &str,
    start: usize,
    next: usize,
    end: usize,
    mut flags: u16,
    out: &mut Tokens<'_>,
) -> usize {
    let bytes = src.as_bytes();
    let class = CLASS[usize::from(bytes[start])];
    let numeric = class & DIGIT != 0;
    // The classes of the word's ASCII letters and digits, together.
    let mut seen = class;
    let mut ascii = class & HIGH == 0;
    // An apostrophe inside: a possessive or "n't" may need a look.
    let mut apostrophe = false;
    let mut j = next;
    while j < end {
        let next = CLASS[usize::from(bytes[j])];
        if next & ALNUM != 0 {
            seen |= next;
            j += 1;
            continue;
        }
        if next & HIGH != 0 {
            let (d, dl) = char_at(src, j);
            if d.is_alphanumeric() || d == '’' && alnum_at(src, j + dl, end) {
                ascii = false;
                apostrophe |= d == '’';
                j += dl;
                continue;
            }
            break;
        }
        let joins = next & JOIN != 0 || numeric && next & NUM_JOIN != 0;
        if joins && alnum_at(src, j + 1, end) {
            apostrophe |= bytes[j] == b'\'';
            j += 1;
            continue;
        }
        break;
    }
    flags |= if numeric { NUMBER } else { WORD };
    if ascii && !apostrophe && seen & UPPER == 0 {
        // Lower-case ASCII (with digits, hyphens or underscores): its own
        // normal form, no capitals, no possessive, no "n't".
        let digit = if seen & DIGIT == 0 { 0 } else { HAS_DIGIT };
        push(start, j, flags | digit | SAME, out);
        return j;
    }
    if class & UPPER != 0 || class & HIGH != 0 && char_at(src, start).0.is_uppercase() {
        flags |= CAP;
    }
    push_word(
        src,
        start,
        j,
        flags,
        if ascii { Some(seen) } else { None },
        out,
    );
    j
}

/// Appends word `src[start..end]`; `ascii_classes` is the union of its
/// byte classes when it is all ASCII, `None` when its letters must be read
/// as Unicode.
fn push_word(
    src: &str,
    start: usize,
    end: usize,
    mut flags: u16,
    ascii_classes: Option<u8>,
    out: &mut Tokens<'_>,
) {
    let word = &src.as_bytes()[start..end];
    let (digit, upper, acronym) = if let Some(seen) = ascii_classes {
        let upper = seen & UPPER != 0;
        // All letters capitals, and two of them at least ("API", not
        // "A1"): rare enough to count only when it may be so.
        let acronym = upper
            && seen & LOWER == 0
            && word.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2;
        (seen & DIGIT != 0, upper, acronym)
    } else {
        let (mut letters, mut capitals, mut digit) = (0, 0, false);
        for c in src[start..end].chars() {
            if c.is_alphabetic() {
                letters += 1;
                capitals += u32::from(c.is_uppercase());
            } else if c.is_ascii_digit() {
                digit = true;
            }
        }
        (digit, capitals > 0, letters >= 2 && capitals == letters)
    };
    if digit {
        flags |= HAS_DIGIT;
    }
    if acronym {
        flags |= ACRONYM;
    }
    let lower = ascii_classes.is_some() && !upper;
    // Split a possessive or contracted 's: "intern's" → "intern" "'s".
    if word.len() > 3 && (word[word.len() - 1] | 0x20) == b's' {
        let apos_len = match word[..word.len() - 1] {
            [.., b'\''] => 1,
            [.., 0xe2, 0x80, 0x99] => 3,
            _ => 0,
        };
        if apos_len > 0 {
            let cut = end - 1 - apos_len;
            // The stem is lower-case ASCII when the whole word is, bar a
            // curly apostrophe (which is not a capital).
            if !upper && src[start..cut].is_ascii() {
                push(start, cut, flags | SAME, out);
            } else {
                push_other(src, start, cut, flags, out);
            }
            if apos_len == 1 && word[word.len() - 1] == b's' {
                push(cut, end, WORD | SAME, out);
            } else {
                push_other(src, cut, end, WORD, out);
            }
            return;
        }
    }
    if ends_in_nt(word) {
        flags |= NEG;
    }
    if lower {
        push(start, end, flags | SAME, out);
    } else {
        push_other(src, start, end, flags, out);
    }
}

/// Whether `word` ends in "n't" (either apostrophe, any case). Only ASCII
/// `n`/`N` and `t`/`T` lower-case to `n` and `t`, so bytes suffice.
fn ends_in_nt(b: &[u8]) -> bool {
    let Some((&last, rest)) = b.split_last() else {
        return false;
    };
    if last | 0x20 != b't' {
        return false;
    }
    let Some(rest) = rest
        .strip_suffix(b"'")
        .or_else(|| rest.strip_suffix("’".as_bytes()))
    else {
        return false;
    };
    rest.last().is_some_and(|&n| n | 0x20 == b'n')
}

/// Appends a token whose normal form is its source text (`SAME`).
#[inline]
fn push(start: usize, end: usize, flags: u16, out: &mut Tokens<'_>) {
    push_keyed(
        start,
        end,
        key_at(out.src.as_bytes(), start, end),
        flags,
        out,
    );
}

/// [`push`] for a word whose vocabulary key ([`key_at`]) is known.
// Always inlined, with `Lexicon::word`: most tokens come through here, and
// as a call (which the inliner prefers, the lookup being large) its
// prologue, epilogue and spills cost a tenth of the tokenizer's work.
#[allow(clippy::inline_always)]
#[inline(always)]
fn push_keyed(start: usize, end: usize, key: u64, flags: u16, out: &mut Tokens<'_>) {
    let (id, flags) = look_up(out.lex, &out.src.as_bytes()[start..end], key, flags);
    #[allow(clippy::cast_possible_truncation)]
    out.toks.push(Token {
        start: start as u32,
        end: end as u32,
        nstart: 0,
        nend: 0,
        id,
        flags,
    });
}

/// The lexicon id of normal form `norm` (whose key is `key`), and `flags`
/// with [`STEM`] added when a `*` stem may match it.
#[inline]
fn look_up(lex: Option<&Lexicon>, norm: &[u8], key: u64, flags: u16) -> (u32, u16) {
    let Some(lex) = lex else {
        return (0, flags);
    };
    match lex.word(norm, key) {
        (id, true) => (id, flags | STEM),
        (id, false) => (id, flags),
    }
}

/// Appends a token whose normal form differs from its source text:
/// lower-cased, with curly apostrophes made straight.
fn push_other(src: &str, start: usize, end: usize, flags: u16, out: &mut Tokens<'_>) {
    let nstart = out.norm.len();
    let piece = &src[start..end];
    let key = if let &[b] = piece.as_bytes()
        && b.is_ascii()
    {
        // One char ("I"), not worth a call to memcpy.
        out.norm.push(char::from(b.to_ascii_lowercase()));
        u64::from(b.to_ascii_lowercase())
    } else if piece.is_ascii() {
        out.norm.push_str(piece);
        out.norm[nstart..].make_ascii_lowercase();
        ascii_lowercase(key_at(src.as_bytes(), start, end))
    } else {
        for c in piece.chars() {
            if c.is_ascii() {
                out.norm.push(c.to_ascii_lowercase());
            } else if c == '’' || c == '‘' {
                out.norm.push('\'');
            } else {
                out.norm.extend(c.to_lowercase());
            }
        }
        key_at(out.norm.as_bytes(), nstart, out.norm.len())
    };
    let (id, flags) = look_up(out.lex, &out.norm.as_bytes()[nstart..], key, flags);
    #[allow(clippy::cast_possible_truncation)]
    out.toks.push(Token {
        start: start as u32,
        end: end as u32,
        nstart: nstart as u32,
        nend: out.norm.len() as u32,
        id,
        flags,
    });
}

/// Normalises a rubric phrase the way answers are normalised.
/// Whether `word` (normalised) names a month or a day of the week: a date,
/// never a person's name, even capitalised mid-sentence.
pub fn month_or_weekday(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

pub fn normalise_phrase(phrase: &str) -> String {
    let mut t = Tokens::new(phrase);
    tokenize_region(phrase, 0, phrase.len(), &mut t);
    (0..t.toks.len())
        .map(|i| t.norm_of(i))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (Vec<String>, String) {
        let mut t = Tokens::new(s);
        tokenize_region(s, 0, s.len(), &mut t);
        let spans = t
            .toks
            .iter()
            .map(|k| s[k.start as usize..k.end as usize].to_owned())
            .collect();
        (spans, normalise_phrase(s))
    }

    #[test]
    fn curly_apostrophes_and_case_normalise_to_plain_lower_case() {
        let (spans, n) = norm("I Didn’t check");
        assert_eq!(spans, ["I", "Didn’t", "check"]);
        assert_eq!(n, "i didn't check");
    }

    #[test]
    fn possessive_s_is_its_own_token_with_exact_spans() {
        let (spans, n) = norm("the intern’s fault, that's on me");
        assert_eq!(n, "the intern 's fault , that 's on me");
        assert_eq!(spans[1], "intern");
        assert_eq!(spans[2], "’s");
    }

    #[test]
    fn numbers_keep_decimals_and_thousands() {
        let (spans, _) = norm("cut p99 from 1,200ms to 3.5s (40%).");
        assert!(spans.contains(&"1,200ms".to_owned()));
        assert!(spans.contains(&"3.5s".to_owned()));
        assert!(spans.contains(&"%".to_owned()));
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        let (spans, _) = norm("a double-check - then pre-commit");
        assert_eq!(spans, ["a", "double-check", "-", "then", "pre-commit"]);
    }

    #[test]
    fn n_t_endings_match_lower_casing_the_word() {
        for w in [
            "didn't", "DIDN'T", "Can’t", "won’T", "n't", "don't", "nt", "can'", "isn’", "it", "’t",
            "haven''t",
        ] {
            let lower = w.to_lowercase();
            let want = lower.ends_with("n't") || lower.ends_with("n’t");
            assert_eq!(ends_in_nt(w.as_bytes()), want, "{w}");
        }
    }

    #[test]
    fn negated_auxiliaries_are_flagged() {
        let s = "we didn't, I can’t, don't";
        let mut t = Tokens::new(s);
        tokenize_region(s, 0, s.len(), &mut t);
        assert_eq!(t.toks.iter().filter(|k| k.is(NEG)).count(), 3);
    }
}
