//! `pm pr`: push the post-mortem branch and open its pull request, through `gh` or `glab` when
//! one is installed and fits the remote, else by printing the page that opens it and the body.

use crate::cli::{note, print, Context};
use pm::git::remote::{self, Forge};
use pm::pull_request::{self, Opening};
use pm::{Outcome, Result};

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
    let remote_name = args.remote.as_ref().unwrap_or(&config.repo.remote);
    let opening = Opening {
        base: args.base.as_ref().unwrap_or(&config.repo.default_branch),
        branch: &prepared.branch,
        title: &title,
        body: &body,
        draft: args.draft,
    };
    // --print pushes nothing: without the remote it still prints the title and body, and
    // says that the compare page is unknown until there is one.
    let url = match remote::remote_url(&repo, remote_name) {
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
    let forge = pull_request::forge_of(&url);
    if args.print {
        print_by_hand(forge.as_ref(), &url, &opening)?;
        return Ok(Outcome::Success);
    }

    remote::push_set_upstream(&repo, remote_name, opening.branch)?;
    note(&format!("pushed {} to {remote_name}", opening.branch));

    let tool = forge
        .as_ref()
        .and_then(|f| pull_request::forge_tool(f).map(|p| (p, f)));
    if let Some((program, forge)) = tool {
        match pull_request::open_with_tool(&program, forge, &prepared.workdir, &opening) {
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
                    forge.compare_url(opening.base, opening.branch)
                ))?;
                return Ok(Outcome::Incomplete);
            }
        }
    }

    print_by_hand(forge.as_ref(), &url, &opening)?;
    Ok(Outcome::Success)
}

/// Prints where to open the pull request by hand (the compare URL, when the forge is known)
/// and the title and body to paste.
fn print_by_hand(forge: Option<&Forge>, url: &str, opening: &Opening<'_>) -> Result<()> {
    let mut out = String::new();
    match forge {
        Some(forge) => out.push_str(&format!(
            "open the {}: {}\n\n",
            forge.request_name(),
            forge.compare_url(opening.base, opening.branch)
        )),
        None => note(&pull_request::unknown_forge(url)),
    }
    out.push_str(&format!("title: {}\n\n{}", opening.title, opening.body));
    print(&out)
}
