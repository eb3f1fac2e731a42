//! The checked model: the only form of a policy that can be evaluated.
//!
//! A [`Policy`] is built by [`crate::check::check_policy`] and by nothing else, so holding one
//! means every node target exists, every condition fits its fact's type, every citation names a
//! clause in the table, the graph has no cycle and every question covers every answer.

use crate::money::Rounding;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of answer a fact takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", tag = "type", rename_all = "snake_case")]
pub enum FactKind {
    YesNo { unsure: bool },
    Choice,
    Money,
    WholeNumber { min: i64, max: i64 },
}

/// [`FactKind`]'s compact shape, for binary formats (see [`crate::shape`]).
#[derive(Serialize, Deserialize)]
#[serde(remote = "FactKind")]
enum FactKindCompact {
    YesNo { unsure: bool },
    Choice,
    Money,
    WholeNumber { min: i64, max: i64 },
}
crate::shape::by_format!(FactKind, FactKindCompact);

impl FactKind {
    pub fn name(&self) -> &'static str {
        match self {
            FactKind::YesNo { .. } => "yes/no",
            FactKind::Choice => "choice",
            FactKind::Money => "money",
            FactKind::WholeNumber { .. } => "whole number",
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, FactKind::Money | FactKind::WholeNumber { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
}

/// A fact from the shared vocabulary. It deserializes too, because an archived policy version
/// carries the facts it was made with (see [`crate::archive`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub kind: FactKind,
    pub question: String,
    pub hint: Option<String>,
    /// For choice facts the options; for yes/no facts `yes`, `no` and perhaps `not_sure`.
    pub options: Vec<ChoiceOption>,
}

impl Fact {
    pub fn option(&self, id: &str) -> Option<&ChoiceOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// The checked vocabulary: facts by id, the topics in their written order, and the record fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    pub facts: BTreeMap<String, Fact>,
    pub topics: Vec<(String, String)>,
    pub records: BTreeMap<String, crate::records::RecordField>,
}

impl Vocabulary {
    pub fn topic_label(&self, id: &str) -> Option<&str> {
        self.topics.iter().find(|(t, _)| t == id).map(|(_, l)| l.as_str())
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Yes,
    YesWithConditions,
    AskFirst,
    No,
    Unclear,
}

impl Verdict {
    pub const ALL: [Verdict; 5] =
        [Verdict::Yes, Verdict::YesWithConditions, Verdict::AskFirst, Verdict::No, Verdict::Unclear];

    pub fn id(self) -> &'static str {
        match self {
            Verdict::Yes => "yes",
            Verdict::YesWithConditions => "yes_with_conditions",
            Verdict::AskFirst => "ask_first",
            Verdict::No => "no",
            Verdict::Unclear => "unclear",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.id() == s)
    }
}

/// The kind of question a tree answers. The verdict is worded as an answer to that question:
/// "No, you need not" on "Do I need to declare this?", never "No, you cannot".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TreeKind {
    /// "Can I …?"
    Permission,
    /// "Do I need to …? / Must I …?"
    Obligation,
    /// "Is my post …?"
    Status,
    /// "Who do I tell?": the answer is whom to tell, not yes or no.
    Route,
}

impl TreeKind {
    pub const ALL: [TreeKind; 4] = [TreeKind::Permission, TreeKind::Obligation, TreeKind::Status, TreeKind::Route];

    pub fn id(self) -> &'static str {
        match self {
            TreeKind::Permission => "permission",
            TreeKind::Obligation => "obligation",
            TreeKind::Status => "status",
            TreeKind::Route => "route",
        }
    }

    pub fn parse(s: &str) -> Option<TreeKind> {
        TreeKind::ALL.into_iter().find(|k| k.id() == s)
    }

    /// The question shape, as authors and reviewers read it.
    pub fn describe(self) -> &'static str {
        match self {
            TreeKind::Permission => "Can I …? (permission)",
            TreeKind::Obligation => "Do I need to / Must I …? (obligation)",
            TreeKind::Status => "Is my post …? (status)",
            TreeKind::Route => "Who do I tell? (route)",
        }
    }

    /// The verdicts an outcome of this kind of tree may give.
    pub fn verdicts(self) -> &'static [Verdict] {
        match self {
            TreeKind::Permission => &Verdict::ALL,
            TreeKind::Obligation | TreeKind::Status => {
                &[Verdict::Yes, Verdict::AskFirst, Verdict::No, Verdict::Unclear]
            }
            TreeKind::Route => &[Verdict::Yes, Verdict::YesWithConditions, Verdict::AskFirst, Verdict::Unclear],
        }
    }

    /// What an `ask_first` outcome asks for when the policy does not say.
    pub fn default_ask_for(self) -> AskFor {
        match self {
            TreeKind::Permission => AskFor::Permission,
            _ => AskFor::Advice,
        }
    }
}

