//! Reading post-mortems through the history: which commits changed the post-mortem folder and
//! what each changed.
//!
//! The reports run over repositories with tens of thousands of commits, so the walk does the
//! least work git itself would: a commit whose post-mortem folder has the same tree ID as its
//! parent's is skipped without reading anything else; within a changed folder only subtrees
//! whose IDs differ are entered, only blobs whose IDs differ are read, and each blob's front
//! matter is parsed once (cached by blob ID). The comparison of the parsed states lives in
//! [`crate::changes`], which knows nothing of git.

use super::tree::{git_order, RawEntry, RawTree};
use super::Repo;
use crate::changes::{compare_postmortem, Change, PostmortemState};
use crate::document::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone};
use git2::{ObjectType, Oid, Sort};
use rayon::prelude::*;
use serde::Serialize;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// A commit as the reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitInfo {
    pub commit: String,
    pub author: String,
    #[serde(skip)]
    pub email: String,
    /// Author date, RFC 3339 with the author's offset.
    pub date: String,
    #[serde(skip)]
    pub summary: String,
}

/// A change and the commit that made it; `None` for an uncommitted change in the work tree.
#[derive(Debug, Clone)]
pub struct Dated {
    pub change: Change,
    pub commit: Option<Rc<CommitInfo>>,
}

/// The changes of a walk through the commits, oldest first.
#[derive(Debug, Default)]
pub struct Log {
    pub changes: Vec<Dated>,
    /// Set when the walk reached the start of a shallow clone before its base: the changes
    /// before this commit are not in the clone.
    pub history_starts: Option<CommitInfo>,
    /// Commits looked at and commits that changed the post-mortem folder.
    pub commits_walked: usize,
    pub commits_changed: usize,
}

/// A blob read as a post-mortem: `None` when it could not be parsed.
type Parsed = Option<Rc<PostmortemState>>;

/// A file of the post-mortem folder at a revision ([`History::files_at`]: its path relative to
/// the post-mortem folder, `/` separated).
pub use super::TreeFile;

/// The history reader for one repository and post-mortem folder.
pub struct History<'r> {
    repo: &'r git2::Repository,
    /// The post-mortem folder relative to the work-tree root.
    dir: PathBuf,
    /// The object database, for reading tree objects' bytes.
    odb: git2::Odb<'r>,
    cache: HashMap<(Oid, String), Parsed>,
    shallow: HashSet<Oid>,
}

impl<'r> History<'r> {
    /// `dir` is the post-mortem folder, absolute or relative to the work-tree root.
    pub fn new(repo: &'r Repo, dir: &Path) -> Result<History<'r>> {
        let dir = relative_to_workdir(repo, dir)?;
        let shallow_file = repo.git_dir().join("shallow");
        let shallow = std::fs::read_to_string(shallow_file)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| Oid::from_str(l.trim()).ok())
            .collect();
        // libgit2 re-hashes every object it reads to verify it; git itself does not when
        // reading, and on a long walk the hashing costs more than everything else together.
        git2::opts::strict_hash_verification(false);
        Ok(History {
            repo: repo.raw()?,
            odb: repo.raw()?.odb()?,
            dir,
            cache: HashMap::new(),
            shallow,
        })
    }

    /// The post-mortem folder relative to the work-tree root.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when this is a shallow clone.
    pub fn is_shallow(&self) -> bool {
        !self.shallow.is_empty()
    }

    /// The commit HEAD points at, if any.
    pub fn head(&self) -> Option<Oid> {
        self.repo
            .head()
            .ok()
            .and_then(|h| h.peel_to_commit().ok())
            .map(|c| c.id())
    }

