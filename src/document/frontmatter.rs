//! The `+++` TOML front matter: splitting it from the body and reading it into typed values that
//! keep their byte spans in the file.
//!
//! Reading never stops at the first wrong field: a field of the wrong type is recorded as a
//! [`FieldProblem`] and the rest is still read, so a check can report every problem at once.

use super::fields;
use super::lines::Span;
use chrono::{DateTime, FixedOffset, NaiveDate};
use toml_edit::{Document, Item, Table, Value};

/// Where the front matter and the body lie in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the TOML text between the two `+++` lines.
    pub toml: Span,
    /// Byte range of the opening `+++` line (without its line ending).
    pub open: Span,
    /// Byte range of the closing `+++` line (without its line ending).
    pub close: Span,
    /// Byte offset where the Markdown body starts (after the closing line's ending).
    pub body_start: usize,
}

/// Why the front matter could not be separated from the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not begin with a `+++` line.
    Missing,
    /// The opening `+++` has no closing `+++` line; the span is the opening line.
    Unterminated(Span),
}

/// Finds the front matter: the file (after an optional BOM) must begin with a line that is exactly
/// `+++`, and the block ends at the next such line.
pub fn split(text: &str) -> Result<Split, SplitError> {
    let bytes = text.as_bytes();
    let open_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if open_start >= text.len() {
        return Err(SplitError::Missing);
    }
    let (mut open_end, after_open) = match memchr::memchr(b'\n', &bytes[open_start..]) {
        Some(i) => (open_start + i, open_start + i + 1),
        None => (text.len(), text.len()),
    };
    if open_end > open_start && bytes[open_end - 1] == b'\r' {
        open_end -= 1;
    }
    if &text[open_start..open_end] != "+++" {
        return Err(SplitError::Missing);
    }
    // Only a line that begins with `+++` can close the block: search for those (memmem) rather
    // than walking every line. The opening line's own newline starts the search, so the line
    // right after it is a candidate too.
    static CLOSE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\n+++"));
    let Some(from) = after_open.checked_sub(1).filter(|f| bytes[*f] == b'\n') else {
        return Err(SplitError::Unterminated(open_start..open_end));
    };
    for hit in CLOSE.find_iter(&bytes[from..]) {
        let line_start = from + hit + 1;
        let line_end = line_start + 3;
        // The line is exactly `+++` when its ending follows (`\n`, `\r\n`) or the text ends;
        // a final `\r` counts as a line ending.
        let body_start = match &bytes[line_end..] {
            [] | [b'\r'] => text.len(),
            [b'\n', ..] => line_end + 1,
            [b'\r', b'\n', ..] => line_end + 2,
            _ => continue,
        };
        return Ok(Split {
            toml: after_open..line_start,
            open: open_start..open_end,
            close: line_start..line_end,
            body_start,
        });
    }
    Err(SplitError::Unterminated(open_start..open_end))
}

/// A value with the byte span of its source text in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A TOML datetime as written: an offset may be missing, which the checks report.
#[derive(Debug, Clone, PartialEq)]
pub enum Timestamp {
    /// A full datetime with an offset (`2026-11-26T09:12:00Z`).
    At(DateTime<FixedOffset>),
    /// A datetime written without an offset; pm cannot place it in time.
    Local(String),
}

impl Timestamp {
    pub fn at(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Timestamp::At(t) => Some(*t),
            Timestamp::Local(_) => None,
        }
    }
}

/// A problem with one field that does not stop the rest of the front matter from being read.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldProblem {
    /// Dotted key path, e.g. `started` or `actions[2].due`.
    pub key: String,
    pub span: Span,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The value has the wrong TOML type; `expected` says what was wanted.
    WrongType { expected: &'static str },
    /// A datetime has no offset or `Z`.
    MissingOffset,
    /// A datetime or date that does not name a real moment.
    InvalidDate,
}

/// One action item (`[[actions]]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Action {
    /// Byte span of the action's table (its header through its last value).
    pub span: Span,
    /// 0-based position in the `actions` array.
    pub index: usize,
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub due: Option<Spanned<NaiveDate>>,
    pub status: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub priority: Option<Spanned<String>>,
    pub ticket: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub closed: Option<Spanned<NaiveDate>>,
    pub created: Option<Spanned<NaiveDate>>,
}

/// The `[impact]` table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Impact {
    pub span: Span,
    pub summary: Option<Spanned<String>>,
    pub users_affected: Option<Spanned<i64>>,
    pub slos: Vec<Spanned<String>>,
}

