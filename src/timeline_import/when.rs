//! Times as sources and users write them: RFC 3339, `YYYY-MM-DD HH:MM[:SS]` with a zone
//! (`Z`, `UTC`, `GMT`, `+02:00`, a named zone or abbreviation such as `Europe/Berlin` or
//! `PST`) or without one (then in the document's zone), and epoch
//! seconds or milliseconds (10 or 13 digits), which paging tools' exports often hold.

use crate::timeline::Zone;
use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Timelike, Utc,
};

/// The document's zone (pm.toml `[document] timezone`, default UTC): where times written
/// without a zone are read. A named zone keeps its daylight-saving rules (jiff's database).
#[derive(Debug, Clone)]
pub struct DocZone {
    pub zone: Zone,
}

impl Default for DocZone {
    fn default() -> Self {
        DocZone::utc()
    }
}

impl DocZone {
    pub fn utc() -> DocZone {
        DocZone { zone: Zone::utc() }
    }

    pub fn new(zone: Zone) -> DocZone {
        DocZone { zone }
    }

    /// The civil (wall-clock) time of an instant in this zone.
    pub fn civil(&self, at: DateTime<Utc>) -> Option<NaiveDateTime> {
        let civil = self.zone.civil(to_jiff(at)?);
        let date = NaiveDate::from_ymd_opt(
            i32::from(civil.year()),
            u32::try_from(civil.month()).ok()?,
            u32::try_from(civil.day()).ok()?,
        )?;
        let time = NaiveTime::from_hms_nano_opt(
            u32::try_from(civil.hour()).ok()?,
            u32::try_from(civil.minute()).ok()?,
            u32::try_from(civil.second()).ok()?,
            u32::try_from(civil.subsec_nanosecond()).ok()?,
        )?;
        Some(date.and_time(time))
    }

    /// The instant of a civil time in this zone (in a daylight-saving gap or fold, the
    /// "compatible" choice `Zone::instant` documents).
    pub fn instant(&self, civil: NaiveDateTime) -> Option<DateTime<Utc>> {
        let civil = jiff::civil::DateTime::new(
            i16::try_from(civil.year()).ok()?,
            i8::try_from(civil.month()).ok()?,
            i8::try_from(civil.day()).ok()?,
            i8::try_from(civil.hour()).ok()?,
            i8::try_from(civil.minute()).ok()?,
            i8::try_from(civil.second()).ok()?,
            0,
        )
        .ok()?;
        from_jiff(self.zone.instant(civil)?)
    }
}

/// A chrono instant as jiff's.
pub fn to_jiff(at: DateTime<Utc>) -> Option<jiff::Timestamp> {
    jiff::Timestamp::new(
        at.timestamp(),
        i32::try_from(at.timestamp_subsec_nanos()).ok()?,
    )
    .ok()
}

/// A jiff instant as chrono's.
pub fn from_jiff(at: jiff::Timestamp) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(at.as_second(), u32::try_from(at.subsec_nanosecond()).ok()?)
}

/// Reads a time with a date. A time without a zone is read in `zone`.
pub fn parse(text: &str, zone: &DocZone) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = text.parse().ok()?;
        return match text.len() {
            10 => DateTime::from_timestamp(n, 0),
            13 => DateTime::from_timestamp_millis(n),
            _ => None,
        };
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&Utc));
    }
    if let Some((civil, named)) = split_named_zone(text) {
        return DocZone::new(named).instant(parse_civil(civil)?);
    }
    let (civil, offset) = split_zone(text)?;
    let civil = parse_civil(civil)?;
    match offset {
        Some(offset) => offset
            .from_local_datetime(&civil)
            .single()
            .map(|t| t.with_timezone(&Utc)),
        None => zone.instant(civil),
    }
}

/// Reads `--since`/`--until`: a time as [`parse`] reads it, or a date alone (its midnight in
/// `zone`; with `end_of_day`, the next midnight, so `--until 2026-03-04` takes that whole day).
pub fn parse_bound(text: &str, zone: &DocZone, end_of_day: bool) -> Option<DateTime<Utc>> {
    if let Ok(date) = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        let date = if end_of_day { date.succ_opt()? } else { date };
        return zone.instant(date.and_time(NaiveTime::MIN));
    }
    parse(text, zone)
}

