//! The time stamp an entry begins with, in the forms people write (docs/CHECKS.md, "Timeline
//! shapes"): `14:05`, `14:05:33`, `2:05 PM`, `14:05 UTC`, `**14:05 UTC** —`, `[03-04 14:05]`,
//! `2026-03-04 14:05Z`, `2026-03-04T14:05:33.120+01:00`, `3/4/2026 2:05 PM PST`,
//! `Wed 4 Mar 14:05`, `Thursday, March 5`, `??:??`, `[???]`.
//!
//! Hand-written: no date crate reads this mixture (and none should guess `CST`); jiff's parsers
//! read RFC 3339 and friends only. Each form is a small step below, tested on its own.

use super::zone::{self, Zone};
use jiff::civil::Weekday;

/// A date as written: the year may be missing (`March 5`, `[03-04 …]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePart {
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
}

/// The time of day as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// A time (24-hour, after reading AM/PM).
    At {
        hour: i8,
        minute: i8,
        second: i8,
        nanosecond: i32,
    },
    /// Written as unknown: `??:??`, `?:??`, `[???]`, `XX:XX`.
    Unknown,
}

/// How the date was written, so an inserted entry can be written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `2026-03-04` (with `T` before the time when `iso_t`).
    Iso,
    /// `03-04`.
    MonthDay,
    /// `3/4/2026` (US order: month first).
    Us,
    /// Month names or weekdays (`Wed 4 Mar`, `March 5, 2026`).
    Words,
}

/// How a stamp was written (for entries an inserter writes in the document's own style).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Style {
    pub date: Option<DateStyle>,
    pub iso_t: bool,
    pub seconds: bool,
    pub twelve_hour: bool,
    /// The zone exactly as written (`UTC`, `Z`, `+01:00`, `PST`, `America/New_York`).
    pub zone: Option<String>,
    /// Whether the zone was attached to the time (`14:05Z`) rather than after a space.
    pub zone_attached: bool,
    pub bold: bool,
    pub bracket: bool,
}

/// A stamp read from the start of a text.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub weekday: Option<Weekday>,
    pub date: Option<DatePart>,
    pub clock: Option<Clock>,
    pub zone: Option<Zone>,
    pub style: Style,
    /// Bytes of the stamp, closing markup included.
    pub len: usize,
    /// Where the entry's own text begins: after the stamp and a separator (`—`, `-`, `:`, `|`).
    pub text_start: usize,
}

/// What the start of a text holds.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// No stamp.
    None,
    Stamp(Stamp),
    /// Written like a stamp but not a real date or time (`2026-02-30`, `25:10`, `13/45/2026`):
    /// the reason, for the warning.
    Invalid(String),
}

impl Parsed {
    pub fn stamp(self) -> Option<Stamp> {
        match self {
            Parsed::Stamp(s) => Some(s),
            _ => None,
        }
    }
}

/// The forms accepted, for warnings that name them.
pub const ACCEPTED: &str = "`14:05`, `14:05:33`, `2:05 PM`, `14:05 UTC`, `14:05 PST`, `14:05 +01:00`, `2026-03-04 14:05Z`, `[03-04 14:05]`, `3/4/2026 2:05 PM`, `Wed 4 Mar 14:05`, `March 5, 2026`, or `??:??` for an unknown time";

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

