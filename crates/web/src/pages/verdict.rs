//! The verdict panel: words, colour and an icon together, never colour alone.

use super::Heading;
use probity_core::model::{TreeKind, Verdict};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub verdict: Verdict,
    /// The verdict worded for the tree's kind ("No, you need not").
    pub label: String,
    pub kind: TreeKind,
    pub headline: String,
}

/// The icon and colour follow what the answer means to the officer: a tick and green only for
/// "you can", a cross and red only for "you cannot". On trees that are not "Can I …?" questions
/// a yes or no is information ("Yes, you must declare it"), shown in the neutral style.
pub fn tone(kind: TreeKind, v: Verdict) -> (&'static str, &'static str) {
    match (kind, v) {
        (_, Verdict::AskFirst) => ("?", "ask-first"),
        (_, Verdict::Unclear) => ("!", "unclear"),
        (TreeKind::Permission, Verdict::Yes | Verdict::YesWithConditions) => ("✓", "yes"),
        (TreeKind::Permission, Verdict::No) => ("✗", "no"),
        (_, _) => ("→", "info"),
    }
}

#[function_component(VerdictPanel)]
pub fn verdict_panel(props: &Props) -> Html {
    let (icon, style) = tone(props.kind, props.verdict);
    let class = classes!("pb-panel", format!("pb-panel--{style}"));
    html! {
        <div class={class} data-verdict={props.verdict.id()}>
            <Heading depth={0} class="pb-panel__title" tabindex="-1" data_focus="true">
                <span class="pb-panel__icon" aria-hidden="true">{ icon }</span>
                { &props.label }
            </Heading>
            <p class="pb-panel__body">{ &props.headline }</p>
        </div>
    }
}
