//! Merging entries into the Timeline section: each new entry goes before the first entry
//! written later than it, in the document's own entry format, and nothing else changes.
//!
//! The same time and text is one entry: an entry already in the document (however it got
//! there) or twice in the import is written once, so a second identical import adds nothing.
//! Entries people wrote are never moved or rewritten. The template's sample entry
//! (`_the first sign of trouble_`) is the one line removed, when entries replace it.
//!
//! TO BE REPLACED: the times of the entries already written are read here with the
//! document model's reader (`document::body`: list items and table rows, dates carried
//! forward, times in the document's zone), until the timeline reader of issue 16
//! (`src/timeline/`) with zones and every timeline shape is on this branch.

use super::when::DocZone;
use super::Imported;
use crate::document::Document;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use std::collections::HashSet;
use std::sync::LazyLock;

/// A backwards jump of more than this between undated entries is read as crossing midnight,
/// as the timeline check reads it.
const MIDNIGHT_JUMP: i64 = 12 * 3_600;

/// The template's sample entry, which is a prompt and not an entry.
const SAMPLE_ENTRY: &str = "_the first sign of trouble_";

/// The result of a merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The whole file with the new entries.
    pub text: String,
    /// The lines added, in order, without line endings.
    pub added: Vec<String>,
    /// Entries left out because the document already had them.
    pub already: usize,
}

/// How the document writes its entries, read from one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Style {
    /// `Some(cells)` for a table row with that many cells; `None` for a list item.
    table: Option<usize>,
    /// Before the time: `- `, `* `, `1. `, `- **`.
    lead: String,
    /// Every entry carries its date (else only an entry on another day than the one before).
    always_date: bool,
    seconds: bool,
    /// After the time: ` UTC`, `Z`, or nothing.
    zone: String,
    /// Closing markup after the time: `**`.
    close: String,
    /// Between the time and the text: `: `, ` — `, ` `.
    separator: String,
}

impl Default for Style {
    /// The built-in template's: `- 09:12 UTC: text`.
    fn default() -> Self {
        Style {
            table: None,
            lead: "- ".into(),
            always_date: false,
            seconds: false,
            zone: " UTC".into(),
            close: String::new(),
            separator: ": ".into(),
        }
    }
}

static LIST_ENTRY: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^(?P<lead>\s*(?:[-*+]|\d{1,9}[.)])\s+[*_`\[]*)(?P<date>\d{4}-\d{2}-\d{2}[ T])?(?P<clock>\d{1,2}:\d{2})(?P<sec>:\d{2})?(?P<zone>\s?(?:Z|UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2})\b)?(?P<close>[*_`\]]*)(?P<sep>\s*[:—–-]\s*|\s+)(?P<text>.*)$",
    )
    .expect("the timeline entry pattern is valid")
});

static TABLE_TIME: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^[*_`]*(?P<date>\d{4}-\d{2}-\d{2}[ T])?(?P<clock>\d{1,2}:\d{2})(?P<sec>:\d{2})?(?P<zone>\s?(?:Z|UTC|GMT|[A-Z]{2,4}|[+-]\d{2}:?\d{2}))?[*_`]*$",
    )
    .expect("the timeline entry pattern is valid")
});

