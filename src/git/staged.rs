//! The staged post-mortems for the pre-commit hook: the index compared with HEAD under the
//! post-mortem folder, by one of three readers.
//!
//! 1. The index file read directly (`index.rs`), with the cache-tree sparing the comparison of
//!    every folder whose staged tree is HEAD's: the hook's usual path.
//! 2. libgit2, for an index the direct reader leaves alone (an unknown version, an entry out of
//!    order).
//! 3. The `git` command (`ls-files`, `diff --cached`), for an index libgit2 refuses: a split
//!    index.

use super::index::{self, Entries, SparseDir, INTENT_TO_ADD};
use super::snapshot::{
    brings_new_content, folder_diff_options, is_file_mode, path_text, read_blob, worktree_layout,
    Layout, PathList, Snapshot,
};
use super::{Repo, TreeFile};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The index git will commit from (see [`index::file`]): libgit2 does not read
/// `GIT_INDEX_FILE`, so it is honoured here.
fn commit_index(repo: &Repo) -> Result<git2::Index> {
    if std::env::var_os("GIT_INDEX_FILE").is_some_and(|f| !f.is_empty()) {
        let path: PathBuf = index::file(repo);
        return git2::Index::open(&path).map_err(|e| {
            Error::Git(format!(
                "cannot read the index {} named by GIT_INDEX_FILE: {}",
                path.display(),
                e.message()
            ))
        });
    }
    Ok(repo.raw()?.index()?)
}

/// Staged content of the added or modified post-mortems under `dir` (the post-mortem folder:
/// absolute, as `Located::postmortem_dir` gives it, or relative to the work-tree root).
///
/// A repository without commits compares the index with the empty tree. Conflicted entries
/// (a merge in progress) are left out: git will not commit until they are resolved, and the
/// resolved file is checked then.
pub fn staged(repo: &Repo, dir: &Path) -> Result<Snapshot> {
    let workdir = repo.workdir().ok_or_else(|| {
        Error::usage(
            "--staged needs a work tree, and this is a bare repository: use --rev-range A..B",
        )
    })?;
    let layout = worktree_layout(workdir, dir)?;
    if repo.through_git_command() {
        return super::cli::staged(repo, &layout);
    }
    // Like git, trust the object store on reads; libgit2 would otherwise re-hash every tree
    // it loads.
    git2::opts::strict_hash_verification(false);
    let head_tree = match repo.raw()?.head() {
        Ok(head) => Some(head.peel_to_tree()?),
        Err(e)
            if matches!(
                e.code(),
                git2::ErrorCode::UnbornBranch | git2::ErrorCode::NotFound
            ) =>
        {
            None
        }
        Err(e) => return Err(e.into()),
    };
    let (mut changed, paths) = match index::read(&index::file(repo), &layout.dir) {
        Some(mut read) => {
            if !read.sparse_dirs.is_empty() {
                read.entries = expand_sparse_dirs(repo, &read.sparse_dirs, read.entries)?;
            }
            let staged = StagedPostmortems::new(&layout, read.entries);
            let changed = staged_from_entries(
                repo,
                &layout,
                head_tree.as_ref(),
                &staged,
                read.cache_tree.as_ref(),
            )?;
            (changed, staged.paths)
        }
        // libgit2 cannot read every index git writes (a split index, for one); git can.
        None => staged_through_libgit2(repo, &layout, head_tree.as_ref())
            .or_else(|e| staged_through_git(repo, &layout).map_err(|_| e))?,
    };
    changed.sort();
    let mut files = Vec::with_capacity(changed.len());
    for (display, oid) in changed {
        let bytes = read_blob(repo, oid, &display, "staged")?;
        files.push(TreeFile {
            path: display,
            bytes,
        });
    }
    Ok(Snapshot {
        changed: files,
        paths,
    })
}

/// (changed post-mortems as (shown path, blob), every staged post-mortem's shown path).
type Staged = (Vec<(String, git2::Oid)>, PathList);

