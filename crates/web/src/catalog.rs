//! The policies the widget works from.
//!
//! In the browser they arrive as compiled files, checked at build time (`probity compile`,
//! scripts/build-web.sh): [`from_compiled`] only verifies and decodes them (probity_core::compiled),
//! so no JSON policy parser or checker is in the widget's wasm. A council's own `policy-src` file
//! is checked by the separate checker module (crates/checker), which hands back the same form.
//!
//! The prerender and the tests check the JSON bundle with the core instead (`crate::bundled`,
//! only with the `bundle` feature).

use probity_core::Catalog;

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
