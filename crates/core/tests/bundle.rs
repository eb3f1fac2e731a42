//! A bundle (`probity bundle`) loads as its files would (probity_core::catalog::load_bundle): the
//! widget's prerender and the register page both read the policies in force this way.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::catalog::{load_bundle, policy_id};
use probity_core::diag::Code;
use probity_core::{CheckOptions, Format, Source};

fn json(toml_text: &str) -> serde_json::Value {
    toml::from_str(toml_text).unwrap()
}

fn policy(id: &str) -> serde_json::Value {
    let (_, text, _) = common::POLICIES.iter().find(|(label, _, _)| label.starts_with(id)).unwrap();
    json(text)
}

fn bundle(policies: Vec<serde_json::Value>) -> String {
    serde_json::json!({ "vocabulary": json(common::VOCABULARY), "policies": policies }).to_string()
}

#[test]
fn every_policy_that_checks_is_loaded_and_one_that_does_not_is_named() {
    let text = bundle(vec![policy("kent"), serde_json::json!({ "policy": { "id": "broken" } }), policy("derbyshire")]);
    let loaded = load_bundle(&text, None, CheckOptions::default());
    assert_eq!(loaded.catalog.policies.keys().collect::<Vec<_>>(), ["derbyshire", "kent"]);
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(!errors.is_empty() && errors.iter().all(|d| d.location.policy == "built-in policy 2"), "{errors:?}");
}

#[test]
fn a_councils_own_file_replaces_the_bundled_policy_with_its_id() {
    let text = bundle(vec![policy("kent"), policy("derbyshire")]);
    let mut edited = policy("kent");
    edited["policy"]["title"] = "The Kent Code, as edited".into();
    let edited = edited.to_string();
    let extra = Source { label: "kent.json", text: &edited, format: Format::Json };
    let loaded = load_bundle(&text, Some(extra), CheckOptions::default());
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.catalog.policies.len(), 2);
    assert_eq!(loaded.catalog.policy("kent").unwrap().header.title, "The Kent Code, as edited");
}

/// A policy as `probity bundle --without-cases` writes it: every tree's `cases` left out.
fn without_cases(mut policy: serde_json::Value) -> serde_json::Value {
    for tree in policy["trees"].as_object_mut().unwrap().values_mut() {
        tree.as_object_mut().unwrap().remove("cases");
    }
    policy
}

#[test]
fn a_bundle_written_without_its_cases_checks_with_the_options_for_that() {
    let text = bundle(vec![without_cases(policy("kent"))]);
    // With the author's options its outcomes are reached by no case: errors, and Kent is not loaded.
    let strict = load_bundle(&text, None, CheckOptions::default());
    assert!(strict.diagnostics.iter().any(|d| d.is_error()), "the cases are required by default");
    let loaded = load_bundle(&text, None, CheckOptions::WITHOUT_CASES);
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()), "{:?}", loaded.diagnostics);
    assert!(loaded.catalog.policy("kent").is_some());
    // Nothing else is relaxed: a policy that does not check is still refused.
    let broken = bundle(vec![without_cases(policy("kent")), serde_json::json!({ "policy": { "id": "broken" } })]);
    let loaded = load_bundle(&broken, None, CheckOptions::WITHOUT_CASES);
    assert!(loaded.diagnostics.iter().any(|d| d.is_error() && d.location.policy == "built-in policy 2"));
}

#[test]
fn a_policys_id_is_read_from_its_json_even_when_the_policy_does_not_check() {
    assert_eq!(policy_id(&policy("kent").to_string()).as_deref(), Some("kent"));
    assert_eq!(policy_id(r#"{"policy": {"id": "own", "unknown_key": 1}, "trees": 7}"#).as_deref(), Some("own"));
    assert_eq!(policy_id(r#"{"policy": {"title": "no id"}}"#), None);
    assert_eq!(policy_id(r#"{"policy": {"id": 5}}"#), None);
    assert_eq!(policy_id("id = \"kent\""), None, "TOML is not read");
}

#[test]
fn a_bundle_that_is_not_json_is_one_error_with_its_line() {
    let loaded = load_bundle("{\n\"vocabulary\": ", None, CheckOptions::default());
    assert!(loaded.catalog.policies.is_empty());
    let [d] = loaded.diagnostics.as_slice() else { panic!("{:?}", loaded.diagnostics) };
    assert_eq!((d.code, d.location.policy.as_str()), (Code::P001, "built-in bundle"));
    assert_eq!(d.location.detail.as_deref(), Some("line 2"));
}
