//! `pm show ID`: one post-mortem's metadata, durations and action items.

use crate::cli::{parse_date, print, to_json, Context};
use chrono::NaiveDate;
use clap::ValueEnum;
use pm::summary::Summary;
use pm::text;
use pm::text::{md_escape, paint, printable, ALERT, BOLD};
use pm::{Outcome, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    #[arg(add = clap_complete::engine::ArgValueCompleter::new(crate::completion::postmortem_ids))]
    pub id: String,
    /// Mark overdue actions as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

pub fn run(ctx: &Context, args: ShowArgs) -> Result<Outcome> {
    let today = ctx.today(args.as_of)?;
    let located = ctx.config()?;
    let (entry, doc, s) = pm::listing::find(&located, &args.id, today)?;
    let out = match args.format {
        ShowFormat::Json => to_json(&with_timeline(&s, &entry, &doc, &located.config)?)?,
        ShowFormat::Markdown => markdown(&s),
        ShowFormat::Text => text(&s, ctx.color),
    };
    print(&out)?;
    crate::cli::warn_unreadable_actions(&pm::summary::unreadable_actions([&s]));
    Ok(Outcome::Success)
}

/// The summary with `"timeline": [{"line", "time", "text"}]` (the body is read only here).
fn with_timeline(
    s: &Summary,
    entry: &pm::repository::Entry,
    doc: &pm::document::Document,
    config: &pm::config::Config,
) -> Result<serde_json::Value> {
    let options = pm::document::ParseOptions {
        timeline_section: &config.document.timeline_section,
    };
    let settings = pm::timeline::TimelineSettings::from_config(config);
    let (_, timeline) = pm::timeline::parse_with_timeline(doc.text.as_bytes(), &options, &settings)
        .map_err(|e| pm::listing::input_error(entry, &e, ""))?;
    let mut value = serde_json::to_value(s)
        .map_err(|e| pm::Error::usage(format!("cannot render JSON: {e}")))?;
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "timeline".into(),
            serde_json::to_value(timeline.json())
                .map_err(|e| pm::Error::usage(format!("cannot render JSON: {e}")))?,
        );
    }
    Ok(value)
}

fn duration(minutes: Option<i64>) -> String {
    pm::text::duration(minutes, "-")
}

fn text(s: &Summary, color: bool) -> String {
    let mut out = String::new();
    out.push_str(&paint(color, BOLD, &printable(&s.title)));
    out.push('\n');
    let field = |out: &mut String, name: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!(
                "  {name:<18}{}
",
                printable(value)
            ));
        }
    };
    field(&mut out, "id", &s.id);
    field(&mut out, "file", &s.path);
    field(&mut out, "status", &s.status);
    field(&mut out, "severity", &s.severity);
    field(&mut out, "services", &s.services.join(", "));
    field(&mut out, "authors", &s.authors.join(", "));
    field(
        &mut out,
        "facilitator",
        s.facilitator.as_deref().unwrap_or(""),
    );
    field(&mut out, "started", s.started.as_deref().unwrap_or("-"));
    field(
        &mut out,
        "time to detect",
        &duration(s.durations.time_to_detect_minutes),
    );
    field(
        &mut out,
        "time to mitigate",
        &duration(s.durations.time_to_mitigate_minutes),
    );
    field(
        &mut out,
        "time to resolve",
        &duration(s.durations.time_to_resolve_minutes),
    );
    field(
        &mut out,
        "impact",
        s.impact_summary.as_deref().unwrap_or(""),
    );
    if let Some(u) = s.users_affected {
        field(&mut out, "users affected", &u.to_string());
    }
    if let Some(d) = s.review_meeting {
        field(&mut out, "review meeting", &d.to_string());
    }
    if let Some(d) = s.followup_review {
        field(&mut out, "follow-up review", &d.to_string());
    }
    field(&mut out, "tickets", &s.tickets.join(", "));
    out.push_str(&format!(
        "\nAction items ({} open, {} overdue)\n",
        s.open_actions, s.overdue_actions
    ));
    if s.actions.is_empty() {
        out.push_str("  none yet: add one with `pm action add`\n");
    }
    for a in &s.actions {
        let due = a
            .due
            .map(|d| d.to_string())
            .unwrap_or_else(|| "no due date".into());
        let line = format!(
            "  {:<4} {:<11} {:<10} {:<24} {}",
            a.id,
            a.status,
            due,
            a.owner.as_deref().unwrap_or("(no owner)"),
            a.title
        );
        let mut line = printable(&line).into_owned();
        if let Some(days) = a.days_overdue {
            line.push_str(&paint(color, ALERT, &format!("  OVERDUE by {days} days")));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn markdown(s: &Summary) -> String {
    let mut out = format!("## {}\n\n", md_escape(&s.title));
    out.push_str(&format!(
        "- **ID:** `{}`\n- **Status:** {}\n- **Severity:** {}\n",
        s.id, s.status, s.severity
    ));
    if !s.services.is_empty() {
        out.push_str(&format!("- **Services:** {}\n", s.services.join(", ")));
    }
    out.push_str(&format!(
        "- **Time to detect / mitigate / resolve:** {} / {} / {}\n",
        duration(s.durations.time_to_detect_minutes),
        duration(s.durations.time_to_mitigate_minutes),
        duration(s.durations.time_to_resolve_minutes)
    ));
    if let Some(impact) = &s.impact_summary {
        out.push_str(&format!("- **Impact:** {}\n", md_escape(impact)));
    }
    out.push_str("\n| ID | Action | Owner | Due | Status |\n|---|---|---|---|---|\n");
    for a in &s.actions {
        let status = if a.overdue {
            format!(
                "{} (**overdue {} days**)",
                a.status,
                a.days_overdue.unwrap_or(0)
            )
        } else {
            a.status.clone()
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            a.id,
            md_escape(&a.title),
            a.owner.as_deref().unwrap_or("—"),
            text::display_or(a.due, "—"),
            status
        ));
    }
    out
}
