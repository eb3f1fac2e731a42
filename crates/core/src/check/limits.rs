//! How large a policy Probity will check (L022). The widget checks a `policy-src` policy in the
//! browser as it mounts, so checking must stay fast and bounded whatever the file holds. The
//! limits are far beyond any council's code (the largest today: 13 trees, 86 clauses, 32 nodes
//! in a tree, 9 branches on a question, texts under 700 characters).

use crate::diag::{Code, Location, Reporter};
use crate::raw::{RawCondition, RawPolicy, RawTree};

/// The limits, each the most allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes in one policy file.
    pub policy_bytes: usize,
    pub trees: usize,
    pub clauses: usize,
    /// Nodes in one tree.
    pub nodes: usize,
    /// Scenario cases in one tree.
    pub cases: usize,
    /// Branches on one question.
    pub branches: usize,
    /// Tests in one branch's condition, counting each `all`, `any` and `not` as one.
    pub condition_tests: usize,
    /// How deeply `all`, `any` and `not` may nest.
    pub condition_depth: usize,
    /// Characters in any one text (a clause, a question, a headline, a note…).
    pub text_chars: usize,
}

impl Limits {
    /// The limits every policy is checked against.
    pub const DEFAULT: Limits = Limits {
        policy_bytes: 2_000_000,
        trees: 100,
        clauses: 2_000,
        nodes: 500,
        cases: 1_000,
        branches: 100,
        condition_tests: 100,
        condition_depth: 8,
        text_chars: 10_000,
    };

    /// No limits: for measuring how checking scales, never for checking a policy someone gave.
    pub const NONE: Limits = Limits {
        policy_bytes: usize::MAX,
        trees: usize::MAX,
        clauses: usize::MAX,
        nodes: usize::MAX,
        cases: usize::MAX,
        branches: usize::MAX,
        condition_tests: usize::MAX,
        condition_depth: usize::MAX,
        text_chars: usize::MAX,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

const HELP: &str = "a council's code needs far less; split the policy or the tree, or shorten it";

/// The file as a whole, before it is parsed: the message and help line when it is too large to read.
pub fn file(bytes: usize, limits: &Limits) -> Result<(), (String, String)> {
    if bytes > limits.policy_bytes {
        return Err((
            format!("the file is {bytes} bytes, over the limit of {}", limits.policy_bytes),
            HELP.to_string(),
        ));
    }
    Ok(())
}

/// The policy's counts and the length of every text in it. False when something is over.
pub(super) fn policy(raw: &RawPolicy, limits: &Limits, r: &mut Reporter) -> bool {
    let before = r.diagnostics.len();
    let here = |r: &Reporter, detail: String| r.at(None, None, Some(detail));
    if raw.trees.len() > limits.trees {
        let n = raw.trees.len();
        r.push(Code::L022, here(r, "trees".into()), format!("the policy has {n} trees, over {}", limits.trees), HELP);
    }
    if raw.clauses.len() > limits.clauses {
        let n = raw.clauses.len();
        r.push(
            Code::L022,
            here(r, "clauses".into()),
            format!("the policy has {n} clauses, over {}", limits.clauses),
            HELP,
        );
    }
    // Every text, wherever it is: the policy as data, walked once.
    if let Ok(value) = serde_json::to_value(raw) {
        let mut long = Vec::new();
        long_texts(&value, &mut String::new(), limits.text_chars, &mut long);
        for (path, chars) in long {
            r.push(
                Code::L022,
                here(r, path),
                format!("the text has {chars} characters, over {}", limits.text_chars),
                "quote only the clause or say only what the officer needs; a long text is hard to read on a phone",
            );
        }
    }
    r.diagnostics.len() == before
}

/// Texts longer than `max` characters, with where they are (`trees.gifts.nodes.value.question`).
fn long_texts(value: &serde_json::Value, at: &mut String, max: usize, out: &mut Vec<(String, usize)>) {
    use serde_json::Value as J;
    let enter = |key: &str, v: &serde_json::Value, at: &mut String, out: &mut Vec<(String, usize)>| {
        let len = at.len();
        if !at.is_empty() {
            at.push('.');
        }
        at.push_str(key);
        long_texts(v, at, max, out);
        at.truncate(len);
    };
    match value {
        J::String(s) if s.len() > max => {
            let chars = s.chars().count();
            if chars > max {
                out.push((at.clone(), chars));
            }
        }
        J::Array(items) => items.iter().enumerate().for_each(|(i, v)| enter(&i.to_string(), v, at, out)),
        J::Object(map) => map.iter().for_each(|(k, v)| {
            if k.chars().count() > max {
                out.push((format!("{at} (a key)"), k.chars().count()));
            }
            enter(k, v, at, out)
        }),
        _ => {}
    }
}

/// A tree's node and case counts. False when it is too large to check.
pub(super) fn tree(raw_tree: &RawTree, limits: &Limits, r: &mut Reporter, loc: Location) -> bool {
    let mut ok = true;
    if raw_tree.nodes.len() > limits.nodes {
        let n = raw_tree.nodes.len();
        r.push(Code::L022, loc.clone(), format!("the tree has {n} nodes, over {}", limits.nodes), HELP);
        ok = false;
    }
    if raw_tree.cases.len() > limits.cases {
        let n = raw_tree.cases.len();
        r.push(Code::L022, loc, format!("the tree has {n} scenario cases, over {}", limits.cases), HELP);
        ok = false;
    }
    ok
}

/// A question's branch count. False when it has too many to check.
pub(super) fn branches(count: usize, limits: &Limits, r: &mut Reporter, loc: Location) -> bool {
    if count > limits.branches {
        r.push(
            Code::L022,
            loc,
            format!("the question has {count} branches, over {}", limits.branches),
            "split it into two questions, or use ranges that cover more amounts each",
        );
        return false;
    }
    true
}

/// A branch's condition: how many tests and how deep. False when it is too large to check.
pub(super) fn condition(c: &RawCondition, limits: &Limits, r: &mut Reporter, loc: Location) -> bool {
    let mut tests = 0usize;
    let mut deepest = 0usize;
    measure(c, 0, limits, &mut tests, &mut deepest);
    if deepest > limits.condition_depth {
        r.push(
            Code::L022,
            loc,
            format!("the condition nests `all`, `any` and `not` more than {} deep", limits.condition_depth),
            "write it more simply: `not` of `not` is the test itself, and ranges combine with `any`",
        );
        return false;
    }
    if tests > limits.condition_tests {
        r.push(
            Code::L022,
            loc,
            format!("the condition has more than {} tests", limits.condition_tests),
            "split the question, or use wider ranges",
        );
        return false;
    }
    true
}

/// Counts tests and depth, stopping once either is over its limit (so it never recurses far).
fn measure(c: &RawCondition, depth: usize, limits: &Limits, tests: &mut usize, deepest: &mut usize) {
    *tests = tests.saturating_add(1);
    *deepest = (*deepest).max(depth);
    if *tests > limits.condition_tests || depth > limits.condition_depth {
        return;
    }
    let inner = depth.saturating_add(1);
    for child in c.all.iter().chain(c.any.iter()).flatten().chain(c.not.as_deref()) {
        measure(child, inner, limits, tests, deepest);
        if *tests > limits.condition_tests || *deepest > limits.condition_depth {
            return;
        }
    }
}
