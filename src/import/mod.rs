//! `pm import`: an existing Markdown post-mortem converted into pm's format.
//!
//! Sources come in three kinds: YAML front matter between `---` lines (Jekyll, Hugo, MkDocs;
//! read with serde-saphyr, never by hand), TOML front matter between `+++` lines (Hugo, Zola),
//! and plain documents whose metadata are lines such as `**Date:** 2026-03-04` or
//! `Severity: SEV2` between the title heading and the first section (exports from docs tools).
//!
//! What [`convert`] does:
//!
//! - **Fields**: each source key is matched (ignoring case and punctuation) against
//!   [`FIELD_NAMES`]; a match fills the pm field, anything else is kept under `[imported]` and
//!   reported as [`Unmapped`].
//! - **ID**: the incident's date (`started`, or `date`) and the title's slug, as `pm new` makes
//!   it.
//! - **Sections**: headings that name a section by an alias (`RCA`, `Follow-ups`, `Recovery`)
//!   are renamed to the section's name; level-1 headings after the title become level 2.
//! - **Action items**: in the Action Items section, checkbox list items and table rows (with
//!   owner, due, status and ticket columns) become `[[actions]]`; inline metadata such as
//!   `(owner: @kim, due 2026-04-01)` is read from the text. The original text stays in the body.
//!
//! Nothing is written here: the command writes what this returns.

use crate::config::Config;
use crate::document::id;
use crate::templates::toml_escape;
use crate::timeline::{stamp, Zone};
use std::collections::BTreeMap;

/// A field of the source that pm could not map: kept under `[imported]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmapped {
    pub field: String,
    /// 1-based line in the source.
    pub line: usize,
    pub reason: String,
}

/// A converted post-mortem.
#[derive(Debug, Clone)]
pub struct Converted {
    pub id: String,
    pub title: String,
    /// The year folder the file goes in.
    pub year: String,
    /// The whole new file.
    pub text: String,
    pub unmapped: Vec<Unmapped>,
    /// Number of action items read into `[[actions]]`.
    pub actions: usize,
}

/// pm's fields and the source keys that mean them (matched by [`crate::document::sections::key`]).
pub const FIELD_NAMES: &[(&str, &[&str])] = &[
    ("title", &["title", "name", "incident", "incident title"]),
    (
        "started",
        &[
            "started",
            "start",
            "start time",
            "started at",
            "incident start",
            "date",
            "incident date",
            "occurred",
            "when",
        ],
    ),
    (
        "detected",
        &["detected", "detected at", "detection time", "detection"],
    ),
    (
        "mitigated",
        &["mitigated", "mitigated at", "mitigation time"],
    ),
    (
        "resolved",
        &[
            "resolved",
            "resolved at",
            "end",
            "ended",
            "end time",
            "resolution time",
        ],
    ),
    (
        "severity",
        &["severity", "sev", "severity level", "impact level"],
    ),
    ("status", &["status", "state", "review status"]),
    (
        "services",
        &[
            "services",
            "service",
            "systems",
            "components",
            "affected services",
            "affected systems",
        ],
    ),
    (
        "authors",
        &["authors", "author", "written by", "owners", "owner", "by"],
    ),
    (
        "facilitator",
        &["facilitator", "incident commander", "ic", "review lead"],
    ),
    ("participants", &["participants", "attendees", "responders"]),
    (
        "tickets",
        &[
            "tickets",
            "ticket",
            "jira",
            "issue",
            "issues",
            "incident id",
        ],
    ),
    (
        "review_meeting",
        &["review meeting", "review date", "reviewed on"],
    ),
    ("followup_review", &["followup review", "follow up review"]),
    (
        "impact.summary",
        &["impact", "customer impact", "impact summary"],
    ),
    (
        "impact.users_affected",
        &["users affected", "customers affected", "affected users"],
    ),
];

/// A source field: its key as written, its value, its line.
#[derive(Debug, Clone)]
struct Field {
    key: String,
    value: serde_json::Value,
    line: usize,
}

