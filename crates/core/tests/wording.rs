//! Verdicts are worded as the question the tree asks: no tree that is not a "Can I …?" question
//! may tell the officer "you can" or "you cannot", in its label or its headline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::model::{Node, TreeKind};

#[test]
fn no_non_permission_outcome_is_worded_as_permission() {
    let catalog = common::catalog();
    let mut bad = Vec::new();
    let mut checked = 0;
    for policy in catalog.policies.values() {
        for tree in policy.trees.values().filter(|t| t.kind != TreeKind::Permission) {
            for (id, node) in &tree.nodes {
                let Node::Outcome(o) = node else { continue };
                checked += 1;
                let shown = format!("{}: {}", o.label, o.headline).to_lowercase();
                if shown.contains("you can") || shown.contains("you cannot") || shown.contains("you can't") {
                    bad.push(format!("{} › {} › {id}: {shown}", policy.header.id, tree.id));
                }
            }
        }
    }
    assert!(checked > 60, "only {checked} outcomes on non-permission trees were read");
    assert!(bad.is_empty(), "worded as permission on a tree that is not \"Can I …?\":\n{}", bad.join("\n"));
}

#[test]
fn every_tree_states_its_kind_and_the_labels_follow_it() {
    let catalog = common::catalog();
    for policy in catalog.policies.values() {
        for tree in policy.trees.values() {
            let expected = match tree.id.as_str() {
                "political-restriction" => TreeKind::Status,
                "interests" | "arrest-bankruptcy" => TreeKind::Obligation,
                "reporting-concerns" => TreeKind::Route,
                _ => TreeKind::Permission,
            };
            assert_eq!(tree.kind, expected, "{} › {} has kind {:?}", policy.header.id, tree.id, tree.kind);
            for node in tree.nodes.values() {
                if let Node::Outcome(o) = node {
                    let ask = o.ask_for.unwrap_or(tree.kind.default_ask_for());
                    assert_eq!(
                        Some(o.label.as_str()),
                        probity_core::model::verdict_label(tree.kind, o.verdict, ask),
                        "{} › {}",
                        policy.header.id,
                        tree.id
                    );
                }
            }
        }
    }
}
