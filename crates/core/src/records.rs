//! Record details: what a register needs beyond the answers (who offered what, when, what was
//! done). The fields are defined once in the vocabulary (`[records.<id>]`), each tree names the
//! ones its register needs (`[trees.<id>.record]`, required or optional), and [`check_details`]
//! turns what an officer typed into checked [`Detail`]s, or says what to fix, field by field.
//!
//! Pure: the widget's "Record this" page hands in the text typed, and gets back the details to
//! seal into a declaration v2 or the problems to show beside each field.

use crate::dates;
use crate::model::{ChoiceOption, Policy, Tree};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest text a text field may allow, and the default.
pub const MAX_TEXT: u32 = 2000;
pub const DEFAULT_TEXT: u32 = 200;

/// What kind of value a record field holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", tag = "type", rename_all = "snake_case")]
pub enum RecordKind {
    Text {
        max_length: u32,
    },
    /// `not_future`: the date cannot be after the day the declaration is made.
    Date {
        not_future: bool,
    },
    Choice,
    Money,
    /// A number with at most two decimal places (hours a week), within the bounds.
    Number {
        min: i64,
        max: i64,
    },
}

/// [`RecordKind`]'s compact shape, for binary formats (see [`crate::shape`]).
#[derive(Serialize, Deserialize)]
#[serde(remote = "RecordKind")]
enum RecordKindCompact {
    Text { max_length: u32 },
    Date { not_future: bool },
    Choice,
    Money,
    Number { min: i64, max: i64 },
}
crate::shape::by_format!(RecordKind, RecordKindCompact);

/// The register columns a record field can fill; the rest go to the details column only.
pub const COLUMNS: [&str; 5] = ["offered_by", "what", "value", "action_taken", "date_offered"];

/// A record field from the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordField {
    pub id: String,
    pub kind: RecordKind,
    /// The label shown above the field, and the column heading in the details.
    pub label: String,
    pub hint: Option<String>,
    /// For choice fields.
    pub options: Vec<ChoiceOption>,
    /// The register column it fills ([`COLUMNS`]).
    pub column: Option<String>,
}

/// A record field a tree names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordUse {
    pub field: String,
    pub required: bool,
}

/// One field as the "Record this" page shows it: the field, and whether it must be filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldSpec {
    #[serde(flatten)]
    pub field: RecordField,
    pub required: bool,
}

/// The fields a tree's register needs, in the order to ask them. Empty when the tree keeps none.
pub fn fields_for(policy: &Policy, tree_id: &str) -> Vec<FieldSpec> {
    let Some(tree) = policy.tree(tree_id) else { return Vec::new() };
    uses(policy, tree).map(|(u, field)| FieldSpec { field: field.clone(), required: u.required }).collect()
}

fn uses<'p>(policy: &'p Policy, tree: &'p Tree) -> impl Iterator<Item = (&'p RecordUse, &'p RecordField)> {
    tree.record.iter().filter_map(move |u| policy.records.get(&u.field).map(|f| (u, f)))
}

/// A checked detail as a declaration v2 keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// The record field's id.
    pub field: String,
    /// The field's label, as asked.
    pub label: String,
    /// The value in its kept form: text as typed (trimmed), a date `YYYY-MM-DD`, an option id,
    /// money in pounds with pence (`"25.00"`), or a number as written (`"7.5"`).
    pub value: String,
    /// The value as people read it ("10 October 2007", "Declined", "£25.00").
    pub display: String,
}

/// Why a detail was not accepted: the field and a message for beside it (GOV.UK style).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailProblem {
    pub field: String,
    pub message: String,
}

/// Checks the details typed for a tree's record (field id → text typed; empty means left
/// blank) and returns them in the tree's order, or every problem, field by field, so the page
/// can show them all at once and keep what was typed. `made_on` is the day the declaration is
/// made (from the caller: the core reads no clock); dates marked `not_future` cannot be after it.
pub fn check_details(
    policy: &Policy,
    tree_id: &str,
    entered: &BTreeMap<String, String>,
    made_on: time::Date,
) -> Result<Vec<Detail>, Vec<DetailProblem>> {
    let Some(tree) = policy.tree(tree_id) else {
        return Err(vec![DetailProblem {
            field: String::new(),
            message: format!("Policy `{}` has no question `{tree_id}`", policy.header.id),
        }]);
    };
    let mut problems = Vec::new();
    for field in entered.keys() {
        if !tree.record.iter().any(|u| &u.field == field) {
            problems.push(DetailProblem {
                field: field.clone(),
                message: format!("`{field}` is not a detail this question records"),
            });
        }
    }
    let mut details = Vec::new();
    for (u, field) in uses(policy, tree) {
        let typed = entered.get(&u.field).map(|s| s.trim()).unwrap_or_default();
        if typed.is_empty() {
            if u.required {
                let verb = if matches!(field.kind, RecordKind::Choice) { "Select" } else { "Enter" };
                problems.push(DetailProblem {
                    field: u.field.clone(),
                    message: format!("{verb} {}", crate::case::lower_first(&field.label)),
                });
            }
            continue;
        }
        match check_value(field, typed, made_on) {
            Ok((value, display)) => {
                details.push(Detail { field: u.field.clone(), label: field.label.clone(), value, display })
            }
            Err(message) => problems.push(DetailProblem { field: u.field.clone(), message }),
        }
    }
    if problems.is_empty() {
        Ok(details)
    } else {
        Err(problems)
    }
}

