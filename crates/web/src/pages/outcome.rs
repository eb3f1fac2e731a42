//! The outcome page, shortest first for a phone: the verdict, what to do and who does it, any
//! amounts, the clause that decides and the notes; then the record to keep (download, copy,
//! print); then "Your answers", "Why" and "What the code says" as details, each said once.

use super::verdict::VerdictPanel;
use super::Heading;
use crate::state::{Action, State};
use probity_core::eval::{ComputedAmount, Evaluation};
use probity_core::model::{Policy, TreeKind};
use probity_core::money::{format_money, Rounding};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
    pub evaluation: Rc<Evaluation>,
    pub dispatch: Callback<Action>,
    pub kiosk: bool,
}

/// A share in words: "Half", "A quarter", else a percentage.
fn share_words(multiply: Decimal) -> String {
    let quarter = Decimal::new(25, 2);
    match multiply {
        m if m == Decimal::new(5, 1) => "Half".to_string(),
        m if m == quarter => "A quarter".to_string(),
        m if m == Decimal::new(75, 2) => "Three quarters".to_string(),
        m => format!("{}%", (m * Decimal::ONE_HUNDRED).normalize()),
    }
}

/// An exact amount with every decimal place it has, and at least the pence: "£187.775".
fn exact_money(value: Decimal) -> String {
    let v = value.normalize();
    if v.scale() <= 2 {
        return format_money(v, true);
    }
    let text = v.abs().to_string();
    let fraction = text.split_once('.').map_or("", |(_, f)| f);
    format!("{}.{fraction}", format_money(v.trunc(), false))
}

/// How an amount was worked out, in one plain sentence: "Half of £375.55 is £187.775, which
/// rounded down to the penny is £187.77." None for the whole of an amount (nothing to explain).
pub fn working(a: &ComputedAmount) -> Option<String> {
    if a.multiply == Decimal::ONE {
        return None;
    }
    let start = format!("{} of {} is {}", share_words(a.multiply), format_money(a.of, true), exact_money(a.exact));
    if a.exact == a.value {
        return Some(format!("{start}."));
    }
    let rounded = match a.rounding {
        Rounding::Down => "rounded down to the penny",
        Rounding::HalfUp | Rounding::HalfEven => "rounded to the nearest penny",
    };
    Some(format!("{start}, which {rounded} is {}.", a.display()))
}

/// A clause quoted, with where it comes from.
pub fn quote(policy: &Policy, r: &str) -> Html {
    html! {
        <blockquote class="pb-quote" data-cite={r.to_string()}>
            <p>{ policy.clause(r).unwrap_or_default() }</p>
            <footer>{ format!("{}, {}", policy.header.title, r) }</footer>
        </blockquote>
    }
}

