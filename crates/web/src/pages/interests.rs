//! The declaration of interests the code asks for (Kent Appendix 1, Oxfordshire 56-57): when it
//! is made, then GOV.UK's "add another" pattern: the interests added so far (Change, Remove) and
//! "Do you need to add another interest?". Each interest is a walk of the council's interests
//! tree, one question a page as any walk, then its details (see `details.rs`).

use super::{focus_field, Heading};
use crate::state::{Action, State, View};
use probity_core::session::Page;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub dispatch: Callback<Action>,
}

/// One radio question in a form, as the question page draws one: error summary, legend as the
/// page heading, the options (id, label), Continue.
fn radio_form(
    state: &State,
    dispatch: &Callback<Action>,
    legend: &str,
    hint: Option<String>,
    options: &[(String, String)],
    submit: Action,
) -> Html {
    let field = if state.view == View::Occasion { "occasion" } else { "add_another" };
    let id = format!("pb-field-{field}");
    let error = state.error.as_ref().filter(|e| e.fact == field);
    let onchange = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::Draft(input.value()));
        })
    };
    let onsubmit = {
        let d = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(submit.clone());
        })
    };
    let described = [hint.as_ref().map(|_| format!("{id}-hint")), error.map(|_| format!("{id}-error"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <>
            if let Some(e) = error {
                <div class="pb-error-summary" role="alert" tabindex="-1" data-focus="true" aria-labelledby="pb-error-summary-title">
                    <Heading depth={1} class="pb-error-summary__title" id="pb-error-summary-title">{ "There is a problem" }</Heading>
                    <ul class="pb-list pb-error-summary__list">
                        <li><a href={format!("#{id}")} onclick={focus_field(id.clone())}>{ &e.message }</a></li>
                    </ul>
                </div>
            }
            <form class="pb-form" method="dialog" {onsubmit} novalidate=true>
                <div class={classes!("pb-form-group", error.map(|_| "pb-form-group--error"))}>
                    <fieldset class="pb-fieldset" aria-describedby={(!described.is_empty()).then_some(described)}>
                        <legend class="pb-fieldset__legend pb-fieldset__legend--m">
                            <Heading depth={1} class="pb-fieldset__heading" tabindex="-1" data_focus={error.is_none().then_some("true")}>{ legend }</Heading>
                        </legend>
                        { for hint.map(|h| html! { <div id={format!("{id}-hint")} class="pb-hint">{ h }</div> }) }
                        { for error.map(|e| html! { <p id={format!("{id}-error")} class="pb-error-message"><span class="pb-visually-hidden">{ "Error: " }</span>{ &e.message }</p> }) }
                        <div class="pb-radios">
                            { for options.iter().enumerate().map(|(i, (value, label))| {
                                let el = if i == 0 { id.clone() } else { format!("{id}-{value}") };
                                html! {
                                    <div class="pb-radios__item" key={value.clone()}>
                                        <input class="pb-radios__input" type="radio" id={el.clone()} name={id.clone()} value={value.clone()}
                                            checked={&state.draft == value} onchange={onchange.clone()} />
                                        <label class="pb-label pb-radios__label" for={el}>{ label }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
                <button type="submit" class="pb-button" data-continue="true">{ "Continue" }</button>
            </form>
        </>
    }
}

fn back_link(dispatch: &Callback<Action>) -> Html {
    let d = dispatch.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        d.emit(Action::Back);
    });
    html! { <a href="#" class="pb-back-link" {onclick}>{ "Back" }</a> }
}

/// When the declaration is made: only the occasions the code names.
#[function_component(OccasionPage)]
pub fn occasion_page(props: &Props) -> Html {
    let state = &props.state;
    let (Some(policy), Some(rule)) = (state.policy(), state.interests_rule()) else { return html! {} };
    let options: Vec<(String, String)> =
        rule.when.iter().map(|o| (o.id().to_string(), o.label().to_string())).collect();
    html! {
        <div class="pb-page" key="occasion">
            { back_link(&props.dispatch) }
            <span class="pb-caption">{ format!("{} — declaration of interests", policy.header.council) }</span>
            <Heading depth={0} class="pb-heading-l">{ "Make my declaration of interests" }</Heading>
            <p class="pb-body">{ &rule.note }</p>
            { radio_form(state, &props.dispatch, "Which declaration are you making?", None, &options, Action::OccasionContinue) }
        </div>
    }
}

/// The interests added so far, and whether to add another ("add another" pattern).
#[function_component(InterestsPage)]
pub fn interests_page(props: &Props) -> Html {
    let state = &props.state;
    let (Some(policy), Some(rule), Some(interests)) = (state.policy(), state.interests_rule(), &state.interests) else {
        return html! {};
    };
    let items: Vec<(usize, String, String)> = interests
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (name, verdict) = match item.session.page(policy) {
                Ok(Page::Outcome(e)) => {
                    let tree = &e.tree;
                    let entered =
                        crate::state::entered_of(&probity_core::records::fields_for(policy, tree), &item.details);
                    let name = entered
                        .values()
                        .find(|v| !v.is_empty())
                        .cloned()
                        .unwrap_or_else(|| format!("Interest {}", i + 1));
                    (name, format!("{}: {}", e.outcome.label, e.outcome.headline))
                }
                _ => (format!("Interest {}", i + 1), String::new()),
            };
            (i, name, verdict)
        })
        .collect();
    let count = items.len();
    let heading = match count {
        0 => "Your interests".to_string(),
        1 => "You have added 1 interest".to_string(),
        n => format!("You have added {n} interests"),
    };
    let (legend, no_label) = if count == 0 {
        ("Do you have an interest to declare?", if rule.nil { "No, I have nothing to declare" } else { "No" })
    } else {
        ("Do you need to add another interest?", "No")
    };
    let hint = (count == 0).then(|| {
        "An interest is anything that could conflict with your work for the council: a business, a membership, a relative's or partner's interest. Each one is checked against the code to say whether it must be declared and to whom.".to_string()
    });
    let options = [("yes".to_string(), "Yes".to_string()), ("no".to_string(), no_label.to_string())];
    let link = |i: usize, text: &'static str, action: fn(usize) -> Action| {
        let d = props.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.emit(action(i));
        });
        html! { <a href="#" class="pb-link" {onclick}>{ text }<span class="pb-visually-hidden">{ format!(" interest {}", i + 1) }</span></a> }
    };
    html! {
        <div class="pb-page" key="interests">
            { back_link(&props.dispatch) }
            <span class="pb-caption">{ format!("{} — declaration of interests", policy.header.council) }</span>
            <Heading depth={0} class="pb-heading-l">{ heading }</Heading>
            if count > 0 {
                <dl class="pb-summary-list" data-interest-list="true">
                    { for items.into_iter().map(|(i, name, verdict)| html! {
                        <div class="pb-summary-list__row" key={i}>
                            <dt class="pb-summary-list__key">{ name }</dt>
                            <dd class="pb-summary-list__value">{ verdict }</dd>
                            <dd class="pb-summary-list__actions">
                                { link(i, "Change", Action::ChangeInterest) }{ " " }
                                { link(i, "Remove", Action::RemoveInterest) }
                            </dd>
                        </div>
                    }) }
                </dl>
            }
            { radio_form(state, &props.dispatch, legend, hint, &options, Action::InterestsContinue) }
        </div>
    }
}
