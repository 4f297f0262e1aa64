//! `pm list`: the post-mortems, newest first. Reads front matter only.

use super::{note, paint, print, to_json, Context, ListFormat};
use chrono::NaiveDate;
use pm::config::Located;
use pm::document::read_front_matter;
use pm::repository::{self, Entry};
use pm::summary::Summary;
use pm::{Outcome, Result};
use rayon::prelude::*;

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
    #[arg(long, value_parser = super::parse_date)]
    pub since: Option<NaiveDate>,
    /// Count overdue actions as of this date (default: today, or PM_TODAY).
    #[arg(long, value_parser = super::parse_date)]
    pub as_of: Option<NaiveDate>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// A file that could not be read, with the message to show (file, line and what to do).
pub struct Unreadable {
    pub message: String,
}

/// What [`load`] returns: the readable post-mortems and the files that could not be read.
pub type Loaded = (Vec<(Entry, Summary)>, Vec<Unreadable>);

/// Reads the front matter of every post-mortem in the repository, in parallel. Files that
/// cannot be read are returned apart, each with a message naming the file and line.
pub fn load(located: &Located, today: NaiveDate) -> Result<Loaded> {
    load_summaries(located, today, true)
}

/// [`load`]; without `actions`, each summary keeps its action counts but not the actions
/// themselves, which a table of 10,000 post-mortems has no use for (a third of the memory).
fn load_summaries(located: &Located, today: NaiveDate, actions: bool) -> Result<Loaded> {
    let (entries, skipped) = repository::list(&located.postmortem_dir(), &located.root)?;
    let results: Vec<std::result::Result<(Entry, Summary), Unreadable>> = entries
        .into_par_iter()
        // One read buffer per worker, reused from file to file.
        .map_init(Vec::new, |bytes, entry| {
            repository::read_into(&entry.path, bytes).map_err(|e| Unreadable {
                message: format!("{}: {e}", entry.display),
            })?;
            let front = read_front_matter(bytes).map_err(|e| Unreadable {
                message: match e.position() {
                    Some((line, column)) => format!("{}:{line}:{column}: {e}", entry.display),
                    None => format!("{}: {e}", entry.display),
                },
            })?;
            let mut summary = Summary::from_front_matter(front, &entry.stem, &entry.display, today);
            if !actions {
                summary.actions = Vec::new();
            }
            Ok((entry, summary))
        })
        .collect();
    let mut good = Vec::with_capacity(results.len());
    let mut bad: Vec<Unreadable> = skipped
        .into_iter()
        .map(|s| Unreadable {
            message: format!("{}: {}", s.display, s.reason),
        })
        .collect();
    for r in results {
        match r {
            Ok(item) => good.push(item),
            Err(e) => bad.push(e),
        }
    }
    Ok((good, bad))
}

/// Reports unreadable files on stderr; returns the outcome the command should end with.
pub fn report_unreadable(bad: &[Unreadable]) -> Outcome {
    for b in bad {
        note(&format!("pm: warning: skipped {}", b.message));
    }
    if bad.is_empty() {
        Outcome::Success
    } else {
        Outcome::Incomplete
    }
}

pub fn run(ctx: &Context, args: ListArgs) -> Result<Outcome> {
    let located = ctx.config()?;
    let today = ctx.today(args.as_of)?;
    let (items, bad) = load_summaries(&located, today, args.format == ListFormat::Json)?;
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
    let id_width = rows
        .iter()
        .map(|r| printable(&r.id).chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!(
        "{:<10}  {:<5}  {:<9}  {:>4}  {:>7}  {:<id_width$}  TITLE\n",
        "STARTED", "SEV", "STATUS", "OPEN", "OVERDUE", "ID"
    );
    for r in rows {
        let overdue = format!("{:>7}", r.overdue_actions);
        let overdue = if r.overdue_actions > 0 {
            paint(color, "31;1", &overdue)
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

/// Text from a post-mortem made safe for a terminal: control characters (which can move the
/// cursor, retitle the window or clear the screen) and bidirectional overrides (which reorder
/// what is shown) become U+FFFD. JSON output keeps the text exactly as written.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    // Printable ASCII, by far the common case, needs no look at each character.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.into();
    }
    if text.chars().any(unsafe_char) {
        text.chars()
            .map(|c| if unsafe_char(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// Escapes text for a Markdown table cell.
pub fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
