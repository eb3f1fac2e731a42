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
            DateError::Empty => format!("Enter {}", crate::case::lower_first(label)),
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
///
/// Read by hand rather than with `time`'s `Rfc3339` parser, which costs the widget's wasm about
/// 8 KB: it accepts exactly what that parser accepts (a test compares the two on generated
/// input), including its rules that any one byte may separate date and time, that a fraction has
/// one digit or more, and that second 60 is a leap second only at 23:59 UTC on a month's last day.
pub fn date_of_rfc3339(s: &str) -> Option<Date> {
    let mut rest = s.as_bytes();
    let year = digits(take(&mut rest, 4)?)?;
    let month = after(&mut rest, b'-', 2)?;
    let day = after(&mut rest, b'-', 2)?;
    take(&mut rest, 1)?;
    let hour = digits(take(&mut rest, 2)?)?;
    let minute = after(&mut rest, b':', 2)?;
    let second = after(&mut rest, b':', 2)?;
    if literal(&mut rest, b'.') {
        digits(take(&mut rest, 1)?)?;
        while rest.first().is_some_and(u8::is_ascii_digit) {
            take(&mut rest, 1)?;
        }
    }
    // The offset east of UTC in minutes.
    let offset = match take(&mut rest, 1)? {
        b"Z" | b"z" => 0,
        sign @ (b"+" | b"-") => {
            let h = digits(take(&mut rest, 2)?)?;
            let m = after(&mut rest, b':', 2)?;
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i64::from(h).checked_mul(60)?.checked_add(i64::from(m))?;
            if sign == b"-" {
                minutes.checked_neg()?
            } else {
                minutes
            }
        }
        _ => return None,
    };
    if !rest.is_empty() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date = Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()?;
    if second == 60 {
        // A leap second is the last second of a month in UTC: 23:59 UTC on its last day.
        let utc = i64::from(hour).checked_mul(60)?.checked_add(i64::from(minute))?.checked_sub(offset)?;
        const DAY: i64 = 24 * 60;
        let utc_day = match utc.checked_div_euclid(DAY)? {
            -1 => date.previous_day(),
            0 => Some(date),
            _ => date.next_day(),
        };
        let last_of_month = utc_day.is_some_and(|d| d.day() == time::util::days_in_month(d.month(), d.year()));
        if utc.checked_rem_euclid(DAY)? != 23 * 60 + 59 || !last_of_month {
            return None;
        }
    }
    Some(date)
}

/// The first `n` bytes of `rest`, which then starts after them.
fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, tail) = rest.split_at_checked(n)?;
    *rest = tail;
    Some(head)
}

/// Whether `rest` starts with `byte`, which is then taken off it.
fn literal(rest: &mut &[u8], byte: u8) -> bool {
    match rest.split_first() {
        Some((&first, tail)) if first == byte => {
            *rest = tail;
            true
        }
        _ => false,
    }
}

/// The number after `sep` at the start of `rest`, in exactly `n` digits.
fn after(rest: &mut &[u8], sep: u8, n: usize) -> Option<u32> {
    if !literal(rest, sep) {
        return None;
    }
    digits(take(rest, n)?)
}

/// The number written in `digits`, ASCII digits only (no sign, no space).
fn digits(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &c| n.checked_mul(10)?.checked_add(char::from(c).to_digit(10)?))
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

    /// The hand-written reader against `time`'s own RFC 3339 parser, on times built from parts
    /// that are each sometimes valid and sometimes not (leap seconds, offsets, separators,
    /// fractions, trailing bytes), so both answers are exercised.
    #[test]
    fn date_of_rfc3339_accepts_what_time_accepts() {
        use proptest::prelude::*;
        use proptest::test_runner::{Config, TestRunner};
        let two = |max: u32| (0..=max).prop_map(|n| format!("{n:02}"));
        let part = prop_oneof![
            8 => (0u32..=9999, two(13), two(32)).prop_map(|(y, m, d)| format!("{y:04}-{m}-{d}")),
            1 => "[0-9-]{0,11}",
        ];
        let time = prop_oneof![
            8 => (two(24), two(60), prop_oneof![two(61), Just("60".to_string())])
                .prop_map(|(h, m, s)| format!("{h}:{m}:{s}")),
            1 => "[0-9:]{0,9}",
        ];
        let sep = prop_oneof![Just("T".to_string()), Just("t".to_string()), Just(" ".to_string()), "\\PC{0,2}"];
        let frac = prop_oneof![Just(String::new()), "\\.[0-9]{0,12}"];
        let offset = prop_oneof![
            Just("Z".to_string()),
            Just("z".to_string()),
            (prop_oneof![Just('+'), Just('-')], two(25), two(61)).prop_map(|(s, h, m)| format!("{s}{h}:{m}")),
            "[-+Z0-9:]{0,7}",
        ];
        let tail = prop_oneof![8 => Just(String::new()), 1 => "\\PC{0,2}"];
        let input = (part, sep, time, frac, offset, tail).prop_map(|(a, b, c, d, e, f)| format!("{a}{b}{c}{d}{e}{f}"));
        let mut runner = TestRunner::new(Config { cases: 5_000, ..Config::default() });
        let result = runner.run(&input, |s| {
            let by_time =
                time::OffsetDateTime::parse(&s, &time::format_description::well_known::Rfc3339).ok().map(|t| t.date());
            prop_assert_eq!(date_of_rfc3339(&s), by_time, "{}", s);
            Ok(())
        });
        assert!(result.is_ok(), "{result:?}");
        let leap = ["2016-12-31T23:59:60Z", "2017-01-01T08:59:60+09:00", "2016-12-31T18:59:60-05:00"];
        for s in leap.iter().chain(&["2016-12-30T23:59:60Z", "2016-12-31T23:58:60Z", "9999-12-31T23:59:60-01:00"]) {
            let by_time =
                time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).ok().map(|t| t.date());
            assert_eq!(date_of_rfc3339(s), by_time, "{s}");
        }
        assert!(leap.iter().all(|s| date_of_rfc3339(s).is_some()));
    }
}
