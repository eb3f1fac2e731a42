#![no_main]
// Any text as money: never panic, and whatever is accepted is a valid amount that reads back.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(e) = probity_core::robustness::money_text(text) {
            panic!("{e}");
        }
    }
});
