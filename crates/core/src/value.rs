//! Answers: the value an officer gives for one fact, read from a form field or a JSON file.

use crate::model::{Fact, FactKind};
use crate::money::{format_money, parse_money, MoneyError};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One answer. Yes/no answers are options too (`yes`, `no`, `not_sure`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(remote = "Self", untagged)]
pub enum Value {
    Option(String),
    /// Serialised as text (`"25.50"`) so a declaration never holds money as a JSON float.
    Money(#[serde(serialize_with = "money_as_text")] Decimal),
    Number(i64),
}

/// [`Value`]'s compact shape, for binary formats (see [`crate::shape`]): tagged, since a binary
/// format cannot tell the kinds apart by shape.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Value")]
enum ValueCompact {
    Option(String),
    Money(#[serde(with = "crate::shape::decimal")] Decimal),
    Number(i64),
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            Value::serialize(self, s)
        } else {
            ValueCompact::serialize(self, s)
        }
    }
}

fn money_as_text<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::money::to_pence_scale(*d).to_string())
}

impl Value {
    /// The number this answer stands for on a number line, for money and whole-number facts.
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Value::Money(d) => Some(*d),
            Value::Number(n) => Some(Decimal::from(*n)),
            Value::Option(_) => None,
        }
    }

    /// The answer as the officer would read it back: the option's label, `£25.50`, `3`.
    pub fn display(&self, fact: &Fact) -> String {
        match self {
            Value::Option(id) => fact.option(id).map_or_else(|| id.clone(), |o| o.label.clone()),
            Value::Money(d) => format_money(*d, false),
            Value::Number(n) => n.to_string(),
        }
    }

    /// The answer as JSON: option id, money as text, whole numbers as integers.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Option(id) => serde_json::Value::String(id.clone()),
            Value::Money(d) => serde_json::Value::String(crate::money::to_pence_scale(*d).to_string()),
            Value::Number(n) => serde_json::Value::from(*n),
        }
    }
}

/// Why an answer does not fit its fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    NoChoice { fact: String },
    UnknownOption { fact: String, given: String, options: Vec<String> },
    Money { fact: String, error: MoneyError },
    MoneyAsFloat { fact: String, given: String },
    NotAWholeNumber { fact: String, given: String },
    OutOfRange { fact: String, given: i64, min: i64, max: i64 },
    WrongJsonType { fact: String, expected: &'static str, given: String },
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueError::NoChoice { fact } => write!(f, "no option was chosen for `{fact}`"),
            ValueError::UnknownOption { fact, given, .. } => {
                write!(f, "`{given}` is not an option of `{fact}`")
            }
            ValueError::Money { fact, error } => write!(f, "`{fact}`: {error}"),
            ValueError::MoneyAsFloat { fact, given } => {
                write!(f, "`{fact}` is money but was given as the bare number `{given}`")
            }
            ValueError::NotAWholeNumber { fact, given } => {
                write!(f, "`{given}` is not a whole number, as `{fact}` needs")
            }
            ValueError::OutOfRange { fact, given, min, max } => {
                write!(f, "`{given}` is outside {min} to {max} for `{fact}`")
            }
            ValueError::WrongJsonType { fact, expected, given } => {
                write!(f, "`{fact}` needs {expected}, not `{given}`")
            }
        }
    }
}

impl std::error::Error for ValueError {}

impl ValueError {
    pub fn help(&self) -> String {
        match self {
            ValueError::NoChoice { .. } => "choose one of the options".to_string(),
            ValueError::UnknownOption { options, .. } => {
                format!("use one of: {}", options.join(", "))
            }
            ValueError::Money { error, .. } => error.help().to_string(),
            ValueError::MoneyAsFloat { given, .. } => {
                format!("write money as text so it stays exact, for example \"{given}\"")
            }
            ValueError::NotAWholeNumber { given, .. } if given.contains([',', ' ']) => {
                "enter a whole number, for example 3 or 1,500; commas only separate thousands".to_string()
            }
            ValueError::NotAWholeNumber { .. } => "enter a whole number, for example 3".to_string(),
            ValueError::OutOfRange { min, max, .. } => format!("enter a number from {min} to {max}"),
            ValueError::WrongJsonType { expected, .. } => format!("give {expected}"),
        }
    }

    /// The message beside the form field, in the GOV.UK style.
    pub fn field_message(&self) -> String {
        match self {
            ValueError::NoChoice { .. } | ValueError::UnknownOption { .. } => "Select an answer".to_string(),
            ValueError::Money { error, .. } => error.field_message(),
            ValueError::MoneyAsFloat { .. } => "Enter the value in pounds, for example 25 or 25.50".to_string(),
            ValueError::NotAWholeNumber { .. } => "Enter a whole number, for example 3".to_string(),
            ValueError::OutOfRange { min, max, .. } => {
                format!("Enter a number from {min} to {max}")
            }
            ValueError::WrongJsonType { expected, .. } => format!("Enter {expected}"),
        }
    }
}

