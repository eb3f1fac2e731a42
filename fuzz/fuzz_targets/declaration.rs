#![no_main]
// Any bytes as a declaration to verify against Kent's and Oxfordshire's policies: never panic.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        probity_core::robustness::declaration_text(text, |id| common::catalog().policy(id));
    }
});
