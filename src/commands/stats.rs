//! `pm stats`: incidents by severity, service and month; time to detect, mitigate and resolve
//! (medians and 90th percentiles); action-item follow-through; recurring services; follow-up
//! reviews held on time. The computations live in `pm::stats` and `pm::action_dates`; this
//! module renders.

use crate::cli::{
    action_dates, parse_date, print, report_unreadable, to_json, warn_unreadable_actions, Context,
    ListFormat,
};
use chrono::NaiveDate;
use clap::ValueEnum;
use pm::listing::{load, Actions};
use pm::repository::Entry;
use pm::stats::{self, DatesFrom, GroupBy, Period, Spread, Stats};
use pm::summary::Summary;
use pm::text::{column_width, duration, duration_rounded, md_escape, short};
use pm::{Error, Outcome, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    Severity,
    Service,
    Month,
}

impl From<By> for GroupBy {
    fn from(by: By) -> GroupBy {
        match by {
            By::Severity => GroupBy::Severity,
            By::Service => GroupBy::Service,
            By::Month => GroupBy::Month,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Only incidents that started on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only incidents that started on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Break the figures down by severity, service or month (time to resolve, open and
    /// overdue actions per group).
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Count overdue actions and due follow-up reviews as of this date (default: today).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

pub fn run(ctx: &Context, args: StatsArgs) -> Result<Outcome> {
    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since > until {
            return Err(Error::usage(format!(
                "--since {since} is after --until {until}: no incident can fall in that period"
            )));
        }
    }
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let (items, bad) = load(&located, today, Actions::Keep)?;
    let period = Period {
        since: args.since,
        until: args.until,
    };
    let in_period: Vec<(&Entry, &Summary)> = items
        .iter()
        .filter(|(_, s)| period.contains(s))
        .map(|(e, s)| (e, s))
        .collect();
    let dates = action_dates(ctx, &located, &in_period)?;
    let summaries: Vec<_> = items.into_iter().map(|(_, s)| s).collect();
    let mut report = stats::compute(
        &summaries,
        &dates.histories,
        dates.dates_from,
        period,
        today,
        args.by.map(GroupBy::from),
    );
    report.history_starts = dates.history_starts;
    let out = match args.format {
        ListFormat::Json => to_json(&report)?,
        ListFormat::Markdown => markdown(&report),
        ListFormat::Table => table(&report),
    };
    print(&out)?;
    warn_unreadable_actions(&report.unreadable_actions);
    Ok(report_unreadable(&bad))
}

/// Minutes as people read them; a median may fall between two whole minutes.
fn minutes(value: Option<f64>) -> String {
    duration_rounded(value, "-")
}

fn whole_minutes(value: Option<i64>) -> String {
    duration(value, "-")
}

fn days(value: Option<f64>) -> String {
    match value {
        Some(d) if d.fract() == 0.0 => format!("{d:.0} days"),
        Some(d) => format!("{d:.1} days"),
        None => "-".into(),
    }
}

fn percent(value: Option<f64>) -> String {
    value
        .map(|r| format!("{:.0}%", r * 100.0))
        .unwrap_or_else(|| "-".into())
}

fn period_text(s: &Stats) -> String {
    match (s.since, s.until) {
        (None, None) => "all time".into(),
        (Some(a), None) => format!("since {a}"),
        (None, Some(b)) => format!("until {b}"),
        (Some(a), Some(b)) => format!("{a} to {b}"),
    }
}

fn counts(map: &std::collections::BTreeMap<String, usize>) -> String {
    if map.is_empty() {
        return "-".into();
    }
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn dates_from_text(s: &Stats) -> String {
    match (s.dates_from, &s.history_starts) {
        (DatesFrom::FrontMatter, _) => "front matter (`created`/`closed` fields)".into(),
        (DatesFrom::GitHistory, None) => "git history".into(),
        (DatesFrom::GitHistory, Some(start)) => format!(
            "git history (a shallow clone: starts at {}, {})",
            short(&start.commit),
            start.date.get(..10).unwrap_or(&start.date)
        ),
    }
}

fn slipped_text(s: &Stats) -> String {
    match (s.actions.due_dates_slipped, s.actions.due_date_slips) {
        (Some(n), Some(total)) => format!("{n} ({total} moves)"),
        _ => "unknown (the front matter keeps no earlier due dates)".into(),
    }
}

fn table(s: &Stats) -> String {
    let mut out = format!(
        "Post-mortems: {} ({}, as of {})\n",
        s.postmortems,
        period_text(s),
        s.as_of
    );
    if s.postmortems == 0 {
        out.push_str("no post-mortems in this period\n");
        return out;
    }
    out.push_str(&format!("  by severity  {}\n", counts(&s.by_severity)));
    out.push_str(&format!("  by service   {}\n", counts(&s.by_service)));
    out.push_str(&format!("  by month     {}\n", counts(&s.by_month)));
    out.push_str(&format!(
        "\n{:<18}{:>5}  {:>8}  {:>8}\n",
        "", "n", "median", "p90"
    ));
    for (name, spread) in [
        ("Time to detect", &s.time_to_detect),
        ("Time to mitigate", &s.time_to_mitigate),
        ("Time to resolve", &s.time_to_resolve),
    ] {
        out.push_str(&format!(
            "{:<18}{:>5}  {:>8}  {:>8}\n",
            name,
            spread.count,
            minutes(spread.median_minutes),
            whole_minutes(spread.p90_minutes)
        ));
    }
    let a = &s.actions;
    out.push_str(&format!(
        "\nAction items: {} total, {} done, {} won't do, {} open, {} overdue\n",
        a.total, a.done, a.wont_do, a.open, a.overdue
    ));
    if a.unreadable > 0 {
        out.push_str(&format!(
            "  not read              {} (see the warnings)\n",
            a.unreadable
        ));
    }
    out.push_str(&format!(
        "  closed by due date    {} of {} ({})\n",
        a.closed_on_time,
        a.closed_with_dates,
        percent(a.closed_on_time_ratio)
    ));
    out.push_str(&format!(
        "  days to close         median {}, p90 {} (n = {})\n",
        days(a.median_days_to_close),
        days(a.p90_days_to_close.map(|d| d as f64)),
        a.days_to_close_count
    ));
    out.push_str(&format!("  due dates slipped     {}\n", slipped_text(s)));
    out.push_str(&format!("  dates from            {}\n", dates_from_text(s)));
    out.push_str("\nRecurring services: ");
    if s.recurring_services.is_empty() {
        out.push_str("none\n");
    } else {
        out.push('\n');
        for r in &s.recurring_services {
            out.push_str(&format!(
                "  {:<20} {} post-mortems: {}\n",
                r.service,
                r.postmortems,
                r.ids.join(", ")
            ));
        }
    }
    let f = &s.followup_reviews;
    out.push_str(&format!(
        "\nFollow-up reviews: {} of {} due held on time ({}), {} upcoming\n",
        f.held_on_time,
        f.due,
        percent(f.ratio),
        f.upcoming
    ));
    for id in &f.missed {
        out.push_str(&format!("  not held: {id}\n"));
    }
    if let Some(groups) = &s.groups {
        let width = column_width(groups.iter().map(|g| &g.key), 5).max(5);
        out.push_str(&format!(
            "\n{:<width$}  {:>5}  {:>10}  {:>8}  {:>5}  {:>7}\n",
            "GROUP", "PMS", "TTR MEDIAN", "TTR P90", "OPEN", "OVERDUE"
        ));
        for g in groups {
            let [pms, median, p90, open, overdue] = group_figures(g);
            out.push_str(&format!(
                "{:<width$}  {pms:>5}  {median:>10}  {p90:>8}  {open:>5}  {overdue:>7}\n",
                g.key
            ));
        }
    }
    out
}

/// A group's figures as shown: post-mortems, time to resolve (median, p90), open and overdue
/// actions.
fn group_figures(g: &stats::Group) -> [String; 5] {
    [
        g.postmortems.to_string(),
        minutes(g.time_to_resolve.median_minutes),
        whole_minutes(g.time_to_resolve.p90_minutes),
        g.actions_open.to_string(),
        g.actions_overdue.to_string(),
    ]
}

fn spread_row(name: &str, spread: &Spread) -> String {
    format!(
        "| {name} | {} | {} | {} |\n",
        spread.count,
        minutes(spread.median_minutes),
        whole_minutes(spread.p90_minutes)
    )
}

fn markdown(s: &Stats) -> String {
    let mut out = format!(
        "## Post-mortem statistics ({}, as of {})\n\n**{}** post-mortems.\n\n",
        period_text(s),
        s.as_of,
        s.postmortems
    );
    out.push_str("| Breakdown | Counts |\n|---|---|\n");
    for (name, map) in [
        ("Severity", &s.by_severity),
        ("Service", &s.by_service),
        ("Month", &s.by_month),
    ] {
        out.push_str(&format!("| {name} | {} |\n", md_escape(&counts(map))));
    }
    out.push_str("\n| Duration | n | Median | p90 |\n|---|---:|---:|---:|\n");
    out.push_str(&spread_row("Time to detect", &s.time_to_detect));
    out.push_str(&spread_row("Time to mitigate", &s.time_to_mitigate));
    out.push_str(&spread_row("Time to resolve", &s.time_to_resolve));
    let a = &s.actions;
    out.push_str("\n| Action items | |\n|---|---:|\n");
    for (name, value) in [
        ("Total", a.total.to_string()),
        ("Done", a.done.to_string()),
        ("Won't do", a.wont_do.to_string()),
        ("Open", a.open.to_string()),
        ("Overdue", a.overdue.to_string()),
        ("Not read (see the warnings)", a.unreadable.to_string()),
        (
            "Closed by due date",
            format!(
                "{} of {} ({})",
                a.closed_on_time,
                a.closed_with_dates,
                percent(a.closed_on_time_ratio)
            ),
        ),
        ("Median days to close", days(a.median_days_to_close)),
        ("Due dates slipped", slipped_text(s)),
    ] {
        if name.starts_with("Not read") && a.unreadable == 0 {
            continue;
        }
        out.push_str(&format!("| {name} | {} |\n", md_escape(&value)));
    }
    out.push_str(&format!("\nDates from {}.\n", dates_from_text(s)));
    if !s.recurring_services.is_empty() {
        out.push_str("\n**Recurring services:**\n\n");
        for r in &s.recurring_services {
            let ids: Vec<String> = r.ids.iter().map(|i| format!("`{i}`")).collect();
            out.push_str(&format!(
                "- {} — {} post-mortems: {}\n",
                md_escape(&r.service),
                r.postmortems,
                ids.join(", ")
            ));
        }
    }
    let f = &s.followup_reviews;
    out.push_str(&format!(
        "\n**Follow-up reviews:** {} of {} due held on time ({}); {} upcoming.\n",
        f.held_on_time,
        f.due,
        percent(f.ratio),
        f.upcoming
    ));
    if let Some(groups) = &s.groups {
        out.push_str(
            "\n| Group | Post-mortems | TTR median | TTR p90 | Open | Overdue |\n|---|---:|---:|---:|---:|---:|\n",
        );
        for g in groups {
            let [pms, median, p90, open, overdue] = group_figures(g);
            out.push_str(&format!(
                "| {} | {pms} | {median} | {p90} | {open} | {overdue} |\n",
                md_escape(&g.key)
            ));
        }
    }
    out
}
