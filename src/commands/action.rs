//! `pm action list|add|set`: action items across the repository, and changing them in place.
//!
//! The rules of a change live in `pm::action_edit`. A read-modify-write holds an exclusive lock
//! (two `pm action` runs never interleave) and checks just before replacing the file that it
//! still has the bytes that were read, so an editor's unsaved-then-saved change is never
//! overwritten (`pm::writing`).

use crate::cli::{
    edit_lock, note, parse_date, print, report_unreadable, to_json, warn_unreadable_actions,
    Context, ListFormat,
};
use chrono::NaiveDate;
use pm::action_edit::{self, check_choice, check_status, non_empty, split_reference, Target};
use pm::document::{ACTION_KINDS, ACTION_PRIORITIES};
use pm::git::Repo;
use pm::listing::{find_entry, load, Actions};
use pm::summary::{unreadable_actions, ActionView};
use pm::text;
use pm::text::{column_width, md_escape, paint, short, ALERT};
use pm::{Outcome, Result};
use serde::Serialize;

#[derive(Debug, clap::Subcommand)]
pub enum ActionCommand {
    /// List action items across the repository.
    List(ListArgs),
    /// Add an action item to a post-mortem (the next free A<n>).
    Add(AddArgs),
    /// Change an action item: status, owner, due date, ticket, title, kind, priority, closed date.
    Set(SetArgs),
    /// Remove an action item (its history stays in git: `pm history ID#A3`).
    Remove(RemoveArgs),
}

#[derive(Debug, clap::Args)]
pub struct RemoveArgs {
    /// The action item: `ID#A3`, where ID may be a unique prefix or part of the ID.
    #[arg(value_name = "REF", add = clap_complete::engine::ArgValueCompleter::new(crate::completion::action_refs))]
    pub reference: String,
    /// Commit the removal alone: the file's other uncommitted edits stay in the work tree.
    #[arg(long)]
    pub commit: bool,
    /// Commit message (with --commit); a `Pm-Action:` trailer is added.
    #[arg(short = 'm', long = "message", value_name = "MSG")]
    pub message: Option<String>,
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
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub due_before: Option<NaiveDate>,
    /// Count overdue items as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Output format: a table for people, JSON for scripts (stable, see docs/FOLLOWUP.md), Markdown for notes.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::completion::postmortem_ids))]
    pub id: String,
    /// What will be done, as a change to the system with a checkable outcome.
    #[arg(long)]
    pub title: String,
    /// Who owns the item (a name or e-mail address).
    #[arg(long)]
    pub owner: String,
    /// Due date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
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
    /// Commit this change alone: other staged files stay staged, the file's other uncommitted
    /// edits stay in the work tree.
    #[arg(long)]
    pub commit: bool,
    /// Commit message (with --commit); a `Pm-Action:` trailer is added.
    #[arg(short = 'm', long = "message", value_name = "MSG")]
    pub message: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The action item: `ID#A3`, where ID may be a unique prefix or part of the ID.
    #[arg(value_name = "REF", add = clap_complete::engine::ArgValueCompleter::new(crate::completion::action_refs))]
    pub reference: String,
    /// open, in-progress, done or wont-do (`wont-do` needs --reason).
    #[arg(long)]
    pub status: Option<String>,
    /// New owner (a name or e-mail address).
    #[arg(long)]
    pub owner: Option<String>,
    /// Due date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Tracker ticket (URL or key).
    #[arg(long)]
    pub ticket: Option<String>,
    /// New title.
    #[arg(long)]
    pub title: Option<String>,
    /// Why the item will not be done.
    #[arg(long)]
    pub reason: Option<String>,
    /// prevent, mitigate, detect or process.
    #[arg(long)]
    pub kind: Option<String>,
    /// P0, P1, P2 or P3.
    #[arg(long)]
    pub priority: Option<String>,
    /// The day a done (or won't-do) item was finished, when not today (not after today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub closed: Option<NaiveDate>,
    /// Commit this change alone: other staged files stay staged, the file's other uncommitted
    /// edits stay in the work tree.
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
        ActionCommand::Remove(args) => remove(ctx, args),
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
    let (items, bad) = load(&located, today, Actions::Keep)?;
    // Not filtered: an item pm cannot read has no owner or status to filter on.
    let unreadable = unreadable_actions(items.iter().map(|(_, s)| s));
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
                    text::display_or(a.due, "—"),
                    status
                ));
            }
            out
        }
        ListFormat::Table => table(&rows, ctx.color),
    };
    print(&out)?;
    warn_unreadable_actions(&unreadable);
    Ok(report_unreadable(&bad))
}

