//! Word families: the named phrase lists of `data/rubric.json`, compiled
//! once into a trie over word ids.
//!
//! A family says what words *mean* to the detectors ("diligence" verbs are a
//! fault when negated, "enact" verbs make a mechanism real), so an
//! interviewer can widen a family without touching code. A phrase is words
//! separated by spaces; a trailing `*` matches any word ending
//! (`automat*` covers automated, automation, automatically). Matches always
//! start on a word boundary, and end on one unless the phrase has a `*`.
//!
//! Matching works on whole tokens: every phrase word gets an id, phrases
//! become paths in a trie of ids, the tokenizer looks each answer token's
//! id up once ([`Lexicon::word`]), and a scan walks the trie from every
//! token. That is several times faster than a byte automaton reporting
//! every overlapping match.
//!
//! Most tokens stop after one step, so the first step is one array read by
//! word id that already holds all of the word's one-word matches (its
//! `*` stems included: a phrase word's normal form is known when the
//! lexicon is built). Deeper steps go through one hash table of edges,
//! after a 64-bit filter per node has turned away most next words. The few
//! `*` phrases (one word each) are checked at scan time only for words in
//! no phrase that share a stem's first two bytes.

pub(crate) mod vocab;

use std::collections::{BTreeMap, HashMap};

use super::text::{STEM, Tokens, normalise_phrase};
use vocab::Vocab;

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
    Grew = "grew",
    OrgUnit = "org_unit",
    Audience = "audience",
    ThingNoun = "thing_noun",
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
    HypotheticalQuestion = "hypothetical_question",
    PastVerb = "past_verb",
    NotPast = "not_past",
    Deflection = "deflection",
    Disown = "disown",
    LateConcession = "late_concession",
    Verified = "verified",
    Simplify = "simplify",
    InternalCustomer = "internal_customer",
    Planned = "planned",
    ProcessStep = "process_step",
    Covert = "covert",
    MakeKnown = "make_known",
    HoldBack = "hold_back",
    OwnHabit = "own_habit",
    Resolved = "resolved_state",
    PeopleHarm = "people_harm",
    Catching = "catching",
    DutyNoun = "duty_noun",
}

/// One family match: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub fam: Fam,
    pub start: u32,
    pub end: u32,
}

/// The stem bucket of a word: its first two bytes.
fn bucket_of(word: &[u8]) -> usize {
    usize::from(word[0]) << 8 | usize::from(word[1])
}

/// Every family compiled: a trie over word ids for whole-word phrases, and
/// stems for `*` phrases.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Phrase word → id (from 1; 0 means "in no phrase").
    vocab: Vocab,
    /// The ids of one-byte words ("i", "a", ",", "."), a quarter of an
    /// answer's tokens, read straight off by byte.
    single: [u32; 128],
    /// The first step of every match, by word id: the one-word matches of
    /// the word (its one-word phrases, then its `*` stems, worked out once
    /// here because a word with an id has a known normal form) and the trie
    /// node to go on from.
    starts: Vec<Step>,
    /// Deeper trie edges, `(node, word id)` hashed into one open-addressing
    /// table (linear probing, at most half full), so a step is usually one
    /// probe, where a search of a node's sorted children branched
    /// unpredictably on common first words ("i", "the", "we"). A slot's key
    /// is `node << 32 | id`; 0 is empty (node 0, the root, has its edges in
    /// `starts`).
    edge_keys: Vec<u64>,
    /// The child node each key leads to, read only on a match.
    edge_kids: Vec<u32>,
    /// `edge_keys.len()` is `1 << (64 - edge_shift)` (see [`vocab::slot_of`]).
    edge_shift: u32,
    /// The step at each trie node, by node number; read for the second
    /// word of a phrase and on (a first word's step is in `starts`).
    nodes: Vec<Step>,
    /// The families of every step, one flat list.
    fams: Vec<Fam>,
    /// One-word `*` phrases, ordered by their first two bytes (their
    /// bucket), in one small flat list that stays in cache.
    stems: Vec<Stem>,
    /// The stems whose first byte is `b` are
    /// `stems[stem_first[b]..stem_first[b + 1]]`: a word's few candidates
    /// without a search.
    stem_first: Vec<u32>,
    /// The stems' bytes, one after another.
    stem_text: String,
    /// One bit per bucket that holds a stem: the tokenizer checks it to
    /// flag the few words a stem may match. A fixed-size array, so reading
    /// a bit needs no bounds check.
    prefix_used: Box<[u64; (1 << 16) / 64]>,
}

