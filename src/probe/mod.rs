//! The interviewer who digs: after scoring, the follow-up probe goes to the
//! weakest part of the answer, as a bar raiser's would, and the reply is
//! judged for whether it supplied what was missing or dodged.
//!
//! Pure functions over a [`Report`]: the random choice of words takes the
//! caller's RNG (the scorer itself never picks at random), and the reply is
//! judged by the same scorer that scored the answer.
//!
//! **Which signal.** Among the signals that count for the question and have
//! phrasings in `data/probes.json`: an answer with no specific story is
//! asked for one first (nothing else can be judged without it); otherwise
//! the costliest red flag that fired or the heaviest signal that was
//! missed, whichever puts more points at stake (a miss its full weight, a
//! red flag what it cost plus its cure's weight if the cure is missing
//! too). Nothing missing: one of the question's own follow-ups.
//!
//! **How the reply moves the total** (always from the scorer's total, so
//! saving the reply again never adds twice): *answered*, the reply shows
//! the signal (for a red flag, its cure) scored alone or together with
//! the answer, adds half the points at stake, up to 100; *dodged*, fewer
//! than [`SHORT`] words or more than [`RESTATED`] of its words already in
//! the answer, and not answered, takes off [`DODGE_COST`] points, down to
//! 0; a reply that does neither leaves the total where it was.

mod phrasings;

use rand::Rng;
use rand::seq::IndexedRandom;

pub use phrasings::{ProbeError, Probes};

use crate::score::summary::Summary;
use crate::score::{Probe, ProbeResult, Report, Rubric, SignalId, Target, score};

/// Asked when there is nothing to dig into and the question has no
/// follow-ups of its own.
pub const FALLBACK: &str = "What would you do differently next time?";

/// A reply of fewer words than this dodged the probe.
pub const SHORT: usize = 12;

/// A reply with more than this share of its words already in the answer
/// restated it.
pub const RESTATED: f64 = 0.7;

/// Points an unanswered, dodged probe takes off the total.
pub const DODGE_COST: f64 = 5.0;

/// The signal the probe should dig into, with the points at stake (what
/// supplying it is worth, or what the red flag cost); `None` when nothing
/// that counts is missing or nothing missing has phrasings.
pub fn target(report: &Report, rubric: &Rubric, probes: &Probes) -> Option<(SignalId, f64)> {
    let askable = |id: SignalId| !probes.phrasings(id).is_empty();
    if let Some(s) = report
        .signal(SignalId::NoStory)
        .filter(|s| s.applies && s.hit && askable(s.id))
    {
        return Some((s.id, s.points.abs()));
    }
    let weights = weights(report, rubric);
    let summary = Summary::of(report);
    let misses = summary.next.iter().filter(|s| !s.hit);
    // Report order breaks ties, so the choice never depends on sorting.
    summary
        .cost
        .iter()
        .chain(misses)
        .map(|s| (s.id, stake(report, s.id, &weights, probes)))
        .filter(|&(id, at_stake)| askable(id) && at_stake > 0.0)
        .min_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then((a.0 as usize).cmp(&(b.0 as usize)))
        })
}

/// The follow-up to ask: words for the [`target`] signal, chosen with
/// `rng`, or one of the question's own `follow_ups` when nothing applicable
/// is missing.
pub fn choose<R: Rng + ?Sized>(
    report: &Report,
    rubric: &Rubric,
    probes: &Probes,
    follow_ups: &[String],
    rng: &mut R,
) -> Probe {
    if let Some((id, _)) = target(report, rubric, probes)
        && let Some(text) = probes.phrasings(id).choose(rng)
    {
        return Probe {
            signal: Some(id),
            text: text.clone(),
        };
    }
    Probe {
        signal: None,
        text: follow_ups
            .choose(rng)
            .cloned()
            .unwrap_or_else(|| FALLBACK.to_owned()),
    }
}

/// A seed for a probe's choice taken from the answer's words (FNV-1a), so
/// `barraiser score` asks the same probe of the same answer every time.
pub fn seed(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How a reply to a probe went, and the total it moves the answer to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub result: ProbeResult,
    pub total: f64,
}

