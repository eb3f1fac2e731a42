//! `policy-src` (and the studio's "Try it", which takes the same path): a council's own policy
//! file, checked in the browser beside the built-in ones (wasm-bindgen-test, in Node).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_core::model::Node;
use probity_web::with_extra_policy;
use wasm_bindgen_test::wasm_bindgen_test;

/// The built-in Kent policy as JSON, with its lecture-fee share changed from a half to three quarters.
fn edited_kent() -> String {
    let bundle: serde_json::Value = serde_json::from_str(include_str!("../policies.bundle.json")).unwrap();
    let kent = bundle["policies"].as_array().unwrap().iter().find(|p| p["policy"]["id"] == "kent").unwrap();
    let text = serde_json::to_string(kent).unwrap();
    assert!(text.contains(r#""multiply":"0.5""#));
    text.replacen(r#""multiply":"0.5""#, r#""multiply":"0.75""#, 1)
}

#[wasm_bindgen_test]
fn a_council_file_with_a_built_in_id_replaces_the_built_in_policy() {
    let bundle = with_extra_policy("kent.json", &edited_kent());
    let errors: Vec<String> = bundle.errors().iter().map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(bundle.catalog.policies.len(), 5, "Kent once, not twice");
    let kent = bundle.catalog.policy("kent").unwrap();
    let Some(Node::Outcome(o)) = kent.tree("fees").unwrap().node("keep_half_fee") else { panic!("an outcome") };
    assert_eq!(o.amounts[0].multiply.to_string(), "0.75", "the council's file is the one used");
}

#[wasm_bindgen_test]
fn the_council_file_is_named_as_custom_only_when_it_got_into_the_catalog() {
    // Replacing a built-in policy: named, so the officer is told where the code came from.
    assert_eq!(with_extra_policy("kent.json", &edited_kent()).custom.as_deref(), Some("kent"));
    // A file that does not check is not in the catalog (its id read all the same), nor one that is not JSON.
    let broken = edited_kent().replacen(r#""multiply":"0.75""#, r#""multiply":"many""#, 1);
    let bundle = with_extra_policy("kent.json", &broken);
    assert!(!bundle.errors().is_empty(), "the broken file is refused");
    assert_eq!(bundle.custom, None);
    assert_eq!(with_extra_policy("kent.json", "not json").custom, None);
}
