//! Scenario cases: each run against its tree, and every outcome reached by one (L016, L017).

use super::*;

/// Runs the policy's scenario cases and checks every outcome is reached by one.
pub(super) fn check_cases(policy: &Policy, raw: &RawPolicy, options: CheckOptions, r: &mut Reporter) {
    if !options.require_cases {
        return;
    }
    for (tree_id, raw_tree) in &raw.trees {
        let Some(tree) = policy.tree(tree_id) else { continue };
        let mut reached = BTreeSet::new();
        for case in &raw_tree.cases {
            let loc = r.at(Some(tree_id), None, Some(format!("case \"{}\"", case.name)));
            match run_case(policy, tree, case) {
                Ok((eval, problems)) => {
                    reached.insert(eval.node.clone());
                    for p in problems {
                        r.push(
                            Code::L016,
                            Location { node: Some(eval.node.clone()), ..loc.clone() },
                            p,
                            "fix the case's expectation if the code says otherwise, or fix the tree",
                        );
                    }
                }
                Err(e) => {
                    r.push(Code::L016, loc, e, "give every fact on the case's path, with answers its fact accepts")
                }
            }
        }
        for (node_id, node) in &tree.nodes {
            if options.require_cases && matches!(node, Node::Outcome(_)) && !reached.contains(node_id) {
                r.push(
                    Code::L017,
                    r.at(Some(tree_id), Some(node_id), None),
                    "no scenario case reaches this outcome",
                    "add a [[trees.<id>.cases]] entry whose facts lead here",
                );
            }
        }
    }
}

/// Runs one case: the evaluation, and what differs from the case's expectations.
pub fn run_case(policy: &Policy, tree: &Tree, case: &RawCase) -> Result<(Evaluation, Vec<String>), String> {
    let mut answers = BTreeMap::new();
    for (fact_id, json) in &case.facts {
        let Some(fact) = policy.fact(fact_id) else {
            return Err(format!("fact `{fact_id}` is not asked by this policy"));
        };
        let v: Value = from_json(fact, json).map_err(|e| e.to_string())?;
        answers.insert(fact_id.clone(), v);
    }
    let eval = evaluate(policy, &tree.id, &answers).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    match Verdict::parse(&case.verdict) {
        None => problems.push(format!("`{}` is not a verdict", case.verdict)),
        Some(v) if v != eval.outcome.verdict => problems.push(format!(
            "expected verdict `{}` but the tree gives `{}` (outcome `{}`)",
            case.verdict,
            eval.outcome.verdict.id(),
            eval.node
        )),
        Some(_) => {}
    }
    if case.cite != eval.outcome.cite {
        problems.push(format!(
            "expected citations [{}] but the outcome cites [{}]",
            case.cite.join(", "),
            eval.outcome.cite.join(", ")
        ));
    }
    if let Some(expected) = &case.outcome {
        if expected != &eval.node {
            problems.push(format!("expected outcome `{expected}` but reached `{}`", eval.node));
        }
    }
    if !case.amounts.is_empty() {
        let got: Vec<String> = eval.amounts.iter().map(|a| a.value.to_string()).collect();
        let want: Vec<String> = case
            .amounts
            .iter()
            .map(|s| crate::money::parse_money(s).map(|d| d.to_string()).unwrap_or_else(|_| s.clone()))
            .collect();
        if got != want {
            problems.push(format!("expected amounts [{}] but got [{}]", want.join(", "), got.join(", ")));
        }
    }
    let unused: Vec<&String> = case.facts.keys().filter(|f| !eval.steps.iter().any(|s| &s.fact == *f)).collect();
    if !unused.is_empty() {
        let names: Vec<String> = unused.iter().map(|f| format!("`{f}`")).collect();
        problems.push(format!("the case gives {} but its path never asks it", names.join(", ")));
    }
    Ok((eval, problems))
}