#[function_component(OutcomePage)]
pub fn outcome_page(props: &Props) -> Html {
    let state = &props.state;
    let e = &props.evaluation;
    let confirming = use_state(|| false);
    let kept_answers = use_state(|| 0_u32);
    let confirm_ref = use_node_ref();
    let restart_ref = use_node_ref();
    {
        let (confirm_ref, restart_ref) = (confirm_ref.clone(), restart_ref.clone());
        let kept = *kept_answers;
        use_effect_with((*confirming, kept), move |(confirming, kept)| {
            let target = if *confirming { Some(confirm_ref) } else { (*kept > 0).then_some(restart_ref) };
            if let Some(el) = target.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }

    let Some(policy) = state.policy() else { return html! {} };
    let o = &e.outcome;
    let kind = state.tree().map_or(TreeKind::Permission, |t| t.kind);

    let in_interests = state.interests.is_some();
    let on_record = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::RecordThis))
    };

    // Each thing is said once. The clause that decides is quoted at the top; "Why" names the
    // clauses the outcome and each answer rest on, by reference; "What the code says" quotes
    // every other clause in full; "Your answers" lists the questions and answers.
    let deciding = o.cite.first().cloned();
    // Filled by `insert`, not `collect`: collecting into a set sorts first, a sort instance more.
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    if let Some(d) = &deciding {
        seen.insert(d.as_str());
    }
    let others: Vec<String> = o
        .cite
        .iter()
        .chain(e.steps.iter().flat_map(|s| s.cite.iter()))
        .filter(|r| seen.insert(r.as_str()))
        .cloned()
        .collect();
    let by_step: Vec<String> = e
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.cite.is_empty())
        .map(|(i, s)| format!("Your answer to question {} brings in {}.", i + 1, s.cite.join(", ")))
        .collect();
    let rests_on = match o.cite.split_first() {
        Some((first, [])) => format!("The outcome rests on {first}, the clause that decides (quoted above)."),
        Some((first, rest)) => {
            format!("The outcome rests on {first}, the clause that decides (quoted above), and on {}.", rest.join(", "))
        }
        None => "The code has no clause for this outcome.".to_string(),
    };

    let on_back = {
        let d = props.dispatch.clone();
        Callback::from(move |ev: MouseEvent| {
            ev.prevent_default();
            d.emit(Action::Back);
        })
    };
    let on_start_again = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_keep = {
        let confirming = confirming.clone();
        let kept_answers = kept_answers.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            kept_answers.set(*kept_answers + 1);
        })
    };
    let on_restart = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Restart))
    };
    let on_compare = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::ShowCompare))
    };

    html! {
        <div class="pb-page pb-outcome">
            <a href="#" class="pb-back-link pb-no-print" onclick={on_back}>{ "Back" }</a>
            <span class="pb-caption">{ format!("{} — {}", policy.header.council, state.tree().map(|t| t.title.clone()).unwrap_or_default()) }</span>
            <VerdictPanel verdict={o.verdict} label={o.label.clone()} {kind} headline={o.headline.clone()} />
            { for o.summary.as_ref().map(|s| html! { <p class="pb-body">{ s }</p> }) }

            if !o.actions.is_empty() {
                <div class="pb-what-to-do" data-what-to-do="true">
                    <Heading depth={1} class="pb-heading-m">{ "What to do" }</Heading>
                    <ul class="pb-list pb-list--bullet">
                        { for o.actions.iter().map(|a| html! {
                            <li><strong>{ &a.who }</strong>{ format!(": {}", a.what) }</li>
                        }) }
                    </ul>
                </div>
            }

            if !e.amounts.is_empty() {
                <dl class="pb-summary-list pb-amounts">
                    { for e.amounts.iter().map(|a| html! {
                        <div class="pb-summary-list__row" data-amount-row="true">
                            <dt class="pb-summary-list__key">{ &a.label }</dt>
                            <dd class="pb-summary-list__value">
                                <strong class="pb-amount" data-amount={a.value.to_string()}>{ a.display() }</strong>
                                { for working(a).map(|w| html! { <p class="pb-hint pb-amount__working">{ w }</p> }) }
                                { for a.note.as_ref().map(|n| html! {
                                    <details class="pb-details">
                                        <summary class="pb-details__summary"><span class="pb-details__summary-text">{ "More about this amount" }</span></summary>
                                        <div class="pb-details__text">{ n }</div>
                                    </details>
                                }) }
                            </dd>
                        </div>
                    }) }
                </dl>
            }

            { for deciding.as_ref().map(|r| html! {
                <div class="pb-deciding" data-deciding="true">
                    <Heading depth={1} class="pb-heading-s">{ "The clause that decides" }</Heading>
                    { quote(policy, r) }
                </div>
            }) }

            { for o.notes.iter().map(|n| html! {
                <div class="pb-warning" data-note={n.kind.id()}>
                    <span class="pb-warning__icon" aria-hidden="true">{ "!" }</span>
                    <div class="pb-warning__text">
                        <strong>{ n.kind.label() }</strong>
                        <p>{ &n.text }</p>
                        { for n.detail.as_ref().map(|d| html! {
                            <details class="pb-details">
                                <summary class="pb-details__summary"><span class="pb-details__summary-text">{ "More about this" }</span></summary>
                                <div class="pb-details__text">{ d }</div>
                            </details>
                        }) }
                    </div>
                </div>
            }) }

            <div class="pb-no-print pb-keep">
                if in_interests {
                    <Heading depth={1} class="pb-heading-m">{ "Add this interest" }</Heading>
                    <p class="pb-body">{ "Next, the details your declaration of interests needs." }</p>
                } else {
                    <Heading depth={1} class="pb-heading-m">{ "Keep a record" }</Heading>
                    <p class="pb-body">{ if props.kiosk { "Add the details your council's register needs, then print a record of this answer to keep or to show your manager." } else { "Add the details your council's register needs, then download, copy or print a record of this answer to keep or to send to your manager." } }</p>
                }
                <div class="pb-button-group">
                    <button type="button" class="pb-button" data-record-this="true" onclick={on_record}>{ if in_interests { "Add this interest" } else { "Record this" } }</button>
                </div>
            </div>

            <details class="pb-details" data-answers="true">
                <summary class="pb-details__summary"><span class="pb-details__summary-text">{ "Your answers" }</span></summary>
                <div class="pb-details__text">
                    <dl class="pb-summary-list">
                        { for e.steps.iter().enumerate().map(|(i, s)| {
                            let fact = s.fact.clone();
                            let d = props.dispatch.clone();
                            let onclick = Callback::from(move |ev: MouseEvent| { ev.prevent_default(); d.emit(Action::Change(fact.clone())); });
                            html! {
                                <div class="pb-summary-list__row">
                                    <dt class="pb-summary-list__key">{ format!("{}. {}", i + 1, s.question) }</dt>
                                    <dd class="pb-summary-list__value">{ &s.display }</dd>
                                    <dd class="pb-summary-list__actions pb-no-print">
                                        <a href="#" class="pb-link" data-change={s.fact.clone()} {onclick}>{ "Change" }<span class="pb-visually-hidden">{ format!(" your answer to question {}", i + 1) }</span></a>
                                    </dd>
                                </div>
                            }
                        }) }
                    </dl>
                </div>
            </details>
            <details class="pb-details" data-why="true">
                <summary class="pb-details__summary"><span class="pb-details__summary-text">{ "Why" }</span></summary>
                <div class="pb-details__text">
                    <p class="pb-body">{ rests_on }</p>
                    { for by_step.iter().map(|line| html! { <p class="pb-body">{ line }</p> }) }
                    if !others.is_empty() {
                        <p class="pb-body">{ "The questions are numbered as under “Your answers”; the clauses are quoted under “What the code says”." }</p>
                    }
                </div>
            </details>
            if !others.is_empty() {
                <details class="pb-details" data-clauses="true">
                    <summary class="pb-details__summary"><span class="pb-details__summary-text">{ format!("What the code says ({} more clause{})", others.len(), if others.len() == 1 { "" } else { "s" }) }</span></summary>
                    <div class="pb-details__text">
                        { for others.iter().map(|r| quote(policy, r)) }
                    </div>
                </details>
            }

            <div class="pb-no-print pb-after">
                if *confirming {
                    <div class="pb-confirm" data-confirm-restart="true" role="group" aria-labelledby="pb-confirm-title">
                        <Heading depth={1} class="pb-heading-m" id="pb-confirm-title" tabindex="-1" node_ref={confirm_ref}>{ "Start again?" }</Heading>
                        <p class="pb-body">{ "This will clear your answers and any details you added. You cannot get them back." }</p>
                        <div class="pb-button-group">
                            <button type="button" class="pb-button pb-button--warning" onclick={on_restart}>{ "Yes, start again" }</button>
                            <button type="button" class="pb-button pb-button--secondary" onclick={on_keep}>{ "No, keep my answers" }</button>
                        </div>
                    </div>
                } else {
                    <div class="pb-button-group">
                        <button type="button" class="pb-button pb-button--secondary" onclick={on_compare}>{ "How do other councils treat this?" }</button>
                        <button type="button" class="pb-button pb-button--secondary" ref={restart_ref} onclick={on_start_again}>{ "Start again" }</button>
                    </div>
                }
            </div>
            <p class="pb-body pb-source">{ format!("Source: {} ({}). {}", policy.header.title, policy.header.version, policy.header.source) }</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn amount(of: &str, multiply: &str, rounding: Rounding) -> ComputedAmount {
        let (of, multiply): (Decimal, Decimal) = (of.parse().expect("of"), multiply.parse().expect("multiply"));
        let exact = of * multiply;
        ComputedAmount {
            label: "Fee you may keep".into(),
            fact: "fee_amount".into(),
            of,
            multiply,
            exact,
            value: rounding.apply(exact),
            rounding,
            rule: String::new(),
            note: None,
        }
    }

    #[wasm_bindgen_test]
    fn rounding_is_one_plain_sentence() {
        assert_eq!(
            working(&amount("375.55", "0.5", Rounding::Down)).as_deref(),
            Some("Half of £375.55 is £187.775, which rounded down to the penny is £187.77.")
        );
        assert_eq!(working(&amount("300", "0.5", Rounding::Down)).as_deref(), Some("Half of £300.00 is £150.00."));
        assert_eq!(working(&amount("1234.5", "1", Rounding::Down)), None);
        assert_eq!(
            working(&amount("10.01", "0.3", Rounding::HalfUp)).as_deref(),
            Some("30% of £10.01 is £3.003, which rounded to the nearest penny is £3.00.")
        );
    }
}
