//! `pm pr`: push the post-mortem branch and open its pull request, through `gh` or `glab` when
//! one is installed and fits the remote, else by printing the page that opens it and the body.

use super::list::md_escape;
use super::{note, print, Context};
use pm::checks::{self, CheckReport, Severity, SourceFile};
use pm::config::FailOn;
use pm::document::{Document, ParseOptions};
use pm::git::remote::{self, Forge, ForgeKind};
use pm::git::snapshot;
use pm::summary::{human_minutes, Summary};
use pm::{Error, Outcome, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, clap::Args)]
pub struct PrArgs {
    /// The remote to push to (default: pm.toml's repo.remote, `origin`).
    #[arg(long, value_name = "NAME")]
    pub remote: Option<String>,
    /// The branch to merge into (default: pm.toml's repo.default_branch, `main`).
    #[arg(long, value_name = "BRANCH")]
    pub base: Option<String>,
    /// Open the pull request as a draft.
    #[arg(long)]
    pub draft: bool,
    /// Only print the compare URL and the body: push nothing, open nothing.
    #[arg(long)]
    pub print: bool,
    /// Open the pull request even when `pm check` finds problems in the post-mortem.
    #[arg(long)]
    pub no_verify: bool,
}

pub fn run(ctx: &Context, args: PrArgs) -> Result<Outcome> {
    let (repo, located) = ctx.repo_config()?;
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
    let id = branch
        .strip_prefix(prefix.as_str())
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            Error::usage(format!(
                "`{branch}` is not a post-mortem branch ({prefix}<id>, as `pm new` creates): \
                 switch to one with `git switch {prefix}<id>`"
            ))
        })?;

    let (entries, _) = pm::repository::list(&located.postmortem_dir(), &located.root)?;
    let entry = entries.iter().find(|e| e.stem == id).ok_or_else(|| {
        Error::usage(format!(
            "the branch `{branch}` names post-mortem `{id}`, but there is no {id}.md in {}/",
            config.repo.dir
        ))
    })?;
    let in_tree = relative_slash(&entry.path, &workdir);
    let bytes = snapshot::committed_file(&repo, "HEAD", &in_tree)?.ok_or_else(|| {
        Error::usage(format!(
            "{} is not committed on `{branch}` yet: commit it (git add {0} && git commit), then run `pm pr` again",
            entry.display
        ))
    })?;
    if pm::repository::read(&entry.path).is_ok_and(|on_disk| on_disk != bytes) {
        note(&format!(
            "note: {} has changes that are not committed; the pull request shows the committed version",
            entry.display
        ));
    }

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
    let failing = report
        .diagnostics
        .iter()
        .any(|d| match config.check.fail_on {
            FailOn::Error => d.severity == Severity::Error,
            FailOn::Warning => true,
        });
    if failing && !args.no_verify && !args.print {
        let mut message = format!(
            "pm check finds problems in {} (as committed), so no pull request was opened:\n",
            file.path
        );
        for d in &report.diagnostics {
            message.push_str(&format!(
                "  {}:{}:{}: {} [{}]\n",
                d.path, d.line, d.column, d.message, d.rule
            ));
        }
        message.push_str(
            "fix them and commit, then run `pm pr` again (or pass --no-verify to open it anyway)",
        );
        note(&message);
        return Ok(Outcome::Failure);
    }

    let today = ctx.today(None)?;
    let options = ParseOptions {
        timeline_section: &config.document.timeline_section,
    };
    let doc = Document::parse(&file.bytes, &options).ok();
    let title = doc
        .as_ref()
        .and_then(|d| d.title())
        .map(|t| format!("Post-mortem: {t}"))
        .unwrap_or_else(|| format!("Post-mortem: {id}"));
    let body = render_body(doc.as_ref(), id, &file.path, today, &report);

    let remote_name = args
        .remote
        .clone()
        .unwrap_or_else(|| config.repo.remote.clone());
    let base = args
        .base
        .clone()
        .unwrap_or_else(|| config.repo.default_branch.clone());
    let url = remote::remote_url(&repo, &remote_name)?;
    let gh_host = std::env::var("GH_HOST").ok().filter(|h| !h.is_empty());
    let gitlab_host = std::env::var("GITLAB_HOST").ok().filter(|h| !h.is_empty());
    let forge = Forge::from_url(&url, gh_host.as_deref(), gitlab_host.as_deref());

    if args.print {
        print_by_hand(forge.as_ref(), &url, &base, &branch, &title, &body)?;
        return Ok(Outcome::Success);
    }

    remote::push_set_upstream(&repo, &remote_name, &branch)?;
    note(&format!("pushed {branch} to {remote_name}"));

    let tool = forge.as_ref().and_then(|f| match f.kind {
        ForgeKind::GitHub => find_on_path("gh").map(|p| (p, f)),
        ForgeKind::GitLab => find_on_path("glab").map(|p| (p, f)),
        _ => None,
    });
    if let Some((program, forge)) = tool {
        match open_with_tool(
            &program, forge, &workdir, &base, &branch, &title, &body, args.draft,
        ) {
            Ok(stdout) => {
                print(&stdout)?;
                return Ok(Outcome::Success);
            }
            Err(message) => {
                note(&format!(
                    "{message}\nthe branch is pushed; open the {} by hand:",
                    forge.request_name()
                ));
                print(&format!(
                    "{}\n\ntitle: {title}\n\n{body}",
                    forge.compare_url(&base, &branch)
                ))?;
                return Ok(Outcome::Incomplete);
            }
        }
    }

    print_by_hand(forge.as_ref(), &url, &base, &branch, &title, &body)?;
    Ok(Outcome::Success)
}

