//! Declaration v1: the JSON record an officer exports and uploads elsewhere.
//!
//! It holds which policy (with the policy's content digest), every answer, the outcome with its
//! clauses quoted, the trace, and a SHA-256 digest over the RFC 8785 canonical JSON of all the
//! rest. [`verify`] recomputes the digest, re-runs the answers against the named policy and
//! applies the widget's checks to the officer's details and a real RFC 3339 check to the time.
//!
//! What that proves, and what not: the digest is unkeyed, so it catches accidental damage and
//! edits made without recomputing it, and the re-run proves that the outcome, amounts, clauses
//! and trace are what the named policy version gives for the recorded answers. It is not a
//! signature: anyone can change the declarant or the time to other acceptable values and
//! recompute it, or make a declaration for any answers. It does not prove who made the
//! declaration, when, or that the answers are true.

use crate::eval::{evaluate, Evaluation};
use crate::jcs;
use crate::model::{NoteKind, Policy, Verdict};
use crate::value::from_json;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub const SCHEMA_NAME: &str = "probity.declaration";
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Probity declaration v1",
    description = "A record of one officer's answers to one question of their council's code of conduct, the outcome, and why"
)]
pub struct Declaration {
    /// Always `probity.declaration`.
    pub schema: String,
    /// Always 1 for this version.
    pub schema_version: u32,
    pub policy: PolicyRef,
    pub tree: TreeRef,
    /// Every answer on the path, in the order asked.
    pub answers: Vec<AnswerRecord>,
    pub outcome: OutcomeRecord,
    /// Every step of the decision, as the "why" shows it.
    pub trace: Vec<TraceRecord>,
    /// Details the officer chose to add when exporting; all optional.
    pub declarant: Option<Declarant>,
    /// When the declaration was made, as given by the caller (RFC 3339).
    pub created_at: String,
    /// `sha256:` and the hex SHA-256 of the RFC 8785 canonical JSON of every other member.
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyRef {
    pub id: String,
    pub council: String,
    pub title: String,
    pub version: String,
    /// The policy's content digest, `sha256:…`.
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TreeRef {
    pub id: String,
    pub title: String,
}

/// An answer's value: an option id, an amount of money as text (`"25.50"`), or a whole number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnswerValue {
    Text(String),
    Integer(i64),
}

impl AnswerValue {
    fn from_value(v: &crate::value::Value) -> Self {
        match v.to_json() {
            serde_json::Value::Number(n) => AnswerValue::Integer(n.as_i64().unwrap_or_default()),
            serde_json::Value::String(s) => AnswerValue::Text(s),
            other => AnswerValue::Text(other.to_string()),
        }
    }

