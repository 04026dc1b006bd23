//! A report written as JSON by hand: byte for byte what `serde_json` writes
//! for the derived `Serialize`, several times faster.
//!
//! A batch of reports (`score --jsonl`) is mostly strings: 32 tips and the
//! quoted evidence in every line, ten times the size of the answers. The
//! generic serde path escapes them a byte at a time through the formatter;
//! here runs of plain bytes are found eight at a time and copied whole.
//! Numbers go through `zmij` and `itoa`, as in `serde_json`. The tests hold
//! the output to `serde_json`'s bytes for arbitrary reports, so the
//! derived `Serialize` stays the contract.

use super::{PartSummary, Report};

impl Report {
    /// Appends the report as one JSON object, as `serde_json::to_writer`
    /// would write it.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'{');
        self.write_json_fields(out);
        out.push(b'}');
    }

    /// Appends the report's fields, without the braces: for a line that
    /// puts its own fields first (`{"id":…,` then these).
    pub fn write_json_fields(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"\"total\":");
        float(out, self.total);
        out.extend_from_slice(b",\"principle\":");
        string(out, &self.principle);
        out.extend_from_slice(b",\"question_id\":");
        match &self.question_id {
            Some(q) => string(out, q),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"star\":{\"situation\":");
        part(out, self.star.situation);
        out.extend_from_slice(b",\"task\":");
        part(out, self.star.task);
        out.extend_from_slice(b",\"action\":");
        part(out, self.star.action);
        out.extend_from_slice(b",\"result\":");
        part(out, self.star.result);
        out.extend_from_slice(b"},\"signals\":[");
        for (i, s) in self.signals.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":\"");
            out.extend_from_slice(s.id.as_str().as_bytes());
            out.extend_from_slice(b"\",\"hit\":");
            boolean(out, s.hit);
            out.extend_from_slice(b",\"applies\":");
            boolean(out, s.applies);
            out.extend_from_slice(b",\"points\":");
            float(out, s.points);
            out.extend_from_slice(b",\"evidence\":[");
            for (k, e) in s.evidence.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"start\":");
                integer(out, e.start);
                out.extend_from_slice(b",\"end\":");
                integer(out, e.end);
                out.extend_from_slice(b",\"text\":");
                string(out, &e.text);
                out.push(b'}');
            }
            out.extend_from_slice(b"],\"tip\":");
            string(out, &s.tip);
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"scorer_version\":");
        string(out, &self.scorer_version);
        if let Some(p) = &self.probe {
            out.extend_from_slice(b",\"probe\":{\"signal\":");
            match p.signal {
                Some(id) => {
                    out.push(b'"');
                    out.extend_from_slice(id.as_str().as_bytes());
                    out.push(b'"');
                }
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"text\":");
            string(out, &p.text);
            out.push(b'}');
        }
        if let Some(r) = self.probe_result {
            out.extend_from_slice(b",\"probe_result\":{\"answered\":");
            boolean(out, r.answered);
            out.extend_from_slice(b",\"dodged\":");
            boolean(out, r.dodged);
            out.push(b'}');
        }
        if self.truncated {
            out.extend_from_slice(b",\"truncated\":true");
        }
    }
}

fn part(out: &mut Vec<u8>, p: PartSummary) {
    out.extend_from_slice(b"{\"present\":");
    boolean(out, p.present);
    out.extend_from_slice(b",\"words\":");
    integer(out, p.words);
    out.push(b'}');
}

fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

