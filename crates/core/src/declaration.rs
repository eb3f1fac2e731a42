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

pub mod v2;

use crate::archive::{Lookup, Version, Versions};
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

/// Builds and seals a declaration v1 from an evaluation. (The widget makes v1 until it moves to
/// [`v2::build_answer`], which adds the record details and the policy's effective date.)
pub fn build(policy: &Policy, evaluation: &Evaluation, declarant: Option<Declarant>, created_at: &str) -> Declaration {
    let tree_title = policy.tree(&evaluation.tree).map(|t| t.title.clone()).unwrap_or_default();
    let (answers, outcome, trace) = walk_records(evaluation);
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
        answers,
        outcome,
        trace,
        declarant: declarant.and_then(Declarant::normalised),
        created_at: created_at.to_string(),
        digest: String::new(),
    };
    d.digest = content_digest(&d).unwrap_or_default();
    d
}

/// The answers, outcome and trace of an evaluation as a declaration records them (v1 and v2 alike).
pub(crate) fn walk_records(evaluation: &Evaluation) -> (Vec<AnswerRecord>, OutcomeRecord, Vec<TraceRecord>) {
    let o = &evaluation.outcome;
    let answers = evaluation
        .steps
        .iter()
        .map(|s| AnswerRecord {
            fact: s.fact.clone(),
            question: s.question.clone(),
            value: AnswerValue::from_value(&s.answer),
            display: s.display.clone(),
        })
        .collect();
    let outcome = OutcomeRecord {
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
    };
    let trace = evaluation
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
        .collect();
    (answers, outcome, trace)
}

/// The digest over every member but `digest`.
fn content_digest(d: &Declaration) -> Result<String, String> {
    let mut value = serde_json::to_value(d).map_err(|e| e.to_string())?;
    digest_of_value(&mut value)
}

pub(crate) fn digest_of_value(value: &mut serde_json::Value) -> Result<String, String> {
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
    /// The policy is known, but not the version the declaration names: it is not checked
    /// against any other version.
    UnknownVersion {
        id: String,
        version: String,
        digest: String,
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
    /// A record detail (v2) does not fit the field the policy version defines.
    Details {
        field: String,
        problem: String,
    },
    /// A declaration of interests (v2) the policy version does not ask, or one that does not add up.
    Interests {
        message: String,
    },
}

/// How a register lists a declaration it cannot add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// Not a declaration, or not one the widget could have made.
    Invalid,
    /// Changed after it was made: its digest, or what its answers re-run to, does not match.
    Altered,
    /// Made under a policy, or a version of one, that is not known here.
    UnknownVersion,
}

impl Refusal {
    pub fn label(self) -> &'static str {
        match self {
            Refusal::Invalid => "Invalid",
            Refusal::Altered => "Altered",
            Refusal::UnknownVersion => "Unknown policy version",
        }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::NotJson { message } => write!(f, "the file is not JSON: {message}"),
            VerifyError::WrongSchema { found } => {
                write!(f, "the file is not a declaration v1 or v2 (schema `{found}`)")
            }
            VerifyError::Malformed { message } => write!(f, "the declaration is malformed: {message}"),
            VerifyError::DigestMismatch { recorded, computed } => {
                write!(f, "the digest does not match the content: recorded `{recorded}`, computed `{computed}`")
            }
            VerifyError::UnknownPolicy { id } => write!(f, "no policy `{id}` is known here"),
            VerifyError::UnknownVersion { id, version, digest } => write!(
                f,
                "the declaration names a version of policy `{id}` that is not known here (version `{version}`, \
                 policy digest `{digest}`); it is not checked against any other version"
            ),
            VerifyError::Rerun { message } => write!(f, "the answers cannot be re-run against the policy: {message}"),
            VerifyError::Differs { field } => {
                write!(f, "re-running the answers gives a different declaration at `{field}`")
            }
            VerifyError::Declarant { field, problem } => {
                write!(f, "the declarant's `{field}` is not one the widget accepts: {}", crate::case::lower(problem))
            }
            VerifyError::Details { field, problem } => {
                write!(
                    f,
                    "the record detail `{field}` does not fit the policy version: {}",
                    crate::case::lower_first(problem)
                )
            }
            VerifyError::Interests { message } => write!(f, "the declaration of interests does not add up: {message}"),
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
            VerifyError::UnknownVersion { .. } => {
                "the version may have been released without being archived: archive it (README: Changing a policy) \
                 or verify where it is kept; otherwise ask the officer to answer again under the version in force"
            }
            VerifyError::Rerun { .. } => "ask the officer to answer again against the current policy",
            VerifyError::Declarant { .. } | VerifyError::Details { .. } | VerifyError::Interests { .. } => {
                "the widget never exports such details, so the file was made or edited elsewhere; ask the officer to export it again"
            }
        }
    }

    /// Which list a register puts the file in.
    pub fn refusal(&self) -> Refusal {
        match self {
            VerifyError::DigestMismatch { .. } | VerifyError::Differs { .. } => Refusal::Altered,
            VerifyError::UnknownPolicy { .. } | VerifyError::UnknownVersion { .. } => Refusal::UnknownVersion,
            _ => Refusal::Invalid,
        }
    }
}