    /// Resolves a revision (`main`, `HEAD~3`, a tag, a SHA) to a commit.
    pub fn resolve(&self, rev: &str) -> Result<Oid> {
        let object = self.repo.revparse_single(rev).map_err(|e| {
            let hint = if self.is_shallow() {
                " (this is a shallow clone: `git fetch --deepen=N` or `--unshallow` brings more history)"
            } else if self.head().is_none() {
                " (the repository has no commits yet: commit first, or leave the option out)"
            } else {
                ""
            };
            Error::usage(format!(
                "`{rev}` is not a revision in this repository: {}{hint}",
                e.message()
            ))
        })?;
        let commit = object
            .peel_to_commit()
            .map_err(|_| Error::usage(format!("`{rev}` does not name a commit")))?;
        Ok(commit.id())
    }

    pub fn commit_info(&self, oid: Oid) -> Result<CommitInfo> {
        let commit = self.repo.find_commit(oid)?;
        Ok(info(&commit))
    }

    /// The last commit on the first-parent line from `from` whose committer date is at or before
    /// the start of `date` (local time). `Ok(None)` when every commit is later; in a shallow
    /// clone whose history starts later, the first commit of the clone, flagged `true`.
    pub fn at_or_before(&self, from: Oid, date: NaiveDate) -> Result<Option<(Oid, bool)>> {
        let start = date
            .and_hms_opt(0, 0, 0)
            .and_then(|t| chrono::Local.from_local_datetime(&t).earliest())
            .map(|t| t.timestamp())
            .ok_or_else(|| {
                Error::usage(format!("{date} has no midnight in the local time zone"))
            })?;
        let mut commit = self.repo.find_commit(from)?;
        loop {
            if commit.committer().when().seconds() <= start {
                return Ok(Some((commit.id(), false)));
            }
            if self.shallow.contains(&commit.id()) {
                return Ok(Some((commit.id(), true)));
            }
            match commit.parents().next() {
                Some(parent) => commit = parent,
                None => return Ok(None),
            }
        }
    }

    /// Every change in the commits after `base` up to `to`, oldest first. By default the walk
    /// follows first parents (a merge counts as one change, made by the merge commit);
    /// `all_parents` walks the merged branches' commits instead, and merges themselves are then
    /// not compared (their changes are the branch commits').
    ///
    /// The work is done in three steps so that both of the expensive ones can use every core:
    /// the commits' folder trees are compared in runs of consecutive commits, each run on its
    /// own thread and libgit2 handle; then every blob version the comparisons named is read and
    /// parsed once, also in parallel; last, the parsed states are compared commit by commit, in
    /// order. Nothing depends on how the work was split, so the result is the same as reading
    /// one commit after the other (errors included: the first in walk order is the one returned).
    pub fn log(&mut self, base: Option<Oid>, to: Oid, all_parents: bool) -> Result<Log> {
        let mut walk = self.repo.revwalk()?;
        walk.push(to)?;
        if let Some(base) = base {
            walk.hide(base)?;
        }
        if !all_parents {
            walk.simplify_first_parent()?;
        }
        walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
        let mut commits = Vec::new();
        let mut walk_error = None;
        for oid in walk {
            match oid {
                Ok(oid) => commits.push(oid),
                Err(e) => {
                    walk_error = Some(Error::from(e));
                    break;
                }
            }
        }

        // Step 1: which blobs each commit changed.
        let steps = self.commit_steps(&commits, all_parents);
        let stop = steps.iter().position(Result::is_err).unwrap_or(steps.len());

        // Step 2: every blob version not yet parsed, in walk order.
        let mut wanted = Vec::new();
        let mut seen = HashSet::new();
        for step in &steps[..stop] {
            let Ok(CommitStep::Changed { removed, added, .. }) = step else {
                continue;
            };
            for (path, oid) in removed.iter().chain(added) {
                let key = (*oid, stem(path).to_string());
                if !self.cache.contains_key(&key) && seen.insert(key.clone()) {
                    wanted.push((key, path.as_str()));
                }
            }
        }
        self.parse_blobs(&wanted)?;

        // Step 3: compare, commit by commit.
        let mut log = Log::default();
        let mut steps = steps.into_iter();
        for step in steps.by_ref().take(stop) {
            log.commits_walked += 1;
            let (who, removed, added) = match step? {
                CommitStep::Unchanged => continue,
                CommitStep::ShallowStart(who) => {
                    if log.history_starts.is_none() {
                        log.history_starts = Some(who);
                    }
                    continue;
                }
                CommitStep::Changed {
                    who,
                    removed,
                    added,
                } => (who, removed, added),
            };
            log.commits_changed += 1;
            let changes = self.compare_blobs(removed, added)?;
            if changes.is_empty() {
                continue;
            }
            let who = Rc::new(who);
            log.changes.extend(changes.into_iter().map(|change| Dated {
                change,
                commit: Some(Rc::clone(&who)),
            }));
        }
        if let Some(Err(e)) = steps.next() {
            return Err(e);
        }
        match walk_error {
            Some(e) => Err(e),
            None => Ok(log),
        }
    }