/// Reads what a person typed or picked for a fact.
pub fn parse_input(fact: &Fact, input: &str) -> Result<Value, ValueError> {
    let text = input.trim();
    match &fact.kind {
        FactKind::YesNo { .. } | FactKind::Choice => {
            if text.is_empty() {
                return Err(ValueError::NoChoice { fact: fact.id.clone() });
            }
            let lower = crate::case::lower(text);
            let found = fact
                .options
                .iter()
                .find(|o| o.id == text || o.id == lower || crate::case::lower(&o.label) == lower)
                .or_else(|| match (&fact.kind, lower.as_str()) {
                    (FactKind::YesNo { .. }, "y" | "true") => fact.option("yes"),
                    (FactKind::YesNo { .. }, "n" | "false") => fact.option("no"),
                    _ => None,
                });
            found.map(|o| Value::Option(o.id.clone())).ok_or_else(|| ValueError::UnknownOption {
                fact: fact.id.clone(),
                given: text.to_string(),
                options: fact.options.iter().map(|o| o.id.clone()).collect(),
            })
        }
        FactKind::Money => {
            parse_money(text).map(Value::Money).map_err(|error| ValueError::Money { fact: fact.id.clone(), error })
        }
        FactKind::WholeNumber { min, max } => {
            let n = whole_number(text)
                .ok_or_else(|| ValueError::NotAWholeNumber { fact: fact.id.clone(), given: text.to_string() })?;
            if n < *min || n > *max {
                return Err(ValueError::OutOfRange { fact: fact.id.clone(), given: n, min: *min, max: *max });
            }
            Ok(Value::Number(n))
        }
    }
}

/// A whole number as people write it: plain digits (`1500`) or thousands separated by commas
/// (`1,500`), with an optional minus sign. A comma anywhere else (`1,5`, `2,,`) is refused rather
/// than dropped, so `1,5` is never read as 15.
fn whole_number(text: &str) -> Option<i64> {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |rest| ("-", rest));
    let groups: Vec<&str> = digits.split(',').collect();
    let grouped = match groups.split_first() {
        Some((first, rest)) if !rest.is_empty() => (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3),
        _ => true,
    };
    let all_digits = groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()));
    if !grouped || !all_digits {
        return None;
    }
    format!("{sign}{}", groups.concat()).parse().ok()
}

/// Reads an answer from JSON (a facts file, a declaration or a policy's scenario case).
pub fn from_json(fact: &Fact, json: &serde_json::Value) -> Result<Value, ValueError> {
    use serde_json::Value as J;
    match (&fact.kind, json) {
        (FactKind::YesNo { .. }, J::Bool(b)) => Ok(Value::Option(if *b { "yes" } else { "no" }.to_string())),
        (FactKind::YesNo { .. } | FactKind::Choice, J::String(s)) => {
            if fact.option(s).is_some() {
                Ok(Value::Option(s.clone()))
            } else {
                Err(ValueError::UnknownOption {
                    fact: fact.id.clone(),
                    given: s.clone(),
                    options: fact.options.iter().map(|o| o.id.clone()).collect(),
                })
            }
        }
        (FactKind::Money, J::String(s)) => parse_input(fact, s),
        (FactKind::Money, J::Number(n)) => match n.as_i64() {
            Some(i) => parse_input(fact, &i.to_string()),
            None => Err(ValueError::MoneyAsFloat { fact: fact.id.clone(), given: n.to_string() }),
        },
        (FactKind::WholeNumber { .. }, J::Number(n)) => match n.as_i64() {
            Some(i) => parse_input(fact, &i.to_string()),
            None => Err(ValueError::NotAWholeNumber { fact: fact.id.clone(), given: n.to_string() }),
        },
        (FactKind::WholeNumber { .. }, J::String(s)) => parse_input(fact, s),
        (kind, other) => Err(ValueError::WrongJsonType {
            fact: fact.id.clone(),
            expected: match kind {
                FactKind::YesNo { .. } => "\"yes\" or \"no\"",
                FactKind::Choice => "one of its option ids as text",
                FactKind::Money => "an amount as text, for example \"25.50\"",
                FactKind::WholeNumber { .. } => "a whole number",
            },
            given: other.to_string(),
        }),
    }
}

impl<'de> Deserialize<'de> for Value {
    /// Values in a saved session are read back by shape; the fact's type is checked on use.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if !d.is_human_readable() {
            return ValueCompact::deserialize(d);
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Text(String),
            Number(i64),
        }
        Ok(match Shape::deserialize(d)? {
            Shape::Number(n) => Value::Number(n),
            Shape::Text(s) => Value::from_saved_text(s),
        })
    }
}

impl Value {
    /// A value saved as text, read back by shape: money is written as digits (`"25.50"`) and an
    /// option id never starts with one, so text that starts with a digit and reads as money is
    /// money. (Shared by the JSON reading above and the widget's reading of its saved walk.)
    pub fn from_saved_text(s: String) -> Value {
        match parse_money(&s) {
            Ok(m) if s.chars().next().is_some_and(|c| c.is_ascii_digit()) => Value::Money(m),
            _ => Value::Option(s),
        }
    }
}
