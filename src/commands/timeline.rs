//! `pm timeline add|import`: timeline entries written by hand or taken from the record (a
//! Slack export, an alert export, the deploy log), merged into the Timeline section in order
//! (`pm::timeline_import`). The write holds the edit lock and replaces the file only if it
//! still has the bytes that were read, like `pm action`.

use crate::cli::{edit_lock, note, print, Context};
use pm::timeline_import::target::{pattern, TimelineTarget};
use pm::timeline_import::{self as import, Imported, Problems, Request, SourceKind};
use pm::{Outcome, Result};
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

fn add(ctx: &Context, args: AddArgs) -> Result<Outcome> {
    let target = TimelineTarget::read(&ctx.config()?, &args.id)?;
    let entry = target.entry(&args.time, &args.text)?;
    write(ctx, target, &[entry], args.dry_run)
}

fn import(ctx: &Context, args: ImportArgs) -> Result<Outcome> {
    let target = TimelineTarget::read(&ctx.config()?, &args.id)?;
    let window = target.window(args.since.as_deref(), args.until.as_deref())?;
    let pattern = args.pattern.as_deref().map(pattern).transpose()?;
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
        zone: target.zone(),
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

/// Merges `entries` into the file, or with `dry_run` only prints what would be added.
fn write(
    ctx: &Context,
    target: TimelineTarget,
    entries: &[Imported],
    dry_run: bool,
) -> Result<Outcome> {
    let merged = target.merge(entries)?;
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
        target.write(&merged)?;
    }
    note(&format!(
        "{}: {count} {entries_word} added{already}",
        target.entry.display
    ));
    Ok(Outcome::Success)
}
