//! Declaration v2: v1's record of an answer, plus what a register needs — the record details
//! (who offered what, when, what was done) and the policy version it was made under (version,
//! effective date, digest) — all inside the digest. And a second kind, the declaration of
//! interests the codes ask for (Kent Appendix 1, annually; Oxfordshire 56-57, on appointment,
//! nil when there is nothing, again when an interest changes): a list of interests, each
//! checked against the council's interests tree, or a nil declaration.
//!
//! What the digest proves is what it proves for v1 ([`super::WHAT_THE_DIGEST_PROVES`]).

use super::{
    check_digest, check_made, differs, find_version, rerun, walk_records, AnswerRecord, Declarant, OutcomeRecord,
    TraceRecord, TreeRef, VerifyError, SCHEMA_NAME,
};
use crate::archive::{Version, Versions};
use crate::eval::Evaluation;
use crate::model::Policy;
use crate::records::{check_details, entered_of, Detail, DetailProblem, Occasion};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 2;

/// The policy version a declaration was made under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyVersionRef {
    pub id: String,
    pub council: String,
    pub title: String,
    pub version: String,
    /// The day the version took effect (`YYYY-MM-DD`); null for an archived version from before
    /// policies carried one.
    pub effective: Option<String>,
    /// The version's content digest, `sha256:…`: the exact version, whatever its name says.
    pub digest: String,
}

impl PolicyVersionRef {
    pub fn of(policy: &Policy) -> Self {
        PolicyVersionRef {
            id: policy.header.id.clone(),
            council: policy.header.council.clone(),
            title: policy.header.title.clone(),
            version: policy.header.version.clone(),
            effective: policy.header.effective.clone(),
            digest: policy.digest.clone(),
        }
    }
}

/// Always `answer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Answer,
}

/// Always `interests`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InterestsKind {
    Interests,
}

/// One question answered, with the details its register needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Probity declaration v2: an answer")]
pub struct AnswerDeclaration {
    /// Always `probity.declaration`.
    pub schema: String,
    /// Always 2 for this version.
    pub schema_version: u32,
    pub kind: AnswerKind,
    pub policy: PolicyVersionRef,
    pub tree: TreeRef,
    /// Every answer on the path, in the order asked.
    pub answers: Vec<AnswerRecord>,
    pub outcome: OutcomeRecord,
    pub trace: Vec<TraceRecord>,
    /// The record details, in the order the tree asks them (empty when its register needs none).
    pub details: Vec<Detail>,
    pub declarant: Option<Declarant>,
    /// When the declaration was made, as given by the caller (RFC 3339).
    pub created_at: String,
    /// `sha256:` and the hex SHA-256 of the RFC 8785 canonical JSON of every other member.
    pub digest: String,
}

/// One interest in a declaration of interests: the interests tree's answers and outcome for it
/// (must it be declared, and to whom) and its details (the body or person, the interest, whose).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterestRecord {
    pub answers: Vec<AnswerRecord>,
    pub outcome: OutcomeRecord,
    pub trace: Vec<TraceRecord>,
    pub details: Vec<Detail>,
}

/// The declaration of interests the code asks for: every interest, or none (a nil declaration).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Probity declaration v2: a declaration of interests")]
pub struct InterestsDeclaration {
    pub schema: String,
    pub schema_version: u32,
    pub kind: InterestsKind,
    pub policy: PolicyVersionRef,
    /// The tree each interest was checked against.
    pub tree: TreeRef,
    /// When the code asks it: `annual`, `on_appointment` or `on_change`.
    pub occasion: Occasion,
    /// True when there is nothing to declare (and `interests` is empty).
    pub nil: bool,
    pub interests: Vec<InterestRecord>,
    pub declarant: Option<Declarant>,
    pub created_at: String,
    pub digest: String,
}

/// A declaration v2 of either kind.
// Built once per export and read once per check, so the answer variant's size costs nothing
// worth a box that every reader would have to see through.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(
    title = "Probity declaration v2",
    description = "One officer's answer to one question of their council's code of conduct with the details a register needs, or their declaration of interests; with the exact policy version it was made under"
)]
pub enum DeclarationV2 {
    Answer(AnswerDeclaration),
    Interests(InterestsDeclaration),
}