/// Reads `pm timeline add`'s TIME: a full time as [`parse`] reads it, or a time of day
/// (`09:12`, `09:12:30`, with or without a zone) on `day`.
pub fn parse_entry_time(text: &str, day: NaiveDate, zone: &DocZone) -> Option<DateTime<Utc>> {
    if let Some(at) = parse(text, zone) {
        return Some(at);
    }
    let clock_time = |clock: &str| {
        NaiveTime::parse_from_str(clock, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
            .ok()
    };
    if let Some((clock, named)) = split_named_zone(text.trim()) {
        return DocZone::new(named).instant(day.and_time(clock_time(clock)?));
    }
    let (clock, offset) = split_zone(text.trim())?;
    let civil = day.and_time(clock_time(clock)?);
    match offset {
        Some(offset) => offset
            .from_local_datetime(&civil)
            .single()
            .map(|t| t.with_timezone(&Utc)),
        None => zone.instant(civil),
    }
}

/// Splits a named zone off the end of a time after a space: an IANA name (`Europe/Berlin`) or
/// an abbreviation from the timeline's table (`PST`, `CEST`), read as the timeline reader
/// reads them (docs/CHECKS.md, "Timelines"). `None` when the last word is no such zone.
fn split_named_zone(text: &str) -> Option<(&str, Zone)> {
    let (civil, name) = text.rsplit_once(' ')?;
    if !name.chars().any(|c| c.is_ascii_alphabetic()) || ["UTC", "GMT", "Z"].contains(&name) {
        return None;
    }
    Some((civil.trim_end(), Zone::parse(name)?))
}

/// Splits a zone off the end of a time: `Z`, `UTC`, `GMT` or a signed offset (`+02:00`,
/// `-0800`), with or without a space before it.
fn split_zone(text: &str) -> Option<(&str, Option<FixedOffset>)> {
    let utc = Utc.fix();
    for suffix in ["UTC", "GMT", "Z"] {
        if let Some(rest) = text.strip_suffix(suffix) {
            if rest.ends_with(|c: char| c.is_ascii_digit() || c == ' ') {
                return Some((rest.trim_end(), Some(utc)));
            }
        }
    }
    // A signed offset: the last `+` or `-` after the time's `:`.
    if let Some(colon) = text.find(':') {
        if let Some(sign_at) = text[colon..].rfind(['+', '-']).map(|i| i + colon) {
            let offset = &text[sign_at + 1..];
            let digits: String = offset.chars().filter(|c| *c != ':').collect();
            if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
                let hours: i32 = digits[..2].parse().ok()?;
                let minutes: i32 = digits[2..].parse().ok()?;
                let seconds = (hours * 60 + minutes) * 60;
                let seconds = if text[sign_at..].starts_with('-') {
                    -seconds
                } else {
                    seconds
                };
                return Some((
                    text[..sign_at].trim_end(),
                    Some(FixedOffset::east_opt(seconds)?),
                ));
            }
        }
    }
    Some((text, None))
}

fn parse_civil(text: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Option<String> {
        parse(text, &DocZone::utc()).map(|t| t.to_rfc3339())
    }

    #[test]
    fn times_in_the_shapes_exports_use() {
        let want = Some("2026-03-04T22:05:00+00:00".to_string());
        for text in [
            "2026-03-04T22:05:00Z",
            "2026-03-04 22:05",
            "2026-03-04 22:05 UTC",
            "2026-03-04 22:05:00Z",
            "2026-03-04T23:05:00+01:00",
            "2026-03-04 14:05 -0800",
            "2026-03-04 14:05 PST",
            "2026-03-04 23:05 Europe/Berlin",
            "1772661900",
            "1772661900000",
        ] {
            assert_eq!(utc(text), want, "{text}");
        }
        // Summer time in Berlin through the zone database, not a fixed offset.
        assert_eq!(
            utc("2026-07-04 23:05 Europe/Berlin").as_deref(),
            Some("2026-07-04T21:05:00+00:00")
        );
        for text in [
            "",
            "yesterday",
            "22:05",
            "2026-03-04",
            "12345",
            "2026-03-04 22:05 Mars",
        ] {
            assert_eq!(utc(text), None, "{text}");
        }
    }

    #[test]
    fn a_time_of_day_lands_on_the_given_day() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).unwrap_or_default();
        let at = parse_entry_time("22:05", day, &DocZone::utc()).map(|t| t.to_rfc3339());
        assert_eq!(at.as_deref(), Some("2026-03-04T22:05:00+00:00"));
        let at = parse_entry_time("14:05 PST", day, &DocZone::utc()).map(|t| t.to_rfc3339());
        assert_eq!(at.as_deref(), Some("2026-03-04T22:05:00+00:00"));
        let until = parse_bound("2026-03-04", &DocZone::utc(), true).map(|t| t.to_rfc3339());
        assert_eq!(until.as_deref(), Some("2026-03-05T00:00:00+00:00"));
    }
}
