//! RFC 8785 JSON Canonicalization Scheme, for the values Probity writes, and SHA-256 digests.
//!
//! Declarations and policies hold only strings, integers, booleans, nulls, arrays and objects
//! (money is text), so the canonical form needs no float formatting: a float is refused rather
//! than written in a way another implementation might not reproduce.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FloatInJson(pub String);

impl std::fmt::Display for FloatInJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is a fractional number, which a canonical declaration never holds", self.0)
    }
}

/// The canonical text of a JSON value: object members sorted by their names' UTF-16 code
/// units, no insignificant white space, strings escaped as ECMAScript's JSON.stringify does.
pub fn canonical(value: &serde_json::Value) -> Result<String, FloatInJson> {
    let mut out = String::new();
    write_value(value, &mut out)?;
    Ok(out)
}

fn write_value(value: &serde_json::Value, out: &mut String) -> Result<(), FloatInJson> {
    use serde_json::Value as J;
    match value {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Number(n) => {
            if n.is_i64() || n.is_u64() {
                out.push_str(&n.to_string());
            } else {
                return Err(FloatInJson(n.to_string()));
            }
        }
        J::String(s) => write_string(s, out),
        J::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out)?;
            }
            out.push(']');
        }
        J::Object(map) => {
            let mut members: Vec<(&String, &serde_json::Value)> = map.iter().collect();
            // Names in an object are unique, so an unstable sort gives the one order (and less code).
            members.sort_unstable_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (k, v)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(k, out);
                out.push(':');
                write_value(v, out)?;
            }
            out.push('}');
        }
    }
    Ok(())
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `sha256:` followed by the lower-case hex SHA-256 of the bytes.
pub fn sha256_tagged(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The tagged SHA-256 of a value's canonical JSON.
pub fn digest_of(value: &serde_json::Value) -> Result<String, FloatInJson> {
    canonical(value).map(|c| sha256_tagged(c.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(input: serde_json::Value, expected: &str) {
        assert_eq!(canonical(&input).unwrap(), expected);
    }

    #[test]
    fn sorts_members_and_escapes_like_ecmascript() {
        check(json!({"b": 1, "a": [true, null, "x"]}), r#"{"a":[true,null,"x"],"b":1}"#);
        check(json!("line\nbreak \"q\" \u{1} é €"), "\"line\\nbreak \\\"q\\\" \\u0001 é €\"");
        check(
            json!({"\u{20ac}": 1, "\r": 2, "1": 3, "\u{80}": 4, "\u{1F600}": 5, "\u{fb33}": 6}),
            "{\"\\r\":2,\"1\":3,\"\u{80}\":4,\"\u{20ac}\":1,\"\u{1F600}\":5,\"\u{fb33}\":6}",
        );
        check(json!(-42), "-42");
    }

    #[test]
    fn refuses_floats() {
        assert!(canonical(&json!({"a": 1.5})).is_err());
    }

    #[test]
    fn digest_is_tagged_hex() {
        assert_eq!(sha256_tagged(b"abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
