//! Kent, the proof case: the verdicts the Kent Code gives, through the data-driven cases in
//! policies/kent.toml and a few checked here by hand against the clauses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::eval::evaluate;
use probity_core::model::{NoteKind, Verdict};
use probity_core::value::from_json;
use serde_json::json;
use std::collections::BTreeMap;

/// Runs Kent's tree over facts and checks the verdict, outcome node and any amounts.
fn check(tree: &str, facts: serde_json::Value, verdict: Verdict, amounts: &[&str]) -> probity_core::eval::Evaluation {
    let catalog = common::catalog();
    let p = catalog.policy("kent").unwrap();
    let answers: BTreeMap<_, _> = facts
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), from_json(p.fact(k).unwrap(), v).unwrap()))
        .collect();
    let e = evaluate(p, tree, &answers).unwrap();
    assert_eq!(e.outcome.verdict, verdict, "{tree} {facts}: reached {}", e.node);
    let got: Vec<String> = e.amounts.iter().map(|a| a.value.to_string()).collect();
    assert_eq!(got, amounts, "{tree} {facts}");
    e
}

#[test]
fn lecture_fees_to_the_penny() {
    let own = json!({"fee_activity": "lecture", "lecture_setting": "own_time_outside_body", "fee_amount": "151.25"});
    check("fees", own, Verdict::YesWithConditions, &["151.25"]);
    let half = json!({"fee_activity": "lecture", "lecture_setting": "council_time_permitted", "fee_amount": "151.25"});
    let e = check("fees", half, Verdict::YesWithConditions, &["75.62"]);
    assert!(e.amounts[0].rule.contains("rounded down"), "the rounding rule is stated");
    assert!(e.outcome.notes.iter().any(|n| n.kind == NoteKind::Contradiction), "L.2 against G.6 is said out loud");
    check(
        "fees",
        json!({"fee_activity": "lecture", "lecture_setting": "council_time_permitted", "fee_amount": "0.01"}),
        Verdict::YesWithConditions,
        &["0.00"],
    );
    check(
        "fees",
        json!({"fee_activity": "lecture", "lecture_setting": "council_time_permitted", "fee_amount": "200"}),
        Verdict::YesWithConditions,
        &["100.00"],
    );
    check("fees", json!({"fee_activity": "lecture", "lecture_setting": "internal_course"}), Verdict::No, &[]);
}

/// D.3's salary test (NJC spinal column point 44) was removed by the 2009 Act: the tree no longer
/// asks salary, and the answers an officer on a high salary reaches say so out loud.
#[test]
fn the_removed_salary_test_is_said_out_loud_in_an_out_of_date_note() {
    let catalog = common::catalog();
    let tree = catalog.policy("kent").unwrap().tree("political-restriction").unwrap();
    assert!(!tree.facts().iter().any(|f| f.contains("salary")), "salary is asked again: {:?}", tree.facts());
    let salary_note = |e: &probity_core::eval::Evaluation| {
        e.outcome
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::OutOfDate && n.text.contains("2009") && n.text.contains("salary"))
    };
    let e = check(
        "political-restriction",
        json!({"post_on_restricted_list": "no", "post_regularly_advises_councillors": "no"}),
        Verdict::No,
        &[],
    );
    assert!(salary_note(&e), "not restricted, and the removed salary test is named: {:?}", e.outcome.notes);
    let e = check(
        "political-restriction",
        json!({"post_on_restricted_list": "not_sure", "post_regularly_advises_councillors": "no"}),
        Verdict::AskFirst,
        &[],
    );
    assert!(salary_note(&e), "check the list, and the removed salary test is named: {:?}", e.outcome.notes);
    check("political-restriction", json!({"post_on_restricted_list": "yes"}), Verdict::Yes, &[]);
    check(
        "political-restriction",
        json!({"post_on_restricted_list": "no", "post_regularly_advises_councillors": "yes"}),
        Verdict::Yes,
        &[],
    );
}

#[test]
fn gifts_follow_l1_to_l5() {
    let base = |extra: serde_json::Value| {
        let mut f = json!({});
        f.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        f
    };
    let e = check(
        "gifts",
        base(json!({"offer_kind": "gift", "giver": "contractor", "gift_type": "token_item"})),
        Verdict::Yes,
        &[],
    );
    assert!(e.outcome.cite.contains(&"L.1".to_string()));
    // Whether the gift has already arrived is not asked (one outcome says what to do either way):
    // a delivered, unsolicited gift still goes back with a refusal letter.
    let e = check(
        "gifts",
        base(json!({"offer_kind": "gift", "giver": "contractor", "gift_type": "alcohol"})),
        Verdict::No,
        &[],
    );
    assert!(
        e.outcome
            .actions
            .iter()
            .any(|a| a.what.contains("already been sent or given to you") && a.what.contains("refusal letter")),
        "unsolicited gifts go back with a refusal letter"
    );
    check(
        "gifts",
        base(
            json!({"offer_kind": "hospitality", "giver": "contractor", "hospitality_purpose": "social", "social_function_part_of_community_life": "no"}),
        ),
        Verdict::No,
        &[],
    );
    check(
        "gifts",
        base(
            json!({"offer_kind": "hospitality", "giver": "contractor", "hospitality_purpose": "impart_information", "kent_hospitality_authorised": "no"}),
        ),
        Verdict::AskFirst,
        &[],
    );
    // Sponsorship (M.1) is reached only when the officer says it is sponsorship, in one question.
    let e = check("gifts", json!({"offer_kind": "sponsorship"}), Verdict::AskFirst, &[]);
    assert_eq!(e.outcome.cite, ["M.1", "M.3"]);
}

/// H.6 names being declared bankrupt and a director's company wound up, "if it may impact upon the
/// employee's role and duties"; it does not name other insolvency arrangements.
#[test]
fn bankruptcy_and_winding_up_follow_h6() {
    check("arrest-bankruptcy", json!({"legal_event": "bankrupt"}), Verdict::Yes, &[]);
    check("arrest-bankruptcy", json!({"legal_event": "insolvency_arrangement"}), Verdict::Unclear, &[]);
    let wound_up = |impact: &str| json!({"legal_event": "company_wound_up", "kent_wound_up_may_impact_role": impact});
    check("arrest-bankruptcy", wound_up("yes"), Verdict::Yes, &[]);
    check("arrest-bankruptcy", wound_up("no"), Verdict::No, &[]);
    check("arrest-bankruptcy", wound_up("not_sure"), Verdict::AskFirst, &[]);
}