/// The typed front matter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub status: Option<Spanned<String>>,
    pub severity: Option<Spanned<String>>,
    pub services: Vec<Spanned<String>>,
    pub authors: Vec<Spanned<String>>,
    pub facilitator: Option<Spanned<String>>,
    pub participants: Vec<Spanned<String>>,
    pub started: Option<Spanned<Timestamp>>,
    pub detected: Option<Spanned<Timestamp>>,
    pub mitigated: Option<Spanned<Timestamp>>,
    pub resolved: Option<Spanned<Timestamp>>,
    pub review_meeting: Option<Spanned<NaiveDate>>,
    pub followup_review: Option<Spanned<NaiveDate>>,
    pub tickets: Vec<Spanned<String>>,
    pub impact: Option<Impact>,
    pub actions: Vec<Action>,
    /// Keys pm does not know, with their dotted path (`impact.sumary`).
    pub unknown_keys: Vec<Spanned<String>>,
    pub problems: Vec<FieldProblem>,
}

/// A TOML syntax error, with the byte span in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct TomlSyntaxError {
    pub message: String,
    pub span: Span,
}

/// Parses the TOML text at `offset` in the file. Spans in the result are file offsets.
///
/// Plain front matter is read by [`super::fastfront`], which gives the same result without
/// building toml_edit's tree; everything else (and every error) goes through toml_edit.
pub fn parse(toml_text: &str, offset: usize) -> Result<FrontMatter, TomlSyntaxError> {
    match super::fastfront::read(toml_text, offset) {
        Some(fm) => Ok(fm),
        None => parse_full(toml_text, offset),
    }
}

/// [`parse`] always through toml_edit: the reference the fast reader is tested against.
pub(crate) fn parse_full(toml_text: &str, offset: usize) -> Result<FrontMatter, TomlSyntaxError> {
    let doc = Document::parse(toml_text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        TomlSyntaxError {
            message: first_line(e.message()),
            span: offset + span.start..offset + span.end,
        }
    })?;
    let mut reader = Reader {
        offset,
        fm: FrontMatter::default(),
    };
    reader.read_root(doc.as_table());
    Ok(reader.fm)
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_string()
}

struct Reader {
    offset: usize,
    fm: FrontMatter,
}

impl Reader {
    fn span_of(&self, item: &Item) -> Span {
        let r = item.span().unwrap_or(0..0);
        self.offset + r.start..self.offset + r.end
    }

    fn value_span(&self, value: &Value) -> Span {
        let r = value.span().unwrap_or(0..0);
        self.offset + r.start..self.offset + r.end
    }

    fn key_span(&self, table: &Table, key: &str) -> Span {
        let r = table.key(key).and_then(|k| k.span()).unwrap_or(0..0);
        self.offset + r.start..self.offset + r.end
    }

    fn problem(&mut self, key: String, span: Span, kind: ProblemKind) {
        self.fm.problems.push(FieldProblem { key, span, kind });
    }

    fn wrong_type(&mut self, key: String, span: Span, expected: &'static str) {
        self.problem(key, span, ProblemKind::WrongType { expected });
    }

    fn string(&mut self, item: &Item, key: String) -> Option<Spanned<String>> {
        let span = self.span_of(item);
        match item.as_str() {
            Some(s) => Some(Spanned::new(s.to_string(), span)),
            None => {
                self.wrong_type(key, span, "a string");
                None
            }
        }
    }

