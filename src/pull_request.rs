//! The pull request `pm pr` opens: its description, with what reviewers need at a glance, the
//! check's verdict and a checklist for a blameless review.

use crate::checks::{self, CheckReport, Severity, SourceFile};
use crate::config::{Config, Located};
use crate::document::{Document, ParseOptions};
use crate::error::{Error, Result};
use crate::git::remote::{Forge, ForgeKind};
use crate::git::{snapshot, Repo};
use crate::paths::find_on_path;
use crate::paths::relative_slash;
use crate::summary::Summary;
use crate::text::{self, duration, md_escape};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The post-mortem of the current branch as committed, and the check's verdict on it.
#[derive(Debug)]
pub struct Prepared {
    pub workdir: PathBuf,
    pub branch: String,
    pub id: String,
    /// The committed file, under the path findings show.
    pub file: SourceFile,
    /// The file in the work tree differs from the committed one.
    pub uncommitted_changes: bool,
    pub report: CheckReport,
    /// The check fails at pm.toml's `check.fail_on`.
    pub fails: bool,
}

/// Finds the post-mortem the current branch (`<branch_prefix><id>`, as `pm new` makes it)
/// names, reads it as committed on the branch and checks it.
pub fn prepare(repo: &Repo, located: &Located) -> Result<Prepared> {
    let config = &located.config;
    let workdir = repo
        .workdir()
        .ok_or_else(|| Error::usage("`pm pr` needs a work tree; this is a bare repository"))?
        .to_path_buf();
    let prefix = &config.repo.branch_prefix;
    let branch = repo.current_branch().ok_or_else(|| {
        Error::usage(format!(
            "HEAD is not on a branch: switch to the post-mortem's branch ({prefix}<id>) first"
        ))
    })?;
    let id = postmortem_id(&branch, prefix)?.to_string();
    let (entries, _) = crate::repository::list(&located.postmortem_dir(), &located.root)?;
    let entry = entries.iter().find(|e| e.stem == id).ok_or_else(|| {
        Error::usage(format!(
            "the branch `{branch}` names post-mortem `{id}`, but there is no {id}.md in {}/",
            config.repo.dir
        ))
    })?;
    let in_tree = relative_slash(&entry.path, &workdir);
    let bytes = snapshot::committed_file(repo, "HEAD", &in_tree)?.ok_or_else(|| {
        Error::usage(format!(
            "{} is not committed on `{branch}` yet: commit it (git add {0} && git commit), then run `pm pr` again",
            entry.display
        ))
    })?;
    let uncommitted_changes =
        crate::repository::read(&entry.path).is_ok_and(|on_disk| on_disk != bytes);
    let known_ids: checks::KnownIds = entries
        .iter()
        .filter(|e| e.path != entry.path)
        .map(|e| (e.stem.clone(), e.display.clone()))
        .collect();
    let file = SourceFile {
        path: entry.display.clone(),
        bytes,
    };
    let report = checks::check(std::slice::from_ref(&file), config, &known_ids);
    let fails = report.fails(config.check.fail_on);
    Ok(Prepared {
        workdir,
        branch,
        id,
        file,
        uncommitted_changes,
        report,
        fails,
    })
}

/// The post-mortem ID a branch names: the branch without `prefix`.
pub fn postmortem_id<'b>(branch: &'b str, prefix: &str) -> Result<&'b str> {
    branch
        .strip_prefix(prefix)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            Error::usage(format!(
                "`{branch}` is not a post-mortem branch ({prefix}<id>, as `pm new` creates): \
                 switch to one with `git switch {prefix}<id>`"
            ))
        })
}

impl Prepared {
    /// Why no pull request is opened when the check fails: every finding, and what to do.
    pub fn refusal(&self) -> String {
        self.refusal_at(crate::config::FailOn::Error)
    }

