//! The format-preserving edit (`pm::document::edit::edit_action`) on arbitrary documents and
//! edits. The first bytes choose the edit, the rest is the document:
//!
//! - byte 0: which action (index into the parsed actions, modulo their number);
//! - byte 1: which field (low bits: status, owner, due, title, ticket, reason); bit 7 set
//!   removes the key instead of setting it;
//! - byte 2: length `n` of the value; the next `n` bytes are the value (text: the bytes as
//!   lossy UTF-8; `due`: a date from the first three bytes).
//!
//! What the product promises, asserted here: no panic; when the document parses and the edit
//! succeeds, (a) the result parses and the field reads back as written, (b) only the edited
//! value's bytes differ — or exactly the added/removed key's line(s) — and (c) the Markdown body
//! after the closing `+++` is byte-identical. A failed edit is an `Err`, never a panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use pm::document::edit::{edit_action, FieldValue};
use pm::document::{frontmatter, Action, Document};
use std::ops::Range;

const FIELDS: [&str; 6] = ["status", "owner", "due", "title", "ticket", "reason"];

fuzz_target!(|data: &[u8]| {
    let [which, field, len, rest @ ..] = data else {
        return;
    };
    let len = usize::from(*len).min(rest.len());
    let (value_bytes, doc_bytes) = rest.split_at(len);
    let key = FIELDS[usize::from(field & 0x7f) % FIELDS.len()];
    let remove = field & 0x80 != 0;
    let value = if remove {
        None
    } else if key == "due" {
        let b = |i: usize| u32::from(value_bytes.get(i).copied().unwrap_or(0));
        let days = (b(0) << 16 | b(1) << 8 | b(2)) % 3_652_059 + 1;
        Some(FieldValue::Date(
            NaiveDate::from_num_days_from_ce_opt(days as i32).expect("days in 1..=9999 years"),
        ))
    } else {
        Some(FieldValue::Text(
            String::from_utf8_lossy(value_bytes).into_owned(),
        ))
    };

    let Ok(text) = std::str::from_utf8(doc_bytes) else {
        return;
    };
    let Ok(before) = Document::parse_front_matter(doc_bytes) else {
        return;
    };
    if before.front.actions.is_empty() {
        return;
    }
    let action = &before.front.actions[usize::from(*which) % before.front.actions.len()];
    let Some(id) = action.id.as_ref().map(|s| s.value.clone()) else {
        return;
    };
    let old = old_spans(text, &id, key);

    let Ok(out) = edit_action(text, &id, &[(key, value.clone())]) else {
        return;
    };

    // (a) The result parses and the field reads back as written.
    let after = Document::parse_front_matter(out.as_bytes())
        .unwrap_or_else(|e| panic!("the edited file does not parse: {e}\n{out:?}"));
    let edited = after
        .front
        .actions
        .iter()
        .find(|a| a.id.as_ref().is_some_and(|i| i.value == id))
        .unwrap_or_else(|| panic!("action {id} is gone\n{out:?}"));
    let (read, new_span) = read_back(edited, key);
    assert_eq!(
        read, value,
        "`{key}` of {id} reads back differently\n{out:?}"
    );

    // (b) Only the edited value's bytes, or the added/removed line(s), differ.
    match (&old, &value) {
        (Some((_, old_value)), Some(_)) => {
            let new_value = new_span.expect("a value that reads back has a span");
            let (p, s) = common_ends(text.as_bytes(), out.as_bytes());
            assert!(
                old_value.start <= p && text.len() - s <= old_value.end,
                "bytes outside the old value {old_value:?} changed (differ from {p} to {})\n{text:?}\n{out:?}",
                text.len() - s
            );
            assert!(
                new_value.start <= p && out.len() - s <= new_value.end,
                "bytes outside the new value {new_value:?} changed\n{text:?}\n{out:?}"
            );
        }
        (None, Some(_)) => {
            let new_value = new_span.expect("a value that reads back has a span");
            let lines = lines_of(&out, new_value);
            let mut without = out.clone();
            without.replace_range(lines.clone(), "");
            assert_eq!(
                without, text,
                "adding `{key}` changed more than its line(s) {lines:?}\n{out:?}"
            );
        }
        (Some((key_span, old_value)), None) => {
            let lines = lines_of(text, key_span.start..old_value.end);
            let mut without = text.to_string();
            without.replace_range(lines.clone(), "");
            assert_eq!(
                out, without,
                "removing `{key}` changed more than its line(s) {lines:?}\n{text:?}"
            );
        }
        (None, None) => assert_eq!(out, text, "removing an absent key changed the file"),
    }

    // (c) The Markdown body after the closing `+++` is byte-identical.
    let split_before = frontmatter::split(text).expect("it parsed, so it splits");
    let split_after = frontmatter::split(&out).expect("it parsed, so it splits");
    assert_eq!(
        &text[split_before.close.start..],
        &out[split_after.close.start..],
        "the closing `+++` or the body changed"
    );
});

/// Where `key` of the first action `id` is written (key span, value span, in file offsets),
/// found independently of the edit module by toml_edit.
fn old_spans(text: &str, id: &str, key: &str) -> Option<(Range<usize>, Range<usize>)> {
    let split = frontmatter::split(text).ok()?;
    let doc = toml_edit::Document::parse(&text[split.toml.clone()]).ok()?;
    let toml_edit::Item::ArrayOfTables(array) = doc.as_table().get("actions")? else {
        return None;
    };
    let table = array
        .iter()
        .find(|t| t.get("id").and_then(toml_edit::Item::as_str) == Some(id))?;
    let item = table.get(key)?;
    let at = |r: Range<usize>| split.toml.start + r.start..split.toml.start + r.end;
    Some((at(table.key(key)?.span()?), at(item.span()?)))
}

fn read_back(action: &Action, key: &str) -> (Option<FieldValue>, Option<Range<usize>>) {
    let text = |v: &Option<pm::document::Spanned<String>>| {
        (
            v.as_ref().map(|s| FieldValue::Text(s.value.clone())),
            v.as_ref().map(|s| s.span.clone()),
        )
    };
    match key {
        "status" => text(&action.status),
        "owner" => text(&action.owner),
        "title" => text(&action.title),
        "ticket" => text(&action.ticket),
        "reason" => text(&action.reason),
        "due" => (
            action.due.as_ref().map(|s| FieldValue::Date(s.value)),
            action.due.as_ref().map(|s| s.span.clone()),
        ),
        _ => unreachable!("only the six fields are chosen"),
    }
}

/// Lengths of the common prefix and the common suffix (not overlapping the prefix).
fn common_ends(a: &[u8], b: &[u8]) -> (usize, usize) {
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let max = a.len().min(b.len()) - p;
    let s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max)
        .take_while(|(x, y)| x == y)
        .count();
    (p, s)
}

/// The whole lines (line endings included) that `span` touches.
fn lines_of(text: &str, span: Range<usize>) -> Range<usize> {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let last = span.end.max(span.start + 1).min(text.len()) - 1;
    let end = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
    start..end
}