/// A verified declaration v1 and the evaluation it re-ran to.
#[derive(Debug, Clone)]
pub struct Verified {
    pub declaration: Declaration,
    pub evaluation: Evaluation,
}

/// A declaration of either version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyDeclaration {
    V1(Declaration),
    V2(v2::DeclarationV2),
}

/// A verified declaration of either version, with the exact policy version it re-ran under.
#[derive(Debug, Clone)]
pub struct VerifiedAny<'a> {
    pub declaration: AnyDeclaration,
    pub version: Version<'a>,
}

impl AnyDeclaration {
    pub fn digest(&self) -> &str {
        match self {
            AnyDeclaration::V1(d) => &d.digest,
            AnyDeclaration::V2(d) => d.digest(),
        }
    }
}

/// The schema version a declaration's text says it is, once it names `probity.declaration`.
fn schema_version(value: &serde_json::Value) -> Result<u64, VerifyError> {
    let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or_default().to_string();
    let version = value.get("schema_version").and_then(serde_json::Value::as_u64);
    match version {
        Some(v @ (1 | 2)) if schema == SCHEMA_NAME => Ok(v),
        _ => Err(VerifyError::WrongSchema {
            found: format!("{} v{}", shown(&schema, 40), version.map_or("?".to_string(), |v| v.to_string())),
        }),
    }
}

/// The digest check every version shares: the recorded digest is the one of the rest.
pub(crate) fn check_digest(value: &serde_json::Value) -> Result<(), VerifyError> {
    let recorded = value.get("digest").and_then(|s| s.as_str()).unwrap_or_default().to_string();
    let computed = digest_of_value(&mut value.clone()).map_err(|message| VerifyError::Malformed { message })?;
    if recorded != computed {
        return Err(VerifyError::DigestMismatch { recorded, computed });
    }
    Ok(())
}

/// The time and the declarant, as the widget would have accepted them.
pub(crate) fn check_made(created_at: &str, declarant: Option<&Declarant>) -> Result<(), VerifyError> {
    if !is_rfc3339(created_at) {
        return Err(VerifyError::Malformed {
            message: format!(
                "`created_at` is `{}`, not an RFC 3339 date and time such as 2026-11-22T10:15:00Z",
                shown(created_at, 40)
            ),
        });
    }
    if let Some((field, problem)) = declarant.and_then(|d| d.problems().into_iter().next()) {
        return Err(VerifyError::Declarant { field: field.to_string(), problem });
    }
    Ok(())
}

/// The exact version a declaration names, or why there is none.
pub(crate) fn find_version<'a>(
    versions: &Versions<'a>,
    id: &str,
    version: &str,
    digest: &str,
) -> Result<Version<'a>, VerifyError> {
    match versions.find(id, digest) {
        Lookup::Found(v) => Ok(v),
        Lookup::UnknownVersion => Err(VerifyError::UnknownVersion {
            id: id.to_string(),
            version: shown(version, 60),
            digest: shown(digest, 80),
        }),
        Lookup::UnknownPolicy => Err(VerifyError::UnknownPolicy { id: shown(id, 60) }),
    }
}

/// Re-runs recorded answers through a tree of the policy version.
pub(crate) fn rerun(policy: &Policy, tree: &str, recorded: &[AnswerRecord]) -> Result<Evaluation, VerifyError> {
    let mut answers = BTreeMap::new();
    for a in recorded {
        let fact = policy.fact(&a.fact).ok_or_else(|| VerifyError::Rerun {
            message: format!("policy `{}` asks no fact `{}`", policy.header.id, shown(&a.fact, 60)),
        })?;
        let v = from_json(fact, &a.value.to_json()).map_err(|e| VerifyError::Rerun { message: e.to_string() })?;
        if answers.insert(a.fact.clone(), v).is_some() {
            return Err(VerifyError::Rerun { message: format!("fact `{}` is answered twice", a.fact) });
        }
    }
    evaluate(policy, tree, &answers).map_err(|e| VerifyError::Rerun { message: e.to_string() })
}

