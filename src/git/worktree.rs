//! HEAD, the index and the work tree as the editing commands need them: the committed version
//! of one file, a commit of a new version of that file alone (through a temporary index),
//! whether the work tree has changes, and whether one commit is on another's first-parent
//! line. Each hands out plain data (paths, bytes, SHAs, yes or no); what it means for a
//! post-mortem, and what to tell the user, is the caller's.

use super::{run, Repo};
use crate::error::{Error, Result};
use git2::Oid;
use std::path::Path;

/// A file as HEAD's tree holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommittedFile {
    /// The path in the repository (`/`-separated, relative to the work-tree root).
    pub path: String,
    /// The file's mode in the tree (`0o100644`).
    pub mode: i32,
    pub bytes: Vec<u8>,
}

/// What HEAD and the index hold for one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadVersion {
    /// No HEAD yet, or HEAD's tree has no file at the path.
    NotCommitted,
    /// The index stages another version than HEAD's.
    StagedDiffers,
    /// HEAD's version, which the index stages too (or does not hold).
    Committed(CommittedFile),
}

/// The version of `path` (relative to the work tree, `/`-separated) at HEAD, and whether the
/// index stages the same.
pub fn head_version(repo: &Repo, path: &str) -> Result<HeadVersion> {
    let raw = repo.raw()?;
    let Some(head) = raw.head().ok().and_then(|h| h.peel_to_tree().ok()) else {
        return Ok(HeadVersion::NotCommitted);
    };
    let Ok(entry) = head.get_path(Path::new(path)) else {
        return Ok(HeadVersion::NotCommitted);
    };
    let index = raw.index()?;
    if let Some(staged) = index.get_path(Path::new(path), 0) {
        if staged.id != entry.id() {
            return Ok(HeadVersion::StagedDiffers);
        }
    }
    let blob = raw.find_blob(entry.id())?;
    Ok(HeadVersion::Committed(CommittedFile {
        path: path.to_string(),
        mode: entry.filemode(),
        bytes: blob.content().to_vec(),
    }))
}

/// Commits `bytes` as the new version of `file.path` on top of HEAD, with `message`, and
/// stages the same blob in the real index; returns the new commit's SHA. The work tree is not
/// touched, and the index's other entries (staged or not) stay as they were.
///
/// The commit is made by `git commit` from a temporary index (`GIT_INDEX_FILE`) holding HEAD's
/// tree with this one blob, so the user's hooks, identity and signing apply, and the
/// pre-commit hook checks exactly what is committed.
pub fn commit_file(
    repo: &Repo,
    file: &CommittedFile,
    bytes: &[u8],
    message: &str,
) -> Result<String> {
    let raw = repo.raw()?;
    let blob = raw.blob(bytes)?;
    let scratch = tempfile::Builder::new()
        .prefix("pm-commit-")
        .tempdir_in(repo.git_dir())
        .map_err(|e| Error::io(repo.git_dir(), e))?;
    let index = scratch.path().join("index");
    let cacheinfo = format!("{:o},{blob},{}", file.mode, file.path);
    run(repo
        .git()
        .env("GIT_INDEX_FILE", &index)
        .args(["read-tree", "HEAD"]))?;
    run(repo.git().env("GIT_INDEX_FILE", &index).args([
        "update-index",
        "--cacheinfo",
        &cacheinfo,
    ]))?;
    run(repo
        .git()
        .env("GIT_INDEX_FILE", &index)
        .args(["commit", "--quiet", "-m", message]))?;
    // The real index now has the committed blob for this file (so `git status` shows only
    // the author's other edits); its other entries are as they were.
    run(repo.git().args(["update-index", "--cacheinfo", &cacheinfo]))?;
    let out = run(repo.git().args(["rev-parse", "HEAD"]))?;
    Ok(out.trim().to_string())
}

/// True when the work tree has changes (staged, unstaged or untracked, ignored files aside);
/// false when it is clean or cannot be read.
pub fn has_uncommitted_changes(repo: &Repo) -> bool {
    let mut options = git2::StatusOptions::new();
    options.include_untracked(true).include_ignored(false);
    repo.raw()
        .ok()
        .and_then(|raw| raw.statuses(Some(&mut options)).ok())
        .is_some_and(|s| !s.is_empty())
}

/// Whether `base` is on the first-parent line of `target` (or is `target`). The walk is the one
/// `History::log` does without `--all-parents`: from `target`, first parents only, stopping at
/// `base` and its ancestors; its oldest commit's first parent is `base` exactly when `base` is
/// on that line. When the walk cannot be made, the answer is yes (the usual first-parent walk).
pub fn on_first_parent_line(repo: &Repo, base: Oid, target: Oid) -> bool {
    let Ok(raw) = repo.raw() else {
        return true;
    };
    let oldest = (|| -> std::result::Result<Option<Oid>, git2::Error> {
        let mut walk = raw.revwalk()?;
        walk.push(target)?;
        walk.hide(base)?;
        walk.simplify_first_parent()?;
        walk.set_sorting(git2::Sort::TOPOLOGICAL)?;
        let mut last = None;
        for oid in walk {
            last = Some(oid?);
        }
        Ok(last)
    })();
    match oldest {
        Ok(Some(oldest)) => raw
            .find_commit(oldest)
            .ok()
            .and_then(|c| c.parent_id(0).ok())
            .is_none_or(|parent| parent == base),
        _ => true,
    }
}
