//! A fast reader of the few front-matter fields the change reports compare, for the thousands
//! of blob versions a long history walk reads.
//!
//! The full reader ([`Document::parse_front_matter`]) builds an editable TOML document with
//! spans for every value; that costs far more than reading the file. Front matter as pm writes
//! it is a small, plain subset of TOML: one `key = value` per line, bare keys, `[impact]` and
//! `[[actions]]` headers, strings without escapes, single-line arrays of strings, integers,
//! booleans, dates and datetimes with an offset. This reader accepts exactly that subset and
//! checks it as strictly as TOML does (control characters, duplicate keys, real dates). Anything
//! else — an escape, a multi-line array, a dotted or quoted key, an inline table, any other
//! header, a duplicate — makes it give up, and the caller uses the full reader. So a file reads
//! the same either way; only plain files take the fast path.
//!
//! [`Document::parse_front_matter`]: crate::document::Document::parse_front_matter

use super::{ActionState, PostmortemState};
use crate::document::frontmatter;
use chrono::NaiveDate;

/// The keys seen in one table: a handful, so a list beats a hash set.
#[derive(Default)]
struct Keys<'t>(Vec<&'t str>);

impl<'t> Keys<'t> {
    /// False when the key was already there: a duplicate, which TOML rejects.
    fn insert(&mut self, key: &'t str) -> bool {
        if self.0.contains(&key) {
            return false;
        }
        self.0.push(key);
        true
    }
}

/// A value as far as the reports care.
enum Value<'t> {
    Str(&'t str),
    Date(NaiveDate),
    /// Anything else that is valid: integers, booleans, datetimes read only for their syntax,
    /// arrays of strings.
    Other,
}

#[derive(Default)]
struct Action<'t> {
    id: Option<Value<'t>>,
    title: Option<Value<'t>>,
    owner: Option<Value<'t>>,
    due: Option<Value<'t>>,
    status: Option<Value<'t>>,
}

/// The state of a post-mortem file, or `None` when this reader cannot say: then the file is
/// not in the plain subset, or not a readable post-mortem at all, and the full reader decides.
pub(super) fn read(bytes: &[u8], stem: &str) -> Option<PostmortemState> {
    if bytes.contains(&0) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let split = frontmatter::split(text).ok()?;
    let toml = &text[split.toml];

    let mut root_keys = Keys::default();
    let (mut id, mut title, mut status) = (None, None, None);
    let mut actions: Vec<Action<'_>> = Vec::new();
    let mut action_keys = Keys::default();
    let mut impact_keys = Keys::default();
    let mut seen_impact = false;
    #[derive(PartialEq)]
    enum Table {
        Root,
        Impact,
        Action,
    }
    let mut table = Table::Root;

    for line in toml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line = line.trim_start_matches([' ', '\t']);
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if !comment_ok(comment) {
                return None;
            }
            continue;
        }
        if line.starts_with('[') {
            let (header, rest) = if let Some(rest) = line.strip_prefix("[[actions]]") {
                (Table::Action, rest)
            } else if let Some(rest) = line.strip_prefix("[impact]") {
                (Table::Impact, rest)
            } else {
                return None;
            };
            if !end_ok(rest) {
                return None;
            }
            match header {
                Table::Action => {
                    actions.push(Action::default());
                    action_keys.0.clear();
                }
                Table::Impact => {
                    if seen_impact {
                        return None;
                    }
                    seen_impact = true;
                }
                Table::Root => {}
            }
            table = header;
            continue;
        }
        let key_end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(line.len());
        let (key, rest) = line.split_at(key_end);
        let rest = rest.trim_start_matches([' ', '\t']);
        let rest = rest.strip_prefix('=')?;
        if key.is_empty() {
            return None;
        }
        let (value, rest) = value(rest.trim_start_matches([' ', '\t']))?;
        if !end_ok(rest) {
            return None;
        }
        match table {
            Table::Root => {
                // An inline `impact` or `actions` would meet its header form: leave it to
                // the full reader.
                if key == "impact" || key == "actions" || !root_keys.insert(key) {
                    return None;
                }
                match key {
                    "id" => id = Some(value),
                    "title" => title = Some(value),
                    "status" => status = Some(value),
                    _ => {}
                }
            }
            Table::Impact => {
                if !impact_keys.insert(key) {
                    return None;
                }
            }
            Table::Action => {
                if !action_keys.insert(key) {
                    return None;
                }
                let action = actions.last_mut()?;
                match key {
                    "id" => action.id = Some(value),
                    "title" => action.title = Some(value),
                    "owner" => action.owner = Some(value),
                    "due" => action.due = Some(value),
                    "status" => action.status = Some(value),
                    _ => {}
                }
            }
        }
    }

    // The same rules as `PostmortemState::from_document`: a value of the wrong type counts as
    // missing.
    let string = |v: &Option<Value<'_>>| match v {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let actions = actions
        .iter()
        .enumerate()
        .map(|(index, a)| ActionState {
            id: string(&a.id).unwrap_or_else(|| format!("#{}", index + 1)),
            title: string(&a.title).unwrap_or_default(),
            owner: string(&a.owner).filter(|o| !o.is_empty()),
            due: match a.due {
                Some(Value::Date(d)) => Some(d),
                _ => None,
            },
            status: string(&a.status).unwrap_or_default(),
        })
        .collect();
    Some(PostmortemState {
        id: string(&id)
            .filter(|id| !id.is_empty())
            .unwrap_or_else(|| stem.to_string()),
        title: string(&title).unwrap_or_default(),
        status: string(&status).unwrap_or_default(),
        actions,
    })
}

