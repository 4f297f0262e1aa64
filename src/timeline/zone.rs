//! Time zones of timeline entries: IANA names and offsets through jiff (with the IANA data
//! bundled, so every machine reads a timeline alike), and pm's own table of abbreviations.
//!
//! No crate parses abbreviations such as `PST` or `CST`, and rightly: `CST` is Central, China
//! and Cuba time. pm reads them through [`ABBREVIATIONS`], an explicit table documented in
//! docs/CHECKS.md ("Time zones"). An abbreviation is a **fixed offset** (`PST` is UTC−08:00 even
//! in July, as RFC 5322 reads it), never a guessed wall clock; when it contradicts the calendar
//! of its reference zone, the reader warns.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone, TimeZoneDatabase};
use jiff::Timestamp;
use std::sync::LazyLock;

static DATABASE: LazyLock<TimeZoneDatabase> = LazyLock::new(TimeZoneDatabase::bundled);

/// A zone entries are read in, and how it was written.
#[derive(Debug, Clone)]
pub struct Zone {
    pub tz: TimeZone,
    /// How the zone is shown: the abbreviation or offset as written, or the IANA name.
    pub label: String,
    /// The abbreviation-table row this zone came from, for the calendar check.
    pub abbreviation: Option<&'static Abbreviation>,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Self) -> bool {
        self.label == other.label
    }
}

impl Zone {
    /// UTC.
    pub fn utc() -> Zone {
        Zone {
            tz: TimeZone::UTC,
            label: "UTC".into(),
            abbreviation: None,
        }
    }

    /// A zone as pm.toml's `[document] timezone` or a written token gives it: an IANA name
    /// (`Europe/Berlin`, any case), `UTC`/`Z`/`GMT`, an offset (`+01:00`, `-0800`, `UTC+2`), or
    /// an abbreviation from the table. `None` when it is none of these.
    pub fn parse(text: &str) -> Option<Zone> {
        let text = text.trim();
        if let Some(seconds) = offset_seconds(text) {
            return fixed(seconds, text.to_string(), None);
        }
        if let Some(row) = abbreviation(text) {
            return Some(row.zone());
        }
        named(text)
    }

    /// The instant of a civil date and time in this zone. A time in a daylight-saving gap or
    /// fold is read as jiff's "compatible" choice (the later offset in a gap, the earlier in a
    /// fold), the rule RFC 5545 and Temporal use.
    pub fn instant(&self, civil: DateTime) -> Option<Timestamp> {
        self.tz.to_ambiguous_timestamp(civil).compatible().ok()
    }

    /// The civil date and time of an instant in this zone.
    pub fn civil(&self, at: Timestamp) -> DateTime {
        self.tz.to_datetime(at)
    }
}

/// A zone by IANA name (`America/Los_Angeles`, case-insensitive).
pub fn named(name: &str) -> Option<Zone> {
    if name.is_empty() || !name.contains('/') && !name.eq_ignore_ascii_case("UTC") {
        return None;
    }
    let tz = DATABASE.get(name).ok()?;
    let label = tz.iana_name().unwrap_or(name).to_string();
    Some(Zone {
        tz,
        label,
        abbreviation: None,
    })
}

/// A fixed-offset zone labelled as written (`+01:00`, `UTC+2`).
pub fn offset_zone(seconds: i32, label: &str) -> Option<Zone> {
    fixed(seconds, label.to_string(), None)
}

fn fixed(seconds: i32, label: String, row: Option<&'static Abbreviation>) -> Option<Zone> {
    let offset = Offset::from_seconds(seconds).ok()?;
    Some(Zone {
        tz: TimeZone::fixed(offset),
        label,
        abbreviation: row,
    })
}

