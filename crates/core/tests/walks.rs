//! Short walks on a phone: prints how many questions each path of each tree asks, and fails when
//! a path asks more than its tree allows (5, or the tree's `max_questions` with its reason), or a
//! gifts or hospitality walk asks more than 5.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::paths::enumerate;

#[test]
fn every_path_keeps_within_its_trees_maximum() {
    let catalog = common::catalog();
    let mut over = Vec::new();
    for policy in catalog.policies.values() {
        for tree in policy.trees.values() {
            let rows = enumerate(policy, &tree.id).unwrap();
            let lengths: Vec<usize> = rows.iter().map(|r| r.steps.len()).collect();
            let longest = lengths.iter().copied().max().unwrap_or(0);
            let mean = lengths.iter().sum::<usize>() as f64 / lengths.len().max(1) as f64;
            println!(
                "{:<14} {:<22} paths {:>3}  questions: longest {longest}, mean {mean:.1}, max allowed {}{}",
                policy.header.id,
                tree.id,
                rows.len(),
                tree.max_questions,
                tree.max_questions_reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default()
            );
            if longest > tree.max_questions as usize {
                over.push(format!("{} › {}: {longest} > {}", policy.header.id, tree.id, tree.max_questions));
            }
            let gifts = tree.topics.iter().any(|t| t == "gifts" || t == "hospitality");
            if gifts && longest > 5 {
                over.push(format!(
                    "{} › {}: a gift or hospitality walk asks {longest} questions",
                    policy.header.id, tree.id
                ));
            }
        }
    }
    assert!(over.is_empty(), "walks too long for a phone:\n{}", over.join("\n"));
}