/// Judges `reply` to `probe`, asked of `answer` (the text `report` scored,
/// against `target`). See the module doc for the rule.
pub fn judge(
    report: &Report,
    answer: &str,
    reply: &str,
    target: &Target<'_>,
    rubric: &Rubric,
    probes: &Probes,
) -> Outcome {
    let answered = report
        .probe
        .as_ref()
        .and_then(|p| p.signal)
        .filter(|&id| supplied(report, id, answer, reply, target, rubric, probes));
    let dodged = answered.is_none() && dodges(answer, reply);
    let base = scored_total(report);
    let total = match answered {
        Some(id) => {
            let at_stake = stake(report, id, &weights(report, rubric), probes);
            round1((base + at_stake / 2.0).min(100.0).max(base))
        }
        None if dodged => round1((base - DODGE_COST).max(0.0)),
        None => base,
    };
    Outcome {
        result: ProbeResult {
            answered: answered.is_some(),
            dodged,
        },
        total,
    }
}

/// The total as the scorer gave it, before any probe moved it: the sum of
/// the signals' points, as the scorer adds them.
pub fn scored_total(report: &Report) -> f64 {
    round1(
        report
            .signals
            .iter()
            .map(|s| s.points)
            .sum::<f64>()
            .clamp(0.0, 100.0),
    )
}

/// Whether the reply shows what the probe on `id` asked for (for a red
/// flag, its cure): scored alone, or, when the answer lacked it, scored
/// together with the answer (a result told in the reply belongs to the
/// story before it). Alone matters for shares: a reply all "I" supplies
/// ownership even when a long "we" answer outweighs it. The one red flag
/// cured by itself, no story, is cured by a reply that tells one.
fn supplied(
    report: &Report,
    id: SignalId,
    answer: &str,
    reply: &str,
    target: &Target<'_>,
    rubric: &Rubric,
    probes: &Probes,
) -> bool {
    let want = probes.answered_by(id);
    let hit = |r: &Report| r.signal(want).is_some_and(|s| s.hit);
    let alone = score(reply, target, rubric);
    if want.is_red_flag() {
        return !hit(&alone) && !dodges(answer, reply);
    }
    hit(&alone) || !hit(report) && hit(&score(&format!("{answer}\n\n{reply}"), target, rubric))
}

/// Whether the reply is too short to answer anything, or mostly the
/// answer's own words again (words of four letters or more, so "I", "the"
/// and "we" do not count as restating).
fn dodges(answer: &str, reply: &str) -> bool {
    if reply.split_whitespace().count() < SHORT {
        return true;
    }
    let said: std::collections::HashSet<String> = content_words(answer).collect();
    let (mut total, mut again) = (0_u32, 0_u32);
    for w in content_words(reply) {
        total += 1;
        again += u32::from(said.contains(&w));
    }
    total > 0 && f64::from(again) > RESTATED * f64::from(total)
}

fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// What probing `id` puts at stake, in points: a miss's full weight; a
/// red flag's cost, plus its cure's weight when the cure is missing too
/// ("we'll be more careful" and no mechanism is one gap, asked about once,
/// in the red flag's words).
fn stake(report: &Report, id: SignalId, weights: &[f64], probes: &Probes) -> f64 {
    let weight = |id: SignalId| weights.get(id as usize).copied().unwrap_or(0.0);
    if !id.is_red_flag() {
        return weight(id);
    }
    let cost = report.signal(id).map_or(0.0, |s| s.points.abs());
    let cure = probes.answered_by(id);
    let cure_missed = cure != id && report.signal(cure).is_some_and(|s| !s.hit);
    cost + if cure_missed { weight(cure) } else { 0.0 }
}

/// Each signal's weight in points for this report's principle (0 where it
/// does not count): the rubric's weight scaled as the scorer scales it, so
/// a perfect answer earns 100.
fn weights(report: &Report, rubric: &Rubric) -> Vec<f64> {
    // The mistake weights were used if any mistake signal counted.
    let mistake = report
        .signals
        .iter()
        .any(|s| s.applies && s.id.is_mistake_signal());
    let raw = rubric.weights_for(&report.principle, mistake);
    let available: f64 = raw.iter().flatten().filter(|w| **w > 0.0).sum();
    let scale = if available > 0.0 {
        100.0 / available
    } else {
        0.0
    };
    raw.iter().map(|w| w.unwrap_or(0.0) * scale).collect()
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests;