struct Cursor<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.at..]
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn byte(&self, ahead: usize) -> Option<u8> {
        self.s.as_bytes().get(self.at + ahead).copied()
    }
    fn eat(&mut self, text: &str) -> bool {
        if self.rest().starts_with(text) {
            self.at += text.len();
            true
        } else {
            false
        }
    }
    fn eat_ci(&mut self, text: &str) -> bool {
        let rest = self.rest().as_bytes();
        if rest.len() >= text.len() && rest[..text.len()].eq_ignore_ascii_case(text.as_bytes()) {
            self.at += text.len();
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) -> usize {
        let start = self.at;
        while matches!(self.byte(0), Some(b' ' | b'\t')) || self.rest().starts_with('\u{a0}') {
            self.at += if self.byte(0) == Some(0xC2) { 2 } else { 1 };
        }
        self.at - start
    }
    /// A run of ASCII digits of length `min..=max` (the whole run: `12345` is not 4 digits).
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let run = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if run < min || run > max {
            return None;
        }
        let value = self.rest()[..run].parse().ok()?;
        self.at += run;
        Some(value)
    }
    fn word(&self) -> &'a str {
        let rest = self.rest();
        let len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        &rest[..len]
    }
    /// True at the end or before a character that cannot continue a word or number.
    fn boundary(&self) -> bool {
        self.peek().is_none_or(|c| !c.is_alphanumeric())
    }
}

fn month_of(word: &str) -> Option<i8> {
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == lower || (m.starts_with(&lower) && (lower.len() == 3 || lower == "sept"))
        })
        .and_then(|i| i8::try_from(i + 1).ok())
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 {
        return None;
    }
    WEEKDAYS.iter().find_map(|(name, day)| {
        (*name == lower
            || (name.starts_with(&lower) && matches!(lower.len(), 3 | 4) && lower != "mond"))
            .then_some(*day)
    })
}

/// Reads the stamp at the start of `text`.
pub fn parse(text: &str) -> Parsed {
    let mut c = Cursor { s: text, at: 0 };
    let mut style = Style::default();
    // Leading markup: `**`, `__`, `_`, `` ` ``, `[`, `(`.
    loop {
        let before = c.at;
        c.spaces();
        if c.eat("**") || c.eat("__") {
            style.bold = true;
        } else if c.eat("[") {
            style.bracket = true;
        } else if !(c.eat("_") || c.eat("`") || c.eat("(")) {
            c.at = before.max(c.at);
            break;
        }
    }
    // "At 14:05", "Around 14:05", "~14:05".
    let lead = c.at;
    if c.eat_ci("at ") || c.eat_ci("around ") || c.eat_ci("approx. ") || c.eat("~") {
        c.spaces();
        if !c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
            c.at = lead;
        }
    }

    let mut weekday = None;
    let word = c.word();
    if let Some(day) = weekday_of(word) {
        let save = c.at;
        c.at += word.len();
        c.eat(".");
        if c.boundary() {
            weekday = Some(day);
            c.eat(",");
            c.spaces();
        } else {
            c.at = save;
        }
    }

    let date = match date(&mut c, &mut style) {
        Ok(date) => date,
        Err(reason) => return Parsed::Invalid(reason),
    };
    let after_date = c.at;

    // Between a date and a time: spaces, `,`, `T`, `at`, `@`.
    if date.is_some() {
        if c.byte(0) == Some(b'T') && c.byte(1).is_some_and(|b| b.is_ascii_digit()) {
            c.at += 1;
            style.iso_t = true;
        } else {
            c.eat(",");
            c.spaces();
            if c.eat_ci("at ") || c.eat("@") {
                c.spaces();
            }
            c.eat("(");
        }
    }
    let clock = match clock(&mut c, &mut style) {
        Ok(clock) => clock,
        Err(reason) => return Parsed::Invalid(reason),
    };
    if clock.is_none() {
        c.at = after_date;
        style.iso_t = false;
    }
    if date.is_none() && clock.is_none() && weekday.is_none() {
        return Parsed::None;
    }
    // A date without a year needs a time after it when written with numbers only: `3/4 of
    // the fleet` and `10-20 minutes` are not dates.
    if clock.is_none()
        && matches!(style.date, Some(DateStyle::Us | DateStyle::MonthDay))
        && date.is_some_and(|d| d.year.is_none())
    {
        return Parsed::None;
    }

    let mut zone = None;
    if clock.is_some() {
        let iso = date.is_some() && style.iso_t;
        zone = zone_token(&mut c, &mut style, iso);
    }
    // Closing markup.
    loop {
        if c.eat("**") || c.eat("__") || c.eat("]") || c.eat(")") || c.eat("`") || c.eat("_") {
            continue;
        }
        break;
    }
    if !c.boundary() && clock.is_some() {
        return Parsed::None;
    }
    let len = c.at;
    // The separator before the entry's text.
    c.spaces();
    for sep in ["—", "–", "-", ":", "|", ","] {
        if c.eat(sep) {
            break;
        }
    }
    c.spaces();
    Parsed::Stamp(Stamp {
        weekday,
        date,
        clock,
        zone,
        style,
        len,
        text_start: c.at,
    })
}

