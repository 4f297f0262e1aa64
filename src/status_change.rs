//! `pm status ID STATUS`: carrying a post-mortem from draft to closed, with the checks a
//! facilitator expects. Closing with action items still open (or overdue) needs `--force` and
//! says which; `reviewed` records `review_meeting` when it is not set; going back to an earlier
//! status (reopening) needs `--force` too.
//!
//! The edit changes only the bytes of `status` (and adds a `review_meeting` line after it), as
//! `pm action set` does for action items: comments, order and the body keep their bytes.

use crate::action_edit::Target;
use crate::document::frontmatter;
use crate::document::{ActionStatus, Document, Status};
use crate::error::{Error, Result};
use crate::listing::input_error;
use chrono::NaiveDate;

/// What `pm status` asks.
#[derive(Debug, Clone)]
pub struct Request {
    pub to: Status,
    /// Close with open items, or go back to an earlier status.
    pub force: bool,
    /// The day of the review meeting when `reviewed` records it (default: today).
    pub meeting: Option<NaiveDate>,
}

/// An edit worked out but not written.
#[derive(Debug)]
pub struct StatusEdit {
    /// `None` when the post-mortem already has the status.
    pub new_text: Option<String>,
    pub from: String,
    /// What changed, for the user.
    pub said: Vec<String>,
    /// Notes for stderr: what `--force` let through.
    pub forced: Vec<String>,
    pub subject: String,
}

/// Parses a status argument.
pub fn parse_status(value: &str) -> Result<Status> {
    Status::parse(value).ok_or_else(|| {
        Error::usage(format!(
            "`{value}` is not a post-mortem status: use one of {}",
            Status::ALL.join(", ")
        ))
    })
}

/// Works out the change of `target`'s status as of `today`.
pub fn change(target: &Target, request: &Request, today: NaiveDate) -> Result<StatusEdit> {
    let id = target.postmortem_id();
    let front = &target.doc.front;
    let from = front
        .status
        .as_ref()
        .map(|s| s.value.clone())
        .unwrap_or_default();
    let to = request.to;
    if from == to.as_str() {
        return Ok(StatusEdit {
            new_text: None,
            from,
            said: Vec::new(),
            forced: Vec::new(),
            subject: String::new(),
        });
    }
    if let Some(meeting) = request.meeting {
        if meeting > today {
            return Err(Error::usage(format!(
                "--review-meeting {meeting} is after today ({today}): record the day the meeting was held"
            )));
        }
    }
    let mut forced = Vec::new();
    if let Some(current) = Status::parse(&from) {
        if to < current {
            let why = format!("{id} goes back from `{from}` to `{}`", to.as_str());
            if !request.force {
                return Err(Error::usage(format!(
                    "{why}: that reopens it; pass --force to do so"
                )));
            }
            forced.push(why);
        }
    }
    if to == Status::Closed {
        let mut pending = Vec::new();
        for a in &front.actions {
            if a.status().is_none_or(ActionStatus::is_pending) {
                let aid =
                    a.id.as_ref()
                        .map_or_else(|| format!("#{}", a.index + 1), |i| i.value.clone());
                let status = a.status.as_ref().map_or("no status", |s| s.value.as_str());
                let late = if a.is_overdue(today) {
                    let due = a.due.as_ref().map(|d| d.value).unwrap_or(today);
                    format!(", overdue since {due}")
                } else {
                    String::new()
                };
                pending.push(format!("{id}#{aid} ({status}{late})"));
            }
        }
        let unreadable = front
            .problems
            .iter()
            .filter(|p| p.key.starts_with("actions"))
            .count();
        if unreadable > 0 {
            pending.push(format!(
                "{unreadable} action value(s) pm cannot read (`pm check` shows them)"
            ));
        }
        if !pending.is_empty() {
            let why = format!("{id} has action items not done: {}", pending.join(", "));
            if !request.force {
                return Err(Error::usage(format!(
                    "{why}; finish them (`pm action set ID#A1 --status done`, or wont-do with a reason), or pass --force to close anyway"
                )));
            }
            forced.push(why);
        }
    }
    let mut said = vec![format!("status {} → {}", or_none(&from), to.as_str())];
    let meeting = match (&front.review_meeting, to) {
        (None, Status::Reviewed | Status::Closed) => {
            let day = request.meeting.unwrap_or(today);
            said.push(format!("review_meeting {day}"));
            Some(day)
        }
        _ => None,
    };
    let new_text = edit(target, to.as_str(), meeting)?;
    let verb = match to {
        Status::Closed => "Close",
        Status::Reviewed => "Mark reviewed",
        Status::InReview => "Send for review",
        Status::Draft => "Back to draft",
    };
    Ok(StatusEdit {
        new_text: Some(new_text),
        from,
        said,
        forced,
        subject: format!("{verb}: post-mortem {id}"),
    })
}

