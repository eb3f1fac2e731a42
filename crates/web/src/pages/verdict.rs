//! The verdict panel: words, colour and an icon together, never colour alone.

use probity_core::model::Verdict;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub verdict: Verdict,
    pub headline: String,
}

pub fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Yes => "✓",
        Verdict::YesWithConditions => "✓",
        Verdict::AskFirst => "?",
        Verdict::No => "✗",
        Verdict::Unclear => "!",
    }
}

#[function_component(VerdictPanel)]
pub fn verdict_panel(props: &Props) -> Html {
    let class = classes!("pb-panel", format!("pb-panel--{}", props.verdict.id().replace('_', "-")));
    html! {
        <div class={class} data-verdict={props.verdict.id()}>
            <h1 class="pb-panel__title" tabindex="-1" data-focus="true">
                <span class="pb-panel__icon" aria-hidden="true">{ icon(props.verdict) }</span>
                { props.verdict.label() }
            </h1>
            <p class="pb-panel__body">{ &props.headline }</p>
        </div>
    }
}
