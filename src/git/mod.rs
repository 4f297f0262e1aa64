//! All git access. The rest of pm sees repositories only through this module, so the library
//! behind it could be swapped. It hands out paths and bytes; what they mean (post-mortems,
//! IDs, findings) is decided by the callers.
//!
//! - `mod.rs`: [`Repo`], commits through the `git` command.
//! - `snapshot.rs`: what `pm check --staged` / `--rev-range` read: `staged.rs` (the index
//!   against HEAD) and `range.rs` (a revision range); `index.rs` reads the index file.
//! - `history.rs`: the walk through the commits for the reports; `tree.rs` reads tree objects.
//! - `hooks.rs`, `managers.rs`, `remote.rs`: hook scripts; hook managers; remotes, forges and
//!   pushes.
//! - `cli.rs`: the reads of `snapshot.rs` through the `git` command, for a repository libgit2
//!   cannot open (SHA-256 objects, the reftable ref format).
//!
//! Reading uses libgit2 (git2) where it can open the repository; configuration is asked of git
//! (`git config`, `git rev-parse`), which resolves includes, `includeIf` and `safe.directory`
//! as the user's git does; anything that should honour the user's own git setup (commits,
//! with their hooks and signing; pushes, with their credential helpers) runs the `git` command
//! with arguments, never through a shell.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

mod cli;
pub mod history;
pub mod hooks;
mod index;
pub mod managers;
mod range;
pub mod remote;
pub mod snapshot;
mod staged;
mod tree;
pub mod worktree;

/// The hand-written index and tree readers, for the fuzz targets (`fuzz/`).
#[doc(hidden)]
pub mod fuzzing {
    pub use super::index::fuzz_read as index_read;
    pub use super::tree::fuzz_parse as tree_parse;
}

/// A file as git holds it (in a commit's tree or in the index): its path, as the function
/// that returned it says, and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// An open repository: through libgit2 (the fast path), or, where libgit2 cannot open what
/// git can (SHA-256 objects, the reftable ref format, another extension libgit2 does not
/// know), through the `git` command alone.
pub struct Repo {
    inner: Option<git2::Repository>,
    workdir: Option<PathBuf>,
    git_dir: PathBuf,
    /// Why libgit2 could not open the repository, when it could not.
    fallback: Option<String>,
}

impl Repo {
    /// Finds the repository containing `path`. When libgit2 refuses a repository git accepts,
    /// git's answer wins: a repository git trusts (every `safe.directory` form git knows) is
    /// opened again with libgit2's own ownership check off, and one in a format libgit2 cannot
    /// read is served through the `git` command. When git refuses too, git's own message says
    /// why (with the `safe.directory` line to add, for ownership).
    pub fn discover(path: &Path) -> Result<Repo> {
        let e = match git2::Repository::discover(path) {
            Ok(inner) => return Ok(Repo::from_git2(inner)),
            Err(e) => e,
        };
        let located = locate_with_git(path);
        if e.code() == git2::ErrorCode::NotFound && located.is_err() {
            return Err(Error::usage(format!(
                "{} is not inside a git repository: run `git init` first, or pass -C PATH",
                path.display()
            )));
        }
        let (workdir, git_dir) = located?;
        if e.code() == git2::ErrorCode::Owner {
            // git trusts it (it answered): so does pm.
            // SAFETY: a process-wide libgit2 setting, changed before any other thread uses
            // libgit2 (pm opens its repository first, on the main thread).
            unsafe {
                let _ = git2::opts::set_verify_owner_validation(false);
            }
            if let Ok(inner) = git2::Repository::discover(path) {
                return Ok(Repo::from_git2(inner));
            }
        }
        Ok(Repo {
            inner: None,
            workdir,
            git_dir,
            fallback: Some(e.message().to_string()),
        })
    }

    fn from_git2(inner: git2::Repository) -> Repo {
        Repo {
            workdir: inner.workdir().map(Path::to_path_buf),
            git_dir: inner.path().to_path_buf(),
            inner: Some(inner),
            fallback: None,
        }
    }

    /// The libgit2 handle, for the other git-access modules; an error that says plainly what
    /// is not supported when libgit2 cannot open this repository.
    pub fn raw(&self) -> Result<&git2::Repository> {
        self.inner.as_ref().ok_or_else(|| {
            Error::usage(format!(
                "this command cannot read this repository: the git library pm uses (libgit2) \
                 cannot open it ({}), which happens with `--object-format=sha256` and \
                 `--ref-format=reftable` repositories. Here pm supports `init`, `new`, `hooks`, \
                 `check` (files, --staged and --rev-range), `list`, `show`, `pr` and the \
                 reports without dates from history, through the git command; see \
                 docs/HOOKS.md",
                self.fallback.as_deref().unwrap_or("unknown reason")
            ))
        })
    }

    /// True when pm reads this repository through the `git` command (libgit2 cannot open it).
    pub fn through_git_command(&self) -> bool {
        self.inner.is_none()
    }

    /// The work-tree root, or `None` for a bare repository.
    pub fn workdir(&self) -> Option<&Path> {
        self.workdir.as_deref()
    }