/// `Differs` at the first place the rebuilt record and the recorded one part. Their digests are
/// left out of the search: they differ whenever anything else does, and would hide where.
pub(crate) fn differs<T: Serialize>(rebuilt: &T, recorded: &T) -> VerifyError {
    let without_digest = |v: &T| {
        let mut v = serde_json::to_value(v).unwrap_or_default();
        if let Some(map) = v.as_object_mut() {
            map.remove("digest");
        }
        v
    };
    let (a, b) = (without_digest(rebuilt), without_digest(recorded));
    VerifyError::Differs { field: first_difference(&a, &b, String::new()).unwrap_or_else(|| "(unknown)".into()) }
}

/// Verifies a declaration v1's text: digest first, then a re-run against the exact policy
/// version it names (the one in force or an archived one; never another).
pub fn verify(text: &str, versions: &Versions<'_>) -> Result<Verified, VerifyError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| VerifyError::NotJson { message: e.to_string() })?;
    if schema_version(&value)? != 1 {
        return Err(VerifyError::Malformed { message: "this is a declaration v2: verify it with `verify_any`".into() });
    }
    verify_v1(value, versions).map(|(declaration, evaluation, _)| Verified { declaration, evaluation })
}

fn verify_v1<'a>(
    value: serde_json::Value,
    versions: &Versions<'a>,
) -> Result<(Declaration, Evaluation, Version<'a>), VerifyError> {
    check_digest(&value)?;
    let declaration: Declaration =
        serde_json::from_value(value).map_err(|e| VerifyError::Malformed { message: e.to_string() })?;
    check_made(&declaration.created_at, declaration.declarant.as_ref())?;
    let p = &declaration.policy;
    let version = find_version(versions, &p.id, &p.version, &p.digest)?;
    let evaluation = rerun(version.policy, &declaration.tree.id, &declaration.answers)?;
    let mut rebuilt = build(version.policy, &evaluation, declaration.declarant.clone(), &declaration.created_at);
    if rebuilt != declaration {
        first_release_wording(version.policy, &declaration.tree.id, &mut rebuilt.trace, &declaration.trace);
        rebuilt.digest = content_digest(&rebuilt).unwrap_or_default();
    }
    if rebuilt != declaration {
        return Err(differs(&rebuilt, &declaration));
    }
    Ok((declaration, evaluation, version))
}

/// Where a recorded step words its condition as the first released versions did (see
/// [`crate::eval::describe_condition_as_first_released`]), the rebuilt step takes that wording:
/// the same condition in the words the officer's widget used, so the declarations made then
/// still verify. Nothing else is let through: every other field must still match exactly.
fn first_release_wording(policy: &Policy, tree: &str, rebuilt: &mut [TraceRecord], recorded: &[TraceRecord]) {
    let Some(tree) = policy.tree(tree) else { return };
    for (step, was) in rebuilt.iter_mut().zip(recorded) {
        let Some(crate::model::Node::Question(q)) = tree.node(&step.node) else { continue };
        let branch = step.branch.checked_sub(1).and_then(|i| q.branches.get(i));
        if let (Some(branch), Some(fact)) = (branch, policy.fact(&q.fact)) {
            let first = crate::eval::describe_condition_as_first_released(&branch.when, fact);
            if was.condition == first {
                step.condition = first;
            }
        }
    }
}

/// Verifies a declaration of either version against the exact policy version it names.
pub fn verify_any<'a>(text: &str, versions: &Versions<'a>) -> Result<VerifiedAny<'a>, VerifyError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| VerifyError::NotJson { message: e.to_string() })?;
    match schema_version(&value)? {
        1 => verify_v1(value, versions)
            .map(|(d, _, version)| VerifiedAny { declaration: AnyDeclaration::V1(d), version }),
        _ => {
            v2::verify(value, versions).map(|(d, version)| VerifiedAny { declaration: AnyDeclaration::V2(d), version })
        }
    }
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
pub(crate) fn shown(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or_default()),
        None => s.to_string(),
    }
}

/// A character a reader cannot see, or one that reorders how the text around it is shown
/// (control characters such as NUL or a line break, and Unicode's bidirectional controls), so
/// a name on screen or paper could differ from the name in the file.
pub(crate) fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// What a verified declaration proves and what it does not, in the words every place that shows
/// one uses (the CLI's `verify` and `register`, the README, the register page).
pub const WHAT_THE_DIGEST_PROVES: &str = "The digest shows the record is unchanged since it was sealed (or was \
     resealed), and the re-run shows its verdict, amounts, clauses and trace are what the named policy version \
     gives for its answers. It is not a signature: it does not prove who made the declaration, when, or that the \
     answers and details are true.";

/// The JSON Schema of declaration v1.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Declaration);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
