//! Raw → checked: turns the files as written into a [`Policy`] that can be evaluated, and
//! reports every problem on the way (see [`crate::diag::Code`] for the list).

use crate::diag::{Code, Diagnostic, Location, Reporter};
use crate::eval::{evaluate, Evaluation};
use crate::model::*;
use crate::money::Rounding;
use crate::partition::{contains, describe_run, first_of, holds_on, index_runs, numeric_domain, representatives};
use crate::raw::*;
use crate::value::{from_json, Value};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

mod amounts;
mod cases;
mod conditions;
mod coverage;
mod graph;
mod header;
mod kind;
pub mod limits;
mod outcome;
pub mod phone;
mod records;
mod tree;
mod vocabulary;

use amounts::{check_amount_facts, max_multiply, parse_bound_text};
use cases::check_cases;
pub use cases::run_case;
use conditions::convert_condition;
use coverage::check_coverage;
use graph::check_graph;
use header::check_header;
use outcome::check_outcome;
use tree::check_tree;
pub use vocabulary::check_vocabulary;

pub use limits::Limits;

/// Builds a location within the tree being checked.
type LocateIn<'a> = dyn Fn(&Reporter, Option<&str>, Option<String>) -> crate::diag::Location + 'a;

/// The result of checking: the policy when there was no error, and every diagnostic either way.
#[derive(Debug, Clone)]
pub struct Checked<T> {
    pub value: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// The 1-based number of the `i`th item, as diagnostics name it ("branch 1").
fn ordinal(i: usize) -> usize {
    i.saturating_add(1)
}

pub(crate) fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// How strict checking is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// Run the scenario cases (L016) and require every outcome to be reached by one (L017). On
    /// for authors (`probity lint`); off in the widget, which carries the policies without their
    /// cases, and in `probity diff`, which compares an edit before its cases are brought up to date.
    pub require_cases: bool,
}

impl CheckOptions {
    /// The options a policy shipped without its scenario cases is checked with: a bundle written
    /// `probity bundle --without-cases` (the widget's and the register page's policies in force)
    /// or a council's own published file (`policy-src`). Its cases are not there to run, so they
    /// are not required; every other check is made as `probity lint` makes it. Its digest is the
    /// same as with the cases, since a version's digest does not cover them.
    pub const WITHOUT_CASES: CheckOptions = CheckOptions { require_cases: false };
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions { require_cases: true }
    }
}

/// Checks a policy against the vocabulary.
///
/// `label` names the policy in diagnostics when its header is unusable (normally the file name).
pub fn check_policy(raw: &RawPolicy, vocabulary: &Vocabulary, label: &str) -> Checked<Policy> {
    check_policy_with(raw, vocabulary, label, CheckOptions::default())
}

/// [`check_policy`] with options.
pub fn check_policy_with(
    raw: &RawPolicy,
    vocabulary: &Vocabulary,
    label: &str,
    options: CheckOptions,
) -> Checked<Policy> {
    check_policy_with_limits(raw, vocabulary, label, options, Limits::DEFAULT)
}

/// [`check_policy_with`] against other size limits (L022); tests lift them to measure how
/// checking scales.
pub fn check_policy_with_limits(
    raw: &RawPolicy,
    vocabulary: &Vocabulary,
    label: &str,
    options: CheckOptions,
    limits: Limits,
) -> Checked<Policy> {
    let policy_name = if raw.policy.id.trim().is_empty() { label.to_string() } else { raw.policy.id.clone() };
    check_into(raw, vocabulary, options, limits, Reporter::new(policy_name))
}

/// Checks an archived version of a policy so that declarations made under it can be re-run:
/// relaxed as [`Reporter::relaxed`] says (a tree without a kind is read as a permission tree,
/// which is how verdicts were worded before trees had kinds), without running its cases.
pub fn check_archived(raw: &RawPolicy, vocabulary: &Vocabulary, label: &str) -> Checked<Policy> {
    let policy_name = if raw.policy.id.trim().is_empty() { label.to_string() } else { raw.policy.id.clone() };
    check_into(raw, vocabulary, CheckOptions { require_cases: false }, Limits::DEFAULT, Reporter::relaxed(policy_name))
}

