//! The policies the widget carries, compiled in as text and checked once at start-up.
//!
//! The texts are embedded at build time (`include_str!`), so the widget needs no request to
//! show its first question; the core checks them exactly as `probity lint` does.

use probity_core::diag::Diagnostic;
use probity_core::{load_with, Catalog, CheckOptions, Format, Source};

/// Every policy and the vocabulary as one JSON document, without the scenario cases (the rules
/// only), written by `probity bundle --without-cases` (scripts/regen-docs.sh); a test fails if it
/// is stale. JSON rather than TOML keeps a TOML parser out of the wasm the officer downloads.
const BUNDLE: &str = include_str!("../policies.bundle.json");

/// The bundle split back into one text per file, as the core's loader takes them.
fn sources() -> (String, Vec<(String, String)>) {
    let bundle: serde_json::Value = serde_json::from_str(BUNDLE).unwrap_or_default();
    let vocabulary = bundle.get("vocabulary").map(|v| v.to_string()).unwrap_or_default();
    let policies = bundle
        .get("policies")
        .and_then(|p| p.as_array())
        .map(|list| {
            list.iter()
                .map(|p| {
                    let id = p.pointer("/policy/id").and_then(|v| v.as_str()).unwrap_or("policy");
                    (format!("{id}.json"), p.to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    (vocabulary, policies)
}

/// The widget checks what it carries exactly as `probity lint` does, except that the cases
/// were left out of the bundle and so are not required.
const OPTIONS: CheckOptions = CheckOptions { require_cases: false };

/// The checked catalog and whatever problems checking found.
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
}

impl PartialEq for Bundle {
    /// Two bundles are the same when they hold the same policies at the same digests.
    fn eq(&self, other: &Self) -> bool {
        let digests = |b: &Bundle| b.catalog.policies.values().map(|p| p.digest.clone()).collect::<Vec<_>>();
        digests(self) == digests(other) && self.diagnostics == other.diagnostics
    }
}

impl Bundle {
    /// Errors only; warnings (a clause never cited) do not stop a policy being used.
    pub fn errors(&self) -> Vec<&Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error()).collect()
    }
}

pub fn embedded() -> Bundle {
    let (vocabulary, policies) = sources();
    let list: Vec<Source<'_>> = policies.iter().map(|(label, text)| Source { label, text, format: Format::Json }).collect();
    let loaded = load_with(Source { label: "vocabulary", text: &vocabulary, format: Format::Json }, &list, OPTIONS);
    Bundle { catalog: loaded.catalog, diagnostics: loaded.diagnostics }
}

/// A council's own policy, fetched as JSON by the host page (`policy-src`), checked against the
/// built-in vocabulary. The built-in policies stay available beside it.
pub fn with_extra_policy(label: &str, json: &str) -> Bundle {
    let (vocabulary, policies) = sources();
    let mut list: Vec<Source<'_>> = policies.iter().map(|(label, text)| Source { label, text, format: Format::Json }).collect();
    list.push(Source { label, text: json, format: Format::Json });
    let loaded = load_with(Source { label: "vocabulary", text: &vocabulary, format: Format::Json }, &list, OPTIONS);
    Bundle { catalog: loaded.catalog, diagnostics: loaded.diagnostics }
}