/// What an officer told to "ask first" must get before going on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AskFor {
    Permission,
    Advice,
}

impl AskFor {
    pub fn id(self) -> &'static str {
        match self {
            AskFor::Permission => "permission",
            AskFor::Advice => "advice",
        }
    }

    pub fn parse(s: &str) -> Option<AskFor> {
        [AskFor::Permission, AskFor::Advice].into_iter().find(|a| a.id() == s)
    }
}

/// The verdict in words, as the officer sees it, for a tree of this kind; `None` when the verdict
/// does not fit the kind (the checker refuses such an outcome, L019).
pub fn verdict_label(kind: TreeKind, verdict: Verdict, ask_for: AskFor) -> Option<&'static str> {
    if !kind.verdicts().contains(&verdict) {
        return None;
    }
    let ask = match (kind, ask_for) {
        (TreeKind::Status, _) => "Check first",
        (_, AskFor::Permission) => "Ask first: you need permission",
        (_, AskFor::Advice) => "Ask for advice first",
    };
    Some(match (kind, verdict) {
        (_, Verdict::AskFirst) => ask,
        (_, Verdict::Unclear) => "The code does not settle this",
        (TreeKind::Permission, Verdict::Yes) => "Yes, you can",
        (TreeKind::Permission, Verdict::YesWithConditions) => "Yes, if you follow these conditions",
        (TreeKind::Permission, Verdict::No) => "No, you cannot",
        (TreeKind::Obligation, Verdict::Yes) => "Yes, you must",
        (TreeKind::Obligation, Verdict::No) => "No, you need not",
        (TreeKind::Status, Verdict::Yes) => "Yes, it is",
        (TreeKind::Status, Verdict::No) => "No, it is not",
        (TreeKind::Route, Verdict::Yes) => "Who to tell",
        (TreeKind::Route, Verdict::YesWithConditions) => "Who to tell, and how",
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    Ambiguous,
    Contradiction,
    WrongReference,
    OutOfDate,
    Silent,
    Interpretation,
    /// Advice the tool gives that the code itself does not (for example "call the emergency services").
    ToolAdvice,
}

impl NoteKind {
    pub const ALL: [NoteKind; 7] = [
        NoteKind::Ambiguous,
        NoteKind::Contradiction,
        NoteKind::WrongReference,
        NoteKind::OutOfDate,
        NoteKind::Silent,
        NoteKind::Interpretation,
        NoteKind::ToolAdvice,
    ];

    pub fn id(self) -> &'static str {
        match self {
            NoteKind::Ambiguous => "ambiguous",
            NoteKind::Contradiction => "contradiction",
            NoteKind::WrongReference => "wrong_reference",
            NoteKind::OutOfDate => "out_of_date",
            NoteKind::Silent => "silent",
            NoteKind::Interpretation => "interpretation",
            NoteKind::ToolAdvice => "tool_advice",
        }
    }

    pub fn parse(s: &str) -> Option<NoteKind> {
        NoteKind::ALL.into_iter().find(|k| k.id() == s)
    }

    /// A heading for the note, in plain words.
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Ambiguous => "The code is unclear here",
            NoteKind::Contradiction => "The code contradicts itself here",
            NoteKind::WrongReference => "The code refers to the wrong paragraph",
            NoteKind::OutOfDate => "The code is out of date here",
            NoteKind::Silent => "The code says nothing specific on this",
            NoteKind::Interpretation => "How this tool reads the code",
            NoteKind::ToolAdvice => "This tool's advice (the code does not say this)",
        }
    }
}

/// A test on the answer to the node's fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", tag = "test", rename_all = "snake_case")]
pub enum Condition {
    /// The answer is one of these options (a choice or yes/no fact).
    OneOf {
        options: Vec<String>,
    },
    /// The number lies within these bounds (money or whole number).
    Range {
        lower: Option<Bound>,
        upper: Option<Bound>,
    },
    All {
        of: Vec<Condition>,
    },
    Any {
        of: Vec<Condition>,
    },
    Not {
        of: Box<Condition>,
    },
    /// `otherwise = true`: matches any answer.
    Otherwise,
}

/// [`Condition`]'s compact shape, for binary formats (see [`crate::shape`]).
#[derive(Serialize, Deserialize)]
#[serde(remote = "Condition")]
enum ConditionCompact {
    OneOf { options: Vec<String> },
    Range { lower: Option<Bound>, upper: Option<Bound> },
    All { of: Vec<Condition> },
    Any { of: Vec<Condition> },
    Not { of: Box<Condition> },
    Otherwise,
}
crate::shape::by_format!(Condition, ConditionCompact);

