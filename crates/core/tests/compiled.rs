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

/// A file with a sound header around `payload`: what a bad build, not damage on the way, would give.
fn sealed(payload: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut out = b"PRBC".to_vec();
    out.push(FORMAT);
    out.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_le_bytes());
    out.extend_from_slice(&Sha256::digest(payload));
    out.extend_from_slice(payload);
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// The payload is trusted only as far as its hash: even a soundly sealed payload that is not a
    /// policy is refused as undecodable, never a panic or a runaway allocation.
    #[test]
    fn any_sealed_bytes_are_read_or_refused_never_a_panic(payload in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
        if let Err(e) = decode(&sealed(&payload), None) {
            proptest::prop_assert!(matches!(e, CompiledError::Undecodable(_)), "{e:?}");
        }
    }

    #[test]
    fn a_policy_changed_anywhere_and_resealed_is_read_or_refused_never_a_panic(at in 0usize..100_000, bit in 0u8..8) {
        static KENT: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        let mut payload = KENT.get_or_init(|| encode(&kent()))[41..].to_vec();
        let at = at % payload.len();
        payload[at] ^= 1 << bit;
        let _ = decode(&sealed(&payload), None);
    }
}

#[test]
fn bytes_left_over_after_the_policy_are_refused() {
    let bytes = encode(&kent());
    let mut payload = bytes[41..].to_vec();
    payload.push(0);
    let e = decode(&sealed(&payload), None).unwrap_err();
    assert!(e.to_string().contains("left over"), "{e}");
}
