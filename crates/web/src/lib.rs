//! # probity-web
//!
//! The Probity widget: a Yew app compiled to WebAssembly. This crate is the only one that
//! knows the browser. `www/probity-widget.js` defines the `<probity-widget>` custom element
//! and calls [`mount`] with a container inside the element's shadow root.

mod app;
mod browser;
mod catalog;
mod crash;
mod kiosk;
mod pages;
pub mod search;
mod state;

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use app::{App, Config};
pub use catalog::{embedded, Bundle};
pub use state::{Action, State, View};

/// The options the custom element passes to [`mount`], read from its attributes.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MountOptions {
    policy: Option<String>,
    tree: Option<String>,
    kiosk: bool,
    idle_seconds: Option<u32>,
    instance: Option<String>,
    /// The text of a council's own policy (JSON), fetched by the element from `policy-src`.
    policy_json: Option<String>,
    policy_label: Option<String>,
    /// `heading-level` (1 to 6; the element passes only a whole number in that range).
    heading_level: Option<u8>,
    /// `keep-title`: leave the host page's title alone.
    keep_title: bool,
}

/// A mounted widget; dropping it (or calling `destroy`) removes it.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// Renders the widget into `container`. `host` is the element that receives the
/// `probity-declaration` event; `options` is a plain object of [`MountOptions`].
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, options: JsValue) -> Widget {
    let options: MountOptions = js_sys::JSON::stringify(&options)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    let bundle = match &options.policy_json {
        Some(json) => catalog::with_extra_policy(options.policy_label.as_deref().unwrap_or("policy-src"), json),
        None => catalog::embedded(),
    };
    let config = Config {
        bundle: Rc::new(bundle),
        policy: options.policy.filter(|p| !p.is_empty()),
        tree: options.tree.filter(|t| !t.is_empty()),
        kiosk: options.kiosk,
        idle_seconds: options.idle_seconds.filter(|s| *s >= 1).unwrap_or(120),
        instance: options.instance.unwrap_or_else(|| "widget".to_string()),
        host: Some(host),
        heading_level: options.heading_level.unwrap_or(1),
        keep_title: options.keep_title,
    };
    crash::guard(&container);
    let handle = yew::Renderer::<App>::with_root_and_props(container, config).render();
    Widget { handle: Some(handle) }
}

/// The size of the WebAssembly memory in bytes, for the kiosk soak measurement.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}
