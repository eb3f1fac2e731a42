//! The vocabulary keeps its promise (policies/README.md, "One meaning per fact"): every fact it
//! defines is asked by some policy, and a fact in one council's own section is asked by that
//! council only. A fact nobody asks is a question nobody can answer the same way twice; a
//! council-only fact asked by another council is a second meaning in disguise.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::{load, Catalog, Format, Source};
use std::collections::{BTreeMap, BTreeSet};

/// The council whose own section each council-only fact sits in, read from the vocabulary's
/// section markers (`# ----… <id> only` to `# ----… end of <id> only`).
fn council_sections(vocabulary: &str) -> BTreeMap<String, String> {
    let mut owner_of = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in vocabulary.lines() {
        let line = line.trim();
        if let Some(marker) = line.strip_prefix('#').map(str::trim).filter(|m| m.starts_with('-')) {
            let words = marker.trim_start_matches('-').trim();
            if let Some(id) = words.strip_prefix("end of ").and_then(|w| w.strip_suffix(" only")) {
                assert_eq!(current.as_deref(), Some(id), "`{line}` closes a section that is not open");
                current = None;
            } else if let Some(id) = words.strip_suffix(" only") {
                assert!(current.is_none(), "`{line}` opens a section inside another");
                current = Some(id.to_string());
            }
        } else if let Some(fact) = line.strip_prefix("[facts.").and_then(|r| r.strip_suffix(']')) {
            if let Some(id) = &current {
                owner_of.insert(fact.to_string(), id.clone());
            }
        }
    }
    assert!(current.is_none(), "the section for `{}` is never closed", current.unwrap_or_default());
    owner_of
}

/// Which policies ask each fact (a question node's `ask`, in any tree).
fn askers(catalog: &Catalog) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for policy in catalog.policies.values() {
        for tree in policy.trees.values() {
            for fact in tree.facts() {
                out.entry(fact.to_string()).or_default().insert(policy.header.id.clone());
            }
        }
    }
    out
}

/// Facts the vocabulary defines that no policy asks.
fn unasked(catalog: &Catalog) -> Vec<String> {
    let asked = askers(catalog);
    catalog.vocabulary.facts.keys().filter(|f| !asked.contains_key(*f)).cloned().collect()
}

/// Council-only facts asked by another council: (fact, its council, the other council).
fn asked_by_another_council(vocabulary: &str, catalog: &Catalog) -> Vec<(String, String, String)> {
    let asked = askers(catalog);
    let mut out = Vec::new();
    for (fact, owner) in council_sections(vocabulary) {
        for asker in asked.get(&fact).into_iter().flatten() {
            if asker != &owner {
                out.push((fact.clone(), owner.clone(), asker.clone()));
            }
        }
    }
    out
}

#[test]
fn every_fact_the_vocabulary_defines_is_asked_by_some_policy() {
    let unasked = unasked(&common::catalog());
    assert!(
        unasked.is_empty(),
        "no policy asks these facts; remove them from policies/vocabulary.toml: {}",
        unasked.join(", ")
    );
}

#[test]
fn a_council_only_fact_is_asked_by_that_council_only() {
    let catalog = common::catalog();
    let sections = council_sections(common::VOCABULARY);
    // The markers are what this test reads: if they drift, it must not pass by finding nothing.
    let owners: BTreeSet<&String> = sections.values().collect();
    for owner in &owners {
        assert!(catalog.policy(owner).is_some(), "the vocabulary has a section for `{owner}`, which is no policy");
    }
    assert!(owners.len() >= 5, "expected a section per council, found {owners:?}");
    let wrong = asked_by_another_council(common::VOCABULARY, &catalog);
    assert!(
        wrong.is_empty(),
        "council-only facts asked by another council (make the fact shared, or give that council its own): {wrong:?}"
    );
}

/// A council that borrows Kent's own fact, to show the second check fails when it should.
const INTRUDER: &str = r#"
[policy]
id = "intruder"
council = "Intruder Council"
title = "Borrowed Code"
version = "1"
effective = "2026-01-01"
source = "test"
[clauses]
"1" = "Speak to the media only if authorised."
[trees.media]
title = "Can I speak to the media?"
kind = "permission"
topics = ["media"]
start = "authorised"
[trees.media.nodes.authorised]
ask = "kent_media_authorised"
branches = [ { otherwise = true, go = "done" } ]
[trees.media.nodes.done]
verdict = "yes"
headline = "Yes"
cite = ["1"]
[[trees.media.cases]]
name = "any"
facts = { kent_media_authorised = "yes" }
verdict = "yes"
cite = ["1"]
"#;

#[test]
fn the_checks_find_an_unasked_fact_and_a_borrowed_one() {
    let extra = format!("{}\n[facts.nobody_asks_this]\ntype = \"yes_no\"\nquestion = \"Is it?\"\n", common::VOCABULARY);
    let mut sources: Vec<Source<'_>> =
        common::POLICIES.iter().map(|(label, text, _)| Source { label, text, format: Format::Toml }).collect();
    sources.push(Source { label: "intruder.toml", text: INTRUDER, format: Format::Toml });
    let loaded = load(Source { label: "vocabulary.toml", text: &extra, format: Format::Toml }, &sources);
    assert!(loaded.catalog.policy("intruder").is_some(), "{:?}", loaded.diagnostics);
    assert!(unasked(&loaded.catalog).contains(&"nobody_asks_this".to_string()));
    let wrong = asked_by_another_council(&extra, &loaded.catalog);
    assert!(
        wrong.contains(&("kent_media_authorised".to_string(), "kent".to_string(), "intruder".to_string())),
        "{wrong:?}"
    );
}
