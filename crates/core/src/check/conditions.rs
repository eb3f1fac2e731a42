//! Branch conditions: each test converted to the checked form and fitted to its fact (L006).

use super::*;

pub(super) fn convert_condition(
    c: &RawCondition,
    fact: &Fact,
    r: &mut Reporter,
    loc: &crate::diag::Location,
) -> Option<Condition> {
    let present: Vec<&str> = [
        ("is", c.is.is_some()),
        ("is_one_of", c.is_one_of.is_some()),
        ("below", c.below.is_some()),
        ("at_most", c.at_most.is_some()),
        ("above", c.above.is_some()),
        ("at_least", c.at_least.is_some()),
        ("all", c.all.is_some()),
        ("any", c.any.is_some()),
        ("not", c.not.is_some()),
    ]
    .into_iter()
    .filter_map(|(k, p)| p.then_some(k))
    .collect();
    let bound_keys = ["below", "at_most", "above", "at_least"];
    let is_range = !present.is_empty() && present.iter().all(|k| bound_keys.contains(k));
    if present.is_empty() {
        r.push(
            Code::L014,
            loc.clone(),
            "the condition is empty",
            "write a test such as `{ is = \"yes\" }` or `{ below = \"50\" }`",
        );
        return None;
    }
    if present.len() > 1 && !is_range {
        r.push(
            Code::L014,
            loc.clone(),
            format!("the condition mixes `{}`", present.join("`, `")),
            "combine tests with `all = [ … ]` or `any = [ … ]`",
        );
        return None;
    }
    if is_range {
        if !fact.kind.is_numeric() {
            r.push(
                Code::L006,
                loc.clone(),
                format!("`{}` compares amounts, but `{}` is a {} fact", present.join("`/`"), fact.id, fact.kind.name()),
                "use `is` or `is_one_of` with one of its options",
            );
            return None;
        }
        if c.below.is_some() && c.at_most.is_some() || c.above.is_some() && c.at_least.is_some() {
            r.push(
                Code::L014,
                loc.clone(),
                "the range has two upper or two lower bounds",
                "give at most one of `below`/`at_most` and one of `above`/`at_least`",
            );
            return None;
        }
        let mut ok = true;
        let mut bound = |t: &Option<RawAmountText>, inclusive: bool, r: &mut Reporter| -> Option<Bound> {
            let t = t.as_ref()?;
            match parse_bound_text(t) {
                Ok(value) => {
                    // A bound must be an answer the fact can take: this also keeps every bound,
                    // and one step either side of it, far inside what a decimal can hold.
                    let fits = match numeric_domain(fact) {
                        Some((lo, hi, step)) => value >= lo && value <= hi && value.normalize().scale() <= step.scale(),
                        None => false,
                    };
                    if !fits {
                        r.push(
                            Code::L006,
                            loc.clone(),
                            format!("bound `{value}` is not a possible {} answer", fact.kind.name()),
                            match fact.kind {
                                FactKind::WholeNumber { min, max } => {
                                    format!(
                                        "whole-number bounds are whole numbers from {min} to {max}, as the fact allows"
                                    )
                                }
                                _ => "money bounds are pounds and pence from 0 to 1,000,000, for example \"25.50\""
                                    .to_string(),
                            },
                        );
                        ok = false;
                    }
                    Some(Bound { value, inclusive })
                }
                Err(m) => {
                    r.push(
                        Code::L006,
                        loc.clone(),
                        format!("bound {m}"),
                        "write money as text, for example \"50\" or \"25.50\"",
                    );
                    ok = false;
                    None
                }
            }
        };
        let upper = bound(&c.below, false, r).or_else(|| bound(&c.at_most, true, r));
        let lower = bound(&c.above, false, r).or_else(|| bound(&c.at_least, true, r));
        if let (Some(l), Some(u)) = (lower, upper) {
            if l.value > u.value || (l.value == u.value && !(l.inclusive && u.inclusive)) {
                r.push(
                    Code::L006,
                    loc.clone(),
                    format!("the range from {} to {} contains no amount", l.value, u.value),
                    "check which bound is the lower and which the upper",
                );
                ok = false;
            }
        }
        return ok.then_some(Condition::Range { lower, upper });
    }
    if let Some(option) = &c.is {
        return check_options(std::slice::from_ref(option), fact, r, loc).map(|options| Condition::OneOf { options });
    }
    if let Some(options) = &c.is_one_of {
        if options.is_empty() {
            r.push(Code::L014, loc.clone(), "`is_one_of` lists no options", "list at least one option");
            return None;
        }
        return check_options(options, fact, r, loc).map(|options| Condition::OneOf { options });
    }
    if let Some(list) = c.all.as_ref().or(c.any.as_ref()) {
        if list.is_empty() {
            r.push(Code::L014, loc.clone(), "`all`/`any` lists no conditions", "list at least one condition");
            return None;
        }
        let converted: Vec<Option<Condition>> = list.iter().map(|c| convert_condition(c, fact, r, loc)).collect();
        let of: Option<Vec<Condition>> = converted.into_iter().collect();
        let of = of?;
        return Some(if c.all.is_some() { Condition::All { of } } else { Condition::Any { of } });
    }
    if let Some(inner) = &c.not {
        return convert_condition(inner, fact, r, loc).map(|of| Condition::Not { of: Box::new(of) });
    }
    None
}

pub(super) fn check_options(
    options: &[String],
    fact: &Fact,
    r: &mut Reporter,
    loc: &crate::diag::Location,
) -> Option<Vec<String>> {
    if fact.kind.is_numeric() {
        r.push(
            Code::L006,
            loc.clone(),
            format!("`is` picks an option, but `{}` is a {} fact", fact.id, fact.kind.name()),
            "compare amounts with `below`, `at_most`, `above` or `at_least`",
        );
        return None;
    }
    let mut ok = true;
    for o in options {
        if fact.option(o).is_none() {
            let known: Vec<&str> = fact.options.iter().map(|o| o.id.as_str()).collect();
            r.push(
                Code::L006,
                loc.clone(),
                format!("`{o}` is not an option of `{}`", fact.id),
                format!("use one of: {}", known.join(", ")),
            );
            ok = false;
        }
    }
    ok.then(|| options.to_vec())
}
