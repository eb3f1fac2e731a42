//! The five councils' policies: clean under lint, every outcome reached by a case, and every
//! clause quoted exactly from the council's code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use std::path::PathBuf;

#[test]
fn every_policy_is_clean_with_no_warnings() {
    let l = common::loaded();
    let all: Vec<String> = l.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(all.is_empty(), "lint is not clean:\n{}", all.join("\n"));
    assert_eq!(l.catalog.policies.len(), 5);
}

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/seeds")
}

/// Collapses white space and drops list bullets (`-`, `*`), which the policies may leave out
/// when they quote a list item; every word is still compared exactly.
fn normalise(s: &str) -> String {
    s.split_whitespace().filter(|w| !w.chars().all(|c| c == '-' || c == '*')).collect::<Vec<_>>().join(" ")
}

#[test]
fn every_clause_is_quoted_exactly_from_its_code() {
    let catalog = common::catalog();
    let mut problems = Vec::new();
    for (label, _, seed) in common::POLICIES {
        let id = label.trim_end_matches(".toml");
        let text = std::fs::read_to_string(seeds_dir().join(seed)).unwrap();
        let haystack = normalise(&text);
        let policy = catalog.policy(id).unwrap();
        for (reference, clause) in &policy.clauses {
            // A clause may join paragraphs the code prints apart; each part must be verbatim.
            for part in clause.split("\n\n") {
                let needle = normalise(part);
                if !haystack.contains(&needle) {
                    problems.push(format!("{id} {reference}: not found verbatim in {seed}: {needle}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn vendored_seeds_match_the_shared_originals() {
    // The seeds are vendored so the test runs anywhere; where the shared originals sit beside the
    // checkout (developers' machines and CI), they must be identical.
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    for (_, _, seed) in common::POLICIES {
        let ours = std::fs::read(seeds_dir().join(seed)).unwrap();
        if let Ok(theirs) = std::fs::read(shared.join(seed)) {
            assert_eq!(ours, theirs, "tests/seeds/{seed} differs from shared/seeds/{seed}");
        }
    }
}

#[test]
fn every_policy_has_every_shared_tree() {
    let catalog = common::catalog();
    let trees = [
        "gifts",
        "legacies",
        "discounts",
        "political-restriction",
        "political-activity",
        "fees",
        "outside-work",
        "interests",
        "relationships",
        "media",
        "council-resources",
        "arrest-bankruptcy",
        "reporting-concerns",
    ];
    for p in catalog.policies.values() {
        for t in trees {
            assert!(p.tree(t).is_some(), "{} has no `{t}` tree", p.header.id);
        }
    }
}

#[test]
fn part_6b_invents_no_council_name() {
    let catalog = common::catalog();
    let p = catalog.policy("part-6b").unwrap();
    assert!(p.header.council.contains("not named"), "{}", p.header.council);
}
