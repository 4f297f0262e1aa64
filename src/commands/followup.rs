//! `pm followup`: what the follow-up review needs — overdue items, items due soon, reviews due,
//! incomplete items and, with `--since`, what changed since the last review and which commit
//! changed it. The JSON is documented in docs/FOLLOWUP.md and kept stable.

use super::list::{load, md_escape, report_unreadable, Unreadable};
use super::{note, paint, print, to_json, Context, ListFormat};
use chrono::NaiveDate;
use pm::changes::Change;
use pm::config::Located;
use pm::document::{ActionStatus, Document, Status};
use pm::git::history::{CommitInfo, Dated, History};
use pm::summary::Summary;
use pm::{Outcome, Result};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Debug, clap::Args)]
pub struct FollowupArgs {
    /// Report as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// "Due soon" means within this many days (default: followup.due_soon_days in pm.toml).
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// Only items whose owner contains this text (case-insensitive).
    #[arg(long)]
    pub owner: Option<String>,
    /// Only post-mortems of this severity.
    #[arg(long)]
    pub severity: Option<String>,
    /// Add the progress since this revision, or since a date (YYYY-MM-DD: the last commit on the
    /// first-parent line at or before the start of that day).
    #[arg(long, value_name = "REV|DATE")]
    pub since: Option<String>,
    /// Read the post-mortems at this revision instead of the work tree.
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
    /// With --since, include the commits of merged branches (default: first parents only).
    #[arg(long)]
    pub all_parents: bool,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Exit 1 when any action item is overdue.
    #[arg(long)]
    pub fail_on_overdue: bool,
}

/// One action item in the report.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    #[serde(rename = "ref")]
    pub reference: String,
    pub postmortem: String,
    pub title: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_overdue: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_until_due: Option<i64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewDue {
    pub postmortem: String,
    pub followup_review: NaiveDate,
}

/// A revision the report refers to.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub commit: Option<String>,
    pub date: Option<String>,
}

impl Point {
    fn of(info: Option<&CommitInfo>) -> Point {
        Point {
            commit: info.map(|i| i.commit.clone()),
            date: info.map(|i| i.date.clone()),
        }
    }
}

