//! `pm action list|add|set`: action items across the repository, and changing them in place.
//!
//! Edits go through [`pm::document::edit`], so only the changed values' bytes differ. A
//! read-modify-write holds an exclusive lock (two `pm action` runs never interleave) and checks
//! just before replacing the file that it still has the bytes that were read, so an editor's
//! unsaved-then-saved change is never overwritten.

use super::list::{load, md_escape, report_unreadable};
use super::{note, print, to_json, Context, ListFormat};
use chrono::NaiveDate;
use pm::document::edit::{self, FieldChange, FieldValue};
use pm::document::{ActionStatus, Document, ACTION_KINDS, ACTION_PRIORITIES};
use pm::git::Repo;
use pm::repository::{self, Entry};
use pm::summary::ActionView;
use pm::{Error, Outcome, Result};
use serde::Serialize;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, clap::Subcommand)]
pub enum ActionCommand {
    /// List action items across the repository.
    List(ListArgs),
    /// Add an action item to a post-mortem (the next free A<n>).
    Add(AddArgs),
    /// Change an action item: status, owner, due date, ticket, title.
    Set(SetArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only items whose owner contains this text (case-insensitive).
    #[arg(long)]
    pub owner: Option<String>,
    /// Only items with this status (open, in-progress, done, wont-do).
    #[arg(long)]
    pub status: Option<String>,
    /// Only overdue items (open or in progress, due before today).
    #[arg(long)]
    pub overdue: bool,
    /// Only items due before this date (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
    pub due_before: Option<NaiveDate>,
    /// Count overdue items as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    pub id: String,
    #[arg(long)]
    pub title: String,
    /// Who owns the item (a name or e-mail address).
    #[arg(long)]
    pub owner: String,
    /// Due date (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
    pub due: NaiveDate,
    /// prevent, mitigate, detect or process.
    #[arg(long)]
    pub kind: Option<String>,
    /// P0, P1, P2 or P3.
    #[arg(long)]
    pub priority: Option<String>,
    /// Tracker ticket (URL or key).
    #[arg(long)]
    pub ticket: Option<String>,
    /// Commit the file (alone, whatever else is staged).
    #[arg(long)]
    pub commit: bool,
    /// Commit message (with --commit); a `Pm-Action:` trailer is added.
    #[arg(short = 'm', long = "message", value_name = "MSG")]
    pub message: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The action item: `ID#A3`, where ID may be a unique prefix or part of the ID.
    #[arg(value_name = "REF")]
    pub reference: String,
    /// open, in-progress, done or wont-do (`wont-do` needs --reason).
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub owner: Option<String>,
    /// Due date (YYYY-MM-DD).
    #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    #[arg(long)]
    pub ticket: Option<String>,
    #[arg(long)]
    pub title: Option<String>,
    /// Why the item will not be done.
    #[arg(long)]
    pub reason: Option<String>,
    /// Commit the file (alone, whatever else is staged).
    #[arg(long)]
    pub commit: bool,
    /// Commit message (with --commit); a `Pm-Action:` trailer is added.
    #[arg(short = 'm', long = "message", value_name = "MSG")]
    pub message: Option<String>,
}

pub fn run(ctx: &Context, args: ActionCommand) -> Result<Outcome> {
    match args {
        ActionCommand::List(args) => list(ctx, args),
        ActionCommand::Add(args) => add(ctx, args),
        ActionCommand::Set(args) => set(ctx, args),
    }
}

/// A listed action with its post-mortem.
#[derive(Debug, Serialize)]
struct Listed {
    postmortem: String,
    path: String,
    #[serde(flatten)]
    action: ActionView,
}

fn list(ctx: &Context, args: ListArgs) -> Result<Outcome> {
    if let Some(status) = &args.status {
        check_status(status)?;
    }
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let (items, bad) = load(&located, today)?;
    let owner = args.owner.as_ref().map(|o| o.to_lowercase());
    let mut rows: Vec<Listed> = items
        .into_iter()
        .flat_map(|(_, s)| {
            let (id, path) = (s.id.clone(), s.path.clone());
            s.actions.into_iter().map(move |action| Listed {
                postmortem: id.clone(),
                path: path.clone(),
                action,
            })
        })
        .filter(|r| {
            owner.as_ref().is_none_or(|o| {
                r.action
                    .owner
                    .as_ref()
                    .is_some_and(|x| x.to_lowercase().contains(o))
            })
        })
        .filter(|r| args.status.as_ref().is_none_or(|s| &r.action.status == s))
        .filter(|r| !args.overdue || r.action.overdue)
        .filter(|r| {
            args.due_before
                .is_none_or(|d| r.action.due.is_some_and(|due| due < d))
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.action.due.is_none(), a.action.due, &a.action.reference).cmp(&(
            b.action.due.is_none(),
            b.action.due,
            &b.action.reference,
        ))
    });
    let out = match args.format {
        ListFormat::Json => to_json(&rows)?,
        ListFormat::Markdown => {
            let mut out =
                String::from("| Ref | Action | Owner | Due | Status |\n|---|---|---|---|---|\n");
            for r in &rows {
                let a = &r.action;
                let mut status = a.status.clone();
                if let Some(days) = a.days_overdue {
                    status.push_str(&format!(" (**overdue {days} days**)"));
                }
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} | {} |\n",
                    a.reference,
                    md_escape(&a.title),
                    md_escape(a.owner.as_deref().unwrap_or("—")),
                    a.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
                    status
                ));
            }
            out
        }
        ListFormat::Table => table(&rows, ctx.color),
    };
    print(&out)?;
    Ok(report_unreadable(&bad))
}

