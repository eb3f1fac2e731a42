#![no_main]
// Any bytes as a JSON policy: parse, check, enumerate paths; never panic.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        probity_core::robustness::policy_text(&common::catalog().vocabulary, text, probity_core::Format::Json);
    }
});
