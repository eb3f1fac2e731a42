//! "Check your details" (GOV.UK check answers): the answer and every detail in summary lists,
//! each with a Change link back to its field; then Download, Copy and Print (Print only in a
//! kiosk) of the declaration v2. For a declaration of interests it reads as the council's form
//! does: each interest declared, whether it must be declared, and a management action column
//! left blank for the manager. On paper it is the complete record: council and version, the
//! question, the verdict, the details, who, when, the digest and what it proves, the clauses.

use super::outcome::quote;
use super::record::{MadeBlock, Record};
use super::Heading;
use crate::browser;
use crate::state::{entered_of, Action, State};
use probity_core::declaration::{Declarant, WHAT_THE_DIGEST_PROVES};
use probity_core::eval::Evaluation;
use probity_core::records::{check_details, fields_for, Detail};
use probity_core::session::Page;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use yew::prelude::*;

/// Makes the declaration at a time given (RFC 3339), from what the page shows.
type Maker = Rc<dyn Fn(&str) -> Option<Record>>;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub dispatch: Callback<Action>,
    pub kiosk: bool,
    pub host: Option<web_sys::Element>,
}

/// The details as people read them; what was typed when a check no longer passes (shown, never
/// dropped).
fn shown(state: &State, tree: &str, typed: &BTreeMap<String, String>) -> Vec<Detail> {
    let Some(policy) = state.policy() else { return Vec::new() };
    let fields = fields_for(policy, tree);
    let entered = entered_of(&fields, typed);
    let today = probity_core::dates::date_of_rfc3339(&browser::now_rfc3339());
    match today.map(|d| check_details(policy, tree, &entered, d)) {
        Some(Ok(details)) => details,
        _ => fields
            .iter()
            .filter_map(|f| {
                let v = entered.get(&f.field.id).filter(|v| !v.is_empty())?;
                Some(Detail {
                    field: f.field.id.clone(),
                    label: f.field.label.clone(),
                    value: v.clone(),
                    display: v.clone(),
                })
            })
            .collect(),
    }
}

fn change_link(text: &str, onclick: Callback<MouseEvent>) -> Html {
    html! {
        <dd class="pb-summary-list__actions pb-no-print">
            <a href="#" class="pb-link" data-change-detail="true" {onclick}>{ "Change" }<span class="pb-visually-hidden">{ format!(" {}", probity_core::case::lower(text)) }</span></a>
        </dd>
    }
}

fn row(key: &str, value: Html, change: Option<Callback<MouseEvent>>) -> Html {
    html! {
        <div class="pb-summary-list__row">
            <dt class="pb-summary-list__key">{ key }</dt>
            <dd class="pb-summary-list__value pb-record__value">{ value }</dd>
            { for change.map(|c| change_link(key, c)) }
        </div>
    }
}

fn declarant_rows(d: &Declarant, change: impl Fn(String) -> Callback<MouseEvent>) -> Html {
    let given =
        |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).unwrap_or("Not given").to_string();
    html! {
        <dl class="pb-summary-list" data-declarant="true">
            { row("Name", html! { given(&d.name) }, Some(change("pb-name".to_string()))) }
            { row("Job title", html! { given(&d.job_title) }, Some(change("pb-job-title".to_string()))) }
            { row("Team", html! { given(&d.team) }, Some(change("pb-team".to_string()))) }
            { row("Work email", html! { given(&d.email) }, Some(change("pb-email".to_string()))) }
        </dl>
    }
}

