//! A question page: one question, its hint, the field, Continue and a Back link. The compare
//! page uses it too, for a question another council asks that this council's walk did not.

use super::{focus_field, Heading};
use crate::state::{Action, State};
use probity_core::model::{Fact, FactKind};
use probity_core::session::Page;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub dispatch: Callback<Action>,
    /// On the compare page: the fact another council asks (its shared wording), answered with
    /// `CompareContinue` instead of the walk's `Continue`.
    #[prop_or_default]
    pub compare_fact: Option<Fact>,
    /// On the compare page: why this question is asked.
    #[prop_or_default]
    pub intro: Option<String>,
}

#[function_component(QuestionPage)]
pub fn question_page(props: &Props) -> Html {
    let state = &props.state;
    let compare = props.compare_fact.is_some();
    let (fact, question_text, question_hint) = match (&props.compare_fact, state.page()) {
        (Some(f), _) => (f.clone(), f.question.clone(), f.hint.clone()),
        (None, Some(Page::Question { question, fact, .. })) => {
            (fact.clone(), question.question.clone(), question.hint.clone())
        }
        (None, _) => return html! {},
    };
    let fact = &fact;
    let field_id = format!("pb-field-{}", fact.id);
    let hint_id = format!("{field_id}-hint");
    let error_id = format!("{field_id}-error");
    let error = state.error.as_ref().filter(|e| e.fact == fact.id);
    let described_by = [question_hint.as_ref().map(|_| hint_id.clone()), error.map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);

    let on_back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            dispatch.emit(Action::Back);
        })
    };
    let on_submit = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(if compare { Action::CompareContinue } else { Action::Continue });
        })
    };
    let on_draft_change = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Draft(input.value()));
        })
    };
    let on_draft_input = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Draft(input.value()));
        })
    };

    let summary = match error {
        Some(e) => html! {
            <div class="pb-error-summary" role="alert" tabindex="-1" data-focus="true" aria-labelledby="pb-error-summary-title">
                <Heading depth={1} class="pb-error-summary__title" id="pb-error-summary-title">{ "There is a problem" }</Heading>
                <ul class="pb-list pb-error-summary__list">
                    <li><a href={format!("#{field_id}")} onclick={focus_field(field_id.clone())}>{ &e.message }</a></li>
                </ul>
            </div>
        },
        None => html! {},
    };
    let error_message = match error {
        Some(e) => {
            html! { <p id={error_id.clone()} class="pb-error-message"><span class="pb-visually-hidden">{ "Error: " }</span>{ &e.message }</p> }
        }
        None => html! {},
    };
    let hint = match &question_hint {
        Some(h) => html! { <div id={hint_id.clone()} class="pb-hint">{ h }</div> },
        None => html! {},
    };
    let heading_focus = error.is_none().then_some("true");
    let group_class = classes!("pb-form-group", error.map(|_| "pb-form-group--error"));
    let radio_id = |i: usize, option: &str| if i == 0 { field_id.clone() } else { format!("{field_id}-{option}") };

    let field = match fact.kind {
        FactKind::YesNo { .. } | FactKind::Choice => html! {
            <fieldset class="pb-fieldset" aria-describedby={described_by.clone()}>
                <legend class="pb-fieldset__legend pb-fieldset__legend--l">
                    <Heading depth={0} class="pb-fieldset__heading" tabindex="-1" data_focus={heading_focus}>{ &question_text }</Heading>
                </legend>
                { hint }
                { error_message }
                <div class={classes!("pb-radios", matches!(fact.kind, FactKind::YesNo { .. }).then_some("pb-radios--inline"))}>
                    { for fact.options.iter().enumerate().map(|(i, o)| {
                        // The first radio carries the field id, so the error summary link lands on it.
                        let id = radio_id(i, &o.id);
                        let option_hint_id = format!("{field_id}-{}-hint", o.id);
                        html! {
                            // Keyed by fact and option: unkeyed, Yew reused the previous question's
                            // radios in order, and renaming the old checked one unchecked the new
                            // answer (Back from a 3-option to a 2-option question showed none chosen).
                            <div class="pb-radios__item" key={format!("{}:{}", fact.id, o.id)}>
                                <input class="pb-radios__input" type="radio" id={id.clone()} name={field_id.clone()} value={o.id.clone()}
                                    checked={state.draft == o.id} onchange={on_draft_change.clone()}
                                    aria-describedby={o.hint.as_ref().map(|_| option_hint_id.clone())} />
                                <label class="pb-label pb-radios__label" for={id}>{ &o.label }</label>
                                { for o.hint.as_ref().map(|h| html! { <div id={option_hint_id.clone()} class="pb-hint pb-radios__hint">{ h }</div> }) }
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        },
        FactKind::Money => html! {
            <>
                <Heading depth={0} class="pb-label-wrapper" tabindex="-1" data_focus={heading_focus}>
                    <label class="pb-label pb-label--l" for={field_id.clone()}>{ &question_text }</label>
                </Heading>
                { hint }
                { error_message }
                <div class="pb-input__wrapper">
                    <div class="pb-input__prefix" aria-hidden="true">{ "£" }</div>
                    <input class={classes!("pb-input", "pb-input--width-10", error.map(|_| "pb-input--error"))} id={field_id.clone()} name={field_id.clone()}
                        type="text" inputmode="decimal" spellcheck="false" autocomplete="off"
                        value={state.draft.clone()} oninput={on_draft_input.clone()} aria-describedby={described_by.clone()} />
                </div>
            </>
        },
        FactKind::WholeNumber { .. } => html! {
            <>
                <Heading depth={0} class="pb-label-wrapper" tabindex="-1" data_focus={heading_focus}>
                    <label class="pb-label pb-label--l" for={field_id.clone()}>{ &question_text }</label>
                </Heading>
                { hint }
                { error_message }
                <input class={classes!("pb-input", "pb-input--width-5", error.map(|_| "pb-input--error"))} id={field_id.clone()} name={field_id.clone()}
                    type="text" inputmode="numeric" spellcheck="false" autocomplete="off"
                    value={state.draft.clone()} oninput={on_draft_input.clone()} aria-describedby={described_by.clone()} />
            </>
        },
    };

    let tree_title = if compare {
        "How other councils treat this".to_string()
    } else {
        state.tree().map(|t| t.title.clone()).unwrap_or_default()
    };
    let intro = props.intro.as_ref().map(|t| html! { <p class="pb-body">{ t }</p> });
    html! {
        // Keyed by fact: each question gets elements of its own, never the last question's.
        <div class="pb-page" key={fact.id.clone()}>
            <a href="#" class="pb-back-link" onclick={on_back}>{ "Back" }</a>
            { summary }
            <span class="pb-caption">{ tree_title }</span>
            { for intro }
            // `method="dialog"`: a prerendered copy of this page (see www/takeover.js) may be
            // submitted before any script has loaded; a dialog-method form outside a dialog does
            // nothing then, where the default GET would put the answer in the URL.
            <form class="pb-form" method="dialog" onsubmit={on_submit} novalidate=true>
                <div class={group_class}>{ field }</div>
                <button type="submit" class="pb-button" data-continue="true">{ "Continue" }</button>
            </form>
        </div>
    }
}
