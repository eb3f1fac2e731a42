//! The outcome page: the verdict, what to do, amounts, why (clauses quoted), notes, the answers
//! with Change links, and export (download, copy, print).

use super::verdict::VerdictPanel;
use crate::browser;
use crate::state::{Action, State};
use probity_core::declaration::build;
use probity_core::eval::Evaluation;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub evaluation: Rc<Evaluation>,
    pub dispatch: Callback<Action>,
    pub kiosk: bool,
    pub host: Option<web_sys::Element>,
}

struct Field<'a> {
    id: &'a str,
    label: &'a str,
    value: Option<String>,
    kind: &'a str,
    autocomplete: &'a str,
    error: Option<String>,
}

fn text_field(f: Field<'_>, on: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        on.emit(input.value());
    });
    let error_id = format!("{}-error", f.id);
    html! {
        <div class={classes!("pb-form-group", f.error.as_ref().map(|_| "pb-form-group--error"))}>
            <label class="pb-label" for={f.id.to_string()}>{ f.label }</label>
            { for f.error.as_ref().map(|m| html! { <p id={error_id.clone()} class="pb-error-message"><span class="pb-visually-hidden">{ "Error: " }</span>{ m }</p> }) }
            <input class={classes!("pb-input", f.error.as_ref().map(|_| "pb-input--error"))} id={f.id.to_string()} type={f.kind.to_string()}
                autocomplete={f.autocomplete.to_string()} spellcheck="false" value={f.value.unwrap_or_default()}
                aria-describedby={f.error.as_ref().map(|_| error_id.clone())} {oninput} />
        </div>
    }
}