/// Converts one source. `Err` says why it cannot be imported (nothing is written then).
pub fn convert(source: &str, config: &Config) -> Result<Converted, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (fields, body, body_line) = split(source)?;
    let zone = Zone::parse(&config.document.timezone).unwrap_or_else(Zone::utc);
    let mut unmapped = Vec::new();
    let mut mapped: BTreeMap<&'static str, (serde_json::Value, usize)> = BTreeMap::new();
    let mut imported = toml::Table::new();

    // Plain metadata lines (`**Date:** …`) count as fields too.
    let (plain_fields, body) = plain_metadata(&body, body_line);
    for field in fields.into_iter().chain(plain_fields) {
        let key = crate::document::sections::key(&field.key);
        let target = FIELD_NAMES.iter().find_map(|(name, keys)| {
            keys.iter()
                .any(|k| crate::document::sections::key(k) == key)
                .then_some(*name)
        });
        match target {
            Some(name) if !mapped.contains_key(name) && !field.value.is_null() => {
                mapped.insert(name, (field.value, field.line));
            }
            _ => {
                keep(
                    &mut imported,
                    &mut unmapped,
                    &field,
                    "pm has no such field; kept under [imported]",
                );
            }
        }
    }

    let title_heading = first_heading(&body);
    let title = match mapped.get("title").and_then(|(v, _)| text_of(v)) {
        Some(t) => t,
        None => title_heading
            .clone()
            .ok_or("no title: add a `# Title` heading or a `title:` field")?,
    };
    let title = crate::templates::clean_title(&title);

    let mut stamps: BTreeMap<&str, String> = BTreeMap::new();
    for name in ["started", "detected", "mitigated", "resolved"] {
        let Some((value, line)) = mapped.get(name) else {
            continue;
        };
        match text_of(value).and_then(|t| instant(&t, &zone)) {
            Some(stamp) => {
                stamps.insert(name, stamp);
            }
            None => keep(
                &mut imported,
                &mut unmapped,
                &Field {
                    key: name.to_string(),
                    value: value.clone(),
                    line: *line,
                },
                "not a date or time pm can read; kept under [imported]",
            ),
        }
    }
    let started = stamps
        .get("started")
        .cloned()
        .ok_or("no incident date: add a `date:` field or a `**Date:** 2026-03-04` line")?;
    let date = chrono::NaiveDate::parse_from_str(&started[..10], "%Y-%m-%d")
        .map_err(|_| "the incident date is not a date".to_string())?;
    let slug = id::slug(&title);
    if slug.is_empty() {
        return Err(format!(
            "the title `{title}` has no letters or digits to make an ID from"
        ));
    }
    let new_id = id::make_id(date, &slug);

    let severity = match mapped.get("severity") {
        Some((value, line)) => match text_of(value).and_then(|s| severity_of(&s, config)) {
            Some(s) => s,
            None => {
                keep(
                    &mut imported,
                    &mut unmapped,
                    &Field {
                        key: "severity".into(),
                        value: value.clone(),
                        line: *line,
                    },
                    &format!(
                        "not one of {}; kept under [imported], severity set to {}",
                        config.document.severities.join(", "),
                        config.new.severity
                    ),
                );
                config.new.severity.clone()
            }
        },
        None => config.new.severity.clone(),
    };
    let status = mapped
        .get("status")
        .and_then(|(v, _)| text_of(v))
        .map_or("draft", |s| status_of(&s));

    let (body, actions) = rewrite_body(&body, &title, title_heading.is_some(), config);

    let mut out = String::from("+++\n");
    let mut line = |key: &str, value: String| out.push_str(&format!("{key} = {value}\n"));
    let quoted = |s: &str| format!("\"{}\"", toml_escape(s));
    line("id", quoted(&new_id));
    line("title", quoted(&title));
    line("status", quoted(status));
    line("severity", quoted(&severity));
    for name in ["services", "authors", "participants", "tickets"] {
        if let Some((value, _)) = mapped.get(name) {
            let items = list_of(value);
            if !items.is_empty() {
                let items: Vec<String> = items.iter().map(|i| quoted(i)).collect();
                line(name, format!("[{}]", items.join(", ")));
            }
        }
    }
    if let Some(f) = mapped.get("facilitator").and_then(|(v, _)| text_of(v)) {
        line("facilitator", quoted(f.trim_start_matches('@')));
    }
    for name in ["started", "detected", "mitigated", "resolved"] {
        if let Some(stamp) = stamps.get(name) {
            line(name, stamp.clone());
        }
    }
    for name in ["review_meeting", "followup_review"] {
        if let Some((value, line_no)) = mapped.get(name) {
            match text_of(value).and_then(|t| date_of(&t)) {
                Some(d) => line(name, d),
                None => keep(
                    &mut imported,
                    &mut unmapped,
                    &Field {
                        key: name.to_string(),
                        value: value.clone(),
                        line: *line_no,
                    },
                    "not a date pm can read; kept under [imported]",
                ),
            }
        }
    }
    let impact_summary = mapped.get("impact.summary").and_then(|(v, _)| text_of(v));
    let users = mapped.get("impact.users_affected").and_then(|(v, _)| {
        v.as_i64()
            .or_else(|| text_of(v)?.replace(',', "").parse().ok())
    });
    if impact_summary.is_some() || users.is_some() {
        out.push_str("\n[impact]\n");
        if let Some(summary) = impact_summary {
            out.push_str(&format!("summary = {}\n", quoted(&summary)));
        }
        if let Some(users) = users {
            out.push_str(&format!("users_affected = {users}\n"));
        }
    }
    for (index, action) in actions.iter().enumerate() {
        out.push_str(&format!("\n[[actions]]\nid = \"A{}\"\n", index + 1));
        out.push_str(&format!("title = {}\n", quoted(&action.title)));
        if let Some(owner) = &action.owner {
            out.push_str(&format!("owner = {}\n", quoted(owner)));
        }
        if let Some(due) = &action.due {
            out.push_str(&format!("due = {due}\n"));
        }
        out.push_str(&format!("status = \"{}\"\n", action.status));
        if action.status == "wont-do" {
            out.push_str("reason = \"imported as not done\"\n");
        }
        if let Some(ticket) = &action.ticket {
            out.push_str(&format!("ticket = {}\n", quoted(ticket)));
        }
    }
    if !imported.is_empty() {
        let mut wrapper = toml::Table::new();
        wrapper.insert("imported".into(), toml::Value::Table(imported));
        match toml::to_string(&wrapper) {
            Ok(text) => {
                out.push_str("\n# Fields of the source pm has no place for.\n");
                out.push_str(&text);
            }
            Err(e) => return Err(format!("cannot write the unmapped fields: {e}")),
        }
    }
    out.push_str("+++\n\n");
    out.push_str(body.trim_start_matches('\n'));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(Converted {
        year: new_id[..4].to_string(),
        id: new_id,
        title,
        text: out,
        unmapped,
        actions: actions.len(),
    })
}