fn valid_month_day(month: u32, day: u32) -> Result<(i8, i8), String> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(format!("month {month}, day {day} is not a date"));
    }
    Ok((month as i8, day as i8))
}

fn full_date(year: u32, month: u32, day: u32) -> Result<DatePart, String> {
    let (m, d) = valid_month_day(month, day)?;
    let year = i16::try_from(year).map_err(|_| format!("{year} is not a year"))?;
    jiff::civil::Date::new(year, m, d)
        .map_err(|_| format!("{year:04}-{month:02}-{day:02} is not a date"))?;
    Ok(DatePart {
        year: Some(year),
        month: m,
        day: d,
    })
}

/// A date at the cursor. `Ok(None)` and the cursor unmoved when there is none.
fn date(c: &mut Cursor<'_>, style: &mut Style) -> Result<Option<DatePart>, String> {
    let start = c.at;
    // 2026-03-04, 2026/03/04
    if let Some(year) = c.number(4, 4) {
        if let Some(sep) = c.byte(0).filter(|b| matches!(b, b'-' | b'/')) {
            c.at += 1;
            if let Some(month) = c.number(1, 2) {
                if c.byte(0) == Some(sep) {
                    c.at += 1;
                    if let Some(day) = c.number(1, 2) {
                        if c.boundary() || c.byte(0) == Some(b'T') {
                            style.date = Some(DateStyle::Iso);
                            return full_date(year, month, day).map(Some);
                        }
                    }
                }
            }
        }
        c.at = start;
        return Ok(None);
    }
    // 3/4/2026, 3/4/26, 3/4 (US order), 03-04 (month-day)
    if let Some(first) = c.number(1, 2) {
        let after_first = c.at;
        if c.eat("/") {
            if let Some(second) = c.number(1, 2) {
                let year = if c.eat("/") {
                    match c.number(2, 4) {
                        Some(y) if y < 100 => Some(2000 + y),
                        Some(y) if y >= 1000 => Some(y),
                        _ => {
                            c.at = start;
                            return Ok(None);
                        }
                    }
                } else {
                    None
                };
                if c.boundary() {
                    style.date = Some(DateStyle::Us);
                    return match year {
                        Some(y) => full_date(y, first, second).map(Some),
                        None => {
                            let (month, day) = valid_month_day(first, second)?;
                            Ok(Some(DatePart {
                                year: None,
                                month,
                                day,
                            }))
                        }
                    };
                }
            }
        } else if c.byte(0) == Some(b'-')
            && after_first - start == 2
            && c.s.as_bytes()[after_first + 1..]
                .iter()
                .take(2)
                .all(u8::is_ascii_digit)
            && c.s.as_bytes().get(after_first + 3) == Some(&b' ')
            && c.s
                .as_bytes()
                .get(after_first + 4)
                .is_some_and(u8::is_ascii_digit)
        {
            c.at += 1;
            if let Some(day) = c.number(2, 2) {
                style.date = Some(DateStyle::MonthDay);
                let (month, day) = valid_month_day(first, day)?;
                return Ok(Some(DatePart {
                    year: None,
                    month,
                    day,
                }));
            }
        } else {
            // 4 Mar, 4th March 2026
            c.at = after_first;
            for suffix in ["st", "nd", "rd", "th"] {
                if c.eat_ci(suffix) {
                    break;
                }
            }
            let before_space = c.at;
            if c.spaces() > 0 {
                let word = c.word();
                if let Some(month) = month_of(word) {
                    c.at += word.len();
                    c.eat(".");
                    let year = year_after(c);
                    style.date = Some(DateStyle::Words);
                    return done(year, month, first);
                }
            }
            c.at = before_space;
        }
        c.at = start;
        return Ok(None);
    }
    // March 5, Mar. 5th, 2026
    let word = c.word();
    if let Some(month) = month_of(word) {
        c.at += word.len();
        c.eat(".");
        if c.spaces() > 0 {
            if let Some(day) = c.number(1, 2) {
                for suffix in ["st", "nd", "rd", "th"] {
                    if c.eat_ci(suffix) {
                        break;
                    }
                }
                if c.boundary() {
                    let year = year_after(c);
                    style.date = Some(DateStyle::Words);
                    return done(year, month, day);
                }
            }
        }
        c.at = start;
    }
    Ok(None)
}