fn table(rows: &[Listed], color: bool) -> String {
    if rows.is_empty() {
        return "no action items match\n".into();
    }
    let ref_width = column_width(rows.iter().map(|r| &r.action.reference), 3);
    let owner_width = column_width(
        rows.iter()
            .map(|r| r.action.owner.as_deref().unwrap_or("-")),
        5,
    )
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
            text::display_or(a.due, "-"),
            a.owner.as_deref().unwrap_or("-"),
            a.title.replace('\n', " ")
        );
        if let Some(days) = a.days_overdue {
            line.push_str(&paint(color, ALERT, &format!("  OVERDUE {days}d")));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
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
    let located = ctx.config()?;
    let repo = if args.commit { Some(ctx.repo()?) } else { None };
    let entry = find_entry(&located, &args.id)?;
    let _lock = edit_lock(ctx, &entry)?;
    let target = Target::read(entry)?;
    let new = action_edit::NewAction {
        title: args.title.clone(),
        owner: args.owner,
        due: args.due,
        optional: [
            ("kind", args.kind),
            ("priority", args.priority),
            ("ticket", args.ticket),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value?)))
        .collect(),
    };
    let (action_id, new_text) = action_edit::add(&target, &new)?;
    let reference = format!("{}#{action_id}", target.postmortem_id());
    let said = format!("{reference}: added “{}”\n", args.title);
    let subject = args
        .message
        .unwrap_or_else(|| format!("Add {reference}: {}", pm::text::one_line(&args.title)));
    let edit = |base: &Target| -> Result<Option<String>> {
        let (id, text) = action_edit::add(base, &new)?;
        if id != action_id {
            return Err(pm::Error::usage(format!(
                "{reference}: the committed version of {} already uses {id}'s number differently; commit or drop your edits of the file first",
                base.entry.display
            )));
        }
        Ok(Some(text))
    };
    write_and_commit(
        &located,
        repo.as_ref(),
        &target,
        &new_text,
        &edit,
        &said,
        &subject,
        &reference,
    )
}

fn set(ctx: &Context, args: SetArgs) -> Result<Outcome> {
    let (query, action_id) = split_reference(&args.reference)?;
    let changes = action_edit::Changes {
        status: args.status,
        owner: args.owner,
        due: args.due,
        ticket: args.ticket,
        title: args.title,
        reason: args.reason,
        kind: args.kind,
        priority: args.priority,
        closed: args.closed,
    };
    changes.validate()?;
    let located = ctx.config()?;
    let repo = if args.commit { Some(ctx.repo()?) } else { None };
    let today = ctx.today(None)?;
    let entry = find_entry(&located, query)?;
    let _lock = edit_lock(ctx, &entry)?;
    let target = Target::read(entry)?;
    let edit = action_edit::set(&target, action_id, &changes, today)?;
    let Some(new_text) = &edit.new_text else {
        note(&format!(
            "{}: nothing changed (the values are already set)",
            edit.reference
        ));
        return Ok(Outcome::Success);
    };
    let subject = args.message.unwrap_or(edit.subject.clone());
    let on_base = |base: &Target| -> Result<Option<String>> {
        Ok(action_edit::set(base, action_id, &changes, today)?.new_text)
    };
    write_and_commit(
        &located,
        repo.as_ref(),
        &target,
        new_text,
        &on_base,
        &format!("{}: {}\n", edit.reference, edit.said.join(", ")),
        &subject,
        &edit.reference,
    )
}

fn remove(ctx: &Context, args: RemoveArgs) -> Result<Outcome> {
    let (query, action_id) = split_reference(&args.reference)?;
    let located = ctx.config()?;
    let repo = if args.commit { Some(ctx.repo()?) } else { None };
    let entry = find_entry(&located, query)?;
    let _lock = edit_lock(ctx, &entry)?;
    let target = Target::read(entry)?;
    let (new_text, title) = action_edit::remove(&target, action_id)?;
    let reference = format!("{}#{action_id}", target.postmortem_id());
    let subject = args
        .message
        .unwrap_or_else(|| format!("Remove {reference}: {}", pm::text::one_line(&title)));
    let on_base = |base: &Target| -> Result<Option<String>> {
        Ok(Some(action_edit::remove(base, action_id)?.0))
    };
    write_and_commit(
        &located,
        repo.as_ref(),
        &target,
        &new_text,
        &on_base,
        &format!("{reference}: removed “{title}” (`pm history {reference}` still shows it)\n"),
        &subject,
        &reference,
    )
}

/// Writes the edited file and, with `--commit` (`repo`), commits the same edit applied to the
/// committed version of the file, so that the commit holds the action change and nothing
/// else: the author's other uncommitted edits of the file stay in the work tree, uncommitted.
/// Everything that can refuse is done before anything changes: the committed version must
/// take the edit, the result must pass `pm check` without new errors, and git must make the
/// commit (hooks included). Only then is the work tree written.
#[allow(clippy::too_many_arguments)]
fn write_and_commit(
    located: &pm::config::Located,
    repo: Option<&Repo>,
    target: &Target,
    new_text: &str,
    on_base: &dyn Fn(&Target) -> Result<Option<String>>,
    said: &str,
    subject: &str,
    reference: &str,
) -> Result<Outcome> {
    let Some(repo) = repo else {
        target.replace(new_text)?;
        print(said)?;
        return Ok(Outcome::Success);
    };
    let message = action_edit::commit_message(subject, reference);
    let made = pm::action_commit::commit_edit(repo, located, target, on_base, &message)?;
    let sha = made.sha;
    target.replace(new_text).map_err(|e| {
        pm::Error::usage(format!(
            "committed {} as {}, but could not write the work tree: {e}; `git checkout -p -- {}` brings the change in",
            target.entry.display,
            short(&sha),
            target.entry.display
        ))
    })?;
    print(said)?;
    let kept = if !made.other_edits_kept {
        String::new()
    } else {
        " (your other edits of the file stay uncommitted)".into()
    };
    note(&format!(
        "committed {} as {}{kept}",
        target.entry.display,
        short(&sha)
    ));
    Ok(Outcome::Success)
}