impl DeclarationV2 {
    pub fn digest(&self) -> &str {
        match self {
            DeclarationV2::Answer(d) => &d.digest,
            DeclarationV2::Interests(d) => &d.digest,
        }
    }

    pub fn policy(&self) -> &PolicyVersionRef {
        match self {
            DeclarationV2::Answer(d) => &d.policy,
            DeclarationV2::Interests(d) => &d.policy,
        }
    }

    pub fn declarant(&self) -> Option<&Declarant> {
        match self {
            DeclarationV2::Answer(d) => d.declarant.as_ref(),
            DeclarationV2::Interests(d) => d.declarant.as_ref(),
        }
    }

    pub fn created_at(&self) -> &str {
        match self {
            DeclarationV2::Answer(d) => &d.created_at,
            DeclarationV2::Interests(d) => &d.created_at,
        }
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a declaration v2 cannot be built from what was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// `created_at` is not an RFC 3339 time.
    Time(String),
    /// The details typed, field by field (show each beside its field).
    Details(Vec<DetailProblem>),
    /// The policy asks no declaration of interests, or not on this occasion, or no nil one.
    NotAsked(String),
    /// An interest was evaluated against another tree than the policy's interests tree.
    WrongTree(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Time(t) => write!(f, "`{t}` is not an RFC 3339 time, such as 2026-11-22T10:15:00Z"),
            BuildError::Details(p) => {
                let each: Vec<String> = p.iter().map(|p| format!("`{}`: {}", p.field, p.message)).collect();
                write!(f, "the details have problems: {}", each.join("; "))
            }
            BuildError::NotAsked(m) | BuildError::WrongTree(m) => f.write_str(m),
        }
    }
}

fn made_on(created_at: &str) -> Result<time::Date, BuildError> {
    crate::dates::date_of_rfc3339(created_at).ok_or_else(|| BuildError::Time(created_at.to_string()))
}

fn seal_answer(mut d: AnswerDeclaration) -> AnswerDeclaration {
    d.digest = String::new();
    d.digest = digest_of(&d);
    d
}

fn seal_interests(mut d: InterestsDeclaration) -> InterestsDeclaration {
    d.digest = String::new();
    d.digest = digest_of(&d);
    d
}

fn digest_of<T: Serialize>(d: &T) -> String {
    let mut value = serde_json::to_value(d).unwrap_or_default();
    super::digest_of_value(&mut value).unwrap_or_default()
}

/// Builds and seals a declaration v2 of one answer. `details` is what the officer typed on the
/// "Record this" page (field id → text); they are checked as [`check_details`] checks them,
/// measured against the day of `created_at` (the caller's clock: the core reads none).
pub fn build_answer(
    policy: &Policy,
    evaluation: &Evaluation,
    details: &std::collections::BTreeMap<String, String>,
    declarant: Option<Declarant>,
    created_at: &str,
) -> Result<AnswerDeclaration, BuildError> {
    let details =
        check_details(policy, &evaluation.tree, details, made_on(created_at)?).map_err(BuildError::Details)?;
    let (answers, outcome, trace) = walk_records(evaluation);
    let tree_title = policy.tree(&evaluation.tree).map(|t| t.title.clone()).unwrap_or_default();
    Ok(seal_answer(AnswerDeclaration {
        schema: SCHEMA_NAME.to_string(),
        schema_version: SCHEMA_VERSION,
        kind: AnswerKind::Answer,
        policy: PolicyVersionRef::of(policy),
        tree: TreeRef { id: evaluation.tree.clone(), title: tree_title },
        answers,
        outcome,
        trace,
        details,
        declarant: declarant.and_then(Declarant::normalised),
        created_at: created_at.to_string(),
        digest: String::new(),
    }))
}

/// Whether the policy asks a declaration of interests on this occasion, and its tree.
pub fn interests_tree(policy: &Policy, occasion: Occasion) -> Result<&str, BuildError> {
    let council = &policy.header.council;
    let rule = policy
        .interests_declaration
        .as_ref()
        .filter(|r| r.asked)
        .ok_or_else(|| BuildError::NotAsked(format!("{council}'s code asks no declaration of interests")))?;
    if !rule.when.contains(&occasion) {
        let asked: Vec<&str> = rule.when.iter().map(|o| o.id()).collect();
        return Err(BuildError::NotAsked(format!(
            "{council}'s code does not ask a declaration `{}`: it asks one {}",
            occasion.id(),
            asked.join(", ")
        )));
    }
    rule.tree.as_deref().ok_or_else(|| BuildError::NotAsked(format!("{council}'s policy names no interests tree")))
}

