//! Money in pounds sterling, exact to the penny.
//!
//! Input is read leniently (a `£` sign, thousands commas and spaces are all fine) and checked
//! strictly (no more than two decimal places, not negative, not absurdly large), because an
//! officer typing on a phone writes "£1,250" as often as "1250". Nothing here is ever a float.

use rust_decimal::prelude::*;
use rust_decimal::Decimal;
use std::fmt;

/// The largest amount any question accepts: £1,000,000. No gift, fee or legacy question in a
/// code of conduct needs more, and a bound stops a mistyped number from passing silently.
pub fn max_money() -> Decimal {
    Decimal::new(1_000_000, 0)
}

/// One penny, the step between two distinct amounts of money.
pub fn penny() -> Decimal {
    Decimal::new(1, 2)
}

/// Why a piece of text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber {
        input: String,
    },
    DecimalComma {
        input: String,
    },
    /// A full stop before three digits: pounds and pence, or a continental thousands point?
    ThousandsPoint {
        input: String,
    },
    Negative {
        input: String,
    },
    TooManyDecimalPlaces {
        input: String,
    },
    TooLarge {
        input: String,
    },
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::Empty => write!(f, "no amount was given"),
            MoneyError::NotANumber { input } => write!(f, "`{input}` is not an amount in pounds"),
            MoneyError::DecimalComma { input } => {
                write!(f, "`{input}` uses a comma where pence need a full stop")
            }
            MoneyError::ThousandsPoint { input } => {
                write!(f, "`{input}` has three digits after a full stop, so it could be pounds and pence or thousands")
            }
            MoneyError::Negative { input } => write!(f, "`{input}` is less than zero"),
            MoneyError::TooManyDecimalPlaces { input } => {
                write!(f, "`{input}` has more than two decimal places")
            }
            MoneyError::TooLarge { input } => write!(f, "`{input}` is more than £1,000,000"),
        }
    }
}

impl std::error::Error for MoneyError {}

impl MoneyError {
    /// A help line saying how to put it right.
    pub fn help(&self) -> &'static str {
        match self {
            MoneyError::Empty | MoneyError::NotANumber { .. } => "enter the value in pounds, for example 25 or 25.50",
            MoneyError::DecimalComma { .. } => "write pence after a full stop, for example 25.50",
            MoneyError::ThousandsPoint { .. } => {
                "write pence as two digits after a full stop, for example 2.50, and thousands with a comma or nothing, for example 2,500"
            }
            MoneyError::Negative { .. } => "enter an amount of £0 or more",
            MoneyError::TooManyDecimalPlaces { .. } => "enter the amount to the nearest penny, for example 25.50",
            MoneyError::TooLarge { .. } => "enter an amount of £1,000,000 or less",
        }
    }

    /// The message shown beside a form field, in the GOV.UK style: a sentence that says what to do.
    pub fn field_message(&self) -> String {
        match self {
            MoneyError::Empty => "Enter the value in pounds, for example 25 or 25.50".to_string(),
            MoneyError::NotANumber { .. } => "Enter the value in pounds, for example 25 or 25.50".to_string(),
            MoneyError::DecimalComma { .. } => "Use a full stop for pence, for example 25.50".to_string(),
            MoneyError::ThousandsPoint { .. } => {
                "Write pence as two digits after a full stop, like 2.50, and thousands with a comma or nothing, like 2,500"
                    .to_string()
            }
            MoneyError::Negative { .. } => "The value must be £0 or more".to_string(),
            MoneyError::TooManyDecimalPlaces { .. } => {
                "Enter the value to the nearest penny, for example 25.50".to_string()
            }
            MoneyError::TooLarge { .. } => "The value must be £1,000,000 or less".to_string(),
        }
    }
}

