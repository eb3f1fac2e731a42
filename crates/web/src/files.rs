//! The compiled policy files the page hands to [`crate::mount`] (fetched by
//! www/probity-widget.js, one council's or all of them), and a council's own policy as the
//! checker module compiled it (or the errors it found). Read field by field, like the options:
//! anything of the wrong shape is a problem on the panel, never a crash.

use crate::catalog::CompiledFile;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

fn get(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn bytes(value: &JsValue) -> Option<Vec<u8>> {
    value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)
}

/// `[{id, digest, bytes}]`, as `options.policies` or a later fetch gives them.
pub fn compiled(list: &JsValue) -> Vec<CompiledFile> {
    let Some(list) = list.dyn_ref::<Array>() else { return Vec::new() };
    list.iter()
        .filter_map(|item| {
            Some(CompiledFile {
                id: get(&item, "id").as_string()?,
                digest: get(&item, "digest").as_string()?,
                bytes: bytes(&get(&item, "bytes"))?,
            })
        })
        .collect()
}

/// What the page passed: the built-in files, the council's own compiled policy (if any) and the
/// checker's errors about it (if it did not check).
pub struct Passed {
    pub files: Vec<CompiledFile>,
    pub custom: Option<Vec<u8>>,
    pub custom_problems: Vec<String>,
    /// The page's loader for the policies it did not pass, for the compare page.
    pub load_others: Option<js_sys::Function>,
}

pub fn read(options: &JsValue) -> Passed {
    let custom_problems = get(options, "custom_problems")
        .dyn_ref::<Array>()
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Passed {
        files: compiled(&get(options, "policies")),
        custom: bytes(&get(options, "custom_policy")),
        custom_problems,
        load_others: get(options, "load_others").dyn_into::<js_sys::Function>().ok(),
    }
}
