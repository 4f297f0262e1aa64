//! Command-line arguments and what every command shares: the working directory, colour,
//! printing. Each command's own arguments live beside its code in `commands/`.

use crate::commands::{
    action, agenda, check, demo, diff, followup, history, hooks, import, init, list, lsp, new, pr,
    show, site, stats, status, timeline,
};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use pm::config::{self, Located};
use pm::git::Repo;
use pm::repository::Unreadable;
use pm::{Error, Outcome, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Blameless incident post-mortems kept in git.
///
/// pm opens post-mortems from a blameless template on their own branch, checks structure and
/// wording in a pre-commit hook and CI, and reads git history to tell the follow-up review what
/// is overdue and what changed.
#[derive(Debug, Parser)]
#[command(name = "pm", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Run as if pm was started in PATH (like `git -C`).
    #[arg(short = 'C', global = true, value_name = "PATH")]
    pub chdir: Option<PathBuf>,

    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write pm.toml and create the post-mortem folder (optionally hooks and a CI workflow).
    Init(init::InitArgs),
    /// Open a new post-mortem from a template on its own branch; prints the file's path.
    New(new::NewArgs),
    /// List post-mortems, newest first, with open and overdue action counts.
    List(list::ListArgs),
    /// Show one post-mortem: metadata, durations and action items.
    Show(show::ShowArgs),
    /// Check structure and blameless wording.
    Check(check::CheckArgs),
    /// Install, remove or inspect the git pre-commit hook.
    #[command(subcommand)]
    Hooks(hooks::HooksCommand),
    /// Push the post-mortem branch and open its pull request.
    Pr(pr::PrArgs),
    /// List, add and change action items.
    #[command(subcommand)]
    Action(action::ActionCommand),
    /// Overdue action items, items due soon, reviews due, and progress since a revision.
    Followup(followup::FollowupArgs),
    /// What changed in post-mortems and action items between two revisions.
    Diff(diff::DiffArgs),
    /// Every change of one action item or post-mortem through the commits.
    History(history::HistoryArgs),
    /// Incident and action-item statistics (medians and 90th percentiles).
    Stats(stats::StatsArgs),
    /// Move a post-mortem to in-review, reviewed or closed, with the checks a facilitator expects.
    Status(status::StatusArgs),
    /// The facilitator's agenda for a post-mortem's review meeting, as Markdown.
    Agenda(agenda::AgendaArgs),
    /// Build a static, offline HTML site of the post-mortems.
    Site(site::SiteArgs),
    /// Add timeline entries, or import them from a chat export, an alert export or git.
    #[command(subcommand)]
    Timeline(timeline::TimelineCommand),
    /// Build a sample repository with history and run the main commands on it.
    Demo(demo::DemoArgs),
    /// Run the language server (LSP over stdio): checks, completions and fixes in the editor.
    Lsp(lsp::LspArgs),
    /// Convert existing Markdown post-mortems into pm's format; prints each new path.
    Import(import::ImportArgs),
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What every command gets: where it runs and how to print.
pub struct Context {
    /// The working directory (after `-C`).
    pub cwd: PathBuf,
    /// Colour on stdout.
    pub color: bool,
}

impl Context {
    pub fn new(cli: &Cli) -> Result<Context> {
        let base = std::env::current_dir().map_err(|e| Error::io(".", e))?;
        let cwd = match &cli.chdir {
            Some(dir) => {
                let dir = base.join(dir);
                if !dir.is_dir() {
                    return Err(Error::usage(format!(
                        "-C {}: no such folder",
                        dir.display()
                    )));
                }
                dir
            }
            None => base,
        };
        // anstream decides `auto` as clap does: NO_COLOR (not empty) means never, then
        // CLICOLOR_FORCE (not empty) always, then CLICOLOR=0 never, else a terminal whose TERM
        // is set and not `dumb` (or with CLICOLOR or CI set). docs/CHECKS.md, "human", says so.
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        };
        Ok(Context { color, cwd })
    }

    /// The repository around the working directory.
    pub fn repo(&self) -> Result<Repo> {
        Repo::discover(&self.cwd)
    }

    /// The configuration, found by walking up to the work-tree root. Outside a repository the
    /// walk goes up to the file-system root. A bare repository has no files to read: that is
    /// an error that says what to do, not an empty listing.
    pub fn config(&self) -> Result<Located> {
        if pm::git::is_bare(&self.cwd) {
            return Err(Error::usage(format!(
                "{} is a bare repository, which has no work tree to read post-mortems from: run pm in a clone, or use `pm check --rev-range A..B` (e.g. in a pre-receive hook)",
                self.cwd.display()
            )));
        }
        self.config_allow_bare()
    }

    /// [`Context::config`] that also serves a bare repository (for `pm check --rev-range`).
    pub fn config_allow_bare(&self) -> Result<Located> {
        let stop = pm::git::worktree_root(&self.cwd);
        Ok(config::locate(&self.cwd, stop.as_deref())?)
    }

    /// The configuration of the repository, requiring one.
    pub fn repo_config(&self) -> Result<(Repo, Located)> {
        let repo = self.repo()?;
        let stop = repo.workdir().map(Path::to_path_buf);
        let located = config::locate(&self.cwd, stop.as_deref())?;
        Ok((repo, located))
    }

    /// "Today": `--as-of` when given, else `PM_TODAY`, else the local date.
    pub fn today(&self, as_of: Option<NaiveDate>) -> Result<NaiveDate> {
        match as_of {
            Some(date) => Ok(date),
            None => pm::today::today(),
        }
    }
}