/// One step of a trie walk: the families of the phrases ending here,
/// `fams[at..at + len]`, and the node to go on from.
#[derive(Debug, Clone, Copy, Default)]
struct Step {
    /// Bit `id % 64` is set for the id of each word a longer phrase goes on
    /// with; 0 when none does. Most nodes have a few children, so this
    /// turns away most next words without a probe of `edge_keys`.
    kids: u64,
    /// The trie node, to look its children up in `edge_keys`.
    node: u32,
    at: u32,
    len: u32,
}

impl Step {
    fn fams(self) -> std::ops::Range<usize> {
        self.at as usize..self.at as usize + self.len as usize
    }

    /// Whether a longer phrase may go on with word `id`.
    #[inline]
    fn may_go_on(self, id: u32) -> bool {
        self.kids & kid_bit(id) != 0
    }
}

/// The bit of word `id` in [`Step::kids`].
#[inline]
fn kid_bit(id: u32) -> u64 {
    1 << (id % 64)
}

/// A `*` phrase: the bytes `stem_text[text.0..text.1]` and the families it
/// belongs to.
#[derive(Debug, Clone)]
struct Stem {
    bucket: u16,
    text: (u32, u32),
    fams: Vec<Fam>,
}

/// The trie while phrases are added; [`Lexicon::freeze_trie`] lays it out
/// for scanning.
#[derive(Debug)]
struct TrieBuild {
    /// The families whose phrase ends at each node; node 0 is the root.
    ends: Vec<Vec<Fam>>,
    /// Edges from the root, indexed by word id.
    root: Vec<u32>,
    /// Deeper edges: `(node, word id)` → child.
    edges: HashMap<(u32, u32), u32>,
    /// Phrase words by id, to work out each word's stem matches.
    words: Vec<String>,
}

/// A family problem in the rubric file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexiconError {
    Missing(&'static str),
    Unknown(String),
    Empty { family: String, index: usize },
    Build(String),
}

/// The `edge_keys` key of the edge from `node` on word `id`.
fn edge_key(node: u32, id: u32) -> u64 {
    u64::from(node) << 32 | u64::from(id)
}

/// Appends a match of each of `fams` over tokens `start..end`.
#[inline]
fn push_hits(hits: &mut Vec<Hit>, fams: &[Fam], start: u32, end: u32) {
    // An exact-size `extend` checks the capacity once, not per hit.
    hits.extend(fams.iter().map(|&fam| Hit { fam, start, end }));
}

