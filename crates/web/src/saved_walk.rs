//! Writing the saved walk (sessionStorage) without making the officer wait for it.
//!
//! A storage write is synchronous. Done in a task queued from the click (`setTimeout(0)`), it ran
//! before the next page's frame in Chromium and lengthened the first Continue (a trace:
//! tests/bench/profile.mjs). So it is written in a task after the next frame, and, so that a
//! reload or a closed tab in between never loses it, at once on `pagehide` if it is still
//! waiting. The history entry is not deferred like this: a Back pressed as soon as the next page
//! shows must find it (tests/browser/every-path.test.mjs).

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

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