    fn to_json(&self) -> serde_json::Value {
        match self {
            AnswerValue::Text(s) => serde_json::Value::String(s.clone()),
            AnswerValue::Integer(i) => serde_json::Value::from(*i),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRecord {
    pub fact: String,
    /// The question as it was asked.
    pub question: String,
    pub value: AnswerValue,
    /// The answer as the officer read it.
    pub display: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRecord {
    pub node: String,
    pub verdict: Verdict,
    pub verdict_label: String,
    pub headline: String,
    pub summary: Option<String>,
    pub actions: Vec<ActionRecord>,
    pub amounts: Vec<AmountRecord>,
    pub citations: Vec<Citation>,
    pub notes: Vec<NoteRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionRecord {
    pub who: String,
    #[serde(rename = "do")]
    pub what: String,
}

/// Money here is text with exact decimals, never a JSON number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AmountRecord {
    pub label: String,
    pub fact: String,
    /// The answer the amount is worked out from, in pounds.
    pub of: String,
    pub multiply: String,
    /// The exact result before rounding.
    pub exact: String,
    /// The result in pounds and pence.
    pub value: String,
    pub rounding: crate::money::Rounding,
    /// The rounding rule in words.
    pub rule: String,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub reference: String,
    /// The clause quoted exactly from the code.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    pub kind: NoteKind,
    pub label: String,
    pub text: String,
    /// The longer reading ("More about this"), when the note has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TraceRecord {
    pub node: String,
    pub fact: String,
    pub question: String,
    pub answer: AnswerValue,
    pub display: String,
    /// 1-based index of the branch taken.
    pub branch: usize,
    /// The condition that matched, in words.
    pub condition: String,
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declarant {
    pub name: Option<String>,
    pub job_title: Option<String>,
    pub team: Option<String>,
    pub email: Option<String>,
}

impl Declarant {
    /// Problems with what the officer typed, as (field, message) pairs in the GOV.UK style.
    /// Every field is optional; each is at most 200 characters with none that cannot be seen;
    /// an email, when given, must look like one. The widget checks these before it exports and
    /// `verify` checks them again, so a declaration never carries details the widget refuses.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let fields =
            [("name", &self.name), ("job_title", &self.job_title), ("team", &self.team), ("email", &self.email)];
        for (field, value) in fields {
            if value.as_ref().is_some_and(|v| v.trim().chars().count() > 200) {
                out.push((field, "Enter 200 characters or fewer".to_string()));
            } else if value.as_ref().is_some_and(|v| v.chars().any(hidden)) {
                out.push((
                    field,
                    "Remove characters that cannot be seen, such as control or text-direction characters".to_string(),
                ));
            }
        }
        if let Some(email) = self.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
            if !looks_like_email(email) {
                out.push((
                    "email",
                    "Enter an email address in the correct format, like name@example.gov.uk".to_string(),
                ));
            }
        }
        out
    }

    /// Trims each field and drops empty ones; `None` when nothing is left.
    pub fn normalised(self) -> Option<Declarant> {
        // Called with details already checked by `problems`; this only tidies them.
        let clean = |s: Option<String>| s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let d = Declarant {
            name: clean(self.name),
            job_title: clean(self.job_title),
            team: clean(self.team),
            email: clean(self.email),
        };
        (d != Declarant::default()).then_some(d)
    }
}

/// Builds and seals a declaration from an evaluation.
pub fn build(policy: &Policy, evaluation: &Evaluation, declarant: Option<Declarant>, created_at: &str) -> Declaration {
    let tree_title = policy.tree(&evaluation.tree).map(|t| t.title.clone()).unwrap_or_default();
    let o = &evaluation.outcome;
    let mut d = Declaration {
        schema: SCHEMA_NAME.to_string(),
        schema_version: SCHEMA_VERSION,
        policy: PolicyRef {
            id: policy.header.id.clone(),
            council: policy.header.council.clone(),
            title: policy.header.title.clone(),
            version: policy.header.version.clone(),
            digest: policy.digest.clone(),
        },
        tree: TreeRef { id: evaluation.tree.clone(), title: tree_title },
        answers: evaluation
            .steps
            .iter()
            .map(|s| AnswerRecord {
                fact: s.fact.clone(),
                question: s.question.clone(),
                value: AnswerValue::from_value(&s.answer),
                display: s.display.clone(),
            })
            .collect(),
        outcome: OutcomeRecord {
            node: evaluation.node.clone(),
            verdict: o.verdict,
            verdict_label: o.label.clone(),
            headline: o.headline.clone(),
            summary: o.summary.clone(),
            actions: o.actions.iter().map(|a| ActionRecord { who: a.who.clone(), what: a.what.clone() }).collect(),
            amounts: evaluation
                .amounts
                .iter()
                .map(|a| AmountRecord {
                    label: a.label.clone(),
                    fact: a.fact.clone(),
                    of: crate::money::to_pence_scale(a.of).to_string(),
                    multiply: a.multiply.normalize().to_string(),
                    exact: a.exact.normalize().to_string(),
                    value: a.value.to_string(),
                    rounding: a.rounding,
                    rule: a.rule.clone(),
                    note: a.note.clone(),
                })
                .collect(),
            citations: evaluation
                .citations
                .iter()
                .map(|(r, t)| Citation { reference: r.clone(), text: t.clone() })
                .collect(),
            notes: o
                .notes
                .iter()
                .map(|n| NoteRecord {
                    kind: n.kind,
                    label: n.kind.label().to_string(),
                    text: n.text.clone(),
                    detail: n.detail.clone(),
                })
                .collect(),
        },
        trace: evaluation
            .steps
            .iter()
            .map(|s| TraceRecord {
                node: s.node.clone(),
                fact: s.fact.clone(),
                question: s.question.clone(),
                answer: AnswerValue::from_value(&s.answer),
                display: s.display.clone(),
                branch: s.branch,
                condition: s.condition.clone(),
                cite: s.cite.clone(),
            })
            .collect(),
        declarant: declarant.and_then(Declarant::normalised),
        created_at: created_at.to_string(),
        digest: String::new(),
    };
    d.digest = content_digest(&d).unwrap_or_default();
    d
}

/// The digest over every member but `digest`.
fn content_digest(d: &Declaration) -> Result<String, String> {
    let mut value = serde_json::to_value(d).map_err(|e| e.to_string())?;
    digest_of_value(&mut value)
}

fn digest_of_value(value: &mut serde_json::Value) -> Result<String, String> {
    if let Some(map) = value.as_object_mut() {
        map.remove("digest");
    }
    jcs::digest_of(value).map_err(|e| e.to_string())
}

impl Declaration {
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a declaration does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    NotJson {
        message: String,
    },
    WrongSchema {
        found: String,
    },
    Malformed {
        message: String,
    },
    DigestMismatch {
        recorded: String,
        computed: String,
    },
    UnknownPolicy {
        id: String,
    },
    PolicyChanged {
        id: String,
        recorded: String,
        current: String,
    },
    Rerun {
        message: String,
    },
    Differs {
        field: String,
    },
    /// The officer's details are ones the widget would not have accepted.
    Declarant {
        field: String,
        problem: String,
    },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::NotJson { message } => write!(f, "the file is not JSON: {message}"),
            VerifyError::WrongSchema { found } => write!(f, "the file is not a declaration v1 (schema `{found}`)"),
            VerifyError::Malformed { message } => write!(f, "the declaration is malformed: {message}"),
            VerifyError::DigestMismatch { recorded, computed } => {
                write!(f, "the digest does not match the content: recorded `{recorded}`, computed `{computed}`")
            }
            VerifyError::UnknownPolicy { id } => write!(f, "no policy `{id}` is known here"),
            VerifyError::PolicyChanged { id, recorded, current } => write!(
                f,
                "the declaration was made against another version of policy `{id}`: recorded `{recorded}`, current `{current}`"
            ),
            VerifyError::Rerun { message } => write!(f, "the answers cannot be re-run against the policy: {message}"),
            VerifyError::Differs { field } => {
                write!(f, "re-running the answers gives a different declaration at `{field}`")
            }
            VerifyError::Declarant { field, problem } => write!(
                f,
                "the declarant's `{field}` is not one the widget accepts: {}",
                problem.to_lowercase()
            ),
        }
    }
}

impl std::error::Error for VerifyError {}

impl VerifyError {
    pub fn help(&self) -> &'static str {
        match self {
            VerifyError::NotJson { .. } | VerifyError::WrongSchema { .. } | VerifyError::Malformed { .. } => {
                "check that this is the file the Probity widget downloaded"
            }
            VerifyError::DigestMismatch { .. } | VerifyError::Differs { .. } => {
                "the file was changed after it was made; ask the officer to make and export it again"
            }
            VerifyError::UnknownPolicy { .. } => "verify it where that council's policy file is installed",
            VerifyError::PolicyChanged { .. } => {
                "the council's policy has been edited since; ask the officer to answer again against the current policy"
            }
            VerifyError::Rerun { .. } => "ask the officer to answer again against the current policy",
            VerifyError::Declarant { .. } => {
                "the widget never exports such details, so the file was made or edited elsewhere; ask the officer to export it again"
            }
        }
    }
}

/// A verified declaration and the evaluation it re-ran to.
#[derive(Debug, Clone)]
pub struct Verified {
    pub declaration: Declaration,
    pub evaluation: Evaluation,
}

/// Verifies a declaration's text: digest first, then a re-run against the named policy.
pub fn verify<'p>(text: &str, find_policy: impl Fn(&str) -> Option<&'p Policy>) -> Result<Verified, VerifyError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| VerifyError::NotJson { message: e.to_string() })?;
    let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or_default().to_string();
    let version = value.get("schema_version").and_then(serde_json::Value::as_u64);
    if schema != SCHEMA_NAME || version != Some(u64::from(SCHEMA_VERSION)) {
        return Err(VerifyError::WrongSchema {
            found: format!("{} v{}", shown(&schema, 40), version.map_or("?".to_string(), |v| v.to_string())),
        });
    }
    let recorded = value.get("digest").and_then(|s| s.as_str()).unwrap_or_default().to_string();
    let computed = digest_of_value(&mut value).map_err(|message| VerifyError::Malformed { message })?;
    if recorded != computed {
        return Err(VerifyError::DigestMismatch { recorded, computed });
    }
    let declaration: Declaration =
        serde_json::from_str(text).map_err(|e| VerifyError::Malformed { message: e.to_string() })?;
    if !is_rfc3339(&declaration.created_at) {
        return Err(VerifyError::Malformed {
            message: format!(
                "`created_at` is `{}`, not an RFC 3339 date and time such as 2026-11-22T10:15:00Z",
                shown(&declaration.created_at, 40)
            ),
        });
    }
    if let Some((field, problem)) = declaration.declarant.as_ref().and_then(|d| d.problems().into_iter().next()) {
        return Err(VerifyError::Declarant { field: field.to_string(), problem });
    }
    let policy = find_policy(&declaration.policy.id)
        .ok_or_else(|| VerifyError::UnknownPolicy { id: declaration.policy.id.clone() })?;
    if policy.digest != declaration.policy.digest {
        return Err(VerifyError::PolicyChanged {
            id: declaration.policy.id.clone(),
            recorded: declaration.policy.digest.clone(),
            current: policy.digest.clone(),
        });
    }
    let mut answers = BTreeMap::new();
    for a in &declaration.answers {
        let fact = policy.fact(&a.fact).ok_or_else(|| VerifyError::Rerun {
            message: format!("policy `{}` asks no fact `{}`", policy.header.id, a.fact),
        })?;
        let v = from_json(fact, &a.value.to_json()).map_err(|e| VerifyError::Rerun { message: e.to_string() })?;
        if answers.insert(a.fact.clone(), v).is_some() {
            return Err(VerifyError::Rerun { message: format!("fact `{}` is answered twice", a.fact) });
        }
    }
    let evaluation =
        evaluate(policy, &declaration.tree.id, &answers).map_err(|e| VerifyError::Rerun { message: e.to_string() })?;
    let rebuilt = build(policy, &evaluation, declaration.declarant.clone(), &declaration.created_at);
    if rebuilt != declaration {
        let a = serde_json::to_value(&rebuilt).unwrap_or_default();
        let b = serde_json::to_value(&declaration).unwrap_or_default();
        return Err(VerifyError::Differs {
            field: first_difference(&a, &b, String::new()).unwrap_or_else(|| "(unknown)".into()),
        });
    }
    Ok(Verified { declaration, evaluation })
}

