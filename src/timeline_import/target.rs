//! The post-mortem `pm timeline add|import` writes into: read whole, its zone, the times the
//! command line gives read in that zone, and the merged text written back only if the file
//! still has the bytes that were read (the caller holds the edit lock).

use super::merge::{self, Merged};
use super::{when, Imported, Window};
use crate::config::Located;
use crate::document::{Document, ParseOptions};
use crate::error::{Error, Result};
use crate::listing::{find_entry, input_error};
use crate::repository::{self, Entry};
use crate::timeline::TimelineSettings;
use chrono::{DateTime, Utc};

/// A post-mortem read whole (front matter and body), for a merge.
#[derive(Debug)]
pub struct TimelineTarget {
    pub entry: Entry,
    bytes: Vec<u8>,
    doc: Document,
    settings: TimelineSettings,
}

impl TimelineTarget {
    /// Reads the one post-mortem `id` (an ID, or a unique part of one) names.
    ///
    /// Errors: no or several post-mortems match; the file cannot be read or parsed (the
    /// error names its line and column and points to `pm check`).
    pub fn read(located: &Located, id: &str) -> Result<TimelineTarget> {
        let entry = find_entry(located, id)?;
        let bytes = repository::read(&entry.path).map_err(|e| Error::input(&entry.display, e))?;
        let options = ParseOptions {
            timeline_section: &located.config.document.timeline_section,
        };
        let hint = format!(" (`pm check {}` shows every problem)", entry.display);
        let doc = Document::parse(&bytes, &options).map_err(|e| input_error(&entry, &e, &hint))?;
        let settings = TimelineSettings::from_config(&located.config);
        Ok(TimelineTarget {
            entry,
            bytes,
            doc,
            settings,
        })
    }

    /// The zone times written without one are read in: the document's (pm.toml
    /// `[document] timezone`).
    pub fn zone(&self) -> when::DocZone {
        when::DocZone::new(self.settings.zone.clone())
    }

    /// `pm timeline add`'s entry: `time` is `09:12` (on the day the incident started, in the
    /// document's zone), `2026-03-04 09:12` or a full timestamp, with or without a zone;
    /// `text` becomes one line.
    ///
    /// Errors (usage): a time pm cannot read, a bare time when `started` is missing, an empty
    /// text.
    pub fn entry(&self, time: &str, text: &str) -> Result<Imported> {
        let zone = self.zone();
        let started = self
            .doc
            .front
            .started
            .as_ref()
            .and_then(|s| s.value.at())
            .and_then(|t| zone.civil(t.to_utc()))
            .map(|t| t.date());
        let day = started.unwrap_or_default();
        let at = when::parse_entry_time(time, day, &zone)
            .filter(|_| started.is_some() || time.contains('-'))
            .ok_or_else(|| {
                Error::usage(format!(
                    "cannot read the time `{time}`: write `09:12` (on the day the incident \
                     started; needs `started` in the front matter), `2026-03-04 09:12` or \
                     `2026-03-04T09:12:00Z`"
                ))
            })?;
        let text = super::one_line(text);
        if text.is_empty() {
            return Err(Error::usage("the entry's TEXT is empty"));
        }
        Ok(Imported { at, text })
    }

    /// The window an import takes entries from: `since` and `until` (a date or a time, read
    /// in the document's zone; a date `until` means the end of that day) where given, else
    /// the post-mortem's default ([`Window::of`]).
    ///
    /// Errors (usage): a bound pm cannot read.
    pub fn window(&self, since: Option<&str>, until: Option<&str>) -> Result<Window> {
        let zone = self.zone();
        let mut window = Window::of(&self.doc.front);
        if let Some(since) = since {
            window.since = Some(bound(since, &zone, false)?);
        }
        if let Some(until) = until {
            window.until = Some(bound(until, &zone, true)?);
        }
        Ok(window)
    }

    /// The file with `entries` merged into its Timeline section (not written).
    ///
    /// Errors (input, naming the file): the document cannot take them (no Timeline section).
    pub fn merge(&self, entries: &[Imported]) -> Result<Merged> {
        merge::merge(&self.doc, &self.settings, entries)
            .map_err(|why| Error::input(&self.entry.display, why))
    }

    /// Writes `merged` over the file, unless the file changed since it was read.
    pub fn write(&self, merged: &Merged) -> Result<()> {
        crate::writing::replace_in_place_if_unchanged(
            &self.entry.path,
            &self.entry.display,
            &self.bytes,
            &merged.text,
        )
    }
}

fn bound(text: &str, zone: &when::DocZone, end_of_day: bool) -> Result<DateTime<Utc>> {
    when::parse_bound(text, zone, end_of_day).ok_or_else(|| {
        Error::usage(format!(
            "cannot read the time `{text}`: write a date (2026-03-04) or a time \
             (2026-03-04 22:05 UTC, 2026-03-04T22:05:00Z)"
        ))
    })
}

/// `--match`: the regular expression, or a usage error saying why it is not one.
pub fn pattern(text: &str) -> Result<regex::Regex> {
    regex::Regex::new(text)
        .map_err(|e| Error::usage(format!("--match `{text}` is not a regular expression: {e}")))
}