/// Prints where to open the pull request by hand (the compare URL, when the forge is known)
/// and the title and body to paste.
fn print_by_hand(
    forge: Option<&Forge>,
    url: &str,
    base: &str,
    branch: &str,
    title: &str,
    body: &str,
) -> Result<()> {
    let mut out = String::new();
    match forge {
        Some(forge) => out.push_str(&format!(
            "open the {}: {}\n\n",
            forge.request_name(),
            forge.compare_url(base, branch)
        )),
        None => note(&unknown_forge(url)),
    }
    out.push_str(&format!("title: {title}\n\n{body}"));
    print(&out)
}

fn unknown_forge(url: &str) -> String {
    format!(
        "cannot tell which forge {url} is (pm knows GitHub, GitLab, Bitbucket and Gitea URLs; \
         set GH_HOST or GITLAB_HOST for your own host): open the pull request on its web page \
         with this title and body"
    )
}

/// Runs `gh pr create` or `glab mr create` with the title and body as arguments (a body file
/// for gh): no shell is involved. Returns what it printed (the new request's URL).
#[allow(clippy::too_many_arguments)]
fn open_with_tool(
    program: &Path,
    forge: &Forge,
    workdir: &Path,
    base: &str,
    branch: &str,
    title: &str,
    body: &str,
    draft: bool,
) -> std::result::Result<String, String> {
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

/// The first executable `name` on PATH.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}

fn relative_slash(path: &Path, base: &Path) -> String {
    // Resolved first: when the post-mortem folder is a symbolic link inside the repository,
    // git knows the file by the path the link points to.
    let rest = path
        .canonicalize()
        .and_then(|p| {
            let b = base.canonicalize()?;
            p.strip_prefix(b)
                .map(Path::to_path_buf)
                .map_err(|e| std::io::Error::other(e.to_string()))
        })
        .or_else(|_| path.strip_prefix(base).map(Path::to_path_buf))
        .unwrap_or_else(|_| path.to_path_buf());
    rest.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The pull request's description: what reviewers need at a glance, the check's verdict, and
/// a checklist for a blameless review.
fn render_body(
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
                row(key, minutes.map(human_minutes).unwrap_or_default());
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
                        a.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
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
