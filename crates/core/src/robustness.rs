//! Entry points that take arbitrary input and must never panic: the fuzz targets in `fuzz/` and
//! the regression test over their corpus both call these, so a crash found by fuzzing stays
//! fixed in the normal test run.

use crate::check::check_policy;
use crate::declaration::verify;
use crate::model::{Policy, Vocabulary};
use crate::money::{format_money, max_money, parse_money};
use crate::raw::{parse_policy, Format};

/// Parses and checks any text as a policy; then evaluates every scenario path it can.
pub fn policy_text(vocabulary: &Vocabulary, text: &str, format: Format) {
    let Ok(raw) = parse_policy(text, format) else { return };
    let checked = check_policy(&raw, vocabulary, "fuzz");
    if let Some(policy) = checked.value {
        for tree in policy.trees.keys() {
            let _ = crate::paths::enumerate(&policy, tree);
        }
    }
}

/// Reads any text as money; whatever it accepts is a valid amount that prints and reads back.
/// Returns an explanation when that promise is broken, so the caller can fail loudly.
pub fn money_text(text: &str) -> Result<(), String> {
    if let Ok(v) = parse_money(text) {
        if v.is_sign_negative() && !v.is_zero() || v.scale() != 2 || v > max_money() {
            return Err(format!("`{text}` was accepted as `{v}`"));
        }
        let shown = format_money(v, true);
        if parse_money(&shown) != Ok(v) {
            return Err(format!("`{text}` → `{shown}` does not read back"));
        }
    }
    Ok(())
}

/// Verifies any text as a declaration against the given policies.
pub fn declaration_text<'p>(text: &str, find: impl Fn(&str) -> Option<&'p Policy>) {
    let _ = verify(text, find);
}