    /// What each commit changed in the folder, in the order given. Long walks are cut into
    /// runs of consecutive commits (a commit's parent tree is then usually the tree just read),
    /// read in parallel (see [`in_runs`]).
    fn commit_steps(&self, commits: &[Oid], all_parents: bool) -> Vec<Result<CommitStep>> {
        let (dir, shallow) = (&self.dir, &self.shallow);
        in_runs(
            self.repo.path(),
            commits,
            MIN_COMMITS_PER_RUN,
            |commits| {
                let reader = self.reader();
                let mut dir_trees = HashMap::new();
                commits
                    .iter()
                    .map(|oid| reader.step(*oid, all_parents, &mut dir_trees))
                    .collect()
            },
            |repo, commits| {
                let odb = repo.odb().ok()?;
                let reader = TreeReader::new(repo, &odb, dir, shallow);
                let mut dir_trees = HashMap::new();
                Some(
                    commits
                        .iter()
                        .map(|oid| reader.step(*oid, all_parents, &mut dir_trees))
                        .collect(),
                )
            },
        )
    }

    /// Reads and parses blob versions into the cache, in parallel for more than a few. The
    /// first error in the order given is the one returned, as a one-by-one read would.
    fn parse_blobs(&mut self, wanted: &[((Oid, String), &str)]) -> Result<()> {
        let read_all = |repo: &git2::Repository, wanted: &[((Oid, String), &str)]| {
            let odb = match repo.odb() {
                Ok(odb) => odb,
                Err(e) => return vec![Err(e.into())],
            };
            wanted
                .iter()
                .map(|((oid, _), path)| read_state(repo, &odb, *oid, path))
                .collect::<Vec<_>>()
        };
        let results = in_runs(
            self.repo.path(),
            wanted,
            MIN_BLOBS_PER_RUN,
            |wanted| read_all(self.repo, wanted),
            |repo, wanted| Some(read_all(repo, wanted)),
        );
        for ((key, _), result) in wanted.iter().zip(results) {
            self.cache.insert(key.clone(), result?.map(Rc::new));
        }
        Ok(())
    }

    /// The net changes between two commits (`None`: the empty repository before the first).
    pub fn diff_commits(&mut self, from: Option<Oid>, to: Oid) -> Result<Vec<Change>> {
        let old = match from {
            Some(oid) => self.reader().dir_tree(&self.repo.find_commit(oid)?)?,
            None => None,
        };
        let new = self.reader().dir_tree(&self.repo.find_commit(to)?)?;
        if old == new {
            return Ok(Vec::new());
        }
        self.diff_dir_trees(old, new)
    }

