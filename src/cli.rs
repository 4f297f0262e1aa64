//! Command-line arguments. Each command's own arguments live beside its code in `commands/`.

use crate::commands::{
    action, agenda, check, demo, diff, followup, history, hooks, init, list, new, pr, show, site,
    stats,
};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

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
    /// The facilitator's agenda for a post-mortem's review meeting, as Markdown.
    Agenda(agenda::AgendaArgs),
    /// Build a static, offline HTML site of the post-mortems.
    Site(site::SiteArgs),
    /// Build a sample repository with history and run the main commands on it.
    Demo(demo::DemoArgs),
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}
