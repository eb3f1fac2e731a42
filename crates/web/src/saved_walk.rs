//! The saved walk (sessionStorage, for a reload in the same tab; never in kiosk mode): its form,
//! reading it back, and writing it without making the officer wait for it.
//!
//! It is written as JSON (serde_json's writer, which the declaration needs anyway) and read back
//! with the browser's own `JSON.parse`, each field then taken by name. serde_json's reader, with
//! the float formatting its error messages pull in, was about 6 KB of the wasm every officer
//! downloads, for this one small document.
//!
//! A storage write is synchronous. Done in a task queued from the click (`setTimeout(0)`), it ran
//! before the next page's frame in Chromium and lengthened the first Continue (a trace:
//! tests/bench/profile.mjs). So it is written in a task after the next frame, and, so that a
//! reload or a closed tab in between never loses it, at once on `pagehide` if it is still
//! waiting. The history entry is not deferred like this: a Back pressed as soon as the next page
//! shows must find it (tests/browser/every-path.test.mjs).

use probity_core::session::Session;
use probity_core::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The saved form of an in-progress walk.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Saved {
    pub policy: String,
    pub session: Session,
    /// What was typed for money and number answers (see `State::typed`).
    pub typed: BTreeMap<String, String>,
}

/// The text a saved walk is kept as.
pub fn text(saved: &Saved) -> String {
    serde_json::to_string(saved).unwrap_or_default()
}

/// A saved walk read back from its text, or `None` when the text is not one (from an older
/// widget, or changed by hand): the walk then starts afresh, and whether its council and tree
/// still exist is checked when it is restored.
pub fn read(text: &str) -> Option<Saved> {
    let root = js_sys::JSON::parse(text).ok()?;
    let session = field(&root, "session")?;
    let revisiting = field(&session, "revisiting")?;
    Some(Saved {
        policy: field(&root, "policy")?.as_string()?,
        session: Session {
            tree: field(&session, "tree")?.as_string()?,
            answers: map_of(&field(&session, "answers")?, value_of)?,
            preset: map_of(&field(&session, "preset")?, value_of)?,
            // Missing or null, as serde reads an `Option`.
            revisiting: if revisiting.is_null() || revisiting.is_undefined() {
                None
            } else {
                Some(revisiting.as_string()?)
            },
        },
        // Older saved walks had no `typed`.
        typed: match field(&root, "typed")? {
            t if t.is_undefined() => BTreeMap::new(),
            t => map_of(&t, JsValue::as_string)?,
        },
    })
}

/// Whether a parsed JSON value is an object (`{…}`), not an array or `null`.
fn is_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

/// A field of a JSON object (`undefined` when it is missing); `None` when `object` is not one.
fn field(object: &JsValue, name: &str) -> Option<JsValue> {
    is_object(object).then(|| js_sys::Reflect::get(object, &JsValue::from_str(name)).ok()).flatten()
}

/// A JSON object as a map, each value read by `read`; `None` if any does not read.
fn map_of<T>(object: &JsValue, read: impl Fn(&JsValue) -> Option<T>) -> Option<BTreeMap<String, T>> {
    if !is_object(object) {
        return None;
    }
    let mut map = BTreeMap::new();
    for pair in js_sys::Object::entries(object.unchecked_ref()).iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        map.insert(pair.get(0).as_string()?, read(&pair.get(1))?);
    }
    Some(map)
}

/// An answer as it was saved: text (an option id, or money as digits) or a whole number.
fn value_of(v: &JsValue) -> Option<Value> {
    if let Some(text) = v.as_string() {
        return Some(Value::from_saved_text(text));
    }
    // Beyond 2^53 a JavaScript number is no longer exact, so such a number is not restored.
    let n = v.as_f64().filter(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0)?;
    Some(Value::Number(n as i64))
}

thread_local! {
    /// Writes waiting for their frame, by storage key (`None`: remove the entry). A later write
    /// for a key replaces an earlier one that has not happened yet. (A list, not a map: a page
    /// has a widget or two, and a map type would be more wasm for the officer to download.)
    static PENDING: RefCell<Vec<(String, Option<String>)>> = const { RefCell::new(Vec::new()) };
    static PAGEHIDE_HOOKED: Cell<bool> = const { Cell::new(false) };
}

/// Saves `text` under `key` (or removes the entry, for `None`) after the next frame.
pub fn write_after_frame(key: &str, text: Option<String>) {
    PENDING.with(|p| {
        let mut pending = p.borrow_mut();
        pending.retain(|(k, _)| k != key);
        pending.push((key.to_string(), text));
    });
    hook_pagehide();
    crate::browser::after_frame(flush);
}

/// Does every waiting write now.
fn flush() {
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for (key, text) in pending {
        match text {
            Some(text) => crate::browser::session_set(&key, &text),
            None => crate::browser::session_remove(&key),
        }
    }
}

/// Flushes on `pagehide` (a reload, a closed tab, a link followed), once per page: the listener
/// lives as long as the page, so its closure is handed to JavaScript for good.
fn hook_pagehide() {
    if PAGEHIDE_HOOKED.with(Cell::get) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn FnMut()>::new(flush);
    if window.add_event_listener_with_callback("pagehide", listener.as_ref().unchecked_ref()).is_ok() {
        PAGEHIDE_HOOKED.with(|h| h.set(true));
        listener.forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn walk() -> Saved {
        let mut session = Session::new("gifts");
        session.answers.insert("offer_kind".into(), Value::Option("gift".into()));
        session.answers.insert("value".into(), Value::Money(Decimal::new(2550, 2)));
        session.answers.insert("nights".into(), Value::Number(-3));
        session.preset.insert("role".into(), Value::Option("officer".into()));
        session.revisiting = Some("value".into());
        let typed = BTreeMap::from([("value".to_string(), "£25.50".to_string())]);
        Saved { policy: "kent".into(), session, typed }
    }

    #[wasm_bindgen_test]
    fn a_saved_walk_reads_back_as_it_was_written() {
        let saved = walk();
        assert_eq!(read(&text(&saved)), Some(saved.clone()));
        let mut fresh = saved;
        fresh.session.revisiting = None;
        fresh.typed.clear();
        assert_eq!(read(&text(&fresh)), Some(fresh));
    }

    #[wasm_bindgen_test]
    fn a_walk_saved_without_typed_or_revisiting_reads_with_neither() {
        let old = r#"{"policy":"kent","session":{"tree":"gifts","answers":{"value":"30.00"},"preset":{}}}"#;
        let saved = read(old).expect("an older saved walk is read");
        assert_eq!(saved.session.answers["value"], Value::Money(Decimal::new(3000, 2)));
        assert!(saved.typed.is_empty() && saved.session.revisiting.is_none());
    }

    #[wasm_bindgen_test]
    fn text_that_is_not_a_saved_walk_is_not_restored() {
        let good = text(&walk());
        let bad = [
            String::new(),
            "{".into(),
            "null".into(),
            "[]".into(),
            good.replace(r#""policy":"kent""#, r#""policy":7"#),
            good.replace(r#""answers":{"#, r#""answers":[{"#).replace(r#"},"preset""#, r#"}],"preset""#),
            good.replace("-3", "1.5"),
            good.replace("-3", "1e300"),
            good.replace(r#""revisiting":"value""#, r#""revisiting":false"#),
            good.replace(r#""tree":"gifts","#, ""),
        ];
        for text in bad {
            assert_eq!(read(&text), None, "{text}");
        }
    }
}