    /// The changes between a commit (`None`: nothing) and the work tree, uncommitted and
    /// untracked files included. Git's index keeps this cheap: only files whose stat data
    /// differ are read.
    pub fn diff_worktree(&mut self, from: Option<Oid>) -> Result<Vec<Change>> {
        let workdir = self
            .repo
            .workdir()
            .ok_or_else(|| Error::usage("a bare repository has no work tree to compare"))?
            .to_path_buf();
        let tree = match from {
            Some(oid) => Some(self.repo.find_commit(oid)?.tree()?),
            None => None,
        };
        let mut opts = git2::DiffOptions::new();
        opts.include_untracked(true)
            .recurse_untracked_dirs(true)
            .skip_binary_check(true);
        if !self.dir.as_os_str().is_empty() {
            opts.pathspec(self.dir.to_string_lossy().as_ref());
        }
        let diff = self
            .repo
            .diff_tree_to_workdir_with_index(tree.as_ref(), Some(&mut opts))?;
        let mut old = Vec::new();
        let mut new = Vec::new();
        for delta in diff.deltas() {
            let old_file = delta.old_file();
            if !old_file.id().is_zero() {
                if let Some(path) = old_file.path() {
                    old.push((path.to_string_lossy().into_owned(), old_file.id()));
                }
            }
            if let Some(path) = delta.new_file().path() {
                let full = workdir.join(path);
                if full.is_file() {
                    new.push((path.to_string_lossy().into_owned(), full));
                }
            }
        }
        let mut before = BTreeMap::new();
        for (path, oid) in old {
            if let Some(state) = self.parse_blob(oid, &path)? {
                before.insert(state.id.clone(), state);
            }
        }
        let mut after = BTreeMap::new();
        for (path, full) in new {
            if !is_postmortem_path(&path) {
                continue;
            }
            let Ok(bytes) = crate::repository::read(&full) else {
                continue;
            };
            if let Some(state) = parse(&bytes, &path) {
                after.insert(state.id.clone(), Rc::new(state));
            }
        }
        Ok(compare_maps(&before, &after))
    }

