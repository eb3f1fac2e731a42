//! "Record this": the details a register needs (who offered what, when, what was done), asked
//! only after the answer, with GOV.UK's text input, date input, radios and money prefix; an
//! error summary at the top and each message at its field, what was typed always kept. For one
//! answer it also asks who you are (optional); a declaration of interests asks that on a page
//! of its own (`declarant_only`).

use super::{focus_field, Heading};
use crate::browser;
use crate::state::{Action, State, View};
use probity_core::records::{FieldSpec, RecordKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub dispatch: Callback<Action>,
    pub kiosk: bool,
}

/// The declarant's fields: (problem field, element id, label, autocomplete).
const DECLARANT: [(&str, &str, &str, &str); 4] = [
    ("name", "pb-name", "Your name (optional)", "name"),
    ("job_title", "pb-job-title", "Job title (optional)", "organization-title"),
    ("team", "pb-team", "Team (optional)", "off"),
    ("email", "pb-email", "Work email (optional)", "email"),
];

/// The element an error summary link for `field` lands on: a declarant field, or a record
/// field's first input (a date's day, a choice's first radio).
pub fn element_id(field: &str) -> String {
    match DECLARANT.iter().find(|d| d.0 == field) {
        Some(d) => d.1.to_string(),
        None => format!("pb-detail-{field}"),
    }
}

/// A detail's text input callback, for the key it is kept under.
fn set(dispatch: &Callback<Action>, key: String) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        dispatch.emit(Action::SetDetail(key.clone(), input.value()));
    })
}

fn error_line(id: &str, message: Option<&String>) -> Html {
    match message {
        Some(m) => html! {
            <p id={format!("{id}-error")} class="pb-error-message"><span class="pb-visually-hidden">{ "Error: " }</span>{ m }</p>
        },
        None => html! {},
    }
}

