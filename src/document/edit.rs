//! Format-preserving edits of the front matter.
//!
//! toml_edit finds where each value is in the TOML text and writes new values (quoting and
//! escaping them); the edit then replaces exactly those bytes in the file. Everything else —
//! comments, key order, alignment, blank lines, CRLF line endings, a BOM and the whole Markdown
//! body — keeps its bytes. Every edit is read back and checked before it is returned.

use super::frontmatter::{self, Action};
use super::Document;
use chrono::NaiveDate;
use std::ops::Range;
use toml_edit::{Document as TomlDocument, Item, Table};

/// A value to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(String),
    Date(NaiveDate),
}

impl FieldValue {
    /// The TOML text of the value, quoted and escaped by toml_edit.
    fn to_toml(&self) -> String {
        match self {
            FieldValue::Text(s) => toml_edit::Value::from(s.as_str()).to_string(),
            FieldValue::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// Why an edit could not be made; the message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EditError(pub String);

fn err(message: impl Into<String>) -> EditError {
    EditError(message.into())
}

/// One change to an action: set a key to a value, or remove the key (`None`).
pub type FieldChange<'a> = (&'a str, Option<FieldValue>);

/// Where the front matter is, parsed by toml_edit with spans.
struct Located<'t> {
    text: &'t str,
    /// Offset of the TOML text in the file.
    offset: usize,
    toml: TomlDocument<&'t str>,
    newline: &'static str,
}

fn locate(text: &str) -> Result<Located<'_>, EditError> {
    let split = frontmatter::split(text).map_err(|_| {
        err("the file has no `+++` front matter to edit: it must begin with a line `+++`")
    })?;
    let toml_text = &text[split.toml.clone()];
    let toml = TomlDocument::parse(toml_text).map_err(|e| {
        err(format!(
            "the front matter is not valid TOML: {}",
            e.message().trim()
        ))
    })?;
    let newline = if text[..split.body_start].contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Ok(Located {
        text,
        offset: split.toml.start,
        toml,
        newline,
    })
}

/// The byte range of the whole line holding `at` (line ending included).
fn line_of(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    start..end
}

/// Sets and removes keys of the action with ID `action_id`. Returns the new file text.
pub fn edit_action(
    text: &str,
    action_id: &str,
    changes: &[FieldChange<'_>],
) -> Result<String, EditError> {
    let located = locate(text)?;
    let root = located.toml.as_table();
    let table = find_action_table(root, action_id)?;
    let offset = located.offset;
    let span = |r: Option<Range<usize>>, what: &str| {
        r.map(|r| offset + r.start..offset + r.end)
            .ok_or_else(|| err(format!("cannot find where `{what}` is written in the file")))
    };
    // Edits as (range to replace, replacement); insertions are empty ranges.
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (key, value) in changes {
        let existing = table.get(key);
        match (existing, value) {
            (Some(item), Some(value)) => {
                let r = span(item.span(), key)?;
                edits.push((r, value.to_toml()));
            }
            (Some(item), None) => {
                let key_span = span(table.key(key).and_then(|k| k.span()), key)?;
                let value_span = span(item.span(), key)?;
                // A multi-line value (`"""`, an array over lines) ends on a later line than
                // its key: the lines from the key's through the value's last one go together.
                let line = line_of(text, key_span.start);
                let last = line_of(text, value_span.end.saturating_sub(1).max(key_span.start));
                let line = line.start..last.end;
                let before = &text[line.start..key_span.start];
                let after = text[value_span.end..line.end].trim();
                if !before.trim().is_empty() || !(after.is_empty() || after.starts_with('#')) {
                    return Err(err(format!(
                        "`{key}` of {action_id} shares its line with other TOML; remove it by hand"
                    )));
                }
                edits.push((line, String::new()));
            }
            (None, Some(value)) => {
                let (at, line) = insertion_point(&located, table, key)?;
                edits.push((at..at, format_line(text, line, key, value, located.newline)));
            }
            (None, None) => {}
        }
    }
    let mut out = text.to_string();
    // Apply from the end so earlier offsets stay valid; insertions at one place keep their order.
    let mut ordered: Vec<(usize, &(Range<usize>, String))> = edits.iter().enumerate().collect();
    ordered.sort_by(|(i, a), (j, b)| b.0.start.cmp(&a.0.start).then(j.cmp(i)));
    for (_, (range, replacement)) in ordered {
        out.replace_range(range.clone(), replacement);
    }
    verify(&out, action_id, changes)?;
    Ok(out)
}

fn find_action_table<'a>(root: &'a Table, action_id: &str) -> Result<&'a Table, EditError> {
    match root.get("actions") {
        Some(Item::ArrayOfTables(array)) => array
            .iter()
            .find(|t| t.get("id").and_then(Item::as_str) == Some(action_id))
            .ok_or_else(|| err(format!("there is no action item `{action_id}`"))),
        Some(_) => Err(err(
            "the action items are written as an inline array (`actions = [...]`); pm edits \
             `[[actions]]` tables only: change it by hand",
        )),
        None => Err(err(format!("there is no action item `{action_id}`"))),
    }
}

