//! The start page: choose the council (unless the host fixed it) and the question.

use super::Heading;
use crate::state::{Action, State};
use web_sys::HtmlInputElement;

/// Topics in the order officers look for them (gifts and hospitality are asked about most),
/// rather than the order the policies list them in. Topics not named here follow, as listed.
const TOPIC_ORDER: [&str; 14] = [
    "gifts",
    "hospitality",
    "legacies",
    "discounts",
    "fees",
    "outside-work",
    "interests",
    "relationships",
    "political-restriction",
    "political-activity",
    "media",
    "council-resources",
    "reporting-concerns",
    "arrest-bankruptcy",
];

/// Where a topic comes in [`TOPIC_ORDER`]; unknown topics after every known one.
fn topic_rank(topic: &str) -> usize {
    TOPIC_ORDER.iter().position(|t| *t == topic).unwrap_or(TOPIC_ORDER.len())
}
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub dispatch: Callback<Action>,
}

#[function_component(StartPage)]
pub fn start_page(props: &Props) -> Html {
    let state = &props.state;
    let catalog = &state.bundle.catalog;
    let errors = state.bundle.errors();
    let problems = if errors.is_empty() {
        html! {}
    } else {
        html! {
            <div class="pb-error-summary" role="alert">
                <Heading depth={1} class="pb-error-summary__title">{ "Some policies could not be loaded" }</Heading>
                <p>{ "The questions below still work. Tell whoever looks after this page about these problems:" }</p>
                <ul class="pb-list">
                    { for errors.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </div>
        }
    };

    let council_picker = if state.fixed_policy.is_some() {
        html! {}
    } else {
        let on_change = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                dispatch.emit(Action::ChooseCouncil(input.value()));
            })
        };
        html! {
            <div class="pb-form-group">
                <fieldset class="pb-fieldset" aria-describedby="pb-council-hint">
                    <legend class="pb-fieldset__legend pb-fieldset__legend--m">{ "Which council do you work for?" }</legend>
                    <div id="pb-council-hint" class="pb-hint">{ "The answers come from that council's own code of conduct." }</div>
                    <div class="pb-radios">
                        { for catalog.policies.values().map(|p| {
                            let id = format!("pb-council-{}", p.header.id);
                            let checked = state.policy.as_deref() == Some(p.header.id.as_str());
                            html! {
                                <div class="pb-radios__item">
                                    <input class="pb-radios__input" type="radio" id={id.clone()} name="pb-council" value={p.header.id.clone()} checked={checked} onchange={on_change.clone()} />
                                    <label class="pb-label pb-radios__label" for={id}>{ &p.header.council }</label>
                                    <div class="pb-hint pb-radios__hint">{ format!("{} ({})", p.header.title, p.header.version) }</div>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
        }
    };

    let trees = match state.policy() {
        None => html! {},
        Some(policy) => {
            let query = state.search.as_str();
            let on_search = {
                let dispatch = props.dispatch.clone();
                Callback::from(move |e: InputEvent| {
                    let input: HtmlInputElement = e.target_unchecked_into();
                    dispatch.emit(Action::Search(input.value()));
                })
            };
            let mut groups: Vec<(String, Vec<&probity_core::model::Tree>)> = Vec::new();
            // The topics in TOPIC_ORDER, then the rest, each rank in the policy's own order: what a
            // stable sort by rank gives, without a sort instance (kilobytes of wasm) for it.
            let topics = (0..=TOPIC_ORDER.len())
                .flat_map(|rank| policy.topics.iter().filter(move |(topic, _)| topic_rank(topic) == rank));
            for (topic, label) in topics {
                let items: Vec<&probity_core::model::Tree> = policy
                    .trees
                    .values()
                    .filter(|t| t.topics.first() == Some(topic))
                    .filter(|t| crate::search::tree_matches(query, policy, t))
                    .collect();
                if !items.is_empty() {
                    groups.push((label.clone(), items));
                }
            }
            let count: usize = groups.iter().map(|(_, t)| t.len()).sum();
            // The declaration of interests the code asks as a whole, or what it asks instead.
            let interests = match policy.interests_declaration.as_ref() {
                Some(rule) if rule.asked => {
                    let dispatch = props.dispatch.clone();
                    let onclick = Callback::from(move |_| dispatch.emit(Action::StartInterests));
                    html! {
                        <div class="pb-interests-start" data-interests-start="true">
                            <Heading depth={2} class="pb-heading-s">{ "Declaration of interests" }</Heading>
                            <p class="pb-body">{ &rule.note }</p>
                            <button type="button" class="pb-button pb-button--secondary" data-interests="true" {onclick}>{ "Make my declaration of interests" }</button>
                        </div>
                    }
                }
                Some(rule) => html! {
                    <div class="pb-interests-start" data-interests-note="true">
                        <Heading depth={2} class="pb-heading-s">{ "Declaration of interests" }</Heading>
                        <p class="pb-body">{ &rule.note }</p>
                    </div>
                },
                None => html! {},
            };
            html! {
                <div class="pb-trees">
                    <Heading depth={1} class="pb-heading-m">{ format!("Questions in {}", policy.header.title) }</Heading>
                    // Who the code covers decides whether any answer here is for you at all.
                    { for policy.header.scope.as_ref().map(|scope| html! {
                        <details class="pb-details pb-scope">
                            <summary class="pb-details__summary"><span class="pb-details__summary-text">{ "Who this code applies to" }</span></summary>
                            <div class="pb-details__text"><p class="pb-body">{ scope }</p></div>
                        </details>
                    }) }
                    <div class="pb-form-group">
                        <label class="pb-label" for="pb-search">{ "Search the questions" }</label>
                        <div id="pb-search-hint" class="pb-hint">{ format!("For example: {}", crate::search::EXAMPLES.join(", ")) }</div>
                        <input class="pb-input" id="pb-search" type="search" value={state.search.clone()} oninput={on_search} aria-describedby="pb-search-hint pb-search-count" autocomplete="off" spellcheck="false" />
                    </div>
                    <p id="pb-search-count" class="pb-body" role="status">{ format!("{count} question{} shown", if count == 1 { "" } else { "s" }) }</p>
                    // The topics in their own element, each keyed: the list grows and shrinks
                    // as the officer types, and without this Yew re-created the search box
                    // itself, taking the focus out of it after a letter or two.
                    <div class="pb-topic-list">
                    { for groups.into_iter().map(|(label, items)| html! {
                        <section class="pb-topic" key={label.clone()}>
                            <Heading depth={2} class="pb-heading-s">{ label }</Heading>
                            <ul class="pb-list pb-tree-list">
                                { for items.into_iter().map(|t| {
                                    let dispatch = props.dispatch.clone();
                                    let id = t.id.clone();
                                    let onclick = Callback::from(move |_| dispatch.emit(Action::ChooseTree(id.clone())));
                                    html! { <li><button type="button" class="pb-link-button" data-tree={t.id.clone()} {onclick}>{ &t.title }</button></li> }
                                }) }
                            </ul>
                        </section>
                    }) }
                    </div>
                    { interests }
                </div>
            }
        }
    };

    html! {
        <div class="pb-page">
            { problems }
            <Heading depth={0} class="pb-heading-l" tabindex="-1" data_focus="true">{ "Am I allowed to do this?" }</Heading>
            <p class="pb-body">{ "Answer a few questions to see what your council's code of conduct says, with the clauses to show your manager." }</p>
            { council_picker }
            { trees }
        </div>
    }
}