fn keep(imported: &mut toml::Table, unmapped: &mut Vec<Unmapped>, field: &Field, reason: &str) {
    let key = field.key.trim().to_string();
    if let Some(value) = to_toml(&field.value) {
        imported.insert(key.clone(), value);
    }
    unmapped.push(Unmapped {
        field: key,
        line: field.line,
        reason: reason.to_string(),
    });
}

fn to_toml(value: &serde_json::Value) -> Option<toml::Value> {
    use serde_json::Value as J;
    Some(match value {
        J::Null => return None,
        J::Bool(b) => toml::Value::Boolean(*b),
        J::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64()?),
        },
        J::String(s) => toml::Value::String(s.clone()),
        J::Array(items) => toml::Value::Array(items.iter().filter_map(to_toml).collect()),
        J::Object(map) => toml::Value::Table(
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), to_toml(v)?)))
                .collect(),
        ),
    })
}

fn text_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Array(items) => items.first().and_then(text_of),
        _ => None,
    }
}

fn list_of(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::Array(items) => items.iter().filter_map(text_of).collect(),
        other => text_of(other)
            .map(|s| {
                s.split([',', ';'])
                    .map(|p| p.trim().trim_start_matches('@').to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// An instant as TOML wants it (`2026-03-04T14:05:00-08:00`) from what a source writes: RFC
/// 3339, `2026-03-04 14:05 PST`, `March 4, 2026`, `3/4/2026 2:05 PM`. A date alone is midnight
/// and a time without a zone is in `[document] timezone`.
pub fn instant(text: &str, zone: &Zone) -> Option<String> {
    let stamp = stamp::parse(text.trim()).stamp()?;
    let date = stamp.date?;
    let year = date.year?;
    let (hour, minute, second) = match stamp.clock {
        Some(stamp::Clock::At {
            hour,
            minute,
            second,
            ..
        }) => (hour, minute, second),
        _ => (0, 0, 0),
    };
    let civil = jiff::civil::Date::new(year, date.month, date.day)
        .ok()?
        .at(hour, minute, second, 0);
    let zone = stamp.zone.unwrap_or_else(|| zone.clone());
    let at = zone.instant(civil)?;
    let offset = zone.tz.to_offset(at);
    let seconds = offset.seconds();
    let offset = if seconds == 0 {
        "Z".to_string()
    } else {
        let sign = if seconds < 0 { '-' } else { '+' };
        let s = seconds.unsigned_abs();
        format!("{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
    };
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{offset}",
        civil.year(),
        civil.month(),
        civil.day(),
        civil.hour(),
        civil.minute(),
        civil.second()
    ))
}

fn date_of(text: &str) -> Option<String> {
    let stamp = stamp::parse(text.trim()).stamp()?;
    let date = stamp.date?;
    let d = jiff::civil::Date::new(date.year?, date.month, date.day).ok()?;
    Some(d.to_string())
}

fn severity_of(value: &str, config: &Config) -> Option<String> {
    let key = crate::document::sections::key(value);
    let levels = &config.document.severities;
    if let Some(level) = levels
        .iter()
        .find(|l| crate::document::sections::key(l) == key)
    {
        return Some(level.clone());
    }
    // `1`, `Sev 1`, `P1`: the number of a level.
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    levels
        .iter()
        .find(|l| l.chars().filter(char::is_ascii_digit).collect::<String>() == digits)
        .cloned()
}

fn status_of(value: &str) -> &'static str {
    match crate::document::sections::key(value).as_str() {
        "inreview" | "review" | "underreview" | "reviewing" => "in-review",
        "reviewed" | "published" | "final" | "complete" | "completed" | "done" | "approved" => {
            "reviewed"
        }
        "closed" | "archived" => "closed",
        _ => "draft",
    }
}

/// Splits front matter from the body: `(fields, body, 1-based line where the body starts)`.
fn split(source: &str) -> Result<(Vec<Field>, String, usize), String> {
    let first = source.lines().next().unwrap_or("").trim_end();
    let fence = match first {
        "---" => "---",
        "+++" => "+++",
        _ => return Ok((Vec::new(), source.to_string(), 1)),
    };
    let mut offset = source.find('\n').map_or(source.len(), |i| i + 1);
    let start = offset;
    let mut line_no = 1;
    for line in source[start..].split_inclusive('\n') {
        line_no += 1;
        let trimmed = line.trim_end();
        if trimmed == fence || (fence == "---" && trimmed == "...") {
            let inner = &source[start..offset];
            let body = source[offset + line.len()..].to_string();
            let fields = if fence == "---" {
                yaml_fields(inner)?
            } else {
                toml_fields(inner)?
            };
            return Ok((fields, body, line_no + 1));
        }
        offset += line.len();
    }
    Err(format!(
        "the front matter opened with `{fence}` on line 1 is never closed"
    ))
}

fn yaml_fields(text: &str) -> Result<Vec<Field>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let map: BTreeMap<String, serde_saphyr::Spanned<serde_json::Value>> =
        serde_saphyr::from_str(text).map_err(|e| {
            let message = e.to_string();
            format!(
                "the YAML front matter cannot be read: {}",
                message.lines().next().unwrap_or("")
            )
        })?;
    let mut fields: Vec<Field> = map
        .into_iter()
        .map(|(key, spanned)| Field {
            key,
            line: usize::try_from(spanned.referenced.line()).unwrap_or(0) + 1,
            value: spanned.value,
        })
        .collect();
    fields.sort_by_key(|f| f.line);
    Ok(fields)
}

fn toml_fields(text: &str) -> Result<Vec<Field>, String> {
    let table: toml::Table = toml::from_str(text)
        .map_err(|e| format!("the TOML front matter cannot be read: {}", e.message()))?;
    let mut fields = Vec::new();
    for (key, value) in table {
        let line = text
            .lines()
            .position(|l| {
                let l = l.trim_start();
                l.starts_with(&key) && l[key.len()..].trim_start().starts_with('=')
                    || l == format!("[{key}]")
            })
            .map_or(1, |i| i + 2);
        if key == "impact" {
            if let toml::Value::Table(impact) = &value {
                for (k, v) in impact {
                    fields.push(Field {
                        key: format!("impact {k}"),
                        value: toml_to_json(v),
                        line,
                    });
                }
                continue;
            }
        }
        fields.push(Field {
            key,
            value: toml_to_json(&value),
            line,
        });
    }
    fields.sort_by_key(|f| f.line);
    Ok(fields)
}

fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => J::from(*f),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// `**Date:** 2026-03-04`, `- Severity: SEV2`, `Authors: kim, lee` lines before the first
/// section heading: read as fields and removed from the body.
fn plain_metadata(body: &str, first_line: usize) -> (Vec<Field>, String) {
    let mut fields = Vec::new();
    let mut out = String::with_capacity(body.len());
    let mut in_head = true;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("## ") || trimmed.starts_with("```") {
            in_head = false;
        }
        if in_head {
            if let Some((key, value)) = metadata_line(trimmed) {
                fields.push(Field {
                    key,
                    value: serde_json::Value::String(value),
                    line: first_line + i,
                });
                continue;
            }
        }
        out.push_str(line);
    }
    (fields, out)
}