    /// [`Prepared::refusal`] with the level that blocks (`check.fail_on`): the findings that
    /// block come first and are marked so, the others are listed apart as not blocking.
    pub fn refusal_at(&self, fail_on: crate::config::FailOn) -> String {
        let line = |d: &crate::checks::Diagnostic| {
            format!(
                "  {}:{}:{}: {}: {} [{}]\n",
                d.path,
                d.line,
                d.column,
                d.severity.as_str(),
                d.message,
                d.rule
            )
        };
        let (blocking, others): (Vec<_>, Vec<_>) = self
            .report
            .diagnostics
            .iter()
            .partition(|d| d.severity.fails(fail_on));
        let mut message = format!(
            "pm check finds {} blocking problem(s) in {} (as committed), so no pull request was opened:\n",
            blocking.len(),
            self.file.path
        );
        for d in &blocking {
            message.push_str(&line(d));
        }
        if !others.is_empty() {
            message.push_str("not blocking (warnings, shown for information):\n");
            for d in &others {
                message.push_str(&line(d));
            }
        }
        message.push_str(
            "fix the blocking ones and commit, then run `pm pr` again (or pass --no-verify to open it anyway)",
        );
        message
    }

    /// The pull request's title and description as of `today`.
    pub fn title_and_body(&self, config: &Config, today: chrono::NaiveDate) -> (String, String) {
        let options = ParseOptions {
            timeline_section: &config.document.timeline_section,
        };
        let doc = Document::parse(&self.file.bytes, &options).ok();
        let title = title(doc.as_ref(), &self.id);
        let body = body(doc.as_ref(), &self.id, &self.file.path, today, &self.report);
        (title, body)
    }
}

/// The pull request's title: the post-mortem's title, else its ID.
pub fn title(doc: Option<&Document>, id: &str) -> String {
    match doc.and_then(|d| d.title()) {
        Some(t) => format!("Post-mortem: {t}"),
        None => format!("Post-mortem: {id}"),
    }
}

/// The pull request's description: what reviewers need at a glance, the check's verdict, and
/// a checklist for a blameless review.
pub fn body(
    doc: Option<&Document>,
    id: &str,
    path: &str,
    today: chrono::NaiveDate,
    report: &CheckReport,
) -> String {
    let mut out = String::new();
    match doc {
        Some(doc) => {
            let s = Summary::new(doc, id, path, today);
            out.push_str(&format!("## {}\n\n", md_escape(&s.title)));
            out.push_str(&format!("Post-mortem `{}` in `{}`.\n\n", s.id, s.path));
            let summary_text = doc
                .body
                .as_ref()
                .and_then(|b| b.section("Summary"))
                .map(|section| section.text.trim().to_string())
                .filter(|t| !t.is_empty());
            if let Some(text) = summary_text {
                out.push_str("### Summary\n\n");
                out.push_str(&text);
                out.push_str("\n\n");
            }
            out.push_str("| | |\n|---|---|\n");
            let mut row = |key: &str, value: String| {
                if !value.is_empty() {
                    out.push_str(&format!("| {key} | {} |\n", md_escape(&value)));
                }
            };
            row("Severity", s.severity.clone());
            row("Status", s.status.clone());
            row("Services", s.services.join(", "));
            row("Impact", s.impact_summary.clone().unwrap_or_default());
            row(
                "Users affected",
                s.users_affected.map(|u| u.to_string()).unwrap_or_default(),
            );
            row("Started", s.started.clone().unwrap_or_default());
            let d = &s.durations;
            for (key, minutes) in [
                ("Time to detect", d.time_to_detect_minutes),
                ("Time to mitigate", d.time_to_mitigate_minutes),
                ("Time to resolve", d.time_to_resolve_minutes),
            ] {
                row(key, duration(minutes, ""));
            }
            row("Tickets", s.tickets.join(", "));
            out.push('\n');

            out.push_str("### Action items\n\n");
            if s.actions.is_empty() {
                out.push_str("None yet. Every systemic fix the review agrees on needs an owner and a due date.\n\n");
            } else {
                out.push_str("| ID | Action | Owner | Due | Status | Kind | Priority |\n");
                out.push_str("|---|---|---|---|---|---|---|\n");
                for a in &s.actions {
                    out.push_str(&format!(
                        "| {} | {} | {} | {} | {} | {} | {} |\n",
                        md_escape(&a.id),
                        md_escape(&a.title),
                        md_escape(a.owner.as_deref().unwrap_or("—")),
                        text::display_or(a.due, "—"),
                        md_escape(&a.status),
                        md_escape(a.kind.as_deref().unwrap_or("")),
                        md_escape(a.priority.as_deref().unwrap_or("")),
                    ));
                }
                out.push('\n');
            }
        }
        None => {
            out.push_str(&format!(
                "## {id}\n\nPost-mortem `{id}` in `{path}` (it could not be read: see the check below).\n\n"
            ));
        }
    }

    out.push_str("### pm check\n\n");
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    if report.diagnostics.is_empty() {
        out.push_str("Passed: no findings.\n\n");
    } else {
        out.push_str(&format!(
            "{errors} error(s), {warnings} warning(s) in the committed version:\n\n"
        ));
        for d in report.diagnostics.iter().take(30) {
            out.push_str(&format!(
                "- `{}` line {}: {}\n",
                d.rule,
                d.line,
                md_escape(&d.message)
            ));
        }
        if report.diagnostics.len() > 30 {
            out.push_str(&format!("- … and {} more\n", report.diagnostics.len() - 30));
        }
        out.push('\n');
    }

    out.push_str(
        "### Reviewer checklist (blameless review)\n\n\
         - [ ] The timeline says what happened and what people knew at each moment, without judging decisions with hindsight.\n\
         - [ ] The root cause analysis explains how the system, its tooling and its processes allowed the failure; \"human error\" is where the analysis starts, not where it ends.\n\
         - [ ] Contributing factors include what made the right action hard (alerts, dashboards, runbooks, time pressure), not only what went wrong.\n\
         - [ ] People are named only for who did what, never as the cause; the wording would be fair to read aloud with everyone involved in the room.\n\
         - [ ] The impact is stated in numbers (users, requests, duration, SLOs).\n\
         - [ ] Every action item changes the system rather than asking people to be more careful, and has an owner and a due date.\n\
         - [ ] The facilitator and the people involved have read it.\n",
    );
    out
}

