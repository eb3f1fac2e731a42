//! `diff`: the exact change report between two versions of a policy. A known edit must report
//! exactly that change and nothing else; an unchanged policy reports nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::diff::diff;
use probity_core::model::Policy;
use probity_core::{load_with, CheckOptions, Format, Source};

const BASE: &str = r#"
[policy]
id = "example"
council = "Example Council"
title = "Example Code"
version = "2026"
effective = "2026-01-01"
source = "diff test"

[clauses]
"7.1" = "Gifts of a value under £50 may be accepted and must be recorded in the register."
"7.2" = "Gifts of £50 or more must be declined and reported to your line manager."
"7.3" = "Hospitality must be approved by your manager."

[trees.gifts]
title = "Can I accept this gift?"
kind = "permission"
topics = ["gifts"]
start = "kind"

[trees.gifts.nodes.kind]
ask = "offer_kind"
branches = [
  { when = { is = "gift" }, go = "value" },
  { when = { is = "hospitality" }, go = "motive" },
  { when = { is = "sponsorship" }, go = "hospitality" },
]

[trees.gifts.nodes.motive]
ask = "improper_motive"
branches = [
  { when = { is = "yes" }, go = "decline" },
  { otherwise = true, go = "hospitality" },
]

[trees.gifts.nodes.value]
ask = "offer_value"
branches = [
  { when = { below = "50" }, go = "accept", cite = ["7.1"] },
  { when = { at_least = "50" }, go = "decline", cite = ["7.2"] },
]

[trees.gifts.nodes.accept]
verdict = "yes_with_conditions"
headline = "You can accept it, but record it"
cite = ["7.1"]

[trees.gifts.nodes.decline]
verdict = "no"
headline = "Decline it and tell your line manager"
cite = ["7.2"]

[trees.gifts.nodes.hospitality]
verdict = "ask_first"
headline = "Ask your manager first"
cite = ["7.3"]
"#;

fn check(text: &str) -> Policy {
    let l = load_with(
        Source { label: "vocabulary.toml", text: common::VOCABULARY, format: Format::Toml },
        &[Source { label: "example.toml", text, format: Format::Toml }],
        CheckOptions { require_cases: false },
    );
    let errors: Vec<String> = l.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    l.catalog.policies.into_values().next().unwrap()
}

#[test]
fn an_unchanged_policy_reports_nothing() {
    let base = check(BASE);
    assert!(diff(&base, &base, None).unwrap().is_empty());
    for policy in common::catalog().policies.values() {
        let d = diff(policy, policy, None).unwrap();
        assert!(d.is_empty(), "{} differs from itself: {d:?}", policy.header.id);
    }
}

#[test]
fn a_lower_threshold_reports_exactly_the_amounts_between() {
    let base = check(BASE);
    let edited =
        check(&BASE.replace(r#"below = "50""#, r#"below = "40""#).replace(r#"at_least = "50""#, r#"at_least = "40""#));
    let d = diff(&base, &edited, None).unwrap();
    assert!(d.clauses_changed.is_empty() && d.trees_added.is_empty() && d.trees_removed.is_empty());
    assert_eq!(d.trees.len(), 1);
    let t = &d.trees[0];
    assert!(t.nodes_added.is_empty() && t.nodes_removed.is_empty() && t.questions_changed.is_empty());
    assert_eq!(t.regions.len(), 1, "{:#?}", t.regions);
    let r = &t.regions[0];
    let value = r.answers.iter().find(|a| a.fact == "offer_value").unwrap();
    assert_eq!(value.answers, "£40.00 to £49.99");
    assert_eq!((r.old.node.as_str(), r.new.node.as_str()), ("accept", "decline"));
    assert!(r.changed.contains(&"verdict".to_string()));
    // The witness really gives the two outcomes.
    let w = &r.witness;
    assert_eq!(probity_core::eval::evaluate(&base, "gifts", w).unwrap().node, "accept");
    assert_eq!(probity_core::eval::evaluate(&edited, "gifts", w).unwrap().node, "decline");
}

#[test]
fn a_reworded_clause_is_listed_with_what_quotes_it_and_changes_no_answer() {
    let base = check(BASE);
    let edited = check(&BASE.replace("approved by your manager.", "approved in advance by your manager."));
    let d = diff(&base, &edited, None).unwrap();
    assert_eq!(d.clauses_changed.len(), 1);
    assert_eq!(d.clauses_changed[0].reference, "7.3");
    assert_eq!(d.clauses_changed[0].quoted_by, vec!["gifts › hospitality".to_string()]);
    assert!(d.trees.is_empty(), "{:#?}", d.trees);
}

#[test]
fn a_redirected_branch_changes_only_its_own_answers() {
    let base = check(BASE);
    let from = r#"{ when = { is = "yes" }, go = "decline" }"#;
    let to = r#"{ when = { is = "yes" }, go = "hospitality" }"#;
    let edited = check(&BASE.replace(from, to));
    let d = diff(&base, &edited, None).unwrap();
    let t = &d.trees[0];
    assert_eq!(t.regions.len(), 1, "{:#?}", t.regions);
    let r = &t.regions[0];
    let answers: Vec<(&str, &str)> = r.answers.iter().map(|a| (a.fact.as_str(), a.answers.as_str())).collect();
    assert_eq!(answers, vec![("offer_kind", "“Hospitality”"), ("improper_motive", "“Yes”")]);
    assert_eq!((r.old.node.as_str(), r.new.node.as_str()), ("decline", "hospitality"));
}
