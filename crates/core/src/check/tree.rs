//! One tree: its header fields, each node as a question or an outcome, then its graph and amounts.

use super::*;

pub(super) fn check_tree(
    tree_id: &str,
    raw_tree: &RawTree,
    raw: &RawPolicy,
    vocabulary: &Vocabulary,
    limits: &Limits,
    r: &mut Reporter,
    cited: &mut BTreeSet<String>,
) -> Option<Tree> {
    let errors_before = r.diagnostics.iter().filter(|d| d.is_error()).count();
    let at = |r: &Reporter, node: Option<&str>, detail: Option<String>| r.at(Some(tree_id), node, detail);
    if !limits::tree(raw_tree, limits, r, at(r, None, None)) {
        return None;
    }
    if !is_slug(tree_id) {
        r.push(
            Code::L015,
            at(r, None, None),
            format!("tree id `{tree_id}` is not a lower-case slug"),
            "use lower-case letters, digits and hyphens, for example `gifts`",
        );
    }
    if raw_tree.title.trim().is_empty() {
        r.push(
            Code::L015,
            at(r, None, None),
            "the tree has no title",
            "write the question it answers, for example \"Can I accept this gift?\"",
        );
    }
    if raw_tree.topics.is_empty() {
        r.push(
            Code::L015,
            at(r, None, None),
            "the tree names no topic",
            "add `topics = [\"…\"]` with ids from [topics] in vocabulary.toml",
        );
    }
    for t in &raw_tree.topics {
        if vocabulary.topic_label(t).is_none() {
            r.push(
                Code::L015,
                at(r, None, None),
                format!("topic `{t}` is not in the vocabulary"),
                "use a topic id from [topics] in vocabulary.toml",
            );
        }
    }
    let tree_kind = kind::tree_kind(raw_tree, r, at(r, None, Some("kind".into())));
    let record = records::tree_record(raw_tree, &vocabulary.records, r, at(r, None, Some("record".into())));
    let max_questions = phone::max_questions(raw_tree, r, at(r, None, Some("max_questions".into())));
    if !raw_tree.nodes.contains_key(&raw_tree.start) {
        r.push(
            Code::L001,
            at(r, None, Some("start".into())),
            format!("the start node `{}` does not exist", raw_tree.start),
            "set `start` to the id of the tree's first node",
        );
    }

    let mut cite = |r: &mut Reporter, refs: &[String], node: &str, detail: Option<String>| {
        for reference in refs {
            cited.insert(reference.clone());
            if !raw.clauses.contains_key(reference) {
                r.push(
                    Code::L011,
                    at(r, Some(node), detail.clone()),
                    format!("clause `{reference}` is not in the clause table"),
                    "add it under [clauses] with its exact text, or correct the reference",
                );
            }
        }
    };

    let mut nodes = BTreeMap::new();
    for (node_id, n) in &raw_tree.nodes {
        let loc = |r: &Reporter| at(r, Some(node_id), None);
        match (&n.ask, &n.verdict) {
            (Some(_), Some(_)) => {
                r.push(
                    Code::L014,
                    loc(r),
                    "the node has both `ask` and `verdict`",
                    "a node either asks a question (`ask`) or gives an outcome (`verdict`), not both",
                );
                continue;
            }
            (None, None) => {
                r.push(
                    Code::L014,
                    loc(r),
                    "the node has neither `ask` nor `verdict`",
                    "add `ask = \"<fact>\"` for a question or `verdict = \"…\"` for an outcome",
                );
                continue;
            }
            (Some(fact_id), None) => {
                for (field, present) in [
                    ("headline", n.headline.is_some()),
                    ("summary", n.summary.is_some()),
                    ("actions", !n.actions.is_empty()),
                    ("notes", !n.notes.is_empty()),
                    ("amounts", !n.amounts.is_empty()),
                ] {
                    if present {
                        r.push(
                            Code::L014,
                            loc(r),
                            format!("the question node has `{field}`, which only outcomes take"),
                            "move it to the outcome it belongs to",
                        );
                    }
                }
                cite(r, &n.cite, node_id, None);
                kind::rewording(n, r, loc(r));
                let Some(fact) = vocabulary.facts.get(fact_id) else {
                    r.push(
                        Code::L005,
                        loc(r),
                        format!("fact `{fact_id}` is not in the vocabulary"),
                        "use a fact from vocabulary.toml, or add it there",
                    );
                    continue;
                };
                if n.branches.is_empty() {
                    r.push(
                        Code::L004,
                        loc(r),
                        "the question has no branches, so its path never reaches an outcome",
                        "add branches with `go = \"<node>\"`",
                    );
                }
                if !limits::branches(n.branches.len(), limits, r, loc(r)) {
                    continue;
                }
                let mut branches = Vec::new();
                for (i, b) in n.branches.iter().enumerate() {
                    let bloc = |r: &Reporter| at(r, Some(node_id), Some(format!("branch {}", ordinal(i))));
                    cite(r, &b.cite, node_id, Some(format!("branch {}", ordinal(i))));
                    if !raw_tree.nodes.contains_key(&b.go) {
                        r.push(
                            Code::L001,
                            bloc(r),
                            format!("branch goes to `{}`, which does not exist", b.go),
                            "point `go` at a node of this tree",
                        );
                    }
                    let when = match (&b.when, b.otherwise) {
                        (Some(c), None) if limits::condition(c, limits, r, bloc(r)) => {
                            convert_condition(c, fact, r, &bloc(r))
                        }
                        (Some(_), None) => None,
                        (None, Some(true)) => Some(Condition::Otherwise),
                        (None, Some(false)) => {
                            r.push(
                                Code::L014,
                                bloc(r),
                                "`otherwise = false` means nothing",
                                "write `otherwise = true` for the catch-all branch, or give a `when`",
                            );
                            None
                        }
                        (Some(_), Some(_)) => {
                            r.push(
                                Code::L014,
                                bloc(r),
                                "the branch has both `when` and `otherwise`",
                                "keep one: a condition, or `otherwise = true`",
                            );
                            None
                        }
                        (None, None) => {
                            r.push(
                                Code::L014,
                                bloc(r),
                                "the branch has neither `when` nor `otherwise`",
                                "add `when = { … }` or `otherwise = true`",
                            );
                            None
                        }
                    };
                    if let Some(when) = when {
                        branches.push(Branch { when, go: b.go.clone(), cite: b.cite.clone() });
                    }
                }
                if branches.len() == n.branches.len() && !branches.is_empty() {
                    check_coverage(fact, &branches, r, &loc(r));
                }
                nodes.insert(
                    node_id.clone(),
                    Node::Question(QuestionNode {
                        fact: fact_id.clone(),
                        question: n.question.clone().unwrap_or_else(|| fact.question.clone()),
                        reworded: n.reworded.clone(),
                        hint: n.hint.clone().or_else(|| fact.hint.clone()),
                        branches,
                        cite: n.cite.clone(),
                    }),
                );
            }
            (None, Some(verdict)) => {
                for (field, present) in [
                    ("question", n.question.is_some()),
                    ("reworded", n.reworded.is_some()),
                    ("hint", n.hint.is_some()),
                    ("branches", !n.branches.is_empty()),
                ] {
                    if present {
                        r.push(
                            Code::L014,
                            loc(r),
                            format!("the outcome node has `{field}`, which only questions take"),
                            "remove it, or make this node a question with `ask`",
                        );
                    }
                }
                if let Some(o) = check_outcome(n, verdict, tree_kind, node_id, vocabulary, r, &at) {
                    if o.cite.is_empty() {
                        r.push(
                            Code::L012,
                            loc(r),
                            "the outcome cites no clause",
                            "add `cite = [\"…\"]` with the clauses this answer rests on",
                        );
                    }
                    cite(r, &o.cite, node_id, None);
                    nodes.insert(node_id.clone(), Node::Outcome(o));
                }
            }
        }
    }

    let graph_ok = !r.diagnostics.iter().any(|d| d.code == Code::L001 && d.location.tree.as_deref() == Some(tree_id));
    if graph_ok {
        check_graph(tree_id, raw_tree, r);
        check_amount_facts(tree_id, raw_tree, &nodes, r);
        if !r.diagnostics.iter().any(|d| d.code == Code::L003 && d.location.tree.as_deref() == Some(tree_id)) {
            phone::walk(&raw_tree.start, &nodes, max_questions, r, at(r, None, Some("walk length".into())));
        }
    }
    let errors_after = r.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors_after > errors_before {
        return None;
    }
    Some(Tree {
        id: tree_id.to_string(),
        title: raw_tree.title.clone(),
        kind: tree_kind?,
        max_questions,
        max_questions_reason: raw_tree.max_questions_reason.clone(),
        topics: raw_tree.topics.clone(),
        intro: raw_tree.intro.clone(),
        start: raw_tree.start.clone(),
        nodes,
        cases: Vec::new(),
        record,
    })
}
