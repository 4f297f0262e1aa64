//! Merging entries into the Timeline section: each new entry goes before the first entry
//! written later than it, in the document's own entry format, and nothing else changes.
//!
//! The document's entries are read with the timeline reader ([`crate::timeline`]): every
//! shape (list items, table rows, sub-headings, paragraphs), dates carried forward, each
//! entry in its zone. A new entry is written like the last timed entry (its shape, stamp
//! style, zone and the separator before its text), converted to that entry's zone; in a
//! timeline without one, like the built-in template's `- 09:12 UTC: …`, in the document's zone.
//!
//! The same time and text is one entry: an entry already in the document (however it got
//! there) or twice in the import is written once, so a second identical import adds nothing.
//! Entries people wrote are never moved or rewritten. The template's sample entry
//! (`_the first sign of trouble_`) is the one line removed, when entries replace it.

use super::when::to_jiff;
use super::Imported;
use crate::document::Document;
use crate::timeline::{self, EntryFormat, Shape, TimelineSettings};
use jiff::civil::Date;
use jiff::Timestamp;
use std::collections::HashSet;

/// The template's sample entry, which is a prompt and not an entry.
const SAMPLE_ENTRY: &str = "_the first sign of trouble_";

/// The separator the reader's format writes between a stamp and the text.
const READER_SEPARATOR: &str = " — ";

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

/// One entry already in the document.
struct Existing {
    /// Byte offset where its line starts.
    line_start: usize,
    /// Byte offset after its block (nested lines included), line ending included.
    end: usize,
    at: Option<Timestamp>,
    date: Option<Date>,
}

/// How new entries are written: the reader's format, and the separator the document puts
/// between a stamp and the text.
struct Writer {
    format: EntryFormat,
    separator: String,
}

impl Writer {
    fn render(&self, at: Timestamp, text: &str, with_date: bool) -> String {
        let line = self.format.render(at, text, with_date);
        if self.format.shape == Shape::TableRow || self.separator == READER_SEPARATOR {
            return line;
        }
        match line.strip_suffix(&format!("{READER_SEPARATOR}{}", text.trim())) {
            Some(head) => format!("{head}{}{}", self.separator, text.trim()),
            None => line,
        }
    }

    /// The key an entry is known by: its time as written (to the minute, or the second when
    /// the document writes seconds) and its text.
    fn key(&self, at: Timestamp, text: &str) -> (i64, String) {
        let seconds = at.as_second();
        let seconds = if self.format.style.seconds {
            seconds
        } else {
            seconds - seconds.rem_euclid(60)
        };
        (seconds, text.trim().to_string())
    }
}

