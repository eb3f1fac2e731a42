//! One look at the text being edited: every diagnostic at its line (as `probity lint` reports
//! them), the policy's trees, and for the tree on show its graph, decision table and cases.
//!
//! Run on every pause in typing, so it checks the text as it is now and keeps nothing.

use crate::graph::{graph, Graph};
use crate::locate::Locator;
use crate::vocabulary::vocabulary;
use probity_core::check::{check_policy_with, run_case};
use probity_core::diag::{Code, Diagnostic, Location};
use probity_core::model::{Node, Policy};
use probity_core::paths::{enumerate, PathRow};
use probity_core::raw::{parse_policy, Format, RawPolicy};
use probity_core::CheckOptions;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Analysis {
    pub diagnostics: Vec<LineDiagnostic>,
    pub errors: usize,
    pub warnings: usize,
    /// The policy as checked without its cases (as the widget and `probity diff` check it), so
    /// that a failing case does not hide the tree; `None` while the rules themselves have errors.
    pub policy: Option<Summary>,
    /// The tree asked for (or the first), when the policy checks.
    pub tree: Option<TreeView>,
}

/// A diagnostic with the line it is written at, for the list and the editor's gutter.
#[derive(Debug, Serialize)]
pub struct LineDiagnostic {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    /// Where, in words (`kent › tree `gifts` › node `value``).
    pub place: String,
    /// 1-based; `None` for a place in another file (the shared vocabulary).
    pub line: Option<usize>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub id: String,
    pub council: String,
    pub version: String,
    pub trees: Vec<TreeSummary>,
}

