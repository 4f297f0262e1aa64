//! `pm new`: what a new post-mortem is (its ID, file, branch, text and commit message),
//! planned before anything is written, and writing it without ever replacing a file.

use crate::config::{Config, Located};
use crate::document::id;
use crate::error::{Error, Result};
use crate::git::Repo;
use crate::templates::{self, clean_title};
use crate::today::default_start;
use crate::writing::{refuse_folder_outside, write_new};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::path::{Path, PathBuf};

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub title: String,
    /// Default: pm.toml's `new.severity`.
    pub severity: Option<String>,
    pub services: Vec<String>,
    /// Default: now.
    pub started: Option<DateTime<FixedOffset>>,
    /// Default: pm.toml's `new.template`.
    pub template: Option<String>,
    /// The slug part of the ID, instead of one made from the title.
    pub slug: Option<String>,
    /// Write on the current branch instead of a new one.
    pub no_branch: bool,
}

/// A new post-mortem, checked and ready to write.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The title cleaned to one line.
    pub title: String,
    pub id: String,
    /// Where the file goes: `<folder>/<year>/<id>.md`.
    pub path: PathBuf,
    /// The branch to create and switch to; `None` with `--no-branch` or before the first
    /// commit.
    pub branch: Option<String>,
    /// True when a branch was wanted but the repository has no commit to branch from.
    pub no_commit_to_branch_from: bool,
    /// The file's text.
    pub text: String,
    /// The dates the severity's policy proposes (review meeting, P0/P1 items), for the user.
    pub proposals: Vec<String>,
    /// Where the file is written: `path` with the post-mortem folder resolved (it may be a
    /// link inside the work tree, checked by `refuse_folder_outside`). Nothing below that
    /// folder is followed (`writing::write_confined`).
    /// (the folder nothing below is followed, the file's path).
    pub confine: (PathBuf, PathBuf),
}

impl Plan {
    /// Checks the request against the configuration and the repository; nothing is written.
    pub fn new(repo: &Repo, located: &Located, request: Request) -> Result<Plan> {
        let Some(workdir) = repo.workdir() else {
            return Err(Error::usage(
                "this is a bare repository: it has no work tree to write a post-mortem in; clone \
                 it (`git clone PATH`) and run `pm new` in the clone",
            ));
        };
        let config = &located.config;
        let dir = located.postmortem_dir();
        refuse_folder_outside(&dir, workdir)?;
        let title = clean_title(&request.title);
        if title.is_empty() {
            return Err(Error::usage(
                "the title is empty: describe the incident in a few words",
            ));
        }
        let severity = severity(config, request.severity)?;
        let started = match request.started {
            Some(t) => t,
            None => default_start()?,
        };
        let slug = slug(&title, request.slug.as_deref())?;
        let date = started.date_naive();
        let id = id::make_id(date, &slug);
        refuse_existing_id(&dir, &located.root, &id)?;
        let branch = branch_name(config, &id);
        let make_branch = !request.no_branch && repo.has_commits();
        if make_branch && repo.branch_exists(&branch) {
            return Err(Error::usage(format!(
                "branch {branch} already exists: switch to it with `git switch {branch}`, or pass --slug"
            )));
        }
        let template_name = request
            .template
            .unwrap_or_else(|| config.new.template.clone());
        let template = templates::find(&template_name, &located.root)?;
        let authors: Vec<String> = repo.user_email().into_iter().collect();
        let text = templates::render_new(
            &template.text,
            &title,
            &id,
            &severity,
            started,
            &request.services,
            &authors,
            followup_date_for(config, &severity, date),
        );
        let proposals = policy_proposals(config, &severity, date);
        let confine = crate::writing::confined_target(&dir, workdir, &file_path(&dir, &id));
        Ok(Plan {
            confine,
            path: file_path(&dir, &id),
            branch: make_branch.then_some(branch),
            no_commit_to_branch_from: !request.no_branch && !make_branch,
            title,
            id,
            text,
            proposals,
        })
    }

    /// Writes the file (its year folder first): through a temporary file and a no-clobber
    /// rename, so an existing file is never replaced, even by a race; no folder from the work
    /// tree down is followed if it is a symbolic link (`writing::write_confined`).
    pub fn write(&self) -> Result<()> {
        write_new(&self.confine.0, &self.confine.1, self.text.as_bytes())
    }

    /// The message of the commit that adds the file (`--commit`).
    pub fn commit_message(&self) -> String {
        format!("Open post-mortem {}\n\n{}\n", self.id, self.title)
    }
}

/// The severity given, else the default; one of `document.severities`.
pub fn severity(config: &Config, given: Option<String>) -> Result<String> {
    let severity = given.unwrap_or_else(|| config.new.severity.clone());
    if !config.document.severities.contains(&severity) {
        return Err(Error::usage(format!(
            "severity `{severity}` is not one of {} (pm.toml document.severities)",
            config.document.severities.join(", ")
        )));
    }
    Ok(severity)
}

/// The slug of the ID: `given` when it is already a clean slug, else the title's.
pub fn slug(title: &str, given: Option<&str>) -> Result<String> {
    let slug = match given {
        Some(s) => {
            let clean = id::slug(s);
            if clean != s {
                return Err(Error::usage(format!(
                    "--slug `{s}` must be lowercase letters, digits and single dashes (e.g. `{clean}`)"
                )));
            }
            clean
        }
        None => id::slug(title),
    };
    if slug.is_empty() {
        return Err(Error::usage(format!(
            "the title `{title}` has no letters or digits to build an ID from: pass --slug, e.g. --slug db-outage"
        )));
    }
    Ok(slug)
}

