//! The front-matter fields pm knows: one table per TOML table (the root, `[impact]`,
//! `[[actions]]`), each field with its key, what it holds and where it goes in the model.
//!
//! Both readers (the fast one, [`super::fastfront`], and the toml_edit one,
//! [`super::frontmatter`]) store values through these tables, and the unknown-key rule and its
//! "did you mean" read the keys from them: a new field is one line here.

use super::frontmatter::{Action, FrontMatter, Impact, Spanned, Timestamp};
use chrono::NaiveDate;

/// Where a field's value goes in `T`, which also says what the value is.
pub enum Slot<T> {
    Text(fn(&mut T) -> &mut Option<Spanned<String>>),
    /// A list of strings (a lone string is read as a list of one).
    Texts(fn(&mut T) -> &mut Vec<Spanned<String>>),
    /// A datetime that should carry an offset.
    Stamp(fn(&mut T) -> &mut Option<Spanned<Timestamp>>),
    Date(fn(&mut T) -> &mut Option<Spanned<NaiveDate>>),
    Integer(fn(&mut T) -> &mut Option<Spanned<i64>>),
}

/// A value read for a slot (named apart from `toml_edit::Value`, which the toml_edit reader
/// also uses): `None` when the text held something of the wrong type.
pub enum Parsed {
    Text(Option<Spanned<String>>),
    Texts(Vec<Spanned<String>>),
    Stamp(Option<Spanned<Timestamp>>),
    Date(Option<Spanned<NaiveDate>>),
    Integer(Option<Spanned<i64>>),
}

impl<T> Slot<T> {
    /// Stores `value` in `target`; false (and nothing stored) when the value is not of the
    /// slot's kind.
    pub fn put(&self, target: &mut T, value: Parsed) -> bool {
        match (self, value) {
            (Slot::Text(at), Parsed::Text(v)) => *at(target) = v,
            (Slot::Texts(at), Parsed::Texts(v)) => *at(target) = v,
            (Slot::Stamp(at), Parsed::Stamp(v)) => *at(target) = v,
            (Slot::Date(at), Parsed::Date(v)) => *at(target) = v,
            (Slot::Integer(at), Parsed::Integer(v)) => *at(target) = v,
            _ => return false,
        }
        true
    }
}

/// One front-matter key.
pub struct Field<T: 'static> {
    pub key: &'static str,
    pub slot: Slot<T>,
}

impl<T> Field<T> {
    const fn new(key: &'static str, slot: Slot<T>) -> Self {
        Field { key, slot }
    }
}

