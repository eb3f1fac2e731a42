//! Versions that keep verifying: every released version of a policy is kept, so a declaration
//! is always checked against the exact version it names, and a declaration naming a version
//! that is not kept is reported as unknown, never checked against another.
//!
//! An archived version is one JSON file, `policies/archive/<id>/<first 16 hex digits of its
//! digest>.json`, holding exactly what the policy's digest was computed over (`policy`: the
//! policy as written; `facts`: the facts its trees ask, as they were worded then; `records`:
//! its record fields, when it has any) and, beside it, `archived`: when and where it was
//! released, which the digest does not cover. So an archived file proves its own identity: its
//! digest is recomputed from its content on every load, and is the digest the declarations made
//! under it carry. It needs no vocabulary of its own, so later vocabulary edits cannot change it.
//!
//! The versions from before this archive existed were recovered from git (see
//! `scripts/archive-history.sh`); the first of them were released when a policy's digest also
//! covered its scenario cases, and their files keep those cases, as the digest did.

use crate::check::{check_archived, digest_input};
use crate::diag::Diagnostic;
use crate::model::{Fact, Policy, Vocabulary};
use crate::raw::RawPolicy;
use crate::records::RecordField;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Always `probity.archived-policy`.
pub const SCHEMA: &str = "probity.archived-policy";

/// What the archive says about a version, outside its digest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveInfo {
    pub schema: String,
    /// The day the version was first released (`YYYY-MM-DD`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released: Option<String>,
    /// The git commit it was first released in, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// How the version was kept ("recovered from git history", "archived before an edit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The topics as the vocabulary listed them then, for showing the version's trees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<(String, String)>,
}

/// An archived version, checked and ready to re-run declarations.
#[derive(Debug, Clone)]
pub struct Archived {
    /// The policy; its `digest` is the archive file's own.
    pub policy: Policy,
    pub info: ArchiveInfo,
}

/// Why an archive file cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub enum ArchiveError {
    NotJson(String),
    Shape(String),
    /// The version does not check even relaxed; the diagnostics say why.
    DoesNotCheck(Vec<Diagnostic>),
}

impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArchiveError::NotJson(m) => write!(f, "the archive file is not JSON: {m}"),
            ArchiveError::Shape(m) => write!(f, "the archive file is not an archived policy: {m}"),
            ArchiveError::DoesNotCheck(d) => {
                let first = d.iter().find(|d| d.is_error()).map(|d| format!("{}: {}", d.code, d.message));
                write!(f, "the archived version does not check: {}", first.unwrap_or_default())
            }
        }
    }
}

/// The file name an archived version is kept under: the first 16 hex digits of its digest.
pub fn file_name(digest: &str) -> String {
    let hex = digest.strip_prefix("sha256:").unwrap_or(digest);
    format!("{}.json", hex.get(..16).unwrap_or(hex))
}

/// The archive file for a checked policy: the digest input and `archived`. With `keep_cases`
/// the policy keeps its scenario cases inside the digest, as the first released versions did
/// (only the recovery of those uses it). Returns the JSON and the digest it proves.
pub fn entry(raw: &RawPolicy, policy: &Policy, mut info: ArchiveInfo, keep_cases: bool) -> (serde_json::Value, String) {
    let mut value = digest_input(raw, &policy.facts, &policy.records);
    if keep_cases {
        if let Some(map) = value.as_object_mut() {
            map.insert("policy".into(), serde_json::to_value(raw).unwrap_or_default());
        }
    }
    let digest = crate::jcs::digest_of(&value).unwrap_or_default();
    info.schema = SCHEMA.to_string();
    if info.topics.is_empty() {
        info.topics = policy.topics.clone();
    }
    if let Some(map) = value.as_object_mut() {
        map.insert("archived".into(), serde_json::to_value(&info).unwrap_or_default());
    }
    (value, digest)
}

/// Reads an archive file: recomputes its digest from its content and checks the version
/// relaxed ([`check_archived`]), so only its own rules decide what its declarations re-run to.
pub fn load(text: &str, label: &str) -> Result<Archived, ArchiveError> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| ArchiveError::NotJson(e.to_string()))?;
    let map = value.as_object_mut().ok_or_else(|| ArchiveError::Shape("not a JSON object".into()))?;
    let info_value = map.remove("archived").ok_or_else(|| ArchiveError::Shape("no `archived` member".into()))?;
    let info: ArchiveInfo = serde_json::from_value(info_value).map_err(|e| ArchiveError::Shape(e.to_string()))?;
    if info.schema != SCHEMA {
        return Err(ArchiveError::Shape(format!("`archived.schema` is not `{SCHEMA}`")));
    }
    if let Some(extra) = map.keys().find(|k| !["policy", "facts", "records"].contains(&k.as_str())) {
        return Err(ArchiveError::Shape(format!("unknown member `{extra}`")));
    }
    let digest = crate::jcs::digest_of(&value).map_err(|e| ArchiveError::Shape(e.to_string()))?;
    let raw: RawPolicy = serde_json::from_value(value.get("policy").cloned().unwrap_or_default())
        .map_err(|e| ArchiveError::Shape(format!("`policy`: {e}")))?;
    let facts: BTreeMap<String, Fact> = serde_json::from_value(value.get("facts").cloned().unwrap_or_default())
        .map_err(|e| ArchiveError::Shape(format!("`facts`: {e}")))?;
    let records: BTreeMap<String, RecordField> = match value.get("records") {
        Some(r) => serde_json::from_value(r.clone()).map_err(|e| ArchiveError::Shape(format!("`records`: {e}")))?,
        None => BTreeMap::new(),
    };
    let vocabulary = Vocabulary { facts, topics: info.topics.clone(), records };
    let checked = check_archived(&raw, &vocabulary, label);
    let mut policy = checked.value.ok_or(ArchiveError::DoesNotCheck(checked.diagnostics))?;
    policy.digest = digest;
    Ok(Archived { policy, info })
}

