//! `timeline/*`: every entry of the Timeline section begins with a time, in order.
//!
//! Entries without a date are placed on the day of the last dated entry (at first, the day the
//! incident started). A backwards jump of more than 12 hours between undated entries is read as
//! crossing midnight; a smaller one is out of order.

use super::RuleId;
use super::{DocContext, Finding};
use chrono::Datelike;

const SECONDS_PER_DAY: i64 = 86_400;
const MIDNIGHT_JUMP: i64 = 12 * 3_600;

pub(crate) fn check(cx: &DocContext<'_>, out: &mut Vec<Finding>) {
    let mut day = cx
        .doc
        .front
        .started
        .as_ref()
        .and_then(|s| s.value.at())
        .map(|t| i64::from(t.date_naive().num_days_from_ce()))
        .unwrap_or(0);
    let mut previous: Option<(i64, &str)> = None;
    for entry in &cx.body.timeline {
        if structure_placeholder(&entry.text) {
            continue;
        }
        let Some(time) = entry.time else {
            out.push(
                Finding::new(
                    RuleId::TimelineMissingTime,
                    entry.span.clone(),
                    "this timeline entry does not begin with a time, so it cannot be placed in the sequence of events",
                )
                .suggest("begin the entry with its time, e.g. `09:12 UTC: …` or `2026-11-26 09:12Z …`"),
            );
            continue;
        };
        let in_day = i64::from(time.minutes) * 60 + i64::from(time.seconds);
        let at = match time.date {
            Some(date) => {
                day = i64::from(date.num_days_from_ce());
                day * SECONDS_PER_DAY + in_day
            }
            None => {
                let mut at = day * SECONDS_PER_DAY + in_day;
                if let Some((before, _)) = previous {
                    if before - at > MIDNIGHT_JUMP {
                        day += 1;
                        at += SECONDS_PER_DAY;
                    }
                }
                at
            }
        };
        if let Some((before, before_text)) = previous {
            if at < before {
                out.push(
                    Finding::new(
                        RuleId::TimelineOutOfOrder,
                        entry.span.clone(),
                        format!(
                            "this entry is earlier than the one before it (`{}`); an ordered timeline shows cause and effect",
                            shorten(before_text)
                        ),
                    )
                    .suggest("move the entry to its place in time, or correct its time (add a date when the incident spans days)"),
                );
            }
        }
        previous = Some((at, &entry.text));
    }
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
