//! The widget's reducer, driven the way its pages drive it (wasm-bindgen-test, run in Node by
//! `wasm-pack test --node crates/web`): the state the officer sees after each action.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_core::session::Page;
use probity_web::{embedded, Action, State, View};
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

fn start(policy: Option<&str>, tree: Option<&str>) -> Rc<State> {
    Rc::new(State::new(Rc::new(embedded()), policy.map(str::to_string), tree.map(str::to_string)))
}

fn act(s: Rc<State>, actions: &[Action]) -> Rc<State> {
    actions.iter().cloned().fold(s, |s, a| s.reduce(a))
}

/// Types or picks an answer and presses Continue.
fn answer(s: Rc<State>, value: &str) -> Rc<State> {
    act(s, &[Action::Draft(value.to_string()), Action::Continue])
}

fn on(s: &State) -> String {
    match s.page() {
        Some(Page::Question { fact, .. }) => fact.id.clone(),
        Some(Page::Outcome(e)) => format!("outcome:{}", e.node),
        None => format!("{:?}", s.view),
    }
}

#[wasm_bindgen_test]
fn every_policy_checks_in_the_widget() {
    let b = embedded();
    assert!(b.problems.is_empty(), "{:?}", b.problems);
    assert_eq!(b.catalog.policies.len(), 5);
}

#[wasm_bindgen_test]
fn choosing_a_council_and_tree_opens_the_first_question() {
    let s = start(None, None);
    assert_eq!(s.view, View::Start);
    let s = act(s, &[Action::ChooseCouncil("kent".into()), Action::ChooseTree("fees".into())]);
    assert_eq!(on(&s), "fee_activity");
    assert_eq!(s.page_key(), "q:fee_activity");
}

#[wasm_bindgen_test]
fn a_bad_amount_shows_an_error_and_keeps_everything() {
    let s = start(Some("kent"), Some("fees"));
    let s = answer(s, "lecture");
    let s = answer(s, "council_time_permitted");
    assert_eq!(on(&s), "fee_amount");
    let before = s.session.clone();
    let s = answer(s, "12,50");
    let e = s.error.as_ref().expect("an error");
    assert_eq!(e.message, "The fee must use a full stop for pence, like 25.50", "worded for this question");
    assert_eq!(s.draft, "12,50", "what the officer typed is kept to correct");
    assert_eq!(s.session, before, "no earlier answer is lost");
    let s = answer(s, "£151.25");
    assert_eq!(on(&s), "outcome:keep_half_fee");
    assert!(s.error.is_none());
}

#[wasm_bindgen_test]
fn back_change_and_history_navigation() {
    let s = start(Some("kent"), Some("fees"));
    let s = answer(answer(answer(s, "lecture"), "council_time_permitted"), "100");
    assert_eq!(on(&s), "outcome:keep_half_fee");
    let s = act(s, &[Action::Back]);
    assert_eq!(on(&s), "fee_amount");
    assert_eq!(s.draft, "100", "the saved answer is shown again, as it was typed");
    let s = act(s, &[Action::Back, Action::Back]);
    assert_eq!(on(&s), "fee_activity");
    let s = act(s, &[Action::Back]);
    assert_eq!(s.view, View::Start);

    // The browser's Forward/Back buttons name pages by key.
    let s = start(Some("kent"), Some("fees"));
    let s = answer(answer(answer(s, "lecture"), "own_time_outside_body"), "80");
    let s = act(s, &[Action::Navigate("q:lecture_setting".into())]);
    assert_eq!(on(&s), "lecture_setting");
    assert!(s.from_history, "a page reached from history is not pushed again");
    let s = act(s, &[Action::Navigate("outcome".into())]);
    assert_eq!(on(&s), "outcome:keep_whole_fee");

    // Change keeps the answers that still apply.
    let s = act(s, &[Action::Change("lecture_setting".into())]);
    let s = answer(s, "council_time_permitted");
    assert_eq!(on(&s), "outcome:keep_half_fee", "the fee is kept, so the outcome follows at once");
}