    /// Every post-mortem file in the folder at `commit`, with its bytes.
    pub fn files_at(&self, commit: Oid) -> Result<Vec<TreeFile>> {
        let mut out = Vec::new();
        let Some(tree) = self.reader().dir_tree(&self.repo.find_commit(commit)?)? else {
            return Ok(out);
        };
        let mut stack = vec![(tree, String::new())];
        while let Some((oid, prefix)) = stack.pop() {
            let tree = self.repo.find_tree(oid)?;
            for entry in tree.iter() {
                let name = String::from_utf8_lossy(entry.name_bytes()).into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let path = join(&prefix, &name);
                match entry.kind() {
                    Some(ObjectType::Tree) => stack.push((entry.id(), path)),
                    Some(ObjectType::Blob) if is_postmortem_path(&path) => {
                        let blob = self.repo.find_blob(entry.id())?;
                        out.push(TreeFile {
                            path,
                            bytes: blob.content().to_vec(),
                        });
                    }
                    _ => {}
                }
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    fn reader(&self) -> TreeReader<'_> {
        TreeReader::new(self.repo, &self.odb, &self.dir, &self.shallow)
    }

    /// Compares two trees of the post-mortem folder: blobs that differ are parsed (once per
    /// blob ID) and the post-mortems compared by ID, so a file moved between folders is no
    /// change.
    fn diff_dir_trees(&mut self, old: Option<Oid>, new: Option<Oid>) -> Result<Vec<Change>> {
        let mut removed = Vec::new();
        let mut added = Vec::new();
        self.reader()
            .diff_trees(old, new, "", &mut removed, &mut added)?;
        self.compare_blobs(removed, added)
    }

    /// Compares the post-mortems in the blobs one side of a comparison had with those the
    /// other side has.
    fn compare_blobs(
        &mut self,
        removed: Vec<(String, Oid)>,
        added: Vec<(String, Oid)>,
    ) -> Result<Vec<Change>> {
        let mut before = BTreeMap::new();
        for (path, oid) in removed {
            if let Some(state) = self.parse_blob(oid, &path)? {
                before.insert(state.id.clone(), state);
            }
        }
        let mut after = BTreeMap::new();
        for (path, oid) in added {
            if let Some(state) = self.parse_blob(oid, &path)? {
                after.insert(state.id.clone(), state);
            }
        }
        Ok(compare_maps(&before, &after))
    }

    /// Parses a blob's front matter, once per blob ID and file stem.
    fn parse_blob(&mut self, oid: Oid, path: &str) -> Result<Parsed> {
        let key = (oid, stem(path).to_string());
        if let Some(hit) = self.cache.get(&key) {
            return Ok(hit.clone());
        }
        let parsed = read_state(self.repo, &self.odb, oid, path)?.map(Rc::new);
        self.cache.insert(key, parsed.clone());
        Ok(parsed)
    }
}

/// Commits per run, and blobs per run, below which a walk is not worth splitting: each run
/// opens its own repository handle (well under a millisecond) and starts with cold caches.
const MIN_COMMITS_PER_RUN: usize = 16;
const MIN_BLOBS_PER_RUN: usize = 16;

/// Cuts `0..len` into consecutive ranges of at least `min` items, a few per thread so a
/// thread that finishes early can take another.
fn runs(len: usize, min: usize) -> Vec<std::ops::Range<usize>> {
    let threads = rayon::current_num_threads();
    if threads < 2 || len < 2 * min {
        return std::iter::once(0..len).collect();
    }
    let count = (len / min).min(threads * 4).max(1);
    let size = len.div_ceil(count);
    (0..len)
        .step_by(size)
        .map(|start| start..(start + size).min(len))
        .collect()
}

/// `items` mapped in order, in runs of at least `min_per_run`: short lists go through `here`
/// (this thread's handle); longer ones are cut into runs read in parallel by `each`, each run
/// through its own handle, since libgit2 handles cannot be shared between threads. Should a
/// handle fail to open (`each` or opening returns `None`), everything goes through `here`.
fn in_runs<I: Sync, T: Send>(
    git_dir: &Path,
    items: &[I],
    min_per_run: usize,
    here: impl FnOnce(&[I]) -> Vec<T>,
    each: impl Fn(&git2::Repository, &[I]) -> Option<Vec<T>> + Sync,
) -> Vec<T> {
    let runs = runs(items.len(), min_per_run);
    if runs.len() < 2 {
        return here(items);
    }
    let parts: Vec<Option<Vec<T>>> = runs
        .into_par_iter()
        .map(|range| {
            let repo = git2::Repository::open(git_dir).ok()?;
            each(&repo, &items[range])
        })
        .collect();
    if parts.iter().any(Option::is_none) {
        return here(items);
    }
    parts.into_iter().flatten().flatten().collect()
}

/// A blob read as a post-mortem's state; `None` when it is no readable post-mortem.
/// Its size is read from the object's header first: a blob larger than any post-mortem (a
/// hostile history may hold a gigabyte under the folder) is never loaded.
fn read_state(
    repo: &git2::Repository,
    odb: &git2::Odb<'_>,
    oid: Oid,
    path: &str,
) -> Result<Option<PostmortemState>> {
    if !fits(odb, oid)? {
        return Ok(None);
    }
    let blob = repo.find_blob(oid)?;
    Ok(parse(blob.content(), path))
}

/// True when the object `oid` is at most [`MAX_FILE_BYTES`], from its header alone.
fn fits(odb: &git2::Odb<'_>, oid: Oid) -> Result<bool> {
    let (size, _) = odb.read_header(oid)?;
    Ok(size as u64 <= MAX_FILE_BYTES)
}

/// What one commit did to the post-mortem folder, before any blob is read.
enum CommitStep {
    /// The folder is as in the parent, or the commit is a merge that `all_parents` skips.
    Unchanged,
    /// The first commit of a shallow clone: its parent is not in the clone.
    ShallowStart(CommitInfo),
    /// The folder changed: the blobs only the parent had and those only this commit has.
    Changed {
        who: CommitInfo,
        removed: Vec<(String, Oid)>,
        added: Vec<(String, Oid)>,
    },
}

type TreeMap<'a> = HashMap<Oid, Rc<RawTree<'a>>>;

/// Trees kept in each of [`TreeReader`]'s two generations.
const TREES_KEPT: usize = 32;

/// The names of a folder path's components, when they are all plain names (`None` sends the
/// lookup to libgit2).
fn plain_components(dir: &Path) -> Option<Vec<&[u8]>> {
    let text = dir.to_str()?;
    if text.is_empty() {
        return Some(Vec::new());
    }
    let parts: Vec<&[u8]> = text.split('/').map(str::as_bytes).collect();
    // A backslash is a separator on Windows, where libgit2's lookup is the one to trust.
    let plain = |p: &&[u8]| !p.is_empty() && *p != b"." && *p != b".." && !p.contains(&b'\\');
    parts.iter().all(plain).then_some(parts)
}

/// Reads folder trees through one libgit2 handle.
struct TreeReader<'a> {
    repo: &'a git2::Repository,
    odb: &'a git2::Odb<'a>,
    dir: &'a Path,
    /// The folder path's names, when they are all plain names.
    dir_parts: Option<Vec<&'a [u8]>>,
    shallow: &'a HashSet<Oid>,
    /// Recently read trees, the most recent first: on a linear walk a commit's trees are the
    /// next commit's parent trees, and libgit2 does not cache trees as large as a year folder.
    trees: RefCell<(TreeMap<'a>, TreeMap<'a>)>,
}

impl<'a> TreeReader<'a> {
    fn new(
        repo: &'a git2::Repository,
        odb: &'a git2::Odb<'a>,
        dir: &'a Path,
        shallow: &'a HashSet<Oid>,
    ) -> Self {
        TreeReader {
            repo,
            odb,
            dir,
            dir_parts: plain_components(dir),
            shallow,
            trees: RefCell::new((HashMap::new(), HashMap::new())),
        }
    }

