//! Calibration: how well the scorer agrees with a person's labels.
//!
//! Pure functions over parsed data, so `barraiser calibrate` and the tests
//! share one definition of every metric in docs/labels.md: per-signal precision,
//! recall and F1 against the labels a judge was sure of; the Spearman rank
//! correlation of totals with grades; the share of judged pairs in which the
//! better answer scores higher; the same share on length-matched pairs (the
//! better answer at most 15% longer); and, beside each, what ranking by
//! length alone would score. Ties count as wrong: a scorer that cannot tell
//! two answers apart has not ranked them.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::SignalId;
use crate::answer::Star;
use crate::bank::QuestionKind;

/// How much longer (in words) the better answer of a length-matched pair
/// may be.
pub const LENGTH_MATCH: f64 = 1.15;

/// One labelled answer.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub id: String,
    pub principle: String,
    pub question: Option<String>,
    pub question_id: Option<String>,
    pub kind: Option<QuestionKind>,
    /// The text to score (a STAR object is joined under headings).
    pub answer: String,
    pub labels: BTreeMap<SignalId, bool>,
    pub grade: Option<u8>,
}

/// A judged pair: `better` should outscore `worse`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub better: String,
    pub worse: String,
    /// The one quality the two tellings differ in, for minimal pairs
    /// (`own_fault_first`, `stuffed`…): accuracy is also given per contrast.
    #[serde(default)]
    pub contrast: Option<String>,
}

/// What the scorer said about one labelled answer.
#[derive(Debug, Clone)]
pub struct Scored {
    pub total: f64,
    /// Indexed like [`SignalId::ALL`].
    pub hits: Vec<bool>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignalMetrics {
    pub id: SignalId,
    /// Answers labelled true / false for this signal.
    pub labelled_true: usize,
    pub labelled_false: usize,
    pub true_positive: usize,
    pub false_positive: usize,
    pub false_negative: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// Ids the scorer got wrong, for finding what a detector misreads.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PairMetrics {
    pub pairs: usize,
    pub accuracy: f64,
    pub length_only: f64,
    pub length_matched_pairs: usize,
    pub length_matched_accuracy: f64,
    pub length_matched_length_only: f64,
    /// Pairs the scorer ranked wrong or tied: "better>worse".
    pub misranked: Vec<String>,
    /// Per contrast named in the pairs file, in name order.
    pub by_contrast: Vec<ContrastMetrics>,
}

/// Pair accuracy for one contrast (ties count as lost).
#[derive(Debug, Clone, Serialize)]
pub struct ContrastMetrics {
    pub contrast: String,
    pub pairs: usize,
    pub won: usize,
    pub tied: usize,
}

/// The highest total given to an answer a judge graded 1: a buzzword list
/// or a hypothetical that scores high is the scorer's worst failure.
#[derive(Debug, Clone, Serialize)]
pub struct WorstGradeOne {
    pub id: String,
    pub total: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    pub answers: usize,
    pub signals: Vec<SignalMetrics>,
    pub graded: usize,
    pub spearman: Option<f64>,
    pub pairs: Option<PairMetrics>,
    /// `None` when no answer is graded 1.
    pub highest_grade_one: Option<WorstGradeOne>,
}

/// The answer of a request or labels line: text, or a STAR object.
#[derive(Debug, Deserialize)]
#[serde(
    untagged,
    expecting = "expected text or a {\"situation\",\"task\",\"action\",\"result\"} object"
)]
pub(crate) enum AnswerField {
    Text(String),
    Star(Star),
}

impl AnswerField {
    /// The text to score: the text itself, or the STAR object's headed text.
    pub(crate) fn into_text(self) -> String {
        match self {
            AnswerField::Text(t) => t,
            AnswerField::Star(s) => s.to_text(),
        }
    }
}

/// The non-blank lines of a JSON-lines file, each parsed, with its place
/// `name:line`; errors name the place and the field.
fn json_lines<'t, T: serde::de::DeserializeOwned>(
    name: &'t str,
    text: &'t str,
) -> impl Iterator<Item = Result<(String, T), String>> + 't {
    text.lines()
        .enumerate()
        .filter(|(_, raw)| !raw.trim().is_empty())
        .map(move |(i, raw)| {
            let at = format!("{name}:{}", i + 1);
            let de = &mut serde_json::Deserializer::from_str(raw);
            match serde_path_to_error::deserialize(de) {
                Ok(v) => Ok((at, v)),
                Err(e) => {
                    let path = e.path().to_string();
                    Err(if path == "." {
                        format!("{at}: {}", e.inner())
                    } else {
                        format!("{at}: field `{path}`: {}", e.inner())
                    })
                }
            }
        })
}

#[derive(Deserialize)]
struct Line {
    id: String,
    principle: String,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    question_id: Option<String>,
    #[serde(default)]
    kind: Option<QuestionKind>,
    answer: AnswerField,
    #[serde(default)]
    labels: BTreeMap<String, bool>,
    #[serde(default)]
    grade: Option<u8>,
}