#[wasm_bindgen_test]
fn restart_clears_answers_and_details_but_keeps_a_fixed_council() {
    // A council fixed without a tree: Start again goes back to its list of questions.
    let s = act(start(Some("kent"), None), &[Action::ChooseTree("fees".into())]);
    let s = act(answer(s, "lecture"), &[Action::SetName("A. Officer".into()), Action::Restart]);
    assert_eq!(s.view, View::Start);
    assert!(s.session.is_none());
    assert_eq!(s.declarant.name, None);
    assert_eq!(s.policy.as_deref(), Some("kent"));
    let s = act(s, &[Action::ChooseCouncil("derbyshire".into())]);
    assert_eq!(s.policy.as_deref(), Some("kent"), "the host page fixed the council");
}

#[wasm_bindgen_test]
fn restart_returns_to_the_question_the_host_opened() {
    let s = start(Some("kent"), Some("fees"));
    let s = act(answer(answer(s, "lecture"), "council_time_permitted"), &[Action::Restart]);
    assert_eq!(on(&s), "fee_activity", "tree=\"fees\": its first question, not the council's list");
    assert!(s.session.as_ref().is_some_and(|x| x.answers.is_empty()));
    assert!(s.typed.is_empty() && s.draft.is_empty());
}

/// Review 2026-11 row 8: after Back, Continue shows the next answered question (with its
/// answer) rather than jumping to the first unanswered one; after a Change link, Continue
/// returns to the outcome.
#[wasm_bindgen_test]
fn continue_after_back_steps_one_question_at_a_time() {
    let s = start(Some("oxfordshire"), Some("gifts"));
    let s = answer(answer(answer(s, "gift"), "contractor"), "neither");
    assert_eq!(on(&s), "offer_value");
    let s = act(s, &[Action::Back, Action::Back, Action::Back]);
    assert_eq!(on(&s), "offer_kind");
    assert_eq!(s.draft, "gift");
    let s = act(s, &[Action::Continue]);
    assert_eq!(on(&s), "giver", "the next answered question, not the first unanswered one");
    assert_eq!(s.draft, "contractor");
    let s = act(s, &[Action::Continue]);
    assert_eq!(on(&s), "oxfordshire_reason_to_refuse_offer");
    assert_eq!(s.draft, "neither");
    let s = act(s, &[Action::Continue]);
    assert_eq!(on(&s), "offer_value");

    // The browser's Back names a page; Continue steps on from there too.
    let s = act(s, &[Action::Navigate("q:offer_kind".into()), Action::Continue]);
    assert_eq!(on(&s), "giver");

    // A changed answer that changes the path steps on along the new path.
    let s = act(
        s,
        &[
            Action::Navigate("q:oxfordshire_reason_to_refuse_offer".into()),
            Action::Draft("invited".into()),
            Action::Continue,
        ],
    );
    assert!(on(&s).starts_with("outcome:"), "{}", on(&s));
}

#[wasm_bindgen_test]
fn compare_and_restore() {
    let s = start(Some("derbyshire"), Some("gifts"));
    let mut s = s;
    for _ in 0..12 {
        if matches!(s.page(), Some(Page::Outcome(_))) {
            break;
        }
        // Always the first option, or £10: any complete walk will do.
        let v = match s.page() {
            Some(Page::Question { fact, .. }) => fact.options.first().map_or("10".to_string(), |o| o.id.clone()),
            _ => unreachable!(),
        };
        s = answer(s, &v);
    }
    assert!(matches!(s.page(), Some(Page::Outcome(_))));
    let c = act(s.clone(), &[Action::ShowCompare]);
    assert_eq!(c.view, View::Compare);
    assert_eq!(c.page_key(), "compare");
    let back = act(c, &[Action::Back]);
    assert_eq!(back.view, View::Walk);

    let saved = s.session.clone().unwrap();
    let restored = act(
        start(None, None),
        &[Action::Restore { policy: "derbyshire".into(), session: saved.clone(), typed: Default::default() }],
    );
    assert_eq!(restored.session.as_ref(), Some(&saved));
    assert_eq!(on(&restored), on(&s));
    // A saved walk for a council other than the fixed one is ignored.
    let ignored = act(
        start(Some("kent"), None),
        &[Action::Restore { policy: "derbyshire".into(), session: saved, typed: Default::default() }],
    );
    assert!(ignored.session.is_none());
}

