//! Entry points that take arbitrary input and must never panic: the fuzz targets in `fuzz/` and
//! the regression test over their corpus both call these, so a crash found by fuzzing stays
//! fixed in the normal test run.

use crate::archive::Versions;
use crate::check::check_policy;
use crate::declaration::verify_any;
use crate::eval::{evaluate, EvalError, Evaluation};
use crate::model::Vocabulary;
use crate::money::{format_money, max_money, parse_money};
use crate::partition::numeric_domain;
use crate::raw::{parse_policy, Format};
use crate::value::Value;
use std::collections::BTreeMap;

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

/// Parses and checks any text as a policy (JSON when it starts with `{`, TOML otherwise); then,
/// for every tree that checks, evaluates every path: at its witness, at every answer next to a
/// bound that follows it, and with each numeric answer at the ends of its range, amounts
/// included. Returns an explanation when a promise of a checked policy is broken: a path that
/// cannot be listed or evaluated, a witness that goes elsewhere, an amount worked out wrongly.
pub fn policy_every_path(vocabulary: &Vocabulary, text: &str, format: Format) -> Result<(), String> {
    let format = if text.trim_start().starts_with('{') { Format::Json } else { format };
    let Ok(raw) = parse_policy(text, format) else { return Ok(()) };
    let Some(policy) = check_policy(&raw, vocabulary, "fuzz").value else { return Ok(()) };
    for tree in policy.trees.keys() {
        let rows = match crate::paths::enumerate(&policy, tree) {
            Ok(rows) => rows,
            // A tree with more paths than a table can show is not broken; it is only too wide to list.
            Err(EvalError::TooManyPaths { .. }) => continue,
            Err(e) => return Err(format!("tree `{tree}`: its paths cannot be listed: {e}")),
        };
        for row in rows {
            let reach = |answers: &BTreeMap<String, Value>| -> Result<(), String> {
                let e = evaluate(&policy, tree, answers).map_err(|e| format!("tree `{tree}`: {e}"))?;
                if e.node != row.outcome {
                    return Err(format!("tree `{tree}`: {answers:?} reaches `{}`, not `{}`", e.node, row.outcome));
                }
                amounts_add_up(&e)
            };
            reach(&row.witness)?;
            for (fact, values) in &row.boundary_witnesses {
                for v in values {
                    let mut answers = row.witness.clone();
                    answers.insert(fact.clone(), v.clone());
                    reach(&answers)?;
                }
            }
            // The ends of each numeric answer's range, where amounts are largest: any outcome
            // will do (or a question the witness does not answer), but never an error or a panic.
            for fact in row.witness.keys().filter_map(|f| policy.fact(f)) {
                let Some((lo, hi, _)) = numeric_domain(fact) else { continue };
                for end in [lo, hi] {
                    let mut answers = row.witness.clone();
                    let value = match fact.kind {
                        crate::model::FactKind::Money => Value::Money(crate::money::to_pence_scale(end)),
                        _ => Value::Number(end.try_into().unwrap_or_default()),
                    };
                    answers.insert(fact.id.clone(), value);
                    match evaluate(&policy, tree, &answers) {
                        Ok(e) => amounts_add_up(&e)?,
                        Err(EvalError::Missing { .. }) => {}
                        Err(e) => return Err(format!("tree `{tree}`: {e}")),
                    }
                }
            }
        }
    }
    Ok(())
}

/// Each amount is its answer times `multiply`, rounded by its rule to whole pence, never negative.
fn amounts_add_up(e: &Evaluation) -> Result<(), String> {
    for a in &e.amounts {
        let exact = a.of.checked_mul(a.multiply);
        if exact != Some(a.exact)
            || a.value != a.rounding.apply(a.exact)
            || a.value.scale() != 2
            || a.value.is_sign_negative()
        {
            return Err(format!(
                "amount \"{}\" at `{}`: {} × {} gave {} ({})",
                a.label, e.node, a.of, a.multiply, a.exact, a.value
            ));
        }
    }
    Ok(())
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

/// Verifies any text as a declaration (v1 or v2) against the given policy versions.
pub fn declaration_text(text: &str, versions: &Versions<'_>) {
    let _ = verify_any(text, versions);
}