fn integer(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// As `serde_json`: the shortest round-tripping form, `null` when not
/// finite.
fn float(out: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        out.extend_from_slice(zmij::Buffer::new().format_finite(x).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

/// Whether any byte of `w` is below 0x20, a quote or a backslash: the bytes
/// JSON must escape. Exact, by the usual has-zero-byte trick.
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
    below_space || zero(w ^ (ONES * u64::from(b'"'))) || zero(w ^ (ONES * u64::from(b'\\')))
}

/// `s` as a JSON string, escaped as `serde_json` escapes: `\"`, `\\`, the
/// short forms `\b \f \n \r \t`, `\u00XX` for other control bytes, and
/// nothing else.
fn string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut plain = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0..=0x1f => b'u',
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[plain..i]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            out.extend_from_slice(&[
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]);
        }
        i += 1;
        plain = i;
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::super::{Evidence, Probe, ProbeResult, SignalId, SignalReport, StarSummary};
    use super::*;

    /// A probe for `texts`: on the signal `n` picks (none past the last),
    /// worded with one of the texts.
    fn probe(texts: &[String], n: Option<u8>) -> Option<Probe> {
        n.map(|n| Probe {
            signal: SignalId::ALL.get(usize::from(n)).copied(),
            text: texts[usize::from(n) % texts.len()].clone(),
        })
    }

    fn report(texts: &[String], numbers: &[f64], q: Option<String>) -> Report {
        let text = |i: usize| texts[i % texts.len()].clone();
        let number = |i: usize| numbers[i % numbers.len()];
        Report {
            total: number(0),
            principle: text(0),
            question_id: q,
            star: StarSummary {
                situation: PartSummary {
                    present: true,
                    words: 12,
                },
                task: PartSummary::default(),
                action: PartSummary {
                    present: true,
                    words: usize::MAX,
                },
                result: PartSummary::default(),
            },
            signals: SignalId::ALL
                .iter()
                .enumerate()
                .map(|(i, &id)| SignalReport {
                    id,
                    hit: i % 2 == 0,
                    applies: i % 3 == 0,
                    points: number(i + 1),
                    evidence: (0..i % 4)
                        .map(|k| Evidence {
                            start: i * k,
                            end: i * k + 7,
                            text: text(i + k),
                        })
                        .collect(),
                    tip: Arc::from(text(i + 5).as_str()),
                })
                .collect(),
            scorer_version: text(3),
            probe: None,
            probe_result: None,
            truncated: numbers.len().is_multiple_of(2),
        }
    }

    #[test]
    fn every_escape_and_number_form_matches_serde_json() {
        let texts: Vec<String> = [
            "plain words",
            "",
            "quote \" backslash \\ slash /",
            "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}",
            "curly ’quotes’ and ünïcödé, 日本語, 🙂",
            "exactly8",
            "\"\"\"\"\"\"\"\"\"",
        ]
        .map(String::from)
        .to_vec();
        let numbers = [
            0.0,
            -0.0,
            66.6,
            -3.25,
            1e-300,
            1.7e308,
            100.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.1 + 0.2,
        ];
        for (n, q) in [None, Some("q-1 \"x\"".to_owned())].into_iter().enumerate() {
            let mut r = report(&texts, &numbers, q);
            r.probe = probe(&texts, (n == 1).then_some(3));
            r.probe_result = (n == 1).then_some(ProbeResult {
                answered: true,
                dodged: false,
            });
            let mut ours = Vec::new();
            r.write_json(&mut ours);
            assert_eq!(
                String::from_utf8_lossy(&ours),
                serde_json::to_string(&r).unwrap()
            );
        }
    }

    /// A batch line: the request's id, then the report's fields.
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a serde_json::Value,
        #[serde(flatten)]
        report: &'a Report,
    }

    #[test]
    fn fields_after_an_id_match_a_flattened_line() {
        let texts = ["a \"b\"\n".to_owned()];
        let mut r = report(&texts, &[12.5], None);
        r.probe = probe(&texts, Some(200));
        r.probe_result = Some(ProbeResult {
            answered: false,
            dodged: true,
        });
        let id = serde_json::json!({"n": [1, "x"]});
        let mut ours = b"{\"id\":".to_vec();
        serde_json::to_writer(&mut ours, &id).unwrap();
        ours.push(b',');
        r.write_json_fields(&mut ours);
        ours.push(b'}');
        let line = Line {
            id: &id,
            report: &r,
        };
        assert_eq!(
            String::from_utf8_lossy(&ours),
            serde_json::to_string(&line).unwrap()
        );
    }

    proptest! {
        #[test]
        fn arbitrary_reports_match_serde_json(
            texts in prop::collection::vec(any::<String>(), 1..6),
            numbers in prop::collection::vec(any::<f64>(), 1..6),
            q in any::<Option<String>>(),
            signal in any::<Option<u8>>(),
            result in any::<Option<(bool, bool)>>(),
        ) {
            let mut r = report(&texts, &numbers, q);
            r.probe = probe(&texts, signal);
            r.probe_result = result.map(|(answered, dodged)| ProbeResult { answered, dodged });
            let mut ours = Vec::new();
            r.write_json(&mut ours);
            prop_assert_eq!(ours, serde_json::to_vec(&r).unwrap());
        }
    }
}
