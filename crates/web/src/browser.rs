//! The browser side effects: downloads, clipboard, print, events to the host page, history and
//! session storage. Called from callbacks and effects, never from the reducer.

use wasm_bindgen::{JsCast, JsValue};

/// Saves text as a file through a temporary object URL.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "")?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Copies text to the clipboard (the browser may ask permission; failure is reported).
pub fn copy(text: &str) -> js_sys::Promise {
    match web_sys::window() {
        Some(w) => w.navigator().clipboard().write_text(text),
        None => js_sys::Promise::reject(&JsValue::from_str("no window")),
    }
}

/// Prints `page` (the outcome) from a hidden frame that holds only a copy of the record: no
/// form, button or link, every details section open. Printing the host page itself would print
/// whatever else it holds, and in a kiosk an open print dialog blocks the page's scripts, so the
/// idle reset could not clear the widget; the frame, and the record in it, go on `afterprint`.
pub fn print_in_frame(page: &web_sys::Element) {
    let _ = try_print_in_frame(page);
}

fn try_print_in_frame(page: &web_sys::Element) -> Result<(), JsValue> {
    let document = page.owner_document().ok_or("no document")?;
    // A frame from an earlier press that was never printed goes first.
    if let Some(old) = page.query_selector("iframe.pb-print-frame")? {
        old.remove();
    }
    let copy = page.clone_node_with_deep(true)?.dyn_into::<web_sys::Element>()?;
    let gone = copy.query_selector_all(".pb-no-print, iframe, form, input, button, a.pb-back-link")?;
    for i in 0..gone.length() {
        if let Some(node) = gone.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            node.remove();
        }
    }
    let details = copy.query_selector_all("details")?;
    for i in 0..details.length() {
        if let Some(d) = details.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            d.set_attribute("open", "")?;
        }
    }
    // The widget's own stylesheet, as the shadow root links it (an absolute URL via `href`).
    let stylesheet = page
        .get_root_node()
        .dyn_into::<web_sys::DocumentFragment>()
        .ok()
        .and_then(|root| root.query_selector("link[rel=stylesheet]").ok().flatten())
        .and_then(|link| js_sys::Reflect::get(&link, &"href".into()).ok())
        .and_then(|href| href.as_string());

    let frame: web_sys::HtmlIFrameElement = document.create_element("iframe")?.dyn_into()?;
    frame.set_class_name("pb-print-frame");
    frame.set_title("Printout of your record");
    frame.set_attribute("aria-hidden", "true")?;
    frame.set_attribute("tabindex", "-1")?;
    page.append_child(&frame)?;
    let window = frame.content_window().ok_or("no frame window")?;
    let doc = frame.content_document().ok_or("no frame document")?;
    doc.set_title("Probity record");
    let head = doc.head().ok_or("no head")?;
    let body = doc.body().ok_or("no body")?;
    let host = doc.create_element("div")?;
    host.set_class_name("pb-host pb-print-document");
    let widget = doc.create_element("div")?;
    widget.set_class_name("pb-widget");
    widget.set_attribute("lang", "en-GB")?;
    widget.append_child(&doc.import_node_with_deep(&copy, true)?)?;
    host.append_child(&widget)?;
    body.append_child(&host)?;

    let cleanup = {
        let frame = frame.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || frame.remove())
    };
    window.add_event_listener_with_callback("afterprint", cleanup.unchecked_ref())?;
    let print = {
        let window = window.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = window.print();
        })
    };
    match stylesheet {
        Some(href) => {
            // Printed once the stylesheet is in (or has failed: a plain printout beats none).
            let link = doc.create_element("link")?;
            link.set_attribute("rel", "stylesheet")?;
            link.set_attribute("href", &href)?;
            link.add_event_listener_with_callback("load", print.unchecked_ref())?;
            link.add_event_listener_with_callback("error", print.unchecked_ref())?;
            head.append_child(&link)?;
        }
        None => {
            let _ = js_sys::Function::from(print).call0(&JsValue::NULL);
        }
    }
    Ok(())
}

/// Sets the page title (the caller has checked that the host wants the widget to).
pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// Tells the host page which action (`download`, `copy` or `print`) made a record: a
/// `probity-declaration` event on the host element with `{ action, record, declaration }`, and
/// in an iframe a `postMessage` to the same-origin parent with `type` too. `record` is the same
/// for every export of one record, so a host that uploads on the event can skip repeats.
pub fn announce_declaration(host: Option<&web_sys::Element>, json: &str, action: &str, record: &str) {
    let declaration = js_sys::JSON::parse(json).unwrap_or(JsValue::NULL);
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"action".into(), &action.into());
    let _ = js_sys::Reflect::set(&detail, &"record".into(), &record.into());
    let _ = js_sys::Reflect::set(&detail, &"declaration".into(), &declaration);
    if let Some(host) = host {
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("probity-declaration", &init) {
            let _ = host.dispatch_event(&event);
        }
    }
    if let Some(w) = web_sys::window() {
        if let Ok(Some(parent)) = w.parent() {
            if !js_sys::Object::is(&parent, &w) {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"probity-declaration".into());
                let _ = js_sys::Reflect::set(&message, &"action".into(), &action.into());
                let _ = js_sys::Reflect::set(&message, &"record".into(), &record.into());
                let _ = js_sys::Reflect::set(&message, &"declaration".into(), &declaration);
                let origin = w.location().origin().unwrap_or_default();
                let _ = parent.post_message(&message, &origin);
            }
        }
    }
}

