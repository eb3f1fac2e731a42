//! Policies written to break Probity (security review row 3): numbers at the edge of what a
//! decimal can hold, in bounds and in `multiply`. Each must be refused by lint with a clear
//! diagnostic, and nothing, whether lint, a scenario case or evaluating every path with its
//! amounts, may panic. A `policy-src` policy in the widget goes through the same code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::diag::Diagnostic;
use probity_core::eval::{evaluate, EvalError};
use probity_core::model::Node;
use probity_core::robustness::policy_every_path;
use probity_core::value::Value;
use probity_core::{load, Format, Source};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const DECIMAL_MAX: &str = "79228162514264337593543950335";

/// A one-question policy: `fact` asked with `branches`, one outcome (with `extra` lines), one case.
fn policy(fact: &str, branches: &str, extra: &str, case: &str) -> String {
    format!(
        r#"[policy]
id = "crafted"
council = "Crafted Council"
title = "Crafted Code"
version = "1"
effective = "2026-01-01"
source = "a test"

[clauses]
"1" = "Fees may be kept."

[trees.fees]
title = "Can I keep this fee?"
kind = "permission"
topics = ["fees"]
start = "amount"

[trees.fees.nodes.amount]
ask = "{fact}"
branches = [ {branches} ]

[trees.fees.nodes.keep]
verdict = "yes"
headline = "You may keep it"
cite = ["1"]
{extra}

[[trees.fees.cases]]
name = "a fee"
facts = {{ {fact} = {case} }}
verdict = "yes"
cite = ["1"]
"#
    )
}

fn amount(multiply: &str) -> String {
    format!(
        r#"amounts = [ {{ label = "Fee you may keep", fact = "fee_amount", multiply = "{multiply}", rounding = "down" }} ]"#
    )
}

fn money_branches(bound: &str) -> String {
    format!(r#"{{ when = {{ below = "{bound}" }}, go = "keep" }}, {{ otherwise = true, go = "keep" }}"#)
}

/// The shared vocabulary has no whole-number fact today, so the whole-number edge cases are asked
/// of one added here, with the bounds such a fact may take.
fn vocabulary() -> String {
    format!(
        "{}\n[facts.crafted_count]\ntype = \"whole_number\"\nmin = 0\nmax = 1000\nquestion = \"How many?\"\n",
        common::VOCABULARY
    )
}

fn lint(text: &str) -> Vec<Diagnostic> {
    let source = Source { label: "crafted.toml", text, format: Format::Toml };
    let vocabulary = vocabulary();
    load(Source { label: "vocabulary.toml", text: &vocabulary, format: Format::Toml }, &[source]).diagnostics
}

#[test]
fn numbers_too_large_for_a_decimal_are_refused_by_lint_and_never_panic() {
    let fee = |bound: &str, multiply: &str| policy("fee_amount", &money_branches(bound), &amount(multiply), "\"1\"");
    let count = |bound: &str| policy("crafted_count", &money_branches(bound), "", "1");
    // (what, policy, the code expected, words its message must contain); None: lint is clean.
    let rows: Vec<(&str, String, Option<&str>, &str)> = vec![
        ("a sound policy (the template is valid)", fee("50", "0.5"), None, ""),
        ("a sound whole-number policy", count("3"), None, ""),
        ("multiply at the decimal maximum", fee("50", DECIMAL_MAX), Some("L015"), "`multiply`"),
        ("multiply over 100", fee("50", "100.01"), Some("L015"), "from 0 to 100"),
        ("a negative multiply", fee("50", "-0.5"), Some("L015"), "from 0 to 100"),
        ("a money bound at the decimal maximum", fee(DECIMAL_MAX, "1"), Some("L006"), "not a possible money answer"),
        ("a money bound over £1,000,000", fee("1000000.01", "1"), Some("L006"), "not a possible money answer"),
        ("a money bound in fractions of a penny", fee("0.001", "1"), Some("L006"), "not a possible money answer"),
        (
            "a whole-number bound at the decimal maximum",
            count(DECIMAL_MAX),
            Some("L006"),
            "not a possible whole number",
        ),
        ("a whole-number bound above the fact's max", count("1001"), Some("L006"), "not a possible whole number"),
        ("a whole-number bound below the fact's min", count("-1"), Some("L006"), "not a possible whole number"),
    ];
    let vocabulary_text = vocabulary();
    let raw = probity_core::raw::parse_vocabulary(&vocabulary_text, Format::Toml).unwrap();
    let vocabulary_checked = probity_core::check::check_vocabulary(&raw).value.unwrap();
    let mut failures = Vec::new();
    for (what, text, code, words) in &rows {
        let diags = lint(text);
        let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
        match code {
            None if !errors.is_empty() => failures.push(format!("{what}: expected no error, got {errors:?}")),
            Some(c) if !errors.iter().any(|d| d.code.to_string() == *c && d.message.contains(words)) => {
                failures.push(format!("{what}: expected {c} saying {words:?}, got {errors:?}"))
            }
            _ => {}
        }
        // Evaluating every path of what checks, with its amounts, at every bound: never a panic.
        if let Err(e) = policy_every_path(&vocabulary_checked, text, Format::Toml) {
            failures.push(format!("{what}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_amount_that_overflows_is_an_error_not_a_panic() {
    // A policy built in code can skip the checker's limit on `multiply`; evaluation must still
    // answer with an error rather than abort.
    let mut catalog = common::catalog();
    let kent = catalog.policies.get_mut("kent").unwrap();
    let tree = kent.trees.get_mut("fees").unwrap();
    let mut changed = 0;
    for node in tree.nodes.values_mut() {
        if let Node::Outcome(o) = node {
            for a in &mut o.amounts {
                a.multiply = Decimal::MAX;
                changed += 1;
            }
        }
    }
    assert!(changed > 0, "Kent's fees tree should work out an amount");
    let kent = catalog.policy("kent").unwrap();
    let facts = [
        ("fee_activity", Value::Option("lecture".into())),
        ("lecture_setting", Value::Option("council_time_permitted".into())),
        ("fee_amount", Value::Money(Decimal::new(100_000_000, 2))),
    ];
    let answers: BTreeMap<String, Value> = facts.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let e = evaluate(kent, "fees", &answers).unwrap_err();
    assert!(matches!(e, EvalError::AmountTooLarge { .. }), "{e:?}");
    assert!(e.to_string().contains("too large"), "{e}");
}
