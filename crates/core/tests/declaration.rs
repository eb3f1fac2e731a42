//! Declaration v1: sealed, verified, and any single changed field is caught.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::declaration::{build, verify, Declarant, VerifyError};
use probity_core::eval::evaluate;
use probity_core::value::from_json;
use probity_core::Catalog;
use serde_json::{json, Value as J};
use std::collections::BTreeMap;

fn kent_fee_declaration(catalog: &Catalog) -> String {
    let p = catalog.policy("kent").unwrap();
    let facts = json!({"fee_activity": "lecture", "lecture_setting": "council_time_permitted", "fee_amount": "151.25"});
    let answers: BTreeMap<_, _> = facts
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), from_json(p.fact(k).unwrap(), v).unwrap()))
        .collect();
    let e = evaluate(p, "fees", &answers).unwrap();
    let declarant = Declarant {
        name: Some("A. Officer".into()),
        job_title: Some("Planner".into()),
        team: None,
        email: Some("a.officer@example.gov.uk".into()),
    };
    build(p, &e, Some(declarant), "2026-11-22T10:15:00Z").to_json_pretty()
}

/// Every leaf of a JSON value, as a path of keys and indices.
fn leaves(v: &J, at: Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        J::Object(m) => m.iter().for_each(|(k, x)| leaves(x, [at.clone(), vec![k.clone()]].concat(), out)),
        J::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| leaves(x, [at.clone(), vec![i.to_string()]].concat(), out))
        }
        _ => out.push(at),
    }
}

fn get_mut<'a>(v: &'a mut J, path: &[String]) -> &'a mut J {
    path.iter().fold(v, |v, k| match v {
        J::Object(m) => m.get_mut(k).unwrap(),
        J::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

fn changed(v: &J) -> J {
    match v {
        J::String(s) => J::String(format!("{s}x")),
        J::Number(n) => json!(n.as_i64().unwrap() + 1),
        J::Bool(b) => J::Bool(!b),
        J::Null => J::String("x".into()),
        _ => unreachable!(),
    }
}

fn reseal(v: &mut J) {
    let mut without = v.clone();
    without.as_object_mut().unwrap().remove("digest");
    let d = probity_core::jcs::digest_of(&without).unwrap();
    v["digest"] = J::String(d);
}

#[test]
fn the_untouched_declaration_verifies() {
    let catalog = common::catalog();
    let text = kent_fee_declaration(&catalog);
    let v = verify(&text, |id| catalog.policy(id)).unwrap();
    assert_eq!(v.declaration.outcome.amounts[0].value, "75.62");
    assert_eq!(v.declaration.schema, "probity.declaration");
}

#[test]
fn any_single_changed_field_is_rejected() {
    let catalog = common::catalog();
    let original: J = serde_json::from_str(&kent_fee_declaration(&catalog)).unwrap();
    let mut paths = Vec::new();
    leaves(&original, Vec::new(), &mut paths);
    assert!(paths.len() > 40, "expected a rich declaration, got {} fields", paths.len());
    for path in &paths {
        let mut v = original.clone();
        let leaf = get_mut(&mut v, path);
        *leaf = changed(leaf);
        let text = serde_json::to_string(&v).unwrap();
        assert!(verify(&text, |id| catalog.policy(id)).is_err(), "changing /{} was not caught", path.join("/"));
    }
}

#[test]
fn a_changed_field_with_a_recomputed_digest_is_still_caught_by_the_rerun() {
    let catalog = common::catalog();
    let original: J = serde_json::from_str(&kent_fee_declaration(&catalog)).unwrap();
    let mut paths = Vec::new();
    leaves(&original, Vec::new(), &mut paths);
    for path in &paths {
        let first = path[0].as_str();
        // The officer's own details and the time are theirs to state; everything else comes
        // from the policy and the answers, and a forger who reseals must still be caught.
        if matches!(first, "declarant" | "created_at" | "digest") {
            continue;
        }
        let mut v = original.clone();
        let leaf = get_mut(&mut v, path);
        *leaf = changed(leaf);
        reseal(&mut v);
        let text = serde_json::to_string(&v).unwrap();
        assert!(
            verify(&text, |id| catalog.policy(id)).is_err(),
            "a resealed change to /{} was not caught",
            path.join("/")
        );
    }
}

#[test]
fn a_changed_policy_is_reported_as_such() {
    let catalog = common::catalog();
    let text = kent_fee_declaration(&catalog);
    // The same policy with one clause edited: same id, different digest.
    let edited = common::POLICIES[2].1.replacen("You may retain lecturing fees", "You may keep lecturing fees", 1);
    let l = probity_core::load(
        probity_core::Source { label: "vocabulary.toml", text: common::VOCABULARY, format: probity_core::Format::Toml },
        &[probity_core::Source { label: "kent.toml", text: &edited, format: probity_core::Format::Toml }],
    );
    let err = verify(&text, |id| l.catalog.policy(id)).unwrap_err();
    assert!(matches!(err, VerifyError::PolicyChanged { .. }), "{err}");
    assert!(matches!(verify(&text, |_| None).unwrap_err(), VerifyError::UnknownPolicy { .. }));
}

#[test]
fn malformed_files_are_explained() {
    let catalog = common::catalog();
    let check = |text: &str, expected: &str| {
        let e = verify(text, |id| catalog.policy(id)).unwrap_err().to_string();
        assert!(e.contains(expected), "{e:?} should mention {expected:?}");
    };
    check("not json", "not JSON");
    check("{}", "not a declaration v1");
    check(r#"{"schema":"probity.declaration","schema_version":2}"#, "not a declaration v1");
    check(r#"{"schema":"probity.declaration","schema_version":1,"digest":"sha256:00"}"#, "digest does not match");
}

#[test]
fn the_schema_describes_the_declaration() {
    let schema: J = serde_json::from_str(&probity_core::declaration::json_schema()).unwrap();
    let required: Vec<&str> = schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for field in ["schema", "schema_version", "policy", "tree", "answers", "outcome", "trace", "created_at", "digest"] {
        assert!(required.contains(&field), "{field} should be required");
    }
}

#[test]
fn declarant_details_are_checked() {
    let d = |email: &str| Declarant { email: Some(email.into()), ..Default::default() };
    assert!(d("a.officer@kent.gov.uk").problems().is_empty());
    assert!(d("").problems().is_empty(), "every field is optional");
    for bad in ["a.officer", "a officer@kent.gov.uk", "a@b", "@kent.gov.uk", "a@@kent.gov.uk"] {
        assert_eq!(d(bad).problems().len(), 1, "{bad}");
    }
    let long = Declarant { name: Some("x".repeat(201)), ..Default::default() };
    assert_eq!(long.problems(), vec![("name", "Enter 200 characters or fewer".to_string())]);
}
