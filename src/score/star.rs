//! STAR segmentation: which parts of an answer set the Situation, state the
//! Task, tell the Actions and report the Result.
//!
//! Headings (`Situation:`, `S:`, `**Task**`, `## Result`) are honoured when a
//! candidate wrote them; they become regions that never share a sentence.
//! Free-form text is inferred sentence by sentence from cues (a task names
//! the speaker's own responsibility, a result reports an outcome) and from
//! position, since stories run S → T → A → R.

use super::doc::{Doc, bit};
use super::lexicon::Fam;
use super::{PartSummary, StarSummary};

/// One of the four STAR parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Situation,
    Task,
    Action,
    Result,
}

/// A stretch of the answer: `start..end` bytes, and the part its heading
/// named, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub start: usize,
    pub end: usize,
    pub part: Option<Part>,
}

fn heading_part(word: &str) -> Option<Part> {
    // The longest name is "responsibility"; a longer word is no heading.
    let mut lower = [0u8; 14];
    let lower = lower.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(match &*lower {
        b"situation" | b"context" | b"background" | b"s" => Part::Situation,
        b"task" | b"tasks" | b"goal" | b"objective" | b"responsibility" | b"t" => Part::Task,
        b"action" | b"actions" | b"approach" | b"a" => Part::Action,
        b"result" | b"results" | b"outcome" | b"outcomes" | b"impact" | b"r" => Part::Result,
        _ => return None,
    })
}

/// If `line` opens with a STAR heading, its part and the byte offset (within
/// the line) where the body starts.
fn parse_heading(line: &str) -> Option<(Part, usize)> {
    // Byte by byte: every mark is ASCII, and so is every heading word.
    let lead = line
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t' | b'#' | b'*' | b'_' | b'>' | b'-'))
        .unwrap_or(line.len());
    let rest = &line[lead..];
    let word_len = rest
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if word_len == 0 {
        return None;
    }
    let part = heading_part(&rest[..word_len])?;
    let after = &rest[word_len..];
    let marks = after.len() - after.trim_start_matches(['*', '_', ' ']).len();
    let tail = &after[marks..];
    let single = word_len == 1;
    let sep = tail.chars().next();
    let body = match sep {
        Some(':' | ')') => marks + 1,
        Some('-' | '—' | '–') if !single => marks + sep.map_or(1, char::len_utf8),
        None if !single && lead > 0 => marks,
        None if !single && tail.is_empty() && after.trim().is_empty() => marks,
        _ => return None,
    };
    Some((part, lead + word_len + body))
}

/// STAR headings later on a line that opened with one: a capitalised
/// `Task:`, or any heading (`T:` too) right after the end of a sentence. Each is the
/// heading's byte offset in `line`, its part, and where its body starts.
/// Prose such as "my task: keep it up" never reaches here: the line must
/// already have opened with a heading.
fn inline_headings(line: &str, from: usize) -> Vec<(usize, Part, usize)> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        let starts_word = i > 0 && bytes[i - 1] == b' ' && bytes[i].is_ascii_alphabetic();
        if !starts_word {
            i += 1;
            continue;
        }
        let len = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(bytes.len() - i);
        let colon = bytes.get(i + len) == Some(&b':');
        let before = line[..i].trim_end().bytes().last();
        let sentence_end = matches!(before, Some(b'.' | b'!' | b'?' | b';' | b')'));
        if let (true, Some(part)) = (colon, heading_part(&line[i..i + len])) {
            // "Task:" capitalised, or any heading right after a sentence.
            if sentence_end || len > 1 && bytes[i].is_ascii_uppercase() {
                found.push((i, part, i + len + 1));
            }
        }
        i += len.max(1);
    }
    found
}

/// The regions of an answer. Most answers have no headings, so one region,
/// kept in place: a list on the heap for it cost a tenth of `regions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Regions {
    One([Region; 1]),
    Many(Vec<Region>),
}

impl std::ops::Deref for Regions {
    type Target = [Region];

    fn deref(&self) -> &[Region] {
        match self {
            Regions::One(one) => one,
            Regions::Many(many) => many,
        }
    }
}

