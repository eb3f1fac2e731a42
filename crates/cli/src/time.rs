//! The current time as RFC 3339 UTC, for declarations the CLI makes (the core takes the time
//! from its caller and never reads a clock).

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Now, to the second: `2026-11-22T10:15:00Z`.
pub fn now_rfc3339() -> String {
    let now = OffsetDateTime::now_utc();
    // Whole seconds, as the widget writes them; the Unix epoch only if formatting ever failed.
    let now = now.replace_nanosecond(0).unwrap_or(now);
    now.format(&Rfc3339).unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_is_a_real_rfc_3339_time_in_utc_to_the_second() {
        let now = super::now_rfc3339();
        assert!(probity_core::declaration::is_rfc3339(&now), "{now}");
        assert_eq!(now.len(), "2026-11-22T10:15:00Z".len(), "{now}");
        assert!(now.ends_with('Z') && now.as_str() > "2026-01-01", "{now}");
    }
}