/// The staged post-mortems among the index entries, in the index's order.
struct StagedPostmortems {
    /// Their paths as reports show them.
    paths: PathList,
    /// (staged blob, mode) of each, in the same order.
    blobs: Vec<(git2::Oid, u32)>,
}

impl StagedPostmortems {
    /// Keeps the entries' path buffer: a shown path is the end of the path git spells.
    fn new(layout: &Layout, entries: Entries) -> Self {
        let (text, list) = entries.into_parts();
        let mut spans = Vec::with_capacity(list.len());
        let mut blobs = Vec::with_capacity(list.len());
        for (range, oid, mode) in list {
            let Some(path) = text.get(range.clone()) else {
                continue;
            };
            if let Some(name) = layout.name_of(path) {
                let shown = layout.shown(path);
                spans.push((range.end - shown.len(), range.end - name.len(), range.end));
                blobs.push((oid, mode));
            }
        }
        StagedPostmortems {
            paths: PathList::from_spans(text, spans),
            blobs,
        }
    }
}

/// Adds the files inside the folders a sparse index keeps as trees: their staged content is
/// the tree's, exactly as git would commit it.
fn expand_sparse_dirs(repo: &Repo, sparse_dirs: &[SparseDir], entries: Entries) -> Result<Entries> {
    // (path, blob, mode); a sparse index is rare, and one String each is fine here.
    let mut all: Vec<(String, git2::Oid, u32)> = entries
        .iter()
        .map(|(path, oid, mode)| (path.to_string(), oid, mode))
        .collect();
    for (folder, oid) in sparse_dirs {
        let tree = repo.raw()?.find_tree(*oid)?;
        tree.walk(git2::TreeWalkMode::PreOrder, |parent, entry| {
            let mode = entry.filemode() as u32;
            if entry.kind() == Some(git2::ObjectType::Blob) && is_file_mode(mode) {
                let path = format!(
                    "{folder}{parent}{}",
                    String::from_utf8_lossy(entry.name_bytes())
                );
                all.push((path, entry.id(), mode));
            }
            git2::TreeWalkResult::Ok
        })?;
    }
    all.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut sorted = Entries::default();
    for (path, oid, mode) in all {
        sorted.push(&path, oid, mode);
    }
    Ok(sorted)
}