fn check_into(
    raw: &RawPolicy,
    vocabulary: &Vocabulary,
    options: CheckOptions,
    limits: Limits,
    mut r: Reporter,
) -> Checked<Policy> {
    // Too large to check quickly: say so and stop, before any work that grows with the size.
    if !limits::policy(raw, &limits, &mut r) {
        return Checked { value: None, diagnostics: r.diagnostics };
    }
    check_header(&raw.policy, &mut r);
    records::effective(&raw.policy, &mut r);
    for (reference, text) in &raw.clauses {
        if text.trim().is_empty() {
            r.push(
                Code::L015,
                r.at(None, None, Some(format!("clause `{reference}`"))),
                format!("clause `{reference}` has no text"),
                "quote the clause exactly as the code words it",
            );
        }
    }
    if raw.trees.is_empty() {
        r.push(Code::L015, r.at(None, None, None), "the policy has no trees", "add at least one [trees.<id>] table");
    }

    let mut trees = BTreeMap::new();
    let mut used_facts = BTreeSet::new();
    let mut cited = BTreeSet::new();
    for (tree_id, raw_tree) in &raw.trees {
        if let Some(tree) = check_tree(tree_id, raw_tree, raw, vocabulary, &limits, &mut r, &mut cited) {
            for f in tree.facts() {
                used_facts.insert(f.to_string());
            }
            for node in tree.nodes.values() {
                if let Node::Outcome(o) = node {
                    for a in &o.amounts {
                        used_facts.insert(a.fact.clone());
                    }
                }
            }
            trees.insert(tree_id.clone(), tree);
        }
    }
    let interests_declaration =
        records::interests_declaration(raw.interests_declaration.as_ref(), &trees, &raw.clauses, &mut r, &mut cited);
    for reference in raw.clauses.keys() {
        if !cited.contains(reference) {
            r.push(
                Code::L013,
                r.at(None, None, Some(format!("clause `{reference}`"))),
                format!("clause `{reference}` is never cited"),
                "cite it from the outcome or question it bears on, or remove it if it rules on nothing this tool asks",
            );
        }
    }
    if r.has_errors() {
        return Checked { value: None, diagnostics: r.diagnostics };
    }

    let facts: BTreeMap<String, Fact> =
        used_facts.iter().filter_map(|id| vocabulary.facts.get(id).map(|f| (id.clone(), f.clone()))).collect();
    let records: BTreeMap<String, crate::records::RecordField> = trees
        .values()
        .flat_map(|t| t.record.iter())
        .filter_map(|u| vocabulary.records.get(&u.field).map(|f| (u.field.clone(), f.clone())))
        .collect();
    let digest = match policy_digest(raw, &facts, &records) {
        Ok(d) => d,
        Err(e) => {
            r.push(Code::P001, r.at(None, None, None), e, "write every amount as text, for example \"25.50\"");
            return Checked { value: None, diagnostics: r.diagnostics };
        }
    };
    let policy = Policy {
        header: Header {
            id: raw.policy.id.clone(),
            council: raw.policy.council.clone(),
            title: raw.policy.title.clone(),
            version: raw.policy.version.clone(),
            source: raw.policy.source.clone(),
            note: raw.policy.note.clone(),
            scope: raw.policy.scope.clone(),
            effective: raw.policy.effective.clone(),
        },
        clauses: raw.clauses.clone(),
        trees,
        facts,
        topics: vocabulary.topics.clone(),
        records,
        interests_declaration,
        digest,
    };
    check_cases(&policy, raw, options, &mut r);
    let value = if r.has_errors() { None } else { Some(policy) };
    Checked { value, diagnostics: r.diagnostics }
}

/// The policy's content digest: the canonical JSON of the policy as written (less its scenario
/// cases, which test the rules but are not rules), of the facts its trees ask and of the record
/// fields they name. A change to any rule, clause, wording, fact or field gives a different
/// digest, whatever the file format.
pub fn policy_digest(
    raw: &RawPolicy,
    facts: &BTreeMap<String, Fact>,
    records: &BTreeMap<String, crate::records::RecordField>,
) -> Result<String, String> {
    crate::jcs::digest_of(&digest_input(raw, facts, records)).map_err(|e| e.to_string())
}

/// What [`policy_digest`] hashes: `{"policy", "facts"}`, and `"records"` only when the policy
/// names some, so the versions from before record fields existed keep the digests they had.
/// An archived version keeps exactly this object (see [`crate::archive`]).
pub fn digest_input(
    raw: &RawPolicy,
    facts: &BTreeMap<String, Fact>,
    records: &BTreeMap<String, crate::records::RecordField>,
) -> serde_json::Value {
    let mut rules = raw.clone();
    for tree in rules.trees.values_mut() {
        tree.cases.clear();
    }
    let mut value = serde_json::json!({ "policy": rules, "facts": facts });
    if let (false, Some(map)) = (records.is_empty(), value.as_object_mut()) {
        map.insert("records".into(), serde_json::to_value(records).unwrap_or_default());
    }
    value
}