impl Lexicon {
    /// Compiles the `families` object of the rubric file.
    pub fn build(families: &BTreeMap<String, Vec<String>>) -> Result<Lexicon, LexiconError> {
        let by_name: HashMap<&str, Fam> = Fam::ALL.iter().map(|f| (f.name(), *f)).collect();
        if let Some(unknown) = families.keys().find(|k| !by_name.contains_key(k.as_str())) {
            return Err(LexiconError::Unknown(unknown.clone()));
        }
        let mut trie = TrieBuild {
            ends: vec![Vec::new()],
            root: vec![0],
            edges: HashMap::new(),
            words: vec![String::new()],
        };
        let mut stems: Vec<(usize, String, Vec<Fam>)> = Vec::new();
        let mut lex = Lexicon {
            vocab: Vocab::default(),
            single: [0; 128],
            starts: Vec::new(),
            edge_keys: Vec::new(),
            edge_kids: Vec::new(),
            edge_shift: 64,
            nodes: Vec::new(),
            fams: Vec::new(),
            stems: Vec::new(),
            stem_first: Vec::new(),
            stem_text: String::new(),
            prefix_used: Box::new([0; (1 << 16) / 64]),
        };
        for fam in Fam::ALL {
            let Some(phrases) = families.get(fam.name()) else {
                return Err(LexiconError::Missing(fam.name()));
            };
            for (i, phrase) in phrases.iter().enumerate() {
                let trimmed = phrase.trim();
                let (body, is_prefix) = match trimmed.strip_suffix('*') {
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
                if is_prefix {
                    if norm.contains(' ') {
                        return Err(LexiconError::Build(format!(
                            "{}[{i}]: a `*` phrase must be one word",
                            fam.name()
                        )));
                    }
                    if norm.len() < 2 {
                        return Err(LexiconError::Build(format!(
                            "{}[{i}]: a `*` stem needs two letters or more",
                            fam.name()
                        )));
                    }
                    let b = bucket_of(norm.as_bytes());
                    lex.prefix_used[b / 64] |= 1 << (b % 64);
                    match stems.iter_mut().find(|(_, stem, _)| *stem == norm) {
                        Some((_, _, fams)) if !fams.contains(fam) => fams.push(*fam),
                        Some(_) => {}
                        None => stems.push((b, norm, vec![*fam])),
                    }
                } else {
                    let node = lex.insert(&norm, &mut trie);
                    let ends = &mut trie.ends[node as usize];
                    if !ends.contains(fam) {
                        ends.push(*fam);
                    }
                }
            }
        }
        for b in 0..128u8 {
            lex.single[usize::from(b)] = lex.vocab.get(&[b]);
        }
        lex.freeze_stems(stems);
        lex.freeze_trie(&trie);
        Ok(lex)
    }

    /// Lays the stems out flat, ordered by bucket, and indexes them by
    /// first byte.
    fn freeze_stems(&mut self, mut stems: Vec<(usize, String, Vec<Fam>)>) {
        // Stable: stems of one bucket keep the order they were written in.
        stems.sort_by_key(|&(b, _, _)| b);
        self.stem_first = (0..=256)
            .map(|byte| {
                let before = stems.partition_point(|&(b, _, _)| b >> 8 < byte);
                u32::try_from(before).unwrap_or(u32::MAX)
            })
            .collect();
        for (b, stem, fams) in stems {
            let at = self.stem_text.len();
            self.stem_text.push_str(&stem);
            self.stems.push(Stem {
                bucket: u16::try_from(b).unwrap_or(u16::MAX),
                text: (
                    u32::try_from(at).unwrap_or(u32::MAX),
                    u32::try_from(self.stem_text.len()).unwrap_or(u32::MAX),
                ),
                fams,
            });
        }
    }

    /// Lays the trie out for scanning (after [`Lexicon::freeze_stems`]):
    /// the first step of each word id, with the word's stem matches after
    /// its one-word phrase matches, and the hashed table of deeper edges.
    fn freeze_trie(&mut self, trie: &TrieBuild) {
        let mut kids = vec![0u64; trie.ends.len()];
        for &(node, id) in trie.edges.keys() {
            kids[node as usize] |= kid_bit(id);
        }
        // Each node's own families, laid out once.
        self.nodes = trie
            .ends
            .iter()
            .zip(kids)
            .enumerate()
            .map(|(node, (fams, kids))| {
                let at = self.fams.len();
                self.fams.extend_from_slice(fams);
                Step {
                    kids,
                    node: u32::try_from(node).unwrap_or(u32::MAX),
                    at: u32::try_from(at).unwrap_or(u32::MAX),
                    len: u32::try_from(fams.len()).unwrap_or(u32::MAX),
                }
            })
            .collect();
        self.starts = trie
            .root
            .iter()
            .zip(&trie.words)
            .map(|(&node, word)| {
                let step = if node == 0 {
                    Step::default()
                } else {
                    self.nodes[node as usize]
                };
                let stem_fams: Vec<Fam> = self
                    .stem_matches(word.as_bytes())
                    .flat_map(|s| s.fams.iter().copied())
                    .collect();
                if stem_fams.is_empty() {
                    return step;
                }
                let at = self.fams.len();
                self.fams.extend_from_within(step.fams());
                self.fams.extend_from_slice(&stem_fams);
                Step {
                    at: u32::try_from(at).unwrap_or(u32::MAX),
                    len: u32::try_from(self.fams.len() - at).unwrap_or(u32::MAX),
                    ..step
                }
            })
            .collect();
        // At most half full, so a miss usually stops at the first or second
        // slot.
        let slots = (trie.edges.len() * 2).next_power_of_two().max(2);
        self.edge_shift = 64 - slots.trailing_zeros();
        self.edge_keys = vec![0; slots];
        self.edge_kids = vec![0; slots];
        let mut edges: Vec<_> = trie.edges.iter().collect();
        // Sorted, so the layout does not depend on the map's order.
        edges.sort_unstable();
        for (&(node, id), &child) in edges {
            let key = edge_key(node, id);
            let mut i = vocab::slot_of(key, self.edge_shift);
            while self.edge_keys[i] != 0 {
                i = (i + 1) & (slots - 1);
            }
            self.edge_keys[i] = key;
            self.edge_kids[i] = child;
        }
    }

    /// Adds a normalised phrase to `trie`; returns its end node.
    fn insert(&mut self, norm: &str, trie: &mut TrieBuild) -> u32 {
        let mut node = 0u32;
        for word in norm.split(' ') {
            let id = self.vocab.intern(word.as_bytes());
            if id as usize >= trie.root.len() {
                trie.root.resize(id as usize + 1, 0);
                trie.words.resize(id as usize + 1, String::new());
            }
            word.clone_into(&mut trie.words[id as usize]);
            let existing = if node == 0 {
                trie.root[id as usize]
            } else {
                trie.edges.get(&(node, id)).copied().unwrap_or(0)
            };
            node = if existing == 0 {
                let fresh = u32::try_from(trie.ends.len()).unwrap_or(u32::MAX);
                trie.ends.push(Vec::new());
                if node == 0 {
                    trie.root[id as usize] = fresh;
                } else {
                    trie.edges.insert((node, id), fresh);
                }
                fresh
            } else {
                existing
            };
        }
        node
    }

    /// The id of word `norm` (0 when no phrase uses it) and whether a `*`
    /// stem may match it; the tokenizer asks once per token. `key` is the
    /// word's [`vocab::key_at`], which the tokenizer reads in one load.
    // Always inlined: it runs for every token, and as a call its prologue
    // and spills cost about as much as its common path (see
    // `text::push_keyed`).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn word(&self, norm: &[u8], key: u64) -> (u32, bool) {
        if let &[b] = norm
            && b < 128
        {
            return (self.single[usize::from(b)], false);
        }
        // The key's low two bytes are the word's first two: swapped, its
        // stem bucket (see `bucket_of`).
        #[allow(clippy::cast_possible_truncation)]
        let b = usize::from((key as u16).swap_bytes());
        let stem = norm.len() >= 2 && self.prefix_used[b / 64] & (1 << (b % 64)) != 0;
        (self.vocab.get_keyed(key, norm), stem)
    }

