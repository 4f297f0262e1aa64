//! `timeline/*`: the Timeline section's entries, read by [`crate::timeline`] in every shape
//! (list items, table rows, dated sub-headings, paragraphs), each placed in time and in order.
//!
//! Ordering compares instants, so entries in different zones compare correctly; an entry
//! without a date is on the date carried from the one before (a midnight roll-over is
//! inferred by the reader), a date-only entry compares by its date, and unknown times
//! (`??:??`) are skipped.

use super::RuleId;
use super::{DocContext, Finding};
use crate::timeline::{self, EntryKind, Shape, WarningKind};

pub(crate) fn check(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let read = cx.timeline;
    for warning in &read.warnings {
        let rule = match warning.kind {
            WarningKind::Unparseable => RuleId::TimelineUnparseableTime,
            WarningKind::AmbiguousRollover => RuleId::TimelineAmbiguousRollover,
            WarningKind::ZoneAbbreviation => RuleId::TimelineZoneAbbreviation,
        };
        out.push(
            Finding::new(rule, warning.span.clone(), warning.message.clone())
                .suggest(warning.suggestion.clone()),
        );
    }
    let mut previous: Option<&timeline::Entry> = None;
    for entry in &read.entries {
        if structure_placeholder(&entry.text) {
            continue;
        }
        match entry.kind {
            EntryKind::Missing => {
                if matches!(entry.shape, Shape::ListItem | Shape::TableRow) {
                    out.push(
                        Finding::new(
                            RuleId::TimelineMissingTime,
                            entry.span.clone(),
                            "this timeline entry does not begin with a time, so it cannot be placed in the sequence of events",
                        )
                        .suggest("begin the entry with its time, e.g. `09:12 UTC: …` or `2026-11-26 09:12Z …`"),
                    );
                }
                continue;
            }
            EntryKind::Invalid | EntryKind::UnknownTime => continue,
            EntryKind::DateOnly => {
                if let (Some(before), Some(date)) = (previous, entry.date) {
                    if before.date.is_some_and(|d| date < d) {
                        out.push(out_of_order(entry, before, None));
                    }
                }
                previous = Some(entry);
                continue;
            }
            EntryKind::Timed => {}
        }
        let Some(at) = entry.order else { continue };
        if let Some(before) = previous {
            let earlier = match before.kind {
                EntryKind::Timed => before.order.is_some_and(|b| at < b),
                _ => before.date.zip(entry.date).is_some_and(|(b, d)| d < b),
            };
            if earlier {
                let kept_date = before.kind == EntryKind::Timed
                    && entry.date_written
                    && entry.date.is_some()
                    && entry.date == before.date
                    && before.order.is_some_and(|b| b - at > 12 * 3600);
                out.push(out_of_order(entry, before, Some(kept_date)));
            }
        }
        previous = Some(entry);
    }
}

fn out_of_order(
    entry: &timeline::Entry,
    before: &timeline::Entry,
    kept_date: Option<bool>,
) -> Finding {
    let message = format!(
        "this entry is earlier than the one before it (`{}`); an ordered timeline shows cause and effect",
        shorten(&before.text)
    );
    let suggestion = if kept_date == Some(true) {
        let next = entry
            .date
            .and_then(|d| d.tomorrow().ok())
            .map_or_else(|| "the next day".to_string(), |d| d.to_string());
        format!("the date looks kept from before midnight: if this happened after midnight, write {next}")
    } else {
        "move the entry to its place in time, or correct its time (add a date when the incident spans days)".to_string()
    };
    Finding::new(RuleId::TimelineOutOfOrder, entry.span.clone(), message).suggest(suggestion)
}

/// The template's sample entry is reported as an empty section, not as a timeline entry.
fn structure_placeholder(text: &str) -> bool {
    text.ends_with("_the first sign of trouble_")
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}