fn done(year: Option<u32>, month: i8, day: u32) -> Result<Option<DatePart>, String> {
    let month = month as u32;
    match year {
        Some(y) => full_date(y, month, day).map(Some),
        None => {
            let (month, day) = valid_month_day(month, day)?;
            Ok(Some(DatePart {
                year: None,
                month,
                day,
            }))
        }
    }
}

/// `, 2026` or ` 2026` after a day and month.
fn year_after(c: &mut Cursor<'_>) -> Option<u32> {
    let save = c.at;
    c.eat(",");
    c.spaces();
    match c.number(4, 4) {
        Some(y) if c.boundary() && c.byte(0) != Some(b':') => Some(y),
        _ => {
            c.at = save;
            None
        }
    }
}

/// A time at the cursor.
fn clock(c: &mut Cursor<'_>, style: &mut Style) -> Result<Option<Clock>, String> {
    let start = c.at;
    // Unknown: `??:??`, `?:??`, `???`, `XX:XX`.
    let unknown = c
        .rest()
        .bytes()
        .take_while(|b| matches!(b, b'?' | b':'))
        .count();
    if unknown >= 2 && c.rest()[..unknown].contains('?') {
        c.at += unknown;
        return Ok(Some(Clock::Unknown));
    }
    if c.rest().starts_with("XX:XX") || c.rest().starts_with("xx:xx") {
        c.at += 5;
        return Ok(Some(Clock::Unknown));
    }
    let Some(hour) = c.number(1, 2) else {
        return Ok(None);
    };
    let (mut minute, mut second, mut nanosecond) = (0, 0, 0);
    let with_minutes = c.byte(0) == Some(b':') && c.byte(1).is_some_and(|b| b.is_ascii_digit());
    if with_minutes {
        c.at += 1;
        let Some(m) = c.number(2, 2) else {
            c.at = start;
            return Ok(None);
        };
        minute = m;
        if c.byte(0) == Some(b':') && c.byte(1).is_some_and(|b| b.is_ascii_digit()) {
            c.at += 1;
            let Some(s) = c.number(2, 2) else {
                c.at = start;
                return Ok(None);
            };
            second = s;
            style.seconds = true;
            if matches!(c.byte(0), Some(b'.' | b','))
                && c.byte(1).is_some_and(|b| b.is_ascii_digit())
            {
                c.at += 1;
                let digits: String = c
                    .rest()
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .map(char::from)
                    .collect();
                c.at += digits.len();
                let padded = format!("{:0<9}", &digits[..digits.len().min(9)]);
                nanosecond = padded.parse().unwrap_or(0);
            }
        }
    }
    // AM / PM
    let before_meridiem = c.at;
    c.spaces();
    let meridiem = if c.eat_ci("a.m.") || c.eat_ci("am") {
        Some(false)
    } else if c.eat_ci("p.m.") || c.eat_ci("pm") {
        Some(true)
    } else {
        None
    };
    let meridiem = match meridiem {
        Some(pm) if c.boundary() || c.rest().starts_with('.') => Some(pm),
        _ => {
            c.at = before_meridiem;
            None
        }
    };
    if !with_minutes && meridiem.is_none() {
        c.at = start;
        return Ok(None);
    }
    let mut hour = hour;
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&hour) {
            return Err(format!("{hour} is not an hour on a 12-hour clock"));
        }
        style.twelve_hour = true;
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(format!(
            "{}:{minute:02} is not a time of day",
            c.s[start..c.at]
                .split(|ch: char| ch.is_whitespace())
                .next()
                .unwrap_or("")
        ));
    }
    Ok(Some(Clock::At {
        hour: hour as i8,
        minute: minute as i8,
        second: second.min(59) as i8,
        nanosecond,
    }))
}

