//! Changing action items in place (`pm action add|set`): references (`ID#A3`), the lifecycle
//! rules (a `wont-do` needs a reason, `done` sets `closed`, reopening clears it), the next free
//! `A<n>`, and the commit message that records the change.
//!
//! Edits go through [`crate::document::edit`], so only the changed values' bytes differ.

use crate::document::edit::{self, FieldChange, FieldValue};
use crate::document::{ActionStatus, Document, Spanned};
use crate::error::{Error, Result};
use crate::listing::input_error;
use crate::repository::{self, Entry};
use crate::text::{self, one_line};
use chrono::NaiveDate;

/// Checks an action status given on the command line.
pub fn check_status(status: &str) -> Result<ActionStatus> {
    ActionStatus::parse(status).ok_or_else(|| {
        Error::usage(format!(
            "`{status}` is not an action status: use one of {}",
            ActionStatus::ALL.join(", ")
        ))
    })
}

/// Checks a value against the ones a field allows (`kind`, `priority`).
pub fn check_choice(what: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "`{value}` is not an action {what}: use one of {}",
            allowed.join(", ")
        )))
    }
}

/// Refuses an empty `--what`.
pub fn non_empty(what: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        Err(Error::usage(format!("--{what} cannot be empty")))
    } else {
        Ok(())
    }
}

/// Splits `ID#A3` into the post-mortem query and the action ID.
pub fn split_reference(reference: &str) -> Result<(&str, &str)> {
    match reference.rsplit_once('#') {
        Some((pm, action)) if !pm.is_empty() && !action.is_empty() => Ok((pm, action)),
        _ => Err(Error::usage(format!(
            "`{reference}` is not an action reference: write ID#A3 (the post-mortem's ID, or part \
             of it, then # and the action's ID)"
        ))),
    }
}

/// A post-mortem file read for editing.
pub struct Target {
    pub entry: Entry,
    /// The bytes as read: the file is replaced only if it still has them.
    pub bytes: Vec<u8>,
    pub text: String,
    pub doc: Document,
}

impl Target {
    pub fn read(entry: Entry) -> Result<Target> {
        let bytes = repository::read(&entry.path).map_err(|e| Error::input(&entry.display, e))?;
        Target::from_bytes(entry, bytes)
    }

    /// A version of the file other than the one on disk (the committed one, for `--commit`).
    pub fn from_bytes(entry: Entry, bytes: Vec<u8>) -> Result<Target> {
        let text = String::from_utf8(bytes.clone()).map_err(|_| {
            Error::input(
                &entry.display,
                "the file is not UTF-8 text; save it as UTF-8 and run again",
            )
        })?;
        let doc = Document::parse_front_matter(&bytes).map_err(|e| input_error(&entry, &e, ""))?;
        Ok(Target {
            entry,
            bytes,
            text,
            doc,
        })
    }

    /// The post-mortem's ID: its `id`, or the file name when that is missing or empty.
    pub fn postmortem_id(&self) -> String {
        self.doc
            .id()
            .filter(|id| !id.is_empty())
            .unwrap_or(&self.entry.stem)
            .to_string()
    }

    /// The 1-based line of byte offset `at` in the file.
    pub fn line_of(&self, at: usize) -> usize {
        let end = at.min(self.bytes.len());
        memchr::memchr_iter(b'\n', &self.bytes[..end]).count() + 1
    }

