//! policies/README.md shows one minimal bad example per lint code and a worked example; this
//! test runs each, so the documentation and the linter cannot drift apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::diag::{Code, Diagnostic};
use probity_core::{load, Format, Source};

const README: &str = include_str!("../../../policies/README.md");
const HEADER: &str = "[policy]\nid = \"example\"\ncouncil = \"Example Council\"\ntitle = \"Example Code\"\nversion = \"2026\"\neffective = \"2026-01-01\"\nsource = \"lint example\"\n\n";

/// (info string, body) of every ```toml block.
fn blocks() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = README.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```toml") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
            out.push((info.trim().to_string(), body.join("\n")));
        }
    }
    out
}

fn lint(policy: Option<&str>, vocabulary: &str) -> Vec<Diagnostic> {
    let sources: Vec<Source<'_>> =
        policy.map(|text| Source { label: "example.toml", text, format: Format::Toml }).into_iter().collect();
    load(Source { label: "vocabulary.toml", text: vocabulary, format: Format::Toml }, &sources).diagnostics
}

fn check(code: &str, diags: &[Diagnostic]) {
    let codes: Vec<String> = diags.iter().map(|d| d.code.to_string()).collect();
    assert!(codes.iter().any(|c| c == code), "the {code} example did not trigger {code}; it gave {codes:?}");
    // Minimal: nothing else is wrong with it, except that a fragment may leave an outcome without a case.
    let others: Vec<&Diagnostic> =
        diags.iter().filter(|d| d.code.to_string() != code && d.is_error() && d.code != Code::L017).collect();
    assert!(
        others.is_empty(),
        "the {code} example also triggers: {}",
        others.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn every_lint_code_has_an_example_that_triggers_it() {
    let examples: Vec<(String, String)> = blocks().into_iter().filter(|(info, _)| info.starts_with("lint=")).collect();
    for code in Code::ALL {
        let name = code.to_string();
        let (info, body) = examples
            .iter()
            .find(|(info, _)| info.split_whitespace().next() == Some(&format!("lint={name}")))
            .unwrap_or_else(|| panic!("policies/README.md has no example for {name}"));
        assert!(
            README.contains(&format!("### {name} {}", code.name())),
            "the heading for {name} should name it `{}`",
            code.name()
        );
        let diags = if info.contains("vocabulary") {
            lint(None, body)
        } else {
            lint(Some(&format!("{HEADER}{body}")), common::VOCABULARY)
        };
        check(&name, &diags);
    }
}

#[test]
fn the_worked_example_is_clean() {
    let (_, body) = blocks().into_iter().find(|(info, _)| info == "example").expect("a worked example");
    let diags = lint(Some(&body), common::VOCABULARY);
    assert!(
        diags.is_empty(),
        "the worked example has problems:\n{}",
        diags.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    );
}