impl Regions {
    /// The regions the scorer labels by: a whole answer under one heading
    /// (typed into the practice screen's first field, say) says nothing of
    /// its other parts, so they are inferred as in free text. The byte
    /// spans stay the same, so evidence offsets do not move.
    pub fn for_scoring(self) -> Regions {
        match self {
            Regions::One([one]) => Regions::One([Region { part: None, ..one }]),
            many @ Regions::Many(_) => many,
        }
    }
}

/// Splits `text` into regions at STAR headings. Text with no headings is one
/// region with no part.
pub fn regions(text: &str) -> Regions {
    // No room is taken until a heading closes a region worth keeping.
    let mut out = Vec::new();
    let mut cur = Region {
        start: 0,
        end: text.len(),
        part: None,
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if let Some((part, body)) = parse_heading(bare) {
            let mut open = |cur: &mut Region, at: usize, part: Part, body: usize| {
                cur.end = at;
                if !text[cur.start..cur.end].trim().is_empty() {
                    out.push(*cur);
                }
                *cur = Region {
                    start: body,
                    end: text.len(),
                    part: Some(part),
                };
            };
            open(&mut cur, offset, part, offset + body);
            // Notes and transcripts run the headings together on one line:
            // "Situation: … Task: … Action: … Result: …".
            for (at, part, body) in inline_headings(bare, body) {
                open(&mut cur, offset + at, part, offset + body);
            }
        }
        offset += line.len();
    }
    // The last region is kept when it holds text, or when it is the only one.
    if out.is_empty() {
        return Regions::One([cur]);
    }
    if !text[cur.start..cur.end].trim().is_empty() {
        out.push(cur);
    }
    Regions::Many(out)
}

/// Labels every sentence with a part: its heading's, or an inferred one.
/// `sent_fams` holds, per sentence, a bit per family matching in it.
pub fn label_sentences(doc: &Doc<'_>, sent_fams: &[u128]) -> Vec<Part> {
    let n = doc.sents.len();
    let mut labels = Vec::with_capacity(n);
    let mut seen_action = false;
    let mut prev = Part::Situation;
    // Clauses come in sentence order: one walk counts each sentence's
    // actions, where a search per sentence would cost more than the count.
    let mut clauses = doc.clauses.iter().peekable();
    for ((i, s), &fams) in doc.sents.iter().enumerate().zip(sent_fams) {
        let mut acts = 0;
        while let Some(c) = clauses.next_if(|c| c.sent as usize <= i) {
            acts += usize::from(c.sent as usize == i && c.action);
        }
        let part = if let Some(p) = s.heading {
            p
        } else {
            #[allow(clippy::cast_precision_loss)]
            let pos = if n > 1 {
                i as f64 / (n - 1) as f64
            } else {
                0.0
            };
            let range = s.start..s.end;
            let has = |f: Fam| fams & bit(f) != 0;
            let result_cue = has(Fam::ResultCue);
            let result_verb =
                has(Fam::ResultVerb) && (pos >= 0.5 || doc.has_measure(range.clone()));
            if has(Fam::TaskCue) && !result_cue && i > 0 {
                Part::Task
            } else if i == 0 && n >= 3 {
                // Stories open with their setting.
                Part::Situation
            } else if i + 1 == n
                && n >= 3
                && (has(Fam::ResultVerb) || result_cue || doc.has_measure(range.clone()))
            {
                // …and close with their outcome.
                Part::Result
            } else if has(Fam::TaskCue) && !result_cue {
                Part::Task
            } else if result_cue && pos >= 0.25 && seen_action
                || result_verb && pos >= 0.34 && seen_action
            {
                Part::Result
            } else if has(Fam::SituationCue) && pos < 0.5 && !seen_action && acts == 0 {
                Part::Situation
            } else if acts > 0 {
                Part::Action
            } else if !seen_action && matches!(prev, Part::Situation) && n >= 3 {
                Part::Situation
            } else {
                prev
            }
        };
        if matches!(part, Part::Action) {
            seen_action = true;
        }
        prev = part;
        labels.push(part);
    }
    labels
}

/// Words per part.
impl StarSummary {
    /// The summary of `part`.
    pub(crate) fn part(&self, part: Part) -> &PartSummary {
        match part {
            Part::Situation => &self.situation,
            Part::Task => &self.task,
            Part::Action => &self.action,
            Part::Result => &self.result,
        }
    }

