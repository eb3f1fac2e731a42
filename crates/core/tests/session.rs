//! Sessions: the next question comes from replaying the answers; back, change and pruning.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;
use probity_core::model::Policy;
use probity_core::session::{Page, Session};
use probity_core::value::Value;
use std::collections::BTreeMap;

fn example() -> Policy {
    let text = r#"
[policy]
id = "example"
council = "Example Council"
title = "Example Code"
version = "1"
effective = "2026-01-01"
source = "test"
[clauses]
"1" = "Gifts under £25 may be kept."
"2" = "Other gifts are declined."
"3" = "Hospitality needs a purpose."
[trees.gifts]
title = "Can I accept this?"
kind = "permission"
topics = ["gifts"]
start = "kind"
[trees.gifts.nodes.kind]
ask = "offer_kind"
branches = [ { when = { is = "gift" }, go = "value" }, { otherwise = true, go = "purpose" } ]
[trees.gifts.nodes.value]
ask = "offer_value"
branches = [ { when = { below = "25" }, go = "keep" }, { otherwise = true, go = "decline" } ]
[trees.gifts.nodes.purpose]
ask = "hospitality_purpose"
branches = [ { when = { is = "social" }, go = "decline_h" }, { otherwise = true, go = "value" } ]
[trees.gifts.nodes.keep]
verdict = "yes"
headline = "Keep it"
cite = ["1"]
[trees.gifts.nodes.decline]
verdict = "no"
headline = "Decline it"
cite = ["2"]
[trees.gifts.nodes.decline_h]
verdict = "no"
headline = "Decline the invitation"
cite = ["3"]
[[trees.gifts.cases]]
name = "keep"
facts = { offer_kind = "gift", offer_value = "10" }
verdict = "yes"
cite = ["1"]
[[trees.gifts.cases]]
name = "decline"
facts = { offer_kind = "gift", offer_value = "25" }
verdict = "no"
cite = ["2"]
[[trees.gifts.cases]]
name = "social"
facts = { offer_kind = "hospitality", hospitality_purpose = "social" }
verdict = "no"
cite = ["3"]
"#;
    let l = probity_core::load(
        probity_core::Source { label: "vocabulary.toml", text: common::VOCABULARY, format: probity_core::Format::Toml },
        &[probity_core::Source { label: "example.toml", text, format: probity_core::Format::Toml }],
    );
    assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
    l.catalog.policy("example").unwrap().clone()
}

fn page_fact(s: &Session, p: &Policy) -> String {
    match s.page(p).unwrap() {
        Page::Question { fact, .. } => fact.id.clone(),
        Page::Outcome(e) => format!("outcome:{}", e.node),
    }
}

#[test]
fn walks_back_and_forward() {
    let p = example();
    let mut s = Session::new("gifts");
    assert_eq!(page_fact(&s, &p), "offer_kind");
    s.answer_text(&p, "offer_kind", "gift").unwrap();
    assert_eq!(page_fact(&s, &p), "offer_value");
    s.answer_text(&p, "offer_value", "£30").unwrap();
    assert_eq!(page_fact(&s, &p), "outcome:decline");
    assert!(s.back(&p));
    assert_eq!(page_fact(&s, &p), "offer_value");
    assert!(s.back(&p));
    assert_eq!(page_fact(&s, &p), "offer_kind");
    assert!(!s.back(&p), "nothing before the first question");
    // Forward again without changing anything: the kept answers lead straight on.
    s.answer_text(&p, "offer_kind", "gift").unwrap();
    assert_eq!(page_fact(&s, &p), "outcome:decline");
}

#[test]
fn bad_input_keeps_every_answer() {
    let p = example();
    let mut s = Session::new("gifts");
    s.answer_text(&p, "offer_kind", "gift").unwrap();
    let before = s.clone();
    for bad in ["", "ten", "25,50", "-3", "1.234"] {
        assert!(s.answer_text(&p, "offer_value", bad).is_err(), "{bad:?} should be refused");
        assert_eq!(s, before, "a refused answer must change nothing");
    }
}

#[test]
fn changing_an_answer_drops_only_answers_off_the_path() {
    let p = example();
    let mut s = Session::new("gifts");
    s.answer_text(&p, "offer_kind", "hospitality").unwrap();
    s.answer_text(&p, "hospitality_purpose", "impart_information").unwrap();
    s.answer_text(&p, "offer_value", "10").unwrap();
    assert_eq!(page_fact(&s, &p), "outcome:keep");
    // Change the first answer to gift: the value still applies and is kept; the purpose is dropped.
    s.change("offer_kind");
    assert_eq!(page_fact(&s, &p), "offer_kind");
    s.answer_text(&p, "offer_kind", "gift").unwrap();
    assert_eq!(page_fact(&s, &p), "outcome:keep");
    assert_eq!(s.answers.keys().cloned().collect::<Vec<_>>(), vec!["offer_kind", "offer_value"]);
    // And back to hospitality: the purpose must be asked again; the value is kept as it may apply.
    s.change("offer_kind");
    s.answer_text(&p, "offer_kind", "hospitality").unwrap();
    assert_eq!(page_fact(&s, &p), "hospitality_purpose");
    assert!(s.answers.contains_key("offer_value"));
    s.answer_text(&p, "hospitality_purpose", "social").unwrap();
    assert_eq!(page_fact(&s, &p), "outcome:decline_h");
    assert!(!s.answers.contains_key("offer_value"), "the value is no longer on any path");
}

#[test]
fn preset_facts_are_not_asked() {
    let p = example();
    let mut preset = BTreeMap::new();
    preset.insert("offer_kind".to_string(), Value::Option("gift".into()));
    let mut s = Session::with_preset("gifts", preset);
    assert_eq!(page_fact(&s, &p), "offer_value");
    s.answer_text(&p, "offer_value", "5").unwrap();
    assert_eq!(page_fact(&s, &p), "outcome:keep");
    assert!(s.back(&p));
    assert_eq!(page_fact(&s, &p), "offer_value");
    assert!(!s.back(&p), "a preset question is not a page to go back to");
}

#[test]
fn saved_sessions_round_trip() {
    let p = example();
    let mut s = Session::new("gifts");
    s.answer_text(&p, "offer_kind", "gift").unwrap();
    s.answer_text(&p, "offer_value", "24.99").unwrap();
    let text = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    assert_eq!(page_fact(&back, &p), "outcome:keep");
}
