//! "Today": the local date, unless `PM_TODAY` (or a command's `--as-of`) fixes it.

use chrono::NaiveDate;

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