/// One record field in its GOV.UK pattern.
fn field(spec: &FieldSpec, state: &State, dispatch: &Callback<Action>, error: Option<&String>) -> Html {
    let f = &spec.field;
    let id = element_id(&f.id);
    let typed = |k: &str| state.details.get(k).cloned().unwrap_or_default();
    let focus = |el: &str| (state.focus.as_deref() == Some(el)).then_some("true");
    let label = if spec.required { f.label.clone() } else { format!("{} (optional)", f.label) };
    let limit = match f.kind {
        RecordKind::Text { max_length } => Some(format!("You can enter up to {max_length} characters.")),
        _ => None,
    };
    let hint_text: Vec<String> = f.hint.iter().cloned().chain(limit).collect();
    let hint_id = format!("{id}-hint");
    let described: Vec<String> =
        [(!hint_text.is_empty()).then(|| hint_id.clone()), error.map(|_| format!("{id}-error"))]
            .into_iter()
            .flatten()
            .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let hint = if hint_text.is_empty() {
        html! {}
    } else {
        html! { <div id={hint_id.clone()} class="pb-hint">{ hint_text.join(" ") }</div> }
    };
    let input_class = |width: &'static str| classes!("pb-input", width, error.map(|_| "pb-input--error"));
    let body = match &f.kind {
        RecordKind::Date { .. } => {
            let part = |name: &'static str, label: &'static str, width: &'static str| {
                let key = format!("{}.{name}", f.id);
                let el = if name == "day" { id.clone() } else { format!("{id}-{name}") };
                html! {
                    <div class="pb-date-input__item">
                        <label class="pb-label pb-date-input__label" for={el.clone()}>{ label }</label>
                        <input class={input_class(width)} id={el.clone()} name={el.clone()} type="text" inputmode="numeric"
                            autocomplete="off" spellcheck="false" value={typed(&key)} oninput={set(dispatch, key)}
                            data-focus={focus(&el)} />
                    </div>
                }
            };
            html! {
                <fieldset class="pb-fieldset" role="group" aria-describedby={described}>
                    <legend class="pb-fieldset__legend pb-fieldset__legend--s">{ label }</legend>
                    { hint }
                    { error_line(&id, error) }
                    <div class="pb-date-input">
                        { part("day", "Day", "pb-input--width-2") }
                        { part("month", "Month", "pb-input--width-2") }
                        { part("year", "Year", "pb-input--width-4") }
                    </div>
                </fieldset>
            }
        }
        RecordKind::Choice => {
            let current = typed(&f.id);
            let onchange = {
                let dispatch = dispatch.clone();
                let key = f.id.clone();
                Callback::from(move |e: Event| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    dispatch.emit(Action::SetDetail(key.clone(), input.value()));
                })
            };
            html! {
                <fieldset class="pb-fieldset" aria-describedby={described}>
                    <legend class="pb-fieldset__legend pb-fieldset__legend--s">{ label }</legend>
                    { hint }
                    { error_line(&id, error) }
                    <div class="pb-radios">
                        { for f.options.iter().enumerate().map(|(i, o)| {
                            let el = if i == 0 { id.clone() } else { format!("{id}-{}", o.id) };
                            html! {
                                <div class="pb-radios__item" key={o.id.clone()}>
                                    <input class="pb-radios__input" type="radio" id={el.clone()} name={id.clone()} value={o.id.clone()}
                                        checked={current == o.id} onchange={onchange.clone()} data-focus={focus(&el)} />
                                    <label class="pb-label pb-radios__label" for={el}>{ &o.label }</label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            }
        }
        kind => {
            let input = html! {
                <input class={input_class(match kind { RecordKind::Money => "pb-input--width-10", RecordKind::Number { .. } => "pb-input--width-5", _ => "" })}
                    id={id.clone()} name={id.clone()} type="text" spellcheck="false" autocomplete="off"
                    inputmode={matches!(kind, RecordKind::Money | RecordKind::Number { .. }).then_some("decimal")}
                    value={typed(&f.id)} oninput={set(dispatch, f.id.clone())} aria-describedby={described}
                    data-focus={focus(&id)} />
            };
            html! {
                <>
                    <label class="pb-label pb-label--s" for={id.clone()}>{ label }</label>
                    { hint }
                    { error_line(&id, error) }
                    if matches!(kind, RecordKind::Money) {
                        <div class="pb-input__wrapper">
                            <div class="pb-input__prefix" aria-hidden="true">{ "£" }</div>
                            { input }
                        </div>
                    } else {
                        { input }
                    }
                </>
            }
        }
    };
    html! {
        <div class={classes!("pb-form-group", error.map(|_| "pb-form-group--error"))} key={f.id.clone()} data-detail={f.id.clone()}>
            { body }
        </div>
    }
}

/// The declarant's optional fields, as the existing record asked them.
fn declarant_fields(
    state: &State,
    dispatch: &Callback<Action>,
    kiosk: bool,
    error: impl Fn(&str) -> Option<String>,
) -> Html {
    let d = &state.declarant;
    html! {
        <>
            { for DECLARANT.iter().map(|(field, id, label, auto)| {
                let value = match *field { "name" => &d.name, "job_title" => &d.job_title, "team" => &d.team, _ => &d.email };
                let on = dispatch.clone();
                let field_name = *field;
                let oninput = Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    let v = input.value();
                    on.emit(match field_name { "name" => Action::SetName(v), "job_title" => Action::SetJobTitle(v), "team" => Action::SetTeam(v), _ => Action::SetEmail(v) });
                });
                let err = error(field);
                let error_id = format!("{id}-error");
                // Kiosk: a shared screen, so the browser must not offer one officer's details to the next.
                let auto = if kiosk { "off" } else { auto };
                html! {
                    <div class={classes!("pb-form-group", err.as_ref().map(|_| "pb-form-group--error"))} key={*id}>
                        <label class="pb-label" for={*id}>{ *label }</label>
                        { error_line(id, err.as_ref()) }
                        <input class={classes!("pb-input", err.as_ref().map(|_| "pb-input--error"))} id={*id}
                            type={if *field == "email" { "email" } else { "text" }} autocomplete={auto} spellcheck="false"
                            value={value.clone().unwrap_or_default()} aria-describedby={err.as_ref().map(|_| error_id.clone())}
                            data-focus={(state.focus.as_deref() == Some(*id)).then_some("true")} {oninput} />
                    </div>
                }
            }) }
        </>
    }
}

