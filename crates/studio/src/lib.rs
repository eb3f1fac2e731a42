//! # probity-studio
//!
//! The policy studio's engine (`www/studio.html`): probity-core, with its TOML reader,
//! compiled to WebAssembly apart from the widget, so the widget's wasm carries none of it.
//! Each function takes the policy text as edited and returns JSON for the page's script:
//! [`analyse`] (every diagnostic at its line, the tree's graph, decision table and cases),
//! [`changes`] (the change report against another version) and [`policy_json`] (the JSON that
//! `policy-src` takes). Nothing here keeps state between calls, and nothing leaves the browser.

mod analysis;
mod changes;
mod export;
mod graph;
mod locate;
mod vocabulary;

pub use analysis::Analysis;
pub use locate::Locator;
use wasm_bindgen::prelude::*;

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

/// Lints `text` as `probity lint` would a file called `label`, and describes the tree `tree`
/// ("" for the first): `{diagnostics, errors, warnings, policy, tree}`.
#[wasm_bindgen]
pub fn analyse(text: &str, label: &str, tree: &str) -> String {
    to_json(&analysis::analyse(text, label, tree))
}

/// The change report from `old` to `new`: `{report, amounts}`, or `{error}` when either
/// version does not check.
#[wasm_bindgen]
pub fn changes(old: &str, new: &str) -> String {
    match changes::changes(old, new) {
        Ok(c) => to_json(&c),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}

/// The policy as the JSON `policy-src` takes: `{json}`, or `{error}` when the TOML cannot be read.
#[wasm_bindgen]
pub fn policy_json(text: &str) -> String {
    match export::policy_json(text) {
        Ok(json) => serde_json::json!({ "json": json }).to_string(),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}
