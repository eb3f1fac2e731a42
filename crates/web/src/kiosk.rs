//! Kiosk mode's idle reset: after a quiet spell a warning counts down, with "I'm still here";
//! at zero everything is cleared and the configured start shown. Nothing is stored in kiosk mode.
//!
//! Idle time is measured with `performance.now()`, which only moves forward: a change of the
//! computer's clock (by hand, or a time sync) can neither hasten nor hold off the reset.
//!
//! While a print dialog is open Chromium runs none of the page's scripts, so no reset can fire;
//! nor do timers run on time in a hidden tab. Whenever the page is back (`afterprint`, `focus`,
//! `pageshow`, `visibilitychange`), the timer checks at once, so a reset that fell due meanwhile
//! happens then, before anyone sees the page. Printing from a hidden frame (the outcome page's
//! concern) should dispatch `afterprint` on this window when its own fires, to get the same
//! check. What the page cannot do is close the dialog: the README gives the browser policy that
//! keeps kiosks from opening one (`--kiosk-printing`, no "Save as PDF").

use crate::state::Action;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the warning shows before the reset, at most.
const WARNING_SECONDS: u32 = 30;

/// Milliseconds on a clock that only moves forward (`performance.now()`).
fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// Seconds of warning for an idle limit: 30, or a third of the limit when that is shorter.
pub fn warning_seconds(idle_seconds: u32) -> u32 {
    WARNING_SECONDS.min((idle_seconds / 3).max(1))
}

/// What the kiosk shows now: nothing, or the countdown.
pub fn seconds_left(idle_seconds: u32, idle_for_ms: f64) -> Option<u32> {
    let warn_from = f64::from(idle_seconds.saturating_sub(warning_seconds(idle_seconds))) * 1000.0;
    if idle_for_ms < warn_from {
        return None;
    }
    let left = (f64::from(idle_seconds) * 1000.0 - idle_for_ms) / 1000.0;
    Some(left.ceil().max(0.0) as u32)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub idle_seconds: u32,
    pub dispatch: Callback<Action>,
    /// The widget's root, where activity is listened for.
    pub root: NodeRef,
}

#[function_component(KioskTimer)]
pub fn kiosk_timer(props: &Props) -> Html {
    let last_activity = use_mut_ref(|| Rc::new(Cell::new(now_ms())));
    let countdown = use_state_eq(|| None::<u32>);
    {
        let last = last_activity.borrow().clone();
        let countdown = countdown.clone();
        let dispatch = props.dispatch.clone();
        let idle = props.idle_seconds;
        let root = props.root.clone();
        use_effect_with(idle, move |_| {
            // One check, run by the timer each second and at once whenever the page is back.
            let check = {
                let last = last.clone();
                Rc::new(move || {
                    let left = seconds_left(idle, now_ms() - last.get());
                    if left == Some(0) {
                        last.set(now_ms());
                        countdown.set(None);
                        dispatch.emit(Action::Restart);
                    } else {
                        countdown.set(left);
                    }
                })
            };
            let mut listeners = Vec::new();
            if let Some(target) = root.cast::<web_sys::Element>() {
                for event in ["pointerdown", "keydown", "input", "touchstart", "wheel"] {
                    let last = last.clone();
                    listeners.push(EventListener::new(&target, event, move |e| {
                        // Inside the warning only "I'm still here" counts: reading it with the
                        // keyboard or a screen reader must not dismiss it half read.
                        if !in_dialog(e) {
                            last.set(now_ms());
                        }
                    }));
                }
            }
            if let Some(window) = web_sys::window() {
                for event in ["afterprint", "focus", "pageshow"] {
                    let check = check.clone();
                    listeners.push(EventListener::new(&window, event, move |_| check()));
                }
                if let Some(document) = window.document() {
                    let check = check.clone();
                    listeners.push(EventListener::new(&document, "visibilitychange", move |_| check()));
                }
            }
            let interval = Interval::new(1000, move || check());
            move || {
                drop(interval);
                drop(listeners);
            }
        });
    }

    // While the warning shows it is a modal dialog: the rest of the widget is inert (no Tab, no
    // click reaches it) and focus is on "I'm still here"; afterwards focus goes back where it was.
    let open = countdown.is_some();
    let button = use_node_ref();
    let focus_before = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let root = props.root.clone();
        let button = button.clone();
        use_effect_with(open, move |open| {
            let Some(root) = root.cast::<web_sys::Element>() else { return };
            make_inert(&root, *open);
            if *open {
                *focus_before.borrow_mut() = active_element(&root);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            } else if let Some(el) = focus_before.borrow_mut().take() {
                // Only if it is still on the page: after a reset the new page's own focus stands.
                if el.is_connected() {
                    let _ = el.focus();
                }
            }
        });
    }

    let Some(left) = *countdown else { return html! {} };
    let on_stay = {
        let last = last_activity.borrow().clone();
        let countdown = countdown.clone();
        Callback::from(move |_: MouseEvent| {
            last.set(now_ms());
            countdown.set(None);
        })
    };
    html! {
        <div class="pb-dialog" role="alertdialog" aria-modal="true" aria-labelledby="pb-idle-title" aria-describedby="pb-idle-body">
            <div class="pb-dialog__box">
                <h2 class="pb-heading-m" id="pb-idle-title">{ "Are you still there?" }</h2>
                <p class="pb-body" id="pb-idle-body" aria-live="polite">
                    { format!("To protect your privacy, your answers will be cleared in {left} second{}.", if left == 1 { "" } else { "s" }) }
                </p>
                <button type="button" class="pb-button" data-still-here="true" onclick={on_stay} ref={button}>{ "I'm still here" }</button>
            </div>
        </div>
    }
}

/// Whether an event happened inside the idle warning.
fn in_dialog(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".pb-dialog").ok().flatten())
        .is_some()
}

/// Sets or clears `inert` on everything in the widget but the dialog.
fn make_inert(root: &web_sys::Element, inert: bool) {
    let children = root.children();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        if child.class_list().contains("pb-dialog") {
            continue;
        }
        let _ = if inert { child.set_attribute("inert", "") } else { child.remove_attribute("inert") };
    }
}

/// The focused element inside the widget (its shadow root's, or the document's).
fn active_element(root: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let active = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => root.owner_document().and_then(|d| d.active_element()),
    };
    active.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn countdown_starts_near_the_limit_and_reaches_zero() {
        assert_eq!(warning_seconds(120), 30);
        assert_eq!(warning_seconds(6), 2);
        assert_eq!(seconds_left(120, 0.0), None);
        assert_eq!(seconds_left(120, 89_999.0), None);
        assert_eq!(seconds_left(120, 90_000.0), Some(30));
        assert_eq!(seconds_left(120, 119_500.0), Some(1));
        assert_eq!(seconds_left(120, 120_000.0), Some(0));
        assert_eq!(seconds_left(120, 500_000.0), Some(0));
    }
}
