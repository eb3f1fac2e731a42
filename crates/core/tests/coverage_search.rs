//! The checker finds which branch takes each representative answer by binary search over
//! sorted ranges (review row 9). This property test holds it to the plain definition: the first
//! branch whose condition `matches` the answer, tried one by one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_core::model::{Bound, Condition, Fact, FactKind};
use probity_core::partition::{first_matches, matches, representatives};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn bound() -> impl Strategy<Value = Bound> {
    // A few values close together, so ranges meet, overlap and leave gaps.
    (0i64..12, any::<bool>()).prop_map(|(pence, inclusive)| Bound { value: Decimal::new(pence * 50, 2), inclusive })
}

fn condition() -> impl Strategy<Value = Condition> {
    let leaf = prop_oneof![
        (proptest::option::of(bound()), proptest::option::of(bound()))
            .prop_map(|(lower, upper)| Condition::Range { lower, upper }),
        Just(Condition::Otherwise),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 1..4).prop_map(|of| Condition::Any { of }),
            proptest::collection::vec(inner.clone(), 1..4).prop_map(|of| Condition::All { of }),
            inner.prop_map(|c| Condition::Not { of: Box::new(c) }),
        ]
    })
}

fn fact(money: bool) -> Fact {
    Fact {
        id: "x".into(),
        kind: if money { FactKind::Money } else { FactKind::WholeNumber { min: 0, max: 6 } },
        question: "?".into(),
        hint: None,
        options: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn binary_search_gives_the_first_matching_branch(branches in proptest::collection::vec(condition(), 1..6), money in any::<bool>()) {
        let fact = fact(money);
        let conditions: Vec<&Condition> = branches.iter().collect();
        let reps = representatives(&fact, &conditions);
        let plain: Vec<Option<usize>> = reps.iter().map(|v| conditions.iter().position(|c| matches(c, v))).collect();
        prop_assert_eq!(first_matches(&conditions, &reps), plain);
    }
}