/// Characters TOML allows in strings and comments: none of the control characters but tab.
fn text_ok(s: &str) -> bool {
    !s.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7f)
}

fn comment_ok(comment: &str) -> bool {
    text_ok(comment)
}

/// What may follow a value or a header on its line: blanks, then a comment or nothing.
fn end_ok(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    match rest.strip_prefix('#') {
        Some(comment) => comment_ok(comment),
        None => rest.is_empty(),
    }
}

/// Reads one value at the start of `s`; returns it and the rest of the line.
fn value(s: &str) -> Option<(Value<'_>, &str)> {
    let first = *s.as_bytes().first()?;
    match first {
        b'"' | b'\'' => {
            let (text, rest) = string(s)?;
            Some((Value::Str(text), rest))
        }
        b'[' => {
            let mut rest = s[1..].trim_start_matches([' ', '\t']);
            loop {
                if let Some(after) = rest.strip_prefix(']') {
                    return Some((Value::Other, after));
                }
                let (_, after) = string(rest)?;
                rest = after.trim_start_matches([' ', '\t']);
                if let Some(after) = rest.strip_prefix(',') {
                    rest = after.trim_start_matches([' ', '\t']);
                } else if !rest.starts_with(']') {
                    return None;
                }
            }
        }
        b't' | b'f' => {
            let end = token_end(s);
            match &s[..end] {
                "true" | "false" => Some((Value::Other, &s[end..])),
                _ => None,
            }
        }
        b'0'..=b'9' | b'+' | b'-' => {
            let end = token_end(s);
            let token = &s[..end];
            if let Some(value) = date_or_datetime(token) {
                return Some((value, &s[end..]));
            }
            integer_ok(token).then_some((Value::Other, &s[end..]))
        }
        _ => None,
    }
}

/// A value token ends at a blank, a comma, a closing bracket or a comment.
fn token_end(s: &str) -> usize {
    s.find([' ', '\t', ',', ']', '#']).unwrap_or(s.len())
}

/// A basic string without escapes, or a literal string, on one line.
fn string(s: &str) -> Option<(&str, &str)> {
    let quote = s.chars().next()?;
    if quote != '"' && quote != '\'' {
        return None;
    }
    let body = &s[1..];
    // Triple quotes start a multi-line string.
    if body.starts_with(quote) && body[1..].starts_with(quote) {
        return None;
    }
    let end = body.find(quote)?;
    let text = &body[..end];
    if (quote == '"' && text.contains('\\')) || !text_ok(text) {
        return None;
    }
    Some((text, &body[end + 1..]))
}