/// Refuses an ID a post-mortem in `dir` already has.
fn refuse_existing_id(dir: &Path, root: &Path, id: &str) -> Result<()> {
    let (entries, _) = crate::repository::list(dir, root)?;
    match entries.iter().find(|e| e.stem == id) {
        Some(existing) => Err(Error::usage(format!(
            "a post-mortem with ID {id} already exists: {} (pass --slug to choose another ID)",
            existing.display
        ))),
        None => Ok(()),
    }
}

/// The post-mortem's branch: `repo.branch_prefix` and the ID.
pub fn branch_name(config: &Config, id: &str) -> String {
    format!("{}{}", config.repo.branch_prefix, id)
}

/// When the follow-up review is due: `new.followup_after_days` after the incident's day.
pub fn followup_date(config: &Config, started: NaiveDate) -> NaiveDate {
    started + chrono::Days::new(u64::from(config.new.followup_after_days))
}

/// The follow-up review date for `severity`: its policy's `followup_after_days` when set, else
/// `new.followup_after_days`.
pub fn followup_date_for(config: &Config, severity: &str, started: NaiveDate) -> NaiveDate {
    match config
        .policy
        .of(severity)
        .and_then(|p| p.followup_after_days)
    {
        Some(days) => started + chrono::Days::new(u64::from(days)),
        None => followup_date(config, started),
    }
}

/// What the severity's policy asks, as dates from the incident's day: the review meeting and
/// the P0/P1 items' latest due date.
pub fn policy_proposals(config: &Config, severity: &str, started: NaiveDate) -> Vec<String> {
    let Some(policy) = config.policy.of(severity) else {
        return Vec::new();
    };
    let after = |days: u32| started + chrono::Days::new(u64::from(days));
    let mut out = Vec::new();
    if let Some(days) = policy.review_within_days {
        out.push(format!(
            "hold the review meeting by {} ({severity} policy: within {days} days; set review_meeting)",
            after(days)
        ));
    }
    if let Some(days) = policy.priority_actions_within_days {
        out.push(format!(
            "make P0/P1 action items due by {} ({severity} policy: within {days} days)",
            after(days)
        ));
    }
    out
}

/// True when the work tree has changes (staged, unstaged or untracked, ignored files aside);
/// false when it is clean or cannot be read.
pub fn has_uncommitted_changes(repo: &Repo) -> bool {
    crate::git::worktree::has_uncommitted_changes(repo)
}

/// Where the post-mortem with `id` goes in the folder: a folder per year.
pub fn file_path(dir: &Path, id: &str) -> PathBuf {
    let year = id::year_of(id).unwrap_or("unknown");
    dir.join(year).join(format!("{id}.md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usage(result: Result<String>) -> String {
        match result {
            Err(e) => e.to_string(),
            Ok(v) => format!("no error: {v}"),
        }
    }

    #[test]
    fn severity_defaults_and_must_be_configured() {
        let config = Config::default();
        assert_eq!(
            severity(&config, None).ok(),
            Some(config.new.severity.clone())
        );
        assert_eq!(
            severity(&config, Some("SEV1".into())).ok().as_deref(),
            Some("SEV1")
        );
        let message = usage(severity(&config, Some("P0".into())));
        assert!(
            message.contains("severity `P0` is not one of SEV1"),
            "{message}"
        );
    }

    #[test]
    fn slugs_come_from_the_title_or_a_clean_given_slug() {
        assert_eq!(
            slug("Checkout outage: DB pool", None).ok().as_deref(),
            Some("checkout-outage-db-pool")
        );
        assert_eq!(
            slug("!!!", Some("db-outage")).ok().as_deref(),
            Some("db-outage")
        );
        let message = usage(slug("x", Some("DB Outage")));
        assert!(message.contains("e.g. `db-outage`"), "{message}");
        let message = usage(slug("!!!", None));
        assert!(message.contains("pass --slug"), "{message}");
    }

    #[test]
    fn branch_follow_up_and_file_place() {
        let config = Config::default();
        assert_eq!(
            branch_name(&config, "2026-03-01-db"),
            format!("{}2026-03-01-db", config.repo.branch_prefix)
        );
        let day: NaiveDate = "2026-03-01".parse().unwrap_or_default();
        assert_eq!(
            followup_date(&config, day),
            day + chrono::Days::new(u64::from(config.new.followup_after_days))
        );
        assert_eq!(
            file_path(Path::new("pm"), "2026-03-01-db"),
            Path::new("pm/2026/2026-03-01-db.md")
        );
        let plan = Plan {
            title: "DB down".into(),
            id: "2026-03-01-db".into(),
            path: PathBuf::new(),
            branch: None,
            no_commit_to_branch_from: false,
            text: String::new(),
            proposals: Vec::new(),
            confine: Default::default(),
        };
        assert_eq!(
            plan.commit_message(),
            "Open post-mortem 2026-03-01-db\n\nDB down\n"
        );
    }

    #[test]
    fn an_existing_id_is_refused() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io("tmp", e))?;
        let folder = dir.path().join("postmortems");
        let path = file_path(&folder, "2026-03-01-db");
        let plan_dir = path.parent().unwrap_or(&folder);
        std::fs::create_dir_all(plan_dir).map_err(|e| Error::io(plan_dir, e))?;
        assert!(refuse_existing_id(&folder, dir.path(), "2026-03-01-db").is_ok());
        std::fs::write(&path, "+++\n+++\n").map_err(|e| Error::io(&path, e))?;
        let message =
            usage(refuse_existing_id(&folder, dir.path(), "2026-03-01-db").map(|()| String::new()));
        assert!(
            message.contains("a post-mortem with ID 2026-03-01-db already exists: postmortems/2026/2026-03-01-db.md"),
            "{message}"
        );
        Ok(())
    }
}