#[function_component(OutcomePage)]
pub fn outcome_page(props: &Props) -> Html {
    let state = &props.state;
    let e = &props.evaluation;
    let Some(policy) = state.policy() else { return html! {} };
    let status = use_state(String::new);
    // Problems with the optional details, shown only after the officer tries to export.
    let tried = use_state(|| false);
    let problems = state.declarant.problems();
    let blocked = !problems.is_empty();
    let field_error =
        |field: &str| if *tried { problems.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()) } else { None };
    let o = &e.outcome;
    let d = props.dispatch.clone();
    let emit = move |a: Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };

    // Built only when the officer exports; holds a handle on the bundle, not a copy of the policy.
    let declaration_json = {
        let bundle = state.bundle.clone();
        let policy_id = policy.header.id.clone();
        let evaluation = props.evaluation.clone();
        let declarant = state.declarant.clone();
        move || match bundle.catalog.policy(&policy_id) {
            Some(policy) => {
                build(policy, &evaluation, Some(declarant.clone()), &browser::now_rfc3339()).to_json_pretty()
            }
            None => String::new(),
        }
    };
    let filename = format!("probity-declaration-{}-{}.json", policy.header.id, e.tree);
    let on_download = {
        let make = declaration_json.clone();
        let host = props.host.clone();
        let status = status.clone();
        let tried = tried.clone();
        Callback::from(move |_: MouseEvent| {
            if blocked {
                tried.set(true);
                return;
            }
            let json = make();
            match browser::download(&filename, &json, "application/json") {
                Ok(()) => status.set("Your declaration has been downloaded.".into()),
                Err(_) => status.set("The download did not start. Try Copy instead.".into()),
            }
            browser::announce_declaration(host.as_ref(), &json);
        })
    };
    let on_copy = {
        let make = declaration_json.clone();
        let host = props.host.clone();
        let status = status.clone();
        let tried = tried.clone();
        Callback::from(move |_: MouseEvent| {
            if blocked {
                tried.set(true);
                return;
            }
            let json = make();
            let promise = browser::copy(&json);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set("Your declaration has been copied. Paste it where you need it.".into()),
                    Err(_) => status.set("Copying was not allowed by the browser. Use Download instead.".into()),
                }
            });
            browser::announce_declaration(host.as_ref(), &json);
        })
    };
    let on_print = {
        let make = declaration_json.clone();
        let host = props.host.clone();
        let tried = tried.clone();
        Callback::from(move |_: MouseEvent| {
            if blocked {
                tried.set(true);
                return;
            }
            browser::announce_declaration(host.as_ref(), &make());
            browser::print();
        })
    };

    let declarant = state.declarant.clone();
    let set = |f: fn(String) -> Action| {
        let d = props.dispatch.clone();
        Callback::from(move |v: String| d.emit(f(v)))
    };

    html! {
        <div class="pb-page pb-outcome">
            <a href="#" class="pb-back-link pb-no-print" onclick={{
                let d = props.dispatch.clone();
                Callback::from(move |ev: MouseEvent| { ev.prevent_default(); d.emit(Action::Back); })
            }}>{ "Back" }</a>
            <span class="pb-caption">{ format!("{} — {}", policy.header.council, state.tree().map(|t| t.title.clone()).unwrap_or_default()) }</span>
            <VerdictPanel verdict={o.verdict} label={o.label.clone()} kind={state.tree().map_or(probity_core::model::TreeKind::Permission, |t| t.kind)} headline={o.headline.clone()} />
            { for o.summary.as_ref().map(|s| html! { <p class="pb-body">{ s }</p> }) }

            if !o.actions.is_empty() {
                <h2 class="pb-heading-m">{ "What to do" }</h2>
                <ul class="pb-checklist">
                    { for o.actions.iter().map(|a| html! {
                        <li class="pb-checklist__item">
                            <span class="pb-checklist__box" aria-hidden="true">{ "☐" }</span>
                            <span><strong class="pb-checklist__who">{ format!("{}: ", a.who) }</strong>{ &a.what }</span>
                        </li>
                    }) }
                </ul>
            }

            if !e.amounts.is_empty() {
                <h2 class="pb-heading-m">{ "Amounts" }</h2>
                <dl class="pb-summary-list">
                    { for e.amounts.iter().map(|a| html! {
                        <div class="pb-summary-list__row">
                            <dt class="pb-summary-list__key">{ &a.label }</dt>
                            <dd class="pb-summary-list__value">
                                <strong data-amount={a.value.to_string()}>{ a.display() }</strong>
                                <div class="pb-hint">{ format!("{} × {} = {}, {}.", probity_core::money::format_money(a.of, true), a.multiply.normalize(), a.exact.normalize(), a.rule) }</div>
                                { for a.note.as_ref().map(|n| html! { <div class="pb-hint">{ n }</div> }) }
                            </dd>
                        </div>
                    }) }
                </dl>
            }

            { for o.notes.iter().map(|n| html! {
                <div class="pb-warning" data-note={n.kind.id()}>
                    <span class="pb-warning__icon" aria-hidden="true">{ "!" }</span>
                    <div class="pb-warning__text">
                        <strong>{ n.kind.label() }</strong>
                        <p>{ &n.text }</p>
                    </div>
                </div>
            }) }

            <h2 class="pb-heading-m">{ "Why" }</h2>
            <ol class="pb-why">
                { for e.steps.iter().map(|s| html! {
                    <li class="pb-why__step">
                        <p class="pb-body"><strong>{ &s.question }</strong>{ " " }<span>{ format!("You answered: {}.", s.display) }</span></p>
                        { for s.cite.iter().map(|r| html! {
                            <blockquote class="pb-quote"><p>{ policy.clause(r).unwrap_or_default() }</p><footer>{ format!("{} {}", policy.header.title, r) }</footer></blockquote>
                        }) }
                    </li>
                }) }
            </ol>
            <h3 class="pb-heading-s">{ "What the code says" }</h3>
            { for o.cite.iter().map(|r| html! {
                <blockquote class="pb-quote" data-cite={r.clone()}><p>{ policy.clause(r).unwrap_or_default() }</p><footer>{ format!("{}, {}", policy.header.title, r) }</footer></blockquote>
            }) }

            <h2 class="pb-heading-m">{ "Your answers" }</h2>
            <dl class="pb-summary-list">
                { for e.steps.iter().map(|s| {
                    let fact = s.fact.clone();
                    let d = props.dispatch.clone();
                    let onclick = Callback::from(move |ev: MouseEvent| { ev.prevent_default(); d.emit(Action::Change(fact.clone())); });
                    html! {
                        <div class="pb-summary-list__row">
                            <dt class="pb-summary-list__key">{ &s.question }</dt>
                            <dd class="pb-summary-list__value">{ &s.display }</dd>
                            <dd class="pb-summary-list__actions pb-no-print">
                                <a href="#" class="pb-link" data-change={s.fact.clone()} {onclick}>{ "Change" }<span class="pb-visually-hidden">{ format!(" your answer to: {}", s.question) }</span></a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>

            <div class="pb-no-print">
                <h2 class="pb-heading-m">{ "Keep a record" }</h2>
                <p class="pb-body">{ "Add your details if you want them on the record. They stay on this device unless you download, copy or print them." }</p>
                if *tried && blocked {
                    <div class="pb-error-summary" role="alert" aria-labelledby="pb-export-errors">
                        <h2 class="pb-error-summary__title" id="pb-export-errors">{ "There is a problem" }</h2>
                        <ul class="pb-list pb-error-summary__list">
                            { for problems.iter().map(|(f, m)| html! { <li><a href={format!("#pb-{}", f.replace('_', "-"))}>{ m }</a></li> }) }
                        </ul>
                    </div>
                }
                { text_field(Field { id: "pb-name", label: "Your name (optional)", value: declarant.name.clone(), kind: "text", autocomplete: "name", error: field_error("name") }, set(Action::SetName)) }
                { text_field(Field { id: "pb-job-title", label: "Job title (optional)", value: declarant.job_title.clone(), kind: "text", autocomplete: "organization-title", error: field_error("job_title") }, set(Action::SetJobTitle)) }
                { text_field(Field { id: "pb-team", label: "Team (optional)", value: declarant.team.clone(), kind: "text", autocomplete: "off", error: field_error("team") }, set(Action::SetTeam)) }
                { text_field(Field { id: "pb-email", label: "Work email (optional)", value: declarant.email.clone(), kind: "email", autocomplete: "email", error: field_error("email") }, set(Action::SetEmail)) }
                <div class="pb-button-group">
                    if !props.kiosk {
                        <button type="button" class="pb-button" data-download="true" onclick={on_download}>{ "Download declaration (JSON)" }</button>
                        <button type="button" class="pb-button pb-button--secondary" onclick={on_copy}>{ "Copy to clipboard" }</button>
                    }
                    <button type="button" class={classes!("pb-button", (!props.kiosk).then_some("pb-button--secondary"))} onclick={on_print}>{ "Print" }</button>
                </div>
                <p class="pb-body" role="status" aria-live="polite">{ (*status).clone() }</p>
                <div class="pb-button-group">
                    <button type="button" class="pb-button pb-button--secondary" onclick={emit(Action::ShowCompare)}>{ "How do other councils treat this?" }</button>
                    <button type="button" class="pb-button pb-button--secondary" onclick={emit(Action::Restart)}>{ "Start again" }</button>
                </div>
            </div>
            <p class="pb-body pb-source">{ format!("Source: {} ({}). {}", policy.header.title, policy.header.version, policy.header.source) }</p>
        </div>
    }
}