    fn part_mut(&mut self, part: Part) -> &mut PartSummary {
        match part {
            Part::Situation => &mut self.situation,
            Part::Task => &mut self.task,
            Part::Action => &mut self.action,
            Part::Result => &mut self.result,
        }
    }
}

pub fn summarise(doc: &Doc<'_>, labels: &[Part]) -> StarSummary {
    let mut star = StarSummary::default();
    for (s, part) in doc.sents.iter().zip(labels) {
        let words = doc.t.toks[s.start as usize..s.end as usize]
            .iter()
            .filter(|t| t.is_wordlike())
            .count();
        star.part_mut(*part).words += words;
    }
    for p in [
        &mut star.situation,
        &mut star.task,
        &mut star.action,
        &mut star.result,
    ] {
        *p = PartSummary {
            present: p.words > 0,
            words: p.words,
        };
    }
    star
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_many_spellings_are_honoured() {
        for (line, part) in [
            ("Situation: we were", Part::Situation),
            ("S: we were", Part::Situation),
            ("**Task:** mine", Part::Task),
            ("## Result", Part::Result),
            ("Action - I wrote", Part::Action),
            ("Outcome: shipped", Part::Result),
        ] {
            assert_eq!(parse_heading(line).map(|h| h.0), Some(part), "{line}");
        }
    }

    #[test]
    fn ordinary_sentences_are_not_headings() {
        for line in [
            "A colleague and I",
            "Actions speak louder",
            "So I wrote it",
            "Result was fine",
        ] {
            assert_eq!(parse_heading(line), None, "{line}");
        }
    }

    #[test]
    fn regions_skip_heading_words_and_keep_exact_offsets() {
        let text = "Situation: we had an outage.\nAction: I rolled back.";
        let r = regions(text);
        assert_eq!(r.len(), 2);
        assert_eq!(&text[r[0].start..r[0].end].trim(), &"we had an outage.");
        assert_eq!(r[1].part, Some(Part::Action));
        assert_eq!(text[r[1].start..r[1].end].trim(), "I rolled back.");
    }

    #[test]
    fn headings_run_together_on_one_line_split_into_parts() {
        let parts = |text: &str| -> Vec<(Option<Part>, String)> {
            regions(text)
                .iter()
                .map(|r| (r.part, text[r.start..r.end].trim().to_owned()))
                .collect()
        };
        let notes = "Situation: the texts stopped. Task: I owned them. Action: I renewed the key. \
                     Result: misses fell to 3.";
        assert_eq!(
            parts(notes),
            vec![
                (Some(Part::Situation), "the texts stopped.".to_owned()),
                (Some(Part::Task), "I owned them.".to_owned()),
                (Some(Part::Action), "I renewed the key.".to_owned()),
                (Some(Part::Result), "misses fell to 3.".to_owned()),
            ]
        );
        let letters = "S: a late truck. T: mine to fix. A: I rebooked it. R: on time.";
        assert_eq!(parts(letters).len(), 4, "{:?}", parts(letters));
        // A heading word inside prose, or a letter mid-sentence, splits nothing.
        let prose = "Situation: the goal was vague and my task: unclear, plan A: none.";
        assert_eq!(parts(prose).len(), 1, "{:?}", parts(prose));
        assert_eq!(parts("My task: keep the site up. Result: fine.").len(), 1);
    }

    #[test]
    fn a_whole_answer_under_one_heading_is_scored_as_free_text() {
        let text = "Situation: I pushed a change. I rolled it back. Errors fell 90%.";
        let one = regions(text);
        assert_eq!(one[0].part, Some(Part::Situation));
        let scored = one.for_scoring();
        assert_eq!(scored[0].part, None);
        assert_eq!((scored[0].start, scored[0].end), (10, text.len()));
        let two = regions("Situation: a.\nResult: b.").for_scoring();
        assert_eq!(two[1].part, Some(Part::Result));
    }

    #[test]
    fn text_without_headings_is_one_region() {
        let r = regions("I broke the build.");
        assert_eq!(
            *r,
            [Region {
                start: 0,
                end: 18,
                part: None
            }]
        );
    }
}
