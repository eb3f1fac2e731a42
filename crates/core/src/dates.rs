//! Dates as dates: parsed and checked with the `time` crate (a real calendar, so 30 February is
//! refused), written as `YYYY-MM-DD` in files and as "10 October 2007" to people. Parsing only:
//! the core reads no clock, so "not in the future" is always measured against a date the caller
//! gives (the day a declaration was made).

use time::{Date, Month};

/// Why a date was not accepted, worded as the GOV.UK date-input pattern words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was entered.
    Empty,
    /// Not written as a date at all (`2007-9`, `next Tuesday`).
    Shape { input: String },
    /// A day, month and year that no calendar has (`2026-02-30`).
    NotReal { input: String },
    /// A year before 1900 or after 9999: almost certainly mistyped.
    Year { year: i64 },
}

impl DateError {
    /// The message for the field, as "Date offered must be a real date".
    pub fn field_message(&self, label: &str) -> String {
        match self {
            DateError::Empty => format!("Enter {}", lower_first(label)),
            DateError::Shape { .. } | DateError::NotReal { .. } => format!("{label} must be a real date"),
            DateError::Year { .. } => format!("{label} must have a year from 1900 onwards"),
        }
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::Empty => f.write_str("no date was given"),
            DateError::Shape { input } => {
                write!(f, "`{input}` is not a date written as YYYY-MM-DD or DD/MM/YYYY")
            }
            DateError::NotReal { input } => write!(f, "`{input}` is not a real date"),
            DateError::Year { year } => write!(f, "the year `{year}` is outside 1900 to 9999"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn number(s: &str, max_digits: usize) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() || s.len() > max_digits || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A date from its three parts, as the GOV.UK date input collects them (day, month, year).
pub fn from_parts(day: &str, month: &str, year: &str) -> Result<Date, DateError> {
    let shown = format!("{}/{}/{}", day.trim(), month.trim(), year.trim());
    if day.trim().is_empty() && month.trim().is_empty() && year.trim().is_empty() {
        return Err(DateError::Empty);
    }
    let (Some(d), Some(m), Some(y)) = (number(day, 2), number(month, 2), number(year, 4)) else {
        return Err(DateError::Shape { input: shown });
    };
    if !(1900..=9999).contains(&y) {
        return Err(DateError::Year { year: y });
    }
    let month = u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok());
    let (Some(month), Ok(day), Ok(year)) = (month, u8::try_from(d), i32::try_from(y)) else {
        return Err(DateError::NotReal { input: shown });
    };
    Date::from_calendar_date(year, month, day).map_err(|_| DateError::NotReal { input: shown })
}

/// A date written `YYYY-MM-DD` (how files keep dates) and nothing else.
pub fn parse_iso(s: &str) -> Result<Date, DateError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = t.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => from_parts(d, m, y).map_err(|e| match e {
            DateError::Shape { .. } => DateError::Shape { input: t.to_string() },
            DateError::NotReal { .. } => DateError::NotReal { input: t.to_string() },
            other => other,
        }),
        _ => Err(DateError::Shape { input: t.to_string() }),
    }
}

/// A date as a person may type it: `YYYY-MM-DD`, or day first as in the UK (`10/10/2007`,
/// `10-10-2007`, `10.10.2007`).
pub fn parse_entered(s: &str) -> Result<Date, DateError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = t.split(['/', '-', '.', ' ']).filter(|p| !p.is_empty()).collect();
    let result = match parts.as_slice() {
        [y, _, _] if y.len() == 4 => parse_iso(t),
        [d, m, y] if y.len() == 4 => from_parts(d, m, y),
        _ => Err(DateError::Shape { input: t.to_string() }),
    };
    result.map_err(|e| match e {
        DateError::Shape { .. } => DateError::Shape { input: t.to_string() },
        DateError::NotReal { .. } => DateError::NotReal { input: t.to_string() },
        other => other,
    })
}

/// `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// "10 October 2007", as GOV.UK writes dates.
pub fn long(d: Date) -> String {
    format!("{} {} {}", d.day(), d.month(), d.year())
}

/// The calendar date of an RFC 3339 time, in the time's own offset (the day the officer saw).
pub fn date_of_rfc3339(s: &str) -> Option<Date> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok().map(|t| t.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_only() {
        let cases: [(&str, Result<&str, &str>); 11] = [
            ("2007-10-10", Ok("2007-10-10")),
            ("10/10/2007", Ok("2007-10-10")),
            ("1/2/2024", Ok("2024-02-01")),
            ("29/02/2024", Ok("2024-02-29")),
            ("2026-02-30", Err("not a real date")),
            ("29/02/2025", Err("not a real date")),
            ("31-04-2026", Err("not a real date")),
            ("2026-13-01", Err("not a real date")),
            ("0007-10-10", Err("outside 1900")),
            ("next tuesday", Err("not a date written")),
            ("", Err("no date")),
        ];
        for (input, expected) in cases {
            match (parse_entered(input), expected) {
                (Ok(d), Ok(want)) => assert_eq!(iso(d), want, "{input}"),
                (Err(e), Err(want)) => assert!(e.to_string().contains(want), "{input}: {e}"),
                (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn files_keep_iso_only() {
        assert!(parse_iso("10/10/2007").is_err());
        assert!(parse_iso("2007-1-10").is_err());
        assert_eq!(long(parse_iso("2007-10-10").unwrap()), "10 October 2007");
    }

    #[test]
    fn field_messages_follow_the_pattern() {
        assert_eq!(DateError::Empty.field_message("Date offered"), "Enter date offered");
        assert_eq!(
            parse_entered("31/02/2026").unwrap_err().field_message("Date offered"),
            "Date offered must be a real date"
        );
    }

    #[test]
    fn the_day_of_a_time_is_in_its_own_offset() {
        assert_eq!(date_of_rfc3339("2026-11-22T23:30:00-02:00").map(iso).as_deref(), Some("2026-11-22"));
        assert_eq!(date_of_rfc3339("2026-11-22"), None);
    }
}
