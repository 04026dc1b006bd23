//! The interviewer's phrasings, by signal: `data/probes.json`, embedded at
//! build time and checked when barraiser starts, so a typo in the file is
//! an error naming the file, the entry and the field, not a silent gap.

use std::sync::LazyLock;

use serde::Deserialize;

use crate::score::SignalId;

const EMBEDDED_NAME: &str = "data/probes.json";
const EMBEDDED: &str = include_str!("../../data/probes.json");

/// Longest phrasing accepted, in bytes: a probe is one spoken question.
const MAX_LEN: usize = 200;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// What the file is for, for a person reading it.
    #[serde(default, rename = "about")]
    _about: String,
    probes: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    signal: String,
    #[serde(default)]
    answered_by: Option<String>,
    phrasings: Vec<String>,
}

/// A probes file that cannot be used, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProbeError {
    #[error("{file}:{line}:{column}: {path}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        path: String,
        message: String,
    },
    #[error("{file}:{line}: probes[{index}], field `{field}`: {message}")]
    Invalid {
        file: String,
        /// The line of the entry's `signal` (0 when not found).
        line: usize,
        index: usize,
        field: &'static str,
        message: String,
    },
}

/// The phrasings for each signal, and the signal a good reply to each
/// shows. Indexed like [`SignalId::ALL`].
#[derive(Debug, Clone, Default)]
pub struct Probes {
    phrasings: Vec<Vec<String>>,
    answered_by: Vec<Option<SignalId>>,
}

static PARSED: LazyLock<Result<Probes, ProbeError>> =
    LazyLock::new(|| Probes::parse(EMBEDDED_NAME, EMBEDDED));

