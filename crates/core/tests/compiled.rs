//! The compiled policy files the widget loads (probity_core::compiled): every policy survives the
//! round trip unchanged, and a damaged, foreign or mismatched file is refused, never half-read.
#![cfg(feature = "compiled")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::compiled::{decode, encode, CompiledError, FORMAT};

fn kent() -> probity_core::model::Policy {
    common::catalog().policy("kent").unwrap().clone()
}

#[test]
fn every_policy_reads_back_exactly_as_checked() {
    for policy in common::catalog().policies.values() {
        let bytes = encode(policy);
        let back = decode(&bytes, Some((&policy.header.id, &policy.digest))).unwrap();
        assert_eq!(&back, policy, "{}", policy.header.id);
    }
}

#[test]
fn a_changed_byte_anywhere_in_the_payload_is_refused() {
    let bytes = encode(&kent());
    for at in [41, bytes.len() / 2, bytes.len() - 1] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x20;
        assert_eq!(decode(&bad, None), Err(CompiledError::Corrupt), "byte {at}");
    }
}

#[test]
fn a_cut_short_file_is_refused() {
    let bytes = encode(&kent());
    assert_eq!(decode(&bytes[..bytes.len() - 10], None), Err(CompiledError::Corrupt));
    assert_eq!(decode(&bytes[..20], None), Err(CompiledError::Corrupt));
    assert_eq!(decode(&bytes[..2], None), Err(CompiledError::NotCompiled));
}

#[test]
fn another_kind_of_file_is_refused() {
    let page = b"<!doctype html><title>Not found</title>";
    assert_eq!(decode(page, None), Err(CompiledError::NotCompiled));
}

#[test]
fn another_format_version_is_refused_by_name() {
    let mut bytes = encode(&kent());
    bytes[4] = FORMAT + 1;
    let e = decode(&bytes, None).unwrap_err();
    assert_eq!(e, CompiledError::Version { found: FORMAT + 1 });
    assert!(e.to_string().contains(&format!("`{}`", FORMAT + 1)), "{e}");
}

#[test]
fn a_sound_file_for_another_council_or_version_is_refused() {
    let policy = kent();
    let bytes = encode(&policy);
    let other = decode(&bytes, Some(("derbyshire", &policy.digest))).unwrap_err();
    assert!(matches!(other, CompiledError::Mismatch { .. }), "{other:?}");
    let stale = decode(&bytes, Some(("kent", "sha256:0000"))).unwrap_err();
    assert!(stale.to_string().contains("sha256:0000"), "{stale}");
}

#[test]
fn the_payload_is_postcard_in_the_compact_shape() {
    // The widget's reader is postcard's, which cannot read a self-describing format (CBOR, JSON).
    let policy = kent();
    let bytes = encode(&policy);
    let back: probity_core::model::Policy = postcard::from_bytes(&bytes[41..]).unwrap();
    assert_eq!(back, policy);
}

#[test]
fn the_readable_shape_is_unchanged_by_the_compact_one() {
    // Archives and digests hold the JSON shape: tagged enums, decimals as text.
    let policy = kent();
    let json = serde_json::to_value(&policy).unwrap();
    let kinds: Vec<&serde_json::Value> = json["facts"].as_object().unwrap().values().map(|f| &f["kind"]).collect();
    assert!(kinds.contains(&&serde_json::json!({ "type": "money" })), "{kinds:?}");
    let tree = &json["trees"]["gifts"]["nodes"];
    assert!(tree.as_object().unwrap().values().all(|n| n["kind"] == "question" || n["kind"] == "outcome"), "{tree}");
    let back: probity_core::model::Policy = serde_json::from_value(json).unwrap();
    assert_eq!(back, policy);
}
