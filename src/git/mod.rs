//! All git access. The rest of pm sees repositories only through this module, so the library
//! behind it could be swapped. It hands out paths and bytes; what they mean (post-mortems,
//! IDs, findings) is decided by the callers.
//!
//! - `mod.rs`: [`Repo`], commits through the `git` command.
//! - `snapshot.rs`: what `pm check --staged` / `--rev-range` read: `staged.rs` (the index
//!   against HEAD) and `range.rs` (a revision range); `index.rs` reads the index file.
//! - `history.rs`: the walk through the commits for the reports; `tree.rs` reads tree objects.
//! - `hooks.rs`, `remote.rs`: hook scripts; remotes, forges and pushes.
//!
//! Reading uses libgit2 (git2); anything that should honour the user's own git setup (commits,
//! with their hooks and signing; pushes, with their credential helpers) runs the `git` command
//! with arguments, never through a shell.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod history;
pub mod hooks;
mod index;
pub mod managers;
mod range;
pub mod remote;
pub mod snapshot;
mod staged;
mod tree;

/// A file as git holds it (in a commit's tree or in the index): its path, as the function
/// that returned it says, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An open repository.
pub struct Repo {
    inner: git2::Repository,
}

impl Repo {
    /// Finds the repository containing `path`.
    pub fn discover(path: &Path) -> Result<Repo> {
        let inner = git2::Repository::discover(path).map_err(|e| {
            if e.code() == git2::ErrorCode::NotFound {
                Error::usage(format!(
                    "{} is not inside a git repository: run `git init` first, or pass -C PATH",
                    path.display()
                ))
            } else {
                Error::Git(e.message().to_string())
            }
        })?;
        Ok(Repo { inner })
    }

    /// The libgit2 handle, for the other git-access modules.
    pub fn raw(&self) -> &git2::Repository {
        &self.inner
    }

    /// The work-tree root, or `None` for a bare repository.
    pub fn workdir(&self) -> Option<&Path> {
        self.inner.workdir()
    }

    /// The `.git` folder (for a linked worktree, its own git folder).
    pub fn git_dir(&self) -> &Path {
        self.inner.path()
    }

    /// True when HEAD points at a commit.
    pub fn has_commits(&self) -> bool {
        self.inner.head().ok().and_then(|h| h.target()).is_some()
    }

    /// The checked-out branch name, if HEAD is on one.
    pub fn current_branch(&self) -> Option<String> {
        let head = self.inner.head().ok()?;
        if !head.is_branch() {
            return None;
        }
        head.shorthand().ok().map(str::to_string)
    }

    pub fn branch_exists(&self, name: &str) -> bool {
        self.inner
            .find_branch(name, git2::BranchType::Local)
            .is_ok()
    }

    /// Creates `name` at HEAD and points HEAD at it. The index and the working tree are not
    /// touched: the new branch starts at the commit already checked out, so uncommitted work
    /// simply comes along, as with `git switch -c`.
    /// The abbreviated commit HEAD points at when it is detached (on no branch).
    pub fn detached_head(&self) -> Option<String> {
        if !self.inner.head_detached().unwrap_or(false) {
            return None;
        }
        let commit = self.inner.head().ok()?.peel_to_commit().ok()?;
        let id = commit.id().to_string();
        Some(id.chars().take(7).collect())
    }

    pub fn create_and_switch_branch(&self, name: &str) -> Result<()> {
        if !git2::Branch::name_is_valid(name).unwrap_or(false) {
            return Err(Error::usage(format!(
                "`{name}` is not a valid git branch name"
            )));
        }
        let head = self.inner.head()?.peel_to_commit()?;
        self.inner.branch(name, &head, false)?;
        self.inner.set_head(&format!("refs/heads/{name}"))?;
        Ok(())
    }

    /// The configured user name and e-mail, where set.
    pub fn user_email(&self) -> Option<String> {
        self.inner.config().ok()?.get_string("user.email").ok()
    }

    /// Runs `git` in the work tree with these arguments.
    pub fn git(&self) -> Command {
        let mut cmd = Command::new("git");
        let dir = self.workdir().unwrap_or_else(|| self.git_dir());
        cmd.current_dir(dir);
        cmd
    }

    /// Commits exactly `path` (a file in the work tree), whatever else is staged: other staged
    /// changes stay staged. Runs `git` so the user's hooks, identity and signing apply.
    pub fn commit_only(&self, path: &Path, message: &str) -> Result<String> {
        let workdir = self
            .workdir()
            .ok_or_else(|| Error::usage("cannot commit in a bare repository"))?;
        // Resolved first: git refuses a path "beyond a symbolic link", as it is when the
        // post-mortem folder is a link to another folder of the repository.
        let resolved = path
            .canonicalize()
            .ok()
            .zip(workdir.canonicalize().ok())
            .and_then(|(p, w)| p.strip_prefix(w).ok().map(Path::to_path_buf));
        let rel = match &resolved {
            Some(rel) => rel.as_path(),
            None => path.strip_prefix(workdir).unwrap_or(path),
        };
        run(self.git().args(["add", "--"]).arg(rel))?;
        run(self
            .git()
            .args(["commit", "--only", "--quiet", "-m", message, "--"])
            .arg(rel))?;
        let out = run(self.git().args(["rev-parse", "HEAD"]))?;
        Ok(out.trim().to_string())
    }
}

/// A `git` command run in `dir` (for a folder that is not opened as a [`Repo`] yet).
pub fn git_in(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir);
    cmd
}

/// Creates a repository in `dir` with `main` as its first branch.
pub fn init(dir: &Path) -> Result<()> {
    run(git_in(dir).args(["init", "--quiet", "--initial-branch=main"]))?;
    Ok(())
}

/// Runs a prepared git command, returning stdout or an error carrying git's own message.
pub fn run(cmd: &mut Command) -> Result<String> {
    let output = cmd.output().map_err(|e| {
        Error::Git(format!(
            "cannot run git: {e}; is git installed and on PATH?"
        ))
    })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(Error::Git(stderr.trim().to_string()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// True when `path` is inside a bare repository.
pub fn is_bare(path: &Path) -> bool {
    git2::Repository::discover(path).is_ok_and(|r| r.is_bare())
}

/// The work-tree root for `path`, when it is inside a non-bare repository.
pub fn worktree_root(path: &Path) -> Option<PathBuf> {
    let repo = git2::Repository::discover(path).ok()?;
    repo.workdir().map(Path::to_path_buf)
}