    /// The next free action ID, `A<n>` one above the highest.
    pub fn next_action_id(&self) -> String {
        let next = self
            .doc
            .front
            .actions
            .iter()
            .filter_map(|a| a.id.as_ref())
            .filter_map(|id| id.value.strip_prefix('A')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        format!("A{next}")
    }

    /// Replaces the file with `new_text`, unless it changed on disk since it was read.
    pub fn replace(&self, new_text: &str) -> Result<()> {
        crate::writing::replace_in_place_if_unchanged(
            &self.entry.path,
            &self.entry.display,
            &self.bytes,
            new_text,
        )
    }
}

/// A new action item (`pm action add`).
pub struct NewAction {
    pub title: String,
    pub owner: String,
    pub due: NaiveDate,
    /// The optional fields given (`kind`, `priority`, `ticket`), in that order.
    pub optional: Vec<(&'static str, String)>,
}

/// The file's text with `action` appended as the next `A<n>`, and that ID.
pub fn add(target: &Target, action: &NewAction) -> Result<(String, String)> {
    let action_id = target.next_action_id();
    let mut fields = vec![
        ("id", FieldValue::Text(action_id.clone())),
        ("title", FieldValue::Text(action.title.clone())),
        ("owner", FieldValue::Text(action.owner.clone())),
        ("due", FieldValue::Date(action.due)),
        ("status", FieldValue::Text("open".into())),
    ];
    for (key, value) in &action.optional {
        fields.push((key, FieldValue::Text(value.clone())));
    }
    let new_text = edit::append_action(&target.text, &fields)
        .map_err(|e| Error::input(&target.entry.display, e.to_string()))?;
    Ok((action_id, new_text))
}

/// What `pm action set` asks to change; `None` leaves a field as it is.
#[derive(Debug, Default)]
pub struct Changes {
    /// open, in-progress, done or wont-do.
    pub status: Option<String>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub ticket: Option<String>,
    pub title: Option<String>,
    /// Why the item will not be done (`wont-do` needs one).
    pub reason: Option<String>,
    /// prevent, mitigate, detect or process.
    pub kind: Option<String>,
    /// P0..P3.
    pub priority: Option<String>,
    /// The day the item was done (default: today when it becomes done); not after today.
    pub closed: Option<NaiveDate>,
}

impl Changes {
    /// Refuses an unknown status, an empty owner, title or reason, and a request that changes
    /// nothing; returns the new status.
    pub fn validate(&self) -> Result<Option<ActionStatus>> {
        let status = self.status.as_deref().map(check_status).transpose()?;
        for (what, value) in [
            ("owner", &self.owner),
            ("title", &self.title),
            ("reason", &self.reason),
        ] {
            if let Some(v) = value {
                non_empty(what, v)?;
            }
        }
        if let Some(kind) = &self.kind {
            check_choice("kind", kind, &crate::document::ACTION_KINDS)?;
        }
        if let Some(priority) = &self.priority {
            check_choice("priority", priority, &crate::document::ACTION_PRIORITIES)?;
        }
        if self.status.is_none()
            && self.owner.is_none()
            && self.due.is_none()
            && self.ticket.is_none()
            && self.title.is_none()
            && self.reason.is_none()
            && self.kind.is_none()
            && self.priority.is_none()
            && self.closed.is_none()
        {
            return Err(Error::usage(
                "nothing to change: give --status, --owner, --due, --ticket, --title, --reason, --kind, --priority or --closed",
            ));
        }
        Ok(status)
    }
}

/// An edit of one action item, worked out but not yet written.
pub struct Edit {
    /// `ID#A3`.
    pub reference: String,
    /// The file's new text; `None` when every value is already as asked.
    pub new_text: Option<String>,
    /// What changed, for the user: `status open → done`, `closed 2026-03-01`.
    pub said: Vec<String>,
    /// The commit subject when none is given: Close, Won't do, Reopen or Update.
    pub subject: String,
}

/// Applies `changes` to the action `action_id` of `target`, as of `today` (a `done` item gets
/// `closed = today`; reopening one removes `closed`).
pub fn set(target: &Target, action_id: &str, changes: &Changes, today: NaiveDate) -> Result<Edit> {
    let new_status = changes.validate()?;
    let reference = format!("{}#{action_id}", target.postmortem_id());
    let action = find_action(target, action_id, &reference)?;
    let current = |v: &Option<Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let old_status = current(&action.status).unwrap_or_default();
    let title = changes
        .title
        .clone()
        .or_else(|| current(&action.title))
        .unwrap_or_default();
    if new_status == Some(ActionStatus::WontDo)
        && changes.reason.is_none()
        && action
            .reason
            .as_ref()
            .is_none_or(|r| r.value.trim().is_empty())
    {
        return Err(Error::usage(format!(
            "{reference}: `wont-do` needs a reason: add --reason \"why it will not be done\""
        )));
    }

    let mut fields: Vec<FieldChange<'_>> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    for (key, new, old) in [
        ("status", &changes.status, Some(old_status.clone())),
        ("owner", &changes.owner, current(&action.owner)),
        ("ticket", &changes.ticket, current(&action.ticket)),
        ("title", &changes.title, current(&action.title)),
        ("reason", &changes.reason, current(&action.reason)),
        ("kind", &changes.kind, current(&action.kind)),
        ("priority", &changes.priority, current(&action.priority)),
    ] {
        if let Some(new) = new {
            if old.as_deref() != Some(new.as_str()) {
                said.push(format!(
                    "{key} {} → {}",
                    old.as_deref().unwrap_or("none"),
                    one_line(new)
                ));
                fields.push((key, Some(FieldValue::Text(new.clone()))));
            }
        }
    }
    if let Some(due) = changes.due {
        let old = action.due.as_ref().map(|d| d.value);
        if old != Some(due) {
            said.push(format!("due {} → {due}", text::display_or(old, "none")));
            fields.push(("due", Some(FieldValue::Date(due))));
        }
    }
    let finished =
        |s: Option<ActionStatus>| matches!(s, Some(ActionStatus::Done | ActionStatus::WontDo));
    let status_after = new_status.or_else(|| ActionStatus::parse(&old_status));
    if let Some(closed) = changes.closed {
        if closed > today {
            return Err(Error::usage(format!(
                "{reference}: --closed {closed} is after today ({today}): record the day the item was done"
            )));
        }
        if !finished(status_after) {
            return Err(Error::usage(format!(
                "{reference}: --closed records when a finished item was done; the item is `{}`: add --status done",
                status_after.map_or_else(|| old_status.clone(), |s| s.as_str().to_string())
            )));
        }
    }
    if let Some(status) = new_status {
        let was_done = old_status == "done";
        if status == ActionStatus::Done && !was_done {
            let day = changes.closed.unwrap_or(today);
            fields.push(("closed", Some(FieldValue::Date(day))));
            said.push(format!("closed {day}"));
        } else if status != ActionStatus::Done
            && action.closed.is_some()
            && changes.closed.is_none()
        {
            fields.push(("closed", None));
        }
    }
    if let Some(day) = changes.closed {
        let old = action.closed.as_ref().map(|d| d.value);
        let already = fields.iter().any(|(key, _)| *key == "closed");
        if !already && old != Some(day) {
            said.push(format!("closed {} → {day}", text::display_or(old, "none")));
            fields.push(("closed", Some(FieldValue::Date(day))));
        }
    }
    let verb = match new_status {
        Some(ActionStatus::Done) if old_status != "done" => "Close",
        Some(ActionStatus::WontDo) if old_status != "wont-do" => "Won't do",
        Some(s) if s.is_pending() && matches!(old_status.as_str(), "done" | "wont-do") => "Reopen",
        _ => "Update",
    };
    let detail = if verb == "Update" {
        format!(" ({})", said.join(", "))
    } else {
        String::new()
    };
    let subject = format!("{verb} {reference}: {}{detail}", one_line(&title));
    let new_text = if fields.is_empty() {
        None
    } else {
        Some(
            edit::edit_action(&target.text, action_id, &fields)
                .map_err(|e| Error::input(&target.entry.display, e.to_string()))?,
        )
    };
    Ok(Edit {
        reference,
        new_text,
        said,
        subject,
    })
}

/// The action `action_id` of `target`; refuses an unknown ID, and an ID two items share
/// (naming both lines), rather than editing the first.
fn find_action<'t>(
    target: &'t Target,
    action_id: &str,
    reference: &str,
) -> Result<&'t crate::document::Action> {
    let actions = &target.doc.front.actions;
    let same: Vec<&crate::document::Action> = actions
        .iter()
        .filter(|a| a.id.as_ref().is_some_and(|i| i.value == action_id))
        .collect();
    if same.len() > 1 {
        let lines: Vec<String> = same
            .iter()
            .filter_map(|a| a.id.as_ref())
            .map(|id| format!("{}:{}", target.entry.display, target.line_of(id.span.start)))
            .collect();
        return Err(Error::usage(format!(
            "{reference} is ambiguous: {} actions have the id `{action_id}` ({}); give each its own id (`pm check` reports the duplicate) and run again",
            same.len(),
            lines.join(", ")
        )));
    }
    let Some(action) = same.first().copied() else {
        let known: Vec<&str> = actions
            .iter()
            .filter_map(|a| a.id.as_ref().map(|i| i.value.as_str()))
            .collect();
        let has = if known.is_empty() {
            "it has no action items yet (`pm action add`)".to_string()
        } else {
            format!("it has {}", known.join(", "))
        };
        return Err(Error::usage(format!(
            "{} has no action item `{action_id}`: {has}",
            target.entry.display
        )));
    };
    Ok(action)
}

