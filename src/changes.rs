//! Change records between two states of the post-mortems: what `pm followup --since`, `pm diff`
//! and `pm history` report. Nothing here knows about git: the history reader hands in two parsed
//! states and gets back the records, so the rules are tested on plain values.
//!
//! Post-mortems are matched by their ID (the front-matter `id`, else the file stem) and action
//! items by their own `id` within the post-mortem, never by position or path: a file moved to
//! another folder, or an action moved up the list, is not a change.

use crate::document::{ActionStatus, Document, FrontMatter};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the reports need of one action item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionState {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: String,
}

/// What the reports need of one post-mortem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostmortemState {
    pub id: String,
    pub title: String,
    pub status: String,
    pub actions: Vec<ActionState>,
}

/// The post-mortems of one revision, by ID.
pub type State = BTreeMap<String, PostmortemState>;

impl PostmortemState {
    /// Reads the state from a parsed document; `stem` is the file's stem, the ID when the front
    /// matter has none.
    pub fn from_document(doc: &Document, stem: &str) -> PostmortemState {
        PostmortemState::from_front_matter(&doc.front, stem)
    }

    fn from_front_matter(fm: &FrontMatter, stem: &str) -> PostmortemState {
        let value =
            |v: &Option<crate::document::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
        let actions = fm
            .actions
            .iter()
            .map(|a| ActionState {
                id: value(&a.id).unwrap_or_else(|| format!("#{}", a.index + 1)),
                title: value(&a.title).unwrap_or_default(),
                owner: value(&a.owner).filter(|o| !o.is_empty()),
                due: a.due.as_ref().map(|d| d.value),
                status: value(&a.status).unwrap_or_default(),
            })
            .collect();
        PostmortemState {
            id: value(&fm.id)
                .filter(|id| !id.is_empty())
                .unwrap_or_else(|| stem.to_string()),
            title: value(&fm.title).unwrap_or_default(),
            status: value(&fm.status).unwrap_or_default(),
            actions,
        }
    }

    /// Reads the state from a file's bytes; `None` when they are no readable post-mortem.
    /// Plain front matter takes the shared fast path of `document::fastfront` (the history walk
    /// reads thousands of blob versions); anything else goes through the full reader, so the
    /// result is the same either way.
    pub fn read(bytes: &[u8], stem: &str) -> Option<PostmortemState> {
        if bytes.len() as u64 > crate::document::MAX_FILE_BYTES {
            return None;
        }
        let front = crate::document::read_front_matter(bytes).ok()?;
        Some(PostmortemState::from_front_matter(&front, stem))
    }

    /// The action with this ID (the first, should the file repeat one).
    pub fn action(&self, id: &str) -> Option<&ActionState> {
        self.actions.iter().find(|a| a.id == id)
    }
}

/// The kinds of change, as they appear in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Closed,
    Reopened,
    StatusChanged,
    Reassigned,
    DueChanged,
    Retitled,
    PostmortemAdded,
    PostmortemStatusChanged,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Closed => "closed",
            ChangeKind::Reopened => "reopened",
            ChangeKind::StatusChanged => "status_changed",
            ChangeKind::Reassigned => "reassigned",
            ChangeKind::DueChanged => "due_changed",
            ChangeKind::Retitled => "retitled",
            ChangeKind::PostmortemAdded => "postmortem_added",
            ChangeKind::PostmortemStatusChanged => "postmortem_status_changed",
        }
    }
}

