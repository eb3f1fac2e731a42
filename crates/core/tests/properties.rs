//! Property tests over every tree of every policy (proptest): random walks always end at an
//! outcome; back then forward returns to the same page; changing an answer never keeps an answer
//! that can no longer be asked; declarations round-trip; any change to a declaration's content
//! fails verification.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::archive::Versions;
use probity_core::declaration::{build, verify};
use probity_core::eval::{facts_reachable_from, End};
use probity_core::model::{FactKind, Node, Policy};
use probity_core::partition::representatives;
use probity_core::session::{Page, Session};
use probity_core::value::Value;
use probity_core::Catalog;
use proptest::prelude::*;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(common::catalog)
}

/// Every (policy, tree) pair.
fn trees() -> Vec<(String, String)> {
    catalog().policies.values().flat_map(|p| p.trees.keys().map(|t| (p.header.id.clone(), t.clone()))).collect()
}

/// An answer for a fact chosen by `pick`: an option, a money amount near a bound or anywhere, a number.
fn answer_for(policy: &Policy, fact_id: &str, pick: u64) -> Value {
    let fact = policy.fact(fact_id).unwrap();
    let tree_conditions: Vec<_> = policy
        .trees
        .values()
        .flat_map(|t| t.nodes.values())
        .filter_map(|n| match n {
            Node::Question(q) if q.fact == fact_id => Some(q.branches.iter().map(|b| &b.when)),
            _ => None,
        })
        .flatten()
        .collect();
    let reps = representatives(fact, &tree_conditions);
    match fact.kind {
        // Half the time a value at or next to a bound, half the time any amount at all.
        FactKind::Money if pick % 2 == 1 => {
            Value::Money(rust_decimal::Decimal::new((pick / 2 % 100_000_000) as i64, 2))
        }
        _ => reps[(pick as usize) % reps.len()].clone(),
    }
}

/// Answers questions from `picks` until an outcome; returns the session.
fn random_walk(policy: &Policy, tree: &str, picks: &[u64]) -> Session {
    let mut s = Session::new(tree);
    for pick in picks.iter().cycle().take(200) {
        match s.page(policy).unwrap() {
            Page::Outcome(_) => return s,
            Page::Question { fact, .. } => {
                let v = answer_for(policy, &fact.id, *pick);
                s.answer(policy, &fact.id, v);
            }
        }
    }
    s
}

fn key(s: &Session, p: &Policy) -> String {
    s.page_key(p)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_walks_end_at_an_outcome(which in 0usize..1000, picks in prop::collection::vec(any::<u64>(), 1..12)) {
        let all = trees();
        let (pid, tree) = &all[which % all.len()];
        let p = catalog().policy(pid).unwrap();
        let s = random_walk(p, tree, &picks);
        prop_assert!(matches!(s.page(p).unwrap(), Page::Outcome(_)), "{pid}/{tree} did not end");
    }

    #[test]
    fn back_then_forward_returns_to_the_same_page(which in 0usize..1000, picks in prop::collection::vec(any::<u64>(), 1..12), steps in 1usize..6) {
        let all = trees();
        let (pid, tree) = &all[which % all.len()];
        let p = catalog().policy(pid).unwrap();
        let mut s = random_walk(p, tree, &picks);
        let before = key(&s, p);
        let answers = s.answers.clone();
        let mut went = 0;
        for _ in 0..steps {
            if !s.back(p) { break; }
            went += 1;
        }
        if went == 0 { return Ok(()); }
        // Continue with the answer already shown: nothing changed, so the officer is back where
        // they were, with every answer intact.
        let Page::Question { fact, current, .. } = s.page(p).unwrap() else { panic!("expected a question") };
        let id = fact.id.clone();
        s.answer(p, &id, current.unwrap());
        prop_assert_eq!(key(&s, p), before);
        prop_assert_eq!(&s.answers, &answers);
    }

    #[test]
    fn changing_an_answer_keeps_only_answers_that_can_still_apply(which in 0usize..1000, picks in prop::collection::vec(any::<u64>(), 1..12), change in any::<u64>(), new in any::<u64>()) {
        let all = trees();
        let (pid, tree_id) = &all[which % all.len()];
        let p = catalog().policy(pid).unwrap();
        let tree = p.tree(tree_id).unwrap();
        let mut s = random_walk(p, tree_id, &picks);
        let path = s.answered_path(p);
        if path.is_empty() { return Ok(()); }
        let fact = path[(change as usize) % path.len()].clone();
        s.change(&fact);
        let v = answer_for(p, &fact, new);
        s.answer(p, &fact, v);
        let w = s.walk(p).unwrap();
        let mut allowed: Vec<String> = w.facts().into_iter().map(str::to_string).collect();
        if let End::Ask(node) = &w.end { allowed.extend(facts_reachable_from(tree, node)); }
        for k in s.answers.keys() {
            prop_assert!(allowed.contains(k), "{pid}/{tree_id}: `{k}` kept but not on the path");
        }
        if matches!(w.end, End::Outcome(_)) {
            prop_assert_eq!(s.answers.len(), w.steps.len(), "at an outcome, every answer is on the path");
        }
    }

    #[test]
    fn declarations_round_trip_and_any_content_change_fails(which in 0usize..1000, picks in prop::collection::vec(any::<u64>(), 1..12), at in any::<usize>(), byte in any::<u8>()) {
        let all = trees();
        let (pid, tree) = &all[which % all.len()];
        let p = catalog().policy(pid).unwrap();
        let s = random_walk(p, tree, &picks);
        let Page::Outcome(e) = s.page(p).unwrap() else { panic!("no outcome") };
        let text = build(p, &e, None, "2026-11-22T10:00:00Z").to_json_pretty();
        let v = verify(&text, &Versions::current(&catalog().policies));
        prop_assert!(v.is_ok(), "{pid}/{tree}: {:?}", v.err());
        prop_assert_eq!(&v.unwrap().evaluation, &*e);

        let mut bytes = text.clone().into_bytes();
        let i = at % bytes.len();
        if bytes[i] == byte { return Ok(()); }
        bytes[i] = byte;
        let changed = String::from_utf8_lossy(&bytes).to_string();
        // A byte change that leaves the JSON content the same (white space between tokens) is
        // not a change to the declaration; every other change must fail.
        let same = serde_json::from_str::<serde_json::Value>(&changed).ok() == serde_json::from_str::<serde_json::Value>(&text).ok();
        if !same {
            prop_assert!(verify(&changed, &Versions::current(&catalog().policies)).is_err(), "byte {i} changed to {byte} still verifies");
        }
    }
}