fn metadata_line(line: &str) -> Option<(String, String)> {
    let line = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("* "))
        .unwrap_or(line);
    let unbold = line.replace("**", "").replace("__", "");
    let (key, value) = unbold.split_once(':')?;
    let key = key.trim();
    let value = value.trim();
    let words = key.split_whitespace().count();
    let plain_key = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '/'));
    if key.is_empty() || value.is_empty() || words > 3 || !plain_key || key.starts_with('#') {
        return None;
    }
    // A time like `14:05 alert` is not a field.
    if key.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((key.to_string(), value.to_string()))
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_string())
}

/// An action item read from the body.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedAction {
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: &'static str,
    pub ticket: Option<String>,
}

/// Renames aliased headings, demotes level-1 headings after the title, adds the title heading
/// when missing, and reads the action items of the Action Items section.
fn rewrite_body(
    body: &str,
    title: &str,
    has_title: bool,
    config: &Config,
) -> (String, Vec<ImportedAction>) {
    let aliases = config.document.aliases();
    let mut out = String::with_capacity(body.len() + 64);
    if !has_title {
        out.push_str(&format!("# {title}\n\n"));
    }
    let mut fenced = false;
    let mut seen_title = !has_title;
    let mut used = Vec::new();
    let mut in_actions = false;
    let mut action_lines = Vec::new();
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        if !fenced {
            let heading = if let Some(t) = trimmed.strip_prefix("# ") {
                if seen_title {
                    Some(t)
                } else {
                    seen_title = true;
                    None
                }
            } else {
                trimmed.strip_prefix("## ")
            };
            if let Some(text) = heading {
                let section = aliases.section_of(text).map(str::to_string);
                let name = match section {
                    Some(s) if !used.contains(&s) => {
                        used.push(s.clone());
                        s
                    }
                    _ => text.trim().to_string(),
                };
                in_actions = aliases.names(&name, "Action Items");
                out.push_str(&format!("## {name}\n"));
                continue;
            }
            if in_actions {
                action_lines.push(trimmed.to_string());
            }
        }
        out.push_str(line);
    }
    (out, read_actions(&action_lines))
}

