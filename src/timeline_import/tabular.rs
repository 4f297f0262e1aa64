//! `--from csv` and `--from jsonl`: rows of `time,text[,source]`, the generic shape alerting
//! and paging tools export. Both are read row by row: a file of any size needs the memory of
//! one row plus the entries inside the window.

use super::{one_line, when, Imported, Problems, Request};
use crate::error::{Error, Result};
use std::io::{BufRead, Read};
use std::path::Path;

/// Longest JSONL line read; a longer one is a bad row, not an allocation of its size.
const MAX_LINE: usize = 1024 * 1024;

/// Builds an entry from a row's cells, or says what is wrong with the row.
fn entry(
    time: &str,
    text: &str,
    source: Option<&str>,
    request: &Request,
) -> std::result::Result<Option<Imported>, String> {
    if time.trim().is_empty() {
        return Err("the row has no time".into());
    }
    let at = when::parse(time, &request.zone).ok_or_else(|| {
        format!(
            "cannot read the time `{}`: write RFC 3339 (2026-03-04T22:05:00Z), \
             `2026-03-04 22:05 UTC`, or epoch seconds or milliseconds",
            time.trim()
        )
    })?;
    let text = one_line(text);
    if text.is_empty() {
        return Err("the row has no text".into());
    }
    let text = match source.map(one_line).filter(|s| !s.is_empty()) {
        Some(source) => format!("{source}: {text}"),
        None => text,
    };
    let keep = request.window.contains(at)
        && request
            .pattern
            .as_ref()
            .is_none_or(|pattern| pattern.is_match(&text));
    Ok(keep.then_some(Imported { at, text }))
}

/// Reads a CSV file. A header row naming `time` and `text` (and optionally `source`) may say
/// which columns hold what; without one, the columns are time, text, source in that order.
pub fn read_csv(
    path: &Path,
    request: &Request,
    problems: &mut Problems,
    out: &mut Vec<Imported>,
) -> Result<()> {
    let display = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| Error::input(&display, e.to_string()))?;
    let mut columns: Option<(usize, usize, Option<usize>)> = None;
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                let why = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "the row is not UTF-8 text".to_string(),
                    _ => e.to_string(),
                };
                problems.bad(&display, Some(line), why)?;
                continue;
            }
        }
        let line = record.position().map_or(line, |p| p.line());
        let (time, text, source) = match columns {
            Some(columns) => columns,
            None => {
                let first = record.get(0).unwrap_or("");
                let found = if when::parse(first, &request.zone).is_some() {
                    (0, 1, Some(2))
                } else {
                    let named = |name: &str| {
                        record
                            .iter()
                            .position(|cell| cell.eq_ignore_ascii_case(name))
                    };
                    match (named("time"), named("text")) {
                        (Some(time), Some(text)) => {
                            columns = Some((time, text, named("source")));
                            continue;
                        }
                        _ => {
                            return Err(Error::input(
                                format!("{display}:{line}"),
                                "the first row is neither a header naming `time` and `text` \
                                 columns nor a row beginning with a time",
                            ))
                        }
                    }
                };
                columns = Some(found);
                found
            }
        };
        let cell = |i: usize| record.get(i).unwrap_or("");
        match entry(cell(time), cell(text), source.map(cell), request) {
            Ok(Some(entry)) => out.push(entry),
            Ok(None) => {}
            Err(why) => problems.bad(&display, Some(line), why)?,
        }
    }
    Ok(())
}

/// One JSONL row: `{"time": "…" | epoch number, "text": "…", "source": "…"}`; other keys are
/// ignored.
#[derive(serde::Deserialize)]
struct Row {
    time: Option<serde_json::Value>,
    text: Option<String>,
    source: Option<String>,
}

/// Reads a JSONL file (one JSON object per line), line by line.
pub fn read_jsonl(
    path: &Path,
    request: &Request,
    problems: &mut Problems,
    out: &mut Vec<Imported>,
) -> Result<()> {
    let display = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = std::io::BufReader::new(file);
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        let read = (&mut reader)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(path, e))?;
        if read == 0 {
            break;
        }
        line += 1;
        if buf.len() > MAX_LINE && !buf.ends_with(b"\n") {
            problems.bad(
                &display,
                Some(line),
                format!("the line is longer than {} MB", MAX_LINE / (1024 * 1024)),
            )?;
            // Skip the rest of the long line.
            loop {
                buf.clear();
                let n = (&mut reader)
                    .take(MAX_LINE as u64)
                    .read_until(b'\n', &mut buf)
                    .map_err(|e| Error::io(path, e))?;
                if n == 0 || buf.ends_with(b"\n") {
                    break;
                }
            }
            continue;
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row: Row = match serde_json::from_slice(&buf) {
            Ok(row) => row,
            Err(e) => {
                problems.bad(&display, Some(line), format!("invalid JSON: {e}"))?;
                continue;
            }
        };
        let time = match &row.time {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => String::new(),
        };
        let text = row.text.unwrap_or_default();
        match entry(&time, &text, row.source.as_deref(), request) {
            Ok(Some(entry)) => out.push(entry),
            Ok(None) => {}
            Err(why) => problems.bad(&display, Some(line), why)?,
        }
    }
    Ok(())
}
