//! Numbers as people write them (security review rows 4 and 17): every form an officer might
//! type for money or a whole number, and what Probity makes of it. A form that could mean two
//! different amounts is refused with a message saying how to write it, never read one way.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use probity_core::model::{Fact, FactKind};
use probity_core::money::parse_money;
use probity_core::value::{parse_input, Value};

/// What an input must give: the amount as stored, or an error whose message and help contain
/// these words.
enum Want {
    Is(&'static str),
    Refused { message: &'static str, help: &'static str },
}
use Want::*;

const MONEY: &[(&str, Want)] = &[
    // Accepted, as before.
    ("25", Is("25.00")),
    ("25.5", Is("25.50")),
    ("25.50", Is("25.50")),
    ("£30", Is("30.00")),
    ("£ 1,234.5", Is("1234.50")),
    (" £ 1,250 ", Is("1250.00")),
    ("1 250.75", Is("1250.75")),
    ("GBP 40", Is("40.00")),
    ("1,000,000", Is("1000000.00")),
    ("1000000", Is("1000000.00")),
    ("0", Is("0.00")),
    ("-0", Is("0.00")),
    ("2,500", Is("2500.00")),
    ("0.05", Is("0.05")),
    // A continental thousands point: two thousand five hundred, or two pounds fifty?
    ("2.500", Refused { message: "could be pounds and pence or thousands", help: "two digits after a full stop" }),
    ("30.000", Refused { message: "could be pounds and pence or thousands", help: "thousands with a comma" }),
    ("1.250.000", Refused { message: "could be pounds and pence or thousands", help: "thousands with a comma" }),
    ("£ 2.500", Refused { message: "could be pounds and pence or thousands", help: "two digits after a full stop" }),
    // A decimal comma.
    ("25,50", Refused { message: "uses a comma where pence need a full stop", help: "25.50" }),
    ("1.000,50", Refused { message: "uses a comma where pence need a full stop", help: "full stop" }),
    ("1,5", Refused { message: "uses a comma where pence need a full stop", help: "full stop" }),
    // Commas and spaces that do not separate thousands.
    ("2,,", Refused { message: "is not an amount in pounds", help: "for example 25 or 25.50" }),
    ("1,2345", Refused { message: "is not an amount in pounds", help: "for example" }),
    ("12,50,000", Refused { message: "is not an amount in pounds", help: "for example" }),
    (",250", Refused { message: "is not an amount in pounds", help: "for example" }),
    ("2 5", Refused { message: "is not an amount in pounds", help: "for example" }),
    ("25. 50", Refused { message: "is not an amount in pounds", help: "for example" }),
    // A third decimal place, even a zero.
    ("25.500", Refused { message: "could be pounds and pence or thousands", help: "two digits after a full stop" }),
    ("25.505", Refused { message: "could be pounds and pence or thousands", help: "two digits after a full stop" }),
    ("1,000.500", Refused { message: "more than two decimal places", help: "nearest penny" }),
    ("2500.000", Refused { message: "more than two decimal places", help: "nearest penny" }),
    ("0.001", Refused { message: "more than two decimal places", help: "nearest penny" }),
    ("25.5055", Refused { message: "more than two decimal places", help: "nearest penny" }),
    // Other refusals, as before.
    ("", Refused { message: "no amount was given", help: "for example" }),
    ("-5", Refused { message: "less than zero", help: "£0 or more" }),
    ("1000000.01", Refused { message: "more than £1,000,000", help: "£1,000,000 or less" }),
    ("1e5", Refused { message: "is not an amount in pounds", help: "for example" }),
    ("1.2.3", Refused { message: "is not an amount in pounds", help: "for example" }),
];

const WHOLE: &[(&str, Want)] = &[
    ("3", Is("3")),
    (" 15 ", Is("15")),
    ("1500", Is("1500")),
    ("1,500", Is("1500")),
    ("1,000,000", Is("1000000")),
    ("0", Is("0")),
    ("1,5", Refused { message: "is not a whole number", help: "commas only separate thousands" }),
    ("2,,", Refused { message: "is not a whole number", help: "commas only separate thousands" }),
    ("15,00", Refused { message: "is not a whole number", help: "commas only separate thousands" }),
    ("1,0000", Refused { message: "is not a whole number", help: "commas only separate thousands" }),
    (",15", Refused { message: "is not a whole number", help: "commas only separate thousands" }),
    ("1 500", Refused { message: "is not a whole number", help: "commas only separate thousands" }),
    ("1.5", Refused { message: "is not a whole number", help: "for example 3" }),
    ("three", Refused { message: "is not a whole number", help: "for example 3" }),
    ("", Refused { message: "is not a whole number", help: "for example 3" }),
    ("1000001", Refused { message: "outside 0 to 1000000", help: "from 0 to 1000000" }),
];

fn whole_fact() -> Fact {
    Fact {
        id: "offers".into(),
        kind: FactKind::WholeNumber { min: 0, max: 1_000_000 },
        question: "How many?".into(),
        hint: None,
        options: Vec::new(),
    }
}

fn check(kind: &str, input: &str, got: Result<String, (String, String)>, want: &Want) -> Option<String> {
    match (want, got) {
        (Is(v), Ok(g)) if g == *v => None,
        (Refused { message, help }, Err((m, h))) if m.contains(message) && h.contains(help) => {
            // The offending text is shown back in backticks.
            (!m.contains(&format!("`{}`", input.trim())) && !input.trim().is_empty())
                .then(|| format!("{kind} {input:?}: the message {m:?} does not quote the input"))
        }
        (Is(v), got) => Some(format!("{kind} {input:?}: expected {v}, got {got:?}")),
        (Refused { message, help }, got) => {
            Some(format!("{kind} {input:?}: expected a refusal with {message:?} / help {help:?}, got {got:?}"))
        }
    }
}

#[test]
fn money_and_whole_numbers_as_people_write_them() {
    let mut failures = Vec::new();
    for (input, want) in MONEY {
        let got = parse_money(input).map(|d| d.to_string()).map_err(|e| (e.to_string(), e.help().to_string()));
        failures.extend(check("money", input, got, want));
        // The form field shows the same advice as the help line.
        if let (Refused { help, .. }, Err(e)) = (want, parse_money(input)) {
            let field = e.field_message().to_lowercase();
            if !field.contains(&help.to_lowercase()) && !field.contains("for example") && !field.contains("like") {
                failures.push(format!("money {input:?}: field message {field:?} gives no example"));
            }
        }
    }
    let fact = whole_fact();
    for (input, want) in WHOLE {
        let got = parse_input(&fact, input)
            .map(|v| match v {
                Value::Number(n) => n.to_string(),
                other => format!("{other:?}"),
            })
            .map_err(|e| (e.to_string(), e.help()));
        failures.extend(check("whole number", input, got, want));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
