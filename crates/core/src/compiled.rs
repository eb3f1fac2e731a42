//! A checked [`Policy`] as a compact binary file, so the widget can load a council's code
//! without parsing and checking its JSON (the build did that, with the same checker as
//! `probity lint`).
//!
//! The file is a fixed header and a payload:
//!
//! | bytes | what |
//! |-------|------|
//! | 4     | `PRBC`, so a wrong file (an HTML error page, say) is told apart at once |
//! | 1     | the format version, [`FORMAT`]; a file of another version is refused, never guessed at |
//! | 4     | the payload's length, little-endian |
//! | 32    | the SHA-256 of the payload |
//! | …     | the payload: the policy in postcard |
//!
//! Postcard (a serde format with a documented, stable wire format since its 1.0): no field names
//! and no type marks, so the files are small, and its reader is a few functions rather than a
//! general decoder, which keeps the widget's wasm small. It does not describe itself, so the
//! model is written in its compact shape ([`crate::shape`]: enums by variant number, decimals as
//! mantissa and scale); JSON and TOML keep the readable shape, so no digest changes.
//! Format 1 was CBOR with the readable shape; it is refused by version like any other.
//!
//! Loading never trusts the file: the length and hash must match, the payload must decode to a
//! policy, and the caller may require its id and digest (the build's list names both), so a file
//! from another build or another council is refused too.

use crate::model::Policy;
use sha2::{Digest, Sha256};
use std::fmt;

/// The first bytes of every compiled policy file.
pub const MAGIC: &[u8; 4] = b"PRBC";
/// The format version. Raise it whenever the model's shape changes in a way that an older
/// widget would read wrongly (a new field is fine only if it has a default).
pub const FORMAT: u8 = 2;
const HEADER: usize = 4 + 1 + 4 + 32;

/// Why a compiled policy file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompiledError {
    /// Not a compiled policy at all (too short, or another kind of file).
    NotCompiled,
    /// A compiled policy of another format version.
    Version { found: u8 },
    /// The length or hash does not match the payload: cut short or changed on the way.
    Corrupt,
    /// The payload did not decode to a policy.
    Undecodable(String),
    /// A sound file, but not the policy asked for (another council, or another build's version).
    Mismatch { expected: String, found: String },
}

impl fmt::Display for CompiledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompiledError::NotCompiled => f.write_str("the file is not a compiled policy"),
            CompiledError::Version { found } => {
                write!(f, "the compiled policy is format `{found}`, and this widget reads format `{FORMAT}`")
            }
            CompiledError::Corrupt => {
                f.write_str("the compiled policy is damaged: its length or checksum does not match")
            }
            CompiledError::Undecodable(m) => write!(f, "the compiled policy cannot be read: `{m}`"),
            CompiledError::Mismatch { expected, found } => {
                write!(f, "the compiled policy is `{found}`, not the `{expected}` this page asked for")
            }
        }
    }
}

impl CompiledError {
    /// What the person who looks after the page can do about it.
    pub fn help(&self) -> &'static str {
        "reload the page; if it keeps happening, rebuild and publish the widget's files together (scripts/build-web.sh)"
    }
}

/// The file for a checked policy.
pub fn encode(policy: &Policy) -> Vec<u8> {
    // Writing into a Vec cannot fail for I/O, and every model type serializes.
    let payload = postcard::to_allocvec(policy).unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER.saturating_add(payload.len()));
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&u32::try_from(payload.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(&payload));
    out.extend_from_slice(&payload);
    out
}

/// The policy in a compiled file, checked as the module comment says. `expected` is the id and
/// digest the caller's list names for it, when it has one.
pub fn decode(bytes: &[u8], expected: Option<(&str, &str)>) -> Result<Policy, CompiledError> {
    let (magic, rest) = bytes.split_at_checked(4).ok_or(CompiledError::NotCompiled)?;
    if magic != MAGIC {
        return Err(CompiledError::NotCompiled);
    }
    let (&version, rest) = rest.split_first().ok_or(CompiledError::NotCompiled)?;
    if version != FORMAT {
        return Err(CompiledError::Version { found: version });
    }
    let (length, rest) = rest.split_at_checked(4).ok_or(CompiledError::Corrupt)?;
    let (hash, payload) = rest.split_at_checked(32).ok_or(CompiledError::Corrupt)?;
    let length: [u8; 4] = length.try_into().map_err(|_| CompiledError::Corrupt)?;
    if usize::try_from(u32::from_le_bytes(length)).ok() != Some(payload.len()) || Sha256::digest(payload)[..] != *hash {
        return Err(CompiledError::Corrupt);
    }
    let policy: Policy = match postcard::take_from_bytes(payload) {
        Ok((policy, [])) => policy,
        Ok(_) => return Err(CompiledError::Undecodable("bytes are left over after the policy".into())),
        Err(e) => return Err(CompiledError::Undecodable(e.to_string())),
    };
    if let Some((id, digest)) = expected {
        if policy.header.id != id || policy.digest != digest {
            return Err(CompiledError::Mismatch {
                expected: format!("{id} {digest}"),
                found: format!("{} {}", policy.header.id, policy.digest),
            });
        }
    }
    Ok(policy)
}
