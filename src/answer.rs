//! The answer record: what a candidate wrote, how it scored, and what
//! mentors said about it. Saved as plain JSON a person can read and diff.

use serde::{Deserialize, Serialize};

use crate::bank::{PrincipleId, QuestionId};
use crate::score::Report;

/// The record format's version; a file with a newer one is read, never
/// rewritten.
pub const SCHEMA_VERSION: u32 = 3;

/// A sortable unique id (UUID v7: files sort by creation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnswerId(pub String);

impl AnswerId {
    pub fn new_v7() -> AnswerId {
        AnswerId(uuid::Uuid::now_v7().to_string())
    }

    /// A fresh UUID v7 whose time part is `at` (the random part is still
    /// random), so ids made with a passed-in clock sort with it.
    pub fn at(at: jiff::Timestamp) -> AnswerId {
        let secs = u64::try_from(at.as_second()).unwrap_or(0);
        let nanos = u32::try_from(at.subsec_nanosecond()).unwrap_or(0);
        let ts = uuid::Timestamp::from_unix(uuid::NoContext, secs, nanos);
        AnswerId(uuid::Uuid::new_v7(ts).to_string())
    }

    /// Whether the id is safe to use as a file name: ASCII letters, digits,
    /// `-` and `_`, 1–100 characters. Every id barraiser makes is.
    pub fn is_valid(&self) -> bool {
        !self.0.is_empty()
            && self.0.len() <= 100
            && self
                .0
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AnswerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The four STAR parts as the candidate wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Star {
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub task: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub result: String,
}

impl Star {
    /// The parts joined under `Situation:`/`Task:`/`Action:`/`Result:`
    /// headings, skipping empty ones: the text the scorer reads and report
    /// evidence offsets point into.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (heading, body) in [
            ("Situation", &self.situation),
            ("Task", &self.task),
            ("Action", &self.action),
            ("Result", &self.result),
        ] {
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(heading);
            out.push_str(": ");
            out.push_str(body);
        }
        out
    }

    /// Splits text written under STAR headings (`Situation:`, `S:`,
    /// `**Task**`, `## Result`, `Outcome:` …) into its parts. The headings
    /// are the scorer's own ([`crate::score::star::regions`]), so the parts
    /// saved and exported always match the parts scored. `None` when the
    /// text has no heading. Words before the first heading belong to the
    /// situation; a heading used twice gathers both bodies.
    pub fn from_headed_text(text: &str) -> Option<Star> {
        use crate::score::star::{Part, regions};
        let regions = regions(text);
        if regions.iter().all(|r| r.part.is_none()) {
            return None;
        }
        let mut star = Star::default();
        for region in regions.iter() {
            // The scorer's body starts after the colon; emphasis closing
            // the heading (`**A:** I…`) is not the candidate's words.
            let body = text[region.start..region.end]
                .trim_start_matches(['*', '_'])
                .trim();
            if body.is_empty() {
                continue;
            }
            let slot = match region.part {
                Some(Part::Situation) | None => &mut star.situation,
                Some(Part::Task) => &mut star.task,
                Some(Part::Action) => &mut star.action,
                Some(Part::Result) => &mut star.result,
            };
            if !slot.is_empty() {
                slot.push_str("\n\n");
            }
            slot.push_str(body);
        }
        Some(star)
    }

    /// The STAR object a person hands in (`score`, `answer`, a batch line):
    /// `{"situation","task","action","result"}`, each optional and text. Any
    /// other key is refused by name, so a misspelt `"situaton"` is not
    /// silently scored as a missing part.
    pub fn from_json(object: serde_json::Map<String, serde_json::Value>) -> Result<Star, String> {
        let mut star = Star::default();
        for (key, value) in object {
            let slot = match key.as_str() {
                "situation" => &mut star.situation,
                "task" => &mut star.task,
                "action" => &mut star.action,
                "result" => &mut star.result,
                _ => {
                    return Err(format!(
                        "unknown STAR key '{key}'; the keys are situation, task, action and result"
                    ));
                }
            };
            match value {
                serde_json::Value::String(text) => *slot = text,
                serde_json::Value::Null => {}
                _ => return Err(format!("STAR key '{key}' must be text")),
            }
        }
        Ok(star)
    }

    pub fn is_empty(&self) -> bool {
        [&self.situation, &self.task, &self.action, &self.result]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

/// The question an answer was written for, copied so old answers stay
/// readable when the bank changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRef {
    pub id: QuestionId,
    pub principle: PrincipleId,
    pub text: String,
}

/// An interviewer's probe and the candidate's answer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub probe: String,
    pub answer: String,
}