/// Where a new key goes: after the `status` line for `closed` and `reason`, else after the
/// action's last key. Returns the insertion offset and the range of the line it follows.
fn insertion_point(
    located: &Located<'_>,
    table: &Table,
    key: &str,
) -> Result<(usize, Range<usize>), EditError> {
    let offset = located.offset;
    let anchor = if matches!(key, "closed" | "reason") {
        table
            .get("closed")
            .filter(|_| key == "reason")
            .or_else(|| table.get("status"))
            .and_then(Item::span)
    } else {
        None
    };
    let anchor = anchor.or_else(|| {
        table
            .iter()
            .filter_map(|(_, item)| item.span())
            .max_by_key(|r| r.end)
    });
    let Some(anchor) = anchor else {
        return Err(err(
            "the action item has no keys to place the new one beside",
        ));
    };
    let line = line_of(
        located.text,
        offset + anchor.end.saturating_sub(1).max(anchor.start),
    );
    if !located.text[line.clone()].ends_with('\n') {
        return Err(err("cannot add a line after the last line of the file"));
    }
    Ok((line.end, line))
}

/// A `key = value` line in the style of `like` (its indentation and `=` alignment).
fn format_line(
    text: &str,
    like: Range<usize>,
    key: &str,
    value: &FieldValue,
    newline: &str,
) -> String {
    let line = text[like].trim_end_matches(['\r', '\n']);
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let key_width = line
        .find('=')
        .map(|eq| line[..eq].trim_end().chars().count())
        .unwrap_or(0);
    let eq_column = line.find('=').unwrap_or(0);
    let padded_width = eq_column.saturating_sub(indent.len());
    // Keep the alignment when the model line pads its key; a single space otherwise.
    let key_text = if padded_width > key_width + 1 && key.len() < padded_width {
        format!("{key:<w$}", w = padded_width)
    } else {
        format!("{key} ")
    };
    format!("{indent}{key_text}= {}{newline}", value.to_toml())
}

