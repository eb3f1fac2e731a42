//! Coverage: every answer a question can receive reaches exactly one branch (L007–L010).

use super::*;

/// Gaps, overlaps and dead branches of one question, found on its representative answers.
/// Each branch's answers are found as ranges of the sorted representatives (binary search), so
/// the work grows with the number of bounds, not with bounds times branches.
pub(super) fn check_coverage(fact: &Fact, branches: &[Branch], r: &mut Reporter, loc: &crate::diag::Location) {
    let conditions: Vec<&Condition> = branches.iter().map(|b| &b.when).collect();
    let reps = representatives(fact, &conditions);
    let holds: Vec<Vec<std::ops::Range<usize>>> = conditions.iter().map(|c| holds_on(c, &reps)).collect();
    let first = first_of(&holds, reps.len());
    let numeric = fact.kind.is_numeric();
    let rep = |i: usize| reps.get(i);

    let uncovered = index_runs(reps.len(), |i| first.get(i).is_some_and(Option::is_none));
    if !uncovered.is_empty() {
        if numeric {
            let list: Vec<String> =
                uncovered.iter().filter_map(|(a, b)| Some(describe_run(rep(*a)?, rep(*b)?))).collect();
            r.push(Code::L008, loc.clone(), format!("no branch handles {}", list.join(", ")), "add a branch for these amounts, or widen a bound (\"under £50\" is `below`, \"£50 and over\" is `at_least`)");
        } else {
            let missed: Vec<String> = reps
                .iter()
                .zip(&first)
                .filter(|(_, f)| f.is_none())
                .map(|(v, _)| format!("`{}`", v.to_json().as_str().unwrap_or_default()))
                .collect();
            r.push(
                Code::L007,
                loc.clone(),
                format!("no branch handles {}", missed.join(", ")),
                "add a branch for each option, or an `otherwise = true` branch",
            );
        }
    }
    if numeric {
        let specific: Vec<usize> =
            (0..branches.len()).filter(|i| conditions.get(*i).is_some_and(|c| **c != Condition::Otherwise)).collect();
        // How many specific branches claim each representative: +1 where a range starts, -1
        // after it ends, summed from the left.
        let mut starts = vec![0usize; reps.len().saturating_add(1)];
        let mut ends = vec![0usize; reps.len().saturating_add(1)];
        for range in specific.iter().filter_map(|b| holds.get(*b)).flatten() {
            if let Some(s) = starts.get_mut(range.start) {
                *s = s.saturating_add(1);
            }
            if let Some(e) = ends.get_mut(range.end) {
                *e = e.saturating_add(1);
            }
        }
        let mut claims = Vec::with_capacity(reps.len());
        let mut running = 0usize;
        for i in 0..reps.len() {
            running = running
                .saturating_add(starts.get(i).copied().unwrap_or_default())
                .saturating_sub(ends.get(i).copied().unwrap_or_default());
            claims.push(running);
        }
        for (a, b) in index_runs(reps.len(), |i| claims.get(i).is_some_and(|c| *c > 1)) {
            let which: Vec<String> = specific
                .iter()
                .filter(|s| holds.get(**s).is_some_and(|h| contains(h, a)))
                .map(|s| ordinal(*s).to_string())
                .collect();
            if let (Some(first), Some(last)) = (rep(a), rep(b)) {
                r.push(Code::L009, loc.clone(), format!("branches {} both claim {}", which.join(" and "), describe_run(first, last)), "make the bounds meet exactly: one branch `below` a value and the next `at_least` it, or `at_most` and `above`");
            }
        }
    }
    let taken: BTreeSet<usize> = first.iter().flatten().copied().collect();
    for (i, b) in branches.iter().enumerate() {
        if !taken.contains(&i) {
            let what = if b.when == Condition::Otherwise { "the `otherwise` branch" } else { "the branch" };
            r.push(
                Code::L010,
                crate::diag::Location { detail: Some(format!("branch {}", ordinal(i))), ..loc.clone() },
                format!("{what} can never be taken: earlier branches catch every answer it would"),
                "remove it, or reorder the branches so that the more specific one comes first",
            );
        }
    }
}
