//! "How do other councils treat this?": asking the few facts other councils need, one at a time,
//! until every council that has the tree gives a verdict.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::model::FactKind;
use std::collections::BTreeMap;

/// An answer a person might give: the first option, or a middling amount.
fn some_answer(kind: &FactKind, options: &[probity_core::model::ChoiceOption]) -> serde_json::Value {
    match kind {
        FactKind::Money => serde_json::json!("30"),
        FactKind::WholeNumber { min, .. } => serde_json::json!(min.max(&1)),
        _ => serde_json::json!(options[0].id),
    }
}

#[test]
fn asking_the_missing_facts_lines_every_council_up_in_every_tree() {
    let catalog = common::catalog();
    let trees: Vec<String> = catalog.policies.values().flat_map(|p| p.trees.keys().cloned()).collect();
    for tree in trees {
        let mut facts = BTreeMap::new();
        let mut asked = Vec::new();
        while let Some((fact, waiting)) = catalog.next_missing(&tree, &facts) {
            assert!(!waiting.is_empty());
            assert!(!asked.contains(&fact.id), "`{}` asked twice in {tree}", fact.id);
            asked.push(fact.id.clone());
            facts.insert(fact.id.clone(), some_answer(&fact.kind, &fact.options));
            assert!(asked.len() < 40, "{tree}: no end to the questions: {asked:?}");
        }
        for row in catalog.compare(&tree, &facts) {
            assert!(row.result.is_ok(), "{tree}: {} gives no verdict: {:?}", row.policy.header.id, row.result.err());
        }
    }
}