/// The field of `fields` with this key.
pub fn find<T>(fields: &'static [Field<T>], key: &str) -> Option<&'static Field<T>> {
    fields.iter().find(|f| f.key == key)
}

/// The top-level fields (besides the `impact` and `actions` tables).
pub const ROOT: &[Field<FrontMatter>] = &[
    Field::new("id", Slot::Text(|f| &mut f.id)),
    Field::new("title", Slot::Text(|f| &mut f.title)),
    Field::new("status", Slot::Text(|f| &mut f.status)),
    Field::new("severity", Slot::Text(|f| &mut f.severity)),
    Field::new("services", Slot::Texts(|f| &mut f.services)),
    Field::new("authors", Slot::Texts(|f| &mut f.authors)),
    Field::new("facilitator", Slot::Text(|f| &mut f.facilitator)),
    Field::new("participants", Slot::Texts(|f| &mut f.participants)),
    Field::new("started", Slot::Stamp(|f| &mut f.started)),
    Field::new("detected", Slot::Stamp(|f| &mut f.detected)),
    Field::new("mitigated", Slot::Stamp(|f| &mut f.mitigated)),
    Field::new("resolved", Slot::Stamp(|f| &mut f.resolved)),
    Field::new("review_meeting", Slot::Date(|f| &mut f.review_meeting)),
    Field::new("followup_review", Slot::Date(|f| &mut f.followup_review)),
    Field::new("tickets", Slot::Texts(|f| &mut f.tickets)),
];

/// The `[impact]` table's key.
pub const IMPACT_TABLE: &str = "impact";
/// The `[[actions]]` tables' key.
pub const ACTIONS_TABLE: &str = "actions";
/// The top-level tables, read by their own code.
/// `[imported]`: the fields `pm import` could not map, kept as the source had them.
pub const IMPORTED_TABLE: &str = "imported";
pub const TABLES: [&str; 3] = [IMPACT_TABLE, ACTIONS_TABLE, IMPORTED_TABLE];

// The fast reader marks the keys it has seen in a table as bits of a `u32` (`1 << index`).
const _: () = assert!(ROOT.len() <= 32 && IMPACT.len() <= 32 && ACTION.len() <= 32);

/// The keys of `[impact]`.
pub const IMPACT: &[Field<Impact>] = &[
    Field::new("summary", Slot::Text(|i| &mut i.summary)),
    Field::new("users_affected", Slot::Integer(|i| &mut i.users_affected)),
    Field::new("slos", Slot::Texts(|i| &mut i.slos)),
];

/// The keys of each `[[actions]]` table.
pub const ACTION: &[Field<Action>] = &[
    Field::new("id", Slot::Text(|a| &mut a.id)),
    Field::new("title", Slot::Text(|a| &mut a.title)),
    Field::new("owner", Slot::Text(|a| &mut a.owner)),
    Field::new("due", Slot::Date(|a| &mut a.due)),
    Field::new("status", Slot::Text(|a| &mut a.status)),
    Field::new("kind", Slot::Text(|a| &mut a.kind)),
    Field::new("priority", Slot::Text(|a| &mut a.priority)),
    Field::new("ticket", Slot::Text(|a| &mut a.ticket)),
    Field::new("reason", Slot::Text(|a| &mut a.reason)),
    Field::new("closed", Slot::Date(|a| &mut a.closed)),
    Field::new("created", Slot::Date(|a| &mut a.created)),
];

/// Every top-level key, for "did you mean".
pub fn root_keys() -> impl Iterator<Item = &'static str> + Clone {
    ROOT.iter().map(|f| f.key).chain(TABLES)
}

