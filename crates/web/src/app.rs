//! The root component: owns the reducer and every side effect (focus, titles, history, storage).

use crate::browser;
use crate::catalog::Bundle;
use crate::kiosk::KioskTimer;
use crate::pages::check::CheckPage;
use crate::pages::compare::Others;
use crate::pages::details::DetailsPage;
use crate::pages::interests::{InterestsPage, OccasionPage};
use crate::pages::{compare::ComparePage, outcome::OutcomePage, question::QuestionPage, start::StartPage, Ui};
use crate::saved_walk::{self, Saved};
use crate::state::{Action, State, View};
use probity_core::session::Page;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct Config {
    pub bundle: Rc<Bundle>,
    /// Council fixed by the host page.
    #[prop_or_default]
    pub policy: Option<String>,
    /// Tree to open straight away.
    #[prop_or_default]
    pub tree: Option<String>,
    /// Kiosk mode: nothing is stored, and Print replaces Download.
    #[prop_or_default]
    pub kiosk: bool,
    /// Names this widget's history entries and storage, so two widgets on a page stay apart.
    pub instance: String,
    /// The custom element hosting the widget, for the `probity-declaration` event.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Kiosk mode: seconds without a touch or key before the answers are cleared.
    #[prop_or(120)]
    pub idle_seconds: u32,
    /// Keep nothing in sessionStorage, outside kiosk mode too (the host's `no-storage`).
    #[prop_or_default]
    pub no_storage: bool,
    /// A council's own policy (`policy-src`): its id and where it came from, shown beside it.
    #[prop_or_default]
    pub custom_policy: Option<(String, String)>,
    /// The level of the widget's main heading (`heading-level`, 1 to 6): 2 on a host page that
    /// has its own h1, so the page keeps one h1.
    #[prop_or(1)]
    pub heading_level: u8,
    /// Leave the host page's title alone (`keep-title`); otherwise each page sets it.
    #[prop_or_default]
    pub keep_title: bool,
    /// Fetches the councils' policies this widget started without (a one-council page), for the
    /// compare page: `(ids held) => Promise<[{id, digest, bytes}]>` (www/probity-widget.js).
    #[prop_or_default]
    pub load_others: Option<js_sys::Function>,
}

impl Config {
    /// Whether an in-progress walk may be kept in sessionStorage for a reload in this tab.
    fn keeps_walk(&self) -> bool {
        !self.kiosk && !self.no_storage
    }
}

/// The name of the page the state shows, for the title: its question, its verdict, or the
/// start page's heading.
pub fn page_title(state: &State) -> String {
    match (&state.view, state.page()) {
        (View::Details, Some(_)) if state.interests.is_some() => "About this interest".to_string(),
        (View::Details, Some(_)) => "Record this".to_string(),
        (View::Check, _) => "Check your details".to_string(),
        (View::Occasion, _) => "Make my declaration of interests".to_string(),
        (View::Interests, _) => "Your interests".to_string(),
        (View::Declarant, _) => "Your details".to_string(),
        (View::Start, _) | (_, None) => "Am I allowed to do this?".to_string(),
        (View::Compare, Some(_)) => "How other councils treat this".to_string(),
        (_, Some(Page::Question { question, .. })) => question.question.clone(),
        (_, Some(Page::Outcome(e))) => format!("{}: {}", e.outcome.label, e.outcome.headline),
    }
}

/// The title for a page, as GOV.UK services write it: "Error: " first when the page shows an
/// error, then the page, then the service.
pub fn full_title(page: &str, error: bool) -> String {
    format!("{}{page} - Probity", if error { "Error: " } else { "" })
}