    fn strings(&mut self, item: &Item, key: String) -> Vec<Spanned<String>> {
        let span = self.span_of(item);
        let Some(array) = item.as_array() else {
            // A lone string where a list is expected is common enough to accept.
            if let Some(s) = item.as_str() {
                return vec![Spanned::new(s.to_string(), span)];
            }
            self.wrong_type(key, span, "an array of strings");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(array.len());
        for (i, value) in array.iter().enumerate() {
            let vspan = self.value_span(value);
            match value.as_str() {
                Some(s) => out.push(Spanned::new(s.to_string(), vspan)),
                None => self.wrong_type(format!("{key}[{i}]"), vspan, "a string"),
            }
        }
        out
    }

    fn timestamp(&mut self, item: &Item, key: String) -> Option<Spanned<Timestamp>> {
        let span = self.span_of(item);
        let Some(dt) = item.as_datetime() else {
            self.wrong_type(
                key,
                span,
                "a TOML datetime with an offset, like 2026-11-26T09:12:00Z",
            );
            return None;
        };
        let written = dt.to_string();
        if dt.date.is_none() || dt.time.is_none() {
            self.wrong_type(
                key,
                span,
                "a TOML datetime with an offset, like 2026-11-26T09:12:00Z",
            );
            return None;
        }
        if dt.offset.is_none() {
            self.problem(key, span.clone(), ProblemKind::MissingOffset);
            return Some(Spanned::new(Timestamp::Local(written), span));
        }
        match DateTime::parse_from_rfc3339(&written) {
            Ok(t) => Some(Spanned::new(Timestamp::At(t), span)),
            Err(_) => {
                self.problem(key, span, ProblemKind::InvalidDate);
                None
            }
        }
    }

    fn date(&mut self, item: &Item, key: String) -> Option<Spanned<NaiveDate>> {
        let span = self.span_of(item);
        let Some(dt) = item.as_datetime() else {
            self.wrong_type(key, span, "a TOML date, like 2026-12-10");
            return None;
        };
        // A full datetime where a date is expected is read as its date.
        let Some(d) = dt.date else {
            self.wrong_type(key, span, "a TOML date, like 2026-12-10");
            return None;
        };
        match NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day)) {
            Some(date) => Some(Spanned::new(date, span)),
            None => {
                self.problem(key, span, ProblemKind::InvalidDate);
                None
            }
        }
    }

    fn integer(&mut self, item: &Item, key: String) -> Option<Spanned<i64>> {
        let span = self.span_of(item);
        match item.as_integer() {
            Some(n) => Some(Spanned::new(n, span)),
            None => {
                self.wrong_type(key, span, "an integer");
                None
            }
        }
    }

    /// Reads `item` as its field's slot says (recording a wrong type as a problem).
    fn read_value<T>(
        &mut self,
        slot: &fields::Slot<T>,
        item: &Item,
        path: String,
    ) -> fields::Parsed {
        match slot {
            fields::Slot::Text(_) => fields::Parsed::Text(self.string(item, path)),
            fields::Slot::Texts(_) => fields::Parsed::Texts(self.strings(item, path)),
            fields::Slot::Stamp(_) => fields::Parsed::Stamp(self.timestamp(item, path)),
            fields::Slot::Date(_) => fields::Parsed::Date(self.date(item, path)),
            fields::Slot::Integer(_) => fields::Parsed::Integer(self.integer(item, path)),
        }
    }

    fn unknown(&mut self, table: &Table, key: &str, path: String) {
        let span = self.key_span(table, key);
        self.fm.unknown_keys.push(Spanned::new(path, span));
    }

    fn read_root(&mut self, root: &Table) {
        for (key, item) in root.iter() {
            let k = key.to_string();
            match key {
                "impact" => self.read_impact(item),
                "actions" => self.read_actions(item),
                // Fields `pm import` could not map, kept as the source had them: free-form.
                fields::IMPORTED_TABLE if item.is_table_like() => {}
                _ => match fields::find(fields::ROOT, key) {
                    Some(field) => {
                        let value = self.read_value(&field.slot, item, k);
                        field.slot.put(&mut self.fm, value);
                    }
                    None => self.unknown(root, key, k),
                },
            }
        }
    }

    fn read_impact(&mut self, item: &Item) {
        let span = self.span_of(item);
        // Borrow a `[impact]` table; only the rare inline form needs converting.
        let converted;
        let table = match item {
            Item::Table(t) => Some(t),
            Item::Value(Value::InlineTable(t)) => {
                converted = t.clone().into_table();
                Some(&converted)
            }
            _ => None,
        };
        let Some(table) = table else {
            self.wrong_type("impact".into(), span, "a table ([impact])");
            return;
        };
        let mut impact = Impact {
            span,
            ..Impact::default()
        };
        for (key, item) in table.iter() {
            let path = format!("impact.{key}");
            match fields::find(fields::IMPACT, key) {
                Some(field) => {
                    let value = self.read_value(&field.slot, item, path);
                    field.slot.put(&mut impact, value);
                }
                None => self.unknown(table, key, path),
            }
        }
        self.fm.impact = Some(impact);
    }

    fn read_actions(&mut self, item: &Item) {
        let span = self.span_of(item);
        // `[[actions]]` tables are borrowed; only the rare inline form is converted.
        let mut converted: Vec<Table> = Vec::new();
        let tables: Vec<&Table> = match item {
            Item::ArrayOfTables(array) => array.iter().collect(),
            Item::Value(Value::Array(array)) => {
                for value in array.iter() {
                    match value.as_inline_table() {
                        Some(t) => converted.push(t.clone().into_table()),
                        None => self.wrong_type(
                            "actions".into(),
                            self.value_span(value),
                            "an array of tables ([[actions]])",
                        ),
                    }
                }
                converted.iter().collect()
            }
            _ => {
                self.wrong_type("actions".into(), span, "an array of tables ([[actions]])");
                return;
            }
        };
        for (index, table) in tables.iter().enumerate() {
            let action = self.read_action(table, index);
            self.fm.actions.push(action);
        }
    }

    fn read_action(&mut self, table: &Table, index: usize) -> Action {
        let header = table.span().unwrap_or(0..0);
        let mut action = Action {
            span: self.offset + header.start..self.offset + header.end,
            index,
            ..Action::default()
        };
        for (key, item) in table.iter() {
            let path = format!("actions[{index}].{key}");
            let vspan = self.span_of(item);
            if vspan.end > action.span.end {
                action.span.end = vspan.end;
            }
            if action.span.start == self.offset && header.end == 0 {
                action.span.start = vspan.start;
            }
            match fields::find(fields::ACTION, key) {
                Some(field) => {
                    let value = self.read_value(&field.slot, item, path);
                    field.slot.put(&mut action, value);
                }
                None => self.unknown(table, key, path),
            }
        }
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_the_block_with_bom_and_crlf() {
        let text = "\u{feff}+++\r\nid = \"x\"\r\n+++\r\nbody\r\n";
        let split = split(text).expect("front matter");
        assert_eq!(&text[split.toml.clone()], "id = \"x\"\r\n");
        assert_eq!(&text[split.body_start..], "body\r\n");
    }

    #[test]
    fn split_reports_missing_and_unterminated_blocks() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("+++ \nid = 1\n+++\n"), Err(SplitError::Missing));
        assert_eq!(split("+++\nid = 1\n"), Err(SplitError::Unterminated(0..3)));
    }

    /// `split` as it was first written, line by line: the reference for the search above.
    fn split_line_by_line(text: &str) -> Result<Split, SplitError> {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut lines = Vec::new();
        let mut pos = start;
        for line in text[start..].split_inclusive('\n') {
            let next = pos + line.len();
            let body = line.strip_suffix('\n').unwrap_or(line);
            let body = body.strip_suffix('\r').unwrap_or(body);
            lines.push((pos, pos + body.len(), next));
            pos = next;
        }
        let mut lines = lines.into_iter();
        let Some((open_start, open_end, after_open)) = lines.next() else {
            return Err(SplitError::Missing);
        };
        if &text[open_start..open_end] != "+++" {
            return Err(SplitError::Missing);
        }
        for (line_start, line_end, next) in lines {
            if &text[line_start..line_end] == "+++" {
                return Ok(Split {
                    toml: after_open..line_start,
                    open: open_start..open_end,
                    close: line_start..line_end,
                    body_start: next,
                });
            }
        }
        Err(SplitError::Unterminated(open_start..open_end))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn split_finds_what_a_line_by_line_reading_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["+++", "++", "+", "\n", "\r", "\r\n", " ", "x", "\u{feff}", "é"]),
                0..24,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(split(&text), split_line_by_line(&text), "{:?}", text);
        }
    }

    #[test]
    fn wrong_types_are_problems_not_failures() {
        let fm = parse(
            "title = 3\nstatus = \"draft\"\nstarted = 2026-01-01T10:00:00\n",
            10,
        )
        .expect("valid TOML");
        assert_eq!(fm.status.as_ref().map(|s| s.value.as_str()), Some("draft"));
        assert_eq!(fm.status.as_ref().map(|s| s.span.clone()), Some(29..36));
        assert!(fm.title.is_none());
        let kinds: Vec<_> = fm
            .problems
            .iter()
            .map(|p| (p.key.as_str(), &p.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (
                    "title",
                    &ProblemKind::WrongType {
                        expected: "a string"
                    }
                ),
                ("started", &ProblemKind::MissingOffset)
            ]
        );
    }

    #[test]
    fn syntax_errors_carry_file_offsets() {
        let err = parse("id = \"x\"\nid = \"y\"\n", 4).expect_err("duplicate key");
        assert!(err.span.start >= 4, "{err:?}");
    }
}