/// Seconds east of UTC of an offset token: `Z`, `UTC`, `GMT`, `UT`, `+01:00`, `+0100`, `-08`,
/// `UTC+2`, `UTC-05:30`, `GMT+5:30`.
pub fn offset_seconds(text: &str) -> Option<i32> {
    if text == "Z" {
        return Some(0);
    }
    let (prefixed, rest) = match ["UTC", "GMT", "UT"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
    {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if rest.is_empty() {
        return prefixed.then_some(0);
    }
    let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
        (-1, d)
    } else {
        return None;
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 => (&digits[..2], &digits[2..]),
        None => (digits, "0"),
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    // A bare `+5` is not an offset people write; `UTC+5` is.
    if !prefixed && hours.len() != 2 {
        return None;
    }
    let (h, m): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

/// One row of the abbreviation table.
#[derive(Debug)]
pub struct Abbreviation {
    pub token: &'static str,
    /// Seconds east of UTC. Ignored for the wall-clock names (`ET`, `PT`, …).
    pub offset: i32,
    /// The IANA zone whose calendar the token is checked against (a `PST` in July is reported),
    /// or, for a wall-clock name, the zone it stands for.
    pub reference: Option<&'static str>,
    /// Reported only when the reference zone uses a *different* abbreviation at that instant
    /// and the token is a daylight-saving form (`CDT` in winter), because the standard form is
    /// kept all year somewhere (Arizona's MST, Saskatchewan's CST).
    pub daylight_form_only: bool,
    /// A wall-clock name (`ET`): read in the reference zone, daylight saving applied.
    pub wall_clock: bool,
    /// Another reading of the token that the table did not choose, for the ambiguity warning.
    pub other_meaning: Option<&'static str>,
}

impl Abbreviation {
    /// The zone of this row, labelled as written (`utc` → `UTC` is still read as UTC).
    pub fn zone_for(&'static self, written: &str) -> Zone {
        Zone {
            label: written.to_string(),
            ..self.zone()
        }
    }

    fn zone(&'static self) -> Zone {
        if self.wall_clock {
            if let Some(zone) = self.reference.and_then(named) {
                return Zone {
                    label: self.token.to_string(),
                    abbreviation: Some(self),
                    ..zone
                };
            }
        }
        let offset = Offset::from_seconds(self.offset).unwrap_or(Offset::UTC);
        Zone {
            tz: TimeZone::fixed(offset),
            label: self.token.to_string(),
            abbreviation: Some(self),
        }
    }
}

macro_rules! abbreviations {
    ($( $token:literal $h:literal : $m:literal, $reference:expr, $daylight:literal, $wall:literal, $other:expr; )*) => {
        /// The abbreviation table (docs/CHECKS.md, "Time zones", shows it with its reasons).
        pub static ABBREVIATIONS: &[Abbreviation] = &[
            $( Abbreviation {
                token: $token,
                offset: $h * 3600 + if $h < 0 { -$m * 60 } else { $m * 60 },
                reference: $reference,
                daylight_form_only: $daylight,
                wall_clock: $wall,
                other_meaning: $other,
            }, )*
        ];
    };
}

abbreviations! {
    "UTC" 0:0, None, false, false, None;
    "GMT" 0:0, None, false, false, None;
    "UT" 0:0, None, false, false, None;
    "Z" 0:0, None, false, false, None;
    "EST" -5:0, Some("America/New_York"), false, false, None;
    "EDT" -4:0, Some("America/New_York"), false, false, None;
    "CST" -6:0, Some("America/Chicago"), true, false, Some("China Standard Time (UTC+08:00) or Cuba (UTC−05:00)");
    "CDT" -5:0, Some("America/Chicago"), true, false, None;
    "MST" -7:0, Some("America/Denver"), true, false, None;
    "MDT" -6:0, Some("America/Denver"), true, false, None;
    "PST" -8:0, Some("America/Los_Angeles"), false, false, None;
    "PDT" -7:0, Some("America/Los_Angeles"), false, false, None;
    "AKST" -9:0, Some("America/Anchorage"), false, false, None;
    "AKDT" -8:0, Some("America/Anchorage"), false, false, None;
    "HST" -10:0, None, false, false, None;
    "AST" -4:0, Some("America/Halifax"), true, false, None;
    "ADT" -3:0, Some("America/Halifax"), true, false, None;
    "NST" -3:30, Some("America/St_Johns"), false, false, None;
    "NDT" -2:30, Some("America/St_Johns"), false, false, None;
    "WET" 0:0, Some("Europe/Lisbon"), false, false, None;
    "WEST" 1:0, Some("Europe/Lisbon"), false, false, None;
    "CET" 1:0, Some("Europe/Paris"), false, false, None;
    "CEST" 2:0, Some("Europe/Paris"), false, false, None;
    "EET" 2:0, Some("Europe/Athens"), false, false, None;
    "EEST" 3:0, Some("Europe/Athens"), false, false, None;
    "BST" 1:0, Some("Europe/London"), false, false, None;
    "IST" 5:30, None, false, false, Some("Israel Standard Time (UTC+02:00) or Irish Standard Time (UTC+01:00)");
    "IDT" 3:0, Some("Asia/Jerusalem"), false, false, None;
    "MSK" 3:0, None, false, false, None;
    "SAST" 2:0, None, false, false, None;
    "CAT" 2:0, None, false, false, None;
    "WAT" 1:0, None, false, false, None;
    "EAT" 3:0, None, false, false, None;
    "PKT" 5:0, None, false, false, None;
    "WIB" 7:0, None, false, false, None;
    "WITA" 8:0, None, false, false, None;
    "WIT" 9:0, None, false, false, None;
    "HKT" 8:0, None, false, false, None;
    "JST" 9:0, None, false, false, None;
    "KST" 9:0, None, false, false, None;
    "AWST" 8:0, None, false, false, None;
    "ACST" 9:30, Some("Australia/Adelaide"), true, false, None;
    "ACDT" 10:30, Some("Australia/Adelaide"), true, false, None;
    "AEST" 10:0, Some("Australia/Sydney"), true, false, None;
    "AEDT" 11:0, Some("Australia/Sydney"), true, false, None;
    "NZST" 12:0, Some("Pacific/Auckland"), false, false, None;
    "NZDT" 13:0, Some("Pacific/Auckland"), false, false, None;
    "ChST" 10:0, None, false, false, None;
    "SGT" 8:0, None, false, false, None;
    "MYT" 8:0, None, false, false, None;
    "PHT" 8:0, None, false, false, None;
    "ICT" 7:0, None, false, false, None;
    "GST" 4:0, None, false, false, None;
    "SST" -11:0, None, false, false, None;
    "ET" 0:0, Some("America/New_York"), false, true, None;
    "CT" 0:0, Some("America/Chicago"), false, true, None;
    "MT" 0:0, Some("America/Denver"), false, true, None;
    "PT" 0:0, Some("America/Los_Angeles"), false, true, None;
}

/// The table row of an abbreviation (case-sensitive: `ist` in prose is not a zone).
pub fn abbreviation(token: &str) -> Option<&'static Abbreviation> {
    ABBREVIATIONS.iter().find(|a| a.token == token)
}

/// What is wrong with an abbreviation at an instant, if anything: the reference zone used
/// another abbreviation then (`PST` in July), or the token has another common meaning that the
/// document's own zone did not settle (`CST`, `IST`).
pub fn abbreviation_problem(
    row: &Abbreviation,
    at: Timestamp,
    document_zone: &Zone,
) -> Option<String> {
    if row.wall_clock {
        return None;
    }
    if let Some(other) = row.other_meaning {
        // The document's zone settles it when it uses the token itself at that instant.
        if document_zone.tz.to_offset_info(at).abbreviation() == row.token {
            return None;
        }
        return Some(format!(
            "`{}` is read as UTC{}, but it also means {other}; write an offset or set `[document] timezone` to the zone you mean",
            row.token,
            offset_label(row.offset)
        ));
    }
    let reference = row.reference.and_then(named)?;
    let info = reference.tz.to_offset_info(at);
    let used = info.abbreviation();
    if used == row.token || info.offset().seconds() == row.offset {
        return None;
    }
    let daylight_written = row.offset > reference.tz.to_offset(at).seconds();
    if row.daylight_form_only && !daylight_written {
        return None;
    }
    let date = reference.tz.to_datetime(at).date();
    Some(format!(
        "`{}` is UTC{}; on {date} {} used {used} (UTC{})",
        row.token,
        offset_label(row.offset),
        reference.label,
        offset_label(info.offset().seconds())
    ))
}

/// `+08:00`, `−05:30` (with a true minus sign, as in prose).
pub fn offset_label(seconds: i32) -> String {
    let sign = if seconds < 0 { '−' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn offsets_names_and_abbreviations() {
        assert_eq!(offset_seconds("Z"), Some(0));
        assert_eq!(offset_seconds("UTC"), Some(0));
        assert_eq!(offset_seconds("+01:00"), Some(3600));
        assert_eq!(offset_seconds("-0800"), Some(-8 * 3600));
        assert_eq!(offset_seconds("-08"), Some(-8 * 3600));
        assert_eq!(offset_seconds("UTC+2"), Some(7200));
        assert_eq!(offset_seconds("GMT+5:30"), Some(19800));
        assert_eq!(offset_seconds("+5"), None);
        assert_eq!(offset_seconds("ABC"), None);
        assert_eq!(offset_seconds("+25:00"), None);
        assert_eq!(
            Zone::parse("america/new_york").map(|z| z.label),
            Some("America/New_York".into())
        );
        assert_eq!(Zone::parse("PST").map(|z| z.label), Some("PST".into()));
        assert!(Zone::parse("Mars/Olympus").is_none());
        assert!(Zone::parse("pst").is_none());
    }

    #[test]
    fn pst_in_july_and_ambiguous_abbreviations() {
        let utc = Zone::utc();
        let pst = abbreviation("PST").expect("row");
        let july = ts("2026-07-14T21:05:00Z");
        let message = abbreviation_problem(pst, july, &utc).expect("mismatch");
        assert!(message.contains("PDT"), "{message}");
        assert!(abbreviation_problem(pst, ts("2026-01-14T21:05:00Z"), &utc).is_none());
        // Arizona keeps MST all year: only the daylight form is checked out of season.
        let mst = abbreviation("MST").expect("row");
        assert!(abbreviation_problem(mst, july, &utc).is_none());
        let mdt = abbreviation("MDT").expect("row");
        assert!(abbreviation_problem(mdt, ts("2026-01-14T21:05:00Z"), &utc).is_some());
        // CST is ambiguous unless the document's zone uses it.
        let cst = abbreviation("CST").expect("row");
        assert!(abbreviation_problem(cst, july, &utc).is_some());
        let shanghai = Zone::parse("Asia/Shanghai").expect("zone");
        assert!(abbreviation_problem(cst, july, &shanghai).is_none());
    }

    #[test]
    fn daylight_saving_gaps_and_folds_read_the_compatible_way() {
        let la = Zone::parse("America/Los_Angeles").expect("zone");
        let gap = la
            .instant(jiff::civil::date(2026, 3, 8).at(2, 30, 0, 0))
            .expect("instant");
        assert_eq!(gap.to_string(), "2026-03-08T10:30:00Z");
        let fold = la
            .instant(jiff::civil::date(2026, 11, 1).at(1, 30, 0, 0))
            .expect("instant");
        assert_eq!(fold.to_string(), "2026-11-01T08:30:00Z");
    }
}
