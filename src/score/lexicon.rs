//! Word families: the named phrase lists of `data/rubric.json`, compiled
//! once into a single Aho-Corasick automaton over the normalised text.
//!
//! A family says what words *mean* to the detectors ("diligence" verbs are a
//! fault when negated, "enact" verbs make a mechanism real), so an
//! interviewer can widen a family without touching code. A phrase is words
//! separated by spaces; a trailing `*` matches any word ending
//! (`automat*` covers automated, automation, automatically). Matches always
//! start on a word boundary, and end on one unless the phrase has a `*`.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::text::{Tokens, normalise_phrase};

macro_rules! families {
    ($($v:ident = $name:literal,)*) => {
        /// A word family named in `data/rubric.json`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Fam { $($v,)* }

        impl Fam {
            pub const ALL: &'static [Fam] = &[$(Fam::$v,)*];

            pub fn name(self) -> &'static str {
                match self { $(Fam::$v => $name,)* }
            }
        }
    };
}

families! {
    I = "i",
    We = "we",
    Other = "other_party",
    Nobody = "nobody",
    Impersonal = "impersonal_subject",
    Negator = "negator",
    Modal = "modal",
    Hedge = "hedge",
    Stative = "stative",
    SkipAdv = "skip_adverb",
    Prep = "preposition",
    ActionVerb = "action_verb",
    Coord = "coordinator",
    Subord = "subordinator",
    Perception = "perception",
    Opener = "spoken_opener",
    Concession = "concession",
    Contrast = "contrast",
    FaultVerb = "fault_verb",
    Diligence = "diligence_verb",
    ShouldHave = "should_have",
    OwnFault = "own_fault",
    BadAdj = "bad_work",
    OtherFault = "other_fault",
    BlameVerb = "blame_verb",
    Deny = "deny",
    Humblebrag = "humblebrag",
    RootCause = "root_cause",
    ShallowCause = "shallow_cause",
    Causal = "causal",
    Mechanism = "mechanism",
    Enact = "enact",
    Ongoing = "ongoing",
    Willpower = "willpower",
    Resolve = "resolve",
    Intensifier = "intensifier",
    Habit = "habit",
    Investigate = "investigate",
    MechanismIdiom = "mechanism_idiom",
    MissedOutcome = "missed_outcome",
    Determiner = "determiner",
    Learned = "learned",
    AppliedSince = "applied_since",
    CommVerb = "communicate",
    Early = "early",
    Updates = "ongoing_updates",
    Chased = "chased",
    Support = "support",
    NotMyJob = "not_my_job",
    Deflect = "deflect",
    Authority = "authority",
    ToldYouSo = "told_you_so",
    FixedCost = "fixed_cost",
    GoodEnough = "good_enough",
    Seniority = "seniority",
    Indifference = "indifference",
    Revenue = "revenue",
    ProfitOnly = "profit_only",
    Customer = "customer",
    CustomerNeed = "customer_need",
    DataNoun = "data_noun",
    DataUse = "data_use",
    Disagree = "disagree",
    Commit = "commit",
    Develop = "develop",
    Frugal = "frugal",
    Bias = "bias_for_action",
    ThinkBig = "think_big",
    Broad = "broad",
    SituationCue = "situation_cue",
    TaskCue = "task_cue",
    ResultCue = "result_cue",
    ResultVerb = "result_verb",
    MeasureUnit = "measure_unit",
    WordNumber = "word_number",
    Multiplier = "multiplier",
    Concrete = "concrete",
    Vague = "vague",
    Buzz = "buzzword",
    MistakeQuestion = "mistake_question",
}

/// One family match: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub fam: Fam,
    pub start: u32,
    pub end: u32,
}

/// Every family compiled into one automaton.
#[derive(Debug, Clone)]
pub struct Lexicon {
    ac: AhoCorasick,
    /// Per pattern: the families it belongs to and whether it is a prefix.
    owners: Vec<Vec<(Fam, bool)>>,
}

/// A family problem in the rubric file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexiconError {
    Missing(&'static str),
    Unknown(String),
    Empty { family: String, index: usize },
    Build(String),
}

impl Lexicon {
    /// Compiles the `families` object of the rubric file.
    pub fn build(families: &BTreeMap<String, Vec<String>>) -> Result<Lexicon, LexiconError> {
        let by_name: HashMap<&str, Fam> = Fam::ALL.iter().map(|f| (f.name(), *f)).collect();
        if let Some(unknown) = families.keys().find(|k| !by_name.contains_key(k.as_str())) {
            return Err(LexiconError::Unknown(unknown.clone()));
        }
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(Fam, bool)>> = Vec::new();
        for fam in Fam::ALL {
            let Some(phrases) = families.get(fam.name()) else {
                return Err(LexiconError::Missing(fam.name()));
            };
            for (i, phrase) in phrases.iter().enumerate() {
                let trimmed = phrase.trim();
                let (body, prefix) = match trimmed.strip_suffix('*') {
                    Some(b) => (b, true),
                    None => (trimmed, false),
                };
                let norm = normalise_phrase(body);
                if norm.is_empty() {
                    return Err(LexiconError::Empty {
                        family: fam.name().to_owned(),
                        index: i,
                    });
                }
                let id = *index.entry(norm.clone()).or_insert_with(|| {
                    patterns.push(norm);
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                if !owners[id].contains(&(*fam, prefix)) {
                    owners[id].push((*fam, prefix));
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
            })
            .map_err(|e| LexiconError::Build(e.to_string()))?;
        Ok(Lexicon { ac, owners })
    }

    /// All family matches in `tokens`, in order of start token.
    pub fn scan(&self, tokens: &Tokens) -> Vec<Hit> {
        let norm = tokens.norm.as_bytes();
        let toks = &tokens.toks;
        let mut hits = Vec::new();
        for m in self.ac.find_overlapping_iter(&tokens.norm) {
            let (s, e) = (m.start(), m.end());
            if s > 0 && norm[s - 1] != b' ' {
                continue;
            }
            let whole = e == norm.len() || norm[e] == b' ';
            #[allow(clippy::cast_possible_truncation)]
            let s32 = s as u32;
            let Ok(first) = toks.binary_search_by_key(&s32, |t| t.nstart) else {
                continue;
            };
            #[allow(clippy::cast_possible_truncation)]
            let e32 = e as u32;
            let last = toks.partition_point(|t| t.nstart < e32);
            for &(fam, prefix) in &self.owners[m.pattern().as_usize()] {
                if whole || prefix {
                    #[allow(clippy::cast_possible_truncation)]
                    hits.push(Hit {
                        fam,
                        start: first as u32,
                        end: last as u32,
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }
}