    /// What `oid` changed compared with its first parent. `dir_trees` remembers the folder
    /// trees of the commits already seen, which are usually the next commits' parents.
    fn step(
        &self,
        oid: Oid,
        all_parents: bool,
        dir_trees: &mut HashMap<Oid, Option<Oid>>,
    ) -> Result<CommitStep> {
        let commit = self.repo.find_commit(oid)?;
        let tree = self.dir_tree(&commit)?;
        dir_trees.insert(oid, tree);
        let parent_tree = if commit.parent_count() == 0 {
            if self.shallow.contains(&oid) {
                // The clone has this commit's tree but not what came before it.
                return Ok(CommitStep::ShallowStart(info(&commit)));
            }
            None
        } else {
            if all_parents && commit.parent_count() > 1 {
                return Ok(CommitStep::Unchanged);
            }
            let parent_id = commit.parent_id(0)?;
            match dir_trees.get(&parent_id) {
                Some(t) => *t,
                None => self.dir_tree(&self.repo.find_commit(parent_id)?)?,
            }
        };
        if parent_tree == tree {
            return Ok(CommitStep::Unchanged);
        }
        let mut removed = Vec::new();
        let mut added = Vec::new();
        self.diff_trees(parent_tree, tree, "", &mut removed, &mut added)?;
        Ok(CommitStep::Changed {
            who: info(&commit),
            removed,
            added,
        })
    }

    /// The post-mortem folder's tree at a commit. A folder path of plain names is looked up in
    /// the trees' bytes, as each tree on the way is needed again by the comparison; anything
    /// else (`.`, `..`, doubled or trailing slashes) is left to libgit2's own lookup.
    fn dir_tree(&self, commit: &git2::Commit<'_>) -> Result<Option<Oid>> {
        let Some(parts) = &self.dir_parts else {
            let tree = commit.tree()?;
            return match tree.get_path(self.dir) {
                Ok(entry) if entry.kind() == Some(ObjectType::Tree) => Ok(Some(entry.id())),
                Ok(_) => Ok(None),
                Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
                Err(e) => Err(e.into()),
            };
        };
        let mut id = commit.tree_id();
        let mut tree = self.tree(id)?;
        for part in parts {
            let Some(entry) = tree.find(part) else {
                return Ok(None);
            };
            if entry.kind() != ObjectType::Tree {
                return Ok(None);
            }
            id = Oid::from_bytes(entry.id)?;
            tree = self.tree(id)?;
        }
        Ok(Some(id))
    }

