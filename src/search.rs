//! Search that finds what a person means: words, not letters in order.
//!
//! A fuzzy matcher that accepts any text holding the query's letters in
//! order matches nearly everything once texts are long: "ledger" matched
//! every saved answer, "missed" two questions in three. A person typing
//! "missed deadline" means the words, in any form ("missed", "miss",
//! "misses"), so a [`Query`] matches word by word:
//!
//! 1. **whole word**: the word itself, or the same word with another
//!    ending (a light stem: `-s`, `-es`, `-ed`, `-ing`, a doubled last
//!    letter), so "missed" finds "miss" and "deadlines" finds "deadline";
//! 2. **part of a word**: "dead" in "deadline" (three letters or more);
//! 3. **a typo** (optional): one letter wrong, missing or extra, or two
//!    neighbours swapped, in a word of five letters or more ("trsut"
//!    finds "trust"; "daedlnie" is two edits: no match). A letter missing
//!    or extra is found by skim's fuzzy matcher (`SkimMatcherV2`), word
//!    against word: the shorter word's letters, in order, in one a letter
//!    longer. Never text against text, where letters in order match
//!    nearly anything.
//!
//! Every word of the query must match somewhere; a text's score adds up
//! how well each did, plus a bonus when the whole query appears as typed,
//! so whole-word matches rank above partial ones and weak matches are cut.

use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Built once: both sides are lowercased already, so case is respected.
static SKIM: LazyLock<SkimMatcherV2> = LazyLock::new(|| SkimMatcherV2::default().respect_case());

/// A parsed search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Lowercased words of the query.
    words: Vec<String>,
    /// The whole query, lowercased and trimmed.
    phrase: String,
    typos: bool,
}

/// How well one query word matched, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    None,
    Typo,
    Part,
    Whole,
}

impl Query {
    /// A query that also accepts one-letter typos, for short texts such as
    /// questions.
    pub fn new(query: &str) -> Query {
        Query::build(query, true)
    }

    /// A query without typo matching, for long texts such as answers, where
    /// a typo's near neighbours would match too much.
    pub fn exact(query: &str) -> Query {
        Query::build(query, false)
    }

    fn build(query: &str, typos: bool) -> Query {
        let phrase = query.trim().to_lowercase();
        let words = words(&phrase).map(str::to_owned).collect();
        Query {
            words,
            phrase,
            typos,
        }
    }

    /// True when the query has no word: everything matches.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well `fields` match, higher is better; `None` when some word of
    /// the query is in none of them.
    pub fn score(&self, fields: &[&str]) -> Option<u32> {
        if self.is_empty() {
            return Some(0);
        }
        let lowered: Vec<String> = fields.iter().map(|f| lowercase(f)).collect();
        let lowered: Vec<&str> = lowered.iter().map(String::as_str).collect();
        self.score_lowered(&lowered)
    }

    /// [`Query::score`] for fields already lowercased (`str::to_lowercase`),
    /// so text searched on every keystroke is folded only once.
    pub fn score_lowered(&self, lowered: &[&str]) -> Option<u32> {
        if self.is_empty() {
            return Some(0);
        }
        let mut total = 0;
        for word in &self.words {
            let tier = lowered
                .iter()
                .map(|field| self.best_tier(word, field))
                .max()
                .unwrap_or(Tier::None);
            total += match tier {
                Tier::None => return None,
                Tier::Typo => 1,
                Tier::Part => 4,
                Tier::Whole => 10,
            };
        }
        if self.words.len() > 1 && lowered.iter().any(|f| f.contains(self.phrase.as_str())) {
            total += 5;
        }
        Some(total)
    }

    /// The best match of query word `word` in the lowercased `field`.
    fn best_tier(&self, word: &str, field: &str) -> Tier {
        let root = stem(word);
        // Any whole or partial match holds the stem: only the words around
        // its occurrences are looked at, not every word of a long answer.
        let part_ok = word.chars().count() >= 3;
        let mut best = Tier::None;
        for (at, _) in field.match_indices(root) {
            let candidate = word_around(field, at);
            if candidate == word || stem(candidate) == root {
                return Tier::Whole;
            }
            if part_ok && candidate.contains(word) {
                best = Tier::Part;
            }
        }
        if best == Tier::None && self.typos && words(field).any(|w| is_typo(word, w)) {
            best = Tier::Typo;
        }
        best
    }
}

