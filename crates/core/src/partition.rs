//! Which answers a question can receive, reduced to a finite set of representatives.
//!
//! Every condition on a money or whole-number fact is a union of intervals whose ends are the
//! bounds written in the policy, so its truth cannot change between two neighbouring bounds.
//! Testing each bound, one step either side of it, and the ends of the allowed range therefore
//! tests every amount there is. Lint uses this to find gaps, overlaps and dead branches; the
//! path enumerator uses it to pick witness answers (just below, at and just above each bound).

use crate::model::{Condition, Fact, FactKind};
use crate::money::{max_money, penny};
use crate::value::Value;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Whether a condition holds for an answer.
pub fn matches(condition: &Condition, value: &Value) -> bool {
    match condition {
        Condition::Otherwise => true,
        Condition::OneOf { options } => match value {
            Value::Option(id) => options.iter().any(|o| o == id),
            _ => false,
        },
        Condition::Range { lower, upper } => match value.as_decimal() {
            Some(v) => {
                let above_lower = lower.is_none_or(|b| if b.inclusive { v >= b.value } else { v > b.value });
                let below_upper = upper.is_none_or(|b| if b.inclusive { v <= b.value } else { v < b.value });
                above_lower && below_upper
            }
            None => false,
        },
        Condition::All { of } => of.iter().all(|c| matches(c, value)),
        Condition::Any { of } => of.iter().any(|c| matches(c, value)),
        Condition::Not { of } => !matches(of, value),
    }
}

/// The smallest and largest answers a numeric fact accepts, and the step between two answers.
pub fn numeric_domain(fact: &Fact) -> Option<(Decimal, Decimal, Decimal)> {
    match fact.kind {
        FactKind::Money => Some((Decimal::ZERO, max_money(), penny())),
        FactKind::WholeNumber { min, max } => Some((Decimal::from(min), Decimal::from(max), Decimal::ONE)),
        _ => None,
    }
}

fn collect_bounds(condition: &Condition, out: &mut Vec<Decimal>) {
    match condition {
        Condition::Range { lower, upper } => {
            out.extend(lower.iter().map(|b| b.value));
            out.extend(upper.iter().map(|b| b.value));
        }
        Condition::All { of } | Condition::Any { of } => of.iter().for_each(|c| collect_bounds(c, out)),
        Condition::Not { of } => collect_bounds(of, out),
        Condition::OneOf { .. } | Condition::Otherwise => {}
    }
}

/// The bounds written in these conditions, sorted and without repeats.
pub fn bounds(conditions: &[&Condition]) -> Vec<Decimal> {
    let mut out = Vec::new();
    for c in conditions {
        collect_bounds(c, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

/// Representative answers for a question on `fact` whose branches use `conditions`, in order.
pub fn representatives(fact: &Fact, conditions: &[&Condition]) -> Vec<Value> {
    match numeric_domain(fact) {
        None => fact.options.iter().map(|o| Value::Option(o.id.clone())).collect(),
        Some((lo, hi, step)) => {
            let mut points = vec![lo, hi];
            let inside = |p: &Decimal| *p >= lo && *p <= hi;
            for b in bounds(conditions) {
                // Checked: the checker keeps bounds inside the fact's range, but a policy built
                // another way may not, and a bound with no neighbour must not panic.
                let near = [b.checked_sub(step), Some(b), b.checked_add(step)];
                points.extend(near.into_iter().flatten().filter(inside));
            }
            // One step inside each end, so an open interval next to an end is represented too.
            points.extend([lo.checked_add(step), hi.checked_sub(step)].into_iter().flatten().filter(inside));
            points.sort();
            points.dedup();
            points
                .into_iter()
                .map(|p| match fact.kind {
                    FactKind::Money => Value::Money(crate::money::to_pence_scale(p)),
                    _ => Value::Number(p.to_i64().unwrap_or_default()),
                })
                .collect()
        }
    }
}

/// For each representative answer, the index of the first branch that takes it, if any.
pub fn first_matches(conditions: &[&Condition], reps: &[Value]) -> Vec<Option<usize>> {
    reps.iter().map(|v| conditions.iter().position(|c| matches(c, v))).collect()
}

/// Consecutive runs of representatives that share a property, as (first, last) pairs.
pub fn runs(reps: &[Value], keep: impl Fn(usize) -> bool) -> Vec<(&Value, &Value)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=reps.len() {
        let k = i < reps.len() && keep(i);
        match (k, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if let (Some(a), Some(b)) = (reps.get(s), i.checked_sub(1).and_then(|j| reps.get(j))) {
                    out.push((a, b));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Describes a run of amounts for a person: `exactly £50.00`, `£20.01 to £49.99`.
pub fn describe_run(first: &Value, last: &Value) -> String {
    let show = |v: &Value| match v {
        Value::Money(d) => crate::money::format_money(*d, true),
        Value::Number(n) => n.to_string(),
        Value::Option(o) => format!("`{o}`"),
    };
    if first == last {
        format!("exactly {}", show(first))
    } else {
        format!("{} to {}", show(first), show(last))
    }
}