const IANA_AREAS: [&str; 10] = [
    "Africa/",
    "America/",
    "Antarctica/",
    "Asia/",
    "Atlantic/",
    "Australia/",
    "Europe/",
    "Indian/",
    "Pacific/",
    "Etc/",
];

/// A zone after a time: `Z`, `UTC`, `+01:00`, `(PST)`, `[Europe/Berlin]`, `America/New_York`.
/// The cursor is left where it was when there is none.
fn zone_token(c: &mut Cursor<'_>, style: &mut Style, iso: bool) -> Option<Zone> {
    let start = c.at;
    let spaced = c.spaces() > 0;
    let close = if c.eat("(") {
        Some(")")
    } else if c.eat("[") {
        Some("]")
    } else {
        None
    };
    let token_start = c.at;
    let rest = c.rest();
    let mut found: Option<(usize, Zone)> = None;
    if rest.starts_with(['+', '-', '−']) {
        // `09:00-10:00` is a range, not an offset: only a `+`, a spaced offset or an ISO
        // date-time takes a `-` offset.
        let len = rest
            .char_indices()
            .skip(1)
            .find(|(_, ch)| !(ch.is_ascii_digit() || *ch == ':'))
            .map_or(rest.len(), |(i, _)| i);
        let token = &rest[..len];
        let minus = !token.starts_with('+');
        if !minus || spaced || iso || close.is_some() {
            if let Some(seconds) = zone::offset_seconds(token) {
                if seconds % 900 == 0 {
                    found = zone::offset_zone(seconds, token).map(|z| (len, z));
                }
            }
        }
    } else {
        let len = rest
            .find(|ch: char| {
                !(ch.is_ascii_alphanumeric() || matches!(ch, '/' | '_' | '+' | '-' | ':'))
            })
            .unwrap_or(rest.len());
        let token = rest[..len].trim_end_matches([':', '-']);
        let word_len = token
            .find(|ch: char| !ch.is_ascii_alphabetic())
            .unwrap_or(token.len());
        let word = &token[..word_len];
        if IANA_AREAS.iter().any(|a| token.starts_with(a)) {
            found = zone::named(token).map(|z| (token.len(), z));
        } else if matches!(word, "UTC" | "GMT" | "UT" | "utc" | "gmt")
            && token[word_len..].starts_with(['+', '-'])
        {
            found = zone::offset_seconds(&token.to_ascii_uppercase())
                .and_then(|s| zone::offset_zone(s, token))
                .map(|z| (token.len(), z));
        } else if word_len > 0 {
            let upper = if word.eq_ignore_ascii_case("utc") || word.eq_ignore_ascii_case("gmt") {
                word.to_ascii_uppercase()
            } else {
                word.to_string()
            };
            found = zone::abbreviation(&upper).map(|row| (word_len, row.zone_for(word)));
        }
    }
    let Some((len, zone)) = found else {
        c.at = start;
        return None;
    };
    c.at = token_start + len;
    if let Some(close) = close {
        if !c.eat(close) {
            c.at = start;
            return None;
        }
    }
    if !c.boundary() {
        c.at = start;
        return None;
    }
    style.zone = Some(c.s[token_start..token_start + len].to_string());
    style.zone_attached = !spaced && close.is_none();
    Some(zone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (Option<DatePart>, Option<Clock>, Option<String>, String) {
        match parse(text) {
            Parsed::Stamp(s) => (
                s.date,
                s.clock,
                s.zone.map(|z| z.label),
                text[s.text_start..].to_string(),
            ),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    fn hm(h: i8, m: i8) -> Option<Clock> {
        Some(Clock::At {
            hour: h,
            minute: m,
            second: 0,
            nanosecond: 0,
        })
    }

    fn d(year: Option<i16>, month: i8, day: i8) -> Option<DatePart> {
        Some(DatePart { year, month, day })
    }

    #[test]
    fn every_written_form() {
        assert_eq!(at("14:05 alert"), (None, hm(14, 5), None, "alert".into()));
        assert_eq!(
            at("**14:05 UTC** — alert"),
            (None, hm(14, 5), Some("UTC".into()), "alert".into())
        );
        assert_eq!(
            at("[03-04 14:05] deploy"),
            (d(None, 3, 4), hm(14, 5), None, "deploy".into())
        );
        assert_eq!(
            at("3/4/2026 2:05 PM PST: paged"),
            (
                d(Some(2026), 3, 4),
                hm(14, 5),
                Some("PST".into()),
                "paged".into()
            )
        );
        assert_eq!(
            at("2026-03-04T14:05:33.120+01:00 x").1,
            Some(Clock::At {
                hour: 14,
                minute: 5,
                second: 33,
                nanosecond: 120_000_000
            })
        );
        assert_eq!(at("2026-03-04 14:05Z x").2, Some("Z".into()));
        assert_eq!(at("Wed 4 Mar 14:05 x").0, d(None, 3, 4));
        assert_eq!(at("Thursday, March 5").0, d(None, 3, 5));
        assert_eq!(at("March 5, 2026 - x").0, d(Some(2026), 3, 5));
        assert_eq!(at("??:?? someone noticed").1, Some(Clock::Unknown));
        assert_eq!(at("[???] someone noticed").1, Some(Clock::Unknown));
        assert_eq!(at("At 14:05, the alert fired").1, hm(14, 5));
        assert_eq!(at("12:30 AM x").1, hm(0, 30));
        assert_eq!(
            at("14:05 (America/Los_Angeles) x").2,
            Some("America/Los_Angeles".into())
        );
        assert_eq!(at("14:05 UTC+2 x").2, Some("UTC+2".into()));
        assert_eq!(at("14:05 -08:00 x").2, Some("-08:00".into()));
        // A range and an unknown capital word are not zones.
        assert_eq!(at("09:00-10:00 retries").2, None);
        assert_eq!(at("14:05 API errors").2, None);
        assert_eq!(at("14:05 API errors").3, "API errors");
    }

    #[test]
    fn not_stamps_and_invalid_ones() {
        assert!(matches!(parse("The alert fired"), Parsed::None));
        assert!(matches!(parse("3/4 of the fleet"), Parsed::None));
        assert!(matches!(parse("10-20 minutes later"), Parsed::None));
        assert!(matches!(parse("2026 was a year"), Parsed::None));
        assert!(matches!(parse("14:05abc"), Parsed::None));
        assert!(matches!(parse("Mayday"), Parsed::None));
        assert!(matches!(parse("2026-02-30 14:05 x"), Parsed::Invalid(_)));
        assert!(matches!(parse("25:10 x"), Parsed::Invalid(_)));
        assert!(matches!(parse("13/45/2026 x"), Parsed::Invalid(_)));
        assert!(matches!(parse("13:05 PM x"), Parsed::Invalid(_)));
    }
}