    /// All family matches in `tokens` (tokenized with this lexicon), ordered
    /// by start token, then end.
    pub fn scan(&self, tokens: &Tokens<'_>) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.scan_into(tokens, &mut hits);
        hits
    }

    /// [`Lexicon::scan`] into `hits`, emptied first.
    pub fn scan_into(&self, tokens: &Tokens<'_>, hits: &mut Vec<Hit>) {
        let toks = &tokens.toks;
        // A local vector: its length and capacity can stay in registers,
        // where through `&mut` they were written back after every push.
        let mut out = std::mem::take(hits);
        out.clear();
        // By index: with `iter().enumerate()` the loop kept one more value
        // live and spilled it to the stack on every token.
        for i in 0..toks.len() {
            let tok = &toks[i];
            #[allow(clippy::cast_possible_truncation)]
            let start = i as u32;
            if tok.id == 0 {
                // A word no phrase uses can still match a stem.
                if tok.flags & STEM != 0 {
                    self.scan_prefixes(tokens, start, &mut out);
                }
                continue;
            }
            let mut step = self.starts[tok.id as usize];
            let mut end = start + 1;
            push_hits(&mut out, &self.fams[step.fams()], start, end);
            while step.kids != 0
                && let Some(next) = toks.get(end as usize)
                && next.id != 0
                && step.may_go_on(next.id)
                && let Some(child) = self.child(step.node, next.id)
            {
                step = self.nodes[child as usize];
                end += 1;
                push_hits(&mut out, &self.fams[step.fams()], start, end);
            }
        }
        *hits = out;
    }

