//! `pm new TITLE`: a post-mortem from a template, on its own branch.

use crate::cli::{note, print, Context};
use chrono::{DateTime, FixedOffset};
use pm::document::id;
use pm::templates::{self, clean_title};
use pm::today::{default_start, parse_started};
use pm::writing::{refuse_folder_outside, write_new};
use pm::{Error, Outcome, Result};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The incident's title, e.g. "Checkout outage: database connection pool exhaustion".
    pub title: String,
    /// Severity (one of pm.toml's `document.severities`).
    #[arg(long)]
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
    let Some(workdir) = repo.workdir() else {
        return Err(Error::usage(
            "this is a bare repository: it has no work tree to write a post-mortem in; clone \
             it (`git clone PATH`) and run `pm new` in the clone",
        ));
    };
    let config = &located.config;
    refuse_folder_outside(&located.postmortem_dir(), workdir)?;
    let title = clean_title(&args.title);
    if title.is_empty() {
        return Err(Error::usage(
            "the title is empty: describe the incident in a few words",
        ));
    }
    let severity = args.severity.unwrap_or_else(|| config.new.severity.clone());
    if !config.document.severities.contains(&severity) {
        return Err(Error::usage(format!(
            "severity `{severity}` is not one of {} (pm.toml document.severities)",
            config.document.severities.join(", ")
        )));
    }
    let started = match args.started {
        Some(t) => t,
        None => default_start()?,
    };
    let slug = match &args.slug {
        Some(s) => {
            let clean = id::slug(s);
            if clean != *s {
                return Err(Error::usage(format!(
                    "--slug `{s}` must be lowercase letters, digits and single dashes (e.g. `{clean}`)"
                )));
            }
            clean
        }
        None => id::slug(&title),
    };
    if slug.is_empty() {
        return Err(Error::usage(format!(
            "the title `{title}` has no letters or digits to build an ID from: pass --slug, e.g. --slug db-outage"
        )));
    }
    let date = started.date_naive();
    let id = id::make_id(date, &slug);

    let dir = located.postmortem_dir();
    let (entries, _) = pm::repository::list(&dir, &located.root)?;
    if let Some(existing) = entries.iter().find(|e| e.stem == id) {
        return Err(Error::usage(format!(
            "a post-mortem with ID {id} already exists: {} (pass --slug to choose another ID)",
            existing.display
        )));
    }
    let branch = format!("{}{}", config.repo.branch_prefix, id);
    let make_branch = !args.no_branch && repo.has_commits();
    if make_branch && repo.branch_exists(&branch) {
        return Err(Error::usage(format!(
            "branch {branch} already exists: switch to it with `git switch {branch}`, or pass --slug"
        )));
    }

    let template_name = args.template.unwrap_or_else(|| config.new.template.clone());
    let template = templates::find(&template_name, &located.root)?;
    let followup = date + chrono::Days::new(u64::from(config.new.followup_after_days));
    let authors: Vec<String> = repo.user_email().into_iter().collect();
    let text = templates::render_new(
        &template.text,
        &title,
        &id,
        &severity,
        started,
        &args.services,
        &authors,
        followup,
    );

    let year = id::year_of(&id).unwrap_or("unknown");
    let folder = dir.join(year);
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    let path = folder.join(format!("{id}.md"));
    write_new(&path, text.as_bytes())?;

    if make_branch {
        let detached = repo.detached_head();
        repo.create_and_switch_branch(&branch)?;
        match detached {
            Some(commit) => note(&format!(
                "HEAD was detached at {commit}: switched to a new branch {branch} starting at \
                 that commit (your uncommitted changes came along untouched)"
            )),
            None => note(&format!(
                "switched to a new branch {branch} (your uncommitted changes came along untouched)"
            )),
        }
    } else if !args.no_branch {
        note("no branch was made: the repository has no commits yet, so there is nothing to branch from; the file is on the current branch");
    }
    if args.commit {
        let message = format!("Open post-mortem {id}\n\n{title}\n");
        repo.commit_only(&path, &message)?;
        note(&format!(
            "committed {}",
            pm::repository::display_path(&path, &located.root)
        ));
    }
    print(&format!("{}\n", shown_path(&path, &ctx.cwd)))?;
    if args.edit {
        open_editor(&path)?;
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
