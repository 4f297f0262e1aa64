//! A fast reader for front matter written the plain way pm writes it: bare known keys, one per
//! line; basic and literal strings; arrays of strings; dates; datetimes with an offset; integers;
//! comments; an `[impact]` table and `[[actions]]` tables.
//!
//! It returns exactly the [`FrontMatter`] the full reader ([`super::frontmatter::parse`], over
//! toml_edit) returns for the same text, spans included, or `None` the moment it meets anything
//! else: an unknown key, a wrongly typed value, a dotted key, an inline table, a multi-line
//! string, a datetime without an offset, a duplicate key, anything it is not sure is valid TOML.
//! The full reader then reads the text, so every problem it records and every error it reports
//! (with its line and column) stays as it was. The fast reader never reports an error itself.
//!
//! Why it exists: listing 10,000 post-mortems spent most of its time building toml_edit's
//! format-preserving tree, only to read a dozen values out of it.

use super::fields::{self, Parsed, Slot};
use super::frontmatter::{Action, FrontMatter, Impact, Spanned, Timestamp};
use super::lines::Span;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// Reads the TOML text found at byte `offset` of the file, or `None` when the text is not in the
/// plain form this reader understands (the caller then uses the full reader). Spans in the result
/// are file offsets, as the full reader's are.
pub fn read(toml_text: &str, offset: usize) -> Option<FrontMatter> {
    let mut scanner = Scanner {
        text: toml_text,
        bytes: toml_text.as_bytes(),
        pos: 0,
        offset,
    };
    scanner.document()
}

