//! Asks before the page is left while a record is half made.
//!
//! What an officer types on the "Record this" pages (who offered what, their own name) is kept
//! only in memory: the privacy promise keeps names out of sessionStorage (README: Privacy,
//! exactly). So a reload or a closed tab would lose it silently; instead the browser asks
//! "Leave site?" while something typed has not yet been downloaded, copied or printed. Never in
//! kiosk mode, where the idle reset must clear the screen without a dialog in the way.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// While `active`, leaving the page (reload, close, navigate away) asks first.
#[hook]
pub fn use_leave_guard(active: bool) {
    use_effect_with(active, move |active| {
        let listener = active.then(|| {
            Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
                // preventDefault is the standard way; returnValue is what older Chromium and
                // Safari still look for.
                e.prevent_default();
                e.set_return_value("unsaved");
            })
        });
        let window = web_sys::window();
        if let (Some(w), Some(l)) = (&window, &listener) {
            let _ = w.add_event_listener_with_callback("beforeunload", l.as_ref().unchecked_ref());
        }
        move || {
            if let (Some(w), Some(l)) = (window, listener) {
                let _ = w.remove_event_listener_with_callback("beforeunload", l.as_ref().unchecked_ref());
            }
        }
    });
}