/// Tells the page's script that the widget has started (its mount effects have run), with a
/// `probity-ready` event that bubbles up to the widget's container inside the shadow root.
/// `www/takeover.js` waits for it before replaying what the officer did on the first page.
pub fn announce_ready(root: &web_sys::Element) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("probity-ready", &init) {
        let _ = root.dispatch_event(&event);
    }
}

/// The current time as RFC 3339, for a declaration's `created_at`.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

fn history_state(instance: &str, key: &str, depth: u32) -> js_sys::Object {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &"probity".into(), &instance.into());
    let _ = js_sys::Reflect::set(&state, &"key".into(), &key.into());
    let _ = js_sys::Reflect::set(&state, &"depth".into(), &depth.into());
    state
}

/// How many of this widget's pages lie behind the current history entry (0 when none).
pub fn history_depth(instance: &str) -> u32 {
    let Some(state) = web_sys::window().and_then(|w| w.history().ok()).and_then(|h| h.state().ok()) else { return 0 };
    let owner = js_sys::Reflect::get(&state, &"probity".into()).ok().and_then(|v| v.as_string());
    if owner.as_deref() != Some(instance) {
        return 0;
    }
    js_sys::Reflect::get(&state, &"depth".into()).ok().and_then(|v| v.as_f64()).map_or(0, |d| d as u32)
}

/// Adds a history entry for a new page, one deeper than the current one. The URL is unchanged:
/// answers never go into the address bar.
pub fn push_history(instance: &str, key: &str) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let depth = history_depth(instance) + 1;
    let _ = history.push_state_with_url(&history_state(instance, key, depth), "", None);
}

/// Marks the current history entry as this widget's page, keeping its depth.
pub fn replace_history(instance: &str, key: &str) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let depth = history_depth(instance);
    let _ = history.replace_state_with_url(&history_state(instance, key, depth), "", None);
}

/// "Start again" and the kiosk reset: returns the browser to the widget's first history entry,
/// so the discarded walk's entries are not left behind Back as pages that show nothing.
pub fn rewind_history(instance: &str) {
    let depth = history_depth(instance);
    if depth == 0 {
        return;
    }
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.go_with_delta(-i32::try_from(depth).unwrap_or(i32::MAX));
    }
}

/// The Back link: the browser's own Back when the previous entry is this widget's page, so the
/// link and the button always agree; otherwise `false`, and the caller steps back itself.
pub fn go_back(instance: &str) -> bool {
    if history_depth(instance) == 0 {
        return false;
    }
    web_sys::window().and_then(|w| w.history().ok()).is_some_and(|h| h.back().is_ok())
}

/// The page key in a history entry's state, if the entry is this widget's.
pub fn history_key(state: &JsValue, instance: &str) -> Option<String> {
    let owner = js_sys::Reflect::get(state, &"probity".into()).ok()?.as_string()?;
    if owner != instance {
        return None;
    }
    js_sys::Reflect::get(state, &"key".into()).ok()?.as_string()
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn session_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok()?
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session_storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(s) = session_storage() {
        let _ = s.remove_item(key);
    }
}

/// Moves keyboard and screen-reader focus to the element marked `data-focus` inside `root`.
pub fn focus_marked(root: &web_sys::Element) {
    if let Ok(Some(el)) = root.query_selector("[data-focus]") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Runs `f` in a later task (`setTimeout(0)`), outside the render that asked for it: the history
/// entry is written there. Not deferred past the next frame (as the saved walk is,
/// crate::saved_walk): then the next page showed a frame before its history entry existed, and a
/// Back pressed as soon as it showed went to the wrong page (tests/browser/every-path.test.mjs
/// caught 7 such walks). The callback frees itself once called (no closure is kept alive after
/// it runs).
pub fn in_next_task(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        queue_task(&w, &wasm_bindgen::closure::Closure::once_into_js(f));
    }
}

/// Queues a JavaScript function as a task (`setTimeout(0)`).
fn queue_task(w: &web_sys::Window, callback: &JsValue) {
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Runs `f` in a task queued from the next animation frame, so after the browser has painted
/// the current change (as `www/takeover.js`'s `afterPaint`); on a hidden page, which paints no
/// frames, in the next task. The callbacks free themselves once called.
pub fn after_frame(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if w.document().is_none_or(|d| d.hidden()) {
        queue_task(&w, &callback);
        return;
    }
    let after = {
        let callback = callback.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                queue_task(&w, &callback);
            }
        })
    };
    if w.request_animation_frame(after.unchecked_ref()).is_err() {
        queue_task(&w, &callback);
    }
}

/// Runs `f` when the browser is next idle (`requestIdleCallback`), or in half a second where it
/// has no such call (Safari). The callback frees itself once called.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        if w.request_idle_callback(callback.unchecked_ref()).is_err() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 500);
        }
    }
}

/// Tells the host page that the widget has cleared itself (a kiosk's idle reset, or Start
/// again): a `probity-reset` event on the host element (bubbling, composed), and in an iframe a
/// `{ type: "probity-reset" }` message to the parent page of the same origin. A host that kept
/// a declaration it was given can clear it; the next person at a kiosk should not see it.
pub fn announce_reset(host: Option<&web_sys::Element>) {
    if let Some(host) = host {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("probity-reset", &init) {
            let _ = host.dispatch_event(&event);
        }
    }
    if let Some(w) = web_sys::window() {
        if let Ok(Some(parent)) = w.parent() {
            if !js_sys::Object::is(&parent, &w) {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"probity-reset".into());
                let origin = w.location().origin().unwrap_or_default();
                let _ = parent.post_message(&message, &origin);
            }
        }
    }
}
