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
//! every overlapping match. The few `*` phrases (one word each) are checked
//! only for words that share a stem's first two bytes.

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
    /// Trie edges from the root, indexed by word id.
    root: Vec<u32>,
    /// Deeper trie edges, node by node: the children of node `n` are
    /// `kids[kid_off[n]..kid_off[n + 1]]`, as (word id, node) sorted by id.
    kid_off: Vec<u32>,
    kids: Vec<(u32, u32)>,
    /// Families whose phrase ends at node `n`:
    /// `end_fams[end_off[n]..end_off[n + 1]]`, one flat list so a scan
    /// does not chase a pointer per node.
    end_off: Vec<u32>,
    end_fams: Vec<Fam>,
    /// One-word `*` phrases, ordered by their first two bytes (their
    /// bucket), in one small flat list that stays in cache.
    stems: Vec<Stem>,
    /// The stems' bytes, one after another.
    stem_text: String,
    /// One bit per bucket that holds a stem: the tokenizer checks it to
    /// flag the few words a stem may match. A fixed-size array, so reading
    /// a bit needs no bounds check.
    prefix_used: Box<[u64; (1 << 16) / 64]>,
}

/// A `*` phrase: the bytes `stem_text[text.0..text.1]` and the families it
/// belongs to.
#[derive(Debug, Clone)]
struct Stem {
    bucket: u16,
    text: (u32, u32),
    fams: Vec<Fam>,
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
        let mut ends: Vec<Vec<Fam>> = vec![Vec::new()];
        let mut edges = HashMap::new();
        let mut stems: Vec<(usize, String, Vec<Fam>)> = Vec::new();
        let mut lex = Lexicon {
            vocab: Vocab::default(),
            single: [0; 128],
            root: vec![0],
            kid_off: Vec::new(),
            kids: Vec::new(),
            end_off: Vec::new(),
            end_fams: Vec::new(),
            stems: Vec::new(),
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
                    let node = lex.insert(&norm, &mut ends, &mut edges);
                    if !ends[node as usize].contains(fam) {
                        ends[node as usize].push(*fam);
                    }
                }
            }
        }
        for b in 0..128u8 {
            lex.single[usize::from(b)] = lex.vocab.get(&[b]);
        }
        lex.freeze_stems(stems);
        lex.freeze_trie(&ends, edges);
        Ok(lex)
    }

    /// Lays the stems out flat, ordered by bucket.
    fn freeze_stems(&mut self, mut stems: Vec<(usize, String, Vec<Fam>)>) {
        // Stable: stems of one bucket keep the order they were written in.
        stems.sort_by_key(|&(b, _, _)| b);
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

    /// Lays the trie out flat: families per node and children per node.
    fn freeze_trie(&mut self, ends: &[Vec<Fam>], edges: HashMap<(u32, u32), u32>) {
        let mut off = 0u32;
        for fams in ends {
            self.end_off.push(off);
            off += u32::try_from(fams.len()).unwrap_or(u32::MAX);
        }
        self.end_off.push(off);
        self.end_fams = ends.concat();
        let mut kids: Vec<(u32, u32, u32)> = edges
            .into_iter()
            .map(|((node, id), child)| (node, id, child))
            .collect();
        kids.sort_unstable();
        let mut at = 0;
        for node in 0..ends.len() {
            self.kid_off.push(u32::try_from(at).unwrap_or(u32::MAX));
            while at < kids.len() && kids[at].0 as usize == node {
                at += 1;
            }
        }
        self.kid_off.push(u32::try_from(at).unwrap_or(u32::MAX));
        self.kids = kids.into_iter().map(|(_, id, child)| (id, child)).collect();
    }

    /// Adds a normalised phrase to the trie, whose nodes' families are
    /// `ends`; returns its end node.
    fn insert(
        &mut self,
        norm: &str,
        ends: &mut Vec<Vec<Fam>>,
        edges: &mut HashMap<(u32, u32), u32>,
    ) -> u32 {
        let mut node = 0u32;
        for word in norm.split(' ') {
            let id = self.vocab.intern(word.as_bytes());
            if id as usize >= self.root.len() {
                self.root.resize(id as usize + 1, 0);
            }
            let existing = if node == 0 {
                self.root[id as usize]
            } else {
                edges.get(&(node, id)).copied().unwrap_or(0)
            };
            node = if existing == 0 {
                let fresh = u32::try_from(ends.len()).unwrap_or(u32::MAX);
                ends.push(Vec::new());
                if node == 0 {
                    self.root[id as usize] = fresh;
                } else {
                    edges.insert((node, id), fresh);
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
        hits.clear();
        hits.reserve(toks.len());
        for (start, tok) in toks.iter().enumerate() {
            let mut node = self.root[tok.id as usize];
            let mut end = start;
            // One-word stem matches go after the one-word phrase matches.
            let mut stems_done = tok.flags & STEM == 0;
            while node != 0 {
                end += 1;
                let fams =
                    self.end_off[node as usize] as usize..self.end_off[node as usize + 1] as usize;
                for &fam in &self.end_fams[fams] {
                    #[allow(clippy::cast_possible_truncation)]
                    hits.push(Hit {
                        fam,
                        start: start as u32,
                        end: end as u32,
                    });
                }
                if !stems_done {
                    self.scan_prefixes(tokens, start, hits);
                    stems_done = true;
                }
                let Some(next) = toks.get(end).filter(|t| t.id != 0) else {
                    break;
                };
                node = self.child(node, next.id);
            }
            if !stems_done {
                self.scan_prefixes(tokens, start, hits);
            }
        }
    }

    /// The trie node after `node` on word `id`, or 0.
    #[inline]
    fn child(&self, node: u32, id: u32) -> u32 {
        let kids = &self.kids
            [self.kid_off[node as usize] as usize..self.kid_off[node as usize + 1] as usize];
        kids.binary_search_by_key(&id, |&(k, _)| k)
            .map_or(0, |at| kids[at].1)
    }

    /// Matches of the `*` phrases at token `i` (flagged [`STEM`]): the
    /// stems it starts with.
    fn scan_prefixes(&self, tokens: &Tokens<'_>, i: usize, hits: &mut Vec<Hit>) {
        let word = tokens.norm_of(i).as_bytes();
        let bucket = bucket_of(word);
        let first = self
            .stems
            .partition_point(|s| usize::from(s.bucket) < bucket);
        for stem in self.stems[first..]
            .iter()
            .take_while(|s| usize::from(s.bucket) == bucket)
        {
            let text = &self.stem_text.as_bytes()[stem.text.0 as usize..stem.text.1 as usize];
            if word.starts_with(text) {
                for &fam in &stem.fams {
                    #[allow(clippy::cast_possible_truncation)]
                    hits.push(Hit {
                        fam,
                        start: i as u32,
                        end: i as u32 + 1,
                    });
                }
            }
        }
    }
}
