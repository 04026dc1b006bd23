//! The signals of the rubric, declared once: the table in [`signals!`]
//! gives each its id, its JSON spelling (the contract), the name people
//! read, and whether it costs points when it fires. Report order is table
//! order, and `detect::run` matches on every id, so a signal without a
//! detector does not compile.

use serde::{Deserialize, Serialize};

macro_rules! signals {
    ($($v:ident = $id:literal, $name:literal, $cost:literal;)*) => {
        /// Every signal of the rubric. The `snake_case` spelling is the
        /// contract.
        ///
        /// Saved answers carry their reports, so adding a variant means
        /// bumping `answer::SCHEMA_VERSION`: an older barraiser then leaves
        /// such records untouched instead of failing to parse them and
        /// quarantining them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum SignalId { $($v,)* }

        impl SignalId {
            /// Every signal, in report order.
            pub const ALL: [SignalId; [$($id,)*].len()] = [$(Self::$v,)*];

            /// The `snake_case` id, as in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $id,)* }
            }

            /// The name a person reads ("owns fault first").
            pub fn name(self) -> &'static str {
                match self { $(Self::$v => $name,)* }
            }

            /// Signals that cost points when they fire (docs/rubric.md's red
            /// flags, the mistake-story failings, and no story at all): one
            /// that did not fire is nothing to try next.
            pub fn is_red_flag(self) -> bool {
                match self { $(Self::$v => $cost,)* }
            }
        }
    };
}

signals! {
    // STAR structure, every principle.
    StarSituation = "star_situation", "situation", false;
    StarTask = "star_task", "task", false;
    StarAction = "star_action", "action", false;
    StarResult = "star_result", "result", false;
    ResultQuantified = "result_quantified", "result quantified", false;
    FirstPersonOwnership = "first_person_ownership", "first person ownership", false;
    Specificity = "specificity", "specificity", false;
    // Mistakes and failures.
    OwnsFaultFirst = "owns_fault_first", "owns fault first", false;
    BlamesOthers = "blames_others", "blames others", true;
    DeniesMistake = "denies_mistake", "denies mistake", true;
    RootCause = "root_cause", "root cause", false;
    MechanismFix = "mechanism_fix", "mechanism fix", false;
    WillpowerFix = "willpower_fix", "willpower fix", true;
    LessonLearned = "lesson_learned", "lesson learned", false;
    ProactiveCommunication = "proactive_communication", "proactive communication", false;
    BlamelessSupport = "blameless_support", "blameless support", false;
    KeptSilent = "kept_silent", "kept silent", true;
    // Red flags by principle.
    NotMyJob = "not_my_job", "not my job", true;
    AuthorityDeference = "authority_deference", "authority deference", true;
    ToldYouSo = "told_you_so", "told you so", true;
    FixedCost = "fixed_cost", "fixed cost", true;
    GoodEnough = "good_enough", "good enough", true;
    SeniorityArgument = "seniority_argument", "seniority argument", true;
    PeopleIndifference = "people_indifference", "people indifference", true;
    ProfitOnly = "profit_only", "profit only", true;
    // Positive principle signals.
    CustomerFocus = "customer_focus", "customer focus", false;
    DataDriven = "data_driven", "data driven", false;
    DisagreeCommit = "disagree_commit", "disagree and commit", false;
    DevelopsOthers = "develops_others", "develops others", false;
    FrugalInvention = "frugal_invention", "frugal invention", false;
    BiasForAction = "bias_for_action", "bias for action", false;
    ThinkBig = "think_big", "think big", false;
    BroadResponsibility = "broad_responsibility", "broad responsibility", false;
    // The gate: one specific past event, or none.
    NoStory = "no_story", "no specific story", true;
}

impl SignalId {
    /// Parses a `snake_case` id.
    pub fn parse(id: &str) -> Option<SignalId> {
        Self::ALL.iter().copied().find(|s| s.as_str() == id)
    }

    /// Whether this is one of the mistake and failure signals.
    pub fn is_mistake_signal(self) -> bool {
        (self as usize) >= (Self::OwnsFaultFirst as usize)
            && (self as usize) <= (Self::KeptSilent as usize)
    }
}

impl std::fmt::Display for SignalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
