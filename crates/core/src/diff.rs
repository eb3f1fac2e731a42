//! The exact change report between two versions of a policy: every region of answers whose
//! outcome changes, with a witness for each, and the trees, nodes and clauses added or removed.
//!
//! Exact, not sampled: the two versions of a tree are walked side by side over the same finite
//! set of representative answers ([`crate::partition::representatives`] over the conditions of
//! *both* versions), so every combination of answers along every pair of paths is compared. Two
//! answers between the same neighbouring bounds always take the same branches in both versions,
//! so a region found here is a whole region, and a region not found does not change.

use crate::model::{Condition, Fact, FactKind, Node, OutcomeNode, Policy, Tree};
use crate::partition::{describe_run, first_matches, representatives, runs};
use crate::value::Value;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How many paired paths one tree may have before the report gives up on it (a guard against a
/// crafted policy; the five real policies have at most a few hundred).
const MAX_FRAMES: usize = 200_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyDiff {
    pub policy: String,
    pub old_version: String,
    pub new_version: String,
    pub trees_added: Vec<String>,
    pub trees_removed: Vec<String>,
    pub clauses_added: Vec<String>,
    pub clauses_removed: Vec<String>,
    pub clauses_changed: Vec<ClauseChange>,
    pub trees: Vec<TreeDiff>,
}

impl PolicyDiff {
    /// True when the two versions give every officer the same answers, worded the same.
    pub fn is_empty(&self) -> bool {
        self.trees_added.is_empty()
            && self.trees_removed.is_empty()
            && self.clauses_added.is_empty()
            && self.clauses_removed.is_empty()
            && self.clauses_changed.is_empty()
            && self.trees.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClauseChange {
    pub reference: String,
    pub old: String,
    pub new: String,
    /// `tree › outcome` of every outcome (in the new version) that quotes it.
    pub quoted_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreeDiff {
    pub tree: String,
    pub title: String,
    pub nodes_added: Vec<String>,
    pub nodes_removed: Vec<String>,
    /// Questions whose wording, hint or citations changed (`node: what`).
    pub questions_changed: Vec<String>,
    /// The tree's title, kind or walk limit, where changed.
    pub header_changed: Vec<String>,
    pub regions: Vec<Region>,
    /// Why regions could not be compared, when they could not (e.g. a fact changed type).
    pub not_compared: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// The answers that make up the region, fact by fact, in words.
    pub answers: Vec<RegionAnswer>,
    /// One complete set of answers in the region.
    pub witness: BTreeMap<String, Value>,
    pub old: OutcomeSummary,
    pub new: OutcomeSummary,
    /// What differs: `verdict`, `headline`, `actions`, `amounts`, `citations`, `notes`, …
    pub changed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionAnswer {
    pub fact: String,
    pub question: String,
    pub answers: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeSummary {
    pub node: String,
    pub label: String,
    pub headline: String,
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    DifferentPolicies { old: String, new: String },
    UnknownTree(String),
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiffError::DifferentPolicies { old, new } => {
                write!(f, "the two files are different policies: `{old}` and `{new}`")
            }
            DiffError::UnknownTree(t) => write!(f, "neither version has a tree `{t}`"),
        }
    }
}

/// Compares two versions of one policy (all trees, or one).
pub fn diff(old: &Policy, new: &Policy, only_tree: Option<&str>) -> Result<PolicyDiff, DiffError> {
    if old.header.id != new.header.id {
        return Err(DiffError::DifferentPolicies { old: old.header.id.clone(), new: new.header.id.clone() });
    }
    if let Some(t) = only_tree {
        if old.tree(t).is_none() && new.tree(t).is_none() {
            return Err(DiffError::UnknownTree(t.to_string()));
        }
    }
    let wanted = |id: &str| only_tree.is_none_or(|t| t == id);
    let old_ids: BTreeSet<&String> = old.trees.keys().filter(|t| wanted(t)).collect();
    let new_ids: BTreeSet<&String> = new.trees.keys().filter(|t| wanted(t)).collect();

    let mut out = PolicyDiff {
        policy: new.header.id.clone(),
        old_version: old.header.version.clone(),
        new_version: new.header.version.clone(),
        trees_added: new_ids.difference(&old_ids).map(|s| s.to_string()).collect(),
        trees_removed: old_ids.difference(&new_ids).map(|s| s.to_string()).collect(),
        clauses_added: Vec::new(),
        clauses_removed: Vec::new(),
        clauses_changed: Vec::new(),
        trees: Vec::new(),
    };
    if only_tree.is_none() {
        for (reference, text) in &new.clauses {
            match old.clauses.get(reference) {
                None => out.clauses_added.push(reference.clone()),
                Some(before) if before != text => out.clauses_changed.push(ClauseChange {
                    reference: reference.clone(),
                    old: before.clone(),
                    new: text.clone(),
                    quoted_by: quoted_by(new, reference),
                }),
                Some(_) => {}
            }
        }
        out.clauses_removed = old.clauses.keys().filter(|r| !new.clauses.contains_key(*r)).cloned().collect();
    }
    for id in old_ids.intersection(&new_ids) {
        if let (Some(a), Some(b)) = (old.tree(id), new.tree(id)) {
            let d = diff_tree(old, a, new, b);
            let changed = !d.nodes_added.is_empty()
                || !d.nodes_removed.is_empty()
                || !d.questions_changed.is_empty()
                || !d.header_changed.is_empty()
                || !d.regions.is_empty()
                || d.not_compared.is_some();
            if changed {
                out.trees.push(d);
            }
        }
    }
    Ok(out)
}

fn quoted_by(policy: &Policy, reference: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tree in policy.trees.values() {
        for (id, node) in &tree.nodes {
            let cites = match node {
                Node::Outcome(o) => o.cite.iter().any(|c| c == reference),
                Node::Question(q) => {
                    q.cite.iter().any(|c| c == reference)
                        || q.branches.iter().any(|b| b.cite.iter().any(|c| c == reference))
                }
            };
            if cites {
                out.push(format!("{} › {id}", tree.id));
            }
        }
    }
    out
}

fn conditions_on<'t>(tree: &'t Tree, fact: &str) -> Vec<&'t Condition> {
    tree.nodes
        .values()
        .filter_map(|n| match n {
            Node::Question(q) if q.fact == fact => Some(q.branches.iter().map(|b| &b.when)),
            _ => None,
        })
        .flatten()
        .collect()
}

/// The fact as both versions know it: the new definition, with any option only the old had.
fn merged_fact(old: Option<&Fact>, new: Option<&Fact>) -> Result<Fact, String> {
    match (old, new) {
        (Some(a), Some(b)) if std::mem::discriminant(&a.kind) != std::mem::discriminant(&b.kind) => Err(format!(
            "fact `{}` is a {} question in one version and a {} question in the other",
            b.id,
            a.kind.name(),
            b.kind.name()
        )),
        (Some(a), Some(b)) => {
            let mut f = b.clone();
            for o in &a.options {
                if f.option(&o.id).is_none() {
                    f.options.push(o.clone());
                }
            }
            if let (FactKind::WholeNumber { min: a_min, max: a_max }, FactKind::WholeNumber { min, max }) =
                (&a.kind, &mut f.kind)
            {
                *min = (*min).min(*a_min);
                *max = (*max).max(*a_max);
            }
            Ok(f)
        }
        (Some(f), None) | (None, Some(f)) => Ok(f.clone()),
        (None, None) => Err("a fact is missing from both versions".to_string()),
    }
}

struct Frame {
    old: String,
    new: String,
    candidates: BTreeMap<String, Vec<Value>>,
    /// The facts in the order the walk asked them, so a region reads like the walk.
    asked: Vec<String>,
}

fn diff_tree(old_policy: &Policy, old: &Tree, new_policy: &Policy, new: &Tree) -> TreeDiff {
    let old_nodes: BTreeSet<&String> = old.nodes.keys().collect();
    let new_nodes: BTreeSet<&String> = new.nodes.keys().collect();
    let mut d = TreeDiff {
        tree: new.id.clone(),
        title: new.title.clone(),
        nodes_added: new_nodes.difference(&old_nodes).map(|s| s.to_string()).collect(),
        nodes_removed: old_nodes.difference(&new_nodes).map(|s| s.to_string()).collect(),
        questions_changed: Vec::new(),
        header_changed: Vec::new(),
        regions: Vec::new(),
        not_compared: None,
    };
    if old.title != new.title {
        d.header_changed.push(format!("title: “{}” → “{}”", old.title, new.title));
    }
    if old.kind != new.kind {
        d.header_changed.push(format!("kind: {} → {}", old.kind.id(), new.kind.id()));
    }
    if old.max_questions != new.max_questions {
        d.header_changed.push(format!("max_questions: {} → {}", old.max_questions, new.max_questions));
    }
    for (id, node) in &new.nodes {
        if let (Node::Question(b), Some(Node::Question(a))) = (node, old.node(id)) {
            if a.question != b.question {
                d.questions_changed.push(format!("{id}: question “{}” → “{}”", a.question, b.question));
            }
            if a.hint != b.hint {
                d.questions_changed.push(format!("{id}: hint changed"));
            }
            if a.cite != b.cite {
                d.questions_changed.push(format!("{id}: cites [{}] → [{}]", a.cite.join(", "), b.cite.join(", ")));
            }
        }
    }

    // The facts either version asks, with representatives that split both versions' bounds.
    let mut facts: BTreeMap<String, (Fact, Vec<Value>)> = BTreeMap::new();
    for fact_id in old.facts().into_iter().chain(new.facts()) {
        if facts.contains_key(fact_id) {
            continue;
        }
        let fact = match merged_fact(old_policy.fact(fact_id), new_policy.fact(fact_id)) {
            Ok(f) => f,
            Err(why) => {
                d.not_compared = Some(why);
                return d;
            }
        };
        let mut conditions = conditions_on(old, fact_id);
        conditions.extend(conditions_on(new, fact_id));
        let reps = representatives(&fact, &conditions);
        facts.insert(fact_id.to_string(), (fact, reps));
    }

    let mut stack =
        vec![Frame { old: old.start.clone(), new: new.start.clone(), candidates: BTreeMap::new(), asked: Vec::new() }];
    let mut frames = 0usize;
    while let Some(frame) = stack.pop() {
        frames = frames.saturating_add(1);
        if frames > MAX_FRAMES {
            d.not_compared = Some(format!("more than {MAX_FRAMES} paired paths; compare one tree at a time"));
            return d;
        }
        let (Some(a), Some(b)) = (old.node(&frame.old), new.node(&frame.new)) else { continue };
        // Advance the old version first, then the new, so both walk the same answers.
        let (q, on_old) = match (a, b) {
            (Node::Outcome(x), Node::Outcome(y)) => {
                let changed = outcome_changes(x, y);
                if !changed.is_empty() {
                    d.regions.push(region(&frame, &facts, (&frame.old, x), (&frame.new, y), changed));
                }
                continue;
            }
            (Node::Question(q), _) => (q, true),
            (_, Node::Question(q)) => (q, false),
        };
        let Some((_, reps)) = facts.get(&q.fact) else { continue };
        let pool = frame.candidates.get(&q.fact).cloned().unwrap_or_else(|| reps.clone());
        let conditions: Vec<&Condition> = q.branches.iter().map(|br| &br.when).collect();
        let first = first_matches(&conditions, &pool);
        for (index, branch) in q.branches.iter().enumerate().rev() {
            let group: Vec<Value> =
                pool.iter().zip(&first).filter(|(_, f)| **f == Some(index)).map(|(v, _)| v.clone()).collect();
            if group.is_empty() {
                continue;
            }
            let mut candidates = frame.candidates.clone();
            candidates.insert(q.fact.clone(), group);
            let mut asked = frame.asked.clone();
            if !asked.contains(&q.fact) {
                asked.push(q.fact.clone());
            }
            let (o, n) =
                if on_old { (branch.go.clone(), frame.new.clone()) } else { (frame.old.clone(), branch.go.clone()) };
            stack.push(Frame { old: o, new: n, candidates, asked });
        }
    }
    d.regions.reverse();
    d
}

/// What differs between two outcomes, as field names; empty when the officer would see the same.
fn outcome_changes(a: &OutcomeNode, b: &OutcomeNode) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |name: &str, same: bool| {
        if !same {
            out.push(name.to_string());
        }
    };
    check("verdict", a.verdict == b.verdict && a.label == b.label);
    check("headline", a.headline == b.headline);
    check("summary", a.summary == b.summary);
    check("actions", a.actions == b.actions);
    check("amounts", a.amounts == b.amounts);
    check("citations", a.cite == b.cite);
    check("notes", a.notes == b.notes);
    out
}

fn summary(node: &str, o: &OutcomeNode) -> OutcomeSummary {
    OutcomeSummary {
        node: node.to_string(),
        label: o.label.clone(),
        headline: o.headline.clone(),
        cite: o.cite.clone(),
    }
}

fn region(
    frame: &Frame,
    facts: &BTreeMap<String, (Fact, Vec<Value>)>,
    old: (&str, &OutcomeNode),
    new: (&str, &OutcomeNode),
    changed: Vec<String>,
) -> Region {
    let mut answers = Vec::new();
    let mut witness = BTreeMap::new();
    for fact_id in &frame.asked {
        let (Some((fact, reps)), Some(group)) = (facts.get(fact_id), frame.candidates.get(fact_id)) else { continue };
        let words = match fact.kind {
            FactKind::Money | FactKind::WholeNumber { .. } => {
                runs(reps, |i| reps.get(i).is_some_and(|v| group.contains(v)))
                    .into_iter()
                    .map(|(a, b)| describe_run(a, b))
                    .collect::<Vec<_>>()
                    .join(", or ")
            }
            _ => group.iter().map(|v| format!("“{}”", v.display(fact))).collect::<Vec<_>>().join(" or "),
        };
        answers.push(RegionAnswer { fact: fact_id.clone(), question: fact.question.clone(), answers: words });
        let chosen = if fact.kind.is_numeric() { inside_first_run(reps, group) } else { group.first().cloned() };
        if let Some(v) = chosen.or_else(|| group.first().cloned()) {
            witness.insert(fact_id.clone(), v);
        }
    }
    Region { answers, witness, old: summary(old.0, old.1), new: summary(new.0, new.1), changed }
}

/// An amount inside the region's first run of answers (halfway between its ends, to the
/// penny): every amount between two neighbouring representatives takes the same branches, so it
/// is as good a witness as the ends, and a share worked out from it is not rounded away to zero.
fn inside_first_run(reps: &[Value], group: &[Value]) -> Option<Value> {
    let (first, last) = runs(reps, |i| reps.get(i).is_some_and(|v| group.contains(v))).into_iter().next()?;
    let two = rust_decimal::Decimal::TWO;
    match (first, last) {
        (Value::Money(a), Value::Money(b)) => {
            let mid = a.checked_add(*b)?.checked_div(two)?;
            let pence = mid.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
            Some(Value::Money(crate::money::to_pence_scale(pence)))
        }
        (Value::Number(a), Value::Number(b)) => Some(Value::Number(a.checked_add(*b)?.checked_div(2)?)),
        _ => None,
    }
}
