//! `pm new TITLE`: a post-mortem from a template, on its own branch.

use crate::cli::{note, print, Context};
use chrono::{DateTime, FixedOffset};
use pm::new_postmortem::{Plan, Request};
use pm::today::parse_started;
use pm::{Error, Outcome, Result};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The incident's title, e.g. "Checkout outage: database connection pool exhaustion".
    pub title: String,
    /// Severity (one of pm.toml's `document.severities`).
    #[arg(long, add = clap_complete::engine::ArgValueCompleter::new(crate::completion::severities))]
    pub severity: Option<String>,
    /// An affected service (repeat for several).
    #[arg(long = "service", value_name = "SERVICE")]
    pub services: Vec<String>,
    /// When the incident started, with an offset: 2026-11-26T09:12Z or "2026-11-26 09:12+01:00"
    /// (default: now).
    #[arg(long, value_parser = parse_started)]
    pub started: Option<DateTime<FixedOffset>>,
    /// Template name (built in: default, sre; or templates/NAME.md in the repository).
    #[arg(long)]
    pub template: Option<String>,
    /// The slug part of the ID, when the title does not make a good one.
    #[arg(long)]
    pub slug: Option<String>,
    /// Write the file on the current branch instead of a new `postmortem/<id>` branch.
    #[arg(long)]
    pub no_branch: bool,
    /// Commit the new file (alone) on the new branch.
    #[arg(long)]
    pub commit: bool,
    /// Open the file in $VISUAL or $EDITOR.
    #[arg(long)]
    pub edit: bool,
}

pub fn run(ctx: &Context, args: NewArgs) -> Result<Outcome> {
    let (repo, located) = ctx.repo_config()?;
    let request = Request {
        title: args.title,
        severity: args.severity,
        services: args.services,
        started: args.started,
        template: args.template,
        slug: args.slug,
        no_branch: args.no_branch,
    };
    let plan = Plan::new(&repo, &located, request)?;
    // Asked before the new file exists: only other changes "come along" to the new branch.
    let dirty = pm::new_postmortem::has_uncommitted_changes(&repo);
    plan.write()?;

    if let Some(branch) = &plan.branch {
        let detached = repo.detached_head();
        repo.create_and_switch_branch(branch)?;
        let along = if dirty {
            " (your uncommitted changes came along untouched)"
        } else {
            ""
        };
        match detached {
            Some(commit) => note(&format!(
                "HEAD was detached at {commit}: switched to a new branch {branch} starting at \
                 that commit{along}"
            )),
            None => note(&format!("switched to a new branch {branch}{along}")),
        }
    } else if plan.no_commit_to_branch_from {
        note("no branch was made: the repository has no commits yet, so there is nothing to branch from; the file is on the current branch");
    }
    if args.commit {
        repo.commit_only(&plan.path, &plan.commit_message())?;
        note(&format!(
            "committed {}",
            pm::repository::display_path(&plan.path, &located.root)
        ));
    }
    for proposal in &plan.proposals {
        note(&format!("policy: {proposal}"));
    }
    print(&format!("{}\n", shown_path(&plan.path, &ctx.cwd)))?;
    if args.edit {
        open_editor(&plan.path)?;
    }
    Ok(Outcome::Success)
}

fn shown_path(path: &Path, cwd: &Path) -> String {
    match path.strip_prefix(cwd) {
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// Opens `$VISUAL` or `$EDITOR` (split on white space, run without a shell) on the file.
fn open_editor(path: &Path) -> Result<()> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .ok_or_else(|| Error::usage("--edit needs $VISUAL or $EDITOR to name your editor"))?;
    let mut words = editor.split_whitespace();
    let program = words.next().map(PathBuf::from).unwrap_or_default();
    let status = std::process::Command::new(&program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| Error::usage(format!("cannot start editor `{editor}`: {e}")))?;
    if !status.success() {
        return Err(Error::usage(format!(
            "editor `{editor}` exited with {status}; the file is kept"
        )));
    }
    Ok(())
}