/// Builds and seals a declaration of interests: each interest is its evaluation of the
/// policy's interests tree and the details typed for it; no interests makes a nil
/// declaration, which only a code that asks one allows. Problems with an interest's details
/// name the interest (`2.interest_body`).
pub fn build_interests(
    policy: &Policy,
    occasion: Occasion,
    interests: &[(Evaluation, std::collections::BTreeMap<String, String>)],
    declarant: Option<Declarant>,
    created_at: &str,
) -> Result<InterestsDeclaration, BuildError> {
    let tree_id = interests_tree(policy, occasion)?;
    let nil_allowed = policy.interests_declaration.as_ref().is_some_and(|r| r.nil);
    if interests.is_empty() && !nil_allowed {
        return Err(BuildError::NotAsked(format!(
            "{}'s code asks for no nil declaration: list at least one interest",
            policy.header.council
        )));
    }
    let day = made_on(created_at)?;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, (evaluation, typed)) in interests.iter().enumerate() {
        if evaluation.tree != tree_id {
            return Err(BuildError::WrongTree(format!(
                "interest {} was answered with tree `{}`, not the interests tree `{tree_id}`",
                i.saturating_add(1),
                evaluation.tree
            )));
        }
        match check_details(policy, tree_id, typed, day) {
            Ok(details) => {
                let (answers, outcome, trace) = walk_records(evaluation);
                records.push(InterestRecord { answers, outcome, trace, details });
            }
            Err(p) => {
                problems.extend(p.into_iter().map(|p| DetailProblem {
                    field: format!("{}.{}", i.saturating_add(1), p.field),
                    message: p.message,
                }))
            }
        }
    }
    if !problems.is_empty() {
        return Err(BuildError::Details(problems));
    }
    let tree_title = policy.tree(tree_id).map(|t| t.title.clone()).unwrap_or_default();
    Ok(seal_interests(InterestsDeclaration {
        schema: SCHEMA_NAME.to_string(),
        schema_version: SCHEMA_VERSION,
        kind: InterestsKind::Interests,
        policy: PolicyVersionRef::of(policy),
        tree: TreeRef { id: tree_id.to_string(), title: tree_title },
        occasion,
        nil: records.is_empty(),
        interests: records,
        declarant: declarant.and_then(Declarant::normalised),
        created_at: created_at.to_string(),
        digest: String::new(),
    }))
}

/// The details re-checked against the version's own fields: same values, same labels and
/// wording, nothing the widget would have refused. `at` names the interest (`1.`), or is empty.
fn recheck(policy: &Policy, tree: &str, details: &[Detail], created_at: &str, at: &str) -> Result<(), VerifyError> {
    let day = crate::dates::date_of_rfc3339(created_at)
        .ok_or_else(|| VerifyError::Malformed { message: "`created_at` is not an RFC 3339 time".into() })?;
    let rebuilt = check_details(policy, tree, &entered_of(details), day).map_err(|p| {
        let first = p.into_iter().next();
        VerifyError::Details {
            field: format!("{at}{}", first.as_ref().map_or("", |p| p.field.as_str())),
            problem: first.map_or_else(String::new, |p| p.message),
        }
    })?;
    if rebuilt != details {
        let path = match at.trim_end_matches('.').parse::<usize>() {
            Ok(n) => format!("/interests/{}/details", n.saturating_sub(1)),
            Err(_) => "/details".to_string(),
        };
        return Err(match differs(&rebuilt, &details.to_vec()) {
            VerifyError::Differs { field } => VerifyError::Differs { field: format!("{path}{field}") },
            other => other,
        });
    }
    Ok(())
}

