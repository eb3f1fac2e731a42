//! The raw model: policy and vocabulary files exactly as written, before any checking.
//!
//! Every struct denies unknown fields, so a misspelt key (`verdic = "no"`) is an error with its
//! location instead of a silently ignored line. Nothing here can be evaluated: `check` turns a
//! raw policy into a [`crate::model::Policy`], which can.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A policy file: one council's code of conduct.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    pub policy: RawHeader,
    #[serde(default)]
    pub clauses: BTreeMap<String, String>,
    #[serde(default)]
    pub trees: BTreeMap<String, RawTree>,
    /// Whether the code asks officers for a declaration of interests, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interests_declaration: Option<RawInterestsDeclaration>,
}

/// `[interests_declaration]`: the declaration of interests the code asks for (Kent Appendix 1,
/// annually; Oxfordshire 56-57, on appointment, nil when there is nothing, again on a change),
/// or `asked = false` with a note saying how the code has interests declared instead.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawInterestsDeclaration {
    pub asked: bool,
    /// The tree each declared interest is checked against (`interests`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tree: Option<String>,
    /// When the code asks it: `annual`, `on_appointment`, `on_change`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<String>,
    /// Whether an officer with nothing to declare makes a nil declaration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nil: Option<bool>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
    /// In plain words: what the code asks, or how it has interests declared when it asks no declaration.
    pub note: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: String,
    pub council: String,
    pub title: String,
    pub version: String,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who the code applies to, in plain words with its clause numbers (shown with every tree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The date this version of the policy took effect, `YYYY-MM-DD`. Required of a current
    /// policy (L015); versions archived from before it existed have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTree {
    pub title: String,
    /// The kind of question the tree answers: `permission`, `obligation`, `status` or `route`.
    /// Optional only so that a missing kind is reported with its location (L019).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The most questions any walk through the tree may ask (5 when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_questions: Option<u32>,
    /// Why a walk needs more than five questions; required when `max_questions` is above 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_questions_reason: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    #[serde(default)]
    pub nodes: BTreeMap<String, RawNode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<RawCase>,
    /// The details a register needs, asked after the answer: record field ids from the vocabulary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<RawRecord>,
}

/// `[trees.<id>.record]`: which of the vocabulary's record fields this tree's register needs.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional: Vec<String>,
}

/// A node is a question (it has `ask`) or an outcome (it has `verdict`). Both shapes share one
/// struct so that a node with both, or neither, gets a message naming the node rather than a
/// serde "did not match any variant".
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    // Question fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Why this council's wording of the question differs from the vocabulary's, and why it
    /// still asks the same fact. Required with `question` (L020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reworded: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub branches: Vec<RawBranch>,
    // Shared: the clauses a question or an outcome rests on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
    // Outcome fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// On an `ask_first` outcome: whether the officer needs `permission` or `advice` (the
    /// tree's kind decides when not given: permission trees ask permission, others advice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_for: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<RawAction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<RawNote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<RawAmount>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawBranch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<RawCondition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<bool>,
    pub go: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
}

/// A condition as written: a table whose keys say what kind of test it is. Several keys may be
/// combined only as a range (`at_least` with `below`, and so on); the checker says so otherwise.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_one_of: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<RawAmountText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<RawAmountText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub above: Option<RawAmountText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<RawAmountText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<RawCondition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<RawCondition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<RawCondition>>,
}

/// A bound as written. Money must be text (`"50"`, `"25.50"`) so that it is exact; a whole
/// number may be written bare. A float (`50.0`) is refused by the checker with a message.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum RawAmountText {
    Text(String),
    Integer(i64),
    Float(FloatMarker),
}

/// A bare float in a policy file. It is kept only to be reported: floats are never used as money.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct FloatMarker(pub String);

impl<'de> Deserialize<'de> for FloatMarker {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Reading the float only to name it in an error; it never becomes a value.
        let f = f64::deserialize(d)?;
        Ok(FloatMarker(format!("{f}")))
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub who: String,
    #[serde(rename = "do")]
    pub what: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub kind: String,
    /// The note in plain words, short enough for a phone (at most 60 words; L021).
    pub text: String,
    /// The longer reading, shown under "More about this".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAmount {
    pub label: String,
    pub fact: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiply: Option<RawAmountText>,
    pub rounding: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A scenario case: facts in, the verdict and citations the code gives out.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    pub name: String,
    #[serde(default)]
    pub facts: BTreeMap<String, serde_json::Value>,
    pub verdict: String,
    #[serde(default)]
    pub cite: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<String>,
}

/// The shared vocabulary file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawVocabulary {
    #[serde(default)]
    pub topics: indexmap_free::OrderedMap,
    #[serde(default)]
    pub facts: BTreeMap<String, RawFact>,
    /// Record fields: the details a register keeps, defined once and named by trees.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub records: BTreeMap<String, RawRecordField>,
}

/// A record field as written in the vocabulary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecordField {
    /// `text`, `date`, `choice`, `money` or `number`.
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Text: the most characters (default 200, at most 2,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Date: the date cannot be after the day the declaration is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_future: Option<bool>,
    /// Number: the bounds (defaults 0 and 1,000,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<RawOption>,
    /// The register column it fills (`offered_by`, `what`, `value`, `action_taken`, `date_offered`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    #[serde(rename = "type")]
    pub kind: String,
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<RawOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsure: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// Topics keep the order they are written in, because the widget lists them in that order.
pub mod indexmap_free {
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;

    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct OrderedMap(pub Vec<(String, String)>);

    impl Serialize for OrderedMap {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(self.0.len()))?;
            for (k, v) in &self.0 {
                m.serialize_entry(k, v)?;
            }
            m.end()
        }
    }

    impl<'de> Deserialize<'de> for OrderedMap {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = OrderedMap;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a table of topic id = label")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<OrderedMap, A::Error> {
                    let mut out = Vec::new();
                    while let Some((k, v)) = a.next_entry::<String, String>()? {
                        out.push((k, v));
                    }
                    Ok(OrderedMap(out))
                }
            }
            d.deserialize_map(V)
        }
    }
}

/// The format a policy or vocabulary text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Json,
}

/// Why a text could not be read at all (before any checking).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    /// 1-based line, where the parser knows it.
    pub line: Option<usize>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn parse_text<T: serde::de::DeserializeOwned>(text: &str, format: Format) -> Result<T, ParseError> {
    match format {
        #[cfg(feature = "toml")]
        Format::Toml => toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text.get(..s.start).map_or(0, |t| t.matches('\n').count()).saturating_add(1));
            ParseError { message: e.message().trim().to_string(), line }
        }),
        #[cfg(not(feature = "toml"))]
        Format::Toml => Err(ParseError { message: "this build reads policies as JSON only".to_string(), line: None }),
        Format::Json => {
            serde_json::from_str(text).map_err(|e| ParseError { message: e.to_string(), line: Some(e.line()) })
        }
    }
}

pub fn parse_policy(text: &str, format: Format) -> Result<RawPolicy, ParseError> {
    parse_text(text, format)
}

pub fn parse_vocabulary(text: &str, format: Format) -> Result<RawVocabulary, ParseError> {
    parse_text(text, format)
}
