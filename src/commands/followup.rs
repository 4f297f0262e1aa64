//! `pm followup`: what the follow-up review needs — overdue items, items due soon, reviews due,
//! incomplete items and, with `--since`, what changed since the last review and which commit
//! changed it. The JSON is documented in docs/FOLLOWUP.md and kept stable.

use crate::cli::{
    note, parse_date, print, report_unreadable, shallow_clone_note, to_json, Context, ListFormat,
};
use crate::render::{change_markdown, change_table, day};
use chrono::NaiveDate;
use pm::followup::{self, Filter, Item, Point, Progress, Report};
use pm::text;
use pm::text::{column_width, md_escape, paint, short, ALERT, BOLD};
use pm::{Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct FollowupArgs {
    /// Report as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// "Due soon" means within this many days (default: followup.due_soon_days in pm.toml).
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// Only items whose owner contains this text (case-insensitive); the progress too.
    #[arg(long, value_name = "TEXT")]
    pub owner: Option<String>,
    /// Only post-mortems of this severity (SEV1, SEV2…); the progress too.
    #[arg(long, value_name = "SEV", add = clap_complete::engine::ArgValueCompleter::new(crate::completion::severities))]
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
    /// Output format: a table for people, JSON for scripts (stable, see docs/FOLLOWUP.md), Markdown for notes.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Exit 1 when any action item is overdue or cannot be read (a malformed due date, an
    /// `[[action]]` table): an item pm cannot read never passes the check.
    #[arg(long)]
    pub fail_on_overdue: bool,
}

pub fn run(ctx: &Context, args: FollowupArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let soon = i64::from(
        args.due_within
            .unwrap_or(located.config.followup.due_soon_days),
    );
    let request = followup::Request {
        today,
        soon,
        filter: Filter {
            owner: args.owner.clone(),
            severity: args.severity.clone(),
        },
        since: args.since.as_deref(),
        rev: args.rev.as_deref(),
        all_parents: args.all_parents,
    };
    let (report, bad) = followup::report(&located, &|| ctx.repo(), &request)?;
    if let Some(Point {
        commit: Some(commit),
        date: Some(date),
    }) = report
        .progress
        .as_ref()
        .and_then(|p| p.history_starts.as_ref())
    {
        shallow_clone_note(commit, date, "changes before it are not in the report");
    }
    let out = match args.format {
        ListFormat::Json => to_json(&report)?,
        ListFormat::Markdown => markdown(&report, soon),
        ListFormat::Table => table(&report, soon, ctx.color),
    };
    print(&out)?;
    crate::cli::warn_unreadable_actions(&report.unreadable_actions);
    let outcome = report_unreadable(&bad);
    if args.fail_on_overdue && outcome == Outcome::Success {
        // An item that cannot be read might be overdue: it fails the check, never passes it.
        if !report.unreadable_actions.is_empty() {
            note(&format!(
                "pm: --fail-on-overdue: {} action item(s) could not be read, so whether they are overdue is unknown",
                report.unreadable_actions.len()
            ));
            return Ok(Outcome::Failure);
        }
        if !report.overdue.is_empty() {
            return Ok(Outcome::Failure);
        }
    }
    Ok(outcome)
}

fn owner(item: &Item) -> &str {
    item.owner.as_deref().unwrap_or("(no owner)")
}

fn since_label(p: &Progress) -> String {
    match (p.since_day, &p.since.commit, &p.since.date) {
        (Some(asked), Some(c), _) => format!("{asked} (after {})", short(c)),
        (Some(asked), None, _) => format!("{asked} (the first commit)"),
        (None, Some(c), Some(d)) => format!("{} ({})", short(c), day(Some(d))),
        _ => "the first commit".into(),
    }
}

fn table(r: &Report, soon: i64, color: bool) -> String {
    let mut out = format!("Follow-up as of {}\n", r.as_of);
    let items = |out: &mut String, items: &[Item], tail: &dyn Fn(&Item) -> String| {
        let ref_width = column_width(items.iter().map(|i| &i.reference), 3);
        let owner_width = column_width(items.iter().map(owner), 5);
        for i in items {
            out.push_str(&format!(
                "  {:<ref_width$}  {:<10}  {:<owner_width$}  {}  {}\n",
                i.reference,
                text::display_or(i.due, "-"),
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
        BOLD,
        &format!("\nOverdue ({})\n", r.overdue.len()),
    ));
    items(&mut out, &r.overdue, &|i| {
        paint(
            color,
            ALERT,
            &format!("{:>4}d late", i.days_overdue.unwrap_or(0)),
        )
    });
    out.push_str(&paint(
        color,
        BOLD,
        &format!("\nDue within {soon} days ({})\n", r.due_soon.len()),
    ));
    items(&mut out, &r.due_soon, &|i| {
        format!("in {:>3}d", i.days_until_due.unwrap_or(0))
    });
    out.push_str(&paint(
        color,
        BOLD,
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
        BOLD,
        &format!(
            "\nIncomplete: no owner or no due date ({})\n",
            r.incomplete.len()
        ),
    ));
    items(&mut out, &r.incomplete, &|i| {
        format!("missing {}", i.missing.join(" and "))
    });
    if !r.policy_breaches.is_empty() {
        out.push_str(&paint(
            color,
            BOLD,
            &format!("\nPolicy breaches ({})\n", r.policy_breaches.len()),
        ));
        for b in &r.policy_breaches {
            let what = b.reference.as_deref().unwrap_or(&b.postmortem);
            out.push_str(&format!("  {what}  {}\n", b.detail));
        }
    }
    if !r.unreadable_actions.is_empty() {
        out.push_str(&paint(
            color,
            BOLD,
            &format!(
                "\nUnreadable action items ({})\n",
                r.unreadable_actions.len()
            ),
        ));
        for u in &r.unreadable_actions {
            out.push_str(&format!("  {}\n", paint(color, ALERT, &u.to_string())));
        }
    }
    if let Some(p) = &r.progress {
        out.push_str(&paint(
            color,
            BOLD,
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
                "| {} | {} | {} | {} | {} |\n",
                text::md_code(&i.reference),
                md_escape(&i.title),
                md_escape(i.owner.as_deref().unwrap_or("—")),
                text::display_or(i.due, "—"),
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
                "- {}: review was due {}\n",
                text::md_code(&v.postmortem),
                v.followup_review
            ));
        }
    }
    out.push_str(&format!(
        "\n### Incomplete: no owner or no due date ({})\n",
        r.incomplete.len()
    ));
    items(&mut out, &r.incomplete, "Missing", &|i| {
        md_escape(&i.missing.join(", "))
    });
    if !r.policy_breaches.is_empty() {
        out.push_str(&format!(
            "\n### Policy breaches ({})\n\n",
            r.policy_breaches.len()
        ));
        for b in &r.policy_breaches {
            let what = b.reference.as_deref().unwrap_or(&b.postmortem);
            out.push_str(&format!("- `{what}`: {}\n", md_escape(&b.detail)));
        }
    }
    if !r.unreadable_actions.is_empty() {
        out.push_str(&format!(
            "\n### Unreadable action items ({})\n\n",
            r.unreadable_actions.len()
        ));
        for u in &r.unreadable_actions {
            out.push_str(&format!("- {}\n", md_escape(&u.to_string())));
        }
    }
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
