//! The rubric: word families, weights per principle, and tips, read from
//! `data/rubric.json` so an interviewer can tune the scorer without
//! recompiling. The embedded copy is compiled once; [`Rubric::from_json`]
//! loads another with errors that name the file and the JSON path.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;

use super::SignalId;
use super::lexicon::{Fam, Lexicon, LexiconError};
use crate::bank::QuestionKind;

const EMBEDDED: &str = include_str!("../../data/rubric.json");

/// A problem in a rubric file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricError {
    #[error("{name}: at {path}: {message}")]
    Parse {
        name: String,
        path: String,
        message: String,
    },
    #[error("{name}: {path}: {message}")]
    Invalid {
        name: String,
        path: String,
        message: String,
    },
}

/// How much substance damps the positive points.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Substance {
    /// Concrete actions plus half the details at which an answer counts in
    /// full.
    pub full_at: f64,
    /// The least share of its points any answer keeps.
    pub floor: f64,
    /// Share of points lost per buzzword-per-word.
    pub buzz_weight: f64,
}

/// Multipliers for penalties that depend on other signals.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factors {
    /// Blame that comes after owning the fault costs this share.
    pub blame_after_owning: f64,
    /// A willpower fix beside a real mechanism costs this share.
    pub willpower_with_mechanism: f64,
    /// The highest total an answer with no specific story can reach, for
    /// any question that asks for one (every kind but hypothetical).
    pub no_story_cap: f64,
}

type Weights = BTreeMap<SignalId, f64>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightTable {
    structure: Weights,
    mistake: Weights,
    general: Weights,
    principles: BTreeMap<String, Weights>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RubricFile {
    version: String,
    substance: Substance,
    factors: Factors,
    mistake_principles: Vec<String>,
    weights: WeightTable,
    tips: BTreeMap<SignalId, String>,
    families: BTreeMap<String, Vec<String>>,
}

/// The weight of every signal that counts for one principle, indexed like
/// [`SignalId::ALL`] (`None` where it does not apply), and the scale that
/// makes a perfect answer 100.
#[derive(Debug, Clone)]
pub struct Weighting {
    pub weights: [Option<f64>; SignalId::ALL.len()],
    /// 100 over the sum of the positive weights; 0 when there are none.
    pub scale: f64,
}

impl Weighting {
    fn new(weights: &[Option<f64>; SignalId::ALL.len()]) -> Weighting {
        let available: f64 = weights.iter().flatten().filter(|w| **w > 0.0).sum();
        let scale = if available > 0.0 {
            100.0 / available
        } else {
            0.0
        };
        Weighting {
            weights: *weights,
            scale,
        }
    }
}

/// What one principle is scored with: its [`Weighting`] without and with
/// the mistake weights, and whether it is a mistake principle.
#[derive(Debug)]
struct Principle {
    by_mistake: [Weighting; 2],
    /// For a hypothetical question ("How would you…?"): the principle's
    /// weights with the result's left out, since nothing has happened yet
    /// to measure.
    hypothetical: Weighting,
    mistake: bool,
}

/// The parsed file, with what every score needs built once: tips indexed
/// like [`SignalId::ALL`], the weights for every principle, and the
/// scorer's version line.
#[derive(Debug)]
struct Inner {
    /// The file as read; its families are compiled into `lexicon`.
    file: RubricFile,
    tips: [Arc<str>; SignalId::ALL.len()],
    /// Each principle the file names or lists as a mistake principle;
    /// `other` for any other.
    principles: BTreeMap<String, Principle>,
    other: Principle,
    scorer_version: String,
    /// [`content_hash`] of the file.
    hash: String,
    lexicon: Lexicon,
}

/// Weights, word families and tips, compiled. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Rubric {
    inner: Arc<Inner>,
}

static EMBEDDED_RUBRIC: LazyLock<Rubric> = LazyLock::new(|| {
    Rubric::from_json("data/rubric.json", EMBEDDED).expect("embedded rubric is valid (tested)")
});

impl Default for Rubric {
    fn default() -> Self {
        Rubric::embedded()
    }
}

impl Rubric {
    /// The rubric compiled into the binary.
    pub fn embedded() -> Rubric {
        EMBEDDED_RUBRIC.clone()
    }

