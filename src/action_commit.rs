//! Committing one change of a post-mortem and nothing else (`pm action … --commit`,
//! `pm status … --commit`): the edit is applied to the committed version of the file, that
//! blob is committed through a temporary index, and the author's other uncommitted edits of the
//! file stay in the work tree.
//!
//! `git commit --only FILE` would commit the whole work-tree file, sweeping half-written
//! paragraphs into a commit titled "Close ID#A3". git has no command that commits "this edit but
//! not that one" of a file, so pm builds the new version itself and `git::worktree::commit_file`
//! commits that blob from a temporary index (`GIT_INDEX_FILE`), so the user's hooks, identity
//! and signing apply as usual and the hook checks exactly what is committed. Everything that
//! touches git is in `git::worktree`; this module decides what to commit and what to refuse.

use crate::action_edit::Target;
use crate::checks::{self, KnownIds, Severity, SourceFile};
use crate::config::Located;
use crate::error::{Error, Result};
use crate::git::worktree::{self, HeadVersion};
use crate::git::Repo;
use crate::repository::Entry;
use std::path::{Path, PathBuf};

/// The committed version of a post-mortem file: what `--commit` edits.
pub use crate::git::worktree::CommittedFile as Committed;

/// The file's path relative to the work tree, resolved through symbolic links (git refuses a
/// path "beyond a symbolic link").
fn relative(workdir: &Path, path: &Path) -> PathBuf {
    path.canonicalize()
        .ok()
        .zip(workdir.canonicalize().ok())
        .and_then(|(p, w)| p.strip_prefix(w).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.strip_prefix(workdir).unwrap_or(path).to_path_buf())
}

/// Reads the version of `entry` at HEAD. Refuses (changing nothing) when the file is not
/// committed yet, or when its staged version differs from HEAD's (the commit would have to
/// choose between them).
pub fn committed_version(repo: &Repo, entry: &Entry) -> Result<Committed> {
    let workdir = repo
        .workdir()
        .ok_or_else(|| Error::usage("cannot commit in a bare repository"))?;
    let rel = relative(workdir, &entry.path);
    let path = rel
        .to_str()
        .ok_or_else(|| Error::input(&entry.display, "the path is not UTF-8"))?
        .replace('\\', "/");
    match worktree::head_version(repo, &path)? {
        HeadVersion::Committed(committed) => Ok(committed),
        HeadVersion::NotCommitted => Err(Error::usage(format!(
            "{} is not committed yet, so there is no committed version to change: commit the post-mortem first, or run without --commit",
            entry.display
        ))),
        HeadVersion::StagedDiffers => Err(Error::usage(format!(
            "{} has staged changes: commit them, or unstage them (`git restore --staged {}`), then run again",
            entry.display, entry.display
        ))),
    }
}

/// Refuses an edit after which `pm check` finds an error the committed version did not have
/// (the pre-commit hook would refuse it too, after pm had changed the file).
pub fn refuse_new_errors(
    located: &Located,
    entry: &Entry,
    before: &str,
    after: &str,
) -> Result<()> {
    let errors = |text: &str| -> Vec<(String, String)> {
        let file = SourceFile {
            path: entry.display.clone(),
            bytes: text.as_bytes().to_vec(),
        };
        checks::check(&[file], &located.config, &KnownIds::new())
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.rule, d.message))
            .collect()
    };
    let mut old = errors(before);
    let new: Vec<String> = errors(after)
        .into_iter()
        .filter(|e| match old.iter().position(|o| o == e) {
            Some(i) => {
                old.remove(i);
                false
            }
            None => true,
        })
        .map(|(rule, message)| format!("{rule}: {message}"))
        .collect();
    if new.is_empty() {
        return Ok(());
    }
    Err(Error::usage(format!(
        "{}: nothing changed, because `pm check` would reject the change:\n  {}",
        entry.display,
        new.join("\n  ")
    )))
}

/// A commit made by [`commit_edit`].
pub struct Made {
    pub sha: String,
    /// True when the work-tree file had other uncommitted edits, which stay uncommitted.
    pub other_edits_kept: bool,
}

/// Commits the edit `on_base` makes, applied to the committed version of `target`'s file:
/// refuses (changing nothing) when the committed version cannot take it or when `pm check`
/// would find a new error in the result; then commits through a temporary index. The work
/// tree is not touched: the caller writes its own version of the edit after this succeeds.
pub fn commit_edit(
    repo: &Repo,
    located: &Located,
    target: &Target,
    on_base: &dyn Fn(&Target) -> Result<Option<String>>,
    message: &str,
) -> Result<Made> {
    let committed = committed_version(repo, &target.entry)?;
    let base = Target::from_bytes(target.entry.clone(), committed.bytes.clone())?;
    let Some(base_text) = on_base(&base)? else {
        return Err(Error::usage(format!(
            "the committed version of {} already has these values: commit your edits of the file instead",
            target.entry.display
        )));
    };
    refuse_new_errors(located, &target.entry, &base.text, &base_text)?;
    let sha = worktree::commit_file(repo, &committed, base_text.as_bytes(), message)?;
    Ok(Made {
        sha,
        other_edits_kept: base.text != target.text,
    })
}