/// Reads an amount of money typed by a person.
///
/// Accepts `25`, `25.5`, `25.50`, `£25`, `£ 1,250.00`, ` 1 250 `: an optional `£`, whole pounds
/// as plain digits or in groups of three separated by commas or spaces, and at most two digits
/// of pence after a full stop. Refuses anything that could be read two ways rather than guess:
/// a decimal comma (`25,50`, `1.000,50`), a full stop before three digits (`2.500`, which is
/// £2,500 in much of Europe, and even `30.000`), and separators that do not split thousands
/// (`1,5`, `2,,`, `2 5`).
pub fn parse_money(input: &str) -> Result<Decimal, MoneyError> {
    let trimmed = input.trim();
    let without_pound = trimmed.strip_prefix('£').or_else(|| trimmed.strip_prefix("GBP")).unwrap_or(trimmed).trim();
    let negative = without_pound.starts_with('-') || without_pound.starts_with('−');
    let unsigned = without_pound.trim_start_matches(['-', '−', '+']).trim();
    let unsigned = unsigned.strip_prefix('£').unwrap_or(unsigned).trim();
    let error = |make: fn(String) -> MoneyError| make(trimmed.to_string());
    if unsigned.is_empty() {
        return Err(if trimmed.is_empty() {
            MoneyError::Empty
        } else {
            error(|input| MoneyError::NotANumber { input })
        });
    }
    if is_thousands_point(unsigned) {
        return Err(error(|input| MoneyError::ThousandsPoint { input }));
    }
    if looks_like_decimal_comma(unsigned) {
        return Err(error(|input| MoneyError::DecimalComma { input }));
    }
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let Some(pounds) = join_thousands(whole) else { return Err(error(|input| MoneyError::NotANumber { input })) };
    if !all_digits(fraction) || pounds.is_empty() && fraction.is_empty() {
        return Err(error(|input| MoneyError::NotANumber { input }));
    }
    if fraction.len() > 2 {
        return Err(error(|input| MoneyError::TooManyDecimalPlaces { input }));
    }
    // Only digits and one full stop reach here, so the exact reader (which has no scientific
    // notation to fall back to, and so less code in the widget's wasm) reads it as `from_str` would.
    let value = Decimal::from_str_exact(&format!("{}.{fraction}0", if pounds.is_empty() { "0" } else { &pounds }))
        .map_err(|_| error(|input| MoneyError::NotANumber { input }))?;
    if negative && !value.is_zero() {
        return Err(error(|input| MoneyError::Negative { input }));
    }
    if value > max_money() {
        return Err(error(|input| MoneyError::TooLarge { input }));
    }
    Ok(to_pence_scale(value))
}

/// Gives an amount exactly two decimal places, so `25` and `25.00` print and compare alike.
pub fn to_pence_scale(value: Decimal) -> Decimal {
    let mut v = value.normalize();
    v.rescale(2);
    v
}

/// The digits of whole pounds written plainly (`1250`) or in thousands (`1,250`, `1 250`); `None`
/// for any other use of a separator or any other character.
fn join_thousands(whole: &str) -> Option<String> {
    let groups: Vec<&str> = whole.split(|c: char| c == ',' || c.is_whitespace()).collect();
    let digits = |g: &&str| g.chars().all(|c| c.is_ascii_digit());
    let grouped = match groups.split_first() {
        Some((first, rest)) if !rest.is_empty() => (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3),
        _ => true,
    };
    (grouped && groups.iter().all(digits)).then(|| groups.concat())
}

/// `2.500`, `30.000`, `1.250.000`: a full stop followed by exactly three digits, after one to
/// three digits that do not start with 0. Read as pounds and pence it has a third decimal place;
/// read the continental way it is thousands. Either reading could be what was meant.
fn is_thousands_point(s: &str) -> bool {
    let mut parts = s.split('.');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let digits = |g: &str| g.chars().all(|c| c.is_ascii_digit());
    (1..=3).contains(&first.len())
        && digits(first)
        && !first.starts_with('0')
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && digits(g))
}

/// `25,50` or `1.250,00`: a comma followed by exactly one or two digits at the end.
fn looks_like_decimal_comma(s: &str) -> bool {
    match s.rsplit_once(',') {
        Some((_, tail)) => (1..=2).contains(&tail.len()) && tail.chars().all(|c| c.is_ascii_digit()),
        None => false,
    }
}