/// Verifies a declaration v2 (already read as JSON): digest, time and declarant, then the exact
/// policy version it names, the re-run of every answer and the re-check of every detail.
pub(super) fn verify<'a>(
    value: serde_json::Value,
    versions: &Versions<'a>,
) -> Result<(DeclarationV2, Version<'a>), VerifyError> {
    check_digest(&value)?;
    let kind = value.get("kind").and_then(|k| k.as_str()).unwrap_or_default().to_string();
    let malformed = |e: serde_json::Error| VerifyError::Malformed { message: e.to_string() };
    let declaration = match kind.as_str() {
        "answer" => DeclarationV2::Answer(serde_json::from_value(value).map_err(malformed)?),
        "interests" => DeclarationV2::Interests(serde_json::from_value(value).map_err(malformed)?),
        other => {
            return Err(VerifyError::Malformed {
                message: format!("`kind` is `{}`, not `answer` or `interests`", super::shown(other, 40)),
            })
        }
    };
    check_made(declaration.created_at(), declaration.declarant())?;
    let p = declaration.policy();
    let version = find_version(versions, &p.id, &p.version, &p.digest)?;
    let policy = version.policy;
    match &declaration {
        DeclarationV2::Answer(d) => {
            let evaluation = rerun(policy, &d.tree.id, &d.answers)?;
            recheck(policy, &d.tree.id, &d.details, &d.created_at, "")?;
            let rebuilt = seal_answer(AnswerDeclaration {
                policy: PolicyVersionRef::of(policy),
                tree: TreeRef {
                    id: evaluation.tree.clone(),
                    title: policy.tree(&evaluation.tree).map(|t| t.title.clone()).unwrap_or_default(),
                },
                ..rebuilt_answer(d, &evaluation)
            });
            if &rebuilt != d {
                return Err(differs(&rebuilt, d));
            }
        }
        DeclarationV2::Interests(d) => {
            let occasion_tree =
                interests_tree(policy, d.occasion).map_err(|e| VerifyError::Interests { message: e.to_string() })?;
            if occasion_tree != d.tree.id {
                return Err(VerifyError::Interests {
                    message: format!("the interests tree is `{occasion_tree}`, not `{}`", super::shown(&d.tree.id, 40)),
                });
            }
            if d.nil != d.interests.is_empty() {
                return Err(VerifyError::Interests {
                    message: "`nil` must be true exactly when no interest is listed".into(),
                });
            }
            if d.nil && !policy.interests_declaration.as_ref().is_some_and(|r| r.nil) {
                return Err(VerifyError::Interests { message: "the code asks for no nil declaration".into() });
            }
            let mut rebuilt_items = Vec::new();
            for (i, item) in d.interests.iter().enumerate() {
                let evaluation = rerun(policy, &d.tree.id, &item.answers)?;
                recheck(policy, &d.tree.id, &item.details, &d.created_at, &format!("{}.", i.saturating_add(1)))?;
                let (answers, outcome, trace) = walk_records(&evaluation);
                rebuilt_items.push(InterestRecord { answers, outcome, trace, details: item.details.clone() });
            }
            let rebuilt = seal_interests(InterestsDeclaration {
                policy: PolicyVersionRef::of(policy),
                tree: TreeRef {
                    id: d.tree.id.clone(),
                    title: policy.tree(&d.tree.id).map(|t| t.title.clone()).unwrap_or_default(),
                },
                interests: rebuilt_items,
                declarant: d.declarant.clone().and_then(Declarant::normalised),
                schema: SCHEMA_NAME.to_string(),
                schema_version: SCHEMA_VERSION,
                kind: InterestsKind::Interests,
                digest: String::new(),
                ..d.clone()
            });
            if &rebuilt != d {
                return Err(differs(&rebuilt, d));
            }
        }
    }
    Ok((declaration, version))
}

/// The answer declaration as the re-run makes it, keeping what the re-run cannot make (the
/// details, already re-checked, the declarant and the time).
fn rebuilt_answer(d: &AnswerDeclaration, evaluation: &Evaluation) -> AnswerDeclaration {
    let (answers, outcome, trace) = walk_records(evaluation);
    AnswerDeclaration {
        schema: SCHEMA_NAME.to_string(),
        schema_version: SCHEMA_VERSION,
        kind: AnswerKind::Answer,
        policy: d.policy.clone(),
        tree: d.tree.clone(),
        answers,
        outcome,
        trace,
        details: d.details.clone(),
        declarant: d.declarant.clone().and_then(Declarant::normalised),
        created_at: d.created_at.clone(),
        digest: String::new(),
    }
}

/// The JSON Schema of declaration v2.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(DeclarationV2);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