/// One end of a range, with whether the value itself is inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bound {
    #[serde(with = "crate::shape::decimal")]
    pub value: Decimal,
    pub inclusive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    pub when: Condition,
    pub go: String,
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionNode {
    pub fact: String,
    /// The question as asked on this council's page (the tree's wording or the vocabulary's).
    pub question: String,
    /// Why the tree rewords the vocabulary's question, when it does.
    pub reworded: Option<String>,
    pub hint: Option<String>,
    pub branches: Vec<Branch>,
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub who: String,
    #[serde(rename = "do")]
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    /// The longer reading, behind "More about this".
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmountRule {
    pub label: String,
    pub fact: String,
    #[serde(with = "crate::shape::decimal")]
    pub multiply: Decimal,
    pub rounding: Rounding,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeNode {
    pub verdict: Verdict,
    /// For `ask_first`: what the officer must ask for.
    pub ask_for: Option<AskFor>,
    /// The verdict worded for the tree's kind ([`verdict_label`]): what every renderer shows.
    pub label: String,
    pub headline: String,
    pub summary: Option<String>,
    pub actions: Vec<Action>,
    pub cite: Vec<String>,
    pub notes: Vec<Note>,
    pub amounts: Vec<AmountRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", tag = "kind", rename_all = "snake_case")]
pub enum Node {
    Question(QuestionNode),
    Outcome(OutcomeNode),
}

/// [`Node`]'s compact shape, for binary formats (see [`crate::shape`]).
#[derive(Serialize, Deserialize)]
#[serde(remote = "Node")]
enum NodeCompact {
    Question(QuestionNode),
    Outcome(OutcomeNode),
}
crate::shape::by_format!(Node, NodeCompact);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub name: String,
    pub facts: BTreeMap<String, crate::value::Value>,
    pub verdict: Verdict,
    pub cite: Vec<String>,
    pub outcome: Option<String>,
    #[serde(with = "crate::shape::decimals")]
    pub amounts: Vec<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    pub id: String,
    pub title: String,
    pub kind: TreeKind,
    /// The most questions a walk may ask (the walk-length check holds the tree to it).
    pub max_questions: u32,
    pub max_questions_reason: Option<String>,
    pub topics: Vec<String>,
    pub intro: Option<String>,
    pub start: String,
    pub nodes: BTreeMap<String, Node>,
    pub cases: Vec<Case>,
    /// The record details this tree's register needs, in the order asked (empty: none).
    pub record: Vec<crate::records::RecordUse>,
}

impl Tree {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// Every fact some question in this tree asks, in node order.
    pub fn facts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for node in self.nodes.values() {
            if let Node::Question(q) = node {
                if !out.contains(&q.fact.as_str()) {
                    out.push(&q.fact);
                }
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub id: String,
    pub council: String,
    pub title: String,
    pub version: String,
    pub source: String,
    pub note: Option<String>,
    /// Who the code applies to.
    pub scope: Option<String>,
    /// When this version took effect, `YYYY-MM-DD` (checked to be a real date); `None` only for
    /// versions archived from before policies carried one.
    pub effective: Option<String>,
}

/// A checked policy. It carries its own copy of the facts its trees ask, so it can be evaluated
/// and displayed without the vocabulary it was checked against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    pub header: Header,
    pub clauses: BTreeMap<String, String>,
    pub trees: BTreeMap<String, Tree>,
    pub facts: BTreeMap<String, Fact>,
    pub topics: Vec<(String, String)>,
    /// Its own copy of the record fields its trees name, like `facts`.
    pub records: BTreeMap<String, crate::records::RecordField>,
    /// The declaration of interests the code asks for, or why it asks none.
    pub interests_declaration: Option<crate::records::InterestsDeclarationRule>,
    /// `sha256:` and the hex digest of the canonical JSON of the policy and the facts (and record
    /// fields) it uses.
    pub digest: String,
}

impl Policy {
    pub fn tree(&self, id: &str) -> Option<&Tree> {
        self.trees.get(id)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.get(id)
    }

    pub fn clause(&self, reference: &str) -> Option<&str> {
        self.clauses.get(reference).map(String::as_str)
    }

    /// The version in words, as every declaration shows it: "Kent County Council, The Kent Code,
    /// version September 2007, effective 10 October 2007".
    pub fn version_in_words(&self) -> String {
        let h = &self.header;
        let effective = match h.effective.as_deref().and_then(|e| crate::dates::parse_iso(e).ok()) {
            Some(d) => format!("effective {}", crate::dates::long(d)),
            None => "no effective date recorded".to_string(),
        };
        format!("{}, {}, version {}, {effective}", h.council, h.title, h.version)
    }
}
