//! Remotes: their URLs, pushing a branch, and the forge behind a URL (where to open a pull
//! request on it).

use super::{run, Repo};
use crate::error::{Error, Result};

/// The URL of remote `name` as configured (`remote.NAME.url`), before any `insteadOf`
/// rewriting: that is the address the user knows the forge by. Read by git itself, so every
/// include, `includeIf` (`hasconfig:` too) and `GIT_CONFIG_*` setting applies as it does for
/// git.
pub fn remote_url(repo: &Repo, name: &str) -> Result<String> {
    let key = format!("remote.{name}.url");
    match run(repo.git().args(["config", "--get", &key])) {
        Ok(url) if !url.trim_end_matches('\n').is_empty() => {
            Ok(url.trim_end_matches('\n').to_string())
        }
        _ => {
            let names: Vec<String> = run(repo.git().arg("remote"))
                .map(|out| out.lines().map(str::to_string).collect())
                .unwrap_or_default();
            let known = if names.is_empty() {
                "this repository has no remote: add one with `git remote add origin URL`".into()
            } else {
                format!("the remotes here are: {}", names.join(", "))
            };
            Err(Error::usage(format!(
                "there is no remote `{name}`: {known}; or pass --remote NAME"
            )))
        }
    }
}

/// Pushes `branch` to `remote` and makes it the branch's upstream. Runs `git push`, so the
/// user's credential helpers, SSH agent and push hooks apply.
pub fn push_set_upstream(repo: &Repo, remote: &str, branch: &str) -> Result<()> {
    run(repo.git().args([
        "push",
        "--quiet",
        "--set-upstream",
        "--",
        remote,
        &format!("refs/heads/{branch}:refs/heads/{branch}"),
    ]))
    .map_err(|e| match e {
        Error::Git(message) => {
            Error::Git(format!("pushing {branch} to {remote} failed: {message}"))
        }
        other => other,
    })?;
    Ok(())
}

/// The kinds of forge pm knows how to open a pull request on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForgeKind {
    GitHub,
    GitLab,
    Bitbucket,
    Gitea,
}

/// A repository on a forge, read from a remote URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forge {
    pub kind: ForgeKind,
    pub host: String,
    /// `owner/repo` (GitLab: `group/subgroup/repo`), without `.git`.
    pub path: String,
}

/// The host and repository path of a remote URL: `git@host:owner/repo.git`,
/// `ssh://git@host[:port]/owner/repo.git`, `https://[user@]host[:port]/owner/repo(.git)`.
/// `None` for local paths and anything else.
pub fn parse_remote_url(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let (host, path) = if let Some((scheme, rest)) = url.split_once("://") {
        if !matches!(
            scheme,
            "https" | "http" | "ssh" | "git" | "git+ssh" | "ssh+git"
        ) {
            return None;
        }
        let (authority, path) = rest.split_once('/')?;
        let host = authority.rsplit('@').next()?;
        let host = match host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            _ => host,
        };
        (host.to_string(), path.to_string())
    } else {
        // scp-like syntax: [user@]host:path, where host has no slash before the colon.
        let (authority, path) = url.split_once(':')?;
        if authority.contains('/') || authority.is_empty() || path.starts_with('/') {
            return None;
        }
        let host = authority.rsplit('@').next()?;
        if host.len() == 1 {
            // C:\path on Windows.
            return None;
        }
        (host.to_string(), path.to_string())
    };
    let path = path.trim_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    // Bitbucket Server and some Gitea setups put the repository under a prefix; the last
    // two parts (GitLab: all of them) are the repository.
    if host.is_empty() || path.is_empty() || !path.contains('/') {
        return None;
    }
    Some((host.to_ascii_lowercase(), path.to_string()))
}