/// Parses a labels file; errors name `name:line` and the field.
pub fn parse_labels(name: &str, text: &str) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for item in json_lines::<Line>(name, text) {
        let (at, line) = item?;
        let mut labels = BTreeMap::new();
        for (k, v) in line.labels {
            let id = SignalId::parse(&k)
                .ok_or_else(|| format!("{at}: field `labels.{k}`: unknown signal id"))?;
            labels.insert(id, v);
        }
        if let Some(g) = line.grade
            && !(1..=5).contains(&g)
        {
            return Err(format!("{at}: field `grade`: {g} is not between 1 and 5"));
        }
        if !seen.insert(line.id.clone()) {
            return Err(format!("{at}: field `id`: '{}' appears twice", line.id));
        }
        let answer = line.answer.into_text();
        if answer.trim().is_empty() {
            return Err(format!("{at}: field `answer`: answer is empty"));
        }
        out.push(Labelled {
            id: line.id,
            principle: line.principle,
            question: line.question,
            question_id: line.question_id,
            kind: line.kind,
            answer,
            labels,
            grade: line.grade,
        });
    }
    Ok(out)
}

/// Parses a pairs file, checking both ids name answers in `labelled`.
pub fn parse_pairs(name: &str, text: &str, labelled: &[Labelled]) -> Result<Vec<Pair>, String> {
    let known: HashSet<&str> = labelled.iter().map(|l| l.id.as_str()).collect();
    let mut out = Vec::new();
    for item in json_lines::<Pair>(name, text) {
        let (at, pair) = item?;
        for (field, id) in [("better", &pair.better), ("worse", &pair.worse)] {
            if !known.contains(id.as_str()) {
                return Err(format!(
                    "{at}: field `{field}`: no labelled answer has id '{id}'"
                ));
            }
        }
        out.push(pair);
    }
    Ok(out)
}

/// Words in an answer: the length a naive ranking would use.
pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Every metric, from the labelled answers, what the scorer said about each
/// (same order), and the judged pairs.
pub fn metrics(labelled: &[Labelled], scored: &[Scored], pairs: &[Pair]) -> Metrics {
    let signals = SignalId::ALL
        .iter()
        .map(|&id| signal_metrics(id, labelled, scored))
        .collect();
    let graded: Vec<(f64, f64)> = labelled
        .iter()
        .zip(scored)
        .filter_map(|(l, s)| l.grade.map(|g| (s.total, f64::from(g))))
        .collect();
    let spearman = spearman(&graded);
    let pairs = (!pairs.is_empty()).then(|| pair_metrics(labelled, scored, pairs));
    let highest_grade_one = labelled
        .iter()
        .zip(scored)
        .filter(|(l, _)| l.grade == Some(1))
        .max_by(|a, b| a.1.total.total_cmp(&b.1.total))
        .map(|(l, s)| WorstGradeOne {
            id: l.id.clone(),
            total: s.total,
        });
    Metrics {
        answers: labelled.len(),
        signals,
        graded: graded.len(),
        spearman,
        pairs,
        highest_grade_one,
    }
}

fn signal_metrics(id: SignalId, labelled: &[Labelled], scored: &[Scored]) -> SignalMetrics {
    let (mut tp, mut fp, mut fneg, mut t, mut f) = (0, 0, 0, 0, 0);
    let mut errors = Vec::new();
    for (l, s) in labelled.iter().zip(scored) {
        let Some(&truth) = l.labels.get(&id) else {
            continue;
        };
        let said = s.hits[id as usize];
        if truth {
            t += 1;
        } else {
            f += 1;
        }
        match (truth, said) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fneg += 1,
            (false, false) => {}
        }
        if truth != said {
            errors.push(format!(
                "{}{}",
                if truth { "missed " } else { "false " },
                l.id
            ));
        }
    }
    let ratio = |a: usize, b: usize| {
        #[allow(clippy::cast_precision_loss)]
        (b > 0).then(|| a as f64 / b as f64)
    };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fneg);
    let f1 = if tp + fp + fneg == 0 {
        None
    } else {
        #[allow(clippy::cast_precision_loss)]
        Some(2.0 * tp as f64 / (2 * tp + fp + fneg) as f64)
    };
    SignalMetrics {
        id,
        labelled_true: t,
        labelled_false: f,
        true_positive: tp,
        false_positive: fp,
        false_negative: fneg,
        precision,
        recall,
        f1,
        errors,
    }
}

