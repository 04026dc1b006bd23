//! The story bank: candidates walk into a loop with eight to twelve
//! stories, each retold for several principles. This gathers the saved
//! answers that name a story ([`crate::answer::AnswerRecord::story`]) into
//! one row per story, and finds the gaps: principles no story serves yet,
//! mistake/failure and conflict questions with no story, and stories told
//! for more than [`OVERUSE_LIMIT`] principles (a loop hears each story once).
//!
//! Computed from the index summaries alone, so it never reads every answer
//! file; nothing here touches the disk or the clock.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::bank::{Bank, QuestionKind};
use crate::store::AnswerSummary;

/// A story used for more principles than this is called out as overused.
pub const OVERUSE_LIMIT: usize = 3;

/// One story and what it has served.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// As last written (names that differ only in case are one story).
    pub name: String,
    /// How many saved answers tell it.
    pub answers: usize,
    /// Each principle it served, with its best total there.
    pub principles: BTreeMap<String, f64>,
    /// When it was last rehearsed.
    pub last: jiff::Timestamp,
}

/// The question kinds a loop always asks for and a candidate needs a story
/// ready for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindGap {
    /// "mistake/failure" or "conflict".
    pub kind: &'static str,
    /// Questions of the kind in the bank.
    pub questions: usize,
    /// Of those, how many have an answer that names a story.
    pub with_story: usize,
}

/// The story bank and its coverage, as `barraiser stories --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// By name, case-insensitively.
    pub stories: Vec<Story>,
    /// Principles (in the bank's order) with no story yet.
    pub uncovered: Vec<String>,
    /// Stories told for more than [`OVERUSE_LIMIT`] principles.
    pub overused: Vec<String>,
    /// Mistake/failure and conflict questions with and without a story.
    #[serde(skip)]
    pub kinds: Vec<KindGap>,
}

impl Coverage {
    /// The coverage of `bank`'s principles by the stories in `summaries`
    /// (oldest first, as the store gives them).
    pub fn compute(summaries: &[AnswerSummary], bank: &Bank) -> Coverage {
        let mut by_key: BTreeMap<String, Story> = BTreeMap::new();
        for s in summaries.iter().filter(|s| !s.story.trim().is_empty()) {
            let story = by_key
                .entry(s.story.to_lowercase())
                .or_insert_with(|| Story {
                    name: s.story.clone(),
                    answers: 0,
                    principles: BTreeMap::new(),
                    last: s.created,
                });
            story.answers += 1;
            if s.created >= story.last {
                story.last = s.created;
                story.name.clone_from(&s.story);
            }
            let best = story
                .principles
                .entry(s.principle.as_str().to_owned())
                .or_insert(s.total);
            *best = best.max(s.total);
        }
        let stories: Vec<Story> = by_key.into_values().collect();
        let uncovered = bank
            .principles()
            .iter()
            .map(|p| p.id.as_str())
            .filter(|id| !stories.iter().any(|s| s.principles.contains_key(*id)))
            .map(str::to_owned)
            .collect();
        let overused = stories
            .iter()
            .filter(|s| s.principles.len() > OVERUSE_LIMIT)
            .map(|s| s.name.clone())
            .collect();
        let told: std::collections::HashSet<&str> = summaries
            .iter()
            .filter(|s| !s.story.trim().is_empty())
            .map(|s| s.question.as_str())
            .collect();
        let kinds = [
            (
                "mistake/failure",
                QuestionKind::is_mistake as fn(QuestionKind) -> bool,
            ),
            ("conflict", |k| k == QuestionKind::Conflict),
        ]
        .into_iter()
        .map(|(kind, wanted)| {
            let questions: Vec<_> = bank.questions().iter().filter(|q| wanted(q.kind)).collect();
            let with_story = questions
                .iter()
                .filter(|q| told.contains(q.id.as_str()))
                .count();
            KindGap {
                kind,
                questions: questions.len(),
                with_story,
            }
        })
        .collect();
        Coverage {
            stories,
            uncovered,
            overused,
            kinds,
        }
    }

    /// How many of the bank's principles some story serves.
    pub fn covered(&self, bank: &Bank) -> usize {
        bank.principles().len().saturating_sub(self.uncovered.len())
    }

    /// "Stories: 5 · 9 of 16 principles covered", for Home.
    pub fn glance(&self, bank: &Bank) -> String {
        if self.stories.is_empty() {
            return "Stories: none named yet · t opens the story bank".to_owned();
        }
        format!(
            "Stories: {} · {} of {} principles covered",
            self.stories.len(),
            self.covered(bank),
            bank.principles().len()
        )
    }
}
