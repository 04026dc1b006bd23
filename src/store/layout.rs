//! Where each kind of file lives inside the data folder, and which names
//! belong to whom. Every path the store touches is built here, so the
//! folder's shape can be read in one place:
//!
//! ```text
//! <home>/
//!   answers/<id>.json     one saved answer per file (the source of truth)
//!   drafts/<question>.json  the answer in progress for a question
//!   drafts/<question>~<pid>.json  the same, from a read-only copy
//!   quarantine/           files that failed to load, moved aside, never deleted
//!   questions.json        the user's own question bank (read by the bank loader)
//!   index.jsonl           a rebuildable summary of answers/, for fast stats
//!   barraiser.lock        held by the one process allowed to write
//!   .gitignore            keeps the lock, the index and quarantine out of git
//! ```

use std::ffi::OsStr;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::answer::AnswerId;
use crate::bank::QuestionId;

pub(crate) const ANSWERS: &str = "answers";
pub(crate) const DRAFTS: &str = "drafts";
pub(crate) const QUARANTINE: &str = "quarantine";
pub(crate) const INDEX: &str = "index.jsonl";
pub(crate) const LOCK: &str = "barraiser.lock";
pub(crate) const GITIGNORE: &str = ".gitignore";
pub(crate) const GITIGNORE_TEXT: &str = "# Written by barraiser: local files that should not be shared.\n\
barraiser.lock\nindex.jsonl\nquarantine/\n";

/// The paths of one data folder.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub root: PathBuf,
}

impl Layout {
    pub fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_owned(),
        }
    }

    pub fn answers(&self) -> PathBuf {
        self.root.join(ANSWERS)
    }

    pub fn drafts(&self) -> PathBuf {
        self.root.join(DRAFTS)
    }

    pub fn quarantine(&self) -> PathBuf {
        self.root.join(QUARANTINE)
    }

    pub fn index(&self) -> PathBuf {
        self.root.join(INDEX)
    }

    pub fn lock(&self) -> PathBuf {
        self.root.join(LOCK)
    }

    pub fn answer(&self, id: &AnswerId) -> PathBuf {
        self.answers().join(format!("{id}.json"))
    }

    /// The draft file for `question`: the writer's, or (with a process id)
    /// a read-only copy's, kept beside it so its words are saved too.
    pub fn draft(&self, question: &QuestionId, side: Option<u32>) -> PathBuf {
        let stem = draft_file_stem(question);
        self.drafts().join(match side {
            None => format!("{stem}.json"),
            Some(pid) => format!("{stem}~{pid}.json"),
        })
    }
}

/// Whether a draft file name is a read-only copy's (`<stem>~<pid>.json`;
/// `~` never appears in a stem, where it would be written `%7E`).
pub(crate) fn is_side_draft(name: &OsStr) -> bool {
    name.to_str().is_some_and(|n| n.contains('~'))
}

/// The longest escaped stem kept whole. With `~<pid>`, `.json` and the
/// temporary's `.` and `.XXXXXX` around it, a name stays far below the
/// 255 bytes most filesystems allow.
const STEM_MAX: usize = 96;
/// How much of a long escaped stem is kept readable before its hash.
const STEM_PREFIX: usize = 64;

/// A file name for a question's draft. Question ids come from bank files a
/// user may write, so anything but ASCII letters, digits, `-` and `_` is
/// written as `%XX`; two ids never share a name. A stem that would grow
/// past [`STEM_MAX`] (60 × "é" escapes to 360 bytes) keeps a readable
/// prefix and ends in `+` and a hash of the whole id; `+` never appears in
/// an escaped stem, so a shortened name never equals a whole one.
pub(crate) fn draft_file_stem(question: &QuestionId) -> String {
    let mut out = String::new();
    for b in question.as_str().bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    if out.is_empty() {
        out.push('%');
    }
    if out.len() > STEM_MAX {
        // Cut on an escape's edge, never inside a `%XX`.
        let mut cut = STEM_PREFIX;
        while out[..cut].rfind('%').is_some_and(|at| at + 3 > cut) {
            cut -= 1;
        }
        out.truncate(cut);
        let _ = write!(out, "+{:016x}", fnv1a(question.as_str().as_bytes()));
    }
    out
}