/// The pull request `pm pr` opens: into `base` from `branch`, with `title` and `body`
/// (Markdown), as a draft or not.
#[derive(Debug, Clone, Copy)]
pub struct Opening<'a> {
    pub base: &'a str,
    pub branch: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub draft: bool,
}

/// The forge a remote URL points at: GitHub, GitLab, Bitbucket and Gitea URLs, and the hosts
/// `GH_HOST` and `GITLAB_HOST` name (a company's own GitHub or GitLab). `None`: unknown.
pub fn forge_of(url: &str) -> Option<Forge> {
    let gh_host = std::env::var("GH_HOST").ok().filter(|h| !h.is_empty());
    let gitlab_host = std::env::var("GITLAB_HOST").ok().filter(|h| !h.is_empty());
    Forge::from_url(url, gh_host.as_deref(), gitlab_host.as_deref())
}

/// What to say when the forge of `url` is unknown.
pub fn unknown_forge(url: &str) -> String {
    format!(
        "cannot tell which forge {url} is (pm knows GitHub, GitLab, Bitbucket and Gitea URLs; \
         set GH_HOST or GITLAB_HOST for your own host): open the pull request on its web page \
         with this title and body"
    )
}

/// The forge's own command-line tool when it is on PATH: `gh` for GitHub, `glab` for GitLab.
pub fn forge_tool(forge: &Forge) -> Option<PathBuf> {
    match forge.kind {
        ForgeKind::GitHub => find_on_path("gh"),
        ForgeKind::GitLab => find_on_path("glab"),
        _ => None,
    }
}

