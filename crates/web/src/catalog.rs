//! The policies the widget carries, compiled in as text and checked once at start-up.
//!
//! The texts are embedded at build time (`include_str!`), so the widget needs no request to
//! show its first question; the core checks them exactly as `probity lint` does.

use probity_core::diag::{Code, Diagnostic};
use probity_core::{load_with, Catalog, CheckOptions, Format, Source};
use serde_json::value::RawValue;

/// Every policy and the vocabulary as one JSON document, without the scenario cases (the rules
/// only), written by `probity bundle --without-cases` (scripts/regen-docs.sh); a test fails if it
/// is stale. JSON rather than TOML keeps a TOML parser out of the wasm the officer downloads.
const BUNDLE: &str = include_str!("../policies.bundle.json");

/// The bundle's parts as slices of its text: the vocabulary and each policy. The core parses
/// and checks each on its own, so one broken policy never hides the others; slicing (rather
/// than parsing the whole bundle into values and printing each part back out) reads the text
/// once more instead of three times, which the officer's phone feels at start-up.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Parts<'a> {
    #[serde(borrow)]
    vocabulary: &'a RawValue,
    #[serde(borrow)]
    policies: Vec<&'a RawValue>,
}

fn parts() -> Option<Parts<'static>> {
    serde_json::from_str(BUNDLE).ok()
}

/// Labels for the built-in policies in diagnostics (their ids are inside the text).
fn labels(count: usize) -> Vec<String> {
    (1..=count).map(|n| format!("built-in policy {n}")).collect()
}

/// The widget checks what it carries exactly as `probity lint` does, except that the cases
/// were left out of the bundle and so are not required.
const OPTIONS: CheckOptions = CheckOptions { require_cases: false };

/// The checked catalog and whatever problems checking found.
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
    /// The id of the council's own policy (`policy-src`) when it checked and is in the catalog,
    /// so the widget can say where it came from; never a built-in policy's id.
    pub custom: Option<String>,
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
    load(None)
}

/// A council's own policy, fetched as JSON by the host page (`policy-src`), checked against the
/// built-in vocabulary. The built-in policies stay available beside it.
pub fn with_extra_policy(label: &str, json: &str) -> Bundle {
    load(Some((label, json)))
}

/// The id in a policy's `[policy]` header. Read as a plain JSON value, whose reader the widget
/// already carries (for the cases' facts), so this adds next to nothing to the wasm.
fn policy_id(json: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    value.get("policy")?.get("id")?.as_str().map(str::to_string)
}

fn load(extra: Option<(&str, &str)>) -> Bundle {
    let Some(parts) = parts() else {
        // Only a broken build gets here (a test parses the bundle); say so rather than show nothing.
        let vocabulary = Source { label: "built-in bundle", text: "", format: Format::Json };
        let loaded = load_with(vocabulary, &[], OPTIONS);
        return Bundle { catalog: loaded.catalog, diagnostics: loaded.diagnostics, custom: None };
    };
    let labels = labels(parts.policies.len());
    // A council's own file replaces the built-in policy with the same id, so a council can
    // publish its edited code (from the policy studio) without a rebuild.
    let replaced = extra.and_then(|(_, text)| policy_id(text));
    let mut list: Vec<Source<'_>> = parts
        .policies
        .iter()
        .zip(&labels)
        .filter(|(text, _)| replaced.is_none() || policy_id(text.get()) != replaced)
        .map(|(text, label)| Source { label, text: text.get(), format: Format::Json })
        .collect();
    if let Some((label, text)) = extra {
        list.push(Source { label, text, format: Format::Json });
    }
    let loaded =
        load_with(Source { label: "vocabulary", text: parts.vocabulary.get(), format: Format::Json }, &list, OPTIONS);
    let custom = extra.and_then(|(label, text)| custom_id(&loaded.catalog, &loaded.diagnostics, label, text));
    Bundle { catalog: loaded.catalog, diagnostics: loaded.diagnostics, custom }
}

/// The id the extra policy is known by in the catalog, if it got in. An extra policy with a
/// built-in id has replaced the built-in one (see above), so it is named as custom too: the
/// officer is told where the code they are reading came from.
/// The id is read with the core's own parser (already in the wasm, so no new code for it).
fn custom_id(catalog: &Catalog, diagnostics: &[Diagnostic], label: &str, text: &str) -> Option<String> {
    let id = probity_core::raw::parse_policy(text, Format::Json).ok()?.policy.id;
    let refused = diagnostics.iter().any(|d| d.code == Code::L015 && d.location.policy == label);
    (!refused && catalog.policy(&id).is_some()).then_some(id)
}
