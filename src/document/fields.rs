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

/// A value read for a slot: `None` when the text held something of the wrong type.
pub enum Value {
    Text(Option<Spanned<String>>),
    Texts(Vec<Spanned<String>>),
    Stamp(Option<Spanned<Timestamp>>),
    Date(Option<Spanned<NaiveDate>>),
    Integer(Option<Spanned<i64>>),
}

impl<T> Slot<T> {
    /// Stores `value` in `target`; false (and nothing stored) when the value is not of the
    /// slot's kind.
    pub fn put(&self, target: &mut T, value: Value) -> bool {
        match (self, value) {
            (Slot::Text(at), Value::Text(v)) => *at(target) = v,
            (Slot::Texts(at), Value::Texts(v)) => *at(target) = v,
            (Slot::Stamp(at), Value::Stamp(v)) => *at(target) = v,
            (Slot::Date(at), Value::Date(v)) => *at(target) = v,
            (Slot::Integer(at), Value::Integer(v)) => *at(target) = v,
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

/// The field of `fields` with this key.
pub fn find<T>(fields: &'static [Field<T>], key: &str) -> Option<&'static Field<T>> {
    fields.iter().find(|f| f.key == key)
}

/// The top-level fields (besides the `impact` and `actions` tables).
pub const ROOT: &[Field<FrontMatter>] = &[
    Field {
        key: "id",
        slot: Slot::Text(|f| &mut f.id),
    },
    Field {
        key: "title",
        slot: Slot::Text(|f| &mut f.title),
    },
    Field {
        key: "status",
        slot: Slot::Text(|f| &mut f.status),
    },
    Field {
        key: "severity",
        slot: Slot::Text(|f| &mut f.severity),
    },
    Field {
        key: "services",
        slot: Slot::Texts(|f| &mut f.services),
    },
    Field {
        key: "authors",
        slot: Slot::Texts(|f| &mut f.authors),
    },
    Field {
        key: "facilitator",
        slot: Slot::Text(|f| &mut f.facilitator),
    },
    Field {
        key: "participants",
        slot: Slot::Texts(|f| &mut f.participants),
    },
    Field {
        key: "started",
        slot: Slot::Stamp(|f| &mut f.started),
    },
    Field {
        key: "detected",
        slot: Slot::Stamp(|f| &mut f.detected),
    },
    Field {
        key: "mitigated",
        slot: Slot::Stamp(|f| &mut f.mitigated),
    },
    Field {
        key: "resolved",
        slot: Slot::Stamp(|f| &mut f.resolved),
    },
    Field {
        key: "review_meeting",
        slot: Slot::Date(|f| &mut f.review_meeting),
    },
    Field {
        key: "followup_review",
        slot: Slot::Date(|f| &mut f.followup_review),
    },
    Field {
        key: "tickets",
        slot: Slot::Texts(|f| &mut f.tickets),
    },
];

/// The top-level tables, read by their own code.
pub const TABLES: [&str; 2] = ["impact", "actions"];

/// The keys of `[impact]`.
pub const IMPACT: &[Field<Impact>] = &[
    Field {
        key: "summary",
        slot: Slot::Text(|i| &mut i.summary),
    },
    Field {
        key: "users_affected",
        slot: Slot::Integer(|i| &mut i.users_affected),
    },
    Field {
        key: "slos",
        slot: Slot::Texts(|i| &mut i.slos),
    },
];

/// The keys of each `[[actions]]` table.
pub const ACTION: &[Field<Action>] = &[
    Field {
        key: "id",
        slot: Slot::Text(|a| &mut a.id),
    },
    Field {
        key: "title",
        slot: Slot::Text(|a| &mut a.title),
    },
    Field {
        key: "owner",
        slot: Slot::Text(|a| &mut a.owner),
    },
    Field {
        key: "due",
        slot: Slot::Date(|a| &mut a.due),
    },
    Field {
        key: "status",
        slot: Slot::Text(|a| &mut a.status),
    },
    Field {
        key: "kind",
        slot: Slot::Text(|a| &mut a.kind),
    },
    Field {
        key: "priority",
        slot: Slot::Text(|a| &mut a.priority),
    },
    Field {
        key: "ticket",
        slot: Slot::Text(|a| &mut a.ticket),
    },
    Field {
        key: "reason",
        slot: Slot::Text(|a| &mut a.reason),
    },
    Field {
        key: "closed",
        slot: Slot::Date(|a| &mut a.closed),
    },
    Field {
        key: "created",
        slot: Slot::Date(|a| &mut a.created),
    },
];

/// Every top-level key, for "did you mean".
pub fn root_keys() -> impl Iterator<Item = &'static str> + Clone {
    ROOT.iter().map(|f| f.key).chain(TABLES)
}

/// The keys of one of the tables.
pub fn keys<T>(fields: &'static [Field<T>]) -> impl Iterator<Item = &'static str> + Clone {
    fields.iter().map(|f| f.key)
}
