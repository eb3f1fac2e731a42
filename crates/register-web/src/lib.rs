//! # probity-register-web
//!
//! The register page's engine (`www/register.html`): probity-core's declaration checks and
//! register compiled to WebAssembly apart from the widget, so the widget's wasm carries none
//! of it. The page hands it file texts; it verifies each declaration against the exact policy
//! version it names (in force, compiled in; or an archived version the page fetched from the
//! site's own `register/archive/` files) and keeps the register HR is working on. Every answer
//! is JSON for the page's script. Nothing leaves the browser.

mod book;
mod policies;

pub use book::{Book, Outcome, Refused, MAX_BYTES};
use probity_core::declaration::WHAT_THE_DIGEST_PROVES;
use probity_core::register::{csv, COLUMNS};
use wasm_bindgen::prelude::*;

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string())
}

fn result_json(result: Result<serde_json::Value, String>) -> String {
    match result {
        Ok(v) => serde_json::json!({ "ok": v }).to_string(),
        Err(e) => serde_json::json!({ "error": e }).to_string(),
    }
}

/// What the page shows before any file: the columns (id, heading), the statement of what the
/// digest proves, the councils in force, and any error in the built-in policies.
#[wasm_bindgen]
pub fn start() -> String {
    let in_force = policies::in_force();
    let columns: Vec<_> = COLUMNS.iter().map(|c| serde_json::json!({ "id": c.id, "heading": c.heading })).collect();
    let councils: Vec<String> = in_force.catalog.policies.values().map(|p| p.version_in_words()).collect();
    serde_json::json!({
        "columns": columns,
        "what_the_digest_proves": WHAT_THE_DIGEST_PROVES,
        "councils": councils,
        "errors": in_force.errors,
    })
    .to_string()
}

/// The register HR is working on.
#[wasm_bindgen]
#[derive(Default)]
pub struct RegisterBook {
    book: Book,
}

#[wasm_bindgen]
impl RegisterBook {
    #[wasm_bindgen(constructor)]
    pub fn new() -> RegisterBook {
        RegisterBook::default()
    }

    /// The archive file to fetch before verifying `text` (`<id>/<name>.json`), or "".
    pub fn archive_file(&self, text: &str) -> String {
        self.book.archive_file(text).unwrap_or_default()
    }

    /// Keeps a fetched archive file: `{ok}` or `{error}`.
    pub fn add_archive(&mut self, file: &str, text: &str) -> String {
        result_json(self.book.add_archive(file, text).map(|()| serde_json::Value::Null))
    }

    /// Verifies and adds one declaration: `{status: "added"|"already_there"|"refused", …}`.
    pub fn add(&mut self, file: &str, text: &str) -> String {
        to_json(&self.book.add(file, text))
    }

    /// Opens a saved register, merged into this one (`Register::merge`): `{ok: {added,
    /// already_there, actions_taken, actions_kept, rows}}` or `{error}`.
    pub fn open(&mut self, text: &str) -> String {
        result_json(self.book.open(text).map(|m| {
            serde_json::json!({
                "added": m.added,
                "already_there": m.already_there,
                "actions_taken": m.actions_taken,
                "actions_kept": m.actions_kept,
                "rows": self.book.rows().len(),
            })
        }))
    }

    /// Sets a row's management action: `{ok}` or `{error}`.
    pub fn set_action(&mut self, digest: &str, item: u32, text: &str) -> String {
        result_json(self.book.set_action(digest, item, text).map(|()| serde_json::Value::Null))
    }

    /// The rows, in the register's order (date made, digest, item), each with every column.
    pub fn rows(&self) -> String {
        to_json(&self.book.rows())
    }

    /// The register file to download.
    pub fn save(&self) -> String {
        self.book.save()
    }

    /// The CSV, exactly as `probity register --csv`.
    pub fn csv(&self) -> String {
        csv(self.book.rows())
    }
}
