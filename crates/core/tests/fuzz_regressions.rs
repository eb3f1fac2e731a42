//! Replays every input the fuzzers kept (fuzz/corpus) and every crash they found
//! (fuzz/artifacts, committed once fixed) through the same entry points, in the normal test run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::robustness::{declaration_text, money_text, policy_every_path, policy_text};
use probity_core::Format;
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut out = Vec::new();
    for dir in [root.join("corpus").join(target), root.join("artifacts").join(target)] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                if e.path().is_file() {
                    out.push((e.path(), std::fs::read(e.path()).unwrap()));
                }
            }
        }
    }
    out
}

fn texts(target: &str) -> Vec<(PathBuf, String)> {
    let all = inputs(target);
    assert!(!all.is_empty(), "fuzz/corpus/{target} is empty");
    all.into_iter().filter_map(|(p, b)| String::from_utf8(b).ok().map(|t| (p, t))).collect()
}

#[test]
fn policy_corpora_never_panic() {
    let catalog = common::catalog();
    for (_, text) in texts("policy_toml") {
        policy_text(&catalog.vocabulary, &text, Format::Toml);
    }
    for (_, text) in texts("policy_json") {
        policy_text(&catalog.vocabulary, &text, Format::Json);
    }
}

/// The `policy_paths` corpus, and the two older policy corpora too: whatever checks, every path
/// of it evaluates (amounts included) to the outcome it lists.
#[test]
fn every_path_of_every_policy_in_the_corpora_evaluates() {
    let catalog = common::catalog();
    let mut failures = Vec::new();
    for target in ["policy_paths", "policy_toml", "policy_json"] {
        for (path, text) in texts(target) {
            if let Err(e) = policy_every_path(&catalog.vocabulary, &text, Format::Toml) {
                failures.push(format!("{}: {e}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn money_corpus_keeps_its_promise() {
    for (path, text) in texts("money") {
        money_text(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

#[test]
fn declaration_corpus_never_panics() {
    let catalog = common::catalog();
    for (_, text) in texts("declaration") {
        declaration_text(&text, &probity_core::archive::Versions::current(&catalog.policies));
    }
}
