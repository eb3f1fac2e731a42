//! The same answers against every council that has the tree, side by side. Where another
//! council's code asks something this council's walk did not, the officer is asked it first,
//! one question per page, so every council gives a verdict instead of "asks something else".

use super::question::QuestionPage;
use super::verdict::tone;
use crate::state::{Action, State};
use probity_core::catalog::CompareProblem;
use probity_core::eval::{EvalError, Evaluation};
use probity_core::model::TreeKind;
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub evaluation: Rc<Evaluation>,
    pub dispatch: Callback<Action>,
    /// The other councils' policies, fetched when this page opens on a one-council page.
    #[prop_or(Others::Ready)]
    pub others: Others,
}

/// Where the fetch of the other councils' policies is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Others {
    Ready,
    Loading,
    Failed(String),
}

#[function_component(ComparePage)]
pub fn compare_page(props: &Props) -> Html {
    let state = &props.state;
    let e = &props.evaluation;
    if props.others == Others::Loading {
        return html! {
            <div class="pb-page">
                <h1 class="pb-heading-l" tabindex="-1" data-focus="true">{ "How other councils treat this" }</h1>
                <p class="pb-body pb-loading" role="status">{ "Loading the other councils' codes…" }</p>
            </div>
        };
    }
    let failed = match &props.others {
        Others::Failed(message) => html! {
            <div class="pb-error-summary" role="alert">
                <h2 class="pb-error-summary__title">{ "The other councils' codes could not be loaded" }</h2>
                <p>{ message.clone() }</p>
                <p>{ "Check your connection and open this page again. Your own council's answer above is not affected." }</p>
            </div>
        },
        _ => html! {},
    };
    if let Some((fact, waiting)) = state.compare_next() {
        let intro = format!(
            "To compare, {} also {} this. Your answer is used only for the comparison: it does not change your own council's answer.",
            join(&waiting),
            if waiting.len() == 1 { "asks" } else { "ask" }
        );
        return html! {
            <QuestionPage state={state.clone()} dispatch={props.dispatch.clone()} compare_fact={Some(fact)} intro={Some(intro)} />
        };
    }
    let facts: BTreeMap<String, serde_json::Value> =
        state.compare_facts().map(|(_, f)| f).unwrap_or_else(|| crate::state::facts_of(&e.steps));
    let rows = state.bundle.catalog.compare(&e.tree, &facts);
    let on_back = {
        let d = props.dispatch.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            d.emit(Action::Back);
        })
    };
    let tree_title = state.tree().map(|t| t.title.clone()).unwrap_or_default();
    html! {
        <div class="pb-page">
            <a href="#" class="pb-back-link" onclick={on_back}>{ "Back to your answer" }</a>
            <h1 class="pb-heading-l" tabindex="-1" data-focus="true">{ "How other councils treat this" }</h1>
            { failed }
            <p class="pb-body">{ format!("Your answers to “{tree_title}”, run against every council's code that covers it. Only your own council's code applies to you.") }</p>
            <div class="pb-table-wrapper" tabindex="0" role="region" aria-label="Comparison table">
                <table class="pb-table">
                    <caption class="pb-visually-hidden">{ "Each council's answer to the same facts" }</caption>
                    <thead><tr><th scope="col">{ "Council" }</th><th scope="col">{ "Answer" }</th><th scope="col">{ "Clauses" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|row| {
                            let mine = state.policy.as_deref() == Some(row.policy.header.id.as_str());
                            let council = if mine { format!("{} (yours)", row.policy.header.council) } else { row.policy.header.council.clone() };
                            match &row.result {
                                Ok(r) => {
                                    let kind = row.policy.tree(&e.tree).map_or(TreeKind::Permission, |t| t.kind);
                                    let (icon, style) = tone(kind, r.outcome.verdict);
                                    html! {
                                        <tr data-policy={row.policy.header.id.clone()}>
                                            <th scope="row">{ council }</th>
                                            <td><span class={format!("pb-tag pb-tag--{style}")}><span aria-hidden="true">{ icon }</span>{ " " }{ &r.outcome.label }</span><br/>{ &r.outcome.headline }</td>
                                            <td>{ r.outcome.cite.join(", ") }</td>
                                        </tr>
                                    }
                                },
                                Err(p) => {
                                    let text = match p {
                                        CompareProblem::Eval(EvalError::Missing { needed, .. }) => format!(
                                            "This council's code asks something else first: {}",
                                            needed.iter().map(|(_, q)| q.clone()).collect::<Vec<_>>().join("; ")
                                        ),
                                        other => other.to_string(),
                                    };
                                    html! { <tr data-policy={row.policy.header.id.clone()}><th scope="row">{ council }</th><td>{ text }</td><td></td></tr> }
                                }
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

/// "Kent County Council", "Kent and Oxfordshire", "Kent, Oxfordshire and Part 6B".
fn join(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
