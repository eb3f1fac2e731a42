#![no_main]
// Any bytes as a policy (JSON when it starts with `{`, TOML otherwise): check it, then evaluate
// every path of every tree that checks, at its witnesses and at the ends of each numeric range,
// amounts included. Never panic, and every promise of a checked policy holds.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let vocabulary = &common::catalog().vocabulary;
        if let Err(e) = probity_core::robustness::policy_every_path(vocabulary, text, probity_core::Format::Toml) {
            panic!("{e}");
        }
    }
});
