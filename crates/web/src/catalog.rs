//! The policies the widget carries, compiled in as text and checked once at start-up.
//!
//! The texts are embedded at build time (`include_str!`), so the widget needs no request to
//! show its first question; the core checks them exactly as `probity lint` does.

use probity_core::diag::Diagnostic;
use probity_core::{load, Catalog, Format, Source};

const VOCABULARY: &str = include_str!("../../../policies/vocabulary.toml");

/// The council files, in the order the start page lists them (by council name).
const POLICIES: &[(&str, &str)] = &[
    ("derbyshire.toml", include_str!("../../../policies/derbyshire.toml")),
    ("kent.toml", include_str!("../../../policies/kent.toml")),
    ("milton-keynes.toml", include_str!("../../../policies/milton-keynes.toml")),
    ("oxfordshire.toml", include_str!("../../../policies/oxfordshire.toml")),
    ("part-6b.toml", include_str!("../../../policies/part-6b.toml")),
];

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
    let sources: Vec<Source<'_>> = POLICIES.iter().map(|(label, text)| Source { label, text, format: Format::Toml }).collect();
    let loaded = load(Source { label: "vocabulary.toml", text: VOCABULARY, format: Format::Toml }, &sources);
    Bundle { catalog: loaded.catalog, diagnostics: loaded.diagnostics }
}

/// A council's own policy, fetched as JSON by the host page (`policy-src`), checked against the
/// built-in vocabulary. The built-in policies stay available beside it.
pub fn with_extra_policy(label: &str, json: &str) -> Bundle {
    let mut sources: Vec<Source<'_>> = POLICIES.iter().map(|(label, text)| Source { label, text, format: Format::Toml }).collect();
    sources.push(Source { label, text: json, format: Format::Json });
    let loaded = load(Source { label: "vocabulary.toml", text: VOCABULARY, format: Format::Toml }, &sources);
    Bundle { catalog: loaded.catalog, diagnostics: loaded.diagnostics }
}