    /// The node after `node` on word `id`, if a phrase goes on that way.
    #[inline]
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        let key = edge_key(node, id);
        let mask = self.edge_keys.len() - 1;
        let mut i = vocab::slot_of(key, self.edge_shift);
        loop {
            match self.edge_keys[i] {
                k if k == key => return Some(self.edge_kids[i]),
                0 => return None,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The `*` stems `word` starts with, in their order in `stems`.
    fn stem_matches<'s>(&'s self, word: &'s [u8]) -> impl Iterator<Item = &'s Stem> + 's {
        let (group, bucket) = if word.len() < 2 {
            (&self.stems[..0], 0)
        } else {
            let first = usize::from(word[0]);
            let group = self.stem_first[first] as usize..self.stem_first[first + 1] as usize;
            (&self.stems[group], bucket_of(word))
        };
        group.iter().filter(move |s| {
            usize::from(s.bucket) == bucket
                && word
                    .starts_with(&self.stem_text.as_bytes()[s.text.0 as usize..s.text.1 as usize])
        })
    }

    /// Matches of the `*` phrases at token `start` (flagged [`STEM`], and
    /// in no phrase: the stem matches of a phrase word are in its first
    /// step).
    fn scan_prefixes(&self, tokens: &Tokens<'_>, start: u32, hits: &mut Vec<Hit>) {
        let word = tokens.norm_of(start as usize).as_bytes();
        for stem in self.stem_matches(word) {
            push_hits(hits, &stem.fams, start, start + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use super::{Fam, Hit, Lexicon, bucket_of};
    use crate::score::text::{Tokens, normalise_phrase, tokenize_region};

    fn families() -> BTreeMap<String, Vec<String>> {
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../../data/rubric.json")).unwrap();
        serde_json::from_value(file["families"].clone()).unwrap()
    }

    /// The answers of the labelled set, a few hundred realistic texts.
    fn answers() -> Vec<String> {
        include_str!("../../../tests/fixtures/labelled.jsonl")
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| Some(v["answer"].as_str()?.to_owned()))
            .collect()
    }

    /// The matches of `families` in `norms`, found the slow, obvious way:
    /// every phrase tried at every token; at one start, by end, families in
    /// their listed order, one-word stems after one-word phrases.
    fn reference(families: &BTreeMap<String, Vec<String>>, norms: &[&str]) -> Vec<Hit> {
        let mut phrases: HashMap<Vec<String>, Vec<Fam>> = HashMap::new();
        let mut stems: Vec<(usize, String, Vec<Fam>)> = Vec::new();
        for &fam in Fam::ALL {
            for phrase in &families[fam.name()] {
                let phrase = phrase.trim();
                if let Some(body) = phrase.strip_suffix('*') {
                    let norm = normalise_phrase(body);
                    match stems.iter_mut().find(|(_, s, _)| *s == norm) {
                        Some((_, _, fams)) if !fams.contains(&fam) => fams.push(fam),
                        Some(_) => {}
                        None => stems.push((bucket_of(norm.as_bytes()), norm, vec![fam])),
                    }
                } else {
                    let words = normalise_phrase(phrase)
                        .split(' ')
                        .map(str::to_owned)
                        .collect();
                    let fams = phrases.entry(words).or_default();
                    if !fams.contains(&fam) {
                        fams.push(fam);
                    }
                }
            }
        }
        stems.sort_by_key(|s| s.0);
        let longest = phrases.keys().map(Vec::len).max().unwrap_or(0);
        let mut hits = Vec::new();
        for start in 0..norms.len() {
            for end in start + 1..=norms.len().min(start + longest) {
                let words: Vec<String> = norms[start..end].iter().map(|&w| w.to_owned()).collect();
                let at = |fam| Hit {
                    fam,
                    start: u32::try_from(start).unwrap(),
                    end: u32::try_from(end).unwrap(),
                };
                if let Some(fams) = phrases.get(&words) {
                    hits.extend(fams.iter().map(|&f| at(f)));
                }
                if end == start + 1 {
                    for (_, stem, fams) in &stems {
                        if norms[start].starts_with(stem.as_str()) {
                            hits.extend(fams.iter().map(|&f| at(f)));
                        }
                    }
                }
            }
        }
        hits
    }

    #[test]
    fn the_scan_finds_what_trying_every_phrase_everywhere_finds() {
        let families = families();
        let lex = Lexicon::build(&families).unwrap();
        let mut texts = answers();
        texts.push("I didn't automate it; we automated the reusable coaching, reuse.".into());
        for text in &texts {
            let mut t = Tokens::with_lexicon(text, &lex);
            tokenize_region(text, 0, text.len(), &mut t);
            let norms: Vec<&str> = (0..t.toks.len()).map(|i| t.norm_of(i)).collect();
            assert_eq!(lex.scan(&t), reference(&families, &norms), "{text}");
        }
    }
}
