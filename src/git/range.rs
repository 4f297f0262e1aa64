//! The post-mortems a revision range brings, for CI and server-side hooks (`pm check
//! --rev-range A..B`), and single committed files.

use super::snapshot::{
    blob_size, brings_new_content, folder_diff_options, is_file_mode, path_text, read_blob,
    refuse_over_limits, worktree_layout, Layout, PathList, Snapshot,
};
use super::{run, Repo, TreeFile};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// A revision range, `A..B` or `A...B`, resolved to its two ends.
pub struct RevRange<'r> {
    repo: &'r Repo,
    /// As the user wrote it, for messages.
    text: String,
    ends: Ends<'r>,
}

/// The two ends, as libgit2 commits or (where libgit2 cannot open the repository) as ids the
/// `git` command resolved. A is `None` for "from the empty tree".
enum Ends<'r> {
    Lib {
        from: Option<git2::Commit<'r>>,
        to: git2::Commit<'r>,
    },
    Cli {
        from: Option<String>,
        to: String,
    },
}

impl<'r> RevRange<'r> {
    /// Resolves `range`: `A..B`, or `A...B` for the changes on B since it forked from A. An
    /// all-zero A (what a `pre-receive` hook gets for a new branch) means the empty tree.
    pub fn resolve(repo: &'r Repo, range: &str) -> Result<RevRange<'r>> {
        let ends = if repo.through_git_command() {
            let (a, b, symmetric) = split_range(range)?;
            let (from, to) = super::cli::resolve_range(repo, range, a, b, symmetric)?;
            Ends::Cli { from, to }
        } else {
            see_quarantined_objects(repo)?;
            let (from, to) = resolve_range(repo, range)?;
            Ends::Lib { from, to }
        };
        Ok(RevRange {
            repo,
            text: range.to_string(),
            ends,
        })
    }

    /// The file at `path` (from the top of the tree) at B, when there is one, shown as
    /// "`path` (at the end of A..B)". A bare repository's `pm.toml` is read this way.
    pub fn file_at_end(&self, path: &str) -> Result<Option<TreeFile>> {
        let shown = format!("{path} (at the end of {})", self.text);
        let to = match &self.ends {
            Ends::Lib { to, .. } => to,
            Ends::Cli { to, .. } => {
                let bytes = super::cli::file_at(self.repo, to, path, &shown)?;
                return Ok(bytes.map(|bytes| TreeFile { path: shown, bytes }));
            }
        };
        let tree = to.tree()?;
        let Ok(entry) = tree.get_path(Path::new(path)) else {
            return Ok(None);
        };
        let bytes = read_blob(self.repo, entry.id(), &shown, "configuration")?;
        Ok(Some(TreeFile { path: shown, bytes }))
    }

    /// The file at `path` (from the top of the tree) at the range's base: A, or for `A...B`
    /// the point B forked from A. For a range from the empty tree (a new branch pushed), the
    /// repository's HEAD (its default branch) stands for the base. `None` when there is none.
    pub fn file_at_start(&self, path: &str) -> Result<Option<TreeFile>> {
        let shown = format!("{path} (at the base of {})", self.text);
        let (from, to) = match &self.ends {
            Ends::Lib { from, to } => (from, to),
            Ends::Cli { from, to } => {
                let base = match from {
                    Some(commit) => commit.clone(),
                    None => match super::cli::commit_id(self.repo, "HEAD") {
                        Some(head) if &head != to => head,
                        _ => return Ok(None),
                    },
                };
                let bytes = super::cli::file_at(self.repo, &base, path, &shown)?;
                return Ok(bytes.map(|bytes| TreeFile { path: shown, bytes }));
            }
        };
        let base = match from {
            Some(commit) => commit.clone(),
            None => match self.repo.raw()?.head().and_then(|h| h.peel_to_commit()) {
                Ok(commit) if commit.id() != to.id() => commit,
                _ => return Ok(None),
            },
        };
        let Ok(entry) = base.tree()?.get_path(Path::new(path)) else {
            return Ok(None);
        };
        let bytes = read_blob(self.repo, entry.id(), &shown, "configuration")?;
        Ok(Some(TreeFile { path: shown, bytes }))
    }

    /// The post-mortems under `dir` added or modified in the range, at their state in B.
    /// Renamed files count as modified. `dir` is the post-mortem folder: in a repository with
    /// a work tree, absolute or relative to its top; in a bare one, a path in B's tree.
    pub fn snapshot(&self, dir: &Path) -> Result<Snapshot> {
        let layout = match self.repo.workdir() {
            Some(workdir) => worktree_layout(workdir, dir)?,
            None => Layout {
                dir: dir.to_string_lossy().into_owned(),
                root: String::new(),
            },
        };
        let (from, to) = match &self.ends {
            Ends::Lib { from, to } => (from, to),
            Ends::Cli { from, to } => {
                return super::cli::range_snapshot(
                    self.repo,
                    from.as_deref(),
                    to,
                    &layout,
                    &self.text,
                );
            }
        };
        let raw = self.repo.raw()?;
        let to_tree = to.tree()?;
        let from_tree = match from {
            Some(commit) => Some(commit.tree()?),
            None => None,
        };

        let mut paths = PathList::default();
        if let Ok(entry) = to_tree.get_path(Path::new(&layout.dir)) {
            let folder = raw.find_tree(entry.id())?;
            let mut path = String::new();
            folder.walk(git2::TreeWalkMode::PreOrder, |parent, entry| {
                if entry.kind() == Some(git2::ObjectType::Blob)
                    && is_file_mode(entry.filemode() as u32)
                {
                    path.clear();
                    path.push_str(&layout.dir);
                    path.push('/');
                    path.push_str(parent);
                    path.push_str(&path_text(entry.name_bytes()));
                    if layout.holds(&path) {
                        paths.push(layout.shown(&path));
                    }
                }
                git2::TreeWalkResult::Ok
            })?;
        }

        let mut options = folder_diff_options(&layout.dir);
        let mut diff =
            raw.diff_tree_to_tree(from_tree.as_ref(), Some(&to_tree), Some(&mut options))?;
        diff.find_similar(Some(git2::DiffFindOptions::new().renames(true)))?;
        // The changed files are listed first and their sizes read from the object headers:
        // a range over the limits is refused before any blob is loaded.
        let mut wanted = Vec::new();
        for delta in diff.deltas() {
            if !brings_new_content(delta.status()) {
                continue;
            }
            let new = delta.new_file();
            let Some(path) = new.path_bytes().map(path_text) else {
                continue;
            };
            if !layout.holds(&path) || !is_file_mode(u32::from(new.mode())) {
                continue;
            }
            wanted.push((layout.display(&path), new.id()));
            refuse_over_limits(&self.text, wanted.len(), 0)?;
        }
        let odb = raw.odb()?;
        let mut total = 0;
        for (display, oid) in &wanted {
            total += blob_size(&odb, *oid, display, "committed")?;
        }
        refuse_over_limits(&self.text, wanted.len(), total)?;
        let mut changed = Vec::with_capacity(wanted.len());
        for (display, oid) in wanted {
            let bytes = read_blob(self.repo, oid, &display, "committed")?;
            changed.push(TreeFile {
                path: display,
                bytes,
            });
        }
        changed.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Snapshot { changed, paths })
    }
}

