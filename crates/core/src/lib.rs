//! # probity-core
//!
//! The pure policy core of Probity. It reads councils' codes of conduct written as data
//! (TOML or JSON text handed to it), checks them into a [`model::Policy`] — the only thing that
//! can be evaluated — and evaluates them over an officer's answers, explaining each step.
//!
//! The core is pure: no file or network I/O, no clock, no randomness, no wasm-bindgen, no yew.
//! Callers hand it texts and times; it hands back data. Money is `rust_decimal`, never a float.
//!
//! Flow: text → [`raw`] (serde, unknown keys refused) → [`check`] → [`model::Policy`] →
//! [`session::Session`] / [`eval::evaluate`] → [`eval::Evaluation`] (outcome and trace) →
//! [`declaration::Declaration`] (sealed JSON) → [`declaration::verify`].
//!
//! No input may make it panic: besides the workspace's denied `unwrap`, `expect`, `panic` and
//! indexing, arithmetic that can overflow is denied outside tests, so every sum on amounts,
//! bounds and counts is checked (`checked_*`) or saturating and its failure is an error value.
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

pub mod archive;
pub mod case;
pub mod catalog;
pub mod check;
#[cfg(feature = "compiled")]
pub mod compiled;
pub mod dates;
pub mod declaration;
pub mod diag;
pub mod diff;
pub mod eval;
pub mod jcs;
pub mod model;
pub mod money;
pub mod partition;
pub mod paths;
pub mod raw;
pub mod records;
pub mod register;
pub mod robustness;
pub mod session;
pub mod shape;
pub mod value;

pub use catalog::{load, load_with, Catalog, Loaded, Source};
pub use check::CheckOptions;
pub use raw::Format;