/// The details as a map from field to kept value, as [`check_details`] takes them: what a
/// verifier hands back to re-check a declaration's details.
pub fn entered_of(details: &[Detail]) -> BTreeMap<String, String> {
    details.iter().map(|d| (d.field.clone(), d.value.clone())).collect()
}

fn check_value(field: &RecordField, typed: &str, made_on: time::Date) -> Result<(String, String), String> {
    let label = &field.label;
    match &field.kind {
        RecordKind::Text { max_length } => {
            // Line breaks are kept (a reason may take a paragraph or two), written one way.
            let text = typed.replace("\r\n", "\n").replace('\r', "\n");
            if text.chars().count() > usize::try_from(*max_length).unwrap_or(usize::MAX) {
                return Err(format!("{label} must be {max_length} characters or fewer"));
            }
            if text.chars().any(|c| c != '\n' && crate::declaration::hidden(c)) {
                return Err(format!(
                    "{label} must not contain characters that cannot be seen, such as control or text-direction characters"
                ));
            }
            Ok((text.clone(), text))
        }
        RecordKind::Date { not_future } => {
            let date = dates::parse_entered(typed).map_err(|e| e.field_message(label))?;
            if *not_future && date > made_on {
                return Err(format!("{label} must be today or in the past"));
            }
            Ok((dates::iso(date), dates::long(date)))
        }
        RecordKind::Choice => match field.options.iter().find(|o| o.id == typed) {
            Some(o) => Ok((o.id.clone(), o.label.clone())),
            None => Err(format!("Select {}", crate::case::lower_first(label))),
        },
        RecordKind::Money => {
            let v = crate::money::parse_money(typed).map_err(|e| format!("{label}: {}", e.field_message()))?;
            Ok((v.to_string(), crate::money::format_money(v, true)))
        }
        RecordKind::Number { min, max } => {
            let bad = || format!("{label} must be a number from {min} to {max}, like 7.5");
            let t = typed.replace(',', "");
            if t.is_empty() || t.len() > 12 || !t.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return Err(bad());
            }
            let v = Decimal::from_str_exact(&t).map_err(|_| bad())?;
            if v.scale() > 2 || v < Decimal::from(*min) || v > Decimal::from(*max) {
                return Err(bad());
            }
            let shown = v.normalize().to_string();
            Ok((shown.clone(), shown))
        }
    }
}

/// When a code asks its declaration of interests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    /// Once a year (Kent H.1, Appendix 1).
    Annual,
    /// On starting the job (Oxfordshire 57).
    OnAppointment,
    /// When a declaration made before has materially changed (Oxfordshire 56).
    OnChange,
}

impl Occasion {
    pub const ALL: [Occasion; 3] = [Occasion::Annual, Occasion::OnAppointment, Occasion::OnChange];

    pub fn id(self) -> &'static str {
        match self {
            Occasion::Annual => "annual",
            Occasion::OnAppointment => "on_appointment",
            Occasion::OnChange => "on_change",
        }
    }

    pub fn parse(s: &str) -> Option<Occasion> {
        Occasion::ALL.into_iter().find(|o| o.id() == s)
    }

    /// "Annual declaration", as a register row names it.
    pub fn label(self) -> &'static str {
        match self {
            Occasion::Annual => "Annual declaration of interests",
            Occasion::OnAppointment => "Declaration of interests on appointment",
            Occasion::OnChange => "Declaration of a changed interest",
        }
    }
}

/// `[interests_declaration]`, checked: whether the code asks a declaration of interests, when,
/// whether a nil declaration is made, and the tree each interest is checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestsDeclarationRule {
    pub asked: bool,
    pub tree: Option<String>,
    pub when: Vec<Occasion>,
    pub nil: bool,
    pub cite: Vec<String>,
    pub note: String,
}
