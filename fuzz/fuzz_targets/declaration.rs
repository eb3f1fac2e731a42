#![no_main]
// Any bytes as a declaration (v1 or v2) to verify against Kent's and Oxfordshire's policies: never panic.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let catalog = common::catalog();
        probity_core::robustness::declaration_text(text, &probity_core::archive::Versions::current(&catalog.policies));
    }
});