fn or_none(text: &str) -> &str {
    if text.is_empty() {
        "none"
    } else {
        text
    }
}

/// The text with `status` set to `status` and, when given, a `review_meeting` line added after
/// the status line. Read back before it is returned.
fn edit(target: &Target, status: &str, meeting: Option<NaiveDate>) -> Result<String> {
    let text = &target.text;
    let bad = |why: &str| Error::input(&target.entry.display, why.to_string());
    let split = frontmatter::split(text).map_err(|_| bad("the file has no +++ front matter"))?;
    let toml_text = &text[split.toml.clone()];
    let doc = toml_edit::Document::parse(toml_text).map_err(|e| {
        bad(&format!(
            "the front matter is not valid TOML: {}",
            e.message()
        ))
    })?;
    let quoted = toml_edit::Value::from(status).to_string();
    let quoted = quoted.trim();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut out = text.clone();
    // Where the new line goes: after the status line, else after the front matter's first line.
    let insert_at = match doc.as_table().get("status").and_then(|i| i.span()) {
        Some(span) => {
            let start = split.toml.start + span.start;
            let end = split.toml.start + span.end;
            // `span` is the value's: keep any decor (spaces, comment) around it.
            let value = doc
                .as_table()
                .get("status")
                .and_then(|i| i.as_value())
                .and_then(|v| v.span())
                .map(|v| (split.toml.start + v.start, split.toml.start + v.end))
                .unwrap_or((start, end));
            out.replace_range(value.0..value.1, quoted);
            let shift = quoted.len() as isize - (value.1 - value.0) as isize;
            let line_end = text[value.1..]
                .find('\n')
                .map_or(text.len(), |i| value.1 + i + 1);
            (line_end as isize + shift) as usize
        }
        None => {
            let line = format!("status = {quoted}{newline}");
            let at = split.toml.start;
            out.insert_str(at, &line);
            at + line.len()
        }
    };
    if let Some(day) = meeting {
        let line = format!("review_meeting = {day}{newline}");
        let at = insert_at.min(out.len());
        out.insert_str(at, &line);
    }
    let parsed = Document::parse_front_matter(out.as_bytes())
        .map_err(|e| input_error(&target.entry, &e, ""))?;
    let read_status = parsed.front.status.as_ref().map(|s| s.value.as_str());
    let read_meeting = parsed.front.review_meeting.as_ref().map(|d| d.value);
    let meeting_ok = meeting.is_none_or(|m| read_meeting == Some(m));
    if read_status != Some(status) || !meeting_ok {
        return Err(bad(
            "pm could not change the status in place (is `status` written in an unusual form?): change it by hand",
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repository::Entry;
    use std::path::PathBuf;

    fn target(text: &str) -> Target {
        let entry = Entry {
            path: PathBuf::from("x.md"),
            display: "x.md".into(),
            stem: "2026-03-01-db".into(),
        };
        Target::from_bytes(entry, text.as_bytes().to_vec()).unwrap_or_else(|e| panic!("{e}"))
    }

    const FILE: &str = "+++\r\nid = \"2026-03-01-db\"\r\nstatus   = \"in-review\"  # keep\r\n\r\n[[actions]]\r\nid = \"A1\"\r\ntitle = \"Alert\"\r\nowner = \"sam\"\r\ndue = 2026-03-02\r\nstatus = \"open\"\r\n+++\r\n\r\n# DB\r\n";

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn reviewed_records_the_meeting_and_keeps_the_bytes_around() -> Result<()> {
        let request = Request {
            to: Status::Reviewed,
            force: false,
            meeting: None,
        };
        let edit = change(&target(FILE), &request, day("2026-03-05"))?;
        let text = edit.new_text.unwrap_or_default();
        assert!(
            text.contains("status   = \"reviewed\"  # keep\r\nreview_meeting = 2026-03-05\r\n"),
            "{text}"
        );
        Ok(())
    }

    #[test]
    fn closing_with_open_items_needs_force() -> Result<()> {
        let request = Request {
            to: Status::Closed,
            force: false,
            meeting: None,
        };
        let err = change(&target(FILE), &request, day("2026-03-05"));
        assert!(err.is_err_and(|e| e
            .to_string()
            .contains("2026-03-01-db#A1 (open, overdue since 2026-03-02)")));
        let forced = Request {
            force: true,
            ..request
        };
        let edit = change(&target(FILE), &forced, day("2026-03-05"))?;
        assert_eq!(edit.forced.len(), 1);
        Ok(())
    }
}
