//! The options the host passes to [`crate::mount`], read one by one.
//!
//! Each field is read on its own, so one bad value costs only itself: a fractional, negative or
//! huge idle time must never take kiosk mode (or the council, or the tree) down with it, as one
//! serde struct did (security review, row 1). Every problem is a warning for the console, and
//! every fallback is the safe one: kiosk on, the default idle time, nothing stored.

use wasm_bindgen::{JsCast, JsValue};

/// Seconds without a touch before a kiosk clears itself, when the host names none (or a bad one).
pub const DEFAULT_IDLE_SECONDS: u32 = 120;
/// The shortest idle time a host may set: below it the warning cannot be read before the reset.
pub const MIN_IDLE_SECONDS: u32 = 5;
/// The longest: an hour. A kiosk that waits longer leaves the last person's answers on show.
pub const MAX_IDLE_SECONDS: u32 = 3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MountOptions {
    pub policy: Option<String>,
    pub tree: Option<String>,
    pub kiosk: bool,
    pub idle_seconds: u32,
    /// Keep nothing in sessionStorage, not even outside kiosk mode (the `no-storage` attribute).
    pub no_storage: bool,
    pub instance: Option<String>,
    /// Where a council's own policy came from (its path on the site), shown beside it; the
    /// policy itself arrives compiled by the checker module (see [`crate::files`]).
    pub policy_source: Option<String>,
    /// The level of the widget's page headings (`heading-level`, 1 to 6; default 1), so a host
    /// page that has its own h1 keeps one.
    pub heading_level: u8,
    /// `keep-title`: leave the host page's title alone.
    pub keep_title: bool,
}

impl MountOptions {
    /// Reads `options` (a plain object); returns the options and a warning per bad value.
    pub fn read(options: &JsValue) -> (Self, Vec<String>) {
        let mut warnings = Vec::new();
        let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let mut text = |name: &str| {
            let value = get(name);
            if value.is_undefined() || value.is_null() {
                return None;
            }
            match value.as_string() {
                Some(s) if s.is_empty() => None,
                Some(s) => Some(s),
                None => {
                    warnings.push(format!("`{name}` must be text, not `{}`; it is ignored", shown(&value)));
                    None
                }
            }
        };
        let policy = text("policy");
        let tree = text("tree");
        let instance = text("instance");
        let policy_source = text("policy_source");
        let kiosk = flag(&get("kiosk"), "kiosk", &mut warnings);
        let no_storage = flag(&get("no_storage"), "no_storage", &mut warnings);
        let idle_seconds = match idle(&get("idle_seconds")) {
            Ok(seconds) => seconds,
            Err(bad) => {
                warnings.push(format!(
                    "`idle-seconds` must be a whole number of seconds from {MIN_IDLE_SECONDS} to {MAX_IDLE_SECONDS}, \
                     not `{bad}`; using {DEFAULT_IDLE_SECONDS}{}",
                    if kiosk { " (kiosk mode stays on)" } else { "" }
                ));
                DEFAULT_IDLE_SECONDS
            }
        };
        let keep_title = flag(&get("keep_title"), "keep_title", &mut warnings);
        let heading_level = match get("heading_level") {
            v if v.is_undefined() || v.is_null() => 1,
            v => match v.as_f64() {
                Some(n) if n.fract() == 0.0 && (1.0..=6.0).contains(&n) => n as u8,
                _ => {
                    warnings.push(format!(
                        "`heading-level` must be a whole number from 1 to 6, not `{}`; using 1",
                        shown(&v)
                    ));
                    1
                }
            },
        };
        let options = MountOptions {
            policy,
            tree,
            kiosk,
            idle_seconds,
            no_storage,
            instance,
            policy_source,
            heading_level,
            keep_title,
        };
        (options, warnings)
    }
}

/// A switch: `true` or `false`, or absent (off). Anything else turns it on, with a warning: the
/// switches are kiosk mode and keeping nothing, so on is the safe side to fail to.
fn flag(value: &JsValue, name: &str, warnings: &mut Vec<String>) -> bool {
    if value.is_undefined() || value.is_null() {
        return false;
    }
    value.as_bool().unwrap_or_else(|| {
        warnings.push(format!("`{name}` must be true or false, not `{}`; it is taken as true", shown(value)));
        true
    })
}