fn table(rows: &[Listed], color: bool) -> String {
    if rows.is_empty() {
        return "no action items match\n".into();
    }
    let ref_width = rows
        .iter()
        .map(|r| r.action.reference.chars().count())
        .max()
        .unwrap_or(3);
    let owner_width = rows
        .iter()
        .map(|r| r.action.owner.as_deref().unwrap_or("-").chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut out = format!(
        "{:<ref_width$}  {:<11}  {:<10}  {:<owner_width$}  TITLE\n",
        "REF", "STATUS", "DUE", "OWNER"
    );
    for r in rows {
        let a = &r.action;
        let mut line = format!(
            "{:<ref_width$}  {:<11}  {:<10}  {:<owner_width$}  {}",
            a.reference,
            a.status,
            a.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            a.owner.as_deref().unwrap_or("-"),
            a.title.replace('\n', " ")
        );
        if let Some(days) = a.days_overdue {
            line.push_str(&super::paint(color, "31;1", &format!("  OVERDUE {days}d")));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn check_status(status: &str) -> Result<ActionStatus> {
    ActionStatus::parse(status).ok_or_else(|| {
        Error::usage(format!(
            "`{status}` is not an action status: use one of {}",
            ActionStatus::ALL.join(", ")
        ))
    })
}

fn check_choice(what: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "`{value}` is not an action {what}: use one of {}",
            allowed.join(", ")
        )))
    }
}