/// Where a declaration's version was found.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub policy: &'a Policy,
    /// `None` for the policy in force; the archive's note for a kept earlier version.
    pub archived: Option<&'a ArchiveInfo>,
}

impl Version<'_> {
    pub fn is_current(&self) -> bool {
        self.archived.is_none()
    }

    /// "made under Kent County Council, The Kent Code, version September 2007, effective 10
    /// October 2007 (the version in force)", as `verify` and the register say it.
    pub fn made_under(&self) -> String {
        let which = match self.archived {
            None => "the version in force".to_string(),
            Some(info) => match info.released.as_deref().and_then(|d| crate::dates::parse_iso(d).ok()) {
                Some(d) => format!("an earlier version, released {}, kept in the archive", crate::dates::long(d)),
                None => "an earlier version, kept in the archive".to_string(),
            },
        };
        format!("made under {} ({which}; policy digest {})", self.policy.version_in_words(), short(&self.policy.digest))
    }
}

/// `sha256:` and the first 16 hex digits, for people.
pub fn short(digest: &str) -> String {
    digest.get(..23).unwrap_or(digest).to_string()
}

/// The outcome of looking a declaration's policy version up.
#[derive(Debug, Clone, Copy)]
pub enum Lookup<'a> {
    Found(Version<'a>),
    /// The policy is known but not this version of it.
    UnknownVersion,
    UnknownPolicy,
}

/// Every version a verifier knows: the policies in force and the archived ones.
#[derive(Debug, Clone, Copy)]
pub struct Versions<'a> {
    pub current: &'a BTreeMap<String, Policy>,
    pub archived: &'a [Archived],
}

impl<'a> Versions<'a> {
    /// Only the policies in force (a verifier with no archive).
    pub fn current(current: &'a BTreeMap<String, Policy>) -> Self {
        Versions { current, archived: &[] }
    }

    /// The exact version of policy `id` whose digest is `digest`; never another.
    pub fn find(&self, id: &str, digest: &str) -> Lookup<'a> {
        if let Some(p) = self.current.get(id).filter(|p| p.digest == digest) {
            return Lookup::Found(Version { policy: p, archived: None });
        }
        if let Some(a) = self.archived.iter().find(|a| a.policy.header.id == id && a.policy.digest == digest) {
            return Lookup::Found(Version { policy: &a.policy, archived: Some(&a.info) });
        }
        let known = self.current.contains_key(id) || self.archived.iter().any(|a| a.policy.header.id == id);
        if known {
            Lookup::UnknownVersion
        } else {
            Lookup::UnknownPolicy
        }
    }

    /// Every version of policy `id` known here, the one in force first.
    pub fn of(&self, id: &str) -> Vec<Version<'a>> {
        let current = self.current.get(id).map(|p| Version { policy: p, archived: None });
        let archived = self
            .archived
            .iter()
            .filter(|a| a.policy.header.id == id)
            .map(|a| Version { policy: &a.policy, archived: Some(&a.info) });
        current.into_iter().chain(archived).collect()
    }
}

/// An archived version the policy in force cannot be told apart from by its name: a different
/// digest under the same version and effective date. Declarations still name the exact version
/// by digest, but people read the name and date, so an edit must give a new effective date.
pub fn name_clash(current: &Policy, archived: &[Archived]) -> Option<Diagnostic> {
    let h = &current.header;
    let clash = archived.iter().find(|a| {
        let o = &a.policy.header;
        o.id == h.id && o.version == h.version && o.effective == h.effective && a.policy.digest != current.digest
    })?;
    Some(Diagnostic::new(
        crate::diag::Code::L023,
        crate::diag::Location { policy: h.id.clone(), detail: Some("[policy] effective".into()), ..Default::default() },
        format!(
            "the policy differs from its archived version {} but keeps its version `{}` and effective date",
            short(&clash.policy.digest),
            h.version
        ),
        "give the edited policy a new `effective` date (and `version`, if the code itself changed), so people can tell the versions apart",
    ))
}