/// The idle time: the default when absent, else a whole number of seconds within the bounds.
/// `Err` carries the bad value as the host wrote it, for the warning.
fn idle(value: &JsValue) -> Result<u32, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(DEFAULT_IDLE_SECONDS);
    }
    let Some(n) = value.as_f64() else { return Err(shown(value)) };
    let range = f64::from(MIN_IDLE_SECONDS)..=f64::from(MAX_IDLE_SECONDS);
    if n.fract() != 0.0 || !range.contains(&n) {
        return Err(shown(value));
    }
    // Whole and within 5..=3600, so the conversion is exact.
    Ok(n as u32)
}

/// A value as the host would recognise it in a message: `3`, `1.5`, `null`, `{"a":1}`. Numbers
/// and the rest are written by the browser (Rust's own float formatting would be 14 KB of the
/// officer's download, for this one message).
fn shown(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    let written = match value.dyn_ref::<js_sys::Number>() {
        Some(n) => n.to_string_with_radix(10).ok(),
        None => js_sys::JSON::stringify(value).ok(),
    };
    written.and_then(|w| w.as_string()).unwrap_or_else(|| format!("{value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn object(pairs: &[(&str, JsValue)]) -> JsValue {
        let o = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
        }
        o.into()
    }

    #[wasm_bindgen_test]
    fn a_bad_idle_time_costs_only_itself() {
        for bad in [JsValue::from(90.5), JsValue::from(-1), JsValue::from(5e9), JsValue::from(2), JsValue::from("soon")]
        {
            let (o, warnings) = MountOptions::read(&object(&[
                ("kiosk", true.into()),
                ("policy", "kent".into()),
                ("tree", "gifts".into()),
                ("idle_seconds", bad.clone()),
            ]));
            assert!(o.kiosk, "kiosk stays on with {bad:?}");
            assert_eq!(o.policy.as_deref(), Some("kent"));
            assert_eq!(o.tree.as_deref(), Some("gifts"));
            assert_eq!(o.idle_seconds, DEFAULT_IDLE_SECONDS);
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            assert!(warnings.iter().all(|w| w.contains(&format!("not `{}`", shown(&bad)))), "{warnings:?}");
        }
    }

    #[wasm_bindgen_test]
    fn a_bad_value_is_shown_as_the_host_wrote_it() {
        let cases = [
            (JsValue::from(90.5), "90.5"),
            (JsValue::from(5e9), "5000000000"),
            (JsValue::from(-1), "-1"),
            (JsValue::from("soon"), "soon"),
            (JsValue::NULL, "null"),
            (JsValue::TRUE, "true"),
            (object(&[("a", 1.into())]), r#"{"a":1}"#),
        ];
        for (value, expected) in cases {
            assert_eq!(shown(&value), expected);
        }
    }

    #[wasm_bindgen_test]
    fn good_values_are_taken_and_absent_ones_default() {
        let (o, warnings) = MountOptions::read(&object(&[("kiosk", true.into()), ("idle_seconds", 90.into())]));
        assert_eq!((o.kiosk, o.idle_seconds, o.no_storage), (true, 90, false));
        assert!(warnings.is_empty());
        let (o, warnings) = MountOptions::read(&object(&[]));
        assert_eq!(o.idle_seconds, DEFAULT_IDLE_SECONDS);
        assert!(!o.kiosk && o.policy.is_none() && warnings.is_empty());
        let (o, _) = MountOptions::read(&JsValue::NULL);
        assert!(!o.kiosk);
    }

    #[wasm_bindgen_test]
    fn a_switch_that_is_not_a_boolean_fails_safe() {
        let (o, warnings) = MountOptions::read(&object(&[("kiosk", "1".into()), ("no_storage", 1.into())]));
        assert!(o.kiosk && o.no_storage);
        assert_eq!(warnings.len(), 2);
    }
}
