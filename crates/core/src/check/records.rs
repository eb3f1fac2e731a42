//! Register checks (L023): the vocabulary's record fields, each tree's `record` table, the
//! policy's effective date (L015) and its `[interests_declaration]`.

use crate::dates;
use crate::diag::{Code, Location, Reporter};
use crate::model::{ChoiceOption, Node, Tree, TreeKind};
use crate::raw::{RawHeader, RawInterestsDeclaration, RawRecordField, RawTree};
use crate::records::{InterestsDeclarationRule, Occasion, RecordField, RecordKind, RecordUse, COLUMNS, MAX_TEXT};
use std::collections::{BTreeMap, BTreeSet};

/// The vocabulary's record fields; bad ones are reported (L018) and left out.
pub(super) fn fields(raw: &BTreeMap<String, RawRecordField>, r: &mut Reporter) -> BTreeMap<String, RecordField> {
    let mut out = BTreeMap::new();
    for (id, f) in raw {
        let before = r.diagnostics.len();
        let loc = r.at(None, None, Some(format!("record `{id}`")));
        let bad = |r: &mut Reporter, message: String, help: &str| r.push(Code::L018, loc.clone(), message, help);
        if !super::is_identifier(id) {
            bad(
                r,
                format!("record field id `{id}` is not lower_snake_case"),
                "use lower-case letters, digits and underscores",
            );
        }
        if f.label.trim().is_empty() {
            bad(r, format!("record field `{id}` has no label"), "write the label the officer reads above the field");
        }
        if let Some(c) = f.column.as_deref().filter(|c| !COLUMNS.contains(c)) {
            bad(
                r,
                format!("record field `{id}` fills the unknown column `{c}`"),
                "use one of: offered_by, what, value, action_taken, date_offered",
            );
        }
        let only = |r: &mut Reporter, what: &str, present: bool, kinds: &str| {
            if present {
                r.push(
                    Code::L018,
                    r.at(None, None, Some(format!("record `{id}`"))),
                    format!("record field `{id}` sets `{what}`, which only {kinds} fields take"),
                    format!("remove `{what}` or change the type"),
                );
            }
        };
        only(r, "max_length", f.max_length.is_some() && f.kind != "text", "text");
        only(r, "not_future", f.not_future.is_some() && f.kind != "date", "date");
        only(r, "options", !f.options.is_empty() && f.kind != "choice", "choice");
        only(r, "min", f.min.is_some() && f.kind != "number", "number");
        only(r, "max", f.max.is_some() && f.kind != "number", "number");
        let kind = match f.kind.as_str() {
            "text" => {
                let max_length = f.max_length.unwrap_or(crate::records::DEFAULT_TEXT);
                if max_length == 0 || max_length > MAX_TEXT {
                    bad(
                        r,
                        format!("record field `{id}` allows {max_length} characters"),
                        "allow from 1 to 2000 characters",
                    );
                }
                RecordKind::Text { max_length }
            }
            "date" => RecordKind::Date { not_future: f.not_future.unwrap_or(false) },
            "choice" => {
                if f.options.len() < 2 {
                    bad(
                        r,
                        format!("choice record field `{id}` has {} option(s)", f.options.len()),
                        "give a choice at least two options",
                    );
                }
                let mut seen = BTreeSet::new();
                for o in &f.options {
                    if !seen.insert(o.id.as_str()) || !super::is_identifier(&o.id) || o.label.trim().is_empty() {
                        bad(
                            r,
                            format!(
                                "option `{}` of record field `{id}` is repeated, unlabelled or not lower_snake_case",
                                o.id
                            ),
                            "give each option its own lower_snake_case id and a label",
                        );
                    }
                }
                RecordKind::Choice
            }
            "money" => RecordKind::Money,
            "number" => {
                let (min, max) = (f.min.unwrap_or(0), f.max.unwrap_or(1_000_000));
                if min > max {
                    bad(r, format!("record field `{id}` has min {min} above max {max}"), "make min no larger than max");
                }
                RecordKind::Number { min, max }
            }
            other => {
                bad(
                    r,
                    format!("record field `{id}` has the unknown type `{other}`"),
                    "use one of: text, date, choice, money, number",
                );
                continue;
            }
        };
        if r.diagnostics.len() == before {
            let options = f
                .options
                .iter()
                .map(|o| ChoiceOption { id: o.id.clone(), label: o.label.clone(), hint: o.hint.clone() })
                .collect();
            out.insert(
                id.clone(),
                RecordField {
                    id: id.clone(),
                    kind,
                    label: f.label.clone(),
                    hint: f.hint.clone(),
                    options,
                    column: f.column.clone(),
                },
            );
        }
    }
    out
}

/// A tree's `record` table: every field named once, and known to the vocabulary (L023).
pub(super) fn tree_record(
    raw_tree: &RawTree,
    known: &BTreeMap<String, RecordField>,
    r: &mut Reporter,
    loc: Location,
) -> Vec<RecordUse> {
    let Some(record) = &raw_tree.record else { return Vec::new() };
    let mut out: Vec<RecordUse> = Vec::new();
    let listed = record.required.iter().map(|f| (f, true)).chain(record.optional.iter().map(|f| (f, false)));
    for (field, required) in listed {
        if out.iter().any(|u| &u.field == field) {
            r.push(
                Code::L023,
                loc.clone(),
                format!("record field `{field}` is listed twice"),
                "name each field once, under `required` or `optional`",
            );
        } else if !known.contains_key(field) {
            r.push(
                Code::L023,
                loc.clone(),
                format!("record field `{field}` is not in the vocabulary"),
                "use a field from [records] in vocabulary.toml, or add it there",
            );
        } else {
            out.push(RecordUse { field: field.clone(), required });
        }
    }
    if record.required.is_empty() && record.optional.is_empty() {
        r.push(
            Code::L023,
            loc,
            "the record table names no field",
            "list the fields under `required` or `optional`, or remove the table",
        );
    }
    out
}