#[function_component(DetailsPage)]
pub fn details_page(props: &Props) -> Html {
    let state = &props.state;
    let Some(policy) = state.policy() else { return html! {} };
    let declarant_only = state.view == View::Declarant;
    let in_interests = state.interests.is_some();
    let fields = if declarant_only { Vec::new() } else { state.record_fields() };
    let errors = &state.detail_errors;
    let error = |field: &str| errors.iter().find(|p| p.field == field).map(|p| p.message.clone());

    let on_back = {
        let d = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(Action::Back);
        })
    };
    let on_submit = {
        let d = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(if declarant_only {
                Action::DeclarantContinue
            } else {
                Action::DetailsContinue(browser::now_rfc3339())
            });
        })
    };
    let (caption, heading) = if declarant_only {
        (policy.header.council.clone(), "Your details")
    } else {
        let tree = state.tree().map(|t| t.title.clone()).unwrap_or_default();
        let heading = match (in_interests, fields.is_empty()) {
            (true, _) => "About this interest",
            (false, true) => "Your details",
            (false, false) => "Record this",
        };
        (format!("{} — {tree}", policy.header.council), heading)
    };
    let intro = match (declarant_only, in_interests, fields.is_empty()) {
        (true, _, _) => "They go on your declaration only if you add them.",
        (false, true, _) => "These details go on your declaration of interests, as the form asks them.",
        (false, false, true) => "This question's register needs no other details. Add your own if you want them on the record.",
        (false, false, false) => "The details your council's register needs. You can check them on the next page before you download or print the record.",
    };
    let summary = if errors.is_empty() {
        html! {}
    } else {
        html! {
            <div class="pb-error-summary" role="alert" tabindex="-1" data-focus="true" aria-labelledby="pb-error-summary-title">
                <Heading depth={1} class="pb-error-summary__title" id="pb-error-summary-title">{ "There is a problem" }</Heading>
                <ul class="pb-list pb-error-summary__list">
                    { for errors.iter().map(|p| {
                        let id = element_id(&p.field);
                        html! { <li><a href={format!("#{id}")} onclick={focus_field(id.clone())}>{ &p.message }</a></li> }
                    }) }
                </ul>
            </div>
        }
    };
    let heading_focus = (errors.is_empty() && state.focus.is_none()).then_some("true");
    html! {
        <div class="pb-page pb-details-page" key={format!("details:{declarant_only}")}>
            <a href="#" class="pb-back-link" onclick={on_back}>{ "Back" }</a>
            { summary }
            <span class="pb-caption">{ caption }</span>
            <Heading depth={0} class="pb-heading-l" tabindex="-1" data_focus={heading_focus}>{ heading }</Heading>
            <p class="pb-body">{ intro }</p>
            <form class="pb-form" method="dialog" onsubmit={on_submit} novalidate=true>
                { for fields.iter().map(|f| field(f, state, &props.dispatch, errors.iter().find(|p| p.field == f.field.id).map(|p| &p.message))) }
                if declarant_only || !in_interests {
                    if !fields.is_empty() {
                        <Heading depth={1} class="pb-heading-m">{ "Your details" }</Heading>
                        <p class="pb-body">{ "They go on the record only if you add them, and stay on this device unless you download, copy or print it." }</p>
                    }
                    { declarant_fields(state, &props.dispatch, props.kiosk, error) }
                }
                <button type="submit" class="pb-button" data-continue="true">{ "Continue" }</button>
            </form>
        </div>
    }
}
