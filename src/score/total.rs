//! The total: points per signal and their sum, 0–100.
//!
//! Every applicable positive weight is scaled so that a perfect answer for
//! the principle reaches 100; the points a hit earns are damped by the
//! answer's substance (real actions and details), so buzzwords and one-liners
//! cannot score high however many cue words they hold. A hit that only
//! partly shows its signal earns its share of the weight. Red flags subtract
//! in full, and an answer that tells no specific story is held to the
//! rubric's `no_story_cap`. Each signal's points are reported, so the total is the sum the
//! reader sees.

use super::SignalId;
use super::detect::Findings;
use super::rubric::{Factors, Weighting};

/// Points per signal, indexed like [`SignalId::ALL`]; kept in place, not on
/// the heap, since every report needs exactly 32.
pub type Points = [f64; SignalId::ALL.len()];

/// Points per signal and the total.
pub fn points(
    findings: &Findings,
    weighting: &Weighting,
    substance: f64,
    factors: Factors,
) -> (Points, f64) {
    let hit = |id: SignalId| findings[id as usize].hit;
    // Most signals miss: their points stay 0.
    let mut pts: Points = [0.0; SignalId::ALL.len()];
    for (i, &id) in SignalId::ALL.iter().enumerate() {
        let (Some(w), true) = (weighting.weights[i], findings[i].hit) else {
            continue;
        };
        let raw = if w > 0.0 {
            w * substance * findings[i].share.unwrap_or(1.0)
        } else {
            let factor = match id {
                SignalId::BlamesOthers if hit(SignalId::OwnsFaultFirst) => {
                    factors.blame_after_owning
                }
                SignalId::WillpowerFix if hit(SignalId::MechanismFix) => {
                    factors.willpower_with_mechanism
                }
                _ => 1.0,
            };
            w * factor
        };
        pts[i] = round1(raw * weighting.scale);
    }
    // No specific story: whatever the rest earned, the total stays at the
    // cap, and the flag's own points say by how much it was cut.
    let no_story = SignalId::NoStory as usize;
    if findings[no_story].hit && weighting.weights[no_story].is_some() {
        let rest: f64 = pts.iter().sum::<f64>() - pts[no_story];
        pts[no_story] = round1(pts[no_story].min(factors.no_story_cap - rest));
    }
    let total = round1(pts.iter().sum::<f64>().clamp(0.0, 100.0));
    (pts, total)
}

/// Rounds to one decimal, so reports read cleanly and compare exactly.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
