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

/// The top-level tables, read by their own code.
pub const TABLES: [&str; 2] = ["impact", "actions"];

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
