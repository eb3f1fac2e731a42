//! "Record this" and the declaration of interests, driven through the reducer the way their
//! pages drive it (wasm-bindgen-test, run by `wasm-pack test --node crates/web`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_web::{embedded, Action, State, View};
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

const NOW: &str = "2026-11-30T10:00:00Z";

fn act(s: Rc<State>, actions: &[Action]) -> Rc<State> {
    actions.iter().cloned().fold(s, |s, a| s.reduce(a))
}

fn answer(s: Rc<State>, value: &str) -> Rc<State> {
    act(s, &[Action::Draft(value.to_string()), Action::Continue])
}

fn detail(k: &str, v: &str) -> Action {
    Action::SetDetail(k.to_string(), v.to_string())
}

fn kent_gifts_outcome() -> Rc<State> {
    let s = Rc::new(State::new(Rc::new(embedded()), Some("kent".into()), Some("gifts".into())));
    let s = answer(s, "gift");
    let s = answer(s, "contractor");
    answer(s, "alcohol")
}

fn problem_fields(s: &State) -> Vec<&str> {
    s.detail_errors.iter().map(|p| p.field.as_str()).collect()
}

#[wasm_bindgen_test]
fn record_this_asks_the_details_after_the_answer_and_keeps_what_was_typed() {
    let s = kent_gifts_outcome();
    assert_eq!(s.view, View::Walk);
    let s = act(s, &[Action::RecordThis]);
    assert_eq!(s.view, View::Details);
    assert_eq!(s.page_key(), "record");
    // Nothing typed: every required field at once, and the page stays.
    let s = act(s, &[Action::DetailsContinue(NOW.into())]);
    assert_eq!(s.view, View::Details);
    assert_eq!(problem_fields(&s), ["offered_by_person", "what_offered", "date_offered", "action_taken"]);
    // A date that is not real: the message at the field, the parts as typed.
    let s = act(
        s,
        &[
            detail("offered_by_person", "Sam Supplier"),
            detail("what_offered", "A bottle of wine"),
            detail("date_offered.day", "31"),
            detail("date_offered.month", "2"),
            detail("date_offered.year", "2026"),
            detail("action_taken", "declined"),
            Action::DetailsContinue(NOW.into()),
        ],
    );
    assert_eq!(problem_fields(&s), ["date_offered"]);
    assert_eq!(s.detail_errors[0].message, "Date offered must be a real date");
    assert_eq!(s.details.get("date_offered.day").map(String::as_str), Some("31"));
    let s = act(s, &[detail("date_offered.day", "28"), Action::DetailsContinue(NOW.into())]);
    assert_eq!(s.view, View::Check);
    assert!(s.detail_errors.is_empty());
    // Change returns to the details, the field named, everything still typed; Back too.
    let s = act(s, &[Action::ChangeDetails("pb-detail-what_offered".into())]);
    assert_eq!(s.view, View::Details);
    assert_eq!(s.focus.as_deref(), Some("pb-detail-what_offered"));
    assert_eq!(s.details.get("what_offered").map(String::as_str), Some("A bottle of wine"));
    let s = act(s, &[Action::DetailsContinue(NOW.into()), Action::Back]);
    assert_eq!(s.view, View::Details);
    let s = act(s, &[Action::Back]);
    assert_eq!(s.view, View::Walk);
    assert_eq!(s.details.len(), 6, "Back keeps the details typed");
    // The browser's history names the pages too.
    let s = act(s, &[Action::Navigate("check".into())]);
    assert_eq!(s.view, View::Check);
}

#[wasm_bindgen_test]
fn a_bad_email_on_the_details_page_is_one_more_problem() {
    let s = kent_gifts_outcome();
    let s = act(s, &[Action::RecordThis, Action::SetEmail("not an email".into()), Action::DetailsContinue(NOW.into())]);
    assert!(problem_fields(&s).contains(&"email"));
}

#[wasm_bindgen_test]
fn a_declaration_of_interests_adds_interests_one_walk_at_a_time() {
    let s = Rc::new(State::new(Rc::new(embedded()), Some("kent".into()), None));
    let s = act(s, &[Action::StartInterests]);
    assert_eq!(s.view, View::Occasion);
    // Only the occasions the code names.
    let s = act(s, &[Action::Draft("on_appointment".into()), Action::OccasionContinue]);
    assert!(s.error.is_some(), "Kent asks only an annual declaration");
    let s = act(s, &[Action::Draft("annual".into()), Action::OccasionContinue]);
    assert_eq!(s.view, View::Interests);
    let s = act(s, &[Action::InterestsContinue]);
    assert!(s.error.is_some(), "yes or no must be chosen");
    let s = act(s, &[Action::Draft("yes".into()), Action::InterestsContinue]);
    assert_eq!(s.view, View::Walk);
    assert_eq!(s.session.as_ref().map(|x| x.tree.as_str()), Some("interests"));
    let s = answer(s, "financial");
    let s = answer(s, "yes");
    assert!(matches!(s.page(), Some(probity_core::session::Page::Outcome(_))));
    let s = act(
        s,
        &[
            Action::RecordThis,
            detail("interest_body", "Acme Ltd"),
            detail("interest_description", "Director"),
            detail("interest_of", "mine"),
            Action::DetailsContinue(NOW.into()),
        ],
    );
    assert_eq!(s.view, View::Interests);
    assert_eq!(s.interests.as_ref().unwrap().items.len(), 1);
    // Change an interest: its details come back; Continue replaces it rather than adding one.
    let s = act(s, &[Action::ChangeInterest(0)]);
    assert_eq!(s.details.get("interest_body").map(String::as_str), Some("Acme Ltd"));
    let s = act(s, &[detail("interest_body", "Acme Holdings"), Action::DetailsContinue(NOW.into())]);
    let items = &s.interests.as_ref().unwrap().items;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].details.get("interest_body").map(String::as_str), Some("Acme Holdings"));
    let s = act(s, &[Action::Draft("no".into()), Action::InterestsContinue]);
    assert_eq!(s.view, View::Declarant);
    let s = act(s, &[Action::DeclarantContinue]);
    assert_eq!(s.view, View::Check);
    let s = act(s, &[Action::Back, Action::Back]);
    assert_eq!(s.view, View::Interests);
    let s = act(s, &[Action::RemoveInterest(0)]);
    assert!(s.interests.as_ref().unwrap().items.is_empty());
}

#[wasm_bindgen_test]
fn a_council_that_asks_no_declaration_of_interests_offers_none() {
    let s = Rc::new(State::new(Rc::new(embedded()), Some("derbyshire".into()), None));
    let s = act(s, &[Action::StartInterests]);
    assert_eq!(s.view, View::Start);
    assert!(s.interests.is_none());
}
