//! Every distinct path through a tree, each with witness answers that take it.
//!
//! The decision table a policy author reviews: for each path, the questions and branches on
//! it, the outcome, one complete set of answers that reaches it, and for money questions the
//! answers either side of and at every bound that still follow this path.

use crate::eval::{evaluate, EvalError};
use crate::model::{Condition, Node, Policy, Verdict};
use crate::partition::{bounds, first_matches, representatives};
use crate::value::Value;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    pub node: String,
    pub fact: String,
    pub branch: usize,
    pub condition: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathRow {
    pub steps: Vec<PathStep>,
    pub outcome: String,
    pub verdict: Verdict,
    pub headline: String,
    pub cite: Vec<String>,
    /// One complete set of answers that follows this path.
    pub witness: BTreeMap<String, Value>,
    /// For money and number questions: every answer next to or at a bound that follows this path.
    pub boundary_witnesses: BTreeMap<String, Vec<Value>>,
}

struct Frame {
    node: String,
    candidates: BTreeMap<String, Vec<Value>>,
    steps: Vec<PathStep>,
}

/// Enumerates every path of a tree, checking each witness really reaches its outcome.
pub fn enumerate(policy: &Policy, tree_id: &str) -> Result<Vec<PathRow>, EvalError> {
    let tree = policy
        .tree(tree_id)
        .ok_or_else(|| EvalError::UnknownTree { tree: tree_id.to_string(), policy: policy.header.id.clone() })?;
    let mut rows = Vec::new();
    let mut stack = vec![Frame { node: tree.start.clone(), candidates: BTreeMap::new(), steps: Vec::new() }];
    let limit = 100_000;
    while let Some(frame) = stack.pop() {
        if rows.len() > limit {
            return Err(EvalError::TooManyPaths { tree: tree_id.to_string(), limit });
        }
        let node = tree.node(&frame.node).ok_or_else(|| EvalError::Broken { node: frame.node.clone() })?;
        match node {
            Node::Outcome(o) => {
                let mut witness = BTreeMap::new();
                let mut boundary_witnesses = BTreeMap::new();
                for (fact_id, values) in &frame.candidates {
                    let Some(fact) = policy.fact(fact_id) else { continue };
                    let near_bounds: Vec<Value> = if fact.kind.is_numeric() {
                        let all_conditions = all_conditions_on(tree, fact_id);
                        let bs = bounds(&all_conditions);
                        let step = crate::partition::numeric_domain(fact).map(|d| d.2).unwrap_or_default();
                        values
                            .iter()
                            .filter(|v| {
                                v.as_decimal().is_some_and(|x| {
                                    bs.iter().any(|b| x.checked_sub(*b).is_some_and(|d| d.abs() <= step))
                                })
                            })
                            .cloned()
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let chosen = near_bounds.first().or_else(|| values.first()).cloned();
                    if let Some(v) = chosen {
                        witness.insert(fact_id.clone(), v);
                    }
                    if !near_bounds.is_empty() {
                        boundary_witnesses.insert(fact_id.clone(), near_bounds);
                    }
                }
                let check = evaluate(policy, tree_id, &witness)?;
                if check.node != frame.node {
                    return Err(EvalError::Broken { node: frame.node });
                }
                rows.push(PathRow {
                    steps: frame.steps,
                    outcome: frame.node.clone(),
                    verdict: o.verdict,
                    headline: o.headline.clone(),
                    cite: o.cite.clone(),
                    witness,
                    boundary_witnesses,
                });
            }
            Node::Question(q) => {
                let Some(fact) = policy.fact(&q.fact) else {
                    return Err(EvalError::Broken { node: frame.node });
                };
                let conditions: Vec<&Condition> = q.branches.iter().map(|b| &b.when).collect();
                let pool = match frame.candidates.get(&q.fact) {
                    Some(existing) => existing.clone(),
                    None => representatives(fact, &all_conditions_on(tree, &q.fact)),
                };
                let first = first_matches(&conditions, &pool);
                // Pushed in reverse so that paths come out in branch order.
                for (index, branch) in q.branches.iter().enumerate().rev() {
                    let group: Vec<Value> =
                        pool.iter().zip(&first).filter(|(_, f)| **f == Some(index)).map(|(v, _)| v.clone()).collect();
                    if group.is_empty() {
                        continue;
                    }
                    let mut candidates = frame.candidates.clone();
                    candidates.insert(q.fact.clone(), group);
                    let mut steps = frame.steps.clone();
                    steps.push(PathStep {
                        node: frame.node.clone(),
                        fact: q.fact.clone(),
                        branch: index.saturating_add(1),
                        condition: crate::eval::describe_condition(&branch.when, fact),
                    });
                    stack.push(Frame { node: branch.go.clone(), candidates, steps });
                }
            }
        }
    }
    Ok(rows)
}

/// Every branch condition in the tree on one fact, so witnesses are split at all its bounds.
fn all_conditions_on<'t>(tree: &'t crate::model::Tree, fact: &str) -> Vec<&'t Condition> {
    tree.nodes
        .values()
        .filter_map(|n| match n {
            Node::Question(q) if q.fact == fact => Some(q.branches.iter().map(|b| &b.when)),
            _ => None,
        })
        .flatten()
        .collect()
}