impl Forge {
    /// The forge behind `url`. `gh_host` is `GH_HOST` (a GitHub Enterprise host);
    /// `gitlab_host` is `GITLAB_HOST` (a self-managed GitLab).
    pub fn from_url(url: &str, gh_host: Option<&str>, gitlab_host: Option<&str>) -> Option<Forge> {
        let (host, path) = parse_remote_url(url)?;
        let bare = |h: &str| {
            let h = h.trim().to_ascii_lowercase();
            let h = h
                .split_once("://")
                .map(|(_, rest)| rest.to_string())
                .unwrap_or(h);
            h.trim_end_matches('/').to_string()
        };
        let kind = if host == "github.com" || gh_host.is_some_and(|h| bare(h) == host) {
            ForgeKind::GitHub
        } else if host == "gitlab.com"
            || host.split(['.', '-']).any(|part| part == "gitlab")
            || gitlab_host.is_some_and(|h| bare(h) == host)
        {
            ForgeKind::GitLab
        } else if host == "bitbucket.org" {
            ForgeKind::Bitbucket
        } else if host == "codeberg.org"
            || host
                .split(['.', '-'])
                .any(|part| part == "gitea" || part == "forgejo")
        {
            ForgeKind::Gitea
        } else {
            return None;
        };
        Some(Forge { kind, host, path })
    }

    /// The page that opens a pull request from `branch` into `base`.
    pub fn compare_url(&self, base: &str, branch: &str) -> String {
        let Forge { host, path, .. } = self;
        let b = encode(branch, true);
        let base_e = encode(base, true);
        match self.kind {
            ForgeKind::GitHub => {
                format!("https://{host}/{path}/compare/{base_e}...{b}?expand=1")
            }
            ForgeKind::GitLab => format!(
                "https://{host}/{path}/-/merge_requests/new?merge_request%5Bsource_branch%5D={}&merge_request%5Btarget_branch%5D={}",
                encode(branch, false),
                encode(base, false)
            ),
            ForgeKind::Bitbucket => format!(
                "https://{host}/{path}/pull-requests/new?source={}&dest={}",
                encode(branch, false),
                encode(base, false)
            ),
            ForgeKind::Gitea => format!("https://{host}/{path}/compare/{base_e}...{b}"),
        }
    }

    /// What people call a pull request there.
    pub fn request_name(&self) -> &'static str {
        match self.kind {
            ForgeKind::GitLab => "merge request",
            _ => "pull request",
        }
    }
}

/// Percent-encodes for a URL path (keeping `/` when `keep_slash`) or a query value.
fn encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && b == b'/');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_urls_in_every_form() {
        for url in [
            "git@github.com:acme/postmortems.git",
            "ssh://git@github.com/acme/postmortems.git",
            "ssh://git@github.com:22/acme/postmortems",
            "https://github.com/acme/postmortems.git",
            "https://user@github.com/acme/postmortems/",
        ] {
            assert_eq!(
                parse_remote_url(url),
                Some(("github.com".into(), "acme/postmortems".into())),
                "{url}"
            );
        }
        assert_eq!(parse_remote_url("/srv/git/pm.git"), None);
        assert_eq!(parse_remote_url("../pm.git"), None);
        assert_eq!(parse_remote_url("file:///srv/git/pm.git"), None);
    }

    #[test]
    fn forges_and_their_compare_pages() {
        let gh = Forge::from_url("git@github.com:acme/pm.git", None, None).expect("github");
        assert_eq!(
            gh.compare_url("main", "postmortem/2026-01-01-x"),
            "https://github.com/acme/pm/compare/main...postmortem/2026-01-01-x?expand=1"
        );
        let gl = Forge::from_url("https://gitlab.example.com/ops/sre/pm.git", None, None)
            .expect("gitlab");
        assert_eq!(gl.kind, ForgeKind::GitLab);
        assert_eq!(gl.path, "ops/sre/pm");
        assert!(gl
            .compare_url("main", "postmortem/x")
            .ends_with("source_branch%5D=postmortem%2Fx&merge_request%5Btarget_branch%5D=main"));
        let ghe = Forge::from_url(
            "git@git.corp.example:acme/pm.git",
            Some("git.corp.example"),
            None,
        )
        .expect("enterprise");
        assert_eq!(ghe.kind, ForgeKind::GitHub);
        assert!(Forge::from_url("git@git.corp.example:acme/pm.git", None, None).is_none());
    }
}