/// One change. `from` and `to` are the values before and after: statuses for status changes,
/// owners, due dates (YYYY-MM-DD), titles; for `added`/`postmortem_added` `to` is the title, for
/// `removed` `from` is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `ID#A1` for an action item, `ID` for a post-mortem.
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(skip)]
    pub postmortem: String,
    /// The action's ID; `None` for a change of the post-mortem itself.
    #[serde(skip)]
    pub action: Option<String>,
    pub change: ChangeKind,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Change {
    /// For a due-date change: days the date moved (positive: later, a slip).
    pub fn due_shift_days(&self) -> Option<i64> {
        if self.change != ChangeKind::DueChanged {
            return None;
        }
        let parse = |v: &Option<String>| {
            v.as_deref()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        };
        Some((parse(&self.to)? - parse(&self.from)?).num_days())
    }

    /// A short sentence for tables and Markdown: "closed (open → done)".
    pub fn describe(&self) -> String {
        let from = self.from.as_deref().unwrap_or("none");
        let to = self.to.as_deref().unwrap_or("none");
        match self.change {
            ChangeKind::Added => format!("added: {to}"),
            ChangeKind::Removed => format!("removed: {from}"),
            ChangeKind::PostmortemAdded => format!("post-mortem added: {to}"),
            ChangeKind::Closed => format!("closed ({from} → {to})"),
            ChangeKind::Reopened => format!("reopened ({from} → {to})"),
            ChangeKind::StatusChanged => format!("status {from} → {to}"),
            ChangeKind::PostmortemStatusChanged => format!("post-mortem status {from} → {to}"),
            ChangeKind::Reassigned => format!("reassigned {from} → {to}"),
            ChangeKind::Retitled => format!("retitled “{from}” → “{to}”"),
            ChangeKind::DueChanged => match self.due_shift_days() {
                Some(days) if days > 0 => {
                    format!("due date slipped {from} → {to} (+{days} days)")
                }
                Some(days) => format!("due date moved earlier {from} → {to} ({days} days)"),
                None => format!("due date {from} → {to}"),
            },
        }
    }
}

fn is_closed(status: &str) -> bool {
    ActionStatus::parse(status).is_some_and(|s| !s.is_pending())
}

fn record(
    out: &mut Vec<Change>,
    postmortem: &str,
    action: Option<&str>,
    change: ChangeKind,
    from: Option<String>,
    to: Option<String>,
) {
    let reference = match action {
        Some(a) => format!("{postmortem}#{a}"),
        None => postmortem.to_string(),
    };
    out.push(Change {
        reference,
        postmortem: postmortem.to_string(),
        action: action.map(str::to_string),
        change,
        from,
        to,
    });
}

/// The changes of one action item. Several fields may change at once: each is its own record.
pub fn compare_action(postmortem: &str, before: &ActionState, after: &ActionState) -> Vec<Change> {
    let mut out = Vec::new();
    let id = Some(after.id.as_str());
    if before.status != after.status {
        let kind = match (is_closed(&before.status), is_closed(&after.status)) {
            (false, true) => ChangeKind::Closed,
            (true, false) => ChangeKind::Reopened,
            _ => ChangeKind::StatusChanged,
        };
        let (from, to) = (before.status.clone(), after.status.clone());
        record(&mut out, postmortem, id, kind, Some(from), Some(to));
    }
    if before.owner != after.owner {
        let (from, to) = (before.owner.clone(), after.owner.clone());
        record(&mut out, postmortem, id, ChangeKind::Reassigned, from, to);
    }
    if before.due != after.due {
        let show = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        let (from, to) = (show(before.due), show(after.due));
        record(&mut out, postmortem, id, ChangeKind::DueChanged, from, to);
    }
    if before.title != after.title {
        let (from, to) = (before.title.clone(), after.title.clone());
        record(
            &mut out,
            postmortem,
            id,
            ChangeKind::Retitled,
            Some(from),
            Some(to),
        );
    }
    out
}

/// The changes of one post-mortem between two states; `None` is "not there".
pub fn compare_postmortem(
    before: Option<&PostmortemState>,
    after: Option<&PostmortemState>,
) -> Vec<Change> {
    let mut out = Vec::new();
    let (id, empty) = match (before, after) {
        (_, Some(a)) => (a.id.as_str(), &[][..]),
        (Some(b), None) => (b.id.as_str(), &[][..]),
        (None, None) => return out,
    };
    let before_actions: &[ActionState] = before.map_or(empty, |b| &b.actions);
    let after_actions: &[ActionState] = after.map_or(empty, |a| &a.actions);
    match (before, after) {
        (None, Some(a)) => record(
            &mut out,
            id,
            None,
            ChangeKind::PostmortemAdded,
            None,
            Some(a.title.clone()),
        ),
        (Some(b), Some(a)) if b.status != a.status => record(
            &mut out,
            id,
            None,
            ChangeKind::PostmortemStatusChanged,
            Some(b.status.clone()),
            Some(a.status.clone()),
        ),
        _ => {}
    }
    let mut seen = std::collections::HashSet::new();
    for action in after_actions {
        if !seen.insert(action.id.as_str()) {
            continue;
        }
        match before_actions.iter().find(|b| b.id == action.id) {
            Some(old) => out.extend(compare_action(id, old, action)),
            None => record(
                &mut out,
                id,
                Some(&action.id),
                ChangeKind::Added,
                None,
                Some(action.title.clone()),
            ),
        }
    }
    let mut gone = std::collections::HashSet::new();
    for action in before_actions {
        if seen.contains(action.id.as_str()) || !gone.insert(action.id.as_str()) {
            continue;
        }
        record(
            &mut out,
            id,
            Some(&action.id),
            ChangeKind::Removed,
            Some(action.title.clone()),
            None,
        );
    }
    out
}