#[function_component(App)]
pub fn app(config: &Config) -> Html {
    let state = use_reducer({
        let config = config.clone();
        move || State::new(config.bundle.clone(), config.policy.clone(), config.tree.clone())
    });
    let root = use_node_ref();
    let storage_key = format!("probity:{}", config.instance);

    // Restore an in-progress walk after a reload in the same tab, then listen for Back/Forward.
    {
        let state = state.clone();
        let instance = config.instance.clone();
        let keeps_walk = config.keeps_walk();
        let no_storage = config.no_storage;
        let storage_key = storage_key.clone();
        use_effect_with((), move |_| {
            if no_storage {
                // A host that asks for nothing kept gets nothing left over from before it asked.
                browser::session_remove(&storage_key);
            }
            if keeps_walk {
                if let Some(saved) = browser::session_get(&storage_key).and_then(|t| saved_walk::read(&t)) {
                    state.dispatch(Action::Restore {
                        policy: saved.policy,
                        session: saved.session,
                        typed: saved.typed,
                    });
                }
            }
            browser::replace_history(&instance, &state.page_key());
            let dispatcher = state.dispatcher();
            let listener = Closure::<dyn Fn(web_sys::PopStateEvent)>::new(move |e: web_sys::PopStateEvent| {
                if let Some(key) = browser::history_key(&e.state(), &instance) {
                    dispatcher.dispatch(Action::Navigate(key));
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    // On every page change: a history entry when the page is new (not when the change came
    // from the browser's history, nor for an error on the same page), then focus.
    let last_pushed = use_mut_ref(|| None::<String>);
    {
        let root = root.clone();
        let instance = config.instance.clone();
        let key = state.page_key();
        let from_history = state.from_history;
        let title = (!config.keep_title)
            .then(|| full_title(&page_title(&state), state.error.is_some() || !state.detail_errors.is_empty()));
        use_effect_with(state.page_seq, move |seq| {
            if let Some(title) = title {
                browser::set_title(&title);
            }
            if *seq > 0 {
                if let Some(el) = root.cast::<web_sys::Element>() {
                    browser::focus_marked(&el);
                }
            }
            let mut last = last_pushed.borrow_mut();
            if *seq > 0 && last.as_deref() != Some(key.as_str()) {
                // pushState costs milliseconds in Chromium; done in the next task, out of the
                // render (see browser::in_next_task for why not after the frame).
                let key = key.clone();
                browser::in_next_task(move || {
                    if from_history {
                        browser::replace_history(&instance, &key);
                    } else {
                        browser::push_history(&instance, &key);
                    }
                });
            }
            *last = Some(key);
        });
    }

    // A record half made asks before the page is left: what is typed there is never stored.
    crate::leave_guard::use_leave_guard(!config.kiosk && state.record_in_progress());

    // Keep the answers for a reload in this tab; never in kiosk mode, nor with `no-storage`.
    {
        let saved = saved_text(&state);
        let keeps_walk = config.keeps_walk();
        use_effect_with(saved, move |saved| {
            if keeps_walk {
                // After the next frame (crate::saved_walk): storage writes are synchronous.
                crate::saved_walk::write_after_frame(&storage_key, saved.clone());
            }
        });
    }

    // Last of the mount effects (they run in order): only now has the widget restored any saved
    // walk and claimed its history entry, so only now may the first page's actions be replayed.
    // Replayed earlier, a Continue was overwritten in history by the mount's own entry.
    // Then, once the page is idle, the first answer's one-time work is done ahead on a copy
    // (crate::rehearse), so the officer's first Continue is as quick as the later ones.
    {
        let root = root.clone();
        // The handle, not a copy of the state: this runs once, so the copy is made only then.
        let (state, ui) = (state.clone(), ui_of(config));
        use_effect_with((), move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                browser::announce_ready(&el);
            }
            crate::rehearse::when_idle((*state).clone(), ui);
        });
    }

    // The Back link goes through the browser's history when it can (see `browser::go_back`).
    // A reset (the kiosk's idle reset, or Start again) is told to the host page, so that it can
    // clear what it was given (security review, row 16).
    let dispatch = {
        let state = state.clone();
        let instance = config.instance.clone();
        let host = config.host.clone();
        Callback::from(move |a: Action| {
            if a == Action::Back && browser::go_back(&instance) {
                return;
            }
            let reset = a == Action::Restart;
            if reset {
                browser::rewind_history(&instance);
            }
            state.dispatch(a);
            if reset {
                browser::announce_reset(host.as_ref());
            }
        })
    };
    // The compare page needs every council: on a one-council page the others are fetched when
    // it first opens, and added to the bundle (once; it shows "Loading" until then).
    let others = use_state(|| if config.load_others.is_some() { Others::Loading } else { Others::Ready });
    let started = use_mut_ref(|| false);
    {
        let state = state.clone();
        let others = others.clone();
        let loader = config.load_others.clone();
        let comparing = state.view == View::Compare;
        use_effect_with(comparing, move |comparing| {
            if let (true, Some(loader)) = (*comparing, loader) {
                if !started.replace(true) {
                    load_others(loader, state, others);
                }
            }
        });
    }
    let body = page_body(&state, &dispatch, config.kiosk, config.host.clone(), &others);
    let class = classes!("pb-widget", config.kiosk.then_some("pb-kiosk"));
    let kiosk_timer = if config.kiosk {
        html! { <KioskTimer idle_seconds={config.idle_seconds} dispatch={dispatch.clone()} root={root.clone()} /> }
    } else {
        html! {}
    };
    let source = custom_policy_note(config, &state);
    let ui = ui_of(config);
    html! {
        <ContextProvider<Ui> context={ui}>
            <div class={class} ref={root} lang="en-GB">
                { source }
                { body }
                { kiosk_timer }
            </div>
        </ContextProvider<Ui>>
    }
}

/// How the host set the widget up, as every page reads it (a context).
fn ui_of(config: &Config) -> Ui {
    Ui { heading_level: config.heading_level.clamp(1, 6), kiosk: config.kiosk, keep_title: config.keep_title }
}

/// The text kept in sessionStorage for a reload in this tab: the council, the answers and what
/// was typed; none before the first answer.
pub fn saved_text(state: &State) -> Option<String> {
    match (&state.policy, &state.session) {
        (Some(p), Some(s)) if !s.answers.is_empty() => {
            Some(saved_walk::text(&Saved { policy: p.clone(), session: s.clone(), typed: state.typed.clone() }))
        }
        _ => None,
    }
}

/// The page the state shows, below the policy note (also rendered off the page by
/// crate::rehearse, so it must stay free of effects on anything outside the widget).
pub fn page_body(
    state: &State,
    dispatch: &Callback<Action>,
    kiosk: bool,
    host: Option<web_sys::Element>,
    others: &Others,
) -> Html {
    let s = state.clone();
    match (&state.view, state.page()) {
        (View::Details | View::Declarant, _) => {
            html! { <DetailsPage state={s} dispatch={dispatch.clone()} kiosk={kiosk} /> }
        }
        (View::Check, _) => {
            html! { <CheckPage state={s} dispatch={dispatch.clone()} kiosk={kiosk} host={host} /> }
        }
        (View::Occasion, _) => html! { <OccasionPage state={s} dispatch={dispatch.clone()} /> },
        (View::Interests, _) => html! { <InterestsPage state={s} dispatch={dispatch.clone()} /> },
        (View::Start, _) | (_, None) => html! { <StartPage state={s} dispatch={dispatch.clone()} /> },
        (View::Compare, Some(Page::Outcome(e))) => {
            html! { <ComparePage state={s} evaluation={Rc::new(*e)} dispatch={dispatch.clone()} others={others.clone()} /> }
        }
        (_, Some(Page::Question { .. })) => {
            html! { <QuestionPage state={s} dispatch={dispatch.clone()} /> }
        }
        (_, Some(Page::Outcome(e))) => html! {
            <OutcomePage state={s} evaluation={Rc::new(*e)} dispatch={dispatch.clone()} kiosk={kiosk} />
        },
    }
}

/// Says where a council's own policy (`policy-src`) came from, wherever it is offered or used:
/// it looks like a built-in policy, and is only as trustworthy as whoever can publish on the site.
fn custom_policy_note(config: &Config, state: &State) -> Html {
    let Some((id, source)) = &config.custom_policy else { return html! {} };
    if state.policy.as_ref().is_some_and(|p| p != id) {
        return html! {};
    }
    let council = state.bundle.catalog.policy(id).map_or(id.as_str(), |p| p.header.council.as_str());
    html! {
        <div class="pb-warning" data-policy-source={source.clone()}>
            <span class="pb-warning__icon" aria-hidden="true">{ "!" }</span>
            <div class="pb-warning__text">
                <p class="pb-body">
                    { format!("{council}'s policy was loaded from {source} on this site. It is not one of the policies built into Probity, so it is only as reliable as whoever can publish files on this site.") }
                </p>
            </div>
        </div>
    }
}

/// Calls the page's loader, then adds what it fetched (each file checked as at start-up); a
/// failure is shown on the compare page, whose own council's answer still stands.
fn load_others(loader: js_sys::Function, state: UseReducerHandle<State>, others: UseStateHandle<Others>) {
    let held: js_sys::Array =
        state.bundle.catalog.policies.keys().map(|k| wasm_bindgen::JsValue::from_str(k)).collect();
    let promise =
        loader.call1(&wasm_bindgen::JsValue::NULL, &held).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        others.set(Others::Failed("the page gave no way to load the other councils' codes".to_string()));
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(list) => {
                let fetched = crate::catalog::from_compiled(&crate::files::compiled(&list), None);
                let mut bundle = (*state.bundle).clone();
                bundle.catalog.policies.extend(fetched.catalog.policies);
                bundle.problems.extend(fetched.problems.iter().cloned());
                state.dispatch(Action::AddPolicies(Rc::new(bundle)));
                others.set(match fetched.problems.first() {
                    Some(p) => Others::Failed(p.clone()),
                    None => Others::Ready,
                });
            }
            Err(e) => others.set(Others::Failed(
                e.dyn_ref::<js_sys::Error>()
                    .map_or_else(|| "the download failed".to_string(), |e| String::from(e.message())),
            )),
        }
    });
}