/// During a `pre-receive` hook git keeps the pushed objects in a quarantine folder named by
/// `GIT_QUARANTINE_PATH` / `GIT_OBJECT_DIRECTORY` (and the real store in
/// `GIT_ALTERNATE_OBJECT_DIRECTORIES`) until the hook accepts them. libgit2 reads none of
/// these variables, so the folders are added to its object lookup here.
fn see_quarantined_objects(repo: &Repo) -> Result<()> {
    let mut folders: Vec<PathBuf> = Vec::new();
    for var in ["GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY"] {
        if let Some(value) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            folders.push(PathBuf::from(value));
        }
    }
    if let Some(value) = std::env::var_os("GIT_ALTERNATE_OBJECT_DIRECTORIES") {
        folders.extend(std::env::split_paths(&value).filter(|p| !p.as_os_str().is_empty()));
    }
    if folders.is_empty() {
        return Ok(());
    }
    let odb = repo.raw()?.odb()?;
    for folder in folders {
        let folder = if folder.is_relative() {
            repo.git_dir().join(folder)
        } else {
            folder
        };
        if folder.is_dir() {
            if let Some(text) = folder.to_str() {
                odb.add_disk_alternate(text)?;
            }
        }
    }
    Ok(())
}

/// The two ends of `A..B` / `A...B` as commits. An all-zero A (what a `pre-receive` hook gets
/// for a new branch) means "from the empty tree".
fn resolve_range<'r>(
    repo: &'r Repo,
    range: &str,
) -> Result<(Option<git2::Commit<'r>>, git2::Commit<'r>)> {
    let raw = repo.raw()?;
    let (a, b, symmetric) = split_range(range)?;
    let commit = |spec: &str| -> Result<git2::Commit<'r>> {
        raw.revparse_single(spec)
            .and_then(|object| object.peel_to_commit())
            .map_err(|e| {
                Error::usage(format!(
                    "--rev-range `{range}`: `{spec}` is not a commit here ({}); fetch it, or check the spelling",
                    e.message()
                ))
            })
    };
    let to = commit(b)?;
    if !a.is_empty() && a.bytes().all(|c| c == b'0') {
        return Ok((None, to));
    }
    let from = commit(if a.is_empty() { "HEAD" } else { a })?;
    let from = if symmetric {
        let base = raw.merge_base(from.id(), to.id()).map_err(|_| {
            Error::usage(format!(
                "--rev-range `{range}`: the two revisions share no history; use A..B"
            ))
        })?;
        raw.find_commit(base)?
    } else {
        from
    };
    Ok((Some(from), to))
}

