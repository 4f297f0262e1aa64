//! `pm new TITLE`: a post-mortem from a template, on its own branch.

use super::{note, print, Context};
use chrono::{DateTime, FixedOffset, NaiveDateTime, Timelike, Utc};
use pm::document::id;
use pm::templates::{self, toml_escape};
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

/// Parses `--started`: RFC 3339, with a space allowed for `T`, seconds optional, offset required.
pub fn parse_started(value: &str) -> std::result::Result<DateTime<FixedOffset>, String> {
    let v = value.trim().replace(' ', "T");
    if let Ok(t) = DateTime::parse_from_rfc3339(&v) {
        return Ok(t);
    }
    for format in [
        "%Y-%m-%dT%H:%M%#z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%#z",
    ] {
        let candidate = v.replace('Z', "+00:00");
        if let Ok(t) = DateTime::parse_from_str(&candidate, format) {
            return Ok(t);
        }
    }
    if NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M").is_ok()
        || NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M:%S").is_ok()
    {
        return Err(format!(
            "`{value}` has no offset: add Z for UTC or one like +01:00 (e.g. {v}Z)"
        ));
    }
    Err(format!(
        "`{value}` is not a date and time: use e.g. 2026-11-26T09:12Z or \"2026-11-26 09:12+01:00\""
    ))
}

/// Title as one clean line: control characters and runs of white space become one space.
fn clean_title(title: &str) -> String {
    title
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn toml_list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| format!("\"{}\"", toml_escape(v)))
        .collect::<Vec<_>>()
        .join(", ")
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
    let text = render(
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

#[allow(clippy::too_many_arguments)]
fn render(
    template: &str,
    title: &str,
    id: &str,
    severity: &str,
    started: DateTime<FixedOffset>,
    services: &[String],
    authors: &[String],
    followup: chrono::NaiveDate,
) -> String {
    let started_toml = started.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    let utc = started.with_timezone(&Utc);
    let common = |title_value: String, services: String, authors: String| {
        vec![
            ("title", title_value),
            ("id", id.to_string()),
            ("date", started.date_naive().to_string()),
            ("severity", severity.to_string()),
            ("started", started_toml.clone()),
            ("time", format!("{:02}:{:02}", utc.hour(), utc.minute())),
            ("services", services),
            ("authors", authors),
            ("followup_review", followup.to_string()),
        ]
    };
    // Values go into the front matter TOML-escaped and into the Markdown as written.
    match pm::document::frontmatter::split(template) {
        Ok(split) => {
            let head = &template[..split.body_start];
            let body = &template[split.body_start..];
            let fm_values = common(toml_escape(title), toml_list(services), toml_list(authors));
            let body_values = common(title.to_string(), services.join(", "), authors.join(", "));
            let mut out = templates::render(head, &fm_values);
            out.push_str(&templates::render(body, &body_values));
            out
        }
        Err(_) => templates::render(
            template,
            &common(title.to_string(), services.join(", "), authors.join(", ")),
        ),
    }
}

fn default_start() -> Result<DateTime<FixedOffset>> {
    let now = Utc::now();
    let now = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    // With PM_TODAY set (tests, reproducible runs), the date is that day.
    if std::env::var_os(pm::today::ENV).is_some() {
        let today = pm::today::today()?;
        let at = today.and_time(now.time());
        return Ok(at.and_utc().fixed_offset());
    }
    Ok(now.fixed_offset())
}

/// Writes a new file without ever replacing one: a temporary file, then a no-clobber rename.
fn write_new(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".pm-new-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(contents).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::usage(format!(
                "{} already exists; nothing was written",
                path.display()
            ))
        } else {
            Error::io(path, e.error)
        }
    })?;
    Ok(())
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

/// Refuses a post-mortem folder that is a symbolic link leaving the work tree: the new file
/// would land where git cannot track it, so it could be neither committed nor checked.
fn refuse_folder_outside(dir: &Path, workdir: &Path) -> Result<()> {
    let (Ok(resolved), Ok(top)) = (dir.canonicalize(), workdir.canonicalize()) else {
        return Ok(());
    };
    if resolved.starts_with(&top) {
        return Ok(());
    }
    Err(Error::usage(format!(
        "the post-mortem folder {} is a symbolic link to {}, outside the repository: git \
         cannot track a file there; move the folder into the repository (or point repo.dir \
         in pm.toml at a folder inside it)",
        dir.display(),
        resolved.display()
    )))
}
