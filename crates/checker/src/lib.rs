//! # probity-checker
//!
//! The in-browser checker for a council's own policy (`policy-src`, and the studio's "Try it"):
//! the JSON reader and the same checks as `probity lint`, compiled to its own wasm
//! (www/checker/pkg/) so the widget's wasm carries neither. www/probity-widget.js loads it only
//! when a page names `policy-src`; it hands back the policy in the compiled form the widget
//! loads built-in policies in (probity_core::compiled), or the errors that stopped it.

use probity_core::{load_with, CheckOptions, Format, Source};
use wasm_bindgen::prelude::*;

/// The result of checking: the compiled policy, or the errors, as the widget's panel lists them.
#[wasm_bindgen]
pub struct Checked {
    bytes: Option<Vec<u8>>,
    problems: Vec<String>,
}

#[wasm_bindgen]
impl Checked {
    /// The compiled policy, when it checked.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        self.bytes.clone()
    }

    /// Each error as "message (where): help".
    pub fn problems(&self) -> Vec<String> {
        self.problems.clone()
    }
}

/// Checks `policy_json` (labelled `label` in messages) against the built-in vocabulary
/// (`vocabulary_json`, the build's pkg/policies/vocabulary.json).
#[wasm_bindgen]
pub fn check(vocabulary_json: &str, label: &str, policy_json: &str) -> Checked {
    let checked = compile(vocabulary_json, label, policy_json);
    match checked {
        Ok(bytes) => Checked { bytes: Some(bytes), problems: Vec::new() },
        Err(problems) => Checked { bytes: None, problems },
    }
}

/// The compiled policy, or every error found. Warnings do not stop a policy being used.
pub fn compile(vocabulary_json: &str, label: &str, policy_json: &str) -> Result<Vec<u8>, Vec<String>> {
    let vocabulary = Source { label: "vocabulary", text: vocabulary_json, format: Format::Json };
    let policy = Source { label, text: policy_json, format: Format::Json };
    // A published policy may leave its cases out, as the built-in ones in the widget do.
    let loaded = load_with(vocabulary, &[policy], CheckOptions::WITHOUT_CASES);
    let problems: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} ({}): {}", d.message, d.location, d.help))
        .collect();
    match loaded.catalog.policies.values().next() {
        Some(policy) if problems.is_empty() => Ok(probity_core::compiled::encode(policy)),
        _ if problems.is_empty() => {
            Err(vec![format!("`{label}` holds no policy: check it is a council's policy file")])
        }
        _ => Err(problems),
    }
}