    /// Collects the post-mortem blobs that differ between two trees: those only in (or changed
    /// in) `old` go to `removed`, those only in (or changed in) `new` to `added`. Entries are
    /// walked side by side in git's own order, straight from the tree objects' bytes; an entry
    /// whose bytes (mode, name and ID) are the same on both sides is passed over at the cost of
    /// one comparison, and equal IDs are never read.
    fn diff_trees(
        &self,
        old: Option<Oid>,
        new: Option<Oid>,
        prefix: &str,
        removed: &mut Vec<(String, Oid)>,
        added: &mut Vec<(String, Oid)>,
    ) -> Result<()> {
        if old == new {
            return Ok(());
        }
        let old_tree = old.map(|o| self.tree(o)).transpose()?;
        let new_tree = new.map(|o| self.tree(o)).transpose()?;
        let old_len = old_tree.as_ref().map_or(0, |t| t.len());
        let new_len = new_tree.as_ref().map_or(0, |t| t.len());
        let (mut i, mut j) = (0, 0);
        while i < old_len || j < new_len {
            let a = old_tree
                .as_deref()
                .filter(|_| i < old_len)
                .map(|t| t.entry(i));
            let b = new_tree
                .as_deref()
                .filter(|_| j < new_len)
                .map(|t| t.entry(j));
            let order = match (&a, &b) {
                (Some(a), Some(b)) if a.bytes == b.bytes => {
                    i += 1;
                    j += 1;
                    continue;
                }
                (Some(a), Some(b)) => git_order(a, b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => break,
            };
            match order {
                Ordering::Equal => {
                    i += 1;
                    j += 1;
                    let (Some(a), Some(b)) = (a, b) else { continue };
                    if a.id != b.id {
                        self.entry_changed(Some(&a), Some(&b), prefix, removed, added)?;
                    }
                }
                Ordering::Less => {
                    i += 1;
                    self.entry_changed(a.as_ref(), None, prefix, removed, added)?;
                }
                Ordering::Greater => {
                    j += 1;
                    self.entry_changed(None, b.as_ref(), prefix, removed, added)?;
                }
            }
        }
        Ok(())
    }

    fn tree(&self, oid: Oid) -> Result<Rc<RawTree<'a>>> {
        let mut trees = self.trees.borrow_mut();
        let (recent, older) = &mut *trees;
        if let Some(tree) = recent.get(&oid) {
            return Ok(Rc::clone(tree));
        }
        let tree = match older.remove(&oid) {
            Some(tree) => tree,
            None => Rc::new(RawTree::read(self.repo, self.odb, oid)?),
        };
        if recent.len() >= TREES_KEPT {
            *older = std::mem::take(recent);
        }
        recent.insert(oid, Rc::clone(&tree));
        Ok(tree)
    }

    fn entry_changed(
        &self,
        old: Option<&RawEntry<'_>>,
        new: Option<&RawEntry<'_>>,
        prefix: &str,
        removed: &mut Vec<(String, Oid)>,
        added: &mut Vec<(String, Oid)>,
    ) -> Result<()> {
        let Some(name_bytes) = old.or(new).map(|e| e.name) else {
            return Ok(());
        };
        if name_bytes.starts_with(b".") {
            return Ok(());
        }
        let path = join(prefix, &String::from_utf8_lossy(name_bytes));
        let id_of = |e: Option<&RawEntry<'_>>, kind: ObjectType| {
            e.filter(|e| e.kind() == kind)
                .map(|e| Oid::from_bytes(e.id))
                .transpose()
        };
        let (old_tree, new_tree) = (id_of(old, ObjectType::Tree)?, id_of(new, ObjectType::Tree)?);
        if old_tree.is_some() || new_tree.is_some() {
            self.diff_trees(old_tree, new_tree, &path, removed, added)?;
        }
        if is_postmortem_path(&path) {
            if let Some(oid) = id_of(old, ObjectType::Blob)? {
                removed.push((path.clone(), oid));
            }
            if let Some(oid) = id_of(new, ObjectType::Blob)? {
                added.push((path, oid));
            }
        }
        Ok(())
    }
}

