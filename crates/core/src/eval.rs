//! Evaluation: the tree replayed over a set of answers, step by step, as data.
//!
//! There is no hidden position in a tree: where an officer is comes from replaying the tree
//! over their answers, so changing one answer can never leave the walk in an impossible state.

use crate::model::*;
use crate::money::format_money;
use crate::partition::matches;
use crate::value::Value;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One answered question on the path: the trace the CLI and the widget both render as "why".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub node: String,
    pub fact: String,
    /// The question as it was asked.
    pub question: String,
    pub answer: Value,
    /// The answer as the officer read it.
    pub display: String,
    /// 1-based index of the branch taken.
    pub branch: usize,
    /// The condition that matched, in words.
    pub condition: String,
    /// Clause references the question or branch rests on.
    pub cite: Vec<String>,
}

/// Where a walk over incomplete answers stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// This question node's fact has no answer yet.
    Ask(String),
    /// This outcome node is reached.
    Outcome(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub steps: Vec<Step>,
    pub end: End,
}

impl Walk {
    /// The facts asked on the path so far, in order.
    pub fn facts(&self) -> Vec<&str> {
        self.steps.iter().map(|s| s.fact.as_str()).collect()
    }
}

/// An amount worked out for an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComputedAmount {
    pub label: String,
    pub fact: String,
    pub of: Decimal,
    pub multiply: Decimal,
    /// The exact result before rounding.
    pub exact: Decimal,
    pub value: Decimal,
    pub rounding: crate::money::Rounding,
    pub rule: String,
    pub note: Option<String>,
}

impl ComputedAmount {
    pub fn display(&self) -> String {
        format_money(self.value, true)
    }
}

/// A complete evaluation: the outcome reached, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub tree: String,
    pub node: String,
    pub outcome: OutcomeNode,
    pub steps: Vec<Step>,
    pub amounts: Vec<ComputedAmount>,
    /// Every clause cited on the way and by the outcome, with its text, outcome's first.
    pub citations: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    UnknownTree {
        tree: String,
        policy: String,
    },
    /// Answers are missing: the first is needed now, the rest may be asked after it.
    Missing {
        needed: Vec<(String, String)>,
        maybe: Vec<(String, String)>,
    },
    /// The answer fits no branch (a checked policy never does this; kept as an error, not a panic).
    NoBranch {
        node: String,
        answer: String,
    },
    /// A node is missing or the walk went on too long (also impossible for a checked policy).
    Broken {
        node: String,
    },
    /// An amount is too large to work out (impossible for a checked policy, which bounds both
    /// `multiply` and money answers; kept as an error, not a panic).
    AmountTooLarge {
        node: String,
        label: String,
    },
    /// A tree has more paths than can be listed.
    TooManyPaths {
        tree: String,
        limit: usize,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::UnknownTree { tree, policy } => write!(f, "policy `{policy}` has no tree `{tree}`"),
            EvalError::Missing { needed, maybe } => {
                let list = |v: &[(String, String)]| {
                    v.iter().map(|(fact, q)| format!("`{fact}` ({q})")).collect::<Vec<_>>().join(", ")
                };
                write!(f, "missing facts: {}", list(needed))?;
                if !maybe.is_empty() {
                    write!(f, "; depending on the answer, also: {}", list(maybe))?;
                }
                Ok(())
            }
            EvalError::NoBranch { node, answer } => write!(f, "no branch of `{node}` takes the answer `{answer}`"),
            EvalError::Broken { node } => write!(f, "the tree is broken at `{node}`"),
            EvalError::AmountTooLarge { node, label } => {
                write!(f, "the amount \"{label}\" at `{node}` is too large to work out")
            }
            EvalError::TooManyPaths { tree, limit } => write!(f, "tree `{tree}` has more than {limit} paths to list"),
        }
    }
}

impl std::error::Error for EvalError {}

/// Describes a condition in words, for the trace: `is “A gift”`, `is less than £50`.
pub fn describe_condition(condition: &Condition, fact: &Fact) -> String {
    describe(condition, fact, true)
}

/// The words the first released versions of Probity gave a condition (main before commit
/// 71d1b4b, 22 November 2026): the same but for a range whose two bounds are one amount, which
/// they wrote "is £25 or more and £25 or less" where Probity now writes "is exactly £25". Kept
/// so the declarations made then still verify; the two wordings say the same.
pub fn describe_condition_as_first_released(condition: &Condition, fact: &Fact) -> String {
    describe(condition, fact, false)
}

fn describe(condition: &Condition, fact: &Fact, exactly: bool) -> String {
    let amount = |d: Decimal| match fact.kind {
        FactKind::Money => format_money(d, false),
        _ => d.normalize().to_string(),
    };
    match condition {
        Condition::Otherwise => "any other answer".to_string(),
        Condition::OneOf { options } => {
            let labels: Vec<String> = options
                .iter()
                .map(|o| format!("“{}”", fact.option(o).map_or(o.as_str(), |x| x.label.as_str())))
                .collect();
            format!("is {}", labels.join(" or "))
        }
        Condition::Range { lower, upper } => {
            let lo = lower.map(|b| {
                if b.inclusive {
                    format!("{} or more", amount(b.value))
                } else {
                    format!("more than {}", amount(b.value))
                }
            });
            let hi = upper.map(|b| {
                if b.inclusive {
                    format!("{} or less", amount(b.value))
                } else {
                    format!("less than {}", amount(b.value))
                }
            });
            match (lo, hi) {
                (Some(_), Some(_)) if exactly && lower.zip(*upper).is_some_and(|(l, u)| l.value == u.value) => {
                    format!("is exactly {}", amount(lower.map_or(Decimal::ZERO, |b| b.value)))
                }
                (Some(l), Some(h)) => format!("is {l} and {h}"),
                (Some(l), None) => format!("is {l}"),
                (None, Some(h)) => format!("is {h}"),
                (None, None) => "is any amount".to_string(),
            }
        }
        Condition::All { of } => of.iter().map(|c| describe(c, fact, exactly)).collect::<Vec<_>>().join(" and "),
        Condition::Any { of } => of.iter().map(|c| describe(c, fact, exactly)).collect::<Vec<_>>().join(", or "),
        Condition::Not { of } => format!("not ({})", describe(of, fact, exactly)),
    }
}

