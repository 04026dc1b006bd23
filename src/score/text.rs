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
    /// Byte span in the normalised string.
    pub nstart: u32,
    pub nend: u32,
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

/// Tokens of a text and their normalised shadow string.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    pub norm: String,
}

impl Tokens {
    /// The normalised text of token `i`.
    pub fn norm_of(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.norm[t.nstart as usize..t.nend as usize]
    }
}

/// The most of an answer that is scored: 512 KiB, a hundred times the
/// longest real answer. Beyond it lies pasted logs or noise; cutting there
/// keeps memory bounded (about 20 MB at worst) and offsets fit in u32.
pub const MAX_BYTES: usize = 512 * 1024;

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '_')
}

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

/// Appends the tokens of `src[start..end]` to `out`. The first token gets
/// [`BREAK_BEFORE`], so regions (STAR sections) never share a sentence.
pub fn tokenize_region(src: &str, start: usize, end: usize, out: &mut Tokens) {
    let mut newlines = 0usize;
    let mut first = true;
    let mut line_has_token = false;
    let mut i = start;
    while i < end {
        let (c, len) = char_at(src, i);
        if c == '\n' {
            newlines += 1;
            line_has_token = false;
            i += len;
            continue;
        }
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let mut flags = 0u16;
        if first {
            flags |= BREAK_BEFORE;
        }
        if newlines > 0 || first {
            flags |= LINE_START;
        }
        if newlines > 1 {
            flags |= BREAK_BEFORE;
        }
        let at_line_start = !line_has_token;
        newlines = 0;
        first = false;
        line_has_token = true;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut j = i + len;
            while j < end {
                let (d, dl) = char_at(src, j);
                if d.is_alphanumeric() {
                    j += dl;
                    continue;
                }
                let joins = is_joiner(d) || (numeric && matches!(d, '.' | ',' | ':'));
                // Join only when a letter or digit follows.
                if joins && j + dl < end && char_at(src, j + dl).0.is_alphanumeric() {
                    j += dl;
                    continue;
                }
                break;
            }
            flags |= if numeric { NUMBER } else { WORD };
            push_word(src, i, j, &src[i..j], flags, out);
            i = j;
        } else {
            if at_line_start && is_bullet(c) {
                flags |= BREAK_BEFORE;
            }
            push(src, i, i + len, flags | PUNCT, out);
            i += len;
        }
    }
}

fn push_word(src: &str, start: usize, end: usize, word: &str, mut flags: u16, out: &mut Tokens) {
    let mut chars = word.chars();
    let c0 = chars.next().unwrap_or(' ');
    if c0.is_uppercase() {
        flags |= CAP;
    }
    let mut letters = 0usize;
    let mut upper = 0usize;
    for c in word.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        } else if c.is_ascii_digit() {
            flags |= HAS_DIGIT;
        }
    }
    if letters >= 2 && upper == letters {
        flags |= ACRONYM;
    }
    // Split a possessive or contracted 's: "intern's" → "intern" "'s".
    let possessive = word.len() > 3 && {
        let b = word.as_bytes();
        (b[b.len() - 1] | 0x20) == b's'
            && (word[..word.len() - 1].ends_with('\'') || word[..word.len() - 1].ends_with('’'))
    };
    if possessive {
        let apos_len = if word[..word.len() - 1].ends_with('’') {
            3
        } else {
            1
        };
        let cut = end - 1 - apos_len;
        push(src, start, cut, flags, out);
        push(src, cut, end, WORD, out);
        return;
    }
    if ends_in_nt(word) {
        flags |= NEG;
    }
    push(src, start, end, flags, out);
}

/// Whether `word` ends in "n't" (either apostrophe, any case). Only ASCII
/// `n`/`N` and `t`/`T` lower-case to `n` and `t`, so bytes suffice.
fn ends_in_nt(word: &str) -> bool {
    let b = word.as_bytes();
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

fn push(src: &str, start: usize, end: usize, flags: u16, out: &mut Tokens) {
    if !out.norm.is_empty() {
        out.norm.push(' ');
    }
    let nstart = out.norm.len();
    let piece = &src[start..end];
    if piece.is_ascii() {
        out.norm.push_str(piece);
        out.norm[nstart..].make_ascii_lowercase();
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
    }
    #[allow(clippy::cast_possible_truncation)]
    out.toks.push(Token {
        start: start as u32,
        end: end as u32,
        nstart: nstart as u32,
        nend: out.norm.len() as u32,
        flags,
    });
}

/// Normalises a rubric phrase the way answers are normalised.
pub fn normalise_phrase(phrase: &str) -> String {
    let mut t = Tokens::default();
    tokenize_region(phrase, 0, phrase.len(), &mut t);
    t.norm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (Vec<String>, String) {
        let mut t = Tokens::default();
        tokenize_region(s, 0, s.len(), &mut t);
        let spans = t
            .toks
            .iter()
            .map(|k| s[k.start as usize..k.end as usize].to_owned())
            .collect();
        (spans, t.norm)
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
            assert_eq!(ends_in_nt(w), want, "{w}");
        }
    }

    #[test]
    fn negated_auxiliaries_are_flagged() {
        let mut t = Tokens::default();
        let s = "we didn't, I can’t, don't";
        tokenize_region(s, 0, s.len(), &mut t);
        assert_eq!(t.toks.iter().filter(|k| k.is(NEG)).count(), 3);
    }
}
