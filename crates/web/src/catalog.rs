//! The policies the widget works from.
//!
//! In the browser they arrive as compiled files, checked at build time (`probity compile`,
//! scripts/build-web.sh): [`from_compiled`] only verifies and decodes them (probity_core::compiled),
//! so no JSON policy parser or checker is in the widget's wasm. A council's own `policy-src` file
//! is checked by the separate checker module (crates/checker), which hands back the same form.
//!
//! [`embedded`] and [`with_extra_policy`] check the JSON bundle with the core instead: for the
//! build-time prerender and the tests, never called from [`crate::mount`], so the linker leaves
//! them (and the bundle's text) out of the widget's wasm. They exist only with the `bundle`
//! feature (the prerender and the tests), whose JSON reading would otherwise come with them.

#[cfg(feature = "bundle")]
use probity_core::catalog::{load_bundle, policy_id};
#[cfg(feature = "bundle")]
use probity_core::diag::{Code, Diagnostic};
use probity_core::Catalog;
#[cfg(feature = "bundle")]
use probity_core::{CheckOptions, Format, Source};

/// Every policy and the vocabulary as one JSON document, without the scenario cases (the rules
/// only), written by `probity bundle --without-cases` (scripts/regen-docs.sh); a test fails if it
/// is stale. JSON rather than TOML keeps a TOML parser out of the wasm the officer downloads.
#[cfg(feature = "bundle")]
const BUNDLE: &str = include_str!("../policies.bundle.json");

/// The checked catalog and whatever problems checking or loading found.
#[derive(Debug, Clone, Default)]
pub struct Bundle {
    pub catalog: Catalog,
    /// Each error as the officer's panel shows it: "message (where): help".
    pub problems: Vec<String>,
    /// The id of the council's own policy (`policy-src`) when it checked and is in the catalog,
    /// so the widget can say where it came from; never a built-in policy's id.
    pub custom: Option<String>,
}

impl PartialEq for Bundle {
    /// Two bundles are the same when they hold the same policies at the same digests.
    fn eq(&self, other: &Self) -> bool {
        let digests = |b: &Bundle| b.catalog.policies.values().map(|p| p.digest.clone()).collect::<Vec<_>>();
        digests(self) == digests(other) && self.problems == other.problems
    }
}

impl Bundle {
    /// Errors only; warnings (a clause never cited) do not stop a policy being used.
    pub fn errors(&self) -> &[String] {
        &self.problems
    }

    #[cfg(feature = "bundle")]
    fn checked(catalog: Catalog, diagnostics: &[Diagnostic], custom: Option<String>) -> Bundle {
        let problems = diagnostics.iter().filter(|d| d.is_error()).map(problem).collect();
        Bundle { catalog, problems, custom }
    }
}

/// An error as the panel lists it.
#[cfg(feature = "bundle")]
pub fn problem(d: &Diagnostic) -> String {
    format!("{} ({}): {}", d.message, d.location, d.help)
}

/// One compiled policy file as the page fetched it, with the id and digest the build's list
/// (pkg/build.js) names for it.
#[derive(Debug, Clone)]
pub struct CompiledFile {
    pub id: String,
    pub digest: String,
    pub bytes: Vec<u8>,
}

/// The catalog from compiled files. A file that fails its checks (damaged, another format
/// version, another council's or build's) is left out and named in the problems, so the panel
/// says so and the others still work. `custom` is a council's own policy compiled by the checker
/// module: it replaces a built-in policy with the same id, as a council publishing its edited
/// code expects.
pub fn from_compiled(files: &[CompiledFile], custom: Option<(&str, &[u8])>) -> Bundle {
    use probity_core::compiled::decode;
    let mut catalog = Catalog::default();
    let mut problems = Vec::new();
    for file in files {
        match decode(&file.bytes, Some((&file.id, &file.digest))) {
            Ok(policy) => {
                catalog.policies.insert(policy.header.id.clone(), policy);
            }
            Err(e) => problems.push(format!("{e} (policy file `{}`): {}", file.id, e.help())),
        }
    }
    let custom = custom.and_then(|(label, bytes)| match decode(bytes, None) {
        Ok(policy) => {
            let id = policy.header.id.clone();
            catalog.policies.insert(id.clone(), policy);
            Some(id)
        }
        Err(e) => {
            problems.push(format!("{e} ({label}): {}", e.help()));
            None
        }
    });
    Bundle { catalog, problems, custom }
}

#[cfg(feature = "bundle")]
pub fn embedded() -> Bundle {
    load(None)
}

/// A council's own policy, fetched as JSON by the host page (`policy-src`), checked against the
/// built-in vocabulary. The built-in policies stay available beside it.
#[cfg(feature = "bundle")]
pub fn with_extra_policy(label: &str, json: &str) -> Bundle {
    load(Some((label, json)))
}

#[cfg(feature = "bundle")]
fn load(extra: Option<(&str, &str)>) -> Bundle {
    let extra_source = extra.map(|(label, text)| Source { label, text, format: Format::Json });
    let loaded = load_bundle(BUNDLE, extra_source, CheckOptions::WITHOUT_CASES);
    let custom = extra.and_then(|(label, text)| custom_id(&loaded.catalog, &loaded.diagnostics, label, text));
    Bundle::checked(loaded.catalog, &loaded.diagnostics, custom)
}

/// The id the extra policy is known by in the catalog, if it got in. An extra policy with a
/// built-in id has replaced the built-in one (see above), so it is named as custom too: the
/// officer is told where the code they are reading came from.
/// The id is read as `load_bundle` reads it to decide what the file replaces.
#[cfg(feature = "bundle")]
fn custom_id(catalog: &Catalog, diagnostics: &[Diagnostic], label: &str, text: &str) -> Option<String> {
    let id = policy_id(text)?;
    let refused = diagnostics.iter().any(|d| d.code == Code::L015 && d.location.policy == label);
    (!refused && catalog.policy(&id).is_some()).then_some(id)
}