/// (A, B, whether it is `A...B`) of `A..B` / `A...B`; B is `HEAD` when left out.
fn split_range(range: &str) -> Result<(&str, &str, bool)> {
    let (a, b, symmetric) = if let Some((a, b)) = range.split_once("...") {
        (a, b, true)
    } else if let Some((a, b)) = range.split_once("..") {
        (a, b, false)
    } else {
        return Err(Error::usage(format!(
            "--rev-range `{range}`: give two revisions as A..B (e.g. origin/main..HEAD)"
        )));
    };
    Ok((a, if b.is_empty() { "HEAD" } else { b }, symmetric))
}

/// The committed content of `path` (a path relative to the work-tree root, `/`-separated) at
/// revision `rev`, or `None` when it is not in that commit.
pub fn committed_file(repo: &Repo, rev: &str, path: &str) -> Result<Option<Vec<u8>>> {
    if repo.through_git_command() {
        let Ok(out) = run(repo.git().args([
            "rev-parse",
            "--verify",
            "-q",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ])) else {
            return Ok(None);
        };
        return super::cli::file_at(repo, out.trim(), path, path);
    }
    let commit = match repo
        .raw()?
        .revparse_single(rev)
        .and_then(|o| o.peel_to_commit())
    {
        Ok(commit) => commit,
        Err(_) => return Ok(None),
    };
    let tree = commit.tree()?;
    let Ok(entry) = tree.get_path(Path::new(path)) else {
        return Ok(None);
    };
    if entry.kind() != Some(git2::ObjectType::Blob) || !is_file_mode(entry.filemode() as u32) {
        return Ok(None);
    }
    read_blob(repo, entry.id(), path, "committed").map(Some)
}
