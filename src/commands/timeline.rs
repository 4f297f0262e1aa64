//! `pm timeline add|import`: timeline entries written by hand or taken from the record (a
//! Slack export, an alert export, the deploy log), merged into the Timeline section in order
//! (`pm::timeline_import`). The write holds the edit lock and replaces the file only if it
//! still has the bytes that were read, like `pm action`.

use crate::cli::{edit_lock, note, print, Context};
use pm::document::{Document, ParseOptions};
use pm::listing::{find_entry, input_error};
use pm::repository::{self, Entry};
use pm::timeline::TimelineSettings;
use pm::timeline_import::{self as import, when, Imported, Problems, Request, SourceKind};
use pm::{Error, Outcome, Result};
use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum TimelineCommand {
    /// Insert one entry in order.
    Add(AddArgs),
    /// Merge entries from a Slack export, a CSV or JSONL export, or a git repository's log.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    pub id: String,
    /// When: `09:12` (on the day the incident started), `2026-03-04 09:12`, with or without a
    /// zone (`UTC`, `Z`, `+01:00`); without one, the document's zone.
    pub time: String,
    /// What was seen or done.
    pub text: String,
    /// Print the entry that would be added; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    /// A Slack workspace export: its folder or zip.
    Slack,
    /// Rows of `time,text[,source]`, with or without a header row.
    Csv,
    /// One JSON object per line: `{"time": …, "text": …, "source": …}`.
    Jsonl,
    /// A git repository: its commits (or tags) in the window.
    Git,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The post-mortem: its ID, or a unique prefix or part of it.
    pub id: String,
    /// The exports (or repositories) to read.
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// What the sources are.
    #[arg(long, value_enum)]
    pub from: From,
    /// Slack: the channel (its name, `#name` or ID); needed when the export holds several.
    #[arg(long)]
    pub channel: Option<String>,
    /// Only entries at or after this time (default: an hour before `started`).
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only entries at or before this time (default: an hour after `resolved`).
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Only entries whose text (a commit's or tag's message) matches this regular expression.
    #[arg(long = "match", value_name = "REGEX")]
    pub pattern: Option<String>,
    /// git: tags instead of commits.
    #[arg(long)]
    pub tags: bool,
    /// Slack: only messages pinned in the channel (with --reacted: pinned or reacted to).
    #[arg(long)]
    pub pinned: bool,
    /// Slack: only messages with a reaction, or with this one (`--reacted=pushpin`).
    #[arg(long, value_name = "EMOJI", num_args = 0..=1, require_equals = true, default_missing_value = "")]
    pub reacted: Option<String>,
    /// Slack: keep messages of bots and integrations (alerts, deploys); skipped by default.
    #[arg(long)]
    pub bots: bool,
    /// Skip rows that cannot be read, reporting each, instead of writing nothing.
    #[arg(long)]
    pub skip_bad: bool,
    /// Print the entries that would be added; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &Context, command: TimelineCommand) -> Result<Outcome> {
    match command {
        TimelineCommand::Add(args) => add(ctx, args),
        TimelineCommand::Import(args) => import(ctx, args),
    }
}

/// A post-mortem read whole, for a merge.
struct Read {
    entry: Entry,
    bytes: Vec<u8>,
    doc: Document,
    settings: TimelineSettings,
}

fn read(ctx: &Context, id: &str) -> Result<Read> {
    let located = ctx.config()?;
    let entry = find_entry(&located, id)?;
    let bytes = repository::read(&entry.path).map_err(|e| Error::input(&entry.display, e))?;
    let options = ParseOptions {
        timeline_section: &located.config.document.timeline_section,
    };
    let hint = format!(" (`pm check {}` shows every problem)", entry.display);
    let doc = Document::parse(&bytes, &options).map_err(|e| input_error(&entry, &e, &hint))?;
    let settings = TimelineSettings::from_config(&located.config);
    Ok(Read {
        entry,
        bytes,
        doc,
        settings,
    })
}