/// The header's effective date: a real `YYYY-MM-DD` date, required of a current policy (L015).
pub(super) fn effective(h: &RawHeader, r: &mut Reporter) {
    let loc = r.at(None, None, Some("[policy] effective".into()));
    match h.effective.as_deref() {
        None if !r.is_relaxed() => r.push(
            Code::L015,
            loc,
            "the header has no effective date",
            "add `effective = \"YYYY-MM-DD\"`: the day this version of the policy took effect",
        ),
        None => {}
        Some(e) => {
            if let Err(err) = dates::parse_iso(e) {
                r.push(
                    Code::L015,
                    loc,
                    format!("the effective date is not a real date: {err}"),
                    "write it as YYYY-MM-DD, for example \"2007-10-10\"",
                );
            }
        }
    }
}

/// `[interests_declaration]`, required of a policy with a tree on declaring interests: the tree
/// is an obligation tree of the policy with a record,
/// the occasions are known, citations are in the clause table; `asked = false` carries only a note.
pub(super) fn interests_declaration(
    raw: Option<&RawInterestsDeclaration>,
    trees: &BTreeMap<String, Tree>,
    clauses: &BTreeMap<String, String>,
    r: &mut Reporter,
    cited: &mut BTreeSet<String>,
) -> Option<InterestsDeclarationRule> {
    let loc = r.at(None, None, Some("[interests_declaration]".into()));
    let Some(raw) = raw else {
        let asks_about_interests = trees.values().any(|t| t.topics.iter().any(|topic| topic == "interests"));
        if asks_about_interests && !r.is_relaxed() {
            r.push(
                Code::L023,
                loc,
                "the policy does not say whether its code asks a declaration of interests",
                "add [interests_declaration] with `asked = true` and when, or `asked = false` and a note on how the code has interests declared",
            );
        }
        return None;
    };
    let fail = |r: &mut Reporter, message: String, help: &str| r.push(Code::L023, loc.clone(), message, help);
    if raw.note.trim().is_empty() {
        fail(
            r,
            "the interests declaration has no note".into(),
            "say in plain words what the code asks, with its clause numbers",
        );
    }
    for c in &raw.cite {
        cited.insert(c.clone());
        if !clauses.contains_key(c) {
            r.push(
                Code::L011,
                loc.clone(),
                format!("clause `{c}` is not in the clause table"),
                "add it under [clauses] with its exact text, or correct the reference",
            );
        }
    }
    let mut when = Vec::new();
    for w in &raw.when {
        match Occasion::parse(w) {
            Some(o) if !when.contains(&o) => when.push(o),
            Some(_) => fail(r, format!("`{w}` is listed twice in `when`"), "list each occasion once"),
            None => fail(r, format!("`{w}` is not an occasion"), "use annual, on_appointment or on_change"),
        }
    }
    if raw.asked {
        if when.is_empty() {
            fail(
                r,
                "the code asks a declaration of interests but `when` is empty".into(),
                "say when: annual, on_appointment or on_change",
            );
        }
        if raw.cite.is_empty() {
            fail(r, "the interests declaration cites no clause".into(), "cite the clauses that ask for it");
        }
        match raw.tree.as_deref().map(|t| (t, trees.get(t))) {
            None => fail(
                r,
                "the interests declaration names no tree".into(),
                "set `tree` to the tree each interest is checked against, such as \"interests\"",
            ),
            Some((t, None)) => fail(
                r,
                format!("the interests declaration names tree `{t}`, which this policy does not have"),
                "name one of the policy's trees",
            ),
            Some((t, Some(tree))) => {
                if tree.kind != TreeKind::Obligation {
                    fail(
                        r,
                        format!("tree `{t}` is not an obligation tree (\"Do I need to declare …?\")"),
                        "name the tree that says whether an interest must be declared",
                    );
                }
                if tree.record.is_empty() {
                    fail(
                        r,
                        format!("tree `{t}` keeps no record details"),
                        "add [trees.<id>.record] naming the body or person, the interest and whose it is",
                    );
                }
                if !tree.nodes.values().any(|n| matches!(n, Node::Outcome(_))) {
                    fail(r, format!("tree `{t}` has no outcome"), "name a tree that decides");
                }
            }
        }
    } else if raw.tree.is_some() || !when.is_empty() || raw.nil.is_some() {
        fail(
            r,
            "the code asks no declaration of interests, yet `tree`, `when` or `nil` is set".into(),
            "remove them, or set `asked = true`",
        );
    }
    Some(InterestsDeclarationRule {
        asked: raw.asked,
        tree: raw.tree.clone(),
        when,
        nil: raw.nil.unwrap_or(false),
        cite: raw.cite.clone(),
        note: raw.note.clone(),
    })
}