/// Writes an amount for people: `£25`, `£25.50`, `£1,250.00`.
///
/// Whole pounds are written without pence, as GOV.UK style does, unless `always_pence` is set
/// (declarations and tables, where columns should line up).
pub fn format_money(value: Decimal, always_pence: bool) -> String {
    let v = to_pence_scale(value);
    let text = v.abs().to_string();
    let (whole, pence) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && whole.len().saturating_sub(i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() { "-" } else { "" };
    if pence == "00" && !always_pence {
        format!("{sign}£{grouped}")
    } else {
        format!("{sign}£{grouped}.{pence}")
    }
}

/// How an exact amount becomes whole pence. The rule is shown to the user with the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Towards zero: never more than the exact share.
    Down,
    /// To the nearest penny; a half penny rounds up.
    HalfUp,
    /// To the nearest penny; a half penny rounds to the even penny (banker's rounding).
    HalfEven,
}

impl Rounding {
    pub fn apply(self, value: Decimal) -> Decimal {
        let strategy = match self {
            Rounding::Down => RoundingStrategy::ToZero,
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        };
        to_pence_scale(value.round_dp_with_strategy(2, strategy))
    }

    /// The rule in words, as shown beside the amount.
    pub fn describe(self) -> &'static str {
        match self {
            Rounding::Down => "rounded down to the whole penny, so it is never more than the exact share",
            Rounding::HalfUp => "rounded to the nearest penny, with a half penny rounded up",
            Rounding::HalfEven => "rounded to the nearest penny, with a half penny rounded to the even penny",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Rounding::Down => "down",
            Rounding::HalfUp => "half_up",
            Rounding::HalfEven => "half_even",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, &str>) {
        let got = parse_money(input).map(|d| d.to_string()).map_err(|e| e.to_string());
        let want = expected.map(str::to_string).map_err(str::to_string);
        assert_eq!(got, want, "input {input:?}");
    }

    #[test]
    fn lenient_input_strict_validation() {
        check("25", Ok("25.00"));
        check("25.5", Ok("25.50"));
        check("£25.50", Ok("25.50"));
        check(" £ 1,250 ", Ok("1250.00"));
        check("1 250.75", Ok("1250.75"));
        check("GBP 40", Ok("40.00"));
        check("0", Ok("0.00"));
        check("-0", Ok("0.00"));
        check("1,000,000", Ok("1000000.00"));
        check("25.50", Ok("25.50"));
        check("", Err("no amount was given"));
        check("   ", Err("no amount was given"));
        check("£", Err("`£` is not an amount in pounds"));
        check("ten pounds", Err("`ten pounds` is not an amount in pounds"));
        check("25,50", Err("`25,50` uses a comma where pence need a full stop"));
        check("1,2345", Err("`1,2345` is not an amount in pounds"));
        check("-5", Err("`-5` is less than zero"));
        check("£-5", Err("`£-5` is less than zero"));
        check("25.5055", Err("`25.5055` has more than two decimal places"));
        check("1000000.01", Err("`1000000.01` is more than £1,000,000"));
        check("1e5", Err("`1e5` is not an amount in pounds"));
        check("1.2.3", Err("`1.2.3` is not an amount in pounds"));
        check(".", Err("`.` is not an amount in pounds"));
    }

    #[test]
    fn formats_for_people() {
        let f = |s: &str, p| format_money(Decimal::from_str(s).unwrap(), p);
        assert_eq!(f("25", false), "£25");
        assert_eq!(f("25.5", false), "£25.50");
        assert_eq!(f("1250", true), "£1,250.00");
        assert_eq!(f("1000000", false), "£1,000,000");
        assert_eq!(f("999.99", false), "£999.99");
    }

    #[test]
    fn rounding_rules() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(Rounding::Down.apply(d("75.625")).to_string(), "75.62");
        assert_eq!(Rounding::HalfUp.apply(d("75.625")).to_string(), "75.63");
        assert_eq!(Rounding::HalfEven.apply(d("75.625")).to_string(), "75.62");
        assert_eq!(Rounding::HalfEven.apply(d("75.635")).to_string(), "75.64");
        assert_eq!(Rounding::Down.apply(d("10")).to_string(), "10.00");
    }
}