fn compare_maps(
    before: &BTreeMap<String, Rc<PostmortemState>>,
    after: &BTreeMap<String, Rc<PostmortemState>>,
) -> Vec<Change> {
    let mut ids: Vec<&String> = before.keys().chain(after.keys()).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .flat_map(|id| {
            compare_postmortem(before.get(id).map(|s| &**s), after.get(id).map(|s| &**s))
        })
        .collect()
}

fn parse(bytes: &[u8], path: &str) -> Option<PostmortemState> {
    PostmortemState::read(bytes, stem(path))
}

fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".md").unwrap_or(name)
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}/{name}")
    }
}

/// The same files `pm list` reads: Markdown, not README/index, not `_` or `.` names.
fn is_postmortem_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(".md")
        && !name.starts_with('_')
        && !name.starts_with('.')
        && !name.eq_ignore_ascii_case("README.md")
        && !name.eq_ignore_ascii_case("index.md")
}

fn info(commit: &git2::Commit<'_>) -> CommitInfo {
    let author = commit.author();
    let when = author.when();
    let offset =
        FixedOffset::east_opt(when.offset_minutes() * 60).unwrap_or_else(|| chrono::Utc.fix());
    let date = DateTime::from_timestamp(when.seconds(), 0)
        .map(|t| {
            t.with_timezone(&offset)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        })
        .unwrap_or_default();
    CommitInfo {
        commit: commit.id().to_string(),
        author: String::from_utf8_lossy(author.name_bytes()).into_owned(),
        email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        date,
        summary: commit
            .summary()
            .ok()
            .flatten()
            .unwrap_or_default()
            .to_string(),
    }
}

/// `dir` relative to the work-tree root (symbolic links in either path resolved).
fn relative_to_workdir(repo: &Repo, dir: &Path) -> Result<PathBuf> {
    let Some(workdir) = repo.workdir() else {
        return Ok(dir.to_path_buf());
    };
    if dir.is_relative() {
        return Ok(dir.to_path_buf());
    }
    if let Ok(rel) = dir.strip_prefix(workdir) {
        return Ok(rel.to_path_buf());
    }
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (dir_c, work_c) = (canonical(dir), canonical(workdir));
    // The folder may not exist yet: resolve its parent instead.
    let dir_c = if dir.exists() {
        dir_c
    } else {
        match (dir.parent(), dir.file_name()) {
            (Some(parent), Some(name)) => canonical(parent).join(name),
            _ => dir_c,
        }
    };
    dir_c
        .strip_prefix(&work_c)
        .map(Path::to_path_buf)
        .map_err(|_| {
            Error::usage(format!(
                "the post-mortem folder {} is outside the repository at {}",
                dir.display(),
                workdir.display()
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_folder_paths_are_looked_up_by_hand() {
        fn parts(p: &str) -> Option<Vec<&[u8]>> {
            plain_components(Path::new(p))
        }
        assert_eq!(parts("postmortems"), Some(vec![&b"postmortems"[..]]));
        assert_eq!(parts("docs/pm"), Some(vec![&b"docs"[..], &b"pm"[..]]));
        assert_eq!(parts(""), Some(Vec::new()));
        for odd in ["a//b", "a/", "./a", "a/../b", "a\\b"] {
            assert_eq!(parts(odd), None, "{odd}");
        }
    }
}