/// Every change between two states, post-mortem by post-mortem in ID order.
pub fn compare(before: &State, after: &State) -> Vec<Change> {
    let mut ids: Vec<&String> = before.keys().chain(after.keys()).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .flat_map(|id| compare_postmortem(before.get(id), after.get(id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(id: &str, status: &str, owner: &str, due: &str) -> ActionState {
        ActionState {
            id: id.into(),
            title: format!("Action {id}"),
            owner: Some(owner.into()),
            due: NaiveDate::parse_from_str(due, "%Y-%m-%d").ok(),
            status: status.into(),
        }
    }

    fn pm(status: &str, actions: Vec<ActionState>) -> PostmortemState {
        PostmortemState {
            id: "2026-01-01-x".into(),
            title: "X".into(),
            status: status.into(),
            actions,
        }
    }

    fn kinds(changes: &[Change]) -> Vec<(&str, &str)> {
        changes
            .iter()
            .map(|c| (c.reference.as_str(), c.change.as_str()))
            .collect()
    }

    #[test]
    fn each_field_change_is_its_own_record() {
        let before = pm(
            "in-review",
            vec![
                action("A1", "open", "sam", "2026-02-01"),
                action("A2", "done", "jo", "2026-02-01"),
                action("A3", "open", "amal", "2026-02-01"),
                action("A4", "open", "kim", "2026-02-01"),
            ],
        );
        let mut a3 = action("A3", "in-progress", "lee", "2026-02-15");
        a3.title = "Renamed".into();
        // A4 removed, A5 added, A2 reopened, A1 closed; the order of the list changed.
        let after = pm(
            "reviewed",
            vec![
                action("A5", "open", "kim", "2026-03-01"),
                action("A1", "done", "sam", "2026-02-01"),
                action("A2", "open", "jo", "2026-02-01"),
                a3,
            ],
        );
        let changes = compare_postmortem(Some(&before), Some(&after));
        assert_eq!(
            kinds(&changes),
            [
                ("2026-01-01-x", "postmortem_status_changed"),
                ("2026-01-01-x#A5", "added"),
                ("2026-01-01-x#A1", "closed"),
                ("2026-01-01-x#A2", "reopened"),
                ("2026-01-01-x#A3", "status_changed"),
                ("2026-01-01-x#A3", "reassigned"),
                ("2026-01-01-x#A3", "due_changed"),
                ("2026-01-01-x#A3", "retitled"),
                ("2026-01-01-x#A4", "removed"),
            ]
        );
        let due = &changes[6];
        assert_eq!(due.from.as_deref(), Some("2026-02-01"));
        assert_eq!(due.to.as_deref(), Some("2026-02-15"));
        assert_eq!(due.due_shift_days(), Some(14));
        assert!(due.describe().contains("slipped"), "{}", due.describe());
    }

    #[test]
    fn identical_states_and_moves_are_no_change() {
        let a = pm("draft", vec![action("A1", "open", "sam", "2026-02-01")]);
        assert!(compare_postmortem(Some(&a), Some(&a)).is_empty());
        let mut before = State::new();
        before.insert(a.id.clone(), a.clone());
        assert!(compare(&before, &before.clone()).is_empty());
    }

    #[test]
    fn a_new_post_mortem_brings_its_actions() {
        let a = pm("draft", vec![action("A1", "open", "sam", "2026-02-01")]);
        assert_eq!(
            kinds(&compare_postmortem(None, Some(&a))),
            [
                ("2026-01-01-x", "postmortem_added"),
                ("2026-01-01-x#A1", "added")
            ]
        );
        assert_eq!(
            kinds(&compare_postmortem(Some(&a), None)),
            [("2026-01-01-x#A1", "removed")]
        );
    }

    #[test]
    fn done_to_wont_do_is_a_status_change_not_a_reopening() {
        let before = action("A1", "done", "sam", "2026-02-01");
        let after = action("A1", "wont-do", "sam", "2026-02-01");
        let changes = compare_action("x", &before, &after);
        assert_eq!(changes[0].change, ChangeKind::StatusChanged);
    }
}
