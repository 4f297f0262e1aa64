//! `pm list`: the post-mortems, newest first. Reads front matter only.

use crate::cli::{
    parse_date, print, report_unreadable, to_json, warn_unreadable_actions, Context, ListFormat,
};
use chrono::NaiveDate;
use pm::listing::{load, Actions};
use pm::summary::{unreadable_actions, Summary};
use pm::text::{column_width, md_escape, paint, printable, ALERT};
use pm::{Outcome, Result};

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only post-mortems with this status (draft, in-review, reviewed, closed).
    #[arg(long)]
    pub status: Option<String>,
    /// Only post-mortems with this severity.
    #[arg(long)]
    pub severity: Option<String>,
    /// Only post-mortems naming this service.
    #[arg(long)]
    pub service: Option<String>,
    /// Only incidents that started on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Count overdue actions as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Context, args: ListArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let actions = match args.format {
        ListFormat::Json => Actions::Keep,
        _ => Actions::CountOnly,
    };
    let (items, bad) = load(&located, today, actions)?;
    let mut rows: Vec<Summary> = items
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| args.status.as_ref().is_none_or(|v| &s.status == v))
        .filter(|s| {
            args.severity
                .as_ref()
                .is_none_or(|v| s.severity.eq_ignore_ascii_case(v))
        })
        .filter(|s| {
            args.service
                .as_ref()
                .is_none_or(|v| s.services.iter().any(|x| x == v))
        })
        .filter(|s| {
            args.since
                .is_none_or(|since| s.started_at().is_some_and(|t| t.date_naive() >= since))
        })
        .collect();
    // Newest first; the start time is parsed once per row, not once per comparison.
    rows.sort_by_cached_key(|s| std::cmp::Reverse((s.started_at(), s.id.clone())));

    let out = match args.format {
        ListFormat::Json => to_json(&rows)?,
        ListFormat::Markdown => markdown(&rows),
        ListFormat::Table => table(&rows, ctx.color),
    };
    print(&out)?;
    // The OPEN and OVERDUE counts leave out items pm cannot read: say which.
    warn_unreadable_actions(&unreadable_actions(&rows));
    // Freeing thousands of summaries one string at a time takes longer than the system takes
    // to reclaim the memory when pm exits a moment later.
    std::mem::forget(rows);
    Ok(report_unreadable(&bad))
}

fn started_date(s: &Summary) -> String {
    s.started_at()
        .map(|t| t.date_naive().to_string())
        .unwrap_or_else(|| "-".into())
}

fn table(rows: &[Summary], color: bool) -> String {
    if rows.is_empty() {
        return "no post-mortems found (open one with `pm new \"Title\"`)\n".into();
    }
    let id_width = column_width(rows.iter().map(|r| printable(&r.id)), 2).max(2);
    let mut out = format!(
        "{:<10}  {:<5}  {:<9}  {:>4}  {:>7}  {:<id_width$}  TITLE\n",
        "STARTED", "SEV", "STATUS", "OPEN", "OVERDUE", "ID"
    );
    for r in rows {
        let overdue = format!("{:>7}", r.overdue_actions);
        let overdue = if r.overdue_actions > 0 {
            paint(color, ALERT, &overdue)
        } else {
            overdue
        };
        out.push_str(&format!(
            "{:<10}  {:<5}  {:<9}  {:>4}  {}  {:<id_width$}  {}\n",
            started_date(r),
            printable(&r.severity),
            printable(&r.status),
            r.open_actions,
            overdue,
            printable(&r.id),
            printable(&r.title)
        ));
    }
    out
}

fn markdown(rows: &[Summary]) -> String {
    let mut out = String::from("| Started | Severity | Status | Open | Overdue | ID | Title |\n|---|---|---|---:|---:|---|---|\n");
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | `{}` | {} |\n",
            started_date(r),
            r.severity,
            r.status,
            r.open_actions,
            r.overdue_actions,
            r.id,
            md_escape(&r.title)
        ));
    }
    out
}
