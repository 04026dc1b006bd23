//! The JSON export: every record, re-importable on another machine or by a
//! mentor's copy of barraiser.
//!
//! `{"schema_version", "exported_at", "answers": [records]}`, records
//! oldest first exactly as they are saved. A blind export
//! ([`Export::to_blind_json`]) has `"blind": true` and records without
//! their report or reviews, for graders to grade unswayed; importing it
//! scores each answer afresh (`cli::import`).

use serde::{Deserialize, Serialize};

use crate::answer::{AnswerRecord, SCHEMA_VERSION};
use crate::bank::PrincipleId;

use super::{Store, StoreError};

/// Which answers to export.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only answers to questions of this principle.
    pub principle: Option<PrincipleId>,
}

impl Filter {
    pub fn keeps(&self, record: &AnswerRecord) -> bool {
        self.principle
            .as_ref()
            .is_none_or(|p| &record.question.principle == p)
    }
}

/// A JSON export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub schema_version: u32,
    pub exported_at: jiff::Timestamp,
    pub answers: Vec<AnswerRecord>,
    /// Records in the file that this barraiser could not read because a
    /// newer one wrote them (only set by [`Export::parse`]).
    #[serde(skip)]
    pub unreadable_newer: usize,
}

impl Store {
    /// The answers `filter` keeps, oldest first, as an export made at `now`.
    pub fn export(&self, filter: &Filter, now: jiff::Timestamp) -> Export {
        Export {
            schema_version: SCHEMA_VERSION,
            exported_at: now,
            answers: self
                .answers()
                .iter()
                .filter(|r| filter.keeps(r))
                .cloned()
                .collect(),
            unreadable_newer: 0,
        }
    }
}

/// A record as a blind export writes it: the words and the question, no
/// score, no signals, no reviews.
#[derive(Serialize)]
struct BlindRecord<'a> {
    schema_version: u32,
    id: &'a crate::answer::AnswerId,
    created: jiff::Timestamp,
    updated: jiff::Timestamp,
    question: &'a crate::answer::QuestionRef,
    star: &'a crate::answer::Star,
    text: &'a str,
    follow_ups: &'a [crate::answer::FollowUp],
}

#[derive(Serialize)]
struct BlindExport<'a> {
    schema_version: u32,
    exported_at: jiff::Timestamp,
    blind: bool,
    answers: Vec<BlindRecord<'a>>,
}

impl Export {
    /// Pretty JSON with a final newline, leaving out every report and
    /// review (see [`BlindRecord`]).
    pub fn to_blind_json(&self) -> String {
        let export = BlindExport {
            schema_version: self.schema_version,
            exported_at: self.exported_at,
            blind: true,
            answers: self
                .answers
                .iter()
                .map(|r| BlindRecord {
                    schema_version: r.schema_version,
                    id: &r.id,
                    created: r.created,
                    updated: r.created,
                    question: &r.question,
                    star: &r.star,
                    text: &r.text,
                    follow_ups: &r.follow_ups,
                })
                .collect(),
        };
        let mut out = serde_json::to_string_pretty(&export).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Reads an export; `name` names the file in messages. An error names
    /// the line, column and field. Records a newer barraiser wrote that this
    /// one cannot read are counted in `unreadable_newer`, not an error.
    pub fn parse(text: &str, name: &str) -> Result<Export, StoreError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let err = match serde_path_to_error::deserialize::<_, Export>(&mut de) {
            Ok(export) => match de.end() {
                Ok(()) => return Ok(export),
                Err(e) => super::load::describe_json_error(&e),
            },
            Err(err) => describe(&err),
        };
        Export::parse_skipping_newer(text).ok_or_else(|| StoreError::BadImport {
            name: name.to_owned(),
            reason: err,
        })
    }

    /// The lenient second try: the envelope must read, and every record
    /// must read unless it says it is from a newer schema.
    fn parse_skipping_newer(text: &str) -> Option<Export> {
        #[derive(Deserialize)]
        struct Loose {
            schema_version: u32,
            exported_at: jiff::Timestamp,
            answers: Vec<serde_json::Value>,
        }
        let loose: Loose = serde_json::from_str(text).ok()?;
        let mut export = Export {
            schema_version: loose.schema_version,
            exported_at: loose.exported_at,
            answers: Vec::new(),
            unreadable_newer: 0,
        };
        for value in loose.answers {
            let version = value
                .get("schema_version")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0);
            match serde_json::from_value::<AnswerRecord>(value) {
                Ok(record) => export.answers.push(record),
                Err(_) if version > u64::from(SCHEMA_VERSION) => export.unreadable_newer += 1,
                Err(_) => return None,
            }
        }
        (export.unreadable_newer > 0).then_some(export)
    }
}

fn describe(err: &serde_path_to_error::Error<serde_json::Error>) -> String {
    // serde_json's own message carries the line and column.
    let what = super::load::describe_json_error(err.inner());
    let path = err.path().to_string();
    if path.is_empty() || path == "." {
        what
    } else {
        format!("field {path}: {what}")
    }
}