/// Merges `entries` into the Timeline section of `doc` (parsed with its body). `Err` says why
/// the document cannot take them.
pub fn merge(
    doc: &Document,
    settings: &TimelineSettings,
    entries: &[Imported],
) -> Result<Merged, String> {
    let text = doc.text.as_str();
    let timeline = timeline::read(doc, settings);
    let section = timeline.section.as_ref().ok_or_else(|| {
        "the post-mortem has no Timeline section: add a `## Timeline` heading where the \
         entries should go, and run again"
            .to_string()
    })?;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let writer = writer(&timeline, &settings.zone);
    let zone = &writer.format.zone;
    let started = doc
        .front
        .started
        .as_ref()
        .and_then(|s| s.value.at())
        .and_then(|t| to_jiff(t.to_utc()))
        .map(|t| zone.civil(t).date());

    let mut existing = Vec::new();
    let mut known: HashSet<(i64, String)> = HashSet::new();
    let mut sample: Option<(usize, usize)> = None;
    for entry in &timeline.entries {
        let line_start = text[..entry.span.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = line_end(text, entry.block.end.max(entry.span.end));
        if entry.text.ends_with(SAMPLE_ENTRY) {
            sample = Some((line_start, end));
            continue;
        }
        if let Some(at) = entry.time {
            known.insert(writer.key(at, &entry.description));
        }
        existing.push(Existing {
            line_start,
            end,
            at: entry.time,
            date: entry.date,
        });
    }

    // The new entries, without those already there.
    let mut new: Vec<(Timestamp, String)> = Vec::new();
    let mut already = 0;
    for entry in entries {
        let Some(at) = to_jiff(entry.at) else {
            continue;
        };
        let key = writer.key(at, &entry.text);
        if known.contains(&key) {
            already += 1;
            continue;
        }
        known.insert(key.clone());
        let at = Timestamp::new(key.0, 0).unwrap_or(at);
        new.push((at, entry.text.clone()));
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
        (None, None) => after_content(text, section.content.clone()),
    };
    let offsets: Vec<usize> = new
        .iter()
        .map(|(at, _)| {
            existing
                .iter()
                .find(|e| e.at.is_some_and(|e_at| e_at > *at))
                .map_or(append_at, |e| e.line_start)
        })
        .collect();
    // Dates: an entry on another day than the entry before it carries its date.
    let mut sequence: Vec<(usize, u8, Option<Date>, Option<usize>)> = existing
        .iter()
        .map(|e| (e.line_start, 1, e.at.and(e.date), None))
        .collect();
    for (i, ((at, _), offset)) in new.iter().zip(&offsets).enumerate() {
        sequence.push((*offset, 0, Some(zone.civil(*at).date()), Some(i)));
    }
    sequence.sort_by_key(|(offset, order, _, i)| (*offset, *order, *i));
    let mut carried = started;
    let mut lines = vec![String::new(); new.len()];
    for (_, _, date, insert) in &sequence {
        let Some(date) = date else { continue };
        if let Some(i) = insert {
            let with_date = carried.is_some_and(|d| d != *date);
            lines[*i] = writer.render(new[*i].0, &new[*i].1, with_date);
        }
        carried = Some(*date);
    }

    // The blocks to insert, one per offset, in order.
    let mut blocks: Vec<(usize, String)> = Vec::new();
    for (line, offset) in lines.iter().zip(&offsets) {
        match blocks.last_mut() {
            Some((last, block)) if *last == *offset => {
                block.push_str(line);
                block.push_str(newline);
            }
            _ => blocks.push((*offset, format!("{line}{newline}"))),
        }
    }
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (offset, block) in blocks {
        // At the end of a file without a final newline, or in a section without entries,
        // the block starts on a line of its own.
        let unfinished_end = offset == text.len() && !text.ends_with('\n');
        let empty_section = existing.is_empty() && sample.is_none();
        if unfinished_end || empty_section {
            edits.push((offset, offset, format!("{newline}{block}")));
        } else {
            edits.push((offset, offset, block));
        }
    }
    if let Some((start, end)) = sample {
        // The sample entry goes; when it was alone, the new entries take its place.
        edits.retain(|(offset, _, _)| *offset != end || !existing.is_empty());
        if existing.is_empty() {
            let mut block: String = lines.iter().map(|l| format!("{l}{newline}")).collect();
            if end == text.len() && !text.ends_with('\n') {
                block.truncate(block.trim_end_matches(['\r', '\n']).len());
            }
            edits.push((start, end, block));
        } else {
            edits.push((start, end, String::new()));
        }
    }
    edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut out = text.to_string();
    for (start, end, replacement) in edits {
        out.replace_range(start..end, &replacement);
    }
    Ok(Merged {
        text: out,
        added: lines,
        already,
    })
}

/// The writer of new entries: the format of the last timed entry, with the separator that
/// entry uses; the template's list-item format when there is none.
fn writer(timeline: &timeline::Timeline, zone: &crate::timeline::Zone) -> Writer {
    let Some(format) = timeline.format.clone() else {
        return Writer {
            format: EntryFormat {
                shape: Shape::ListItem,
                style: timeline::Style {
                    zone: Some(zone.label.clone()),
                    ..timeline::Style::default()
                },
                marker: "- ".into(),
                columns: 0,
                time_column: 0,
                zone: zone.clone(),
            },
            separator: ": ".into(),
        };
    };
    let separator = timeline
        .entries
        .iter()
        .rev()
        .find(|e| e.time.is_some())
        .and_then(|e| {
            let stamp = timeline::stamp::parse(&e.text).stamp()?;
            let between = e.text.get(stamp.len..stamp.text_start)?;
            let between = if between.trim().is_empty() {
                " "
            } else {
                between
            };
            Some(between.to_string())
        })
        .unwrap_or_else(|| READER_SEPARATOR.to_string());
    Writer { format, separator }
}

/// After the line holding byte `at - 1` (the end of a block), line ending included.
fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    if at > 0 && text.as_bytes().get(at - 1) == Some(&b'\n') {
        return at;
    }
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// Where a timeline goes in a section without entries: after its last line with text (or
/// after the heading).
fn after_content(text: &str, content: crate::document::Span) -> usize {
    let start = content.start.min(text.len());
    let end = content.end.min(text.len()).max(start);
    let trimmed = text[start..end].trim_end();
    line_end(text, start + trimmed.len())
}