/// Action items from the lines of the Action Items section: checkbox items and table rows.
pub fn read_actions(lines: &[String]) -> Vec<ImportedAction> {
    let mut actions = Vec::new();
    let mut header: Option<Vec<String>> = None;
    for line in lines {
        let t = line.trim();
        if let Some(rest) = t
            .strip_prefix("- [")
            .or_else(|| t.strip_prefix("* ["))
            .or_else(|| t.strip_prefix("+ ["))
        {
            let (mark, text) = rest.split_at(rest.find(']').unwrap_or(0));
            let done = mark.eq_ignore_ascii_case("x");
            let text = text.trim_start_matches(']').trim();
            if !text.is_empty() {
                let mut action = inline_action(text);
                if done {
                    action.status = "done";
                }
                actions.push(action);
            }
            header = None;
            continue;
        }
        if t.starts_with('|') {
            let cells: Vec<String> = t
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            if cells
                .iter()
                .all(|c| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
            {
                continue;
            }
            match &header {
                None => {
                    header = Some(
                        cells
                            .iter()
                            .map(|c| crate::document::sections::key(c))
                            .collect(),
                    )
                }
                Some(columns) => {
                    if let Some(action) = table_action(columns, &cells) {
                        actions.push(action);
                    }
                }
            }
            continue;
        }
        header = None;
    }
    actions
}

fn table_action(columns: &[String], cells: &[String]) -> Option<ImportedAction> {
    let find = |names: &[&str]| {
        columns
            .iter()
            .position(|c| names.contains(&c.as_str()))
            .and_then(|i| cells.get(i))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != "-" && s != "—")
    };
    let title = find(&[
        "action",
        "actionitem",
        "title",
        "item",
        "task",
        "description",
        "what",
        "remediation",
        "followup",
    ])
    .or_else(|| cells.first().cloned())?;
    let mut action = inline_action(&title);
    if let Some(owner) = find(&["owner", "assignee", "who", "assignedto", "responsible"]) {
        action.owner = Some(owner.trim_start_matches('@').to_string());
    }
    if let Some(due) = find(&["due", "duedate", "deadline", "by", "target", "targetdate"]) {
        action.due = date_of(&due).or(action.due);
    }
    if let Some(status) = find(&["status", "state", "done"]) {
        action.status = action_status(&status);
    }
    if let Some(ticket) = find(&["ticket", "issue", "jira", "link", "tracking", "bug"]) {
        action.ticket = Some(strip_link(&ticket));
    }
    Some(action)
}