/// The table the lines being read belong to.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Root,
    Impact,
    Action,
}

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    offset: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        self.offset + start..self.offset + end
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// A comment runs to the end of the line; control characters in it are left to the full
    /// reader to judge.
    fn comment(&mut self) -> Option<()> {
        debug_assert_eq!(self.peek(), Some(b'#'));
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' | b'\r' => break,
                b'\t' | 0x20..=0x7e | 0x80..=0xff => self.pos += 1,
                _ => return None,
            }
        }
        Some(())
    }

    /// A line ending (`\n` or `\r\n`) or the end of the text.
    fn end_of_line(&mut self) -> Option<()> {
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.pos += 1;
                Some(())
            }
            Some(b'\r') if self.bytes.get(self.pos + 1) == Some(&b'\n') => {
                self.pos += 2;
                Some(())
            }
            _ => None,
        }
    }

    /// Blanks, an optional comment, then the end of the line: what must follow a value or a
    /// table header.
    fn rest_of_line(&mut self) -> Option<()> {
        self.skip_blanks();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        self.end_of_line()
    }

    fn document(&mut self) -> Option<FrontMatter> {
        let mut fm = FrontMatter::default();
        let mut section = Section::Root;
        // Keys already set in the current table, by their index in the table's key list: a
        // second one is a TOML error the full reader reports.
        let mut seen: u32 = 0;
        loop {
            self.skip_blanks();
            let Some(next) = self.peek() else {
                break;
            };
            match next {
                b'\n' | b'\r' => self.end_of_line()?,
                b'#' => {
                    self.comment()?;
                    self.end_of_line()?;
                }
                b'[' => {
                    let start = self.pos;
                    if self.bytes[start..].starts_with(b"[[actions]]") {
                        self.pos += "[[actions]]".len();
                        let span = self.span(start, self.pos);
                        fm.actions.push(Action {
                            span,
                            index: fm.actions.len(),
                            ..Action::default()
                        });
                        section = Section::Action;
                    } else if self.bytes[start..].starts_with(b"[impact]") {
                        if fm.impact.is_some() {
                            return None;
                        }
                        self.pos += "[impact]".len();
                        fm.impact = Some(Impact {
                            span: self.span(start, self.pos),
                            ..Impact::default()
                        });
                        section = Section::Impact;
                    } else {
                        return None;
                    }
                    seen = 0;
                    self.rest_of_line()?;
                }
                _ => {
                    let key_start = self.pos;
                    while matches!(self.peek(), Some(b'a'..=b'z' | b'_')) {
                        self.pos += 1;
                    }
                    let key = &self.text[key_start..self.pos];
                    let index = match section {
                        Section::Root => fields::ROOT.iter().position(|f| f.key == key),
                        Section::Impact => fields::IMPACT.iter().position(|f| f.key == key),
                        Section::Action => fields::ACTION.iter().position(|f| f.key == key),
                    }?;
                    if seen & (1 << index) != 0 {
                        return None;
                    }
                    seen |= 1 << index;
                    self.skip_blanks();
                    if self.peek() != Some(b'=') {
                        return None;
                    }
                    self.pos += 1;
                    self.skip_blanks();
                    match section {
                        Section::Root => {
                            let slot = &fields::ROOT[index].slot;
                            let value = self.value(slot)?;
                            self.rest_of_line()?;
                            slot.put(&mut fm, value).then_some(())
                        }
                        Section::Impact => {
                            let slot = &fields::IMPACT[index].slot;
                            let value = self.value(slot)?;
                            self.rest_of_line()?;
                            slot.put(fm.impact.as_mut()?, value).then_some(())
                        }
                        Section::Action => {
                            let slot = &fields::ACTION[index].slot;
                            let value = self.value(slot)?;
                            self.rest_of_line()?;
                            let action = fm.actions.last_mut()?;
                            // As the full reader does: the action's span runs from its header
                            // to its last value.
                            action.span.end = action.span.end.max(value_end(&value)?);
                            slot.put(action, value).then_some(())
                        }
                    }?;
                }
            }
        }
        Some(fm)
    }

    /// The value for `slot`; `None` when the text is not that kind of value in plain form.
    fn value<T>(&mut self, slot: &Slot<T>) -> Option<Parsed> {
        match slot {
            Slot::Text(_) => self.string().map(|s| Parsed::Text(Some(s))),
            Slot::Texts(_) => {
                if self.peek() == Some(b'[') {
                    self.strings().map(Parsed::Texts)
                } else {
                    // A lone string where a list is expected: the full reader accepts it too.
                    self.string().map(|s| Parsed::Texts(vec![s]))
                }
            }
            Slot::Stamp(_) => self.stamp().map(|s| Parsed::Stamp(Some(s))),
            Slot::Date(_) => self.date().map(|d| Parsed::Date(Some(d))),
            Slot::Integer(_) => self.integer().map(|n| Parsed::Integer(Some(n))),
        }
    }

    fn string(&mut self) -> Option<Spanned<String>> {
        match self.peek()? {
            b'"' => self.basic_string(),
            b'\'' => self.literal_string(),
            _ => None,
        }
    }

    /// `"…"` with the common escapes. Multi-line strings and the newer `\e` and `\x` escapes are
    /// left to the full reader.
    fn basic_string(&mut self) -> Option<Spanned<String>> {
        let start = self.pos;
        if self.bytes[start..].starts_with(b"\"\"\"") {
            return None;
        }
        self.pos += 1;
        let mut decoded: Option<String> = None;
        let mut run = self.pos;
        loop {
            let b = self.peek()?;
            match b {
                b'"' => break,
                b'\\' => {
                    let out = decoded.get_or_insert_with(String::new);
                    out.push_str(&self.text[run..self.pos]);
                    // The escape letter follows the backslash; `\u` and `\U` take hex digits.
                    self.pos += 1;
                    let (c, width) = match self.peek()? {
                        b'b' => ('\u{8}', 1),
                        b't' => ('\t', 1),
                        b'n' => ('\n', 1),
                        b'f' => ('\u{c}', 1),
                        b'r' => ('\r', 1),
                        b'"' => ('"', 1),
                        b'\\' => ('\\', 1),
                        b'u' => (self.hex_char(4)?, 5),
                        b'U' => (self.hex_char(8)?, 9),
                        _ => return None,
                    };
                    out.push(c);
                    self.pos += width;
                    run = self.pos;
                }
                b'\t' | 0x20..=0x7e | 0x80..=0xff => {
                    // Step over the run of plain characters at once.
                    let rest = &self.bytes[self.pos..];
                    self.pos += rest
                        .iter()
                        .position(|&b| matches!(b, b'"' | b'\\' | 0x00..=0x08 | 0x0a..=0x1f | 0x7f))
                        .unwrap_or(rest.len());
                }
                _ => return None,
            }
        }
        let value = match decoded {
            Some(mut out) => {
                out.push_str(&self.text[run..self.pos]);
                out
            }
            None => self.text[start + 1..self.pos].to_string(),
        };
        self.pos += 1;
        Some(Spanned::new(value, self.span(start, self.pos)))
    }

    /// The character named by the `digits` hex digits after the escape letter at the current
    /// position. Surrogates are not characters: TOML rejects them, and so does this.
    fn hex_char(&self, digits: usize) -> Option<char> {
        let hex = self.text.get(self.pos + 1..self.pos + 1 + digits)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// `'…'`: no escapes.
    fn literal_string(&mut self) -> Option<Spanned<String>> {
        let start = self.pos;
        if self.bytes[start..].starts_with(b"'''") {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\'' => break,
                b'\t' | 0x20..=0x7e | 0x80..=0xff => self.pos += 1,
                _ => return None,
            }
        }
        let value = self.text[start + 1..self.pos].to_string();
        self.pos += 1;
        Some(Spanned::new(value, self.span(start, self.pos)))
    }

    /// Blanks, comments and line endings between the elements of an array.
    fn skip_array_space(&mut self) -> Option<()> {
        loop {
            match self.peek()? {
                b' ' | b'\t' => self.pos += 1,
                b'\n' | b'\r' => self.end_of_line()?,
                b'#' => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// `[ "a", 'b', ]`, over several lines if need be.
    fn strings(&mut self) -> Option<Vec<Spanned<String>>> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            self.skip_array_space()?;
            if self.peek()? == b']' {
                break;
            }
            out.push(self.string()?);
            self.skip_array_space()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.pos += 1;
        Some(out)
    }

    /// `0`..`9` at `at`, as a number.
    fn digits(&self, at: usize, count: usize) -> Option<u32> {
        let field = self.bytes.get(self.pos + at..self.pos + at + count)?;
        field.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    }

    /// `YYYY-MM-DD` at the current position, not yet consumed.
    fn date_fields(&self) -> Option<NaiveDate> {
        let year = self.digits(0, 4)?;
        let month = self.digits(5, 2)?;
        let day = self.digits(8, 2)?;
        if self.bytes[self.pos + 4] != b'-' || self.bytes[self.pos + 7] != b'-' {
            return None;
        }
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    }

    fn date(&mut self) -> Option<Spanned<NaiveDate>> {
        let start = self.pos;
        let date = self.date_fields()?;
        self.pos += "YYYY-MM-DD".len();
        Some(Spanned::new(date, self.span(start, self.pos)))
    }

    /// `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`. Fractions of a second, a space or a lower-case
    /// `t`, and datetimes without an offset are left to the full reader.
    fn stamp(&mut self) -> Option<Spanned<Timestamp>> {
        let start = self.pos;
        self.date_fields()?;
        let b = self.bytes;
        let (hour, minute, second) = (
            self.digits(11, 2)?,
            self.digits(14, 2)?,
            self.digits(17, 2)?,
        );
        if b[start + 10] != b'T' || b[start + 13] != b':' || b[start + 16] != b':' {
            return None;
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let end = match b.get(start + 19)? {
            b'Z' => start + 20,
            b'+' | b'-' => {
                let (oh, om) = (self.digits(20, 2)?, self.digits(23, 2)?);
                if b[start + 22] != b':' || oh > 23 || om > 59 {
                    return None;
                }
                start + 25
            }
            _ => return None,
        };
        // The full reader parses the datetime as toml_datetime prints it, which for this form is
        // the text as written (a `-00:00` offset may print as `+00:00`: the same instant and offset).
        let at: DateTime<FixedOffset> =
            DateTime::parse_from_rfc3339(&self.text[start..end]).ok()?;
        self.pos = end;
        Some(Spanned::new(Timestamp::At(at), self.span(start, end)))
    }

    /// A decimal integer without underscores or leading zeros.
    fn integer(&mut self) -> Option<Spanned<i64>> {
        let start = self.pos;
        let negative = match self.peek()? {
            b'-' => {
                self.pos += 1;
                true
            }
            b'+' => {
                self.pos += 1;
                false
            }
            _ => false,
        };
        let digits_start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        let digits = &self.text[digits_start..self.pos];
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        // Parsing sign and digits together reaches i64::MIN.
        let signed = &self.text[if negative { start } else { digits_start }..self.pos];
        let value: i64 = signed.parse().ok()?;
        Some(Spanned::new(value, self.span(start, self.pos)))
    }
}

/// Where an action's value ends (actions hold only strings and dates).
fn value_end(value: &Parsed) -> Option<usize> {
    match value {
        Parsed::Text(Some(s)) => Some(s.span.end),
        Parsed::Date(Some(d)) => Some(d.span.end),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::frontmatter::{parse_full, split};
    use super::read;
    use proptest::prelude::*;

    /// Front matter in the form pm writes, with every field the fast reader knows.
    const PLAIN: &str = r#"id = "2009-01-01-inventory-degraded"
title = "Inventory degraded: autoscaler oscillation"
status = "closed"
severity = "SEV2"
services = ["inventory", "edge-proxy"]
authors = ["noah@example.com"]
facilitator = "zoe@example.com"
participants = ["fatima@example.com", "zoe@example.com"]
started = 2009-01-01T22:40:12Z
detected = 2009-01-01T22:50:29+01:00
mitigated = 2009-01-01T23:15:34-05:30
resolved = 2009-01-01T23:40:35Z
review_meeting = 2009-01-08
followup_review = 2009-01-29
tickets = ["INC-2168"]

[impact]
summary = "33% of inventory requests failed for 87 minutes."
users_affected = 126358
slos = ["inventory-freshness"]

[[actions]]
id = "A1"
title = "Add a pre-deploy check"
owner = "fatima@example.com"
due = 2009-02-21
status = "done"
kind = "detect"
priority = "P3"
ticket = "https://tracker.example.com/OPS-31153"
closed = 2009-02-21
created = 2009-01-09

[[actions]]
id = "A2"
title = "Load-test the migration"
owner = "diego@example.com"
due = 2009-03-03
status = "wont-do"
reason = "superseded"
"#;

    /// The same, written by hand: comments, CRLF, literal strings, escapes, arrays over lines.
    const HANDWRITTEN: &str = "# written by hand\r\nid = '2026-01-02-x'   # the ID\r\n\
        title = \"Tab\\there \\\"quoted\\\" \\u00e9\\U0001F600 back\\\\slash\"\r\n\
        status=\"draft\"\r\n  severity = \"SEV1\"\r\nservices = [\r\n  \"a\", # first\r\n\
        \t'b',\r\n]\r\nauthors = \"one@example.com\"\r\ntickets = []\r\n\
        started = 0000-01-01T00:00:00+05:00\r\nresolved = 9999-12-31T23:59:59-00:00\r\n\r\n\
        [[actions]]\r\n[impact] # after the actions\r\nusers_affected = -9223372036854775808\r\n\
        summary = \"\"\r\n";

    fn toml_of(file: &str) -> Option<(&str, usize)> {
        let split = split(file).ok()?;
        Some((&file[split.toml.clone()], split.toml.start))
    }

    /// When the fast reader answers, the full reader gives the same front matter, spans and
    /// offsets included (`Debug` shows a datetime's offset, which `==` does not compare).
    fn assert_agrees(toml: &str, offset: usize) -> bool {
        let Some(fast) = read(toml, offset) else {
            return false;
        };
        match parse_full(toml, offset) {
            Ok(full) => assert_eq!(format!("{fast:#?}"), format!("{full:#?}"), "{toml}"),
            Err(e) => panic!("the fast reader read TOML the full reader rejects ({e:?}):\n{toml}"),
        }
        true
    }

    #[test]
    fn plain_front_matter_is_read_fast_and_alike() {
        assert!(assert_agrees(PLAIN, 4));
        assert!(assert_agrees(HANDWRITTEN, 5));
        assert!(assert_agrees("", 4));
        assert!(assert_agrees("\n# only a comment\n", 4));
        assert!(assert_agrees("users = 1\n", 4) || read("users = 1\n", 4).is_none());
    }

    #[test]
    fn anything_unusual_is_left_to_the_full_reader() {
        for toml in [
            "id = \"x\"\nid = \"y\"\n",
            "[impact]\n[impact]\n",
            "owner = \"x\"\n",
            "title = 3\n",
            "started = 2026-01-01T10:00:00\n",
            "started = 2026-01-01 10:00:00Z\n",
            "started = 2026-01-01T10:00:00.5Z\n",
            "started = 2026-02-30T10:00:00Z\n",
            "started = 2026-01-01T10:00:60Z\n",
            "review_meeting = 2026-01-01T10:00:00Z\n",
            "title = \"\"\"x\"\"\"\n",
            "title = '''x'''\n",
            "title = \"\\e\"\n",
            "title = \"\\ud800\"\n",
            "title = \"a\u{7f}\"\n",
            "impact.summary = \"x\"\n",
            "actions = [{ id = \"A1\" }]\n",
            "[impact]\nusers_affected = 01\n",
            "[impact]\nusers_affected = 1_000\n",
            "[impact]\nusers_affected = 9223372036854775808\n",
            "[ impact ]\n",
            "[impact.x]\n",
            "title = \"x\" y\n",
            "title = \"x\"\rid = \"y\"\n",
            "services = [\"a\" \"b\"]\n",
            "services = [,]\n",
            "\"id\" = \"x\"\n",
        ] {
            assert!(read(toml, 4).is_none(), "{toml:?}");
        }
    }

    #[test]
    fn every_committed_hostile_input_reads_alike() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hostile");
        let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/demo");
        let mut fast = 0;
        for folder in [
            dir.to_string(),
            format!("{dir}/fuzz-regressions"),
            demo.into(),
        ] {
            for entry in std::fs::read_dir(folder).expect("test data") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    continue;
                }
                let bytes = std::fs::read(path).expect("read");
                let Ok(text) = String::from_utf8(bytes) else {
                    continue;
                };
                if let Some((toml, offset)) = toml_of(&text) {
                    fast += usize::from(assert_agrees(toml, offset));
                }
            }
        }
        assert!(fast >= 15, "the plain inputs take the fast path ({fast})");
    }

    /// Characters that matter to TOML's grammar, for the mutations below.
    const ALPHABET: &[&str] = &[
        "\"",
        "'",
        "\\",
        "[",
        "]",
        "[[",
        "]]",
        ",",
        "#",
        "=",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        ".",
        "-",
        "+",
        ":",
        "T",
        "Z",
        "z",
        "0",
        "1",
        "9",
        "u",
        "U",
        "e",
        "x",
        "a",
        "_",
        "\u{0}",
        "\u{7f}",
        "é",
        "\u{1b}",
        "\"\"\"",
        "'''",
        "{",
        "}",
        "[impact]",
        "[[actions]]",
        "id",
        "due",
        "\\u00e9",
        "\\ud800",
        "2026-02-29",
        "T10:00:00Z",
        "+25:00",
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        Insert(usize, usize),
        Delete(usize, usize),
        DuplicateLine(usize),
    }

    fn apply(text: &str, edits: &[Edit]) -> String {
        let mut out = text.to_string();
        for edit in edits {
            let at = |n: usize, s: &str| {
                let mut i = n % (s.len() + 1);
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            match *edit {
                Edit::Insert(pos, what) => {
                    let i = at(pos, &out);
                    out.insert_str(i, ALPHABET[what % ALPHABET.len()]);
                }
                Edit::Delete(pos, len) => {
                    let i = at(pos, &out);
                    let j = at(i + len % 8, &out).max(i);
                    out.replace_range(i..j, "");
                }
                Edit::DuplicateLine(n) => {
                    let lines: Vec<&str> = out.split_inclusive('\n').collect();
                    if !lines.is_empty() {
                        let line = lines[n % lines.len()].to_string();
                        let i = at(n.wrapping_mul(31), &out);
                        let i = out[..i].rfind('\n').map_or(0, |p| p + 1);
                        out.insert_str(i, &line);
                    }
                }
            }
        }
        out
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), any::<usize>()).prop_map(|(p, w)| Edit::Insert(p, w)),
            (any::<usize>(), any::<usize>()).prop_map(|(p, l)| Edit::Delete(p, l)),
            any::<usize>().prop_map(Edit::DuplicateLine),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// Damaged front matter: whenever the fast reader answers, it answers as the full one.
        #[test]
        fn mutated_front_matter_reads_alike(
            seed in 0usize..2,
            edits in proptest::collection::vec(edit(), 1..4),
        ) {
            let base = [PLAIN, HANDWRITTEN][seed];
            assert_agrees(&apply(base, &edits), 7);
        }
    }
}