fn add(ctx: &Context, args: AddArgs) -> Result<Outcome> {
    let target = read(ctx, &args.id)?;
    let zone = when::DocZone::new(target.settings.zone.clone());
    let started = target
        .doc
        .front
        .started
        .as_ref()
        .and_then(|s| s.value.at())
        .and_then(|t| zone.civil(t.to_utc()))
        .map(|t| t.date());
    let day = started.unwrap_or_default();
    let at = when::parse_entry_time(&args.time, day, &zone)
        .filter(|_| started.is_some() || args.time.contains('-'))
        .ok_or_else(|| {
            Error::usage(format!(
                "cannot read the time `{}`: write `09:12` (on the day the incident started; \
                 needs `started` in the front matter), `2026-03-04 09:12` or \
                 `2026-03-04T09:12:00Z`",
                args.time
            ))
        })?;
    let text = import::one_line(&args.text);
    if text.is_empty() {
        return Err(Error::usage("the entry's TEXT is empty"));
    }
    write(ctx, target, &[Imported { at, text }], args.dry_run)
}

fn import(ctx: &Context, args: ImportArgs) -> Result<Outcome> {
    let target = read(ctx, &args.id)?;
    let zone = when::DocZone::new(target.settings.zone.clone());
    let mut window = import::Window::of(&target.doc.front);
    if let Some(since) = &args.since {
        window.since = Some(bound(since, &zone, false)?);
    }
    if let Some(until) = &args.until {
        window.until = Some(bound(until, &zone, true)?);
    }
    let pattern = args
        .pattern
        .as_deref()
        .map(|p| {
            regex::Regex::new(p).map_err(|e| {
                Error::usage(format!("--match `{p}` is not a regular expression: {e}"))
            })
        })
        .transpose()?;
    let kind = match args.from {
        From::Slack => SourceKind::Slack,
        From::Csv => SourceKind::Csv,
        From::Jsonl => SourceKind::Jsonl,
        From::Git => SourceKind::Git,
    };
    // Paths are relative to where pm runs (`-C` included).
    let here = std::env::current_dir().ok();
    let sources = args
        .sources
        .into_iter()
        .map(|p| {
            if p.is_relative() && here.as_deref() != Some(ctx.cwd.as_path()) {
                ctx.cwd.join(p)
            } else {
                p
            }
        })
        .collect();
    let request = Request {
        kind,
        sources,
        window,
        slack: import::SlackOptions {
            channel: args.channel,
            pinned: args.pinned,
            reacted: args.reacted.map(|r| Some(r).filter(|r| !r.is_empty())),
            bots: args.bots,
        },
        pattern,
        tags: args.tags,
        zone,
    };
    let mut problems = Problems {
        skip_bad: args.skip_bad,
        ..Problems::default()
    };
    let entries = import::read(&request, &mut problems)?;
    for skipped in &problems.skipped {
        note(&format!("pm: warning: skipped {skipped}"));
    }
    write(ctx, target, &entries, args.dry_run)
}

fn bound(
    text: &str,
    zone: &when::DocZone,
    end_of_day: bool,
) -> Result<chrono::DateTime<chrono::Utc>> {
    when::parse_bound(text, zone, end_of_day).ok_or_else(|| {
        Error::usage(format!(
            "cannot read the time `{text}`: write a date (2026-03-04) or a time \
             (2026-03-04 22:05 UTC, 2026-03-04T22:05:00Z)"
        ))
    })
}

/// Merges `entries` into the file, or with `dry_run` only prints what would be added.
fn write(ctx: &Context, target: Read, entries: &[Imported], dry_run: bool) -> Result<Outcome> {
    let merged = import::merge::merge(&target.doc, &target.settings, entries)
        .map_err(|why| Error::input(&target.entry.display, why))?;
    let mut out = String::new();
    for line in &merged.added {
        out.push_str(line);
        out.push('\n');
    }
    print(&out)?;
    let already = if merged.already > 0 {
        format!(" ({} already there)", merged.already)
    } else {
        String::new()
    };
    let count = merged.added.len();
    let entries_word = if count == 1 { "entry" } else { "entries" };
    if dry_run {
        note(&format!(
            "{}: {count} {entries_word} would be added{already}; nothing was written (--dry-run)",
            target.entry.display
        ));
        return Ok(Outcome::Success);
    }
    if count > 0 {
        let _lock = edit_lock(ctx, &target.entry)?;
        pm::writing::replace_in_place_if_unchanged(
            &target.entry.path,
            &target.entry.display,
            &target.bytes,
            &merged.text,
        )?;
    }
    note(&format!(
        "{}: {count} {entries_word} added{already}",
        target.entry.display
    ));
    Ok(Outcome::Success)
}
