//! The policies in force, compiled in as the widget's JSON bundle and checked once.
//!
//! The register page checks a declaration against the exact version it names; the versions in
//! force are these (the same bundle the widget carries, `probity bundle --without-cases`, so the
//! same digests as `probity register` computes from `policies/*.toml`: a version's digest does
//! not cover its scenario cases). Earlier versions come from the archive files the page fetches.

use probity_core::{load_with, Catalog, CheckOptions, Format, Source};
use serde_json::value::RawValue;
use std::sync::OnceLock;

const BUNDLE: &str = include_str!("../../web/policies.bundle.json");

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Parts<'a> {
    #[serde(borrow)]
    vocabulary: &'a RawValue,
    #[serde(borrow)]
    policies: Vec<&'a RawValue>,
}

/// The cases were left out of the bundle, so they are not required (as in the widget).
const OPTIONS: CheckOptions = CheckOptions { require_cases: false };

/// The checked policies in force, and the errors checking found (none in a good build).
pub struct InForce {
    pub catalog: Catalog,
    pub errors: Vec<String>,
}

fn check() -> InForce {
    let Ok(parts) = serde_json::from_str::<Parts<'static>>(BUNDLE) else {
        return InForce { catalog: Catalog::default(), errors: vec!["the built-in policies cannot be read".into()] };
    };
    let labels: Vec<String> = (1..=parts.policies.len()).map(|n| format!("built-in policy {n}")).collect();
    let list: Vec<Source<'_>> = parts
        .policies
        .iter()
        .zip(&labels)
        .map(|(text, label)| Source { label, text: text.get(), format: Format::Json })
        .collect();
    let loaded =
        load_with(Source { label: "vocabulary", text: parts.vocabulary.get(), format: Format::Json }, &list, OPTIONS);
    let errors =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| format!("{}: {}", d.code, d.message)).collect();
    InForce { catalog: loaded.catalog, errors }
}

/// Checked on first use, then kept for the page's life (checking takes a moment on a laptop).
pub fn in_force() -> &'static InForce {
    static IN_FORCE: OnceLock<InForce> = OnceLock::new();
    IN_FORCE.get_or_init(check)
}
