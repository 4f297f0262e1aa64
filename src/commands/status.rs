//! `pm status ID STATUS`: moves a post-mortem along draft → in-review → reviewed → closed, with
//! the checks of `pm::status_change`, and with `--commit` commits that change alone.

use crate::cli::{note, parse_date, print, Context};
use chrono::NaiveDate;
use pm::action_edit::Target;
use pm::listing::find_entry;
use pm::status_change::{self, Request};
use pm::text::short;
use pm::{Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::completion::postmortem_ids))]
    pub id: String,
    /// The new status: in-review, reviewed, closed (or draft).
    #[arg(value_name = "STATUS")]
    pub status: String,
    /// Close although action items are not done, or go back to an earlier status.
    #[arg(long)]
    pub force: bool,
    /// The day of the review meeting that `reviewed` records when `review_meeting` is not set
    /// (default: today; not after today).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub review_meeting: Option<NaiveDate>,
    /// Commit this change alone: other staged files stay staged, the file's other uncommitted
    /// edits stay in the work tree.
    #[arg(long)]
    pub commit: bool,
    /// Commit message (with --commit); a `Pm-Postmortem:` trailer is added.
    #[arg(short = 'm', long = "message", value_name = "MSG")]
    pub message: Option<String>,
}

pub fn run(ctx: &Context, args: StatusArgs) -> Result<Outcome> {
    let to = status_change::parse_status(&args.status)?;
    let located = ctx.config()?;
    let repo = if args.commit { Some(ctx.repo()?) } else { None };
    let today = ctx.today(None)?;
    let entry = find_entry(&located, &args.id)?;
    let _lock = crate::cli::edit_lock(ctx, &entry)?;
    let target = Target::read(entry)?;
    let request = Request {
        to,
        force: args.force,
        meeting: args.review_meeting,
    };
    let edit = status_change::change(&target, &request, today)?;
    let id = target.postmortem_id();
    let Some(new_text) = &edit.new_text else {
        note(&format!(
            "{id}: nothing changed (the status is already {})",
            edit.from
        ));
        return Ok(Outcome::Success);
    };
    for why in &edit.forced {
        note(&format!("pm: --force: {why}"));
    }
    if let Some(repo) = &repo {
        let subject = args.message.clone().unwrap_or(edit.subject.clone());
        let message = format!("{}\n\nPm-Postmortem: {id}\n", subject.trim_end());
        let on_base = |base: &Target| -> Result<Option<String>> {
            Ok(status_change::change(base, &request, today)?.new_text)
        };
        let made = pm::action_commit::commit_edit(repo, &located, &target, &on_base, &message)?;
        target.replace(new_text)?;
        print(&format!("{id}: {}\n", edit.said.join(", ")))?;
        let kept = if made.other_edits_kept {
            " (your other edits of the file stay uncommitted)"
        } else {
            ""
        };
        note(&format!(
            "committed {} as {}{kept}",
            target.entry.display,
            short(&made.sha)
        ));
        return Ok(Outcome::Success);
    }
    target.replace(new_text)?;
    print(&format!("{id}: {}\n", edit.said.join(", ")))?;
    Ok(Outcome::Success)
}
