//! Path enumeration over every tree of every policy: each witness reaches its outcome, every
//! outcome node is on some path, and money bounds get witnesses below, at and above.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::eval::evaluate;
use probity_core::model::Node;
use probity_core::paths::enumerate;
use std::collections::BTreeSet;

#[test]
fn every_path_witness_reaches_its_outcome_and_every_outcome_has_a_path() {
    let catalog = common::catalog();
    for p in catalog.policies.values() {
        for (tree_id, tree) in &p.trees {
            let rows = enumerate(p, tree_id).unwrap();
            let mut reached = BTreeSet::new();
            for row in &rows {
                let e = evaluate(p, tree_id, &row.witness).unwrap();
                assert_eq!(e.node, row.outcome, "{}/{tree_id}", p.header.id);
                for (fact, values) in &row.boundary_witnesses {
                    for v in values {
                        let mut w = row.witness.clone();
                        w.insert(fact.clone(), v.clone());
                        assert_eq!(
                            evaluate(p, tree_id, &w).unwrap().node,
                            row.outcome,
                            "{}/{tree_id} {fact}={v:?}",
                            p.header.id
                        );
                    }
                }
                reached.insert(row.outcome.clone());
            }
            for (id, node) in &tree.nodes {
                if matches!(node, Node::Outcome(_)) {
                    assert!(reached.contains(id), "{}/{tree_id}: no path reaches `{id}`", p.header.id);
                }
            }
        }
    }
}

#[test]
fn money_bounds_have_witnesses_either_side() {
    let catalog = common::catalog();
    let p = catalog.policy("oxfordshire").unwrap();
    let rows = enumerate(p, "gifts").unwrap();
    let all: BTreeSet<String> = rows
        .iter()
        .flat_map(|r| r.boundary_witnesses.get("offer_value").cloned().unwrap_or_default())
        .map(|v| v.to_json().as_str().unwrap().to_string())
        .collect();
    for v in ["49.99", "50.00", "50.01"] {
        assert!(all.contains(v), "no witness {v} in {all:?}");
    }
}
