//! Reading a JSON export as it streams, one answer at a time, so importing
//! a million-answer file holds one answer in memory, not all of them.
//!
//! The envelope is `{"schema_version", "exported_at", "answers": [...]}`
//! in any key order. Each element of `answers` is taken as raw JSON and
//! parsed on its own: an element that is not an answer record fails the
//! read naming `answers[i]` and the field, unless it says it comes from a
//! newer barraiser, which is counted instead ([`Incoming::Newer`]), as
//! [`super::Export::parse`] does for a file read whole. An element that is
//! not yet a record because it has no `report` (a blind export's answer)
//! is handed to a [`Complete`] hook first, which may score it.

use std::cell::RefCell;
use std::fmt;
use std::io::Read;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::answer::AnswerRecord;

use super::StoreError;
use super::load::{Unloadable, describe_json_error, parse_record};

/// One element of an export's `answers`.
pub(crate) enum Incoming {
    Record(Box<AnswerRecord>),
    /// A record a newer barraiser wrote, which this one cannot read.
    Newer,
}

/// What to do with each element: `(index, element)`. An error stops the
/// read and is returned as it is.
pub(crate) type Sink<'a> = dyn FnMut(usize, Incoming) -> Result<(), StoreError> + 'a;

/// Fills in an answer object that has no `report` (a blind export's), so
/// that it becomes a record; returns whether it added one. The store does
/// not score: the caller, who knows the rubric, does.
pub type Complete<'a> = dyn Fn(&mut serde_json::Map<String, serde_json::Value>) -> bool + 'a;

/// Reads the export from `reader`, handing each answer to `sink` in file
/// order. `name` names the file in errors.
pub(crate) fn read_export(
    reader: impl Read,
    name: &str,
    complete: &Complete<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), StoreError> {
    let stopped = RefCell::new(None);
    let bad = |reason: String| StoreError::BadImport {
        name: name.to_owned(),
        reason,
    };
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    let mut track = serde_path_to_error::Track::new();
    let envelope = Envelope {
        sink,
        complete,
        stopped: &stopped,
        name,
    };
    let read = envelope.deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track));
    if let Some(err) = stopped.into_inner() {
        return Err(err);
    }
    match read.and_then(|()| de.end()) {
        Ok(()) => Ok(()),
        Err(e) => {
            let what = describe_json_error(&e);
            let path = track.path().to_string();
            Err(bad(if path.is_empty() || path == "." {
                what
            } else {
                format!("field {path}: {what}")
            }))
        }
    }
}

struct Envelope<'s, 'a> {
    sink: &'s mut Sink<'a>,
    complete: &'s Complete<'a>,
    stopped: &'s RefCell<Option<StoreError>>,
    name: &'s str,
}

impl<'de> DeserializeSeed<'de> for Envelope<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Envelope<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a barraiser export {\"schema_version\", \"exported_at\", \"answers\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut answers = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "answers" => {
                    map.next_value_seed(Answers {
                        sink: &mut *self.sink,
                        complete: self.complete,
                        stopped: self.stopped,
                        name: self.name,
                    })?;
                    answers = true;
                }
                "schema_version" => {
                    map.next_value::<u32>()?;
                }
                "exported_at" => {
                    map.next_value::<jiff::Timestamp>()?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if answers {
            Ok(())
        } else {
            Err(de::Error::missing_field("answers"))
        }
    }
}

struct Answers<'s, 'a> {
    sink: &'s mut Sink<'a>,
    complete: &'s Complete<'a>,
    stopped: &'s RefCell<Option<StoreError>>,
    name: &'s str,
}

impl<'de> DeserializeSeed<'de> for Answers<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Answers<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of answer records")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<(), S::Error> {
        let mut i = 0;
        while let Some(raw) = seq.next_element::<Box<RawValue>>()? {
            let step = element(i, raw.get(), self.name, self.complete)
                .and_then(|item| (self.sink)(i, item));
            if let Err(e) = step {
                *self.stopped.borrow_mut() = Some(e);
                return Err(de::Error::custom("import stopped"));
            }
            i += 1;
        }
        Ok(())
    }
}

/// Element `i` of `answers`, parsed (completed first if it has no report);
/// an error names it and the field.
fn element(
    i: usize,
    raw: &str,
    name: &str,
    complete: &Complete<'_>,
) -> Result<Incoming, StoreError> {
    let mut parsed = parse_record(raw.as_bytes());
    let mut raw = std::borrow::Cow::Borrowed(raw);
    if matches!(parsed, Err(Unloadable::Broken(_)))
        && let Some(completed) = completed(&raw, complete)
    {
        parsed = parse_record(completed.as_bytes());
        raw = std::borrow::Cow::Owned(completed);
    }
    match parsed {
        Ok(record) => Ok(Incoming::Record(Box::new(record))),
        Err(Unloadable::Newer(_)) => Ok(Incoming::Newer),
        Err(Unloadable::Broken(_)) => Err(not_a_record(i, &raw, name)),
    }
}

/// `raw` with what `complete` added, when it is an object without a
/// report and `complete` added something.
fn completed(raw: &str, complete: &Complete<'_>) -> Option<String> {
    let Ok(serde_json::Value::Object(mut object)) = serde_json::from_str(raw) else {
        return None;
    };
    if object.contains_key("report") || !complete(&mut object) {
        return None;
    }
    serde_json::to_string(&object).ok()
}

/// Why element `i` is not an answer record, naming the field.
fn not_a_record(i: usize, raw: &str, name: &str) -> StoreError {
    let de = &mut serde_json::Deserializer::from_str(raw);
    let reason = serde_path_to_error::deserialize::<_, AnswerRecord>(de)
        .err()
        .map_or_else(
            || format!("field answers[{i}]: it is not an answer record"),
            |e| {
                let path = e.path().to_string();
                let what = describe_json_error(e.inner());
                if path.is_empty() || path == "." {
                    format!("field answers[{i}]: {what}")
                } else {
                    format!("field answers[{i}].{path}: {what}")
                }
            },
        );
    StoreError::BadImport {
        name: name.to_owned(),
        reason,
    }
}