/// The search box's hint must not suggest a word that finds nothing: each example finds at
/// least one question in every council, and the officer's own word forms work too.
#[wasm_bindgen_test]
fn search_examples_find_a_question_in_every_council() {
    use probity_web::search::{matches, tree_matches, EXAMPLES};
    let bundle = embedded();
    for policy in bundle.catalog.policies.values() {
        for example in EXAMPLES {
            let found = policy.trees.values().filter(|t| tree_matches(example, policy, t)).count();
            assert!(found > 0, "`{example}` finds nothing in {}", policy.header.id);
        }
    }
    assert!(matches("lecture", &["Can I keep this fee for lecturing?"]));
    assert!(matches("Fees", &["Can I keep this fee?"]));
    assert!(matches("gifts hospitality", &["Gifts", "Hospitality"]));
    assert!(!matches("gifts hospitality", &["Gifts"]), "every word must be found");
    assert!(matches("  ", &["anything"]), "an empty search shows everything");
    // Case is folded for the letters English and Welsh use, typed or in the code's words.
    assert!(matches("RHODDION", &["Rhoddion a lletygarwch"]));
    assert!(matches("ŴYR", &["ŵyr"]) && matches("ÂR", &["âr"]));
}

/// Security review row 15: a reset (kiosk idle, or Start again) returns to where the host
/// configured the widget to open, not to the council's list of questions.
#[wasm_bindgen_test]
fn restart_returns_to_the_configured_tree() {
    let s = start(Some("kent"), Some("gifts"));
    let first = on(&s);
    let s = answer(s, "gift");
    assert_ne!(on(&s), first);
    let s = act(s, &[Action::Restart]);
    assert_eq!(s.view, View::Walk);
    assert_eq!(on(&s), first, "back on the tree's first question");
    assert!(s.session.as_ref().is_some_and(|x| x.answers.is_empty()), "with no answers");

    // Without a configured tree, the start page as before.
    let s = act(start(Some("kent"), None), &[Action::ChooseTree("gifts".into()), Action::Restart]);
    assert_eq!(s.view, View::Start);
    assert!(s.session.is_none());
}

/// Issue 9 §4: the compare page asks, one per page, what other councils need, until every
/// council that has the tree gives a verdict; Back goes back through those questions.
#[wasm_bindgen_test]
fn compare_asks_what_other_councils_need_until_every_council_answers() {
    let mut s = start(Some("kent"), Some("gifts"));
    for _ in 0..12 {
        let v = match s.page() {
            Some(Page::Question { fact, .. }) => fact.options.first().map_or("10".to_string(), |o| o.id.clone()),
            _ => break,
        };
        s = answer(s, &v);
    }
    let mut s = act(s, &[Action::ShowCompare]);
    let mut asked = Vec::new();
    while let Some((fact, waiting)) = s.compare_next() {
        assert!(!waiting.is_empty());
        assert!(!asked.contains(&fact.id), "`{}` asked twice", fact.id);
        asked.push(fact.id.clone());
        // A bad answer keeps the text and says so; then a good one.
        if fact.kind.is_numeric() {
            let bad = act(s.clone(), &[Action::Draft("abc".into()), Action::CompareContinue]);
            assert!(bad.error.is_some() && bad.draft == "abc");
        }
        let v = fact.options.first().map_or("10".to_string(), |o| o.id.clone());
        s = act(s, &[Action::Draft(v), Action::CompareContinue]);
        assert!(asked.len() < 30);
    }
    assert!(!asked.is_empty(), "Kent's walk does not line every council up by itself");
    let (tree, facts) = s.compare_facts().unwrap();
    for row in s.bundle.catalog.compare(&tree, &facts) {
        assert!(row.result.is_ok(), "{} gives no verdict", row.policy.header.id);
    }
    // Back returns to the last question asked, its answer shown.
    let back = act(s.clone(), &[Action::Back]);
    assert_eq!(back.compare_next().map(|(f, _)| f.id), asked.last().cloned());
    assert!(!back.draft.is_empty());
}
