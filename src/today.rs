//! "Today": the local date, unless `PM_TODAY` (or a command's `--as-of`) fixes it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Timelike, Utc};

pub const ENV: &str = "PM_TODAY";

/// Today's date: `PM_TODAY` when set (YYYY-MM-DD), otherwise the local date.
pub fn today() -> crate::Result<NaiveDate> {
    match std::env::var(ENV) {
        Ok(value) if !value.is_empty() => parse_date(&value).map_err(|_| {
            crate::Error::usage(format!("{ENV}={value:?} is not a date: use YYYY-MM-DD"))
        }),
        _ => Ok(chrono::Local::now().date_naive()),
    }
}

/// Parses a YYYY-MM-DD date argument.
pub fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{value}` is not a date: use YYYY-MM-DD"))
}

/// Parses `--started`: RFC 3339, with a space allowed for `T`, seconds optional, offset required.
pub fn parse_started(value: &str) -> std::result::Result<DateTime<FixedOffset>, String> {
    let v = value.trim().replace(' ', "T");
    if let Ok(t) = DateTime::parse_from_rfc3339(&v) {
        return Ok(t);
    }
    for format in [
        "%Y-%m-%dT%H:%M%#z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%#z",
    ] {
        let candidate = v.replace('Z', "+00:00");
        if let Ok(t) = DateTime::parse_from_str(&candidate, format) {
            return Ok(t);
        }
    }
    if NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M").is_ok()
        || NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M:%S").is_ok()
    {
        return Err(format!(
            "`{value}` has no offset: add Z for UTC or one like +01:00 (e.g. {v}Z)"
        ));
    }
    Err(format!(
        "`{value}` is not a date and time: use e.g. 2026-11-26T09:12Z or \"2026-11-26 09:12+01:00\""
    ))
}

/// When an incident started, when `pm new` is not told: now, to the minute (with `PM_TODAY`
/// set, that day at the current time of day).
pub fn default_start() -> crate::Result<DateTime<FixedOffset>> {
    let now = Utc::now();
    let now = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    // With PM_TODAY set (tests, reproducible runs), the date is that day.
    if std::env::var_os(ENV).is_some() {
        let today = today()?;
        let at = today.and_time(now.time());
        return Ok(at.and_utc().fixed_offset());
    }
    Ok(now.fixed_offset())
}
