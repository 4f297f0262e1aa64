//! CI workflow templates for `pm init --ci`: GitHub Actions or GitLab CI. An existing file is
//! never overwritten.

use super::note;
use pm::config;
use pm::{Error, Result};
use std::path::{Path, PathBuf};

const GITHUB: &str = include_str!("../../templates/ci/github.yml");
const GITLAB: &str = include_str!("../../templates/ci/gitlab.yml");

pub const GITHUB_PATH: &str = ".github/workflows/postmortems.yml";
pub const GITLAB_PATH: &str = ".gitlab/pm.gitlab-ci.yml";

/// Writes the workflow for `kind` (`github` or `gitlab`) under `root`; returns the paths written.
/// The workflow goes to the top of the work tree (where the forge looks for it), whatever
/// folder `root` (the folder of `pm.toml`) is.
pub fn write_workflow(root: &Path, kind: &str) -> Result<Vec<String>> {
    let (template, rel) = match kind {
        "github" => (GITHUB, GITHUB_PATH),
        "gitlab" => (GITLAB, GITLAB_PATH),
        other => {
            return Err(Error::usage(format!(
            "--ci {other}: pm writes `github` (GitHub Actions) or `gitlab` (GitLab CI) workflows"
        )))
        }
    };
    let top = pm::git::worktree_root(root).unwrap_or_else(|| root.to_path_buf());
    let located = config::locate(root, Some(&top))?;
    let root_rel = relative(&located.root, &top);
    let join = |a: &str, b: &str| {
        if a.is_empty() {
            b.to_string()
        } else {
            format!("{a}/{b}")
        }
    };
    let text = template
        .replace(
            "@PM_DIR@",
            &yaml_escape(&join(&root_rel, &located.config.repo.dir)),
        )
        .replace(
            "@PM_CONFIG@",
            &yaml_escape(&join(&root_rel, config::FILE_NAME)),
        )
        .replace(
            "@PM_ROOT@",
            &yaml_escape(if root_rel.is_empty() { "." } else { &root_rel }),
        );

    let path = top.join(rel);
    if path.exists() {
        note(&format!(
            "{rel} already exists: left unchanged (pm never overwrites a workflow; delete it and run `pm init --ci {kind}` again for pm's version)"
        ));
        return Ok(Vec::new());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    pm::repository::create_new(&path, text.as_bytes())?;
    let mut written = vec![rel.to_string()];
    if kind == "gitlab" {
        let main = top.join(".gitlab-ci.yml");
        let how = format!("include it from .gitlab-ci.yml with:\n  include:\n    - local: {rel}");
        if main.exists() {
            written[0] = format!("{rel} ({how})");
        } else {
            written[0] = format!("{rel} (there is no .gitlab-ci.yml yet: create one and {how})");
        }
    }
    Ok(written)
}

/// `path` relative to `base` with `/` separators (`""` when they are the same folder).
fn relative(path: &Path, base: &Path) -> String {
    let rest: PathBuf = match path.strip_prefix(base) {
        Ok(rest) => rest.to_path_buf(),
        Err(_) => match (path.canonicalize(), base.canonicalize()) {
            (Ok(p), Ok(b)) => p
                .strip_prefix(&b)
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            _ => PathBuf::new(),
        },
    };
    rest.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Escapes text for the inside of a YAML double-quoted string.
fn yaml_escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}