/// Decimal integers without underscores or leading zeros that fit in 64 bits.
fn integer_ok(token: &str) -> bool {
    let digits = token.strip_prefix(['+', '-']).unwrap_or(token);
    !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

/// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `+HH:MM`/`-HH:MM`, naming real
/// moments. Local datetimes and fractions of seconds are left to the full reader.
fn date_or_datetime(token: &str) -> Option<Value<'static>> {
    let b = token.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    if b.len() == 10 {
        return Some(Value::Date(date));
    }
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if num(11..13)? > 23 || num(14..16)? > 59 || num(17..19)? > 59 {
        return None;
    }
    match &b[19..] {
        b"Z" => {}
        [b'+' | b'-', ..] if b.len() == 25 && b[22] == b':' => {
            if num(20..22)? > 23 || num(23..25)? > 59 {
                return None;
            }
        }
        _ => return None,
    }
    // A datetime where a date is expected is read as its date.
    Some(Value::Date(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn full(text: &str) -> Option<PostmortemState> {
        let doc = Document::parse_front_matter(text.as_bytes()).ok()?;
        Some(PostmortemState::from_document(&doc, "stem"))
    }

    const PLAIN: &str = "+++\n\
        id = \"2026-01-01-x\"\n\
        title = 'Literal \"title\"'\n\
        status = \"draft\"  # a comment\n\
        services = [\"a\", 'b',]\n\
        started = 2026-01-01T10:00:00Z\n\
        detected = 2026-01-01T10:05:00+01:30\n\
        followup_review = 2026-02-01\n\
        \n\
        [impact]\n\
        users_affected = -12\n\
        slos = []\n\
        \n\
        [[actions]]\n\
        id = \"A1\"\n\
        title = \"Fix it\"\n\
        owner = \"\"\n\
        due = 2028-02-29T23:59:59-08:00\n\
        status = \"open\"\n\
        \n\
        [[actions]]\n\
        title = 3\n\
        due = 2028-02-29\n\
        closed = true\n\
        +++\n# Body\n";

    #[test]
    fn plain_front_matter_reads_as_the_full_reader_reads_it() {
        let quick = read(PLAIN.as_bytes(), "stem").expect("plain subset");
        assert_eq!(Some(quick), full(PLAIN));
        let crlf = PLAIN.replace('\n', "\r\n");
        assert_eq!(read(crlf.as_bytes(), "stem"), full(&crlf));
    }

    #[test]
    fn anything_outside_the_subset_is_left_to_the_full_reader() {
        for (from, to) in [
            ("id = \"2026-01-01-x\"", "id = \"2026\\u0041\""),
            ("id = \"2026-01-01-x\"", "\"id\" = \"x\""),
            ("id = \"2026-01-01-x\"", "a.b = 1"),
            ("id = \"2026-01-01-x\"", "id = \"\"\"x\"\"\""),
            ("id = \"2026-01-01-x\"", "id = \"x\"\nid = \"y\""),
            ("status = \"draft\"", "status = {a = 1}"),
            ("services = [\"a\", 'b',]", "services = [\n\"a\"]"),
            ("services = [\"a\", 'b',]", "services = [1, 2]"),
            (
                "started = 2026-01-01T10:00:00Z",
                "started = 2026-01-01T10:00:00",
            ),
            (
                "started = 2026-01-01T10:00:00Z",
                "started = 2026-01-01 10:00:00Z",
            ),
            (
                "followup_review = 2026-02-01",
                "followup_review = 2026-02-29",
            ),
            ("users_affected = -12", "users_affected = 1_000"),
            ("users_affected = -12", "users_affected = 012"),
            ("users_affected = -12", "users_affected = 1.5"),
            ("[impact]", "[other]"),
            ("[impact]", "[impact]\nx = 1\n[impact]"),
            ("owner = \"\"", "owner = \"\"\nowner = \"b\""),
            ("title = \"Fix it\"", "title = \"Fix\u{7}it\""),
        ] {
            let text = PLAIN.replacen(from, to, 1);
            assert_ne!(text, PLAIN, "{from}");
            assert_eq!(read(text.as_bytes(), "stem"), None, "{to}");
        }
    }

    #[test]
    fn files_that_are_no_post_mortem_read_as_none() {
        assert_eq!(read(b"# no front matter\n", "stem"), None);
        assert_eq!(read(b"+++\nid = \"x\"\n", "stem"), None);
        assert_eq!(read(b"+++\nid = \"x\0\"\n+++\n", "stem"), None);
    }
}