/// A JSON-pointer-like path to the first place two values differ.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: String) -> Option<String> {
    use serde_json::Value as J;
    match (a, b) {
        (J::Object(x), J::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q, format!("{at}/{k}")),
                _ => Some(format!("{at}/{k}")),
            })
        }
        (J::Array(x), J::Array(y)) => {
            if x.len() != y.len() {
                return Some(at);
            }
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| first_difference(p, q, format!("{at}/{i}")))
        }
        _ => (a != b).then_some(if at.is_empty() { "/".into() } else { at }),
    }
}

/// One `@`, something before it, a dot in the domain, and no spaces: a shape check only.
pub fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// A real RFC 3339 date and time (`2026-11-22T10:15:00Z`, with an offset or fractions too): the
/// calendar is checked, so `2026-02-30` or `24:00` is refused. Parsing only: the core reads no clock.
pub fn is_rfc3339(s: &str) -> bool {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).is_ok()
}

/// At most `max` characters of a value for a message, so a huge field is not printed whole.
fn shown(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or_default()),
        None => s.to_string(),
    }
}

/// A character a reader cannot see, or one that reorders how the text around it is shown
/// (control characters such as NUL or a line break, and Unicode's bidirectional controls), so
/// a name on screen or paper could differ from the name in the file.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The JSON Schema of declaration v1.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Declaration);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