fn non_empty(what: &str, value: &str) -> Result<()> {
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
struct Target {
    entry: Entry,
    bytes: Vec<u8>,
    text: String,
    doc: Document,
}

fn read_target(entry: Entry) -> Result<Target> {
    let bytes = repository::read(&entry.path).map_err(|e| Error::input(&entry.display, e))?;
    let text = String::from_utf8(bytes.clone()).map_err(|_| {
        Error::input(
            &entry.display,
            "the file is not UTF-8 text; save it as UTF-8 and run again",
        )
    })?;
    let doc = Document::parse_front_matter(&bytes).map_err(|e| match e.position() {
        Some((line, column)) => {
            Error::input(format!("{}:{line}:{column}", entry.display), e.to_string())
        }
        None => Error::input(&entry.display, e.to_string()),
    })?;
    Ok(Target {
        entry,
        bytes,
        text,
        doc,
    })
}

fn find_entry(ctx: &Context, query: &str) -> Result<Entry> {
    super::show::find_entry(&ctx.config()?, query)
}

fn add(ctx: &Context, args: AddArgs) -> Result<Outcome> {
    non_empty("title", &args.title)?;
    non_empty("owner", &args.owner)?;
    if let Some(kind) = &args.kind {
        check_choice("kind", kind, &ACTION_KINDS)?;
    }
    if let Some(priority) = &args.priority {
        check_choice("priority", priority, &ACTION_PRIORITIES)?;
    }
    let repo = if args.commit { Some(ctx.repo()?) } else { None };
    let entry = find_entry(ctx, &args.id)?;
    let _lock = Lock::acquire(ctx, &entry.path)?;
    let target = read_target(entry)?;
    let next = target
        .doc
        .front
        .actions
        .iter()
        .filter_map(|a| a.id.as_ref())
        .filter_map(|id| id.value.strip_prefix('A')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let action_id = format!("A{next}");
    let mut fields = vec![
        ("id", FieldValue::Text(action_id.clone())),
        ("title", FieldValue::Text(args.title.clone())),
        ("owner", FieldValue::Text(args.owner.clone())),
        ("due", FieldValue::Date(args.due)),
        ("status", FieldValue::Text("open".into())),
    ];
    for (key, value) in [
        ("kind", &args.kind),
        ("priority", &args.priority),
        ("ticket", &args.ticket),
    ] {
        if let Some(v) = value {
            fields.push((key, FieldValue::Text(v.clone())));
        }
    }
    let new_text = edit::append_action(&target.text, &fields)
        .map_err(|e| Error::input(&target.entry.display, e.to_string()))?;
    replace(&target, &new_text)?;
    let id = postmortem_id(&target);
    let reference = format!("{id}#{action_id}");
    print(&format!("{reference}: added “{}”\n", args.title))?;
    if let Some(repo) = repo {
        let subject = args
            .message
            .clone()
            .unwrap_or_else(|| format!("Add {reference}: {}", one_line(&args.title)));
        commit(&repo, &target.entry, &subject, &reference)?;
    }
    Ok(Outcome::Success)
}

fn postmortem_id(target: &Target) -> String {
    target
        .doc
        .id()
        .filter(|id| !id.is_empty())
        .unwrap_or(&target.entry.stem)
        .to_string()
}

fn one_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let mut short: String = line.chars().take(60).collect();
    if line.chars().count() > 60 {
        short.push('…');
    }
    short
}

fn set(ctx: &Context, args: SetArgs) -> Result<Outcome> {
    let (query, action_id) = split_reference(&args.reference)?;
    let new_status = args.status.as_deref().map(check_status).transpose()?;
    for (what, value) in [
        ("owner", &args.owner),
        ("title", &args.title),
        ("reason", &args.reason),
    ] {
        if let Some(v) = value {
            non_empty(what, v)?;
        }
    }
    if args.status.is_none()
        && args.owner.is_none()
        && args.due.is_none()
        && args.ticket.is_none()
        && args.title.is_none()
        && args.reason.is_none()
    {
        return Err(Error::usage(
            "nothing to change: give --status, --owner, --due, --ticket, --title or --reason",
        ));
    }
    let repo = if args.commit { Some(ctx.repo()?) } else { None };
    let today = ctx.today(None)?;
    let entry = find_entry(ctx, query)?;
    let _lock = Lock::acquire(ctx, &entry.path)?;
    let target = read_target(entry)?;
    let id = postmortem_id(&target);
    let reference = format!("{id}#{action_id}");
    let Some(action) = target
        .doc
        .front
        .actions
        .iter()
        .find(|a| a.id.as_ref().is_some_and(|i| i.value == action_id))
    else {
        let known: Vec<&str> = target
            .doc
            .front
            .actions
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
    let current = |v: &Option<pm::document::Spanned<String>>| v.as_ref().map(|s| s.value.clone());
    let old_status = current(&action.status).unwrap_or_default();
    let title = args
        .title
        .clone()
        .or_else(|| current(&action.title))
        .unwrap_or_default();

    let mut changes: Vec<FieldChange<'_>> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    let mut push_text = |changes: &mut Vec<FieldChange<'_>>,
                         key: &'static str,
                         new: &Option<String>,
                         old: Option<String>| {
        if let Some(new) = new {
            if old.as_deref() != Some(new.as_str()) {
                said.push(format!(
                    "{key} {} → {}",
                    old.as_deref().unwrap_or("none"),
                    one_line(new)
                ));
                changes.push((key, Some(FieldValue::Text(new.clone()))));
            }
        }
    };
    if let Some(status) = new_status {
        if status == ActionStatus::WontDo
            && args.reason.is_none()
            && action
                .reason
                .as_ref()
                .is_none_or(|r| r.value.trim().is_empty())
        {
            return Err(Error::usage(format!(
                "{reference}: `wont-do` needs a reason: add --reason \"why it will not be done\""
            )));
        }
    }
    push_text(
        &mut changes,
        "status",
        &args.status,
        Some(old_status.clone()),
    );
    push_text(&mut changes, "owner", &args.owner, current(&action.owner));
    push_text(
        &mut changes,
        "ticket",
        &args.ticket,
        current(&action.ticket),
    );
    push_text(&mut changes, "title", &args.title, current(&action.title));
    push_text(
        &mut changes,
        "reason",
        &args.reason,
        current(&action.reason),
    );
    if let Some(due) = args.due {
        let old = action.due.as_ref().map(|d| d.value);
        if old != Some(due) {
            said.push(format!(
                "due {} → {due}",
                old.map(|d| d.to_string()).unwrap_or_else(|| "none".into())
            ));
            changes.push(("due", Some(FieldValue::Date(due))));
        }
    }
    if let Some(status) = new_status {
        let was_done = old_status == "done";
        if status == ActionStatus::Done && !was_done {
            changes.push(("closed", Some(FieldValue::Date(today))));
            said.push(format!("closed {today}"));
        } else if status != ActionStatus::Done && action.closed.is_some() {
            changes.push(("closed", None));
        }
    }
    if changes.is_empty() {
        note(&format!(
            "{reference}: nothing changed (the values are already set)"
        ));
        return Ok(Outcome::Success);
    }
    let new_text = edit::edit_action(&target.text, action_id, &changes)
        .map_err(|e| Error::input(&target.entry.display, e.to_string()))?;
    replace(&target, &new_text)?;
    print(&format!("{reference}: {}\n", said.join(", ")))?;
    if let Some(repo) = repo {
        let subject = args.message.clone().unwrap_or_else(|| {
            let verb = match new_status {
                Some(ActionStatus::Done) if old_status != "done" => "Close".to_string(),
                Some(ActionStatus::WontDo) if old_status != "wont-do" => "Won't do".to_string(),
                Some(s) if s.is_pending() && matches!(old_status.as_str(), "done" | "wont-do") => {
                    "Reopen".to_string()
                }
                _ => "Update".to_string(),
            };
            let detail = if verb == "Update" {
                format!(" ({})", said.join(", "))
            } else {
                String::new()
            };
            format!("{verb} {reference}: {}{detail}", one_line(&title))
        });
        commit(&repo, &target.entry, &subject, &reference)?;
    }
    Ok(Outcome::Success)
}

/// Replaces the file, unless it changed on disk since it was read.
fn replace(target: &Target, new_text: &str) -> Result<()> {
    let now = std::fs::read(&target.entry.path).map_err(|e| Error::io(&target.entry.path, e))?;
    if now != target.bytes {
        return Err(Error::input(
            &target.entry.display,
            "the file changed on disk while pm was editing it (an editor saved it?); nothing was \
             written: run the command again",
        ));
    }
    repository::write_atomic(&target.entry.path, new_text.as_bytes())?;
    remove_stale_temp_files(&target.entry.path);
    Ok(())
}

/// A temporary file older than this was left by a pm that was killed while writing.
const STALE_TEMP: Duration = Duration::from_secs(60);

/// Removes the temporary files (`.pm-*.tmp`) that a pm killed mid-write left beside `file`.
/// pm never reads them (names starting with `.` are skipped), but `git status` shows them and
/// `git add -A` would stage them. Only old ones go: every `pm action` edit holds the lock, but
/// another writer (a site build into this folder) might be using a fresh one.
fn remove_stale_temp_files(file: &Path) {
    let Some(dir) = file.parent() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".pm-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn commit(repo: &Repo, entry: &Entry, subject: &str, reference: &str) -> Result<()> {
    let message = format!("{}\n\nPm-Action: {reference}\n", subject.trim_end());
    let sha = repo.commit_only(&entry.path, &message)?;
    let short: String = sha.chars().take(7).collect();
    note(&format!("committed {} as {short}", entry.display));
    Ok(())
}

/// An exclusive lock around a read-modify-write: inside the git folder (`pm.lock`), or beside
/// the file outside a repository. The operating system releases it when pm exits, however it
/// exits, so a lock is never left stale.
struct Lock {
    _file: File,
}

/// How long to wait for another pm to finish before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(5);

impl Lock {
    fn acquire(ctx: &Context, file: &Path) -> Result<Lock> {
        let path: PathBuf = match ctx.repo() {
            Ok(repo) => repo.git_dir().join("pm.lock"),
            Err(_) => file.parent().unwrap_or(Path::new(".")).join(".pm.lock"),
        };
        let mut handle = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        let start = Instant::now();
        let mut told = false;
        loop {
            match handle.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let holder = holder(&mut handle);
                    if start.elapsed() >= LOCK_WAIT {
                        return Err(Error::usage(format!(
                            "another pm ({holder}) has held {} for {}s: wait for it to finish \
                             and run again",
                            path.display(),
                            LOCK_WAIT.as_secs()
                        )));
                    }
                    if !told {
                        note(&format!("pm: waiting for another pm ({holder}) to finish…"));
                        told = true;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
        // Say who holds the lock, for whoever waits on it.
        let args: Vec<String> = std::env::args().skip(1).collect();
        let _ = handle.set_len(0).and_then(|_| {
            handle.rewind()?;
            write!(handle, "pid {}: pm {}", std::process::id(), args.join(" "))
        });
        Ok(Lock { _file: handle })
    }
}

fn holder(handle: &mut File) -> String {
    let mut text = String::new();
    let _ = handle
        .rewind()
        .and_then(|_| handle.read_to_string(&mut text));
    let text = text.trim();
    if text.is_empty() {
        "unknown process".into()
    } else {
        text.chars().take(200).collect()
    }
}