    /// Parses and compiles a rubric file; `name` is used in errors.
    pub fn from_json(name: &str, text: &str) -> Result<Rubric, RubricError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let file: RubricFile =
            serde_path_to_error::deserialize(de).map_err(|e| RubricError::Parse {
                name: name.to_owned(),
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        let invalid = |path: String, message: String| RubricError::Invalid {
            name: name.to_owned(),
            path,
            message,
        };
        if let Some(id) = SignalId::ALL.iter().find(|id| !file.tips.contains_key(id)) {
            return Err(invalid(
                format!("tips.{}", id.as_str()),
                "missing tip".into(),
            ));
        }
        if file.substance.full_at <= 0.0 {
            return Err(invalid(
                "substance.full_at".into(),
                "must be above 0".into(),
            ));
        }
        // A rubric saved before a family was added lacks it: the built-in
        // words stand in, so an upgrade never breaks a tuned rubric.
        let mut file = file;
        if text != EMBEDDED {
            let built_in: RubricFile =
                serde_json::from_str(EMBEDDED).expect("embedded rubric is valid (tested)");
            for (family, words) in built_in.families {
                file.families.entry(family).or_insert(words);
            }
        }
        let lexicon = Lexicon::build(&file.families).map_err(|e| match e {
            LexiconError::Missing(f) => invalid(format!("families.{f}"), "missing family".into()),
            LexiconError::Unknown(f) => invalid(
                format!("families.{f}"),
                format!(
                    "unknown family; known: {}",
                    Fam::ALL
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            LexiconError::Empty { family, index } => {
                invalid(format!("families.{family}[{index}]"), "empty phrase".into())
            }
            LexiconError::Build(m) => invalid("families".into(), m),
        })?;
        file.families = BTreeMap::new();
        let tips = SignalId::ALL.map(|id| {
            file.tips
                .get(&id)
                .map_or_else(|| "".into(), |t| t.as_str().into())
        });
        let hash = content_hash(text);
        let scorer_version = format!(
            "barraiser-score {} / rubric {} #{hash}",
            env!("CARGO_PKG_VERSION"),
            file.version
        );
        let principle = |p: Option<&str>| {
            let mistake = p.is_some_and(|p| file.mistake_principles.iter().any(|q| q == p));
            let by_mistake =
                [false, true].map(|m| Weighting::new(&combine_weights(&file.weights, p, m)));
            // A plan is weighed as the principle's own answers are, less
            // the result.
            let mut plan = by_mistake[usize::from(mistake)].weights;
            for id in [SignalId::StarResult, SignalId::ResultQuantified] {
                plan[id as usize] = None;
            }
            Principle {
                by_mistake,
                hypothetical: Weighting::new(&plan),
                mistake,
            }
        };
        let principles = file
            .weights
            .principles
            .keys()
            .chain(&file.mistake_principles)
            .map(|p| (p.clone(), principle(Some(p))))
            .collect();
        let other = principle(None);
        Ok(Rubric {
            inner: Arc::new(Inner {
                file,
                tips,
                principles,
                other,
                scorer_version,
                hash,
                lexicon,
            }),
        })
    }

    pub fn version(&self) -> &str {
        &self.inner.file.version
    }

    /// Eight hex digits that change whenever the rubric's content does
    /// (not its layout), so two rubrics with one `version` tell apart.
    pub fn hash(&self) -> &str {
        &self.inner.hash
    }

    /// The scorer's version: the engine's, then the rubric's version and
    /// [`Rubric::hash`].
    pub(crate) fn scorer_version(&self) -> &str {
        &self.inner.scorer_version
    }

    pub fn substance(&self) -> Substance {
        self.inner.file.substance
    }

    pub fn factors(&self) -> Factors {
        self.inner.file.factors
    }

    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// The one-line tip of every signal, indexed like [`SignalId::ALL`],
    /// shared rather than copied into each report.
    pub(crate) fn tips(&self) -> &[Arc<str>; SignalId::ALL.len()] {
        &self.inner.tips
    }

    fn principle(&self, principle: &str) -> &Principle {
        self.inner
            .principles
            .get(principle)
            .unwrap_or(&self.inner.other)
    }

    /// What an answer for `principle` to a question of `kind` is scored
    /// with: [`Rubric::weights_for`], with the mistake signals counted for a
    /// mistake question or a mistake principle, or without the result's
    /// signals for a hypothetical question; and its scale, found with one
    /// look-up. Worked out once, when the rubric was read.
    pub(crate) fn weighting(&self, principle: &str, kind: Option<QuestionKind>) -> &Weighting {
        let p = self.principle(principle);
        if kind == Some(QuestionKind::Hypothetical) {
            return &p.hypothetical;
        }
        let mistake = kind.is_some_and(QuestionKind::is_mistake) || p.mistake;
        &p.by_mistake[usize::from(mistake)]
    }

    /// The weight of every signal that counts, indexed like
    /// [`SignalId::ALL`]; `None` where it does not apply. Worked out once,
    /// when the rubric was read.
    pub fn weights_for(&self, principle: &str, mistake: bool) -> &[Option<f64>] {
        &self.principle(principle).by_mistake[usize::from(mistake)].weights
    }

    /// Guesses a question's kind from its wording ("Tell me about a
    /// mistake…" is a mistake question); `None` when nothing says so.
    pub fn question_kind(&self, question: &str) -> Option<QuestionKind> {
        let mut t = super::text::Tokens::with_lexicon(question, &self.inner.lexicon);
        super::text::tokenize_region(question, 0, question.len(), &mut t);
        let hits = self.inner.lexicon.scan(&t);
        // "…let customers down", "…let your patients down": whoever was let
        // down, it is a failure question.
        let n = t.toks.len();
        let let_down = || {
            (0..n).any(|i| {
                t.norm_of(i) == "let" && (i + 1..n.min(i + 5)).any(|k| t.norm_of(k) == "down")
            })
        };
        // "Tell me about a time you fixed it. How do you know it worked?"
        // asks for one past time; the follow-up does not make it a plan.
        let asks_for_a_time = || {
            (0..n).any(|i| match t.norm_of(i) {
                "time" => {
                    i > 0
                        && matches!(t.norm_of(i - 1), "a" | "one")
                        && i + 1 < n
                        && matches!(t.norm_of(i + 1), "you" | "when" | "that" | "where")
                }
                "example" => i > 0 && matches!(t.norm_of(i - 1), "an" | "one"),
                _ => false,
            })
        };
        // "How would you handle it if a batch went out late?" asks for a
        // plan, whatever went wrong in it: a question that opens by asking
        // what the candidate would do is hypothetical.
        let opens_hypothetical = hits
            .iter()
            .any(|h| h.fam == Fam::HypotheticalQuestion && h.start == 0);
        if opens_hypothetical {
            Some(QuestionKind::Hypothetical)
        } else if hits.iter().any(|h| h.fam == Fam::MistakeQuestion) || let_down() {
            Some(QuestionKind::Mistake)
        } else if hits.iter().any(|h| h.fam == Fam::HypotheticalQuestion) && !asks_for_a_time() {
            Some(QuestionKind::Hypothetical)
        } else {
            None
        }
    }
}

/// FNV-1a over the file's JSON re-written compactly with sorted keys, so
/// spacing and key order do not count; the first 32 bits, in hex.
fn content_hash(text: &str) -> String {
    let canonical = serde_json::from_str::<serde_json::Value>(text)
        .map_or_else(|_| text.to_owned(), |v| v.to_string());
    let hash = canonical.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", hash >> 32)
}

/// The weight of every signal that counts for `principle`, indexed like
/// [`SignalId::ALL`]; `None` where it does not apply.
fn combine_weights(
    w: &WeightTable,
    principle: Option<&str>,
    mistake: bool,
) -> [Option<f64>; SignalId::ALL.len()] {
    let mut out = [None; SignalId::ALL.len()];
    let mut put = |table: &Weights| {
        for (id, v) in table {
            let slot = &mut out[*id as usize];
            // A signal named twice keeps its larger stake.
            if slot.is_none_or(|old: f64| v.abs() > old.abs()) {
                *slot = Some(*v);
            }
        }
    };
    put(&w.structure);
    put(&w.general);
    if mistake {
        put(&w.mistake);
    }
    if let Some(p) = principle.and_then(|p| w.principles.get(p)) {
        put(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{EMBEDDED, Rubric};
    use crate::score::{Target, score};

    /// An interviewer's rubric saved before a family existed still loads,
    /// and scores as if it had the built-in words.
    #[test]
    fn a_rubric_saved_before_a_family_was_added_still_loads() {
        let mut old: serde_json::Value = serde_json::from_str(EMBEDDED).unwrap();
        let families = old["families"].as_object_mut().unwrap();
        families.remove("covert");
        families.remove("make_known");
        let rubric = Rubric::from_json("old-rubric.json", &old.to_string()).unwrap();
        let answer = "In March I loaded last year's price list into the tills, and every \
                      customer was overcharged for two days. I reloaded the right list \
                      quietly that night, hoping nobody would notice.";
        let target = Target {
            principle: "earn_trust",
            question_id: None,
            kind: None,
        };
        let total = |r: &Rubric| score(answer, &target, r).total;
        assert!((total(&rubric) - total(&Rubric::embedded())).abs() < 1e-9);
    }
}
