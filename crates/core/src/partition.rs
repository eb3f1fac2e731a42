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
use std::ops::Range;

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

/// The representatives a condition holds for, as sorted, disjoint, half-open index ranges.
///
/// `reps` are as [`representatives`] gives them: for a numeric fact sorted from smallest to
/// largest, so a range's representatives are found by two binary searches and combining ranges
/// (`all`, `any`, `not`) merges sorted lists. A condition of k tests over n representatives
/// costs about k·log n, not k·n: a question with thousands of ranges checks in milliseconds.
pub fn holds_on(condition: &Condition, reps: &[Value]) -> Vec<Range<usize>> {
    // Ranges are found by binary search only over numbers (sorted); never over options.
    let numeric = reps.iter().all(|v| v.as_decimal().is_some());
    holds(condition, reps, numeric)
}

fn holds(condition: &Condition, reps: &[Value], numeric: bool) -> Vec<Range<usize>> {
    let n = reps.len();
    let everything = || if n == 0 { Vec::new() } else { std::iter::once(0..n).collect() };
    match condition {
        Condition::Otherwise => everything(),
        Condition::OneOf { .. } => {
            // Options: a handful of representatives, tested one by one.
            let hits: Vec<usize> = (0..n).filter(|i| reps.get(*i).is_some_and(|v| matches(condition, v))).collect();
            merge(hits.into_iter().map(|i| i..i.saturating_add(1)).collect())
        }
        Condition::Range { lower, upper } => {
            if !numeric {
                return Vec::new();
            }
            let value = |v: &Value| v.as_decimal().unwrap_or_default();
            let start = reps.partition_point(|v| {
                lower.is_some_and(|b| if b.inclusive { value(v) < b.value } else { value(v) <= b.value })
            });
            let end = reps.partition_point(|v| {
                upper.is_none_or(|b| if b.inclusive { value(v) <= b.value } else { value(v) < b.value })
            });
            if start < end {
                std::iter::once(start..end).collect()
            } else {
                Vec::new()
            }
        }
        Condition::Any { of } => merge(of.iter().flat_map(|c| holds(c, reps, numeric)).collect()),
        Condition::All { of } => of.iter().fold(everything(), |acc, c| intersect(&acc, &holds(c, reps, numeric))),
        Condition::Not { of } => complement(&holds(of, reps, numeric), n),
    }
}

/// Sorts ranges and joins those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Where both lists of sorted, disjoint ranges hold.
fn intersect(a: &[Range<usize>], b: &[Range<usize>]) -> Vec<Range<usize>> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        let (start, end) = (x.start.max(y.start), x.end.min(y.end));
        if start < end {
            out.push(start..end);
        }
        if x.end < y.end {
            i = i.saturating_add(1);
        } else {
            j = j.saturating_add(1);
        }
    }
    out
}

/// Where sorted, disjoint ranges do not hold, within `0..n`.
fn complement(ranges: &[Range<usize>], n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if at < r.start {
            out.push(at..r.start);
        }
        at = r.end;
    }
    if at < n {
        out.push(at..n);
    }
    out
}

/// Whether sorted, disjoint ranges contain `i` (binary search).
pub fn contains(ranges: &[Range<usize>], i: usize) -> bool {
    let k = ranges.partition_point(|r| r.end <= i);
    ranges.get(k).is_some_and(|r| r.start <= i)
}

/// For each representative answer, the index of the first branch that takes it, if any.
pub fn first_matches(conditions: &[&Condition], reps: &[Value]) -> Vec<Option<usize>> {
    let holds: Vec<Vec<Range<usize>>> = conditions.iter().map(|c| holds_on(c, reps)).collect();
    first_of(&holds, reps.len())
}

/// [`first_matches`] from each branch's ranges: every representative is given to a branch
/// once, skipping those already taken with path-compressed "next free" pointers, so the cost
/// is about the number of ranges plus representatives, however many branches overlap.
pub fn first_of(holds: &[Vec<Range<usize>>], n: usize) -> Vec<Option<usize>> {
    let mut first = vec![None; n];
    // next[i]: the first representative at or after i that no branch has taken yet (n: none).
    let mut next: Vec<usize> = (0..=n).collect();
    for (branch, ranges) in holds.iter().enumerate() {
        for r in ranges {
            let mut i = next_free(&mut next, r.start);
            while i < r.end {
                if let Some(slot) = first.get_mut(i) {
                    *slot = Some(branch);
                }
                let after = i.saturating_add(1);
                if let Some(p) = next.get_mut(i) {
                    *p = after;
                }
                i = next_free(&mut next, after);
            }
        }
    }
    first
}

/// Follows "next free" pointers from `i` and points every step passed straight at the end.
fn next_free(next: &mut [usize], i: usize) -> usize {
    let mut root = i;
    while let Some(&p) = next.get(root) {
        if p == root {
            break;
        }
        root = p;
    }
    let mut j = i;
    while j != root {
        let Some(p) = next.get_mut(j) else { break };
        let up = *p;
        *p = root;
        j = up;
    }
    root
}

/// Consecutive runs of indices below `len` that share a property, as (first, last) pairs.
pub fn index_runs(len: usize, keep: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=len {
        let k = i < len && keep(i);
        match (k, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i.saturating_sub(1)));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Consecutive runs of representatives that share a property, as (first, last) pairs.
pub fn runs(reps: &[Value], keep: impl Fn(usize) -> bool) -> Vec<(&Value, &Value)> {
    index_runs(reps.len(), keep).into_iter().filter_map(|(a, b)| Some((reps.get(a)?, reps.get(b)?))).collect()
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