impl Probes {
    /// The embedded probes; none (so the bank's follow-ups are asked) if
    /// the file is broken, which [`Probes::check_embedded`] reports at
    /// start-up and a test rules out.
    pub fn embedded() -> &'static Probes {
        static EMPTY: LazyLock<Probes> = LazyLock::new(Probes::default);
        PARSED.as_ref().unwrap_or(&EMPTY)
    }

    /// Whether the embedded file is usable; the error names the field.
    pub fn check_embedded() -> Result<(), ProbeError> {
        PARSED.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// Parses and checks a probes file; `name` is used in errors.
    pub fn parse(name: &str, text: &str) -> Result<Probes, ProbeError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let file: File = serde_path_to_error::deserialize(de).map_err(|err| {
            let path = err.path().to_string();
            let inner = err.into_inner();
            ProbeError::Syntax {
                file: name.to_owned(),
                line: inner.line(),
                column: inner.column(),
                path: if path == "." {
                    "(top level)".to_owned()
                } else {
                    path
                },
                message: inner.to_string(),
            }
        })?;
        let n = SignalId::ALL.len();
        let mut probes = Probes {
            phrasings: vec![Vec::new(); n],
            answered_by: vec![None; n],
        };
        for (index, entry) in file.probes.into_iter().enumerate() {
            let line = line_of(text, &entry.signal);
            let invalid = |field, message: String| ProbeError::Invalid {
                file: name.to_owned(),
                line,
                index,
                field,
                message,
            };
            let signal = SignalId::parse(&entry.signal).ok_or_else(|| {
                invalid(
                    "signal",
                    format!("no signal '{}' (see `barraiser rubric`)", entry.signal),
                )
            })?;
            let slot = signal as usize;
            if !probes.phrasings[slot].is_empty() {
                return Err(invalid(
                    "signal",
                    format!("'{signal}' is listed twice; merge its phrasings"),
                ));
            }
            if let Some(by) = &entry.answered_by {
                let by = SignalId::parse(by).ok_or_else(|| {
                    invalid(
                        "answered_by",
                        format!("no signal '{by}' (see `barraiser rubric`)"),
                    )
                })?;
                if by.is_red_flag() && by != signal {
                    return Err(invalid(
                        "answered_by",
                        format!("'{by}' is a red flag; name the signal a good reply shows"),
                    ));
                }
                probes.answered_by[slot] = Some(by);
            }
            if entry.phrasings.is_empty() {
                return Err(invalid("phrasings", "needs at least one".to_owned()));
            }
            for p in &entry.phrasings {
                if p.trim().is_empty() || p.len() > MAX_LEN || p.contains(char::is_control) {
                    return Err(invalid(
                        "phrasings",
                        format!(
                            "each must be one line of 1 to {MAX_LEN} bytes: {:?}",
                            p.chars().take(40).collect::<String>()
                        ),
                    ));
                }
            }
            probes.phrasings[slot] = entry.phrasings;
        }
        Ok(probes)
    }

    /// The phrasings that dig into `signal`; empty when there are none.
    pub fn phrasings(&self, signal: SignalId) -> &[String] {
        self.phrasings
            .get(signal as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The signal a reply to a probe on `signal` should show: itself, or
    /// for a red flag its cure (`willpower_fix` → `mechanism_fix`).
    pub fn answered_by(&self, signal: SignalId) -> SignalId {
        self.answered_by
            .get(signal as usize)
            .copied()
            .flatten()
            .unwrap_or(signal)
    }
}

/// The line where `"signal": "<id>"` first appears, 1-based; 0 if absent.
fn line_of(text: &str, id: &str) -> usize {
    let needle = format!("\"{id}\"");
    text.lines()
        .position(|l| l.contains("\"signal\"") && l.contains(&needle))
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_is_valid_and_every_signal_in_it_exists() {
        Probes::check_embedded().unwrap();
        // `parse` refuses an unknown id, so a valid file names only real
        // signals; and every entry it holds was read, with several words.
        let raw: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
        let entries = raw["probes"].as_array().unwrap();
        let probes = Probes::embedded();
        for e in entries {
            let id = SignalId::parse(e["signal"].as_str().unwrap()).unwrap();
            assert!(probes.phrasings(id).len() >= 2, "{id}: several phrasings");
        }
    }

    #[test]
    fn the_signals_a_bar_raiser_digs_into_all_have_probes() {
        let probes = Probes::embedded();
        for id in [
            SignalId::NoStory,
            SignalId::FirstPersonOwnership,
            SignalId::RootCause,
            SignalId::WillpowerFix,
            SignalId::ResultQuantified,
            SignalId::CustomerFocus,
            SignalId::OwnsFaultFirst,
            SignalId::MechanismFix,
            SignalId::Specificity,
        ] {
            assert!(!probes.phrasings(id).is_empty(), "{id}");
        }
        assert_eq!(
            probes.answered_by(SignalId::WillpowerFix),
            SignalId::MechanismFix
        );
        assert_eq!(probes.answered_by(SignalId::RootCause), SignalId::RootCause);
    }

    #[test]
    fn an_unknown_signal_is_named_with_its_file_line_and_field() {
        let text = "{\"probes\": [\n  {\"signal\": \"root_cause\", \"phrasings\": [\"Why?\"]},\n  {\"signal\": \"root_cuase\", \"phrasings\": [\"Why?\"]}\n]}";
        let err = Probes::parse("p.json", text).unwrap_err().to_string();
        assert_eq!(
            err,
            "p.json:3: probes[1], field `signal`: no signal 'root_cuase' (see `barraiser rubric`)"
        );
    }

    #[test]
    fn empty_phrasings_a_red_flag_cure_and_bad_json_are_refused() {
        let empty = r#"{"probes": [{"signal": "root_cause", "phrasings": []}]}"#;
        assert!(
            Probes::parse("p.json", empty)
                .unwrap_err()
                .to_string()
                .contains("field `phrasings`")
        );
        let blank = r#"{"probes": [{"signal": "root_cause", "phrasings": ["  "]}]}"#;
        assert!(Probes::parse("p.json", blank).is_err());
        let flag = r#"{"probes": [{"signal": "willpower_fix", "answered_by": "blames_others", "phrasings": ["x"]}]}"#;
        assert!(
            Probes::parse("p.json", flag)
                .unwrap_err()
                .to_string()
                .contains("field `answered_by`")
        );
        let typo = r#"{"probes": [{"signal": "root_cause", "phrasing": ["x"]}]}"#;
        let err = Probes::parse("p.json", typo).unwrap_err().to_string();
        assert!(err.starts_with("p.json:1:"), "{err}");
    }
}