/// Opens the pull request with `program` (`gh pr create` or `glab mr create`, run in
/// `workdir`), the title and body passed as arguments (a body file for gh): no shell is
/// involved. Returns what the tool printed (the new request's URL); `Err` says why it could
/// not be opened (the tool's own messages went to stderr).
pub fn open_with_tool(
    program: &Path,
    forge: &Forge,
    workdir: &Path,
    opening: &Opening<'_>,
) -> std::result::Result<String, String> {
    let Opening {
        base,
        branch,
        title,
        body,
        draft,
    } = *opening;
    let mut cmd = Command::new(program);
    cmd.current_dir(workdir)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit());
    // Kept alive until the tool has read it.
    let mut _body_file = None;
    match forge.kind {
        ForgeKind::GitHub => {
            let mut file = tempfile::Builder::new()
                .prefix("pm-pr-body-")
                .suffix(".md")
                .tempfile()
                .map_err(|e| format!("cannot write the body to a temporary file: {e}"))?;
            std::io::Write::write_all(&mut file, body.as_bytes())
                .map_err(|e| format!("cannot write the body to a temporary file: {e}"))?;
            cmd.args(["pr", "create", "--repo"])
                .arg(format!("{}/{}", forge.host, forge.path))
                .args([
                    "--base",
                    base,
                    "--head",
                    branch,
                    "--title",
                    title,
                    "--body-file",
                ])
                .arg(file.path());
            _body_file = Some(file);
        }
        _ => {
            cmd.args(["mr", "create", "--repo"])
                .arg(format!("https://{}/{}", forge.host, forge.path))
                .args([
                    "--source-branch",
                    branch,
                    "--target-branch",
                    base,
                    "--title",
                    title,
                    "--description",
                    body,
                    "--yes",
                ]);
        }
    }
    if draft {
        cmd.arg("--draft");
    }
    let name = program
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let output = cmd
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if !output.status.success() {
        return Err(format!(
            "`{name}` could not open the {} (exit {})",
            forge.request_name(),
            output.status.code().unwrap_or(-1)
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_branch_names_the_post_mortem() {
        assert_eq!(
            postmortem_id("postmortem/2026-03-01-db", "postmortem/").ok(),
            Some("2026-03-01-db")
        );
        for branch in ["postmortem/", "main"] {
            let message = postmortem_id(branch, "postmortem/")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(
                message.contains(&format!("`{branch}` is not a post-mortem branch")),
                "{message}"
            );
        }
    }

    #[test]
    fn the_title_is_the_post_mortems_else_its_id() -> Result<()> {
        let text = "+++\nid = \"2026-03-01-db\"\ntitle = \"DB down\"\n+++\n";
        let doc = Document::parse_front_matter(text.as_bytes())
            .map_err(|e| Error::usage(e.to_string()))?;
        assert_eq!(title(Some(&doc), "2026-03-01-db"), "Post-mortem: DB down");
        assert_eq!(title(None, "2026-03-01-db"), "Post-mortem: 2026-03-01-db");
        Ok(())
    }

    #[test]
    fn a_failing_check_is_refused_with_every_finding() {
        let config = Config::default();
        let file = SourceFile {
            path: "postmortems/2026/2026-03-01-db.md".into(),
            bytes: b"no front matter\n".to_vec(),
        };
        let report = checks::check(std::slice::from_ref(&file), &config, &Default::default());
        let prepared = Prepared {
            workdir: PathBuf::new(),
            branch: "postmortem/2026-03-01-db".into(),
            id: "2026-03-01-db".into(),
            fails: report.fails(config.check.fail_on),
            file,
            uncommitted_changes: false,
            report,
        };
        assert!(prepared.fails);
        let message = prepared.refusal();
        assert!(message.starts_with("pm check finds 1 blocking problem(s) in postmortems/2026/2026-03-01-db.md (as committed)"), "{message}");
        assert!(
            message.contains("postmortems/2026/2026-03-01-db.md:1:1: error: "),
            "{message}"
        );
        assert!(message.ends_with("(or pass --no-verify to open it anyway)"));
        let (title, body) =
            prepared.title_and_body(&config, "2026-03-02".parse().unwrap_or_default());
        assert_eq!(title, "Post-mortem: 2026-03-01-db");
        assert!(
            body.contains("### pm check\n\n1 error(s), 0 warning(s)"),
            "{body}"
        );
    }
}