#[function_component(CheckPage)]
pub fn check_page(props: &Props) -> Html {
    let state = &props.state;
    let status = use_state(String::new);
    let made = use_state(|| None::<(String, String)>);
    let print_requests = use_state(|| 0_u32);
    let memo = use_mut_ref(|| None::<Rc<Record>>);
    let page_ref = use_node_ref();
    // Until the record is downloaded, copied or printed, leaving the page asks first (the
    // details typed are kept only in memory); never in kiosk mode.
    crate::leave_guard::use_leave_guard(!props.kiosk && made.is_none());
    {
        let page_ref = page_ref.clone();
        use_effect_with(*print_requests, move |n| {
            if *n > 0 {
                if let Some(el) = page_ref.cast::<web_sys::Element>() {
                    browser::print_in_frame(&el);
                }
            }
        });
    }
    let Some(policy) = state.policy() else { return html! {} };
    let d = props.dispatch.clone();
    let change = move |field: String| {
        let d = d.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(Action::ChangeDetails(field.clone()));
        })
    };

    // What the declaration is made from, the title of its file, and the page's own rows.
    let (body, from, filename, cites): (Html, Option<Maker>, String, Vec<String>) = match &state.interests {
        None => {
            let (Some(session), Some(Page::Outcome(e))) = (&state.session, state.page()) else { return html! {} };
            let e: Rc<Evaluation> = Rc::new(*e);
            let details = shown(state, &session.tree, &state.details);
            let tree_title = state.tree().map(|t| t.title.clone()).unwrap_or_default();
            let mut seen = BTreeSet::new();
            let cites: Vec<String> = e
                .outcome
                .cite
                .iter()
                .chain(e.steps.iter().flat_map(|s| s.cite.iter()))
                .filter(|r| seen.insert(r.to_string()))
                .cloned()
                .collect();
            let body = html! {
                <>
                    <Heading depth={1} class="pb-heading-m">{ "The answer" }</Heading>
                    <dl class="pb-summary-list" data-answer="true">
                        { row("Council", html! { policy.version_in_words() }, None) }
                        { row("Question", html! { tree_title.clone() }, None) }
                        { for e.steps.iter().map(|s| row(&s.question, html! { s.display.clone() }, None)) }
                        { row("Verdict", html! { format!("{}: {}", e.outcome.label, e.outcome.headline) }, None) }
                        { for e.amounts.iter().map(|a| row(&a.label, html! { a.display() }, None)) }
                    </dl>
                    if !details.is_empty() {
                        <Heading depth={1} class="pb-heading-m">{ "Details" }</Heading>
                        <dl class="pb-summary-list" data-details="true">
                            { for details.iter().map(|dt| {
                                row(&dt.label, html! { dt.display.clone() }, Some(change(super::details::element_id(&dt.field))))
                            }) }
                        </dl>
                    }
                    <Heading depth={1} class="pb-heading-m">{ "Your details" }</Heading>
                    { declarant_rows(&state.declarant, &change) }
                </>
            };
            let (bundle, policy_id, entered, declarant) =
                (state.bundle.clone(), policy.header.id.clone(), state.entered(), state.declarant.clone());
            let key = serde_json::to_string(&(&session.answers, &entered, &declarant)).unwrap_or_default();
            let make = move |now: &str| {
                let policy = bundle.catalog.policy(&policy_id)?;
                Record::answer(policy, &e, &entered, &declarant, now, key.clone()).ok()
            };
            let filename = format!("probity-declaration-{}-{}.json", policy.header.id, session.tree);
            (body, Some(Rc::new(make)), filename, cites)
        }
        Some(interests) => {
            let Some(occasion) = interests.occasion else { return html! {} };
            let tree = state.interests_rule().and_then(|r| r.tree.clone()).unwrap_or_default();
            let walked: Vec<(Evaluation, BTreeMap<String, String>, Vec<Detail>)> = interests
                .items
                .iter()
                .filter_map(|item| match item.session.page(policy) {
                    Ok(Page::Outcome(e)) => Some((
                        *e,
                        entered_of(&fields_for(policy, &tree), &item.details),
                        shown(state, &tree, &item.details),
                    )),
                    _ => None,
                })
                .collect();
            let mut cites: Vec<String> = state.interests_rule().map(|r| r.cite.clone()).unwrap_or_default();
            for (e, _, _) in &walked {
                for c in &e.outcome.cite {
                    if !cites.contains(c) {
                        cites.push(c.clone());
                    }
                }
            }
            let body = html! {
                <>
                    <dl class="pb-summary-list" data-answer="true">
                        { row("Council", html! { policy.version_in_words() }, None) }
                        { row("Declaration", html! { occasion.label() }, None) }
                    </dl>
                    if walked.is_empty() {
                        <p class="pb-body" data-nil="true"><strong>{ "Nil declaration: I have no interests to declare." }</strong></p>
                    } else {
                        <div class="pb-table-wrapper">
                            <table class="pb-table" data-interests="true">
                                <caption class="pb-visually-hidden">{ "Interests declared" }</caption>
                                <thead><tr>
                                    <th scope="col">{ "Interest declared" }</th>
                                    <th scope="col">{ "Must it be declared?" }</th>
                                    <th scope="col">{ "Management action" }</th>
                                    <th scope="col" class="pb-no-print"><span class="pb-visually-hidden">{ "Change" }</span></th>
                                </tr></thead>
                                <tbody>
                                    { for walked.iter().enumerate().map(|(i, (e, _, details))| {
                                        let d = props.dispatch.clone();
                                        let onclick = Callback::from(move |ev: MouseEvent| { ev.prevent_default(); d.emit(Action::ChangeInterest(i)); });
                                        html! {
                                            <tr>
                                                <td>{ for details.iter().map(|dt| html! { <p class="pb-body">{ format!("{}: {}", dt.label, dt.display) }</p> }) }</td>
                                                <td>{ format!("{}: {}", e.outcome.label, e.outcome.headline) }</td>
                                                <td data-management-action="true"></td>
                                                <td class="pb-no-print pb-table__action"><a href="#" class="pb-link" {onclick}>{ "Change" }<span class="pb-visually-hidden">{ format!(" interest {}", i + 1) }</span></a></td>
                                            </tr>
                                        }
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    }
                    <Heading depth={1} class="pb-heading-m">{ "Your details" }</Heading>
                    { declarant_rows(&state.declarant, &change) }
                </>
            };
            let (bundle, policy_id, declarant) =
                (state.bundle.clone(), policy.header.id.clone(), state.declarant.clone());
            let pairs: Vec<(Evaluation, BTreeMap<String, String>)> =
                walked.into_iter().map(|(e, typed, _)| (e, typed)).collect();
            let answers: Vec<_> = interests.items.iter().map(|i| (&i.session.answers, &i.details)).collect();
            let key = serde_json::to_string(&(occasion, answers, &declarant)).unwrap_or_default();
            let make = move |now: &str| {
                let policy = bundle.catalog.policy(&policy_id)?;
                Record::interests(policy, occasion, &pairs, &declarant, now, key.clone()).ok()
            };
            let filename = format!("probity-interests-{}-{}.json", policy.header.id, occasion.id());
            (body, Some(Rc::new(make)), filename, cites)
        }
    };

    // Makes (or reuses) the record and tells the host page which action it was for.
    let export = {
        let memo = memo.clone();
        let host = props.host.clone();
        let made = made.clone();
        let from = from.clone();
        move |action: &'static str| -> Option<Rc<Record>> {
            let make = from.as_ref()?;
            let fresh = make(&browser::now_rfc3339())?;
            let reuse = memo.borrow().as_ref().filter(|r| r.from == fresh.from).cloned();
            let record = reuse.unwrap_or_else(|| {
                let r = Rc::new(fresh);
                *memo.borrow_mut() = Some(r.clone());
                r
            });
            made.set(Some((record.created_at.clone(), record.digest.clone())));
            browser::announce_declaration(host.as_ref(), &record.json, action, &record.digest);
            Some(record)
        }
    };
    let on_download = {
        let (export, status) = (export.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(record) = export("download") else { return };
            match browser::download(&filename, &record.json, "application/json") {
                Ok(()) => status.set("Your declaration has been downloaded.".into()),
                Err(_) => status.set("The download did not start. Try Copy instead.".into()),
            }
        })
    };
    let on_copy = {
        let (export, status) = (export.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(record) = export("copy") else { return };
            let promise = browser::copy(&record.json);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set("Your declaration has been copied. Paste it where you need it.".into()),
                    Err(_) => status.set("Copying was not allowed by the browser. Use Download instead.".into()),
                }
            });
        })
    };
    let on_print = {
        let print_requests = print_requests.clone();
        Callback::from(move |_: MouseEvent| {
            if export("print").is_some() {
                print_requests.set(*print_requests + 1);
            }
        })
    };
    let on_back = {
        let d = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(Action::Back);
        })
    };
    let heading = if state.interests.is_some() { "Check your declaration" } else { "Check your details" };
    html! {
        <div class="pb-page pb-check" ref={page_ref}>
            <a href="#" class="pb-back-link pb-no-print" onclick={on_back}>{ "Back" }</a>
            <span class="pb-caption">{ policy.header.council.clone() }</span>
            <Heading depth={0} class="pb-heading-l" tabindex="-1" data_focus="true">{ heading }</Heading>
            { body }
            <MadeBlock made={(*made).clone()} />
            if !cites.is_empty() {
                <details class="pb-details" data-clauses="true">
                    <summary class="pb-details__summary"><span class="pb-details__summary-text">{ "What the code says" }</span></summary>
                    <div class="pb-details__text">{ for cites.iter().map(|r| quote(policy, r)) }</div>
                </details>
            }
            <div class="pb-no-print pb-keep">
                <Heading depth={1} class="pb-heading-m">{ "Keep your record" }</Heading>
                <div class="pb-button-group">
                    if !props.kiosk {
                        <button type="button" class="pb-button" data-download="true" onclick={on_download}>{ "Download declaration (JSON)" }</button>
                        <button type="button" class="pb-button pb-button--secondary" onclick={on_copy}>{ "Copy to clipboard" }</button>
                    }
                    <button type="button" class={classes!("pb-button", (!props.kiosk).then_some("pb-button--secondary"))} data-print="true" onclick={on_print}>{ "Print" }</button>
                </div>
                <p class="pb-body" role="status" aria-live="polite">{ (*status).clone() }</p>
                <p class="pb-hint">{ WHAT_THE_DIGEST_PROVES }</p>
            </div>
        </div>
    }
}