/// Splits a table row into its cells (an escaped `\|` stays inside its cell).
fn cells(row: &str) -> Vec<String> {
    let row = row.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    let mut out = vec![String::new()];
    let mut escaped = false;
    for c in row.chars() {
        if c == '|' && !escaped {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Reads the style of an entry's line, and the entry's text after its time.
fn read_line(line: &str) -> Option<(Style, String)> {
    if line.trim_start().starts_with('|') {
        let cells = cells(line);
        let time = TABLE_TIME.captures(cells.first()?)?;
        let style = Style {
            table: Some(cells.len().max(2)),
            lead: String::new(),
            always_date: time.name("date").is_some(),
            seconds: time.name("sec").is_some(),
            zone: time.name("zone").map_or("", |m| m.as_str()).to_string(),
            close: String::new(),
            separator: String::new(),
        };
        return Some((style, cells.get(1).cloned().unwrap_or_default()));
    }
    let m = LIST_ENTRY.captures(line)?;
    let text = |name: &str| m.name(name).map_or("", |m| m.as_str()).to_string();
    let style = Style {
        table: None,
        lead: text("lead"),
        always_date: m.name("date").is_some(),
        seconds: m.name("sec").is_some(),
        zone: text("zone"),
        close: text("close"),
        separator: text("sep"),
    };
    Some((style, text("text").trim().to_string()))
}

impl Style {
    fn render(&self, at: NaiveDateTime, with_date: bool, text: &str) -> String {
        let mut time = String::new();
        if with_date || self.always_date {
            time.push_str(&at.format("%Y-%m-%d ").to_string());
        }
        time.push_str(
            &at.format(if self.seconds { "%H:%M:%S" } else { "%H:%M" })
                .to_string(),
        );
        time.push_str(&self.zone);
        match self.table {
            Some(cells) => {
                let mut row = format!("| {time} | {text} |");
                for _ in 2..cells {
                    row.push_str("  |");
                }
                row
            }
            None => format!("{}{time}{}{}{text}", self.lead, self.close, self.separator),
        }
    }

    /// The time as written: to the minute, or to the second when entries show seconds.
    fn truncate(&self, at: NaiveDateTime) -> NaiveDateTime {
        let at = at.with_nanosecond(0).unwrap_or(at);
        if self.seconds {
            at
        } else {
            at.with_second(0).unwrap_or(at)
        }
    }
}

/// One entry already in the document.
struct Existing {
    /// Byte offset where its line starts.
    line_start: usize,
    /// Byte offset after its last line (its continuation lines included), line ending included.
    end: usize,
    at: Option<NaiveDateTime>,
}

/// Merges `entries` into the Timeline section of `doc` (parsed with its body). `Err` says why
/// the document cannot take them.
pub fn merge(doc: &Document, zone: &DocZone, entries: &[Imported]) -> Result<Merged, String> {
    let text = doc.text.as_str();
    let body = doc
        .body
        .as_ref()
        .ok_or_else(|| "the document's body was not read".to_string())?;
    let section = body
        .timeline_section
        .and_then(|i| body.sections.get(i))
        .ok_or_else(|| {
            "the post-mortem has no Timeline section: add a `## Timeline` heading where the \
             entries should go, and run again"
                .to_string()
        })?;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let started = doc
        .front
        .started
        .as_ref()
        .and_then(|s| s.value.at())
        .map(|t| zone.civil(t.to_utc()));

    let mut existing = Vec::new();
    let mut known: HashSet<(NaiveDateTime, String)> = HashSet::new();
    let mut style: Option<Style> = None;
    let mut sample: Option<(usize, usize)> = None;
    let mut day = started.map(|s| s.date());
    let mut previous: Option<NaiveDateTime> = None;
    for entry in &body.timeline {
        let line_start = text[..entry.span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = entry_end(text, line_start, section.content.end);
        if entry.text.ends_with(SAMPLE_ENTRY) {
            sample = Some((line_start, end));
            continue;
        }
        let line = text[line_start..end].lines().next().unwrap_or("");
        let read = read_line(line);
        let at = entry.time.and_then(|time| {
            let clock = chrono::NaiveTime::from_num_seconds_from_midnight_opt(
                time.minutes * 60 + time.seconds.min(59),
                0,
            )?;
            let mut at = time.date.or(day)?.and_time(clock);
            if time.date.is_none() {
                if let Some(before) = previous {
                    if (before - at).num_seconds() > MIDNIGHT_JUMP {
                        at += chrono::Duration::days(1);
                    }
                }
            }
            day = Some(at.date());
            previous = Some(at);
            Some(at)
        });
        if let (Some(at), Some((entry_style, entry_text))) = (at, &read) {
            known.insert((entry_style.truncate(at), entry_text.clone()));
            style = Some(entry_style.clone());
        }
        existing.push(Existing {
            line_start,
            end,
            at,
        });
    }
    let style = style.unwrap_or_default();

    // The new entries, in the document's zone and precision, without those already there.
    let mut new: Vec<(NaiveDateTime, String)> = Vec::new();
    let mut already = 0;
    for entry in entries {
        let at = style.truncate(zone.civil(entry.at));
        let key = (at, entry.text.clone());
        if known.contains(&key) {
            already += 1;
            continue;
        }
        if !new.contains(&key) {
            new.push(key);
        }
    }
    new.sort();
    if new.is_empty() {
        return Ok(Merged {
            text: text.to_string(),
            added: Vec::new(),
            already,
        });
    }

    // Where each goes: before the first existing entry written later, else after the last.
    let append_at = match (existing.last(), sample) {
        (Some(last), _) => last.end,
        (None, Some((_, end))) => end,
        (None, None) => after_content(text, section),
    };
    let mut inserts: Vec<(usize, NaiveDateTime, String)> = Vec::new();
    for (at, entry_text) in &new {
        let offset = existing
            .iter()
            .find(|e| e.at.is_some_and(|e_at| e_at > *at))
            .map_or(append_at, |e| e.line_start);
        inserts.push((offset, *at, entry_text.clone()));
    }
    // Dates: an entry on another day than the entry before it carries its date.
    let mut sequence: Vec<(usize, u8, Option<NaiveDateTime>, Option<usize>)> = existing
        .iter()
        .map(|e| (e.line_start, 1, e.at, None))
        .collect();
    for (i, (offset, at, _)) in inserts.iter().enumerate() {
        sequence.push((*offset, 0, Some(*at), Some(i)));
    }
    sequence.sort_by_key(|(offset, order, at, i)| (*offset, *order, *at, *i));
    let mut carried: Option<NaiveDate> = started.map(|s| s.date());
    let mut lines: Vec<String> = vec![String::new(); inserts.len()];
    for (_, _, at, insert) in &sequence {
        let Some(at) = at else { continue };
        if let Some(i) = insert {
            let with_date = carried.is_some_and(|d| d != at.date());
            lines[*i] = style.render(*at, with_date, &inserts[*i].2);
        }
        carried = Some(at.date());
    }

    // Apply the insertions (and the sample entry's removal), back to front.
    let mut out = text.to_string();
    let mut by_offset: Vec<(usize, String)> = Vec::new();
    for (i, (offset, _, _)) in inserts.iter().enumerate() {
        match by_offset.last_mut() {
            Some((last, block)) if *last == *offset => {
                block.push_str(&lines[i]);
                block.push_str(newline);
            }
            _ => by_offset.push((*offset, format!("{}{newline}", lines[i]))),
        }
    }
    let mut edits: Vec<(usize, usize, String)> = by_offset
        .into_iter()
        .map(|(offset, block)| {
            // At the end of a file without a final newline, the block starts a new line.
            // At the end of a file without a final newline, or in a section without entries,
            // the block starts on a line of its own.
            let at_unfinished_end = offset == text.len() && !text.ends_with('\n');
            if at_unfinished_end || (existing.is_empty() && sample.is_none()) {
                (offset, offset, format!("{newline}{block}"))
            } else {
                (offset, offset, block)
            }
        })
        .collect();
    if let Some((start, end)) = sample {
        if existing.is_empty() {
            // The new entries take the sample's place.
            edits.retain(|(offset, _, _)| *offset != end);
            let block: String = lines.iter().map(|l| format!("{l}{newline}")).collect();
            let block = if end == text.len() && !text.ends_with('\n') {
                block.trim_end_matches(['\r', '\n']).to_string()
            } else {
                block
            };
            edits.push((start, end, block));
        } else {
            edits.push((start, end, String::new()));
        }
    }
    edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    for (start, end, replacement) in edits {
        out.replace_range(start..end, &replacement);
    }
    Ok(Merged {
        text: out,
        added: lines,
        already,
    })
}

/// The end of the entry whose line starts at `line_start`: after its line and the indented
/// continuation lines below it, line ending included.
fn entry_end(text: &str, line_start: usize, limit: usize) -> usize {
    let line_end = |from: usize| text[from..].find('\n').map_or(text.len(), |i| from + i + 1);
    let mut end = line_end(line_start);
    while end < limit.min(text.len()) {
        let next = &text[end..line_end(end)];
        let blank = next.trim().is_empty();
        if blank || !next.starts_with([' ', '\t']) {
            break;
        }
        end = line_end(end);
    }
    end
}

/// Where a timeline goes in a section without entries: after its last line with text (or
/// after the heading).
fn after_content(text: &str, section: &crate::document::body::Section) -> usize {
    let content = &text[section.content.start.min(text.len())..section.content.end.min(text.len())];
    let trimmed = content.trim_end();
    let end = section.content.start + trimmed.len();
    // Past the end of that line.
    text[end..].find('\n').map_or(text.len(), |i| end + i + 1)
}