    /// The `.git` folder (for a linked worktree, its own git folder).
    pub fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    /// True when HEAD points at a commit.
    pub fn has_commits(&self) -> bool {
        match &self.inner {
            Some(inner) => inner.head().ok().and_then(|h| h.target()).is_some(),
            None => run(self
                .git()
                .args(["rev-parse", "--verify", "-q", "HEAD^{commit}"]))
            .is_ok(),
        }
    }

    /// The checked-out branch name, if HEAD is on one.
    pub fn current_branch(&self) -> Option<String> {
        let Some(inner) = &self.inner else {
            let out = run(self.git().args(["symbolic-ref", "-q", "--short", "HEAD"])).ok()?;
            let name = out.trim();
            return (!name.is_empty()).then(|| name.to_string());
        };
        let head = inner.head().ok()?;
        if !head.is_branch() {
            return None;
        }
        head.shorthand().ok().map(str::to_string)
    }

    pub fn branch_exists(&self, name: &str) -> bool {
        match &self.inner {
            Some(inner) => inner.find_branch(name, git2::BranchType::Local).is_ok(),
            None => {
                run(self
                    .git()
                    .args(["rev-parse", "--verify", "-q", &format!("refs/heads/{name}")]))
                .is_ok()
            }
        }
    }

    /// The abbreviated commit HEAD points at when it is detached (on no branch).
    pub fn detached_head(&self) -> Option<String> {
        let Some(inner) = &self.inner else {
            if self.current_branch().is_some() {
                return None;
            }
            let out = run(self.git().args(["rev-parse", "--short=7", "HEAD"])).ok()?;
            return Some(out.trim().to_string());
        };
        if !inner.head_detached().unwrap_or(false) {
            return None;
        }
        let commit = inner.head().ok()?.peel_to_commit().ok()?;
        let id = commit.id().to_string();
        Some(id.chars().take(7).collect())
    }

    /// Creates `name` at HEAD and points HEAD at it. The index and the working tree are not
    /// touched: the new branch starts at the commit already checked out, so uncommitted work
    /// simply comes along, as with `git switch -c`.
    pub fn create_and_switch_branch(&self, name: &str) -> Result<()> {
        if !git2::Branch::name_is_valid(name).unwrap_or(false) || name.starts_with('-') {
            return Err(Error::usage(format!(
                "`{name}` is not a valid git branch name"
            )));
        }
        let Some(inner) = &self.inner else {
            run(self.git().args(["switch", "-q", "-c", name]))?;
            return Ok(());
        };
        let head = inner.head()?.peel_to_commit()?;
        inner.branch(name, &head, false)?;
        inner.set_head(&format!("refs/heads/{name}"))?;
        Ok(())
    }

    /// The configured e-mail, as git reads it (includes, `includeIf`, `GIT_CONFIG_*`).
    pub fn user_email(&self) -> Option<String> {
        let out = run(self.git().args(["config", "--get", "user.email"])).ok()?;
        let email = out.trim_end_matches('\n');
        (!email.is_empty()).then(|| email.to_string())
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
    match git2::Repository::discover(path) {
        Ok(repo) => repo.is_bare(),
        Err(_) => locate_with_git(path).is_ok_and(|(workdir, _)| workdir.is_none()),
    }
}

/// The work-tree root for `path`, when it is inside a non-bare repository.
pub fn worktree_root(path: &Path) -> Option<PathBuf> {
    match git2::Repository::discover(path) {
        Ok(repo) => repo.workdir().map(Path::to_path_buf),
        Err(_) => locate_with_git(path).ok()?.0,
    }
}

/// (work-tree root, git folder) as git finds them from `path`, both absolute. Remembered for
/// the last path asked: one command asks for the same folder up to three times (the
/// repository, whether it is bare, its work tree), and each answer costs two git processes.
fn locate_with_git(path: &Path) -> Result<(Option<PathBuf>, PathBuf)> {
    type Located = (PathBuf, (Option<PathBuf>, PathBuf));
    static LAST: std::sync::Mutex<Option<Located>> = std::sync::Mutex::new(None);
    if let Ok(last) = LAST.lock() {
        if let Some((_, found)) = last.as_ref().filter(|(asked, _)| asked == path) {
            return Ok(found.clone());
        }
    }
    let found = ask_git_where(path)?;
    if let Ok(mut last) = LAST.lock() {
        *last = Some((path.to_path_buf(), found.clone()));
    }
    Ok(found)
}

fn ask_git_where(path: &Path) -> Result<(Option<PathBuf>, PathBuf)> {
    let out = run(git_in(path).args([
        "rev-parse",
        "--path-format=absolute",
        "--is-bare-repository",
        "--git-dir",
    ]))?;
    // The first line is one word; the rest is a path, which may hold a newline.
    let Some((bare, git_dir)) = out.split_once('\n') else {
        return Err(Error::Git("`git rev-parse --git-dir` said nothing".into()));
    };
    let git_dir = PathBuf::from(git_dir.strip_suffix('\n').unwrap_or(git_dir));
    if bare == "true" {
        return Ok((None, git_dir));
    }
    let top = run(git_in(path).args(["rev-parse", "--show-toplevel"]))?;
    let top = top.strip_suffix('\n').unwrap_or(&top);
    Ok(((!top.is_empty()).then(|| PathBuf::from(top)), git_dir))
}