/// FNV-1a, 64 bits: a hash written into file names, so it must never
/// change between versions or platforms (std's hashers promise neither).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether `name` ends in `.json` (exactly: barraiser writes no other).
pub(crate) fn is_json(name: &OsStr) -> bool {
    Path::new(name).extension().is_some_and(|e| e == "json")
}

/// The answer id a file name in `answers/` stands for: `<id>.json`.
pub(crate) fn answer_id_of(name: &OsStr) -> Option<AnswerId> {
    let stem = name.to_str()?.strip_suffix(".json")?;
    let id = AnswerId(stem.to_owned());
    id.is_valid().then_some(id)
}

/// Whether `name` is a temporary left by an interrupted atomic write:
/// `.<file>.json.XXXXXX`, `.<file>.jsonl.XXXXXX` or `..gitignore.XXXXXX`
/// with six letters or digits, the pattern atomic-write-file uses. Nothing
/// else is ever cleaned up.
pub(crate) fn is_leftover_temporary(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let Some(rest) = name.strip_prefix('.') else {
        return false;
    };
    let Some((base, suffix)) = rest.rsplit_once('.') else {
        return false;
    };
    suffix.len() == 6
        && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
        && (base == ".gitignore"
            || (Path::new(base).file_stem().is_some_and(|s| !s.is_empty())
                && Path::new(base)
                    .extension()
                    .is_some_and(|e| e == "json" || e == "jsonl")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_are_recognised_and_nothing_else() {
        for yes in [
            ".abc.json.Xy12Z9",
            ".index.jsonl.000000",
            "..gitignore.aaaaaa",
        ] {
            assert!(is_leftover_temporary(OsStr::new(yes)), "{yes}");
        }
        for no in [
            "abc.json",
            ".gitignore",
            ".abc.json",
            ".abc.json.12345",
            ".abc.txt.123456",
            ".json.123456",
            ".abc.json.12345!",
        ] {
            assert!(!is_leftover_temporary(OsStr::new(no)), "{no}");
        }
    }

    #[test]
    fn draft_names_escape_anything_unsafe() {
        let q = |s: &str| draft_file_stem(&QuestionId(s.to_owned()));
        assert_eq!(q("earn_trust-03"), "earn_trust-03");
        assert_eq!(q("../x y"), "%2E%2E%2Fx%20y");
        assert_ne!(q("a%2F"), q("a/"));
        assert_eq!(q(""), "%");
        assert!(!is_side_draft(OsStr::new(&format!("{}.json", q("a~b")))));
        assert!(is_side_draft(OsStr::new("a~123.json")));
    }

    #[test]
    fn long_ids_get_bounded_readable_names_that_stay_distinct() {
        let q = |s: &str| draft_file_stem(&QuestionId(s.to_owned()));
        let accents = q(&"é".repeat(60));
        assert!(accents.len() <= STEM_MAX, "{accents}");
        assert!(accents.starts_with("%C3%A9%C3%A9"), "{accents}");
        assert!(!accents.contains("%C+") && !accents.ends_with('%'));
        let long = "a".repeat(300);
        assert!(q(&long).starts_with("aaaa") && q(&long).len() <= STEM_MAX);
        assert_ne!(q(&long), q(&format!("{long}b")));
        assert_eq!(q(&long), q(&long), "stable");
        // Short ids keep their whole, reversible name.
        assert_eq!(q(&"b".repeat(STEM_MAX)), "b".repeat(STEM_MAX));
        // Escape edges: every cut position leaves whole escapes.
        for n in 0..8 {
            let id = format!("{}{}", "x".repeat(n), "/".repeat(80));
            let stem = q(&id);
            let (prefix, _) = stem.split_once('+').expect("shortened");
            assert_eq!(
                prefix.matches('%').count() * 3 + n.min(prefix.len()),
                prefix.len(),
                "{stem}"
            );
        }
    }

    #[test]
    fn answer_files_map_to_ids() {
        let id = answer_id_of(OsStr::new("0193a-b_c.json")).unwrap();
        assert_eq!(id.as_str(), "0193a-b_c");
        assert!(answer_id_of(OsStr::new("x.txt")).is_none());
        assert!(answer_id_of(OsStr::new(".x.json")).is_none());
        assert!(answer_id_of(OsStr::new(".json")).is_none());
    }
}