/// Compares the index entries with HEAD's tree under the folder.
///
/// With a cache-tree, a folder whose valid id equals HEAD's is skipped whole: its HEAD tree is
/// not read and its entries are not compared (they are still listed in the snapshot's paths).
/// The other folders, and every folder when there is no cache-tree, are read from HEAD and
/// compared entry by entry.
///
/// Paths are compared as reports show them (relative to the configuration root): every path
/// here lies under the folder, so they all lose the same leading part and keep their order.
fn staged_from_entries(
    repo: &Repo,
    layout: &Layout,
    head_tree: Option<&git2::Tree<'_>>,
    staged: &StagedPostmortems,
    cache_tree: Option<&index::CacheTree>,
) -> Result<Vec<(String, git2::Oid)>> {
    // The committed files under the folders compared, in byte order like the index, so the
    // two lists are compared in one pass: (where the shown path is in `committed_paths`,
    // blob, mode).
    let mut committed_paths = String::new();
    let mut committed: Vec<(std::ops::Range<usize>, git2::Oid, u32)> = Vec::new();
    // Folders (shown, with their trailing `/`) whose staged content is HEAD's.
    let mut unchanged: Vec<String> = Vec::new();
    if let Some(tree) = head_tree {
        if let Ok(entry) = tree.get_path(Path::new(&layout.dir)) {
            if entry.kind() == Some(git2::ObjectType::Tree) {
                let mut folders = vec![(layout.dir.clone(), entry.id())];
                while let Some((folder, id)) = folders.pop() {
                    if cache_tree.and_then(|valid| valid.get(&folder)) == Some(&id) {
                        unchanged.push(format!("{}/", layout.shown(&folder)));
                        continue;
                    }
                    let shown = layout.shown(&folder);
                    for entry in repo.raw()?.find_tree(id)?.iter() {
                        let name = String::from_utf8_lossy(entry.name_bytes());
                        match entry.kind() {
                            Some(git2::ObjectType::Blob) => {
                                let start = committed_paths.len();
                                committed_paths.push_str(shown);
                                committed_paths.push('/');
                                committed_paths.push_str(&name);
                                committed.push((
                                    start..committed_paths.len(),
                                    entry.id(),
                                    entry.filemode() as u32,
                                ));
                            }
                            Some(git2::ObjectType::Tree) => {
                                folders.push((format!("{folder}/{name}"), entry.id()));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
    let committed_path = |range: &std::ops::Range<usize>| -> &str {
        committed_paths.get(range.clone()).unwrap_or_default()
    };
    committed.sort_unstable_by(|a, b| committed_path(&a.0).cmp(committed_path(&b.0)));
    unchanged.sort_unstable();
    let mut changed = Vec::new();
    let mut next = 0;
    let mut next_unchanged = 0;
    for (path, &(oid, mode)) in staged.paths.iter().zip(&staged.blobs) {
        // The paths under a folder are one run in byte order, and the folders do not nest:
        // a folder before this path that is not a prefix of it lies before every later path.
        while unchanged
            .get(next_unchanged)
            .is_some_and(|folder| folder.as_str() < path && !path.starts_with(folder.as_str()))
        {
            next_unchanged += 1;
        }
        if unchanged
            .get(next_unchanged)
            .is_some_and(|folder| path.starts_with(folder.as_str()))
        {
            continue;
        }
        while next < committed.len() && committed_path(&committed[next].0) < path {
            next += 1;
        }
        let same = committed.get(next).is_some_and(|(range, c_oid, c_mode)| {
            committed_path(range) == path && *c_oid == oid && *c_mode == mode
        });
        if !same {
            changed.push((path.to_string(), oid));
        }
    }
    Ok(changed)
}

/// The same comparison through libgit2, for indexes the direct reader leaves to it.
fn staged_through_libgit2(
    repo: &Repo,
    layout: &Layout,
    head_tree: Option<&git2::Tree<'_>>,
) -> Result<Staged> {
    let index = commit_index(repo)?;
    let mut paths = PathList::default();
    for entry in index.iter() {
        let stage = (entry.flags >> 12) & 0x3;
        if stage != 0 || !is_file_mode(entry.mode) || entry.flags_extended & INTENT_TO_ADD != 0 {
            continue;
        }
        let path = path_text(&entry.path);
        if layout.holds(&path) {
            paths.push(layout.shown(&path));
        }
    }
    let mut options = folder_diff_options(&layout.dir);
    let diff = repo
        .raw()?
        .diff_tree_to_index(head_tree, Some(&index), Some(&mut options))?;
    let mut changed = Vec::new();
    for delta in diff.deltas() {
        if !brings_new_content(delta.status()) {
            continue;
        }
        let new = delta.new_file();
        let Some(path) = new.path_bytes().map(path_text) else {
            continue;
        };
        let intent_only = index
            .get_path(Path::new(path.as_ref()), 0)
            .is_some_and(|e| e.flags_extended & INTENT_TO_ADD != 0);
        if layout.holds(&path) && is_file_mode(u32::from(new.mode())) && !intent_only {
            changed.push((layout.display(&path), new.id()));
        }
    }
    Ok((changed, paths))
}

/// The same comparison through the `git` command, for an index libgit2 cannot read: a split
/// index (`git update-index --split-index`, `core.splitIndex`) makes libgit2 fail with
/// "unsupported mandatory extension: 'link'", which would stop every commit. The command sees
/// `GIT_INDEX_FILE` as the hook does.
fn staged_through_git(repo: &Repo, layout: &Layout) -> Result<Staged> {
    let (changed, paths) = super::cli::staged_listing(repo, layout)?;
    let changed = changed
        .into_iter()
        .map(|(display, id)| {
            git2::Oid::from_str(&id)
                .map(|oid| (display, oid))
                .map_err(|e| Error::Git(format!("git gave the object id {id:?}: {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((changed, paths))
}
