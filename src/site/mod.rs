//! The static HTML site: an index of every post-mortem (filterable), a page per post-mortem,
//! an action-items page and a statistics page with inline SVG charts.
//!
//! The site works offline from `file://`: one local stylesheet, one small local script, no
//! fonts, CDNs or remote images. A Content-Security-Policy on every page allows only those
//! two files, so even markup that slipped through could not run or load anything. Every value
//! from a post-mortem is escaped; Markdown bodies go through [`markdown::to_html`].

pub mod markdown;
pub mod output;
pub mod svg;

use crate::stats::{self, ActionSpan, Stats};
use crate::summary::{ActionView, Summary};
use crate::text::{duration, duration_rounded};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashSet};

pub const CSS: &str = include_str!("../../templates/site/site.css");
pub const JS: &str = include_str!("../../templates/site/site.js");

/// One post-mortem as the site shows it.
pub struct PostMortem {
    pub summary: Summary,
    /// The Markdown body (everything after the front matter).
    pub body: String,
    /// The page's file name in `pm/`, unique and safe (see [`page_names`]).
    pub page: String,
}

/// Escapes text for HTML content and double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Safe, unique page file names for post-mortem IDs: letters, digits, `-`, `_` and `.` kept,
/// anything else replaced by `-`; a clash gets a numeric suffix.
pub fn page_names<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    ids.into_iter()
        .map(|id| {
            let mut base: String = id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            if base.trim_matches('-').is_empty() {
                base = "postmortem".into();
            }
            let mut name = format!("{base}.html");
            let mut n = 2;
            while !used.insert(name.to_ascii_lowercase()) {
                name = format!("{base}-{n}.html");
                n += 1;
            }
            name
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Nav {
    Index,
    Actions,
    Stats,
    Page,
}

/// A full page: `root` is the relative path back to the site root (`""` or `"../"`).
fn layout(title: &str, root: &str, nav: Nav, content: &str) -> String {
    let link = |href: &str, label: &str, this: Nav| {
        let current = if nav == this {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<a href=\"{root}{href}\"{current}>{label}</a>")
    };
    format!(
        "<!DOCTYPE html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'\">
<meta name=\"referrer\" content=\"no-referrer\">
<meta name=\"generator\" content=\"pm site\">
<title>{title}</title>
<link rel=\"stylesheet\" href=\"{root}assets/site.css\">
<script src=\"{root}assets/site.js\" defer></script>
</head>
<body>
<header class=\"site\"><nav>{} {} {}</nav></header>
<main>
{content}
</main>
</body>
</html>
",
        link("index.html", "Post-mortems", Nav::Index),
        link("actions.html", "Action items", Nav::Actions),
        link("stats.html", "Statistics", Nav::Stats),
        title = escape(title),
    )
}

/// A date or time, marked up so that it never breaks across lines: the stylesheet makes
/// `<time>` `white-space: nowrap`, so `2026-11-30` does not wrap at a hyphen on a narrow page.
fn time(value: &str) -> String {
    let value = escape(value);
    format!("<time datetime=\"{value}\">{value}</time>")
}

/// An ID or an `ID#A3` reference, kept on one line like a date (`.ref` is `nowrap`).
fn reference(value: &str) -> String {
    format!("<span class=\"ref\">{}</span>", escape(value))
}

fn started_date(s: &Summary) -> String {
    s.started_at()
        .map(|t| time(&t.date_naive().to_string()))
        .unwrap_or_else(|| "—".into())
}

fn options(name: &str, label: &str, values: &BTreeSet<String>) -> String {
    let mut out = format!("<label>{label}<select name=\"{name}\"><option value=\"\">All</option>");
    for v in values {
        let v = escape(v);
        out.push_str(&format!("<option value=\"{v}\">{v}</option>"));
    }
    out.push_str("</select></label>");
    out
}

/// The index: every post-mortem, newest first.
pub fn index_page(items: &[PostMortem]) -> String {
    let severities: BTreeSet<String> = items.iter().map(|p| p.summary.severity.clone()).collect();
    let statuses: BTreeSet<String> = items.iter().map(|p| p.summary.status.clone()).collect();
    let services: BTreeSet<String> = items
        .iter()
        .flat_map(|p| p.summary.services.iter().cloned())
        .collect();
    let mut content = format!(
        "<h1>Post-mortems</h1>\n<p class=\"muted\">{} post-mortems. <span id=\"shown\"></span></p>\n",
        items.len()
    );
    // Hidden until the script shows it: without JavaScript every post-mortem stays listed.
    content.push_str("<form id=\"filters\" hidden>");
    content.push_str(&options("severity", "Severity", &severities));
    content.push_str(&options("service", "Service", &services));
    content.push_str(&options("status", "Status", &statuses));
    content.push_str("<button type=\"reset\">Show all</button></form>\n");
    content.push_str("<table id=\"postmortems\">\n<thead><tr><th>Started</th><th>Severity</th><th>Status</th><th>Title</th><th>Services</th><th class=\"num\">Open</th><th class=\"num\">Overdue</th></tr></thead>\n<tbody>\n");
    for p in items {
        let s = &p.summary;
        let services_json = serde_json::to_string(&s.services).unwrap_or_else(|_| "[]".into());
        let overdue = if s.overdue_actions > 0 {
            format!(
                "<span class=\"badge overdue\">{} overdue</span>",
                s.overdue_actions
            )
        } else {
            "0".into()
        };
        content.push_str(&format!(
            "<tr data-id=\"{id}\" data-severity=\"{sev}\" data-status=\"{status}\" data-services=\"{services_attr}\"><td>{started}</td><td>{sev}</td><td>{status}</td><td><a href=\"pm/{page}\">{title}</a><br><span class=\"muted ref\">{id}</span></td><td>{services}</td><td class=\"num\">{open}</td><td class=\"num\">{overdue}</td></tr>\n",
            id = escape(&s.id),
            sev = escape(&s.severity),
            status = escape(&s.status),
            services_attr = escape(&services_json),
            started = started_date(s),
            page = escape(&p.page),
            title = escape(if s.title.is_empty() { &s.id } else { &s.title }),
            services = escape(&s.services.join(", ")),
            open = s.open_actions,
        ));
    }
    content.push_str("</tbody>\n</table>\n");
    if items.is_empty() {
        content.push_str("<p>No post-mortems yet.</p>\n");
    }
    layout("Post-mortems", "", Nav::Index, &content)
}

/// A ticket or other URL from the front matter: a link when its scheme is allowed, else text.
fn maybe_link(value: &str) -> String {
    let lower = value.trim_start().to_ascii_lowercase();
    if (lower.starts_with("https://") || lower.starts_with("http://"))
        && markdown::safe_link(value) == value
    {
        format!("<a href=\"{0}\">{0}</a>", escape(value))
    } else {
        escape(value)
    }
}

fn status_cell(a: &ActionView) -> String {
    match a.days_overdue {
        Some(days) if a.overdue => format!(
            "{} <span class=\"badge overdue\">overdue by {days} day{}</span>",
            escape(&a.status),
            if days == 1 { "" } else { "s" }
        ),
        _ => escape(&a.status),
    }
}

fn action_row(a: &ActionView, first_cell: &str) -> String {
    format!(
        "<tr{class}><td>{first_cell}</td><td>{title}</td><td>{owner}</td><td>{due}</td><td>{status}</td><td>{ticket}</td></tr>\n",
        class = if a.overdue { " class=\"overdue\"" } else { "" },
        title = escape(&a.title),
        owner = a
            .owner
            .as_deref()
            .map(escape)
            .unwrap_or_else(|| "<em class=\"muted\">no owner</em>".into()),
        due = a
            .due
            .map(|d| time(&d.to_string()))
            .unwrap_or_else(|| "<em class=\"muted\">no due date</em>".into()),
        status = status_cell(a),
        ticket = a.ticket.as_deref().map(maybe_link).unwrap_or_default(),
    )
}

/// One post-mortem's page.
pub fn postmortem_page(p: &PostMortem) -> String {
    let s = &p.summary;
    let title = if s.title.is_empty() { &s.id } else { &s.title };
    let mut content = format!("<h1>{}</h1>\n<dl class=\"meta\">\n", escape(title));
    let mut field = |name: &str, value: String| {
        if !value.is_empty() {
            content.push_str(&format!("<dt>{name}</dt><dd>{value}</dd>\n"));
        }
    };
    field("ID", reference(&s.id));
    field("Status", escape(&s.status));
    field("Severity", escape(&s.severity));
    field("Services", escape(&s.services.join(", ")));
    field("Authors", escape(&s.authors.join(", ")));
    field(
        "Facilitator",
        s.facilitator.as_deref().map(escape).unwrap_or_default(),
    );
    field(
        "Started",
        s.started.as_deref().map(time).unwrap_or_default(),
    );
    field(
        "Time to detect / mitigate / resolve",
        format!(
            "{} / {} / {}",
            duration(s.durations.time_to_detect_minutes, "—"),
            duration(s.durations.time_to_mitigate_minutes, "—"),
            duration(s.durations.time_to_resolve_minutes, "—")
        ),
    );
    field(
        "Impact",
        s.impact_summary.as_deref().map(escape).unwrap_or_default(),
    );
    field(
        "Users affected",
        s.users_affected.map(|u| u.to_string()).unwrap_or_default(),
    );
    field(
        "Review meeting",
        s.review_meeting
            .map(|d| time(&d.to_string()))
            .unwrap_or_default(),
    );
    field(
        "Follow-up review",
        s.followup_review
            .map(|d| time(&d.to_string()))
            .unwrap_or_default(),
    );
    field(
        "Tickets",
        s.tickets
            .iter()
            .map(|t| maybe_link(t))
            .collect::<Vec<_>>()
            .join(", "),
    );
    field("File", escape(&s.path));
    content.push_str("</dl>\n");
    content.push_str(&format!(
        "<h2>Action items</h2>\n<p class=\"muted\">{} open, {} overdue.</p>\n",
        s.open_actions, s.overdue_actions
    ));
    if s.actions.is_empty() {
        content.push_str("<p>No action items yet.</p>\n");
    } else {
        content.push_str("<table class=\"actions\">\n<thead><tr><th>ID</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Ticket</th></tr></thead>\n<tbody>\n");
        for a in &s.actions {
            content.push_str(&action_row(a, &escape(&a.id)));
        }
        content.push_str("</tbody>\n</table>\n");
    }
    content.push_str("<article class=\"body\">\n");
    content.push_str(&markdown::to_html(&p.body));
    content.push_str("</article>\n");
    layout(title, "../", Nav::Page, &content)
}

/// Every action item, overdue first, then by due date.
pub fn actions_page(items: &[PostMortem]) -> String {
    let mut rows: Vec<(&PostMortem, &ActionView)> = items
        .iter()
        .flat_map(|p| p.summary.actions.iter().map(move |a| (p, a)))
        .collect();
    rows.sort_by(|(_, a), (_, b)| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| a.due.is_none().cmp(&b.due.is_none()))
            .then_with(|| a.due.cmp(&b.due))
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let open = rows
        .iter()
        .filter(|(_, a)| a.status == "open" || a.status == "in-progress")
        .count();
    let overdue = rows.iter().filter(|(_, a)| a.overdue).count();
    let mut content = format!(
        "<h1>Action items</h1>\n<p class=\"muted\">{} action items: {open} open, {overdue} overdue.</p>\n",
        rows.len()
    );
    content.push_str("<table class=\"actions\">\n<thead><tr><th>Reference</th><th>Action</th><th>Owner</th><th>Due</th><th>Status</th><th>Ticket</th></tr></thead>\n<tbody>\n");
    for (p, a) in rows {
        let first = format!(
            "<a href=\"pm/{}\">{}</a>",
            escape(&p.page),
            reference(&a.reference)
        );
        content.push_str(&action_row(a, &first));
    }
    content.push_str("</tbody>\n</table>\n");
    layout("Action items", "", Nav::Actions, &content)
}

fn card(label: &str, value: &str) -> String {
    format!(
        "<div class=\"card\"><div class=\"muted\">{}</div><div class=\"value\">{}</div></div>",
        escape(label),
        escape(value)
    )
}

fn median_text(value: Option<f64>) -> String {
    duration_rounded(value, "—")
}

/// The statistics page.
pub fn stats_page(
    items: &[PostMortem],
    stats: &Stats,
    spans: &[ActionSpan],
    unplaced: usize,
    today: NaiveDate,
) -> String {
    let mut content = format!(
        "<h1>Statistics</h1>\n<p class=\"muted\">As of {}: open and overdue counts are for this day.</p>\n<div class=\"cards\">",
        time(&today.to_string())
    );
    content.push_str(&card("Post-mortems", &stats.postmortems.to_string()));
    content.push_str(&card(
        "Time to resolve (median)",
        &median_text(stats.time_to_resolve.median_minutes),
    ));
    content.push_str(&card(
        "Time to resolve (p90)",
        &duration(stats.time_to_resolve.p90_minutes, "—"),
    ));
    content.push_str(&card("Open actions", &stats.actions.open.to_string()));
    content.push_str(&card("Overdue actions", &stats.actions.overdue.to_string()));
    content.push_str(&card(
        "Closed by due date",
        &stats
            .actions
            .closed_on_time_ratio
            .map(|r| format!("{:.0}%", r * 100.0))
            .unwrap_or_else(|| "—".into()),
    ));
    content.push_str("</div>\n");

    let resolve: Vec<i64> = items
        .iter()
        .filter_map(|p| p.summary.durations.time_to_resolve_minutes)
        .collect();
    let bins = stats::resolve_histogram(&resolve);
    content.push_str("<figure class=\"chart\">\n");
    content.push_str(&svg::histogram(
        "Time to resolve: number of incidents per duration range",
        &bins,
    ));
    content.push_str(&format!(
        "<figcaption>Time to resolve ({} incidents with both <code>started</code> and <code>resolved</code>). Median {}, 90th percentile {} (nearest rank).</figcaption>\n</figure>\n",
        stats.time_to_resolve.count,
        median_text(stats.time_to_resolve.median_minutes),
        duration(stats.time_to_resolve.p90_minutes, "—")
    ));

    let points = stats::open_over_time(spans, today, 60);
    content.push_str("<figure class=\"chart\">\n");
    content.push_str(&svg::step_line("Open action items over time", &points));
    let source = match stats.dates_from {
        stats::DatesFrom::FrontMatter => "the front matter's created and closed dates (an action without a created date counts from its incident's start)",
        stats::DatesFrom::GitHistory => "git history",
    };
    let mut caption = format!("Open action items over time, from {source}.");
    if unplaced > 0 {
        caption.push_str(&format!(
            " {unplaced} closed action item{} without a known close date {} left out.",
            if unplaced == 1 { "" } else { "s" },
            if unplaced == 1 { "is" } else { "are" }
        ));
    }
    content.push_str(&format!(
        "<figcaption>{}</figcaption>\n</figure>\n",
        escape(&caption)
    ));

    content.push_str("<h2>Durations</h2>\n<table>\n<thead><tr><th></th><th class=\"num\">Incidents</th><th class=\"num\">Median</th><th class=\"num\">p90</th></tr></thead>\n<tbody>\n");
    for (name, spread) in [
        ("Time to detect", &stats.time_to_detect),
        ("Time to mitigate", &stats.time_to_mitigate),
        ("Time to resolve", &stats.time_to_resolve),
    ] {
        content.push_str(&format!(
            "<tr><td>{name}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            spread.count,
            median_text(spread.median_minutes),
            duration(spread.p90_minutes, "—")
        ));
    }
    content.push_str("</tbody>\n</table>\n");

    for (heading, map) in [
        ("By severity", &stats.by_severity),
        ("By service", &stats.by_service),
        ("By month", &stats.by_month),
    ] {
        content.push_str(&format!("<h2>{heading}</h2>\n<table>\n<tbody>\n"));
        for (key, count) in map {
            let key = if heading == "By month" {
                time(key)
            } else {
                escape(key)
            };
            content.push_str(&format!(
                "<tr><td>{key}</td><td class=\"num\">{count}</td></tr>\n"
            ));
        }
        content.push_str("</tbody>\n</table>\n");
    }

    content.push_str("<h2>Recurring services</h2>\n");
    if stats.recurring_services.is_empty() {
        content.push_str("<p>No service appears in more than one post-mortem.</p>\n");
    } else {
        content.push_str("<ul>\n");
        for r in &stats.recurring_services {
            content.push_str(&format!(
                "<li>{}: {} post-mortems ({})</li>\n",
                escape(&r.service),
                r.postmortems,
                escape(&r.ids.join(", "))
            ));
        }
        content.push_str("</ul>\n");
    }
    let f = &stats.followup_reviews;
    content.push_str(&format!(
        "<h2>Follow-up reviews</h2>\n<p>{} of {} due follow-up reviews held on time; {} upcoming.</p>\n",
        f.held_on_time, f.due, f.upcoming
    ));
    layout("Statistics", "", Nav::Stats, &content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_safe_and_unique() {
        let names = page_names(["2026-01-01-a", "2026-01-01-a", "../x", "a b<c>", ""]);
        assert_eq!(
            names,
            [
                "2026-01-01-a.html",
                "2026-01-01-a-2.html",
                "---x.html",
                "a-b-c-.html",
                "postmortem.html"
            ]
        );
    }

    #[test]
    fn escape_covers_attributes() {
        assert_eq!(
            escape("<a href='x' title=\"y\">&</a>"),
            "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
