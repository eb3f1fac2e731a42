//! # probity-web
//!
//! The Probity widget: a Yew app compiled to WebAssembly. This crate is the only one that
//! knows the browser. `www/probity-widget.js` defines the `<probity-widget>` custom element
//! and calls [`mount`] with a container inside the element's shadow root.

mod app;
mod browser;
#[cfg(feature = "bundle")]
mod bundled;
mod catalog;
mod crash;
mod files;
mod kiosk;
mod leave_guard;
mod options;
mod pages;
mod rehearse;
mod saved_walk;
pub mod search;
mod state;

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use app::{App, Config};
#[cfg(feature = "bundle")]
pub use bundled::{embedded, with_extra_policy};
pub use catalog::{from_compiled, Bundle, CompiledFile};
pub use state::{Action, State, View};

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
/// `probity-declaration` and `probity-reset` events; `options` is a plain object (see
/// [`options::MountOptions`]), each of whose fields is read on its own.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, options: JsValue) -> Widget {
    // First, before anything is read or checked: whatever fails from here on (a council's own
    // policy that trips a bug in checking, say) shows the crash panel, never a blank box.
    crash::guard(&container);
    let options_js = options;
    let (options, warnings) = options::MountOptions::read(&options_js);
    for warning in warnings {
        web_sys::console::warn_1(&format!("probity: {warning}").into());
    }
    // The policies arrive compiled and checked (the build's, and the checker module's for a
    // council's own file): here they are only verified and decoded.
    let passed = files::read(&options_js);
    let label = options.policy_source.clone().unwrap_or_else(|| "policy-src".to_string());
    let mut bundle = catalog::from_compiled(&passed.files, passed.custom.as_deref().map(|b| (label.as_str(), b)));
    bundle.problems.extend(passed.custom_problems);
    let custom = bundle.custom.clone().map(|id| (id, label));
    let config = Config {
        bundle: Rc::new(bundle),
        policy: options.policy,
        tree: options.tree,
        kiosk: options.kiosk,
        idle_seconds: options.idle_seconds,
        no_storage: options.no_storage,
        custom_policy: custom,
        instance: options.instance.unwrap_or_else(|| "widget".to_string()),
        host: Some(host),
        heading_level: options.heading_level,
        keep_title: options.keep_title,
        load_others: passed.load_others,
    };
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

/// The widget's allocator: Talc (a maintained allocator made for WebAssembly, checked under Miri)
/// in place of Rust's default dlmalloc, which was 2.7 KB more of the gzip wasm every officer
/// downloads. The widget runs on one thread, which Talc's WebAssembly build assumes.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
