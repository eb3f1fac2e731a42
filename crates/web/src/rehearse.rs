//! The first answer's one-time work, done ahead while the officer reads the first question.
//!
//! V8 compiles each WebAssembly function the first time it runs (lazy compilation). The first
//! Continue after the widget takes over runs much code that nothing has run yet: the reducer's
//! answer path, the next page's components, Yew's patching of one page into another, the saved
//! walk's serializer. A trace of that press (tests/bench/profile.mjs, Slow 4G and 4× CPU) showed
//! about 110 functions compiled in it, 11–12 ms of its ~33 ms, where the second press compiled
//! 2 ms and the third none: the whole of the first press's extra time.
//!
//! So, once the widget is ready and the browser idle, the same code runs once on a copy: the
//! reducer on a clone of the state (it is pure), the saved walk's text (thrown away), the title,
//! and the current page then the page after a sample answer, rendered by the same components
//! into an element that is never put in the document, then unmounted. It changes no state, no
//! storage, no history, no focus and nothing on screen; if the officer has already moved on, it
//! only does what their press did. Only a question page of a walk is rehearsed.

use crate::app::{full_title, page_body, page_title, saved_text};
use crate::browser;
use crate::pages::compare::Others;
use crate::pages::Ui;
use crate::state::{Action, State, View};
use probity_core::model::FactKind;
use probity_core::session::Page;
use std::rc::Rc;
use yew::prelude::*;

/// Rehearses the answer to `state`'s question when the browser is next idle.
pub fn when_idle(state: State, ui: Ui) {
    let Some(answer) = sample_answer(&state) else { return };
    browser::when_idle(move || rehearse(state, answer, ui));
}

/// What a rehearsal answers: the first option, or the smallest number the question takes (a
/// number the question refuses still runs the same reducer and page, with an error shown).
fn sample_answer(state: &State) -> Option<String> {
    if state.view != View::Walk {
        return None;
    }
    let Some(Page::Question { fact, .. }) = state.page() else { return None };
    Some(match fact.kind {
        FactKind::YesNo { .. } | FactKind::Choice => fact.options.first()?.id.clone(),
        FactKind::Money => "1".to_string(),
        FactKind::WholeNumber { min, .. } => min.to_string(),
    })
}

fn rehearse(state: State, answer: String, ui: Ui) {
    let from = Rc::new(state);
    let to = Reducible::reduce(Reducible::reduce(from.clone(), Action::Draft(answer)), Action::Continue);
    // What App computes on each render (the title and the saved walk), thrown away.
    let _ = full_title(&page_title(&to), to.error.is_some());
    let _ = saved_text(&to);
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok()) else {
        return;
    };
    let props = Props { from: (*from).clone(), to: (*to).clone(), ui };
    let handle = yew::Renderer::<Rehearsal>::with_root_and_props(root, props).render();
    // Yew renders in microtasks, so by the next task both pages have been rendered.
    browser::in_next_task(move || handle.destroy());
}

#[derive(Properties, PartialEq)]
struct Props {
    from: State,
    to: State,
    ui: Ui,
}

/// The current page, then (once mounted) the page after the answer, as App would patch it.
#[function_component(Rehearsal)]
fn rehearsal(props: &Props) -> Html {
    let answered = use_state(|| false);
    {
        let answered = answered.clone();
        use_effect_with((), move |_| answered.set(true));
    }
    let state = if *answered { &props.to } else { &props.from };
    // Nothing a rehearsal page does reaches the widget.
    let ignore = Callback::from(|_: Action| ());
    html! {
        <ContextProvider<Ui> context={props.ui.clone()}>
            <div class="pb-widget" lang="en-GB">{ page_body(state, &ignore, props.ui.kiosk, None, &Others::Ready) }</div>
        </ContextProvider<Ui>>
    }
}