/// The keys of one of the tables.
pub fn keys<T>(fields: &'static [Field<T>]) -> impl Iterator<Item = &'static str> + Clone {
    fields.iter().map(|f| f.key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::frontmatter::parse_full;
    use crate::document::{fastfront, Timestamp};

    /// Every key of every table, each with its own value.
    const EVERY_KEY: &str = r#"id = "2026-03-01-db"
title = "DB down"
status = "reviewed"
severity = "SEV1"
services = ["api", "db"]
authors = ["amal@example.com"]
facilitator = "jo"
participants = ["lee", "kim"]
started = 2026-03-01T09:00:00Z
detected = 2026-03-01T09:05:00+01:00
mitigated = 2026-03-01T09:30:00Z
resolved = 2026-03-01T11:00:00Z
review_meeting = 2026-03-03
followup_review = 2026-03-31
tickets = ["INC-1"]

[impact]
summary = "Checkout failed"
users_affected = 1200
slos = ["availability"]

[[actions]]
id = "A1"
title = "Alert on pool saturation"
owner = "amal"
due = 2026-03-15
status = "done"
kind = "detect"
priority = "high"
ticket = "OPS-7"
reason = "superseded"
closed = 2026-03-10
created = 2026-03-02
"#;

    fn text(v: &Option<Spanned<String>>) -> Option<&str> {
        v.as_ref().map(|s| s.value.as_str())
    }

    fn texts(v: &[Spanned<String>]) -> Vec<&str> {
        v.iter().map(|s| s.value.as_str()).collect()
    }

    fn date(v: &Option<Spanned<NaiveDate>>) -> Option<String> {
        v.as_ref().map(|d| d.value.to_string())
    }

    fn stamp(v: &Option<Spanned<Timestamp>>) -> Option<String> {
        v.as_ref()
            .and_then(|t| t.value.at())
            .map(|t| t.to_rfc3339())
    }

    #[test]
    fn both_readers_put_every_key_in_its_member() {
        let fast = fastfront::read(EVERY_KEY, 0);
        let full = parse_full(EVERY_KEY, 0).ok();
        assert!(
            fast.is_some(),
            "the fast reader gave up on plain front matter"
        );
        assert_eq!(fast, full, "the two readers disagree");
        let Some(f) = fast else { return };
        assert!(f.unknown_keys.is_empty() && f.problems.is_empty(), "{f:?}");
        assert_eq!(text(&f.id), Some("2026-03-01-db"));
        assert_eq!(text(&f.title), Some("DB down"));
        assert_eq!(text(&f.status), Some("reviewed"));
        assert_eq!(text(&f.severity), Some("SEV1"));
        assert_eq!(texts(&f.services), ["api", "db"]);
        assert_eq!(texts(&f.authors), ["amal@example.com"]);
        assert_eq!(text(&f.facilitator), Some("jo"));
        assert_eq!(texts(&f.participants), ["lee", "kim"]);
        assert_eq!(
            stamp(&f.started).as_deref(),
            Some("2026-03-01T09:00:00+00:00")
        );
        assert_eq!(
            stamp(&f.detected).as_deref(),
            Some("2026-03-01T09:05:00+01:00")
        );
        assert_eq!(
            stamp(&f.mitigated).as_deref(),
            Some("2026-03-01T09:30:00+00:00")
        );
        assert_eq!(
            stamp(&f.resolved).as_deref(),
            Some("2026-03-01T11:00:00+00:00")
        );
        assert_eq!(date(&f.review_meeting).as_deref(), Some("2026-03-03"));
        assert_eq!(date(&f.followup_review).as_deref(), Some("2026-03-31"));
        assert_eq!(texts(&f.tickets), ["INC-1"]);

        let Some(i) = &f.impact else {
            panic!("no [impact] read")
        };
        assert_eq!(text(&i.summary), Some("Checkout failed"));
        assert_eq!(i.users_affected.as_ref().map(|n| n.value), Some(1200));
        assert_eq!(texts(&i.slos), ["availability"]);

        let [a] = f.actions.as_slice() else {
            panic!("{} actions read", f.actions.len())
        };
        assert_eq!(text(&a.id), Some("A1"));
        assert_eq!(text(&a.title), Some("Alert on pool saturation"));
        assert_eq!(text(&a.owner), Some("amal"));
        assert_eq!(date(&a.due).as_deref(), Some("2026-03-15"));
        assert_eq!(text(&a.status), Some("done"));
        assert_eq!(text(&a.kind), Some("detect"));
        assert_eq!(text(&a.priority), Some("high"));
        assert_eq!(text(&a.ticket), Some("OPS-7"));
        assert_eq!(text(&a.reason), Some("superseded"));
        assert_eq!(date(&a.closed).as_deref(), Some("2026-03-10"));
        assert_eq!(date(&a.created).as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn the_test_front_matter_has_every_key() {
        let lines: Vec<&str> = EVERY_KEY.lines().collect();
        // The keys after `header` (`""`: from the top) up to the next table.
        let section = |header: &str| -> Vec<&str> {
            let start = match header {
                "" => 0,
                _ => lines
                    .iter()
                    .position(|l| *l == header)
                    .map_or(lines.len(), |i| i + 1),
            };
            lines[start..]
                .iter()
                .take_while(|l| !l.starts_with('['))
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
                .collect()
        };
        assert_eq!(section(""), keys(ROOT).collect::<Vec<_>>());
        assert_eq!(section("[impact]"), keys(IMPACT).collect::<Vec<_>>());
        assert_eq!(section("[[actions]]"), keys(ACTION).collect::<Vec<_>>());
    }
}