/// Replays a tree over the answers until an unanswered question or an outcome.
pub fn walk(policy: &Policy, tree_id: &str, answers: &BTreeMap<String, Value>) -> Result<Walk, EvalError> {
    let tree = policy
        .tree(tree_id)
        .ok_or_else(|| EvalError::UnknownTree { tree: tree_id.to_string(), policy: policy.header.id.clone() })?;
    let mut steps = Vec::new();
    let mut current = tree.start.clone();
    // A checked tree has no cycle, so a path is never longer than the number of nodes.
    for _ in 0..=tree.nodes.len() {
        let node = tree.node(&current).ok_or_else(|| EvalError::Broken { node: current.clone() })?;
        match node {
            Node::Outcome(_) => return Ok(Walk { steps, end: End::Outcome(current) }),
            Node::Question(q) => {
                let Some(answer) = answers.get(&q.fact) else {
                    return Ok(Walk { steps, end: End::Ask(current) });
                };
                let fact = policy.fact(&q.fact).ok_or_else(|| EvalError::Broken { node: current.clone() })?;
                let (index, branch) = q
                    .branches
                    .iter()
                    .enumerate()
                    .find(|(_, b)| matches(&b.when, answer))
                    .ok_or_else(|| EvalError::NoBranch { node: current.clone(), answer: answer.display(fact) })?;
                let cite = if branch.cite.is_empty() { q.cite.clone() } else { branch.cite.clone() };
                steps.push(Step {
                    node: current.clone(),
                    fact: q.fact.clone(),
                    question: q.question.clone(),
                    answer: answer.clone(),
                    display: answer.display(fact),
                    branch: index.saturating_add(1),
                    condition: describe_condition(&branch.when, fact),
                    cite,
                });
                current = branch.go.clone();
            }
        }
    }
    Err(EvalError::Broken { node: current })
}

/// Facts that questions reachable from `node` may still ask (the node's own fact first).
pub fn facts_reachable_from(tree: &Tree, node: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    let mut queue = std::collections::VecDeque::from([node.to_string()]);
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(Node::Question(q)) = tree.node(&id) {
            if !out.contains(&q.fact) {
                out.push(q.fact.clone());
            }
            queue.extend(q.branches.iter().map(|b| b.go.clone()));
        }
    }
    out
}

/// Evaluates a tree over complete answers, or says which answers are missing.
pub fn evaluate(policy: &Policy, tree_id: &str, answers: &BTreeMap<String, Value>) -> Result<Evaluation, EvalError> {
    let walk = walk(policy, tree_id, answers)?;
    let tree = policy
        .tree(tree_id)
        .ok_or_else(|| EvalError::UnknownTree { tree: tree_id.to_string(), policy: policy.header.id.clone() })?;
    let node_id = match &walk.end {
        End::Outcome(n) => n.clone(),
        End::Ask(n) => {
            let question = |fact: &str| {
                let q = tree
                    .nodes
                    .values()
                    .find_map(|node| match node {
                        Node::Question(q) if q.fact == fact => Some(q.question.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                (fact.to_string(), q)
            };
            let reachable = facts_reachable_from(tree, n);
            let mut missing = reachable.into_iter().filter(|f| !answers.contains_key(f)).map(|f| question(&f));
            let needed: Vec<(String, String)> = missing.next().into_iter().collect();
            return Err(EvalError::Missing { needed, maybe: missing.collect() });
        }
    };
    let Some(Node::Outcome(outcome)) = tree.node(&node_id) else {
        return Err(EvalError::Broken { node: node_id });
    };
    let mut amounts = Vec::new();
    for rule in &outcome.amounts {
        let of = answers
            .get(&rule.fact)
            .and_then(Value::as_decimal)
            .ok_or_else(|| EvalError::Broken { node: node_id.clone() })?;
        let exact = of
            .checked_mul(rule.multiply)
            .ok_or_else(|| EvalError::AmountTooLarge { node: node_id.clone(), label: rule.label.clone() })?;
        amounts.push(ComputedAmount {
            label: rule.label.clone(),
            fact: rule.fact.clone(),
            of,
            multiply: rule.multiply,
            exact,
            value: rule.rounding.apply(exact),
            rounding: rule.rounding,
            rule: rule.rounding.describe().to_string(),
            note: rule.note.clone(),
        });
    }
    let mut citations: Vec<(String, String)> = Vec::new();
    let refs = outcome.cite.iter().chain(walk.steps.iter().flat_map(|s| s.cite.iter()));
    for reference in refs {
        if !citations.iter().any(|(r, _)| r == reference) {
            let text = policy.clause(reference).unwrap_or_default().to_string();
            citations.push((reference.clone(), text));
        }
    }
    Ok(Evaluation {
        tree: tree_id.to_string(),
        node: node_id,
        outcome: outcome.clone(),
        steps: walk.steps,
        amounts,
        citations,
    })
}
