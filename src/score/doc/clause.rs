//! Who acts in a clause, and whether the clause tells a deed.
//!
//! The subject is the first person named before the verb: "I", "we" or "my
//! team", another party (a role, a team, a name), or "nobody"; "it" and "the
//! build" are things, not people. A clause with its subject left out after
//! "and" or a comma borrows the nearest one before it. A deed is a verb after
//! the subject that is not negated, not hypothetical, not a state ("was",
//! "felt") and not a habit ("I always…").

use super::{Agent, Clause, Doc, Join, VERBS, bit};
use crate::score::lexicon::Fam;
use crate::score::text::{ACRONYM, CAP, LINE_START, NEG, PUNCT, WORD};

/// How many words a fronted phrase ("at the end of the first week") may
/// take before the subject.
const FRONTED_WORDS: u32 = 8;

impl Doc<'_> {
    /// The subject of tokens `start..end`, in the sentence starting at
    /// token `sent_start`: who, at which token, and whether the subject is a
    /// thing ("it", "the build") rather than a person.
    pub(super) fn find_agent(
        &self,
        start: u32,
        end: u32,
        sent_start: u32,
    ) -> (Agent, Option<u32>, bool) {
        let mut agent = Agent::None;
        let mut agent_tok = None;
        let mut impersonal = false;
        let mut words = 0;
        let mut fronted = false;
        for j in start..end {
            let m = self.starts[j as usize];
            if words == 0
                && (m & bit(Fam::Prep) != 0
                    || matches!(self.t.norm_of(j as usize), "in" | "during" | "within"))
            {
                fronted = true;
            }
            if m & (bit(Fam::Coord)
                | bit(Fam::Subord)
                | bit(Fam::Concession)
                | bit(Fam::Contrast)
                | bit(Fam::SkipAdv))
                != 0
                && words == 0
            {
                continue;
            }
            // A preposition after a word ends the search ("after talking to
            // the PM"); one opening the clause is a fronted phrase ("on
            // February 10 I called…").
            // A clause that opens with one ("in the spring of 2021 I put…")
            // may chain several before its subject.
            if m & bit(Fam::Prep) != 0 && words > 0 && !fronted && !self.inside[j as usize] {
                break;
            }
            if self.inside[j as usize] {
                continue;
            }
            // "It broke", "that was wrong": a thing as subject. "That
            // afternoon I…" is a determiner, not a subject.
            if m & bit(Fam::Impersonal) != 0 && !self.determines_noun(j, end) {
                impersonal = true;
                break;
            }
            // A verb before any person: the subject was left out ("…, told
            // my manager"), so a person after it is an object.
            if m & (VERBS | bit(Fam::PastVerb)) != 0 && m & (bit(Fam::I) | bit(Fam::We)) == 0 {
                break;
            }
            let found = if m & bit(Fam::We) != 0 {
                Agent::We
            } else if m & bit(Fam::I) != 0 {
                Agent::I
            } else if m & bit(Fam::Nobody) != 0 {
                Agent::Nobody
            } else if m & bit(Fam::Other) != 0 && self.our_people(j) {
                // "Our agents", "my engineers": the speaker's own people.
                Agent::We
            } else if m & bit(Fam::Other) != 0
                || self.is_name(j, start, sent_start)
                || self.is_role(j, start)
            {
                Agent::Other
            } else if m & bit(Fam::OrgUnit) != 0 {
                // "The receiving team", "another department": someone else's
                // unless it is "my" or "our" one.
                let ours = (j.saturating_sub(3).max(start)..j)
                    .any(|k| matches!(self.t.norm_of(k as usize), "my" | "our"));
                if ours { Agent::We } else { Agent::Other }
            } else {
                Agent::None
            };
            if found != Agent::None {
                agent = found;
                agent_tok = Some(j);
                break;
            }
            if self.tok(j).is_wordlike() {
                words += 1;
                if words > if fronted { FRONTED_WORDS } else { 4 } {
                    break;
                }
            }
        }
        (agent, agent_tok, impersonal)
    }

    /// Finds the agent of the clause `cl` and whether it tells an action;
    /// `before` are the clauses cut before it.
    pub(super) fn analyse_clause(&self, mut cl: Clause, before: &[Clause]) -> Clause {
        let (start, end, sent) = (cl.start, cl.end, cl.sent);
        // A clause that opens with "which", "because", "when" is
        // subordinate, however it was cut.
        let first_fams = self.starts[start as usize];
        if first_fams & (bit(Fam::Subord) | bit(Fam::Concession)) != 0
            && first_fams & bit(Fam::Coord) == 0
        {
            cl.join = Join::Sub;
        }
        let join = cl.join;
        let (mut agent, agent_tok, impersonal) =
            self.find_agent(start, end, self.sents[sent as usize].start);
        let mut implicit = false;
        let mut yet_to_do = false;
        // A subject is left out only when a verb comes straight after the
        // conjunction ("…, and deleted the photos"); "and a customer
        // dropped…" has its own.
        let first = self.first_word(start, end);
        // A regular past tense opens an elided clause too: "…, scrapped the
        // paper sheets".
        let regular_past = |w: u32| {
            let word = self.t.norm_of(w as usize);
            self.tok(w).is(WORD)
                && !self.tok(w).is(CAP)
                && word.len() >= 5
                && word.ends_with("ed")
                && !word.ends_with("eed")
                && word != "hundred"
        };
        let elided = first.is_some_and(|w| {
            self.starts[w as usize] & (VERBS | bit(Fam::PastVerb) | bit(Fam::Negator)) != 0
                || self.tok(w).is(NEG)
                || regular_past(w)
        });
        if agent == Agent::None && !impersonal && elided && join == Join::Coord {
            // The nearest subject earlier in the sentence: "our platform
            // team, who are supposed to track vendors, never passed it on".
            // A lone name cut off by commas or quotes ("by surname only,
            // \"Rees\", and didn't open…") is an object, not a subject.
            let fragment = |k: &Clause| {
                (k.start..k.end)
                    .filter(|&j| self.tok(j).is_wordlike())
                    .nth(1)
                    .is_none()
            };
            // "I | then recalculated the level": a subject cut off alone
            // by "then" is the subject.
            let lone_subject = |k: &Clause| matches!(k.agent, Agent::I | Agent::We);
            // Relative and other subordinate clauses, and verbless pieces
            // of a list ("paid for the taxis | and the first night"), are
            // passed over; the nearest main clause with a verb decides,
            // even when its subject is a thing: "the report has run four
            // times and caught six".
            if let Some(prev) = before
                .iter()
                .rev()
                .take_while(|k| k.sent == sent)
                .find(|k| {
                    k.join != Join::Sub
                        && (!fragment(k) || lone_subject(k))
                        && (k.agent != Agent::None || self.has_verb(k))
                })
                .filter(|k| k.agent != Agent::None)
            {
                agent = prev.agent;
                implicit = true;
                // "I'd ring the retailers | and ask them to hold it": the
                // verbs that share a subject share its "would".
                yet_to_do = self.told_as_yet_to_do(prev);
            }
        }
        // A bullet or subjectless line that opens with an action verb
        // ("- Wrote a script to …") is the speaker's.
        let opens_sentence = before.last().is_none_or(|k| k.sent != sent);
        if agent == Agent::None
            && !impersonal
            && opens_sentence
            && first.is_some_and(|w| self.has(w, Fam::ActionVerb))
        {
            agent = Agent::I;
            implicit = true;
        }
        let verb_from = match agent_tok {
            Some(a) => self.skip_agent(a, end),
            None if implicit => start,
            None => end,
        };
        let deed = matches!(agent, Agent::I | Agent::We)
            // "I'm", "we're": a state, not a deed. Each is at least three
            // bytes in the source, so the commonest agents ("I", "we") are
            // ruled out without slicing out their normal form. "I'll ring
            // them" is yet to be done, but in a plan, like "I'd ring them",
            // it is a step of it.
            && !agent_tok.is_some_and(|a| {
                let t = self.tok(a);
                t.end - t.start >= 3
                    && match self.t.norm_of(a as usize) {
                        "i'm" | "we're" => true,
                        "i'd" | "we'd" | "i'll" | "we'll" => !self.plan,
                        _ => false,
                    }
            });
        // Which families start in the clause, wanted only for a deed: an OR
        // over a few tokens costs less than searches of the family index.
        let (a, b) = (start as usize, end as usize);
        let fams = if deed {
            self.starts[a..b].iter().fold(0, |acc, &m| acc | m)
        } else {
            0
        };
        // "I always disagree respectfully": a habit claimed, not a deed told.
        let action = deed
            && !yet_to_do
            && fams & bit(Fam::Habit) == 0
            && self.is_action_verb(verb_from, end);
        let concrete = action && (fams & bit(Fam::Buzz) == 0 || self.detail[a..b].contains(&true));
        cl.agent = agent;
        cl.agent_tok = agent_tok;
        cl.after_agent = verb_from.min(end);
        cl.action = action;
        cl.concrete = concrete;
        cl
    }

    /// Whether clause `k`, whose subject a later clause shares, tells its
    /// act as yet to be done: a modal between its subject and its verb
    /// ("I would call", "we might ask") or a contracted one ("we'll
    /// send"), unless the answer is a plan.
    fn told_as_yet_to_do(&self, k: &Clause) -> bool {
        if self.plan {
            return false;
        }
        let Some(a) = k.agent_tok else {
            return false;
        };
        // "I'd" may be "I had" ("I'd sent the file and copied her in"),
        // so only "I'll", "we'll" are sure.
        let contracted = matches!(self.t.norm_of(a as usize), "i'll" | "we'll");
        contracted || (a..(k.after_agent + 2).min(k.end)).any(|j| self.has(j, Fam::Modal))
    }

    pub(crate) fn first_word(&self, start: u32, end: u32) -> Option<u32> {
        let (a, b) = (start as usize, end as usize);
        let skip = bit(Fam::Coord) | bit(Fam::SkipAdv) | bit(Fam::Contrast);
        (start..)
            .zip(self.t.toks[a..b].iter().zip(&self.starts[a..b]))
            .find(|(_, (t, m))| t.is_wordlike() && *m & skip == 0)
            .map(|(j, _)| j)
    }

    /// The token after a (possibly multi-word) agent ("the product
    /// manager gave …").
    pub(super) fn skip_agent(&self, a: u32, end: u32) -> u32 {
        let agents = bit(Fam::I) | bit(Fam::We) | bit(Fam::Other) | bit(Fam::Nobody);
        let mut j = a;
        // "Finance ops sent…": one agent may be named in several words.
        while j < end {
            let here = self.starts[j as usize] & agents;
            if here == 0 {
                break;
            }
            let mut next = j + 1;
            // Only one-word matches start here unless the next token is
            // inside a match (see `hit_end`). A plain loop: the iterator
            // chain it replaces cost several times as much per agent.
            if self.inside.get(j as usize + 1) == Some(&true) {
                for f in [Fam::I, Fam::We, Fam::Other, Fam::Nobody] {
                    if here & bit(f) != 0 {
                        next = next.max(self.hit_end(j, f));
                    }
                }
            }
            j = next;
        }
        j.min(end)
    }

    /// Whether the first verb-like token at or after `from` tells an act:
    /// not negated, not hypothetical, not a state ("was", "felt", "knew"),
    /// not mere presence ("attended", "sat in on").
    pub(super) fn is_action_verb(&self, from: u32, end: u32) -> bool {
        let mut j = from;
        while j < end {
            let t = self.tok(j);
            let m = self.starts[j as usize];
            if t.is(PUNCT) {
                return false;
            }
            if t.is(NEG) || m & (bit(Fam::Negator) | bit(Fam::Modal)) != 0 {
                return false;
            }
            if m & bit(Fam::SkipAdv) != 0 {
                j = j.max(self.hit_end(j, Fam::SkipAdv));
                continue;
            }
            // "…, or without a car": the conjunction is no verb.
            if m & bit(Fam::Coord) != 0 {
                j = j.max(self.hit_end(j, Fam::Coord));
                continue;
            }
            if m & bit(Fam::Stative) != 0 {
                return self.light_verb_acts(j, end);
            }
            // "I attended the weekly steering meetings", "sat in on the
            // reviews": being there is no deed; "…and I learned a lot", "I
            // realised": a thought, not a deed.
            let w = self.t.norm_of(j as usize);
            let presence = matches!(w, "attended" | "attend" | "attends" | "attending")
                || matches!(w, "sat" | "sit" | "sits") && self.t.norm_of(j as usize + 1) == "in";
            let thought = matches!(
                w,
                "learned"
                    | "learnt"
                    | "realised"
                    | "realized"
                    | "thought"
                    | "believed"
                    | "understood"
                    | "felt"
                    | "knew"
                    | "assumed"
                    | "worried"
                    | "suspected"
            );
            return t.is(WORD) && !presence && !thought;
        }
        false
    }

    /// Whether clause `k` has a verb of its own: an auxiliary, a verb of
    /// the lexicon or a regular past ("the report has run", "the sheet
    /// showed"), where "and the first night" has none.
    fn has_verb(&self, k: &Clause) -> bool {
        (k.start..k.end).any(|j| {
            let w = self.t.norm_of(j as usize);
            self.starts[j as usize] & (VERBS | bit(Fam::PastVerb)) != 0
                || matches!(
                    w,
                    "is" | "are" | "was" | "were" | "has" | "have" | "had" | "does" | "did"
                )
                || self.tok(j).is(WORD) && w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed")
        })
    }

    /// Whether "had" with its object starting at `next` makes something
    /// happen: "I had our depot system check every postcode", "I had the
    /// till changed". "I had a team of six", "I had a colleague who
    /// checked" own something.
    fn has_done(&self, next: u32, end: u32) -> bool {
        let det = matches!(
            self.t.norm_of(next as usize),
            "the" | "our" | "my" | "a" | "an" | "their" | "its" | "every" | "each" | "all"
        );
        // "I had recipes locked to the barcode": a bare plural object
        // needs a participle after it.
        let from = next + 1;
        let verbs = bit(Fam::Diligence) | bit(Fam::ActionVerb) | bit(Fam::Enact);
        (from..(from + 4).min(end))
            .take_while(|&k| {
                self.tok(k).is(WORD)
                    && !matches!(self.t.norm_of(k as usize), "who" | "that" | "which" | "of")
            })
            .any(|k| {
                let w = self.t.norm_of(k as usize);
                let participle = self.has(k, Fam::PastVerb) || w.len() >= 5 && w.ends_with("ed");
                participle || det && self.starts[k as usize] & verbs != 0
            })
    }

    /// Whether a light verb at `j` tells a deed after all: "I did twelve
    /// supervised rounds", "I had sent the file", "I had her lead the
    /// handover". "I had a team of six" and "I did not" do not.
    fn light_verb_acts(&self, j: u32, end: u32) -> bool {
        let Some(next) = (j + 1..end).find(|&k| self.tok(k).is_wordlike()) else {
            return false;
        };
        if self.tok(next).is(NEG) || self.has(next, Fam::Negator) {
            return false;
        }
        let next_word = self.t.norm_of(next as usize);
        match self.t.norm_of(j as usize) {
            "did" => true,
            "had" => {
                let participle = self.has(next, Fam::PastVerb)
                    || (next_word.len() >= 4 && next_word.ends_with("ed"));
                let causative = matches!(next_word, "her" | "him" | "them" | "us" | "everyone");
                participle || causative || self.has_done(next, end)
            }
            _ => false,
        }
    }

    /// End token of the longest match of `f` starting at `j`.
    pub(super) fn hit_end(&self, j: u32, f: Fam) -> u32 {
        // Nearly every match is one word: no match starting at `j` runs
        // past it unless the next token is inside a match.
        if self.inside.get(j as usize + 1) != Some(&true) {
            return j + 1;
        }
        self.of_in(f, j..j + 1)
            .iter()
            .map(|h| h.end)
            .max()
            .unwrap_or(j + 1)
    }

    /// Whether "that"/"this" at `j` is followed by a noun it determines
    /// rather than a verb ("that afternoon" vs "that was").
    fn determines_noun(&self, j: u32, end: u32) -> bool {
        let word = self.t.norm_of(j as usize);
        if !matches!(word, "that" | "this" | "these" | "those") || j + 1 >= end {
            return false;
        }
        let next = j + 1;
        let t = self.tok(next);
        t.is(WORD)
            && !t.is(NEG)
            && self.starts[next as usize] & (VERBS | bit(Fam::Negator)) == 0
            && self.t.norm_of(next as usize) != "'s"
    }

    /// A person named by role near the start of a clause: "the dishwasher",
    /// "a reviewer", "the night auditor" (a word in -er, -or, -ist, -ant,
    /// -ian after a determiner), unless it names a thing ("the server").
    fn is_role(&self, j: u32, start: u32) -> bool {
        let t = self.tok(j);
        if !t.is(WORD)
            || j == start
            || j > start + 3
            || self.has(j, Fam::ThingNoun)
            || self.has(j, Fam::Customer)
        {
            return false;
        }
        // A subject comes right before its verb: "the dishwasher mixed up",
        // not "the deeper cause was".
        let next = j + 1;
        let verb_next = (next as usize) < self.t.toks.len()
            && (self.tok(next).is(NEG)
                || self.starts[next as usize] & (VERBS | bit(Fam::Modal)) != 0);
        // The determiner before it is cheaper to look for than the suffix.
        if !verb_next || !(start..j).any(|k| self.has(k, Fam::Determiner)) {
            return false;
        }
        let w = self.t.norm_of(j as usize);
        w.len() >= 5
            && [
                "er", "or", "ist", "ant", "ian", "ers", "ors", "ists", "ants", "ians",
            ]
            .iter()
            .any(|s| w.ends_with(s))
    }

    /// "Our agents", "my engineers": people of the speaker's own group
    /// (plural, after "our" or "my"), unlike "our platform team" or "my
    /// manager".
    fn our_people(&self, j: u32) -> bool {
        let end = self.hit_end(j, Fam::Other);
        let last = self.t.norm_of(end as usize - 1);
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        // "One of my accountants" is one person, not the group.
        let one_of = j > 1 && self.t.norm_of(j as usize - 2) == "of";
        j > 0 && plural && !one_of && matches!(self.t.norm_of(j as usize - 1), "our" | "my")
    }

    /// Whether token `j`, in a clause starting at `clause_start` and a
    /// sentence starting at `sent_start`, names someone ("Sarah").
    pub(super) fn is_name(&self, j: u32, clause_start: u32, sent_start: u32) -> bool {
        let t = self.tok(j);
        if !t.is(CAP) || !t.is(WORD) || t.is(ACRONYM) || self.starts[j as usize] != 0 {
            return false;
        }
        // "Last May I ran…": a month, not a person (the modal "may" is
        // dropped from a month, so no family marks it).
        if self.t.norm_of(j as usize) == "may" {
            return false;
        }
        let sentence_first = j == sent_start || t.is(LINE_START);
        if !sentence_first {
            return true;
        }
        // A capitalised first word is a name only when a fault or action
        // verb follows it directly ("Sarah forgot", "Tom didn't check").
        let next = j + 1;
        (next as usize) < self.t.toks.len()
            && next > clause_start
            && (self.tok(next).is(NEG)
                || self.starts[next as usize] & (bit(Fam::FaultVerb) | bit(Fam::ActionVerb)) != 0)
    }
}