fn action_status(text: &str) -> &'static str {
    match crate::document::sections::key(text).as_str() {
        "done" | "closed" | "complete" | "completed" | "fixed" | "resolved" | "x" | "yes" => "done",
        "inprogress" | "wip" | "started" | "doing" | "ongoing" => "in-progress",
        "wontdo" | "wontfix" | "cancelled" | "canceled" | "dropped" => "wont-do",
        _ => "open",
    }
}

fn strip_link(text: &str) -> String {
    // `[OPS-12](https://…)` → the URL; a bare text stays.
    if let (Some(open), Some(close)) = (text.find("]("), text.rfind(')')) {
        if close > open + 2 {
            return text[open + 2..close].to_string();
        }
    }
    text.trim_matches(['[', ']']).to_string()
}

/// An action from one line of text with inline metadata: `(owner: @kim, due 2026-04-01)`,
/// `@kim`, `due: 2026-04-01`, a ticket such as `OPS-12`.
fn inline_action(text: &str) -> ImportedAction {
    let mut action = ImportedAction {
        title: text.to_string(),
        owner: None,
        due: None,
        status: "open",
        ticket: None,
    };
    let mut title = text.to_string();
    // A trailing parenthesis holding metadata is read and taken off the title.
    if let (Some(open), true) = (text.rfind('('), text.trim_end().ends_with(')')) {
        let inner = &text[open + 1..text.trim_end().len() - 1];
        let lower = inner.to_lowercase();
        if lower.contains("owner") || lower.contains("due") || inner.contains('@') {
            read_meta(inner, &mut action);
            title = text[..open].trim().to_string();
        }
    }
    for word in title.split_whitespace() {
        if action.owner.is_none() && word.starts_with('@') && word.len() > 1 {
            action.owner = Some(
                word.trim_start_matches('@')
                    .trim_end_matches([',', '.', ')'])
                    .to_string(),
            );
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if action.ticket.is_none() && is_ticket(bare) {
            action.ticket = Some(bare.to_string());
        }
    }
    if action.due.is_none() {
        if let Some(at) = title.to_lowercase().find("due ") {
            action.due = date_of(title[at + 4..].trim_start_matches(':').trim());
        }
    }
    action.title = title.trim_end_matches(['.', ',', ';', ' ']).to_string();
    action
}

fn read_meta(inner: &str, action: &mut ImportedAction) {
    for part in inner.split([',', ';']) {
        let part = part.trim();
        let lower = part.to_lowercase();
        let value = |prefix: &str| {
            part[prefix.len()..]
                .trim_start_matches([':', ' '])
                .trim()
                .to_string()
        };
        if lower.starts_with("owner") {
            action.owner = Some(value("owner").trim_start_matches('@').to_string());
        } else if lower.starts_with("due") {
            action.due = date_of(&value("due"));
        } else if lower.starts_with("status") {
            action.status = action_status(&value("status"));
        } else if lower.starts_with("ticket") {
            action.ticket = Some(value("ticket"));
        } else if part.starts_with('@') {
            action.owner = Some(part.trim_start_matches('@').to_string());
        } else if is_ticket(part) {
            action.ticket = Some(part.to_string());
        }
    }
}

/// `OPS-12`, `INC-4411`: capitals, a dash, digits.
fn is_ticket(word: &str) -> bool {
    let Some((letters, digits)) = word.split_once('-') else {
        return false;
    };
    (2..=10).contains(&letters.len())
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_metadata_checkboxes_and_tables() {
        let lines: Vec<String> = [
            "- [ ] Add a saturation alert for the pool (owner: @kim, due 2026-04-01)",
            "- [x] Raise the pool floor to 20 OPS-12 @lee",
            "",
            "| Action | Owner | Due | Status | Ticket |",
            "|---|---|---|---|---|",
            "| Document the failover | sam | 2026-04-15 | in progress | [OPS-14](https://tracker.example.com/OPS-14) |",
        ]
        .map(String::from)
        .to_vec();
        let actions = read_actions(&lines);
        assert_eq!(actions.len(), 3, "{actions:?}");
        assert_eq!(actions[0].title, "Add a saturation alert for the pool");
        assert_eq!(actions[0].owner.as_deref(), Some("kim"));
        assert_eq!(actions[0].due.as_deref(), Some("2026-04-01"));
        assert_eq!(actions[1].status, "done");
        assert_eq!(actions[1].ticket.as_deref(), Some("OPS-12"));
        assert_eq!(actions[1].owner.as_deref(), Some("lee"));
        assert_eq!(actions[2].status, "in-progress");
        assert_eq!(
            actions[2].ticket.as_deref(),
            Some("https://tracker.example.com/OPS-14")
        );
    }

    #[test]
    fn instants_from_what_sources_write() {
        let utc = Zone::utc();
        assert_eq!(
            instant("2026-03-04", &utc).as_deref(),
            Some("2026-03-04T00:00:00Z")
        );
        assert_eq!(
            instant("3/4/2026 2:05 PM PST", &utc).as_deref(),
            Some("2026-03-04T14:05:00-08:00")
        );
        assert_eq!(
            instant("2026-03-04T14:05:00+01:00", &utc).as_deref(),
            Some("2026-03-04T14:05:00+01:00")
        );
        let berlin = Zone::parse("Europe/Berlin").expect("zone");
        assert_eq!(
            instant("March 4, 2026 14:05", &berlin).as_deref(),
            Some("2026-03-04T14:05:00+01:00")
        );
        assert_eq!(instant("last Tuesday", &utc), None);
    }
}
