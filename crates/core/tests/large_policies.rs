//! Checking is near-linear and bounded (security review row 9). The widget checks a
//! `policy-src` policy in `mount()`, synchronously, so a large one must not freeze the tab: each
//! of the review's three shapes (a 10,000-node chain with ids in reverse order, 10,000 branches,
//! a 10,000-range `any`) is refused at once by the limits (L022), and, with the limits lifted,
//! is still checked in well under a second in a release build (two seconds here, in debug).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::check::{check_policy_with_limits, Limits};
use probity_core::diag::Code;
use probity_core::raw::parse_policy;
use probity_core::{load, CheckOptions, Format, Source};
use serde_json::{json, Value as J};
use std::time::{Duration, Instant};

const N: usize = 10_000;
/// Generous, for a debug build on a shared machine; the release timings are in the report.
const BOUND: Duration = Duration::from_secs(2);

fn pence(p: usize) -> String {
    format!("{}.{:02}", p / 100, p % 100)
}

fn policy(tree: J) -> String {
    json!({
        "policy": { "id": "large", "council": "Large Council", "title": "Large Code", "version": "1", "effective": "2026-01-01", "source": "a test" },
        "clauses": { "1": "Fees may be kept." },
        "trees": { "fees": tree },
    })
    .to_string()
}

/// A money question, then `n` yes/no questions in a chain whose ids run in reverse order, then
/// an outcome whose amount uses the money answer given at the start.
fn chain(n: usize) -> String {
    let id = |i: usize| format!("n{i:05}");
    let mut nodes = serde_json::Map::new();
    nodes.insert(
        id(n + 1),
        json!({ "ask": "fee_amount", "branches": [ { "when": { "below": "50" }, "go": id(n) }, { "otherwise": true, "go": id(n) } ] }),
    );
    for i in (1..=n).rev() {
        nodes.insert(
            id(i),
            json!({ "ask": "improper_motive", "branches": [ { "when": { "is": "yes" }, "go": id(i - 1) }, { "otherwise": true, "go": id(i - 1) } ] }),
        );
    }
    nodes.insert(
        id(0),
        json!({ "verdict": "yes", "headline": "You may keep it", "cite": ["1"],
                "amounts": [ { "label": "Fee", "fact": "fee_amount", "multiply": "0.5", "rounding": "down" } ] }),
    );
    policy(json!({
        "title": "Can I keep this fee?", "kind": "permission", "topics": ["fees"], "start": id(n + 1),
        "max_questions": 5, "nodes": nodes,
        "cases": [ { "name": "a fee", "facts": { "fee_amount": "10", "improper_motive": "no" }, "verdict": "yes", "cite": ["1"] } ],
    }))
}

/// One money question with `n` penny-wide branches and a catch-all.
fn branches(n: usize) -> String {
    let mut list: Vec<J> =
        (0..n).map(|i| json!({ "when": { "at_least": pence(i), "below": pence(i + 1) }, "go": "small" })).collect();
    list.push(json!({ "otherwise": true, "go": "large" }));
    two_outcomes(list, "0.50", "5000")
}

/// One money question whose first branch is an `any` of `n` penny-wide ranges.
fn any_ranges(n: usize) -> String {
    let ranges: Vec<J> = (0..n).map(|i| json!({ "at_least": pence(2 * i), "below": pence(2 * i + 1) })).collect();
    two_outcomes(
        vec![json!({ "when": { "any": ranges }, "go": "small" }), json!({ "otherwise": true, "go": "large" })],
        "0.00",
        "0.01",
    )
}

fn two_outcomes(branches: Vec<J>, small: &str, large: &str) -> String {
    policy(json!({
        "title": "Can I keep this fee?", "kind": "permission", "topics": ["fees"], "start": "amount",
        "nodes": {
            "amount": { "ask": "fee_amount", "branches": branches },
            "small": { "verdict": "yes", "headline": "You may keep it", "cite": ["1"] },
            "large": { "verdict": "ask_first", "headline": "Ask your manager first", "cite": ["1"] },
        },
        "cases": [
            { "name": "small", "facts": { "fee_amount": small }, "verdict": "yes", "cite": ["1"] },
            { "name": "large", "facts": { "fee_amount": large }, "verdict": "ask_first", "cite": ["1"] },
        ],
    }))
}

fn shapes(n: usize) -> Vec<(&'static str, String)> {
    vec![
        ("a chain in reverse id order", chain(n)),
        ("penny-wide branches", branches(n)),
        ("an `any` of ranges", any_ranges(n)),
    ]
}

#[test]
fn policies_over_the_limits_are_refused_at_once() {
    let mut failures = Vec::new();
    for (what, text) in shapes(N) {
        let started = Instant::now();
        let source = Source { label: "large.json", text: &text, format: Format::Json };
        let loaded =
            load(Source { label: "vocabulary.toml", text: common::VOCABULARY, format: Format::Toml }, &[source]);
        let took = started.elapsed();
        let refusals: Vec<String> =
            loaded.diagnostics.iter().filter(|d| d.code == Code::L022).map(|d| d.to_string()).collect();
        println!("{what} ({N}), {} KB, with the limits: {took:?}, {refusals:?}", text.len() / 1000);
        if refusals.is_empty() || loaded.catalog.policy("large").is_some() {
            failures.push(format!("{what}: not refused with L022: {:?}", loaded.diagnostics));
        }
        if took > BOUND {
            failures.push(format!("{what}: took {took:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn checking_is_near_linear_with_the_limits_lifted() {
    // The walk-length check (L021, check/phone.rs) recurses once per question on the longest
    // walk: shallow under the node limit (500), but a 10,000-question chain needs more stack than
    // a test thread has in a release build. The limit is what protects real use; this
    // measurement gives itself room.
    let measure = std::thread::Builder::new().stack_size(256 << 20).spawn(measure_without_limits).unwrap();
    measure.join().unwrap();
}

fn measure_without_limits() {
    let vocabulary = common::catalog().vocabulary;
    let mut failures = Vec::new();
    for (what, text) in shapes(N) {
        let raw = parse_policy(&text, Format::Json).unwrap();
        let started = Instant::now();
        let checked = check_policy_with_limits(&raw, &vocabulary, "large", CheckOptions::default(), Limits::NONE);
        let took = started.elapsed();
        println!("{what} ({N}), limits lifted: checked in {took:?}");
        let errors: Vec<String> = checked.errors().map(|d| d.to_string()).collect();
        // The chain is longer than a phone walk allows (L021); nothing else may be wrong with any of them.
        let unexpected: Vec<&String> = errors.iter().filter(|e| !e.contains("L021")).collect();
        if !unexpected.is_empty() {
            failures.push(format!("{what}: {unexpected:?}"));
        }
        if took > BOUND {
            failures.push(format!("{what}: took {took:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn policies_at_the_limits_are_checked() {
    let limits = Limits::DEFAULT;
    let vocabulary = common::catalog().vocabulary;
    let at_limit = [
        ("a chain in reverse id order", chain(limits.nodes - 2)),
        ("penny-wide branches", branches(limits.branches - 1)),
        ("an `any` of ranges", any_ranges(limits.condition_tests - 1)),
    ];
    for (what, text) in at_limit {
        let raw = parse_policy(&text, Format::Json).unwrap();
        let checked = check_policy_with_limits(&raw, &vocabulary, "large", CheckOptions::default(), limits);
        let refused: Vec<String> =
            checked.diagnostics.iter().filter(|d| d.code == Code::L022).map(|d| d.to_string()).collect();
        assert!(refused.is_empty(), "{what} at the limit was refused: {refused:?}");
    }
}
