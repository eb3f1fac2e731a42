//! Core speed (criterion): check and lint all five policies, enumerate every path of every tree,
//! evaluate every scenario case, verify a declaration, and one answer step of a session.
//! Run by `scripts/bench.sh`, which copies the estimates into docs/benchmarks.md.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use probity_core::check::run_case;
use probity_core::declaration::{build, verify};
use probity_core::raw::parse_policy;
use probity_core::session::Session;
use probity_core::{load, Format, Source};

const VOCABULARY: &str = include_str!("../../../policies/vocabulary.toml");
const POLICIES: &[(&str, &str)] = &[
    ("derbyshire.toml", include_str!("../../../policies/derbyshire.toml")),
    ("part-6b.toml", include_str!("../../../policies/part-6b.toml")),
    ("kent.toml", include_str!("../../../policies/kent.toml")),
    ("oxfordshire.toml", include_str!("../../../policies/oxfordshire.toml")),
    ("milton-keynes.toml", include_str!("../../../policies/milton-keynes.toml")),
];

fn sources() -> Vec<Source<'static>> {
    POLICIES.iter().map(|(label, text)| Source { label, text, format: Format::Toml }).collect()
}

fn vocabulary() -> Source<'static> {
    Source { label: "vocabulary.toml", text: VOCABULARY, format: Format::Toml }
}

fn benches(c: &mut Criterion) {
    let loaded = load(vocabulary(), &sources());
    assert!(loaded.diagnostics.is_empty());
    let catalog = loaded.catalog;

    c.bench_function("lint_all_policies", |b| b.iter(|| black_box(load(vocabulary(), &sources()))));

    c.bench_function("lint_and_paths_all_policies", |b| {
        b.iter(|| {
            let l = load(vocabulary(), &sources());
            for p in l.catalog.policies.values() {
                for t in p.trees.keys() {
                    black_box(probity_core::paths::enumerate(p, t).unwrap());
                }
            }
        })
    });

    c.bench_function("paths_all_trees", |b| {
        b.iter(|| {
            for p in catalog.policies.values() {
                for t in p.trees.keys() {
                    black_box(probity_core::paths::enumerate(p, t).unwrap());
                }
            }
        })
    });

    let raws: Vec<_> = POLICIES.iter().map(|(_, t)| parse_policy(t, Format::Toml).unwrap()).collect();
    c.bench_function("evaluate_every_scenario_case", |b| {
        b.iter(|| {
            for raw in &raws {
                let p = catalog.policy(&raw.policy.id).unwrap();
                for (tree_id, tree) in &raw.trees {
                    let t = p.tree(tree_id).unwrap();
                    for case in &tree.cases {
                        black_box(run_case(p, t, case).unwrap());
                    }
                }
            }
        })
    });

    let kent = catalog.policy("kent").unwrap();
    let mut s = Session::new("fees");
    s.answer_text(kent, "fee_activity", "lecture").unwrap();
    s.answer_text(kent, "lecture_setting", "council_time_permitted").unwrap();
    s.answer_text(kent, "fee_amount", "151.25").unwrap();
    let probity_core::session::Page::Outcome(e) = s.page(kent).unwrap() else { panic!() };
    let text = build(kent, &e, None, "2026-11-22T10:00:00Z").to_json_pretty();
    c.bench_function("verify_declaration", |b| {
        b.iter(|| black_box(verify(&text, &probity_core::archive::Versions::current(&catalog.policies)).unwrap()))
    });

    // One answer step: record an answer (checked, pruned) and work out the next page.
    let mut start = Session::new("fees");
    start.answer_text(kent, "fee_activity", "lecture").unwrap();
    c.bench_function("one_answer_step", |b| {
        b.iter(|| {
            let mut s = start.clone();
            s.answer_text(kent, "lecture_setting", "council_time_permitted").unwrap();
            black_box(s.page(kent).unwrap());
        })
    });
}

criterion_group!(core, benches);
criterion_main!(core);
