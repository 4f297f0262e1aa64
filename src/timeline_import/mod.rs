//! `pm timeline add|import`: timeline entries from the record — a Slack export, an alert
//! tool's CSV or JSONL export, a repository's commits or tags — merged into the Timeline
//! section of a post-mortem.
//!
//! The sources ([`slack`], [`tabular`], [`commits`]) read their input as a stream and keep only
//! the entries inside the window, so memory is bounded by the window, not by the export.
//! [`merge`] writes the entries into the document in its own entry format.

pub mod commits;
pub mod merge;
pub mod slack;
pub mod tabular;
pub mod target;
pub mod when;

use crate::error::{Error, Result};
use chrono::{DateTime, Duration, Utc};
use std::path::PathBuf;

/// One entry read from a source: when, and what (one line of Markdown-safe text).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Imported {
    pub at: DateTime<Utc>,
    pub text: String,
}

/// The time window entries are taken from; an end left open takes everything on that side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// How far before `started` and after `resolved` the default window reaches: alerts often fire
/// before the recorded start, and the all-clear is often posted a little after `resolved`.
pub const MARGIN: Duration = Duration::hours(1);

/// How long after `started` the default window reaches when the post-mortem records neither
/// `resolved` nor `mitigated`.
pub const OPEN_INCIDENT: Duration = Duration::hours(24);

impl Window {
    /// The default window: `started − 1 h` to `resolved + 1 h` (`mitigated` or `detected` when
    /// `resolved` is missing; `started + 24 h` when all three are).
    pub fn around(started: Option<DateTime<Utc>>, last_recorded: Option<DateTime<Utc>>) -> Window {
        Window {
            since: started.map(|s| s - MARGIN),
            until: last_recorded
                .map(|end| end + MARGIN)
                .or_else(|| started.map(|s| s + OPEN_INCIDENT + MARGIN)),
        }
    }

    /// The default window of a post-mortem, from its front matter.
    pub fn of(front: &crate::document::FrontMatter) -> Window {
        let at = |field: &Option<crate::document::Spanned<crate::document::Timestamp>>| {
            field
                .as_ref()
                .and_then(|f| f.value.at())
                .map(|t| t.to_utc())
        };
        let last = at(&front.resolved)
            .or_else(|| at(&front.mitigated))
            .or_else(|| at(&front.detected));
        Window::around(at(&front.started), last)
    }

    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.since.is_none_or(|s| at >= s) && self.until.is_none_or(|u| at <= u)
    }
}

/// A row (or file) of a source that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// `file:line`, or the file alone when there is no line.
    pub place: String,
    pub why: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.why)
    }
}

/// Where bad input goes: an error that stops the import, or with `--skip-bad` a list of
/// skipped rows to report.
#[derive(Debug, Default)]
pub struct Problems {
    pub skip_bad: bool,
    pub skipped: Vec<Skipped>,
}

impl Problems {
    /// Records a bad row of `file` (at `line`, when known): an error unless `--skip-bad`.
    pub fn bad(&mut self, file: &str, line: Option<u64>, why: impl Into<String>) -> Result<()> {
        let place = match line {
            Some(line) => format!("{file}:{line}"),
            None => file.to_string(),
        };
        let why = why.into();
        if self.skip_bad {
            self.skipped.push(Skipped { place, why });
            Ok(())
        } else {
            Err(Error::usage(format!(
                "{place}: {why}; nothing was written (fix the input, or pass --skip-bad to \
                 skip such rows and report them)"
            )))
        }
    }
}

/// Which kind of source the paths are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Slack,
    Csv,
    Jsonl,
    Git,
}

/// Which Slack messages to take.
#[derive(Debug, Clone, Default)]
pub struct SlackOptions {
    /// `--channel`: a name, `#name` or a channel ID.
    pub channel: Option<String>,
    /// `--pinned`: only messages pinned in the channel.
    pub pinned: bool,
    /// `--reacted[=NAME]`: only messages with a reaction (`Some(None)`), or with this one.
    pub reacted: Option<Option<String>>,
    /// `--bots`: keep messages posted by bots and integrations (alerting, deploy bots).
    pub bots: bool,
}

/// Everything an import needs to know about its sources.
#[derive(Debug, Clone)]
pub struct Request {
    pub kind: SourceKind,
    pub sources: Vec<PathBuf>,
    pub window: Window,
    pub slack: SlackOptions,
    /// `--match`: only commits, tags or rows whose text matches.
    pub pattern: Option<regex::Regex>,
    /// `--tags`: for `git`, tags instead of commits.
    pub tags: bool,
    /// The zone a time written without one is read in: the document's.
    pub zone: when::DocZone,
}

/// Reads every source; entries come back sorted by time and text, without duplicates.
pub fn read(request: &Request, problems: &mut Problems) -> Result<Vec<Imported>> {
    let mut entries = Vec::new();
    for source in &request.sources {
        let display = source.display().to_string();
        match request.kind {
            SourceKind::Slack => slack::read(source, request, problems, &mut entries)?,
            SourceKind::Csv => tabular::read_csv(source, request, problems, &mut entries)?,
            SourceKind::Jsonl => tabular::read_jsonl(source, request, problems, &mut entries)?,
            SourceKind::Git => commits::read(source, request, &mut entries)
                .map_err(|e| Error::input(&display, e.to_string()))?,
        }
    }
    entries.sort();
    entries.dedup();
    Ok(entries)
}

/// Makes text one line of Markdown that stays inside a list item or a table cell: runs of
/// white space (newlines included) become one space (a table row escapes its `|` itself).
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