/// A change with the commit that made it (all `None` for an uncommitted change).
#[derive(Debug, Clone, Serialize)]
pub struct ChangeOut {
    #[serde(flatten)]
    pub change: Change,
    pub commit: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

impl ChangeOut {
    pub fn new(dated: Dated) -> ChangeOut {
        ChangeOut {
            change: dated.change,
            commit: dated.commit.as_ref().map(|c| c.commit.clone()),
            author: dated.commit.as_ref().map(|c| c.author.clone()),
            date: dated.commit.as_ref().map(|c| c.date.clone()),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Progress {
    pub since: Point,
    /// Present when the clone is shallow and its history starts after `since`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history_starts: Option<Point>,
    pub changes: Vec<ChangeOut>,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub as_of: NaiveDate,
    pub overdue: Vec<Item>,
    pub due_soon: Vec<Item>,
    pub reviews_due: Vec<ReviewDue>,
    pub incomplete: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

pub fn run(ctx: &Context, args: FollowupArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let soon = i64::from(
        args.due_within
            .unwrap_or(located.config.followup.due_soon_days),
    );
    // The post-mortems as they are and the walk through the history are independent: read
    // them at the same time. Errors come in the same order as if one ran after the other.
    let (loaded, progress) = rayon::join(
        || match &args.rev {
            Some(rev) => load_at(ctx, &located, rev, today),
            None => load(&located, today)
                .map(|(items, bad)| (items.into_iter().map(|(_, s)| s).collect(), bad)),
        },
        || {
            args.since
                .as_ref()
                .map(|since| progress(ctx, &located, since, &args))
                .transpose()
        },
    );
    let (summaries, bad) = loaded?;
    let mut report = build(&summaries, today, soon, &args);
    if let Some((progress, shallow_note)) = progress? {
        if let Some(message) = shallow_note {
            note(&message);
        }
        report.progress = Some(progress);
    }
    let out = match args.format {
        ListFormat::Json => to_json(&report)?,
        ListFormat::Markdown => markdown(&report, soon),
        ListFormat::Table => table(&report, soon, ctx.color),
    };
    print(&out)?;
    let outcome = report_unreadable(&bad);
    if outcome == Outcome::Success && args.fail_on_overdue && !report.overdue.is_empty() {
        return Ok(Outcome::Failure);
    }
    Ok(outcome)
}

/// The post-mortems as they are at `rev`.
fn load_at(
    ctx: &Context,
    located: &Located,
    rev: &str,
    today: NaiveDate,
) -> Result<(Vec<Summary>, Vec<Unreadable>)> {
    let repo = ctx.repo()?;
    let history = History::new(&repo, &located.postmortem_dir())?;
    let commit = history.resolve(rev)?;
    let files = history.files_at(commit)?;
    let dir = located.config.repo.dir.trim_end_matches('/').to_string();
    let results: Vec<std::result::Result<Summary, Unreadable>> = files
        .into_par_iter()
        .map(|file| {
            let display = format!("{dir}/{} (at {rev})", file.path);
            let name = file.path.rsplit('/').next().unwrap_or(&file.path);
            let stem = name.trim_end_matches(".md");
            let doc = Document::parse_front_matter(&file.bytes).map_err(|e| Unreadable {
                message: match e.position() {
                    Some((line, column)) => format!("{display}:{line}:{column}: {e}"),
                    None => format!("{display}: {e}"),
                },
            })?;
            Ok(Summary::new(
                &doc,
                stem,
                &format!("{dir}/{}", file.path),
                today,
            ))
        })
        .collect();
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for r in results {
        match r {
            Ok(s) => good.push(s),
            Err(e) => bad.push(e),
        }
    }
    Ok((good, bad))
}

fn build(summaries: &[Summary], today: NaiveDate, soon: i64, args: &FollowupArgs) -> Report {
    let owner = args.owner.as_ref().map(|o| o.to_lowercase());
    let mut report = Report {
        as_of: today,
        overdue: Vec::new(),
        due_soon: Vec::new(),
        reviews_due: Vec::new(),
        incomplete: Vec::new(),
        progress: None,
    };
    for s in summaries {
        if args
            .severity
            .as_ref()
            .is_some_and(|v| !s.severity.eq_ignore_ascii_case(v))
        {
            continue;
        }
        if let Some(review) = s.followup_review {
            if review <= today
                && Status::parse(&s.status) != Some(Status::Closed)
                && owner.is_none()
            {
                report.reviews_due.push(ReviewDue {
                    postmortem: s.id.clone(),
                    followup_review: review,
                });
            }
        }
        for a in &s.actions {
            let pending = ActionStatus::parse(&a.status).is_some_and(ActionStatus::is_pending);
            if !pending {
                continue;
            }
            if let Some(o) = &owner {
                if !a
                    .owner
                    .as_ref()
                    .is_some_and(|x| x.to_lowercase().contains(o))
                {
                    continue;
                }
            }
            let item = Item {
                reference: a.reference.clone(),
                postmortem: s.id.clone(),
                title: a.title.clone(),
                owner: a.owner.clone(),
                due: a.due,
                status: a.status.clone(),
                days_overdue: None,
                days_until_due: None,
                missing: Vec::new(),
            };
            if a.owner.is_none() || a.due.is_none() {
                let mut missing = Vec::new();
                if a.owner.is_none() {
                    missing.push("owner");
                }
                if a.due.is_none() {
                    missing.push("due");
                }
                report.incomplete.push(Item {
                    missing,
                    ..item.clone()
                });
            }
            let Some(due) = a.due else { continue };
            let days = (today - due).num_days();
            if days > 0 {
                report.overdue.push(Item {
                    days_overdue: Some(days),
                    ..item
                });
            } else if -days <= soon {
                report.due_soon.push(Item {
                    days_until_due: Some(-days),
                    ..item
                });
            }
        }
    }
    report
        .overdue
        .sort_by(|a, b| (b.days_overdue, &a.reference).cmp(&(a.days_overdue, &b.reference)));
    report
        .due_soon
        .sort_by(|a, b| (a.due, &a.reference).cmp(&(b.due, &b.reference)));
    report.reviews_due.sort_by(|a, b| {
        (a.followup_review, &a.postmortem).cmp(&(b.followup_review, &b.postmortem))
    });
    report
        .incomplete
        .sort_by(|a, b| a.reference.cmp(&b.reference));
    report
}

/// The changes since `since` (a date or a revision) up to `--rev`, or up to the work tree,
/// and the note to print when the clone's history starts after `since`.
fn progress(
    ctx: &Context,
    located: &Located,
    since: &str,
    args: &FollowupArgs,
) -> Result<(Progress, Option<String>)> {
    let repo = ctx.repo()?;
    let mut history = History::new(&repo, &located.postmortem_dir())?;
    let target = match &args.rev {
        Some(rev) => Some(history.resolve(rev)?),
        None => history.head(),
    };
    let mut starts: Option<CommitInfo> = None;
    let base = match pm::today::parse_date(since) {
        Ok(date) => match target {
            Some(target) => match history.at_or_before(target, date)? {
                Some((oid, shallow_start)) => {
                    if shallow_start {
                        starts = Some(history.commit_info(oid)?);
                    }
                    Some(oid)
                }
                None => None,
            },
            None => None,
        },
        Err(_) => Some(history.resolve(since)?),
    };
    let since_info = base.map(|b| history.commit_info(b)).transpose()?;
    let mut changes = Vec::new();
    if let Some(target) = target {
        let log = history.log(base, target, args.all_parents)?;
        if starts.is_none() {
            starts = log.history_starts;
        }
        changes.extend(log.changes.into_iter().map(ChangeOut::new));
    }
    if args.rev.is_none() && repo.workdir().is_some() {
        let uncommitted = history.diff_worktree(target)?;
        changes.extend(uncommitted.into_iter().map(|change| ChangeOut {
            change,
            commit: None,
            author: None,
            date: None,
        }));
    }
    let shallow_note = starts.as_ref().map(|s| {
        format!(
            "pm: note: this is a shallow clone whose history starts at {} ({}): changes before \
             it are not in the report; `git fetch --unshallow` brings the rest",
            short(&s.commit),
            s.date
        )
    });
    let progress = Progress {
        since: Point::of(since_info.as_ref()),
        history_starts: starts.as_ref().map(|s| Point::of(Some(s))),
        changes,
    };
    Ok((progress, shallow_note))
}

pub fn short(sha: &str) -> String {
    sha.chars().take(7).collect()
}

/// The date part of an RFC 3339 date.
fn day(date: &Option<String>) -> String {
    date.as_deref()
        .map(|d| d.chars().take(10).collect())
        .unwrap_or_else(|| "-".into())
}

fn owner(item: &Item) -> &str {
    item.owner.as_deref().unwrap_or("(no owner)")
}

/// Change rows for a terminal: date, commit, author, ref, what changed.
pub fn change_table(changes: &[ChangeOut]) -> String {
    if changes.is_empty() {
        return "  no changes\n".into();
    }
    let ref_width = changes
        .iter()
        .map(|c| c.change.reference.chars().count())
        .max()
        .unwrap_or(3);
    let author_width = changes
        .iter()
        .map(|c| c.author.as_deref().unwrap_or("uncommitted").chars().count())
        .max()
        .unwrap_or(6);
    let mut out = String::new();
    for c in changes {
        out.push_str(&format!(
            "  {:<10}  {:<7}  {:<author_width$}  {:<ref_width$}  {}\n",
            day(&c.date),
            c.commit.as_deref().map(short).unwrap_or_else(|| "-".into()),
            c.author.as_deref().unwrap_or("uncommitted"),
            c.change.reference,
            c.change.describe().replace('\n', " ")
        ));
    }
    out
}

/// Change rows as a Markdown table.
pub fn change_markdown(changes: &[ChangeOut]) -> String {
    if changes.is_empty() {
        return "No changes.\n".into();
    }
    let mut out =
        String::from("| Date | Commit | Author | Item | Change |\n|---|---|---|---|---|\n");
    for c in changes {
        out.push_str(&format!(
            "| {} | {} | {} | `{}` | {} |\n",
            day(&c.date),
            c.commit
                .as_deref()
                .map(|s| format!("`{}`", short(s)))
                .unwrap_or_else(|| "uncommitted".into()),
            md_escape(c.author.as_deref().unwrap_or("—")),
            c.change.reference,
            md_escape(&c.change.describe())
        ));
    }
    out
}

fn since_label(p: &Progress) -> String {
    match (&p.since.commit, &p.since.date) {
        (Some(c), Some(d)) => format!("{} ({})", short(c), day(&Some(d.clone()))),
        _ => "the first commit".into(),
    }
}

fn table(r: &Report, soon: i64, color: bool) -> String {
    let mut out = format!("Follow-up as of {}\n", r.as_of);
    let items = |out: &mut String, items: &[Item], tail: &dyn Fn(&Item) -> String| {
        let ref_width = items
            .iter()
            .map(|i| i.reference.chars().count())
            .max()
            .unwrap_or(3);
        let owner_width = items
            .iter()
            .map(|i| owner(i).chars().count())
            .max()
            .unwrap_or(5);
        for i in items {
            out.push_str(&format!(
                "  {:<ref_width$}  {:<10}  {:<owner_width$}  {}  {}\n",
                i.reference,
                i.due.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
                owner(i),
                tail(i),
                i.title.replace('\n', " ")
            ));
        }
        if items.is_empty() {
            out.push_str("  none\n");
        }
    };
    out.push_str(&paint(
        color,
        "1",
        &format!("\nOverdue ({})\n", r.overdue.len()),
    ));
    items(&mut out, &r.overdue, &|i| {
        paint(
            color,
            "31;1",
            &format!("{:>4}d late", i.days_overdue.unwrap_or(0)),
        )
    });
    out.push_str(&paint(
        color,
        "1",
        &format!("\nDue within {soon} days ({})\n", r.due_soon.len()),
    ));
    items(&mut out, &r.due_soon, &|i| {
        format!("in {:>3}d", i.days_until_due.unwrap_or(0))
    });
    out.push_str(&paint(
        color,
        "1",
        &format!("\nFollow-up reviews due ({})\n", r.reviews_due.len()),
    ));
    for v in &r.reviews_due {
        out.push_str(&format!("  {}  {}\n", v.followup_review, v.postmortem));
    }
    if r.reviews_due.is_empty() {
        out.push_str("  none\n");
    }
    out.push_str(&paint(
        color,
        "1",
        &format!(
            "\nIncomplete: no owner or no due date ({})\n",
            r.incomplete.len()
        ),
    ));
    items(&mut out, &r.incomplete, &|i| {
        format!("missing {}", i.missing.join(" and "))
    });
    if let Some(p) = &r.progress {
        out.push_str(&paint(
            color,
            "1",
            &format!(
                "\nProgress since {} ({} changes)\n",
                since_label(p),
                p.changes.len()
            ),
        ));
        out.push_str(&change_table(&p.changes));
    }
    out
}

fn markdown(r: &Report, soon: i64) -> String {
    let mut out = format!("## Follow-up review, {}\n", r.as_of);
    let items = |out: &mut String, items: &[Item], head: &str, tail: &dyn Fn(&Item) -> String| {
        if items.is_empty() {
            out.push_str("\nNone.\n");
            return;
        }
        out.push_str(&format!(
            "\n| Item | Action | Owner | Due | {head} |\n|---|---|---|---|---|\n"
        ));
        for i in items {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                i.reference,
                md_escape(&i.title),
                md_escape(i.owner.as_deref().unwrap_or("—")),
                i.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
                tail(i)
            ));
        }
    };
    out.push_str(&format!("\n### Overdue ({})\n", r.overdue.len()));
    items(&mut out, &r.overdue, "Days overdue", &|i| {
        format!("**{}**", i.days_overdue.unwrap_or(0))
    });
    out.push_str(&format!(
        "\n### Due within {soon} days ({})\n",
        r.due_soon.len()
    ));
    items(&mut out, &r.due_soon, "Days left", &|i| {
        i.days_until_due.unwrap_or(0).to_string()
    });
    out.push_str(&format!(
        "\n### Follow-up reviews due ({})\n",
        r.reviews_due.len()
    ));
    if r.reviews_due.is_empty() {
        out.push_str("\nNone.\n");
    } else {
        out.push('\n');
        for v in &r.reviews_due {
            out.push_str(&format!(
                "- `{}`: review was due {}\n",
                v.postmortem, v.followup_review
            ));
        }
    }
    out.push_str(&format!(
        "\n### Incomplete: no owner or no due date ({})\n",
        r.incomplete.len()
    ));
    items(&mut out, &r.incomplete, "Missing", &|i| {
        i.missing.join(", ")
    });
    if let Some(p) = &r.progress {
        out.push_str(&format!("\n### Progress since {}\n\n", since_label(p)));
        if let Some(s) = &p.history_starts {
            out.push_str(&format!(
                "> History in this clone starts at `{}`; earlier changes are not shown.\n\n",
                s.commit.as_deref().map(short).unwrap_or_default()
            ));
        }
        out.push_str(&change_markdown(&p.changes));
    }
    out
}