/// The file's text without the action `action_id` (its `[[actions]]` table, and the blank
/// line before it), and the removed item's title. The item's history stays in git:
/// `pm history ID#A3` shows it, ending with its removal.
pub fn remove(target: &Target, action_id: &str) -> Result<(String, String)> {
    let reference = format!("{}#{action_id}", target.postmortem_id());
    let action = find_action(target, action_id, &reference)?;
    let text = &target.text;
    let span = action.span.clone();
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let mut start = line_start(span.start.min(text.len()));
    let end = match text[span.end.min(text.len())..].find('\n') {
        Some(i) => span.end + i + 1,
        None => text.len(),
    };
    if start > 0 {
        let previous = line_start(start - 1);
        if text[previous..start].trim().is_empty() {
            start = previous;
        }
    }
    let new_text = format!("{}{}", &text[..start], &text[end..]);
    // Read back: exactly this item is gone, the others are as they were.
    let before: Vec<Option<&str>> = target
        .doc
        .front
        .actions
        .iter()
        .filter(|a| a.index != action.index)
        .map(|a| a.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    let doc = Document::parse_front_matter(new_text.as_bytes())
        .map_err(|e| input_error(&target.entry, &e, ""))?;
    let after: Vec<Option<&str>> = doc
        .front
        .actions
        .iter()
        .map(|a| a.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    if before != after {
        return Err(Error::input(
            &target.entry.display,
            format!("{reference} is not written as its own [[actions]] table (an inline array?): remove it by hand"),
        ));
    }
    let title = action
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_default();
    Ok((new_text, title))
}

/// A commit message with the `Pm-Action:` trailer that ties the commit to the item.
pub fn commit_message(subject: &str, reference: &str) -> String {
    format!("{}\n\nPm-Action: {reference}\n", subject.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    const FILE: &str = "+++\nid = \"2026-03-01-db\"\ntitle = \"DB\"\n\n[[actions]]\nid = \"A1\"\ntitle = \"Alert on pool saturation\"\nowner = \"sam\"\ndue = 2026-03-10\nstatus = \"open\"\n\n[[actions]]\nid = \"A2\"\ntitle = \"Drop the cache\"\nowner = \"jo\"\ndue = 2026-03-10\nstatus = \"done\"\nclosed = 2026-03-05\n+++\n\n# DB\n";

    fn target(text: &str) -> Target {
        let doc = Document::parse_front_matter(text.as_bytes());
        Target {
            entry: Entry {
                path: PathBuf::from("2026-03-01-db.md"),
                display: "2026-03-01-db.md".into(),
                stem: "2026-03-01-db".into(),
            },
            bytes: text.as_bytes().to_vec(),
            text: text.into(),
            doc: doc.unwrap_or_else(|e| panic!("{e}")),
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    fn status(to: &str) -> Changes {
        Changes {
            status: Some(to.into()),
            ..Changes::default()
        }
    }

    #[test]
    fn references_split_at_the_last_hash() {
        assert_eq!(split_reference("db#A3").ok(), Some(("db", "A3")));
        assert!(split_reference("db#").is_err() && split_reference("A3").is_err());
    }

    #[test]
    fn done_closes_the_item_today() -> Result<()> {
        let edit = set(&target(FILE), "A1", &status("done"), day("2026-03-08"))?;
        assert_eq!(edit.said, ["status open → done", "closed 2026-03-08"]);
        assert!(edit
            .subject
            .starts_with("Close 2026-03-01-db#A1: Alert on pool"));
        let text = edit.new_text.unwrap_or_default();
        assert!(text.contains("closed = 2026-03-08"), "{text}");
        Ok(())
    }

    #[test]
    fn reopening_removes_the_close_date() -> Result<()> {
        let edit = set(&target(FILE), "A2", &status("open"), day("2026-03-08"))?;
        assert!(edit.subject.starts_with("Reopen 2026-03-01-db#A2"));
        let text = edit.new_text.unwrap_or_default();
        assert!(!text.contains("closed = 2026-03-05"), "{text}");
        Ok(())
    }

    #[test]
    fn wont_do_needs_a_reason() -> Result<()> {
        let err = set(&target(FILE), "A1", &status("wont-do"), day("2026-03-08"));
        assert!(err.is_err_and(|e| e.to_string().contains("needs a reason")));
        let with_reason = Changes {
            reason: Some("superseded by A2".into()),
            ..status("wont-do")
        };
        let edit = set(&target(FILE), "A1", &with_reason, day("2026-03-08"))?;
        assert!(edit.subject.starts_with("Won't do 2026-03-01-db#A1"));
        Ok(())
    }

    #[test]
    fn nothing_to_change_and_unknown_items_are_refused() -> Result<()> {
        assert!(Changes::default().validate().is_err());
        let same = Changes {
            owner: Some("sam".into()),
            ..Changes::default()
        };
        assert!(set(&target(FILE), "A1", &same, day("2026-03-08"))?
            .new_text
            .is_none());
        let err = set(&target(FILE), "A9", &same, day("2026-03-08"));
        assert!(err.is_err_and(|e| e.to_string().contains("it has A1, A2")));
        Ok(())
    }

    #[test]
    fn a_new_item_takes_the_next_number() -> Result<()> {
        let new = NewAction {
            title: "Page on replica lag".into(),
            owner: "amal".into(),
            due: day("2026-04-01"),
            optional: vec![("priority", "P1".into())],
        };
        let (id, text) = add(&target(FILE), &new)?;
        assert_eq!(id, "A3");
        assert!(
            text.contains("id = \"A3\"") && text.contains("priority = \"P1\""),
            "{text}"
        );
        Ok(())
    }
}
