//! The commands. Each module holds one command's arguments and its `run`.

pub mod action;
pub mod agenda;
pub mod check;
pub mod ci;
pub mod demo;
pub mod diff;
pub mod followup;
pub mod history;
pub mod hooks;
pub mod init;
pub mod list;
pub mod new;
pub mod pr;
pub mod show;
pub mod site;
pub mod stats;

use crate::cli::{Cli, ColorChoice, Command};
use chrono::NaiveDate;
use clap::ValueEnum;
use pm::config::{self, Located};
use pm::git::Repo;
use pm::{Error, Outcome, Result};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What every command gets: where it runs and how to print.
pub struct Context {
    /// The working directory (after `-C`).
    pub cwd: PathBuf,
    /// Colour on stdout.
    pub color: bool,
    /// Colour on stderr.
    #[allow(dead_code)] // used by the check reporter
    pub color_stderr: bool,
}

impl Context {
    fn new(cli: &Cli) -> Result<Context> {
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
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let decide = |terminal: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        Ok(Context {
            color: decide(std::io::stdout().is_terminal()),
            color_stderr: decide(std::io::stderr().is_terminal()),
            cwd,
        })
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
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .map_err(|e| Error::io("<stdout>", e))
}

/// Writes a line to stderr.
pub fn note(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
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

/// Wraps text in an ANSI style when colour is on.
pub fn paint(on: bool, style: &str, text: &str) -> String {
    if on {
        format!("\x1b[{style}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Serialises a value as pretty JSON with a trailing newline.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| Error::usage(format!("cannot render JSON: {e}")))
}

pub fn run(cli: Cli) -> Result<Outcome> {
    let ctx = Context::new(&cli)?;
    match cli.command {
        Command::Init(args) => init::run(&ctx, args),
        Command::New(args) => new::run(&ctx, args),
        Command::List(args) => list::run(&ctx, args),
        Command::Show(args) => show::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Hooks(args) => hooks::run(&ctx, args),
        Command::Pr(args) => pr::run(&ctx, args),
        Command::Action(args) => action::run(&ctx, args),
        Command::Followup(args) => followup::run(&ctx, args),
        Command::Diff(args) => diff::run(&ctx, args),
        Command::History(args) => history::run(&ctx, args),
        Command::Stats(args) => stats::run(&ctx, args),
        Command::Agenda(args) => agenda::run(&ctx, args),
        Command::Site(args) => site::run(&ctx, args),
        Command::Demo(args) => demo::run(&ctx, args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut command, "pm", &mut buf);
            print(&String::from_utf8_lossy(&buf))?;
            Ok(Outcome::Success)
        }
    }
}
