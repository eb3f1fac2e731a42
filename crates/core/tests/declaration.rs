//! Declaration v1: sealed, verified, and any single changed field is caught.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::archive::Versions;
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
    let v = verify(&text, &Versions::current(&catalog.policies)).unwrap();
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
        assert!(
            verify(&text, &Versions::current(&catalog.policies)).is_err(),
            "changing /{} was not caught",
            path.join("/")
        );
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
        // The officer's own details and the time are theirs to state, so the re-run cannot
        // catch them: see the next test. Everything else comes from the policy and the answers.
        if matches!(first, "declarant" | "created_at" | "digest") {
            continue;
        }
        let mut v = original.clone();
        let leaf = get_mut(&mut v, path);
        *leaf = changed(leaf);
        reseal(&mut v);
        let text = serde_json::to_string(&v).unwrap();
        assert!(
            verify(&text, &Versions::current(&catalog.policies)).is_err(),
            "a resealed change to /{} was not caught",
            path.join("/")
        );
    }
}

/// What the digest does not prove, stated as a test so the documentation cannot claim more: it
/// is not a signature. Anyone can change the declarant or the time to other acceptable values,
/// recompute the digest, and `verify` still says valid. Values the widget would refuse are
/// refused, resealed or not.
#[test]
fn a_resealed_declarant_or_time_verifies_when_acceptable_and_is_refused_when_not() {
    let catalog = common::catalog();
    let original: J = serde_json::from_str(&kent_fee_declaration(&catalog)).unwrap();
    let resealed = |field: &[&str], value: J| {
        let mut v = original.clone();
        let path: Vec<String> = field.iter().map(|s| s.to_string()).collect();
        *get_mut(&mut v, &path) = value;
        reseal(&mut v);
        verify(&serde_json::to_string(&v).unwrap(), &Versions::current(&catalog.policies)).map(|_| ())
    };
    let acceptable: [(&[&str], J); 4] = [
        (&["declarant", "name"], json!("Someone Else")),
        (&["declarant", "email"], json!("someone.else@example.gov.uk")),
        (&["created_at"], json!("2030-01-01T00:00:00Z")),
        (&["declarant"], J::Null),
    ];
    for (field, value) in acceptable {
        assert!(
            resealed(field, value.clone()).is_ok(),
            "/{} = {value} should verify: not a signature",
            field.join("/")
        );
    }
    let refused: [(&[&str], J, &str); 9] = [
        (&["declarant", "email"], json!("not an email"), "email"),
        (&["declarant", "name"], json!("x".repeat(201)), "200 characters"),
        (&["declarant", "name"], json!("A. Officer\u{0}"), "cannot be seen"),
        (&["declarant", "name"], json!("A. \u{202e}recif\u{202c}fO"), "cannot be seen"),
        (&["declarant", "team"], json!("Planning\nand more"), "cannot be seen"),
        (&["created_at"], json!("0000-99-99T99:99:99Z"), "created_at"),
        (&["created_at"], json!("2026-02-30T10:00:00Z"), "created_at"),
        (&["created_at"], json!("2026-11-22T24:00:00Z"), "created_at"),
        (&["created_at"], json!("2026-11-22 10:15:00"), "created_at"),
    ];
    for (field, value, words) in refused {
        let e = resealed(field, value.clone()).expect_err(&format!("/{} = {value} should be refused", field.join("/")));
        assert!(e.to_string().contains(words), "/{}: {e} should mention {words:?}", field.join("/"));
    }
}

#[test]
fn dates_are_real_rfc_3339_times() {
    use probity_core::declaration::is_rfc3339;
    for good in [
        "2026-11-22T10:15:00Z",
        "2026-11-22T10:15:00.123Z",
        "2026-11-22T10:15:00+01:00",
        "2026-11-22T10:15:00-05:30",
        "2024-02-29T00:00:00Z",
        "2026-11-22t10:15:00z",
    ] {
        assert!(is_rfc3339(good), "{good} should be accepted");
    }
    for bad in [
        "0000-99-99T99:99:99Z",
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-31T00:00:00Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22T10:60:00Z",
        "2026-11-22T10:15:00",
        "2026-11-22T10:15:00+25:00",
        "2026-11-22",
        "",
        "2026-11-22T10:15:00Zx",
    ] {
        assert!(!is_rfc3339(bad), "{bad} should be refused");
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
    let err = verify(&text, &Versions::current(&l.catalog.policies)).unwrap_err();
    assert!(matches!(err, VerifyError::UnknownVersion { .. }), "{err}");
    assert!(matches!(
        verify(&text, &Versions::current(&BTreeMap::new())).unwrap_err(),
        VerifyError::UnknownPolicy { .. }
    ));
}

#[test]
fn malformed_files_are_explained() {
    let catalog = common::catalog();
    let check = |text: &str, expected: &str| {
        let e = verify(text, &Versions::current(&catalog.policies)).unwrap_err().to_string();
        assert!(e.contains(expected), "{e:?} should mention {expected:?}");
    };
    check("not json", "not JSON");
    check("{}", "not a declaration v1 or v2");
    check(r#"{"schema":"probity.declaration","schema_version":3}"#, "not a declaration v1 or v2");
    check(r#"{"schema":"probity.declaration","schema_version":2}"#, "a declaration v2: verify it with `verify_any`");
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
    // Characters that cannot be seen, or that reorder what is shown, in any field.
    for hidden in ["A\u{0}B", "Tab\there", "A \u{202e}B", "A\u{2066}B\u{2069}", "A\u{200f}B", "Line\u{2028}break"] {
        let d = Declarant { team: Some(hidden.into()), ..Default::default() };
        assert_eq!(d.problems().len(), 1, "{hidden:?}");
        assert_eq!(d.problems()[0].0, "team");
    }
    let fine =
        Declarant {
            name: Some("Zoë O'Brien-Ngũgĩ".into()), team: Some("ਪੰਜਾਬੀ ਟੀਮ".into()), ..Default::default()
        };
    assert!(fine.problems().is_empty(), "{:?}", fine.problems());
}
