//! Kiosk mode's idle reset: after a quiet spell a warning counts down, with "I'm still here";
//! at zero everything is cleared and the start page shown. Nothing is stored in kiosk mode.

use crate::state::Action;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How long the warning shows before the reset, at most.
const WARNING_SECONDS: u32 = 30;

fn now_ms() -> f64 {
    js_sys::Date::now()
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
    let countdown = use_state(|| None::<u32>);
    {
        let last = last_activity.borrow().clone();
        let countdown = countdown.clone();
        let dispatch = props.dispatch.clone();
        let idle = props.idle_seconds;
        let root = props.root.clone();
        use_effect_with(idle, move |_| {
            let touch = {
                let last = last.clone();
                Closure::<dyn Fn()>::new(move || last.set(now_ms()))
            };
            let target: Option<web_sys::EventTarget> = root.cast::<web_sys::Element>().map(Into::into);
            let events = ["pointerdown", "keydown", "input", "touchstart", "wheel"];
            if let Some(t) = &target {
                for e in events {
                    let _ = t.add_event_listener_with_callback(e, touch.as_ref().unchecked_ref());
                }
            }
            let interval = Interval::new(1000, move || {
                let idle_for = now_ms() - last.get();
                let left = seconds_left(idle, idle_for);
                if left == Some(0) {
                    last.set(now_ms());
                    countdown.set(None);
                    dispatch.emit(Action::Restart);
                } else if *countdown != left {
                    countdown.set(left);
                }
            });
            move || {
                drop(interval);
                if let Some(t) = target {
                    for e in events {
                        let _ = t.remove_event_listener_with_callback(e, touch.as_ref().unchecked_ref());
                    }
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
                <button type="button" class="pb-button" data-still-here="true" onclick={on_stay} autofocus=true>{ "I'm still here" }</button>
            </div>
        </div>
    }
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
