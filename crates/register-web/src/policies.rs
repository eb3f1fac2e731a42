//! The policies in force, compiled in as the widget's JSON bundle and checked once.
//!
//! The register page checks a declaration against the exact version it names; the versions in
//! force are these (the same bundle the widget carries, `probity bundle --without-cases`, so the
//! same digests as `probity register` computes from `policies/*.toml`: a version's digest does
//! not cover its scenario cases). Earlier versions come from the archive files the page fetches.

use probity_core::catalog::load_bundle;
use probity_core::CheckOptions;
use std::sync::OnceLock;

const BUNDLE: &str = include_str!("../../web/policies.bundle.json");

/// The checked policies in force, and the errors checking found (none in a good build).
pub struct InForce {
    pub catalog: probity_core::Catalog,
    pub errors: Vec<String>,
}

fn check() -> InForce {
    let loaded = load_bundle(BUNDLE, None, CheckOptions::WITHOUT_CASES);
    let errors =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| format!("{}: {}", d.code, d.message)).collect();
    InForce { catalog: loaded.catalog, errors }
}

/// Checked on first use, then kept for the page's life (checking takes a moment on a laptop).
pub fn in_force() -> &'static InForce {
    static IN_FORCE: OnceLock<InForce> = OnceLock::new();
    IN_FORCE.get_or_init(check)
}
