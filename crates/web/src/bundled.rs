//! The built-in policies as the JSON bundle, checked by the core as `probity lint` checks them:
//! for the build-time prerender and the tests, never in the widget's wasm (the `bundle` feature,
//! which `ssr` and scripts/test.sh turn on). The widget itself reads the compiled files
//! (`crate::catalog::from_compiled`); the bundle's reading needs serde_json's `raw_value`, which
//! would bring a JSON reader into every serialiser the widget uses.

use crate::catalog::Bundle;
use probity_core::catalog::{load_bundle, policy_id};
use probity_core::diag::{Code, Diagnostic};
use probity_core::{Catalog, CheckOptions, Format, Source};

/// Every policy and the vocabulary as one JSON document, without the scenario cases (the rules
/// only), written by `probity bundle --without-cases` (scripts/regen-docs.sh); a test fails if it
/// is stale. JSON rather than TOML keeps a TOML parser out of what the prerender reads.
const BUNDLE: &str = include_str!("../policies.bundle.json");

/// The built-in policies, checked.
pub fn embedded() -> Bundle {
    load(None)
}

/// A council's own policy, fetched as JSON by the host page (`policy-src`), checked against the
/// built-in vocabulary. The built-in policies stay available beside it.
pub fn with_extra_policy(label: &str, json: &str) -> Bundle {
    load(Some((label, json)))
}

fn load(extra: Option<(&str, &str)>) -> Bundle {
    let extra_source = extra.map(|(label, text)| Source { label, text, format: Format::Json });
    let loaded = load_bundle(BUNDLE, extra_source, CheckOptions::WITHOUT_CASES);
    let custom = extra.and_then(|(label, text)| custom_id(&loaded.catalog, &loaded.diagnostics, label, text));
    // Errors only; warnings (a clause never cited) do not stop a policy being used.
    let problems = loaded.diagnostics.iter().filter(|d| d.is_error()).map(problem).collect();
    Bundle { catalog: loaded.catalog, problems, custom }
}

/// An error as the panel lists it.
fn problem(d: &Diagnostic) -> String {
    format!("{} ({}): {}", d.message, d.location, d.help)
}

/// The id the extra policy is known by in the catalog, if it got in. An extra policy with a
/// built-in id has replaced the built-in one (see above), so it is named as custom too: the
/// officer is told where the code they are reading came from.
/// The id is read as `load_bundle` reads it to decide what the file replaces.
fn custom_id(catalog: &Catalog, diagnostics: &[Diagnostic], label: &str, text: &str) -> Option<String> {
    let id = policy_id(text)?;
    let refused = diagnostics.iter().any(|d| d.code == Code::L015 && d.location.policy == label);
    (!refused && catalog.policy(&id).is_some()).then_some(id)
}
