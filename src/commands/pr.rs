//! `pm pr`: push the post-mortem branch and open its pull request, through `gh` or `glab` when
//! one is installed and fits the remote, else by printing the page that opens it and the body.

use crate::cli::{note, print, Context};
use pm::git::remote::{self, Forge, ForgeKind};
use pm::paths::find_on_path;
use pm::pull_request;
use pm::{Outcome, Result};
use std::path::Path;
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
    let prepared = pull_request::prepare(&repo, &located)?;
    if prepared.uncommitted_changes {
        note(&format!(
            "note: {} has changes that are not committed; the pull request shows the committed version",
            prepared.file.path
        ));
    }
    if prepared.fails && !args.no_verify && !args.print {
        note(&prepared.refusal_at(config.check.fail_on));
        return Ok(Outcome::Failure);
    }
    let (title, body) = prepared.title_and_body(config, ctx.today(None)?);
    let (workdir, branch) = (prepared.workdir.as_path(), prepared.branch.as_str());

    let remote_name = args
        .remote
        .clone()
        .unwrap_or_else(|| config.repo.remote.clone());
    let base = args
        .base
        .clone()
        .unwrap_or_else(|| config.repo.default_branch.clone());
    // --print pushes nothing: without the remote it still prints the title and body, and
    // says that the compare page is unknown until there is one.
    let url = match remote::remote_url(&repo, &remote_name) {
        Ok(url) => url,
        Err(e) if args.print => {
            note(&format!(
                "pm: note: {e}; push the branch once the remote exists, then open the pull request with this title and body"
            ));
            print(&format!("title: {title}\n\n{body}"))?;
            return Ok(Outcome::Success);
        }
        Err(e) => return Err(e),
    };
    let gh_host = std::env::var("GH_HOST").ok().filter(|h| !h.is_empty());
    let gitlab_host = std::env::var("GITLAB_HOST").ok().filter(|h| !h.is_empty());
    let forge = Forge::from_url(&url, gh_host.as_deref(), gitlab_host.as_deref());

    if args.print {
        print_by_hand(forge.as_ref(), &url, &base, branch, &title, &body)?;
        return Ok(Outcome::Success);
    }

    remote::push_set_upstream(&repo, &remote_name, branch)?;
    note(&format!("pushed {branch} to {remote_name}"));

    let tool = forge.as_ref().and_then(|f| match f.kind {
        ForgeKind::GitHub => find_on_path("gh").map(|p| (p, f)),
        ForgeKind::GitLab => find_on_path("glab").map(|p| (p, f)),
        _ => None,
    });
    if let Some((program, forge)) = tool {
        match open_with_tool(
            &program, forge, workdir, &base, branch, &title, &body, args.draft,
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
                    forge.compare_url(&base, branch)
                ))?;
                return Ok(Outcome::Incomplete);
            }
        }
    }

    print_by_hand(forge.as_ref(), &url, &base, branch, &title, &body)?;
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