/// The word of `text` (letters and digits) that holds byte `at`.
fn word_around(text: &str, at: usize) -> &str {
    let not_word = |c: char| !c.is_alphanumeric();
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| not_word(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(not_word).map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// `text` lowercased; the plain byte map when it is ASCII, as most answers
/// are, which is several times faster than the Unicode one.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// The words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// `word` without a common English ending, so forms of one word compare
/// equal: missed, misses, miss → mis; deadlines → deadline; boxes → box. Crude on
/// purpose: both sides are cut the same way, so only equality matters.
fn stem(word: &str) -> &str {
    let hissing = |rest: &str| {
        ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| rest.ends_with(e))
    };
    let stem = if let Some(rest) = word.strip_suffix("ing").filter(|r| r.len() >= 3) {
        rest
    } else if let Some(rest) = word.strip_suffix("ed").filter(|r| r.len() >= 3) {
        rest
    } else if let Some(rest) = word
        .strip_suffix("es")
        .filter(|r| r.len() >= 3 && hissing(r))
    {
        rest
    } else if let Some(rest) = word
        .strip_suffix('s')
        .filter(|r| r.len() >= 3 && !r.ends_with('s'))
    {
        rest
    } else {
        word
    };
    let bytes = stem.as_bytes();
    if let [.., a, b] = bytes
        && a == b
        && a.is_ascii_alphabetic()
        && stem.len() > 3
    {
        return &stem[..stem.len() - 1];
    }
    stem
}

/// One edit apart (a letter wrong, missing or extra, or two neighbours
/// swapped), for words of five letters or more.
fn is_typo(word: &str, candidate: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (word.chars().collect(), candidate.chars().collect());
    if a.len() < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    if a.len() != b.len() {
        // A letter missing or extra: the shorter word's letters, in order,
        // in the longer, which is one letter longer.
        let (short, long) = if a.len() < b.len() {
            (word, candidate)
        } else {
            (candidate, word)
        };
        return SKIM.fuzzy_match(long, short).is_some();
    }
    let common_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let common_end = a[common_start..]
        .iter()
        .rev()
        .zip(b[common_start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (left, right) = (
        a.len() - common_start - common_end,
        b.len() - common_start - common_end,
    );
    let swapped = left == 2
        && right == 2
        && a[common_start] == b[common_start + 1]
        && a[common_start + 1] == b[common_start];
    (left.max(right) <= 1 || swapped) && a != b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_a_word_share_a_stem() {
        for (a, b) in [
            ("missed", "miss"),
            ("misses", "miss"),
            ("deadlines", "deadline"),
            ("committed", "commits"),
            ("failing", "failed"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("mission"), stem("miss"));
        assert_eq!(stem("dns"), "dns");
    }

    #[test]
    fn every_word_must_match_and_whole_words_rank_first() {
        let q = Query::new("missed deadline");
        let whole = q.score(&["You failed to meet a deadline. What caused the miss?"]);
        let part = q.score(&["The deadlines were missed."]);
        assert!(whole.is_some() && part.is_some());
        assert_eq!(q.score(&["A deadline in two months."]), None);
        let dead = Query::new("dead").score(&["a deadline"]);
        let word = Query::new("dead").score(&["the dead code"]);
        assert!(word > dead && dead.is_some());
    }

    #[test]
    fn letters_in_order_are_not_a_match() {
        // Skim-style fuzzy matching finds "ledger" in this sentence.
        let text = "Last week every dashboard got extra rows.";
        assert_eq!(Query::new("ledger").score(&[text]), None);
        assert_eq!(Query::exact("ledger").score(&[text]), None);
    }

    #[test]
    fn one_typo_is_forgiven_in_long_words_only_when_asked() {
        assert!(Query::new("daedlnie").score(&["a deadline"]).is_none());
        assert!(Query::new("dedline").score(&["a deadline"]).is_some());
        assert!(Query::exact("dedline").score(&["a deadline"]).is_none());
        assert!(Query::new("mis").score(&["a mix"]).is_none());
        assert!(Query::new("trsut").score(&["earn trust"]).is_some());
    }

    /// The plain way: every word of the field compared with the query word.
    fn brute_tier(q: &Query, word: &str, field: &str) -> Tier {
        let root = stem(word);
        let mut best = Tier::None;
        for candidate in words(field) {
            if candidate == word || stem(candidate) == root {
                return Tier::Whole;
            }
            if word.chars().count() >= 3 && candidate.contains(word) {
                best = best.max(Tier::Part);
            } else if q.typos && is_typo(word, candidate) {
                best = best.max(Tier::Typo);
            }
        }
        best
    }

    proptest::proptest! {
        /// Looking only around the stem's occurrences finds what looking
        /// at every word finds.
        #[test]
        fn looking_around_the_stem_agrees_with_every_word(
            field in "[abdeginsé ,.]{0,40}",
            word in "[abdeginsé]{1,7}",
            typos: bool,
        ) {
            let q = Query::build(&word, typos);
            proptest::prop_assert_eq!(q.best_tier(&word, &field), brute_tier(&q, &word, &field));
        }
    }

    /// One letter dropped from the longer word gives the shorter: the
    /// plain way to say "a letter missing or extra".
    fn one_letter_apart(a: &str, b: &str) -> bool {
        let (short, long): (Vec<char>, Vec<char>) = if a.chars().count() < b.chars().count() {
            (a.chars().collect(), b.chars().collect())
        } else {
            (b.chars().collect(), a.chars().collect())
        };
        long.len() == short.len() + 1
            && (0..long.len()).any(|i| {
                let mut dropped = long.clone();
                dropped.remove(i);
                dropped == short
            })
    }

    proptest::proptest! {
        /// Skim's matcher, word against word, finds a letter missing or
        /// extra exactly when dropping one letter of the longer word gives
        /// the shorter.
        #[test]
        fn skim_finds_a_letter_missing_or_extra_exactly(
            word in "[abdeé]{5,8}",
            other in "[abdeé]{4,9}",
            at in 0usize..9,
            letter in "[abdeé]",
            edit in 0u8..3,
        ) {
            // Half the time the candidate is the word with one letter
            // added or dropped (shuffled letters rarely are).
            let mut chars: Vec<char> = word.chars().collect();
            let at = at.min(chars.len() - 1);
            let candidate: String = match edit {
                0 => {
                    chars.insert(at, letter.chars().next().unwrap_or('a'));
                    chars.into_iter().collect()
                }
                1 => {
                    chars.remove(at);
                    chars.into_iter().collect()
                }
                _ => other,
            };
            if word.chars().count().abs_diff(candidate.chars().count()) == 1 {
                proptest::prop_assert_eq!(
                    is_typo(&word, &candidate),
                    one_letter_apart(&word, &candidate)
                );
            }
        }
    }

    #[test]
    fn an_empty_query_matches_everything() {
        assert_eq!(Query::new("  ").score(&["anything"]), Some(0));
    }
}