fn pair_metrics(labelled: &[Labelled], scored: &[Scored], pairs: &[Pair]) -> PairMetrics {
    let index: HashMap<&str, usize> = labelled
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    let (mut right, mut len_right, mut matched, mut m_right, mut m_len_right) = (0, 0, 0, 0, 0);
    let mut misranked = Vec::new();
    let mut by_contrast: BTreeMap<&str, ContrastMetrics> = BTreeMap::new();
    let mut counted = 0usize;
    for p in pairs {
        let (Some(&b), Some(&w)) = (index.get(p.better.as_str()), index.get(p.worse.as_str()))
        else {
            continue;
        };
        counted += 1;
        let (bw, ww) = (words(&labelled[b].answer), words(&labelled[w].answer));
        let ok = scored[b].total > scored[w].total;
        let len_ok = bw > ww;
        #[allow(clippy::cast_precision_loss)]
        let is_matched = bw as f64 <= ww as f64 * LENGTH_MATCH;
        right += usize::from(ok);
        len_right += usize::from(len_ok);
        if is_matched {
            matched += 1;
            m_right += usize::from(ok);
            m_len_right += usize::from(len_ok);
        }
        if let Some(name) = p.contrast.as_deref() {
            let c = by_contrast.entry(name).or_insert_with(|| ContrastMetrics {
                contrast: name.to_owned(),
                pairs: 0,
                won: 0,
                tied: 0,
            });
            c.pairs += 1;
            c.won += usize::from(ok);
            c.tied += usize::from(scored[b].total.total_cmp(&scored[w].total).is_eq());
        }
        if !ok {
            misranked.push(format!(
                "{}>{} ({:.1} vs {:.1})",
                p.better, p.worse, scored[b].total, scored[w].total
            ));
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let share = |a: usize, n: usize| if n == 0 { 0.0 } else { a as f64 / n as f64 };
    PairMetrics {
        pairs: counted,
        accuracy: share(right, counted),
        length_only: share(len_right, counted),
        length_matched_pairs: matched,
        length_matched_accuracy: share(m_right, matched),
        length_matched_length_only: share(m_len_right, matched),
        misranked,
        by_contrast: by_contrast.into_values().collect(),
    }
}

/// Spearman's rank correlation, with tied values given their mean rank.
pub fn spearman(xy: &[(f64, f64)]) -> Option<f64> {
    if xy.len() < 3 {
        return None;
    }
    let rx = ranks(&xy.iter().map(|p| p.0).collect::<Vec<_>>());
    let ry = ranks(&xy.iter().map(|p| p.1).collect::<Vec<_>>());
    pearson(&rx, &ry)
}

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]].total_cmp(&v[idx[i]]).is_eq() {
            j += 1;
        }
        #[allow(clippy::cast_precision_loss)]
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx.sqrt() * syy.sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_is_one_for_the_same_order_and_minus_one_reversed() {
        let up = [(1.0, 10.0), (2.0, 20.0), (3.0, 30.0), (4.0, 35.0)];
        assert!((spearman(&up).unwrap() - 1.0).abs() < 1e-9);
        let down = [(1.0, 4.0), (2.0, 3.0), (3.0, 2.0), (4.0, 1.0)];
        assert!((spearman(&down).unwrap() + 1.0).abs() < 1e-9);
    }

    #[test]
    fn tied_values_share_their_mean_rank() {
        assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
    }

    #[test]
    fn a_bad_label_names_the_file_line_and_field() {
        let text = "{\"id\":\"a\",\"principle\":\"earn_trust\",\"answer\":\"x\",\"labels\":{\"owns_fault_first\":\"yes\"}}";
        let err = parse_labels("l.jsonl", text).unwrap_err();
        assert!(
            err.starts_with("l.jsonl:1: field `labels.owns_fault_first`"),
            "{err}"
        );
        let unknown =
            "{\"id\":\"a\",\"principle\":\"p\",\"answer\":\"x\",\"labels\":{\"nope\":true}}";
        let err = parse_labels("l.jsonl", unknown).unwrap_err();
        assert_eq!(err, "l.jsonl:1: field `labels.nope`: unknown signal id");
    }

    #[test]
    fn ties_count_as_misranked_and_length_baseline_uses_words() {
        let mk = |id: &str, answer: &str| Labelled {
            id: id.into(),
            principle: "p".into(),
            question: None,
            question_id: None,
            kind: None,
            answer: answer.into(),
            labels: BTreeMap::new(),
            grade: None,
        };
        let labelled = [mk("a", "one two"), mk("b", "one two three")];
        let scored = [
            Scored {
                total: 50.0,
                hits: vec![false; SignalId::ALL.len()],
            },
            Scored {
                total: 50.0,
                hits: vec![false; SignalId::ALL.len()],
            },
        ];
        let pairs = [Pair {
            better: "a".into(),
            worse: "b".into(),
            contrast: Some("i_vs_we".into()),
        }];
        let m = metrics(&labelled, &scored, &pairs).pairs.unwrap();
        assert!((m.accuracy - 0.0).abs() < f64::EPSILON);
        assert!((m.length_only - 0.0).abs() < f64::EPSILON);
        assert_eq!(m.length_matched_pairs, 1);
        let c = &m.by_contrast[0];
        assert_eq!(
            (c.contrast.as_str(), c.pairs, c.won, c.tied),
            ("i_vs_we", 1, 0, 1)
        );
    }
}