/// A mentor's review of a saved answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub reviewer: String,
    pub at: jiff::Timestamp,
    /// 1–5.
    pub grade: Option<u8>,
    #[serde(default)]
    pub comment: String,
}

/// A story name as typed: trimmed, control characters and line breaks
/// turned into spaces, at most 80 characters; `None` when nothing is left.
pub fn clean_story(name: &str) -> Option<String> {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let cleaned: String = cleaned.chars().take(80).collect();
    let cleaned = cleaned.trim().to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// One saved answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub schema_version: u32,
    pub id: AnswerId,
    pub created: jiff::Timestamp,
    pub updated: jiff::Timestamp,
    pub question: QuestionRef,
    /// The STAR parts, when the answer was written in them (the TUI) or
    /// carried headings; empty parts otherwise.
    pub star: Star,
    /// The exact text that was scored: the report's evidence offsets point
    /// into it. For TUI answers this is `star.to_text()`.
    pub text: String,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    /// Seconds from the question's draw to the submit, when timed.
    #[serde(default)]
    pub seconds_taken: Option<u64>,
    /// Seconds past the practice clock's limit at submit, when the answer
    /// ran over; absent when it did not (and in files from before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overtime_seconds: Option<u64>,
    pub report: Report,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Set on a copy made by `import` when the file held an answer with this
    /// id but different words: the copy keeps the imported words beside the
    /// original instead of overwriting it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict_of: Option<AnswerId>,
    /// The story this answer tells ("Black Friday schedule"), named by the
    /// candidate so one story's retellings can be found across principles.
    /// Absent in older files; an older barraiser ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

impl AnswerRecord {
    /// A new record at `now`, with a fresh id and no reviews yet.
    pub fn new(
        now: jiff::Timestamp,
        question: QuestionRef,
        star: Star,
        text: String,
        report: Report,
    ) -> AnswerRecord {
        AnswerRecord {
            schema_version: SCHEMA_VERSION,
            id: AnswerId::at(now),
            created: now,
            updated: now,
            question,
            star,
            text,
            follow_ups: Vec::new(),
            seconds_taken: None,
            overtime_seconds: None,
            report,
            reviews: Vec::new(),
            conflict_of: None,
            story: None,
        }
    }

    /// Whether the candidate's words are the same in both: the text, the
    /// STAR parts, the follow-ups and the question they answer. Reviews,
    /// times and the score may differ.
    pub fn same_words(&self, other: &AnswerRecord) -> bool {
        self.text == other.text
            && self.star == other.star
            && self.follow_ups == other.follow_ups
            && self.question.id == other.question.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_split_into_star_parts() {
        let star = Star::from_headed_text(
            "Situation: the build broke.\nIt was Friday.\n\nTask: fix it\n**A:** I bisected.\n## Result: green in 20 min",
        )
        .unwrap();
        assert_eq!(star.situation, "the build broke.\nIt was Friday.");
        assert_eq!(star.task, "fix it");
        assert_eq!(star.action, "I bisected.");
        assert_eq!(star.result, "green in 20 min");
    }

    #[test]
    fn headings_are_the_scorers_so_outcome_is_the_result() {
        let text = "Context: a bank.\nApproach: I rebuilt the report.\nOutcome: on time.";
        let star = Star::from_headed_text(text).unwrap();
        assert_eq!(star.situation, "a bank.");
        assert_eq!(star.action, "I rebuilt the report.");
        assert_eq!(star.result, "on time.");
    }

    #[test]
    fn text_without_headings_has_no_star() {
        assert_eq!(
            Star::from_headed_text("I shipped it. Nobody noticed: fine."),
            None
        );
    }

    #[test]
    fn words_before_the_first_heading_join_the_situation() {
        let star = Star::from_headed_text("Back in 2021.\nS: a migration\nR: done").unwrap();
        assert_eq!(star.situation, "Back in 2021.\n\na migration");
        assert_eq!(star.result, "done");
        assert!(star.task.is_empty());
    }

    #[test]
    fn ids_made_from_a_clock_carry_its_time_and_are_file_safe() {
        let at = jiff::Timestamp::from_second(1_700_000_000).unwrap();
        let id = AnswerId::at(at);
        assert!(id.is_valid());
        let uuid = uuid::Uuid::parse_str(id.as_str()).unwrap();
        let (secs, _) = uuid.get_timestamp().unwrap().to_unix();
        assert_eq!(secs, 1_700_000_000);
        assert!(!AnswerId("../x".into()).is_valid());
        assert!(!AnswerId(String::new()).is_valid());
    }
}