#[derive(Debug, Serialize)]
pub struct TreeSummary {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct TreeView {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub graph: Graph,
    pub paths: Vec<PathView>,
    /// Why the decision table could not be made, if it could not.
    pub paths_error: Option<String>,
    pub cases: Vec<CaseView>,
}

#[derive(Debug, Serialize)]
pub struct PathView {
    #[serde(flatten)]
    pub row: PathRow,
    /// The verdict as worded for this tree's kind.
    pub label: String,
    pub line: Option<usize>,
}

/// One scenario case, run against the text as it is now.
#[derive(Debug, Serialize)]
pub struct CaseView {
    pub name: String,
    pub passed: bool,
    /// The outcome reached, when the case could be run.
    pub reached: Option<String>,
    pub expected_verdict: String,
    /// What differs from the case's expectations, or why it could not be run.
    pub problems: Vec<String>,
    pub line: Option<usize>,
}

/// Checks `text` (a policy in TOML) against the built-in vocabulary. `label` names the file in
/// messages, as `probity lint` names it; `tree` picks the tree to show ("" for the first).
pub fn analyse(text: &str, label: &str, tree: &str) -> Analysis {
    let locator = Locator::new(text);
    let raw = match parse_policy(text, Format::Toml) {
        Ok(raw) => raw,
        Err(e) => {
            let d = Diagnostic::new(
                Code::P001,
                Location {
                    policy: label.to_string(),
                    detail: e.line.map(|l| format!("line {l}")),
                    ..Default::default()
                },
                format!("cannot read the file: {}", e.message),
                "fix the syntax or the misspelt key; policies/README.md lists every key a policy may use",
            );
            return finish(vec![d], &locator, None, None);
        }
    };
    let vocabulary = vocabulary();
    // The lint, exactly as `probity lint` runs it (cases required and run).
    let lint = check_policy_with(&raw, vocabulary, label, CheckOptions::default());
    // The rules alone: a failing case must not hide the graph or the table that would fix it.
    let policy = match lint.value {
        Some(p) => Some(p),
        None => check_policy_with(&raw, vocabulary, label, CheckOptions { require_cases: false }).value,
    };
    let view = policy.as_ref().and_then(|p| tree_view(p, &raw, tree, &locator));
    finish(lint.diagnostics, &locator, policy.as_ref(), view)
}

fn finish(
    diagnostics: Vec<Diagnostic>,
    locator: &Locator<'_>,
    policy: Option<&Policy>,
    tree: Option<TreeView>,
) -> Analysis {
    let mut diagnostics: Vec<LineDiagnostic> = diagnostics
        .into_iter()
        .map(|d| LineDiagnostic { place: d.location.to_string(), line: locator.line(&d.location), diagnostic: d })
        .collect();
    // Errors first (what must be fixed), then warnings, each in the order of the text.
    diagnostics.sort_by_key(|d| (d.diagnostic.severity, d.line.unwrap_or(0)));
    let errors = diagnostics.iter().filter(|d| d.diagnostic.is_error()).count();
    let summary = policy.map(|p| Summary {
        id: p.header.id.clone(),
        council: p.header.council.clone(),
        version: p.header.version.clone(),
        trees: p.trees.values().map(|t| TreeSummary { id: t.id.clone(), title: t.title.clone() }).collect(),
    });
    Analysis { errors, warnings: diagnostics.len() - errors, diagnostics, policy: summary, tree }
}

fn tree_view(policy: &Policy, raw: &RawPolicy, wanted: &str, locator: &Locator<'_>) -> Option<TreeView> {
    let tree = policy.tree(wanted).or_else(|| policy.trees.values().next())?;
    let at = |node: Option<&str>, detail: Option<String>| Location {
        policy: policy.header.id.clone(),
        tree: Some(tree.id.clone()),
        node: node.map(str::to_string),
        detail,
    };
    let (paths, paths_error) = match enumerate(policy, &tree.id) {
        Ok(rows) => (rows, None),
        Err(e) => (Vec::new(), Some(e.to_string())),
    };
    let paths = paths
        .into_iter()
        .map(|row| {
            let label = match tree.node(&row.outcome) {
                Some(Node::Outcome(o)) => o.label.clone(),
                _ => row.verdict.id().to_string(),
            };
            let line = locator.line(&at(Some(&row.outcome), None));
            PathView { row, label, line }
        })
        .collect();
    let cases = raw
        .trees
        .get(&tree.id)
        .map(|t| t.cases.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|case| {
            let line = locator.line(&at(None, Some(format!("case \"{}\"", case.name))));
            let (reached, problems) = match run_case(policy, tree, case) {
                Ok((eval, problems)) => (Some(eval.node), problems),
                Err(e) => (None, vec![e]),
            };
            CaseView {
                name: case.name.clone(),
                passed: reached.is_some() && problems.is_empty(),
                reached,
                expected_verdict: case.verdict.clone(),
                problems,
                line,
            }
        })
        .collect();
    Some(TreeView {
        id: tree.id.clone(),
        title: tree.title.clone(),
        kind: tree.kind.id().to_string(),
        graph: graph(policy, tree, |node| locator.line(&at(Some(node), None))),
        paths,
        paths_error,
        cases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KENT: &str = include_str!("../../../policies/kent.toml");

    #[test]
    fn kent_as_built_in_has_no_errors_and_every_case_passes() {
        let a = analyse(KENT, "kent.toml", "fees");
        assert_eq!(a.errors, 0, "{:#?}", a.diagnostics.iter().filter(|d| d.diagnostic.is_error()).collect::<Vec<_>>());
        let tree = a.tree.expect("the fees tree");
        assert_eq!(tree.id, "fees");
        assert!(!tree.paths.is_empty());
        assert!(tree.cases.iter().all(|c| c.passed), "{:#?}", tree.cases);
        assert!(tree
            .graph
            .nodes
            .iter()
            .any(|n| n.id == "keep_half_fee" && n.verdict.as_deref() == Some("yes_with_conditions")));
    }

    #[test]
    fn a_misspelt_key_is_reported_at_its_line() {
        let text = KENT.replacen(
            "verdict = \"yes_with_conditions\"\nheadline = \"You may keep half",
            "verdic = \"yes_with_conditions\"\nheadline = \"You may keep half",
            1,
        );
        let line = text.lines().position(|l| l.starts_with("verdic =")).expect("edited") + 1;
        let a = analyse(&text, "kent.toml", "fees");
        assert_eq!(a.errors, 1);
        let d = a.diagnostics.first().expect("one");
        assert_eq!(d.diagnostic.code, Code::P001);
        assert!(d.diagnostic.message.contains("verdic"), "{}", d.diagnostic.message);
        assert_eq!(d.line, Some(line));
        assert!(a.policy.is_none() && a.tree.is_none());
    }

    #[test]
    fn a_check_error_is_reported_at_its_node_and_a_failing_case_keeps_the_tree() {
        let text = KENT.replacen("multiply = \"0.5\"", "multiply = \"0.75\"", 1);
        let a = analyse(&text, "kent.toml", "fees");
        let failing: Vec<&LineDiagnostic> = a.diagnostics.iter().filter(|d| d.diagnostic.code == Code::L016).collect();
        assert_eq!(failing.len(), 2, "two cases expected half the fee (the 1p one still rounds to £0.00)");
        // A case is shown at its `[[trees.fees.cases]]` header, the line above its name.
        let case_line = |name: &str| text.lines().position(|l| l.contains(name));
        assert_eq!(failing.first().and_then(|d| d.line), case_line("£151.25: half, rounded down"));
        let tree = a.tree.expect("the rules still check, so the tree is shown");
        assert_eq!(tree.cases.iter().filter(|c| !c.passed).count(), 2);

        let text = KENT.replacen(
            "cite = [\"G.6\", \"G.5\", \"L.2\"]\namounts",
            "cite = [\"G.66\", \"G.5\", \"L.2\"]\namounts",
            1,
        );
        let a = analyse(&text, "kent.toml", "fees");
        let d = a.diagnostics.iter().find(|d| d.diagnostic.code == Code::L011).expect("unknown clause");
        let node_line = text.lines().position(|l| l == "[trees.fees.nodes.keep_whole_fee]").map(|i| i + 1);
        assert_eq!(d.line, node_line);
        assert!(a.tree.is_none(), "the rules do not check");
    }
}
