//! The shared vocabulary: each fact's type, question and options (L018).

use super::*;

/// Checks the vocabulary. Bad facts are reported and left out; the rest can still be used.
pub fn check_vocabulary(raw: &RawVocabulary) -> Checked<Vocabulary> {
    let mut r = Reporter::new("vocabulary");
    let mut facts = BTreeMap::new();
    let mut seen_topics = BTreeSet::new();
    for (id, label) in &raw.topics.0 {
        if !seen_topics.insert(id.clone()) {
            r.push(
                Code::L018,
                r.at(None, None, Some(format!("topic `{id}`"))),
                format!("topic `{id}` is defined twice"),
                "keep one definition",
            );
        }
        if label.trim().is_empty() {
            r.push(
                Code::L018,
                r.at(None, None, Some(format!("topic `{id}`"))),
                format!("topic `{id}` has an empty label"),
                "give it a label people read, for example \"Gifts\"",
            );
        }
    }
    for (id, f) in &raw.facts {
        let here = r.at(None, None, Some(format!("fact `{id}`")));
        let loc = || here.clone();
        let before = r.diagnostics.len();
        if !is_identifier(id) {
            r.push(
                Code::L018,
                loc(),
                format!("fact id `{id}` is not lower_snake_case"),
                "use lower-case letters, digits and underscores, for example `offer_value`",
            );
        }
        if f.question.trim().is_empty() {
            r.push(
                Code::L018,
                loc(),
                format!("fact `{id}` has no question"),
                "write the question as the officer should read it",
            );
        }
        let yes_no_options = |unsure: bool| {
            let mut o = vec![
                ChoiceOption { id: "yes".into(), label: "Yes".into(), hint: None },
                ChoiceOption { id: "no".into(), label: "No".into(), hint: None },
            ];
            if unsure {
                o.push(ChoiceOption { id: "not_sure".into(), label: "I'm not sure".into(), hint: None });
            }
            o
        };
        let only_for = |r: &mut Reporter, what: &str, present: bool, kinds: &str| {
            if present {
                r.push(
                    Code::L018,
                    r.at(None, None, Some(format!("fact `{id}`"))),
                    format!("fact `{id}` sets `{what}`, which only {kinds} facts take"),
                    format!("remove `{what}` or change the type"),
                );
            }
        };
        let (kind, options) = match f.kind.as_str() {
            "yes_no" => {
                only_for(&mut r, "options", !f.options.is_empty(), "choice");
                only_for(&mut r, "min", f.min.is_some(), "whole_number");
                only_for(&mut r, "max", f.max.is_some(), "whole_number");
                let unsure = f.unsure.unwrap_or(false);
                (FactKind::YesNo { unsure }, yes_no_options(unsure))
            }
            "choice" => {
                only_for(&mut r, "unsure", f.unsure.is_some(), "yes_no");
                only_for(&mut r, "min", f.min.is_some(), "whole_number");
                only_for(&mut r, "max", f.max.is_some(), "whole_number");
                if f.options.len() < 2 {
                    r.push(
                        Code::L018,
                        loc(),
                        format!("choice fact `{id}` has {} option(s)", f.options.len()),
                        "give a choice at least two options",
                    );
                }
                let mut ids = BTreeSet::new();
                for o in &f.options {
                    if !ids.insert(o.id.as_str()) {
                        r.push(
                            Code::L018,
                            loc(),
                            format!("option `{}` of `{id}` is listed twice", o.id),
                            "give each option its own id",
                        );
                    }
                    if !is_identifier(&o.id) {
                        r.push(
                            Code::L018,
                            loc(),
                            format!("option id `{}` of `{id}` is not lower_snake_case", o.id),
                            "use lower-case letters, digits and underscores",
                        );
                    }
                    if o.label.trim().is_empty() {
                        r.push(
                            Code::L018,
                            loc(),
                            format!("option `{}` of `{id}` has no label", o.id),
                            "write the option as the officer should read it",
                        );
                    }
                }
                let opts = f
                    .options
                    .iter()
                    .map(|o| ChoiceOption { id: o.id.clone(), label: o.label.clone(), hint: o.hint.clone() })
                    .collect();
                (FactKind::Choice, opts)
            }
            "money" => {
                only_for(&mut r, "options", !f.options.is_empty(), "choice");
                only_for(&mut r, "unsure", f.unsure.is_some(), "yes_no");
                only_for(&mut r, "min", f.min.is_some(), "whole_number");
                only_for(&mut r, "max", f.max.is_some(), "whole_number");
                (FactKind::Money, Vec::new())
            }
            "whole_number" => {
                only_for(&mut r, "options", !f.options.is_empty(), "choice");
                only_for(&mut r, "unsure", f.unsure.is_some(), "yes_no");
                let min = f.min.unwrap_or(0);
                let max = f.max.unwrap_or(1_000_000);
                if min > max {
                    r.push(
                        Code::L018,
                        loc(),
                        format!("fact `{id}` has min {min} above max {max}"),
                        "make min no larger than max",
                    );
                }
                (FactKind::WholeNumber { min, max }, Vec::new())
            }
            other => {
                r.push(
                    Code::L018,
                    loc(),
                    format!("fact `{id}` has the unknown type `{other}`"),
                    "use one of: yes_no, choice, money, whole_number",
                );
                continue;
            }
        };
        if r.diagnostics.len() == before {
            facts.insert(
                id.clone(),
                Fact { id: id.clone(), kind, question: f.question.clone(), hint: f.hint.clone(), options },
            );
        }
    }
    let records = records::fields(&raw.records, &mut r);
    let vocabulary = Vocabulary { facts, topics: raw.topics.0.clone(), records };
    Checked { value: Some(vocabulary), diagnostics: r.diagnostics }
}
