//! One way words become a scored answer record, for the TUI and the
//! `answer` command alike, so an answer saved from either reads, scores and
//! exports the same.
//!
//! Words arrive in three shapes: the four fields typed in the TUI, text with
//! optional STAR headings (a notes file, an editor), or a JSON STAR object
//! (`{"situation","task","action","result"}`, as `score` takes). Each
//! becomes [`Words`]: the STAR parts and the exact text the scorer reads.
//! [`record`] scores them against the question and makes the record the
//! store saves. Nothing here touches the disk or the clock.

use crate::answer::{AnswerRecord, QuestionRef, Star};
use crate::bank::Question;
use crate::score::{Rubric, Target};

/// An answer's words: its STAR parts (empty when the text had no headings)
/// and the exact text that is scored and saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub star: Star,
    pub text: String,
}

impl Words {
    /// The four fields typed in the TUI.
    pub fn from_star(star: Star) -> Words {
        Words {
            text: star.to_text(),
            star,
        }
    }

    /// Text handed in from a file or stdin: a JSON STAR object when it opens
    /// with `{`, else plain text whose headings (if any) give the parts.
    /// Errors: JSON that is not a STAR object, a key that is not a STAR
    /// part, or no words at all.
    pub fn parse(raw: &str) -> Result<Words, String> {
        let trimmed = raw.trim_start();
        let words = if trimmed.starts_with('{') {
            let value: serde_json::Value = serde_json::from_str(trimmed).map_err(|e| {
                format!("not a STAR object {{\"situation\",\"task\",\"action\",\"result\"}}: {e}")
            })?;
            Words::from_json(value)?
        } else {
            Words {
                star: Star::from_headed_text(raw).unwrap_or_default(),
                text: raw.to_owned(),
            }
        };
        if words.text.trim().is_empty() {
            return Err("answer is empty".to_owned());
        }
        Ok(words)
    }

    /// A JSON answer: a string of text, or a STAR object.
    pub fn from_json(value: serde_json::Value) -> Result<Words, String> {
        match value {
            serde_json::Value::String(text) => Ok(Words {
                star: Star::from_headed_text(&text).unwrap_or_default(),
                text,
            }),
            serde_json::Value::Object(object) => Star::from_json(object).map(Words::from_star),
            _ => Err(
                "expected text or a {\"situation\",\"task\",\"action\",\"result\"} object"
                    .to_owned(),
            ),
        }
    }
}

/// The words scored as an answer to `question`, as a new record made `now`.
pub fn record(
    now: jiff::Timestamp,
    question: &Question,
    words: Words,
    rubric: &Rubric,
) -> AnswerRecord {
    let target = Target {
        principle: question.principle.as_str(),
        question_id: Some(question.id.as_str()),
        kind: Some(question.kind),
    };
    let report = crate::score::score(&words.text, &target, rubric);
    let asked = QuestionRef {
        id: question.id.clone(),
        principle: question.principle.clone(),
        text: question.text.clone(),
    };
    AnswerRecord::new(now, asked, words.star, words.text, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_object_gives_its_parts_and_headed_text() {
        let words = Words::parse(r#" {"situation": "A bank.", "result": "Done."}"#).unwrap();
        assert_eq!(words.star.situation, "A bank.");
        assert_eq!(words.star.result, "Done.");
        assert_eq!(words.text, "Situation: A bank.\n\nResult: Done.");
    }

    #[test]
    fn a_misspelt_star_key_is_refused_by_name() {
        let err = Words::parse(r#"{"situaton": "A bank."}"#).unwrap_err();
        assert_eq!(
            err,
            "unknown STAR key 'situaton'; the keys are situation, task, action and result"
        );
    }

    #[test]
    fn plain_text_is_kept_exactly() {
        let words = Words::parse("I fixed it.\n").unwrap();
        assert_eq!(words.text, "I fixed it.\n");
        assert!(words.star.is_empty());
        assert_eq!(Words::parse("{}").unwrap_err(), "answer is empty");
    }
}