/// Writes to stdout; a closed pipe ends the command quietly (see `main`).
/// Human-readable text goes through the one output sanitiser (`pm::text::terminal_safe`).
pub fn print(text: &str) -> Result<()> {
    print_raw(&pm::text::terminal_safe(text))
}

/// Writes machine output that escapes its own values (`pm check --format github`).
pub fn print_raw(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Writes a line to stderr.
/// Takes the edit lock for `entry` (an action or timeline edit), saying on stderr when another
/// pm holds it.
pub fn edit_lock(ctx: &Context, entry: &pm::repository::Entry) -> Result<pm::writing::Lock> {
    let git_dir = ctx.repo().ok().map(|repo| repo.git_dir().to_path_buf());
    let path = pm::writing::Lock::path_for(git_dir.as_deref(), &entry.path);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let us = format!("pm {}", args.join(" "));
    pm::writing::Lock::acquire(&path, &us, |holder| {
        note(&format!("pm: waiting for another pm ({holder}) to finish…"));
    })
}

pub fn note(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", pm::text::terminal_safe(text));
}

/// Parses a YYYY-MM-DD argument for clap.
pub fn parse_date(value: &str) -> std::result::Result<NaiveDate, String> {
    pm::today::parse_date(value)
}

/// Output formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Markdown,
}

/// Serialises a value as pretty JSON with a trailing newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            pm::text::json_safe(s)
        })
        .map_err(|e| Error::usage(format!("cannot render JSON: {e}")))
}

/// Reports unreadable files on stderr; returns the outcome the command should end with.
pub fn report_unreadable(bad: &[Unreadable]) -> Outcome {
    for b in bad {
        note(&format!("pm: warning: skipped {b}"));
    }
    if bad.is_empty() {
        Outcome::Success
    } else {
        Outcome::Incomplete
    }
}

/// Warns on stderr about each action item a report could not read (file, line, item), as
/// `pm followup` lists them.
pub fn warn_unreadable_actions(items: &[pm::summary::UnreadableAction]) {
    for u in items {
        note(&format!("pm: warning: action item not read: {u}"));
    }
}

/// Action dates from git history (or the front matter), with their notes on stderr.
pub fn action_dates(
    ctx: &Context,
    located: &Located,
    items: &[(&pm::repository::Entry, &pm::summary::Summary)],
) -> Result<pm::action_dates::ActionDates> {
    let repo = ctx.repo().ok();
    let dates = pm::action_dates::read(repo.as_ref(), located, items)?;
    if let Some(why) = &dates.history_unreadable {
        note(&format!(
            "pm: note: action dates are read from the front matter, not git history: {why}"
        ));
    }
    if let Some(start) = &dates.history_starts {
        shallow_clone_note(
            &start.commit,
            &start.date,
            "actions added before it have no known creation date",
        );
    }
    Ok(dates)
}

/// Says on stderr that the clone is shallow, its history starting at `commit` (`date`), and
/// what that leaves out (`missing`).
pub fn shallow_clone_note(commit: &str, date: &str, missing: &str) {
    note(&format!(
        "pm: note: this is a shallow clone whose history starts at {} ({date}): {missing}; \
         `git fetch --unshallow` brings the rest",
        pm::text::short(commit)
    ));
}
