//! Parsing and validating bank files, with errors that say where to look.
//!
//! Syntax and type errors carry the file, line, column and JSON path (from
//! `serde_path_to_error`). Validation errors (a duplicate id, an unknown
//! principle, an empty text) name the offending id and field, and the line
//! where that id first appears in the file.

use std::collections::HashSet;

use serde::Deserialize;

use super::{Bank, Principle, Question};

/// What one bank file holds: principles, questions, or both.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankFile {
    /// Stand in for everything loaded before (another company's model).
    #[serde(default)]
    pub replace: bool,
    #[serde(default)]
    pub principles: Vec<Principle>,
    #[serde(default)]
    pub questions: Vec<Question>,
}

/// A bank file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BankError {
    #[error("{file}:{line}:{column}: {path}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        /// The JSON path of the field, e.g. `questions[3].kind`.
        path: String,
        message: String,
    },
    #[error("{file}:{line}: {what} '{id}', field `{field}`: {message}")]
    Invalid {
        file: String,
        /// The line where the id appears in the file (0 when not found).
        line: usize,
        what: &'static str,
        id: String,
        field: &'static str,
        message: String,
    },
}

impl BankFile {
    /// Parses a bank file; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<BankFile, BankError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|err| {
            let path = err.path().to_string();
            let inner = err.into_inner();
            BankError::Syntax {
                file: name.to_owned(),
                line: inner.line(),
                column: inner.column(),
                path: if path == "." {
                    "(top level)".to_owned()
                } else {
                    path
                },
                message: strip_position(&inner.to_string()),
            }
        })
    }
}

/// `serde_json` appends " at line L column C"; we print those up front.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The 1-based line of the first `"id"` string in `text`, or 0.
fn line_of(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.find(&needle)
        .map_or(0, |at| text[..at].matches('\n').count() + 1)
}

/// Checks the whole bank after a file was added to it.
pub(super) fn validate(bank: &Bank, file: &str, text: &str) -> Result<(), BankError> {
    let invalid = |what, id: &str, field, message: String| BankError::Invalid {
        file: file.to_owned(),
        line: line_of(text, id),
        what,
        id: id.to_owned(),
        field,
        message,
    };

    let mut principle_ids = HashSet::new();
    for p in &bank.principles {
        if p.id.0.trim().is_empty() {
            return Err(invalid("principle", &p.name, "id", "is empty".into()));
        }
        if !principle_ids.insert(p.id.as_str()) {
            return Err(invalid(
                "principle",
                p.id.as_str(),
                "id",
                "is defined twice".into(),
            ));
        }
        for (field, value) in [("name", &p.name), ("summary", &p.summary)] {
            if value.trim().is_empty() {
                return Err(invalid(
                    "principle",
                    p.id.as_str(),
                    field,
                    "is empty".into(),
                ));
            }
        }
    }

    let mut question_ids = HashSet::new();
    for q in &bank.questions {
        let id = q.id.as_str();
        if id.trim().is_empty() {
            return Err(invalid("question", &q.text, "id", "is empty".into()));
        }
        if !question_ids.insert(id) {
            return Err(invalid("question", id, "id", "is defined twice".into()));
        }
        for p in std::iter::once(&q.principle).chain(&q.secondary) {
            if !principle_ids.contains(p.as_str()) {
                let field = if p == &q.principle {
                    "principle"
                } else {
                    "secondary"
                };
                let near = bank.nearest_principles(p.as_str(), 3).join(", ");
                return Err(invalid(
                    "question",
                    id,
                    field,
                    format!("unknown principle '{p}' (nearest: {near})"),
                ));
            }
        }
        for (field, value) in [("text", &q.text), ("hint", &q.hint)] {
            if value.trim().is_empty() {
                return Err(invalid("question", id, field, "is empty".into()));
            }
        }
        if q.follow_ups.iter().any(|f| f.trim().is_empty()) {
            return Err(invalid(
                "question",
                id,
                "follow_ups",
                "holds an empty probe".into(),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRINCIPLE: &str = r#"{"id": "p1", "name": "One", "summary": "S.", "listens_for": "L."}"#;

    fn question(id: &str, principle: &str, text: &str) -> String {
        format!(
            r#"{{"id": "{id}", "principle": "{principle}", "text": "{text}", "kind": "story",
               "tags": [], "hint": "h", "follow_ups": ["why?", "what else?"]}}"#
        )
    }

    fn bank_text(questions: &[String]) -> String {
        format!(
            "{{\"replace\": true,\n\"principles\": [{PRINCIPLE}],\n\"questions\": [\n{}\n]}}",
            questions.join(",\n")
        )
    }

    fn load(text: &str) -> Result<Bank, BankError> {
        let mut bank = Bank::default();
        bank.add_text("mine.json", text)?;
        Ok(bank)
    }

    #[test]
    fn a_valid_file_loads() {
        let bank = load(&bank_text(&[question("q1", "p1", "Tell me.")])).unwrap();
        assert_eq!(bank.questions().len(), 1);
    }

    #[test]
    fn syntax_error_names_file_line_and_column() {
        let err = load("{\n  \"questions\": [\n    {\"id\": }\n  ]\n}").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("mine.json:3:"), "{msg}");
    }

    #[test]
    fn wrong_field_type_names_its_path() {
        let text = bank_text(&[question("q1", "p1", "T").replace("\"story\"", "\"saga\"")]);
        let msg = load(&text).unwrap_err().to_string();
        assert!(msg.contains("questions[0].kind"), "{msg}");
    }

    #[test]
    fn duplicate_id_names_the_id_and_its_line() {
        let text = bank_text(&[question("q1", "p1", "A"), question("q1", "p1", "B")]);
        let msg = load(&text).unwrap_err().to_string();
        assert!(msg.contains("'q1'") && msg.contains("twice"), "{msg}");
        assert!(msg.starts_with("mine.json:4:"), "{msg}");
    }

    #[test]
    fn unknown_principle_suggests_the_nearest() {
        let text = bank_text(&[question("q1", "p2", "A")]);
        let msg = load(&text).unwrap_err().to_string();
        assert!(
            msg.contains("unknown principle 'p2'") && msg.contains("p1"),
            "{msg}"
        );
        assert!(msg.contains("`principle`"), "{msg}");
    }

    #[test]
    fn empty_text_is_refused() {
        let text = bank_text(&[question("q1", "p1", "  ")]);
        let msg = load(&text).unwrap_err().to_string();
        assert!(msg.contains("`text`") && msg.contains("empty"), "{msg}");
    }

    #[test]
    fn a_failed_add_leaves_the_bank_unchanged() {
        let mut bank = load(&bank_text(&[question("q1", "p1", "A")])).unwrap();
        let bad = r#"{"questions": [{"id": "q1", "principle": "p1", "text": "again",
            "kind": "story", "hint": "h", "follow_ups": []}]}"#;
        assert!(bank.add_text("extra.json", bad).is_err());
        assert_eq!(bank.questions().len(), 1);
    }
}