fn verify(out: &str, action_id: &str, changes: &[FieldChange<'_>]) -> Result<(), EditError> {
    let doc = Document::parse_front_matter(out.as_bytes()).map_err(|e| {
        err(format!(
            "the edit would break the file ({e}); nothing was written"
        ))
    })?;
    let action = doc
        .front
        .actions
        .iter()
        .find(|a| a.id.as_ref().is_some_and(|i| i.value == action_id))
        .ok_or_else(|| {
            err(format!(
                "the edit lost action {action_id}; nothing was written"
            ))
        })?;
    for (key, value) in changes {
        if read_back(action, key) != *value {
            return Err(err(format!(
                "`{key}` of {action_id} did not read back as written; nothing was written"
            )));
        }
    }
    Ok(())
}

fn read_back(action: &Action, key: &str) -> Option<FieldValue> {
    let text =
        |v: &Option<super::Spanned<String>>| v.as_ref().map(|s| FieldValue::Text(s.value.clone()));
    let date =
        |v: &Option<super::Spanned<NaiveDate>>| v.as_ref().map(|s| FieldValue::Date(s.value));
    match key {
        "id" => text(&action.id),
        "title" => text(&action.title),
        "owner" => text(&action.owner),
        "status" => text(&action.status),
        "kind" => text(&action.kind),
        "priority" => text(&action.priority),
        "ticket" => text(&action.ticket),
        "reason" => text(&action.reason),
        "due" => date(&action.due),
        "closed" => date(&action.closed),
        "created" => date(&action.created),
        _ => None,
    }
}

/// Appends a new `[[actions]]` table at the end of the front matter, in the style of the last
/// existing one (blank line before the header, `=` alignment, key order). Returns the new text.
pub fn append_action(text: &str, fields: &[(&str, FieldValue)]) -> Result<String, EditError> {
    let located = locate(text)?;
    let split = frontmatter::split(text).map_err(|_| err("the file has no front matter"))?;
    let root = located.toml.as_table();
    let last = match root.get("actions") {
        Some(Item::ArrayOfTables(array)) => array.iter().last(),
        Some(_) => {
            return Err(err(
                "the action items are written as an inline array (`actions = [...]`); pm adds \
                 `[[actions]]` tables only: add it by hand",
            ))
        }
        None => None,
    };
    let nl = located.newline;
    let mut blank_before = true;
    let mut key_width = 0;
    let mut order: Vec<String> = Vec::new();
    if let Some(last) = last {
        if let Some(header) = last.span() {
            let start = located.offset + header.start;
            let before = text[..start].trim_end_matches([' ', '\t']);
            blank_before = before.ends_with("\n\n") || before.ends_with("\r\n\r\n");
        }
        // Alignment: the `=` column of the existing lines, when they all share one.
        let mut columns = Vec::new();
        for (key, item) in last.iter() {
            order.push(key.to_string());
            if let Some(r) = item.span() {
                let line = line_of(text, located.offset + r.start);
                let line_text = &text[line];
                if let Some(eq) = line_text.find('=') {
                    columns.push((eq, line_text[..eq].trim_end().len()));
                }
            }
        }
        if let Some((first, _)) = columns.first() {
            let shared = columns.iter().all(|(c, _)| c == first);
            let padded = columns.iter().any(|(c, w)| *c > w + 1);
            if shared && padded {
                key_width = *first;
            }
        }
    }
    let mut keys: Vec<&str> = order
        .iter()
        .map(String::as_str)
        .filter(|k| fields.iter().any(|(f, _)| f == k))
        .collect();
    for (key, _) in fields {
        if !keys.contains(key) {
            keys.push(key);
        }
    }
    let mut table = String::new();
    let toml_end = split.toml.end;
    let preceding = &text[..toml_end];
    let ends_blank = preceding.ends_with("\n\n")
        || preceding.ends_with("\r\n\r\n")
        || toml_end == split.toml.start;
    if blank_before && !ends_blank {
        table.push_str(nl);
    }
    table.push_str("[[actions]]");
    table.push_str(nl);
    for key in keys {
        let Some((_, value)) = fields.iter().find(|(k, _)| *k == key) else {
            continue;
        };
        let key_text = if key_width > key.len() {
            format!("{key:<key_width$}")
        } else {
            format!("{key} ")
        };
        table.push_str(&format!("{key_text}= {}{nl}", value.to_toml()));
    }
    let mut out = text.to_string();
    out.insert_str(toml_end, &table);
    let id = fields
        .iter()
        .find(|(k, _)| *k == "id")
        .and_then(|(_, v)| match v {
            FieldValue::Text(s) => Some(s.clone()),
            FieldValue::Date(_) => None,
        })
        .ok_or_else(|| err("a new action item needs an id"))?;
    let changes: Vec<FieldChange<'_>> = fields.iter().map(|(k, v)| (*k, Some(v.clone()))).collect();
    verify(&out, &id, &changes)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\u{feff}+++\r\nid = \"x\"   # the ID\r\ntitle = \"X\"\r\n\r\n[[actions]]\r\nid     = \"A1\"\r\ntitle  = \"Alert on saturation\" # keep\r\nstatus = \"open\"\r\ndue    = 2026-03-01\r\n+++\r\n\r\n# X\r\nstatus = \"open\"\r\n";

    #[test]
    fn setting_a_value_changes_only_its_bytes() {
        let out = edit_action(
            DOC,
            "A1",
            &[("status", Some(FieldValue::Text("in-progress".into())))],
        )
        .expect("edits");
        assert_eq!(
            out,
            DOC.replacen("status = \"open\"", "status = \"in-progress\"", 1)
        );
    }

    #[test]
    fn closing_adds_a_line_in_the_same_style_and_reopening_removes_it() {
        let closed = edit_action(
            DOC,
            "A1",
            &[
                ("status", Some(FieldValue::Text("done".into()))),
                (
                    "closed",
                    Some(FieldValue::Date(
                        NaiveDate::from_ymd_opt(2026, 3, 5).expect("date"),
                    )),
                ),
            ],
        )
        .expect("edits");
        assert!(
            closed.contains("status = \"done\"\r\nclosed = 2026-03-05\r\ndue    = 2026-03-01\r\n"),
            "{closed:?}"
        );
        let reopened = edit_action(
            &closed,
            "A1",
            &[
                ("status", Some(FieldValue::Text("open".into()))),
                ("closed", None),
            ],
        )
        .expect("edits");
        assert_eq!(reopened, DOC);
    }

    #[test]
    fn awkward_text_is_escaped_and_reads_back() {
        let title = "Say \"no\" to 'quotes'\nand a second line — ünïcödé \\ #";
        let out = edit_action(
            DOC,
            "A1",
            &[("title", Some(FieldValue::Text(title.into())))],
        )
        .expect("edits");
        let doc = Document::parse_front_matter(out.as_bytes()).expect("parses");
        assert_eq!(
            doc.front.actions[0]
                .title
                .as_ref()
                .map(|t| t.value.as_str()),
            Some(title)
        );
        assert!(out.contains("# keep"), "{out}");
    }

    #[test]
    fn appending_follows_the_existing_style() {
        let out = append_action(
            DOC,
            &[
                ("id", FieldValue::Text("A2".into())),
                ("title", FieldValue::Text("Runbook".into())),
                ("status", FieldValue::Text("open".into())),
                ("owner", FieldValue::Text("sam@example.com".into())),
            ],
        )
        .expect("appends");
        assert!(
            out.contains("due    = 2026-03-01\r\n\r\n[[actions]]\r\nid     = \"A2\"\r\ntitle  = \"Runbook\"\r\nstatus = \"open\"\r\nowner  = \"sam@example.com\"\r\n+++\r\n"),
            "{out:?}"
        );
    }

    /// Found by running the `action_edit` fuzz target on a hand-made input
    /// (`tests/data/hostile/fuzz-regressions/action_edit-remove-multiline-value.md`): removing a
    /// key whose value spans lines sliced past the key's line and panicked.
    #[test]
    fn removing_a_multi_line_value_removes_all_its_lines() {
        let doc = "+++\nid = \"x\"\n\n[[actions]]\nid = \"A1\"\nreason = \"\"\"\nwhy\n\"\"\" # c\nstatus = \"open\"\n+++\nbody\n";
        let out = edit_action(doc, "A1", &[("reason", None)]).expect("edits");
        assert_eq!(
            out,
            "+++\nid = \"x\"\n\n[[actions]]\nid = \"A1\"\nstatus = \"open\"\n+++\nbody\n"
        );
        let shared = "+++\n[[actions]]\nid = \"A1\"\nreason = [\n\"a\"] ; x = 1\n+++\n";
        assert!(edit_action(shared, "A1", &[("reason", None)]).is_err());
    }

    #[test]
    fn an_unknown_action_is_an_error() {
        assert!(edit_action(
            DOC,
            "A9",
            &[("status", Some(FieldValue::Text("done".into())))]
        )
        .is_err());
    }
}
