//! Post-mortem files as git holds them: the staged content (index blobs) for the pre-commit
//! hook, and the files changed in a revision range for CI and server-side hooks.
//!
//! Nothing here reads the working tree's post-mortems: the hook must judge what will be
//! committed (a partially staged file by its staged half), and a server has no working tree.
//! Nothing here writes either: a blocked commit leaves the index and the working tree as they were.

use super::Repo;
use crate::checks::{KnownIds, SourceFile};
use crate::config::{self, Config};
use crate::document::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use crate::repository::is_postmortem_name;
use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

/// What `pm check --staged` / `--rev-range` checks.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The added or modified post-mortems, with paths relative to the configuration root.
    pub files: Vec<SourceFile>,
    /// Every post-mortem ID in the same tree (index or revision B) with its path, for the
    /// duplicate-ID rule: (id, path).
    pub known_ids: KnownIds,
    /// The configuration read from the tree itself, where there is no work tree to read it
    /// from (a bare repository): `pm.toml` at revision B.
    pub config: Option<Config>,
}

/// Where the post-mortems sit inside the repository, as git spells paths: `/`-separated,
/// relative to the top of the tree, no trailing slash (`""` is the top itself).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    /// The post-mortem folder.
    dir: String,
    /// The configuration root (the folder of `pm.toml`): reported paths are relative to it.
    root: String,
}

impl Layout {
    /// The ID (file stem) of the post-mortem at `path` (a path in the tree), or `None` when
    /// `path` is not a post-mortem under the folder.
    fn id_of<'p>(&self, path: &'p str) -> Option<&'p str> {
        let rest = path.strip_prefix(self.dir.as_str())?.strip_prefix('/')?;
        // No part of the path below the folder may be hidden. This runs once per index
        // entry, 10,000 times in a large repository: the name (most of the path) is found
        // with one vectorised search from the end, and only the folders before it are
        // walked byte by byte (the name itself is checked below).
        let bytes = rest.as_bytes();
        let name_start = memchr::memrchr(b'/', bytes).map_or(0, |slash| slash + 1);
        let folders = &bytes[..name_start];
        if folders.first() == Some(&b'.') || folders.windows(2).any(|pair| pair == b"/.") {
            return None;
        }
        let name = &rest[name_start..];
        is_postmortem_name(name).then(|| name.strip_suffix(".md").unwrap_or(name))
    }

    /// True when `path` (a path in the tree) is a post-mortem under the folder.
    fn holds(&self, path: &str) -> bool {
        self.id_of(path).is_some()
    }

    /// `path` as reports show it: relative to the configuration root.
    fn shown<'p>(&self, path: &'p str) -> &'p str {
        if self.root.is_empty() {
            return path;
        }
        path.strip_prefix(self.root.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(path)
    }

    /// [`Layout::shown`], owned.
    fn display(&self, path: &str) -> String {
        self.shown(path).to_string()
    }
}

/// `path` as a tree path (`a/b/c`), refusing anything that is not plain folder names.
fn tree_path(path: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part.to_str()?.to_string()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// Works out the layout in a repository with a work tree. `dir` is the post-mortem folder,
/// absolute (as `Located::postmortem_dir` gives it) or relative to the work-tree root; the
/// configuration root is the nearest folder above it that holds `pm.toml`, else the top.
fn worktree_layout(workdir: &Path, dir: &Path) -> Result<Layout> {
    let relative = if dir.is_absolute() {
        strip_root(dir, workdir).ok_or_else(|| {
            Error::usage(format!(
                "the post-mortem folder {} is outside the work tree {}",
                dir.display(),
                workdir.display()
            ))
        })?
    } else {
        dir.to_path_buf()
    };
    let relative = resolve_link(workdir, &relative)?;
    let dir = tree_path(&relative).ok_or_else(|| {
        Error::usage(format!(
            "the post-mortem folder {} must be a plain folder path inside the repository",
            relative.display()
        ))
    })?;
    let mut root = String::new();
    let mut candidate = dir.as_str();
    while let Some(cut) = candidate.rfind('/') {
        candidate = &candidate[..cut];
        if workdir.join(candidate).join(config::FILE_NAME).is_file() {
            root = candidate.to_string();
            break;
        }
    }
    Ok(Layout { dir, root })
}

/// The post-mortem folder as git knows it when the folder (or a folder above it) is a
/// symbolic link: git tracks the files at the link's target, so that is where staged
/// post-mortems are. A link that leaves the work tree is refused: git tracks nothing behind
/// it, and a hook that checked nothing would look like one that passed.
fn resolve_link(workdir: &Path, relative: &Path) -> Result<PathBuf> {
    let full = workdir.join(relative);
    let (Ok(resolved), Ok(top)) = (full.canonicalize(), workdir.canonicalize()) else {
        // Not there yet (nothing to check) or unreadable: the plain path.
        return Ok(relative.to_path_buf());
    };
    match resolved.strip_prefix(&top) {
        Ok(inside) => Ok(inside.to_path_buf()),
        Err(_) => Err(Error::usage(format!(
            "the post-mortem folder {} is a symbolic link to {}, outside the repository: git \
             tracks no file there, so nothing could be checked; move the folder into the \
             repository (or point repo.dir in pm.toml at a folder inside it)",
            relative.display(),
            resolved.display()
        ))),
    }
}

/// `path` relative to `root`, trying the paths as given and then with symbolic links resolved
/// (a temporary folder reached through a link is common on macOS).
fn strip_root(path: &Path, root: &Path) -> Option<PathBuf> {
    if let Ok(rest) = path.strip_prefix(root) {
        return Some(rest.to_path_buf());
    }
    let root = root.canonicalize().ok()?;
    // The folder itself may not exist yet; resolve its nearest existing ancestor.
    let mut existing = path;
    let mut tail = Vec::new();
    while !existing.exists() {
        tail.push(existing.file_name()?.to_os_string());
        existing = existing.parent()?;
    }
    let mut resolved = existing.canonicalize().ok()?;
    for part in tail.iter().rev() {
        resolved.push(part);
    }
    resolved.strip_prefix(&root).ok().map(Path::to_path_buf)
}

/// The index git will commit from. `git commit -a`, `git commit --only PATH` and friends build
/// a temporary index and name it in `GIT_INDEX_FILE` for the hooks; libgit2 does not read that
/// variable, so it is honoured here.
fn commit_index(repo: &Repo) -> Result<git2::Index> {
    if let Some(file) = std::env::var_os("GIT_INDEX_FILE").filter(|f| !f.is_empty()) {
        let path = PathBuf::from(file);
        // Git passes a path relative to where it runs the hook: the top of the work tree.
        let path = match repo.workdir() {
            Some(workdir) if path.is_relative() => workdir.join(path),
            _ => path,
        };
        return git2::Index::open(&path).map_err(|e| {
            Error::Git(format!(
                "cannot read the index {} named by GIT_INDEX_FILE: {}",
                path.display(),
                e.message()
            ))
        });
    }
    Ok(repo.raw().index()?)
}

/// Reads a blob, refusing one larger than any post-mortem before loading it.
fn read_blob(repo: &Repo, oid: git2::Oid, display: &str, what: &str) -> Result<Vec<u8>> {
    let odb = repo.raw().odb()?;
    let (size, _) = odb.read_header(oid)?;
    if size as u64 > MAX_FILE_BYTES {
        return Err(Error::input(
            display,
            format!(
                "the {what} file is {size} bytes; pm reads post-mortems up to {MAX_FILE_BYTES} bytes"
            ),
        ));
    }
    Ok(repo.raw().find_blob(oid)?.content().to_vec())
}

fn is_file_mode(mode: u32) -> bool {
    // Regular and executable files; not symbolic links (they could point anywhere) nor
    // submodules.
    mode & 0o170000 == 0o100000
}

/// A path git stores as bytes, as text. Checked as UTF-8 first: that is one fast pass where
/// the lossy conversion works character by character, and this runs once per index entry.
fn path_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
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
    // Like git, trust the object store on reads; libgit2 would otherwise re-hash every tree
    // it loads.
    git2::opts::strict_hash_verification(false);
    let head_tree = match repo.raw().head() {
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
    let staged = match index_file(repo).and_then(|path| index_entries(&path, &layout)) {
        Some(mut read) => {
            if !read.sparse_dirs.is_empty() {
                read.entries = expand_sparse_dirs(repo, &layout, &read.sparse_dirs, read.entries)?;
            }
            staged_from_entries(
                repo,
                &layout,
                head_tree.as_ref(),
                read.entries,
                read.cache_tree.as_ref(),
            )?
        }
        // libgit2 cannot read every index git writes (a split index, for one); git can.
        None => staged_through_libgit2(repo, &layout, head_tree.as_ref())
            .or_else(|e| staged_through_git(repo, &layout).map_err(|_| e))?,
    };
    let (mut changed, known_ids) = staged;
    let mut files = Vec::with_capacity(changed.len());
    changed.sort();
    for (display, oid) in changed {
        let bytes = read_blob(repo, oid, &display, "staged")?;
        files.push(SourceFile {
            path: display,
            bytes,
        });
    }
    Ok(Snapshot {
        files,
        known_ids,
        config: None,
    })
}

/// (changed post-mortems as (shown path, blob), known IDs).
type Staged = (Vec<(String, git2::Oid)>, KnownIds);

/// The index file the commit is built from (see [`commit_index`]).
fn index_file(repo: &Repo) -> Option<PathBuf> {
    match std::env::var_os("GIT_INDEX_FILE").filter(|f| !f.is_empty()) {
        Some(file) => {
            let path = PathBuf::from(file);
            Some(match repo.workdir() {
                Some(workdir) if path.is_relative() => workdir.join(path),
                _ => path,
            })
        }
        None => Some(repo.git_dir().join("index")),
    }
}

/// `git add -N` marks an entry as to be added later: git commits nothing for it, so neither
/// is it checked.
const INTENT_TO_ADD: u16 = 1 << 13;

/// The stage-0 regular-file post-mortems of the index, in byte order of their paths.
///
/// Their IDs and shown paths are kept as the snapshot's known IDs, one buffer for all of
/// them, rather than as a `String` per entry: the hook reads 10,000 entries to check one.
#[derive(Default)]
struct IndexEntries {
    /// (id, shown path) of each entry.
    known: KnownIds,
    /// (staged blob, mode) of each entry, in the same order.
    blobs: Vec<(git2::Oid, u32)>,
}

/// What [`index_entries`] reads from the index file.
struct IndexRead {
    /// The stage-0 post-mortem entries, in the index's (byte) order.
    entries: IndexEntries,
    /// The folders a sparse index keeps as trees.
    sparse_dirs: Vec<SparseDir>,
    /// The valid cache-tree folders at or under the post-mortem folder, when the index has a
    /// cache-tree this reader trusts (see [`read_cache_tree`]).
    cache_tree: Option<CacheTree>,
}

/// Reads the post-mortem entries straight from the index file (format versions 2 to 4).
///
/// libgit2 reads every entry into its own structures and verifies the file's SHA-1 first,
/// which with 10,000 post-mortems costs more than the whole hook may take; git itself does
/// not verify that checksum on reads either. Only entries under the folder are kept. Anything
/// this reader does not handle (a split index, an unknown version, a SHA-256 repository, a
/// damaged file) returns `None`, and libgit2 reads the index instead.
///
/// A sparse index (`git sparse-checkout --sparse-index`) holds a folder outside the checkout
/// as one entry naming a tree; libgit2 refuses such an index (`unsupported mandatory
/// extension: 'sdir'`), so those folders are returned as (folder path with its trailing `/`,
/// tree) for [`expand_sparse_dirs`].
fn index_entries(path: &Path, layout: &Layout) -> Option<IndexRead> {
    let file = std::fs::File::open(path).ok()?;
    // Mapped rather than read: reading copies the whole file (1.4 MB with 10,000 entries) into
    // fresh heap pages, a page fault each, where the mapping shares the kernel's cached pages.
    // SAFETY: the mapped file must not change while it is read. Git never rewrites an index in
    // place: it writes `index.lock` and renames it over the index, so a git running meanwhile
    // replaces the file while this mapping keeps the old one. Git maps the index the same way.
    let data = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    if data.len() < 12 + HASH || &data[..4] != b"DIRC" {
        return None;
    }
    let version = u32::from_be_bytes(data[4..8].try_into().ok()?);
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = u32::from_be_bytes(data[8..12].try_into().ok()?) as usize;
    let body = &data[..data.len() - HASH];
    let prefix = format!("{}/", layout.dir);
    // Room for every entry: the paths are fewer bytes than the file that holds them.
    let mut entries = IndexEntries {
        known: KnownIds::with_capacity(count, body.len()),
        blobs: Vec::with_capacity(count),
    };
    let mut sparse_dirs = Vec::new();
    let mut at = 12;
    // Version 4 spells each path as a cut of the previous one plus a suffix.
    let mut previous: Vec<u8> = Vec::new();
    // The path of the previous entry (versions 2 and 3).
    let mut last: &[u8] = &[];
    for _ in 0..count {
        let start = at;
        let fixed = body.get(at..at + 62)?;
        let mode = u32::from_be_bytes(fixed[24..28].try_into().ok()?);
        let oid = &fixed[40..60];
        let flags = u16::from_be_bytes(fixed[60..62].try_into().ok()?);
        at += 62;
        let mut intent_to_add = false;
        if flags & 0x4000 != 0 {
            if version < 3 {
                return None;
            }
            let extended = u16::from_be_bytes(body.get(at..at + 2)?.try_into().ok()?);
            intent_to_add = extended & INTENT_TO_ADD != 0;
            at += 2;
        }
        let name: &[u8] = if version == 4 {
            let (strip, used) = read_offset_varint(body.get(at..)?)?;
            at += used;
            let end = at + body.get(at..)?.iter().position(|&b| b == 0)?;
            let keep = previous.len().checked_sub(strip)?;
            // Git keeps the entries in byte order of their paths (and refuses an index that
            // is not): the comparison with HEAD below relies on it, so an index out of order
            // is left to libgit2. The part kept from the previous path is the same in both.
            if body[at..end] < previous[keep..] {
                return None;
            }
            previous.truncate(keep);
            previous.extend_from_slice(&body[at..end]);
            at = end + 1;
            &previous
        } else {
            let name_start = at;
            let end = at + memchr::memchr(0, body.get(at..)?)?;
            // Entries are padded with 1 to 8 NULs to a multiple of eight bytes.
            at = start + ((end - start) + 8) / 8 * 8;
            let name = &body[name_start..end];
            if name < last {
                return None;
            }
            last = name;
            name
        };
        let stage = (flags >> 12) & 0x3;
        if mode & 0o170000 == 0o040000 {
            // A folder of a sparse index: it matters when it holds the post-mortem folder
            // or lies inside it.
            if stage == 0
                && (prefix.as_bytes().starts_with(name) || name.starts_with(prefix.as_bytes()))
            {
                sparse_dirs.push((
                    path_text(name).into_owned(),
                    git2::Oid::from_bytes(oid).ok()?,
                ));
            }
            continue;
        }
        if stage != 0
            || intent_to_add
            || !is_file_mode(mode)
            || !name.starts_with(prefix.as_bytes())
        {
            continue;
        }
        let path = path_text(name);
        if let Some(id) = layout.id_of(&path) {
            entries.known.push(id, layout.shown(&path));
            entries.blobs.push((git2::Oid::from_bytes(oid).ok()?, mode));
        }
    }
    // Extensions, each a 4-byte signature and a 4-byte size. A split index keeps its entries
    // in another file: libgit2 reads that. The cache-tree is used only when nothing else in
    // the file could change what the entries mean: an extension git requires readers to
    // understand (a lower-case signature, like a sparse index's `sdir`) turns it off.
    let mut cache_tree = None;
    let mut trust_cache_tree = sparse_dirs.is_empty();
    while at + 8 <= body.len() {
        let signature = &body[at..at + 4];
        let size = u32::from_be_bytes(body[at + 4..at + 8].try_into().ok()?) as usize;
        if signature == b"link" {
            return None;
        }
        let payload = at
            .checked_add(8 + size)
            .and_then(|end| body.get(at + 8..end));
        if signature == b"TREE" {
            cache_tree = payload.and_then(|payload| read_cache_tree(payload, &layout.dir));
        } else if !signature[0].is_ascii_uppercase() {
            trust_cache_tree = false;
        }
        at = at.checked_add(8 + size)?;
    }
    Some(IndexRead {
        entries,
        sparse_dirs,
        cache_tree: cache_tree.filter(|_| trust_cache_tree),
    })
}

/// Object ids in the index (SHA-1). libgit2 as built here opens no SHA-256 repository, so a
/// 32-byte index never reaches this reader; if one did, its entries would not parse and
/// libgit2 would be asked instead.
const HASH: usize = 20;

/// The valid folders of the index's cache-tree at or under the post-mortem folder:
/// (path as git spells it, the tree id the index's entries under it make).
type CacheTree = std::collections::HashMap<String, git2::Oid>;

/// Reads the index's cache-tree (`TREE` extension) for the folders at or under `dir`.
///
/// Git keeps, for each folder, the tree id its index entries make, and marks a folder invalid
/// (entry count -1) the moment an entry under it changes; `git commit` writes a valid folder's
/// tree id as it is, without looking at its entries. So a valid folder whose id equals HEAD's
/// for the same folder has nothing staged under it, and its HEAD tree need not be read.
///
/// The payload is the folders in pre-order, each: name NUL, entry count (ASCII, -1 when
/// invalid) SP, subfolder count (ASCII) LF, then the 20-byte id when valid. Anything that does
/// not read exactly so returns `None`: then every folder is compared.
fn read_cache_tree(payload: &[u8], dir: &str) -> Option<CacheTree> {
    let mut valid = CacheTree::new();
    let wanted = |path: &str| {
        dir.is_empty()
            || path
                .strip_prefix(dir)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    // (folder path, subfolders still to read) from the top down to the current folder.
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut at = 0;
    let mut top = true;
    loop {
        // The parent folder's path; `None` for the top folder.
        let parent = if top {
            top = false;
            None
        } else {
            // Close the folders whose subfolders are all read.
            while open.last().is_some_and(|(_, left)| *left == 0) {
                open.pop();
            }
            let (parent, left) = open.last_mut()?;
            *left -= 1;
            Some(parent.clone())
        };
        let rest = payload.get(at..)?;
        let name_end = rest.iter().position(|&b| b == 0)?;
        let name = std::str::from_utf8(&rest[..name_end]).ok()?;
        let counts_end =
            name_end + 1 + rest.get(name_end + 1..)?.iter().position(|&b| b == b'\n')?;
        let counts = std::str::from_utf8(&rest[name_end + 1..counts_end]).ok()?;
        let (entry_count, subtrees) = counts.split_once(' ')?;
        let entry_count: i64 = entry_count.parse().ok()?;
        let subtrees: usize = subtrees.parse().ok()?;
        at += counts_end + 1;
        // Only the top folder has no name; no other is named `.` or `..` or holds a `/`.
        let path = match parent {
            None if name.is_empty() => String::new(),
            None => return None,
            Some(_) if name.is_empty() || name == "." || name == ".." || name.contains('/') => {
                return None
            }
            Some(parent) if parent.is_empty() => name.to_string(),
            Some(parent) => format!("{parent}/{name}"),
        };
        if entry_count >= 0 {
            let id = git2::Oid::from_bytes(payload.get(at..at + HASH)?).ok()?;
            at += HASH;
            if wanted(&path) {
                valid.insert(path.clone(), id);
            }
        } else if entry_count != -1 {
            return None;
        }
        open.push((path, subtrees));
        if open.iter().all(|(_, left)| *left == 0) {
            break;
        }
    }
    (at == payload.len()).then_some(valid)
}

/// A folder entry of a sparse index: (its path, ending in `/`; the tree it stands for).
type SparseDir = (String, git2::Oid);

/// Adds the post-mortems inside the folders a sparse index keeps as trees: their staged
/// content is the tree's, exactly as git would commit it.
fn expand_sparse_dirs(
    repo: &Repo,
    layout: &Layout,
    sparse_dirs: &[SparseDir],
    entries: IndexEntries,
) -> Result<IndexEntries> {
    // (shown path, id, blob, mode); a sparse index is rare, and one String each is fine here.
    let mut all: Vec<(String, String, git2::Oid, u32)> = entries
        .known
        .iter()
        .zip(entries.blobs)
        .map(|((id, path), (oid, mode))| (path.to_string(), id.to_string(), oid, mode))
        .collect();
    for (folder, oid) in sparse_dirs {
        let tree = repo.raw().find_tree(*oid)?;
        tree.walk(git2::TreeWalkMode::PreOrder, |parent, entry| {
            if entry.kind() == Some(git2::ObjectType::Blob) {
                let path = format!(
                    "{folder}{parent}{}",
                    String::from_utf8_lossy(entry.name_bytes())
                );
                let mode = entry.filemode() as u32;
                if let Some(id) = layout.id_of(&path).filter(|_| is_file_mode(mode)) {
                    all.push((layout.display(&path), id.to_string(), entry.id(), mode));
                }
            }
            git2::TreeWalkResult::Ok
        })?;
    }
    all.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut sorted = IndexEntries::default();
    for (path, id, oid, mode) in all {
        sorted.known.push(&id, &path);
        sorted.blobs.push((oid, mode));
    }
    Ok(sorted)
}

/// The variable-length integer of index version 4 (the same as git's offset deltas).
fn read_offset_varint(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut used = 0;
    let mut byte = *bytes.get(used)?;
    used += 1;
    let mut value = usize::from(byte & 0x7f);
    while byte & 0x80 != 0 {
        byte = *bytes.get(used)?;
        used += 1;
        value = value.checked_add(1)?.checked_mul(128)? | usize::from(byte & 0x7f);
    }
    Some((value, used))
}

/// Compares the index entries with HEAD's tree under the folder.
///
/// With a cache-tree, a folder whose valid id equals HEAD's is skipped whole: its HEAD tree is
/// not read and its entries are not compared (they still count as known IDs). The other
/// folders, and every folder when there is no cache-tree, are read from HEAD and compared
/// entry by entry.
///
/// Paths are compared as reports show them (relative to the configuration root): every path
/// here lies under the folder, so they all lose the same leading part and keep their order.
fn staged_from_entries(
    repo: &Repo,
    layout: &Layout,
    head_tree: Option<&git2::Tree<'_>>,
    entries: IndexEntries,
    cache_tree: Option<&CacheTree>,
) -> Result<Staged> {
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
                    for entry in repo.raw().find_tree(id)?.iter() {
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
    for ((_, path), &(oid, mode)) in entries.known.iter().zip(&entries.blobs) {
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
    Ok((changed, entries.known))
}

/// The same comparison through libgit2, for indexes the direct reader leaves to it.
fn staged_through_libgit2(
    repo: &Repo,
    layout: &Layout,
    head_tree: Option<&git2::Tree<'_>>,
) -> Result<Staged> {
    let index = commit_index(repo)?;
    let mut known_ids = KnownIds::new();
    for entry in index.iter() {
        let stage = (entry.flags >> 12) & 0x3;
        if stage != 0 || !is_file_mode(entry.mode) || entry.flags_extended & INTENT_TO_ADD != 0 {
            continue;
        }
        let path = path_text(&entry.path);
        if let Some(id) = layout.id_of(&path) {
            known_ids.push(id, layout.shown(&path));
        }
    }
    let mut options = folder_diff_options(&layout.dir);
    let diff = repo
        .raw()
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
    Ok((changed, known_ids))
}

/// The same comparison through the `git` command, for an index libgit2 cannot read: a split
/// index (`git update-index --split-index`, `core.splitIndex`) makes libgit2 fail with
/// "unsupported mandatory extension: 'link'", which would stop every commit. The command sees
/// `GIT_INDEX_FILE` as the hook does.
fn staged_through_git(repo: &Repo, layout: &Layout) -> Result<Staged> {
    let run = |args: &[&str]| -> Result<Vec<u8>> {
        let out = repo
            .git()
            .args(args)
            .output()
            .map_err(|e| Error::Git(format!("cannot run git to read the index: {e}")))?;
        if !out.status.success() {
            return Err(Error::Git(format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        Ok(out.stdout)
    };
    let dir = if layout.dir.is_empty() {
        "."
    } else {
        layout.dir.as_str()
    };
    // `<mode> <id> <stage>\t<path>`, NUL-terminated.
    let listing = run(&["ls-files", "--stage", "-z", "--", dir])?;
    let mut staged_ids = std::collections::HashMap::new();
    let mut known_ids = KnownIds::new();
    for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(tab) = record.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&record[..tab]);
        let mut parts = meta.split(' ');
        let (Some(mode), Some(oid), Some("0")) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let (Ok(mode), Ok(oid)) = (u32::from_str_radix(mode, 8), git2::Oid::from_str(oid)) else {
            continue;
        };
        let path = path_text(&record[tab + 1..]);
        if !is_file_mode(mode) {
            continue;
        }
        if let Some(id) = layout.id_of(&path) {
            known_ids.push(id, layout.shown(&path));
            staged_ids.insert(path.into_owned(), oid);
        }
    }
    // What brings new content, as `brings_new_content` says: added (renamed and copied files
    // count as added without rename detection), modified, or changed in type.
    let names = run(&[
        "diff",
        "--cached",
        "--name-only",
        "-z",
        "--no-renames",
        "--diff-filter=AMT",
        "--",
        dir,
    ])?;
    let mut changed = Vec::new();
    for path in names.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = path_text(path);
        if let Some(oid) = staged_ids.get(path.as_ref()) {
            changed.push((layout.display(&path), *oid));
        }
    }
    Ok((changed, known_ids))
}

/// Post-mortems under `dir` added or modified in `range` (`A..B`, or `A...B` for the changes
/// on B since it forked from A), at their state in B. Renamed files count as modified.
///
/// In a bare repository (a server's `pre-receive` hook) there is no work tree to hold
/// `pm.toml`: it is read from B's tree into [`Snapshot::config`], and its `repo.dir` decides
/// the folder.
pub fn rev_range(repo: &Repo, range: &str, dir: &Path) -> Result<Snapshot> {
    let raw = repo.raw();
    see_quarantined_objects(repo)?;
    let (from, to) = resolve_range(repo, range)?;
    let to_tree = to.tree()?;
    let from_tree = match &from {
        Some(commit) => Some(commit.tree()?),
        None => None,
    };

    let (layout, config) = match repo.workdir() {
        Some(workdir) => (worktree_layout(workdir, dir)?, None),
        None => {
            let config = config_at(repo, &to_tree, range)?;
            let dir = match &config {
                Some(config) => config.repo.dir.clone(),
                None => match tree_path(dir).filter(|_| dir.is_relative()) {
                    Some(dir) if !dir.is_empty() => dir,
                    _ => Config::default().repo.dir,
                },
            };
            (
                Layout {
                    dir,
                    root: String::new(),
                },
                config,
            )
        }
    };

    let mut known_ids = KnownIds::new();
    if let Ok(entry) = to_tree.get_path(Path::new(&layout.dir)) {
        let folder = raw.find_tree(entry.id())?;
        let mut path = String::new();
        folder.walk(git2::TreeWalkMode::PreOrder, |parent, entry| {
            if entry.kind() == Some(git2::ObjectType::Blob) && is_file_mode(entry.filemode() as u32)
            {
                path.clear();
                path.push_str(&layout.dir);
                path.push('/');
                path.push_str(parent);
                path.push_str(&path_text(entry.name_bytes()));
                if let Some(id) = layout.id_of(&path) {
                    known_ids.push(id, layout.shown(&path));
                }
            }
            git2::TreeWalkResult::Ok
        })?;
    }

    let mut options = folder_diff_options(&layout.dir);
    let mut diff = raw.diff_tree_to_tree(from_tree.as_ref(), Some(&to_tree), Some(&mut options))?;
    diff.find_similar(Some(git2::DiffFindOptions::new().renames(true)))?;
    let mut files = Vec::new();
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
        let display = layout.display(&path);
        let bytes = read_blob(repo, new.id(), &display, "committed")?;
        files.push(SourceFile {
            path: display,
            bytes,
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Snapshot {
        files,
        known_ids,
        config,
    })
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
    let odb = repo.raw().odb()?;
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
    let raw = repo.raw();
    let usage = || {
        Error::usage(format!(
            "--rev-range `{range}`: give two revisions as A..B (e.g. origin/main..HEAD)"
        ))
    };
    let (a, b, symmetric) = if let Some((a, b)) = range.split_once("...") {
        (a, b, true)
    } else if let Some((a, b)) = range.split_once("..") {
        (a, b, false)
    } else {
        return Err(usage());
    };
    let b = if b.is_empty() { "HEAD" } else { b };
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

/// `pm.toml` at the top of `tree`, when there is one.
fn config_at(repo: &Repo, tree: &git2::Tree<'_>, range: &str) -> Result<Option<Config>> {
    let Ok(entry) = tree.get_path(Path::new(config::FILE_NAME)) else {
        return Ok(None);
    };
    let shown = format!("{} (at the end of {range})", config::FILE_NAME);
    let bytes = read_blob(repo, entry.id(), &shown, "configuration")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::input(&shown, "not UTF-8 text; save it as UTF-8"))?;
    Ok(Some(Config::parse(&text, Path::new(&shown))?))
}

/// The committed content of `path` (a path relative to the work-tree root, `/`-separated) at
/// revision `rev`, or `None` when it is not in that commit.
pub fn committed_file(repo: &Repo, rev: &str, path: &str) -> Result<Option<Vec<u8>>> {
    let commit = match repo
        .raw()
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

/// Diff options limited to the post-mortem folder (a literal path, not a glob).
fn folder_diff_options(dir: &str) -> git2::DiffOptions {
    let mut options = git2::DiffOptions::new();
    options
        .pathspec(dir)
        .disable_pathspec_match(true)
        .skip_binary_check(true);
    options
}

/// A change that leaves a file whose content is to be checked (not a deletion).
fn brings_new_content(status: git2::Delta) -> bool {
    matches!(
        status,
        git2::Delta::Added
            | git2::Delta::Modified
            | git2::Delta::Renamed
            | git2::Delta::Copied
            | git2::Delta::Typechange
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_knows_its_post_mortems() {
        let layout = Layout {
            dir: "docs/postmortems".into(),
            root: "docs".into(),
        };
        assert!(layout.holds("docs/postmortems/2026/2026-01-01-x.md"));
        assert!(!layout.holds("docs/postmortems/README.md"));
        assert!(!layout.holds("docs/postmortems-old/2026-01-01-x.md"));
        assert!(!layout.holds("docs/postmortems/.drafts/2026-01-01-x.md"));
        assert!(!layout.holds("docs/postmortems/2026/notes.txt"));
        assert_eq!(
            layout.display("docs/postmortems/2026/a.md"),
            "postmortems/2026/a.md"
        );
        assert_eq!(layout.id_of("docs/postmortems/2026/a-b.md"), Some("a-b"));
        assert_eq!(layout.id_of("docs/postmortems/a-b.md"), Some("a-b"));
        assert_eq!(layout.id_of("docs/postmortems/2026/"), None);
        assert_eq!(layout.id_of("docs/postmortems"), None);
        assert_eq!(layout.shown("docsx/a.md"), "docsx/a.md");
        assert_eq!(layout.shown("docs/"), "");
        let top = Layout {
            dir: "postmortems".into(),
            root: String::new(),
        };
        assert_eq!(top.shown("postmortems/a.md"), "postmortems/a.md");
        assert_eq!(top.id_of("postmortems/2026/x.md"), Some("x"));
        assert!(!layout.holds("docs/postmortems/.hidden/2026-01-01-x.md"));
        assert!(!layout.holds("docs/postmortems/2026/.2026-01-01-x.md"));
        assert!(layout.holds("docs/postmortems/2026/sub/2026-01-01-x.md"));
    }

    /// One cache-tree folder as git writes it.
    fn node(name: &str, entries: i64, subtrees: usize, id: u8) -> Vec<u8> {
        let mut out = format!("{name}\0{entries} {subtrees}\n").into_bytes();
        if entries >= 0 {
            out.extend_from_slice(&[id; HASH]);
        }
        out
    }

    fn oid(id: u8) -> git2::Oid {
        git2::Oid::from_bytes(&[id; HASH]).expect("oid")
    }

    #[test]
    fn the_cache_tree_gives_the_valid_folders_under_the_post_mortem_folder() {
        let payload = [
            node("", -1, 2, 0),
            node("docs", 1, 0, 1),
            node("postmortems", -1, 3, 0),
            node("2024", 2, 0, 2),
            node("2025", -1, 1, 0),
            node("deep", 1, 0, 3),
            node("2026", 1, 0, 4),
        ]
        .concat();
        let valid = read_cache_tree(&payload, "postmortems").expect("read");
        let mut folders: Vec<_> = valid.into_iter().collect();
        folders.sort();
        assert_eq!(
            folders,
            vec![
                ("postmortems/2024".to_string(), oid(2)),
                ("postmortems/2025/deep".to_string(), oid(3)),
                ("postmortems/2026".to_string(), oid(4)),
            ]
        );
        let nested = read_cache_tree(&payload, "postmortems/2025").expect("read");
        assert_eq!(nested.len(), 1);
        assert_eq!(nested.get("postmortems/2025/deep"), Some(&oid(3)));
        let top = [node("", 5, 1, 7), node("postmortems", 3, 0, 8)].concat();
        let valid = read_cache_tree(&top, "postmortems").expect("read");
        assert_eq!(valid.get("postmortems"), Some(&oid(8)));
        assert_eq!(valid.len(), 1);
    }

    #[test]
    fn a_cache_tree_in_doubt_is_not_used() {
        let good = [node("", -1, 1, 0), node("postmortems", 1, 0, 1)].concat();
        assert!(read_cache_tree(&good, "postmortems").is_some());
        let doubtful: Vec<Vec<u8>> = vec![
            Vec::new(),
            // A folder promised and missing, or one too many.
            node("", -1, 1, 0),
            [good.clone(), node("extra", 1, 0, 2)].concat(),
            [good.clone(), b"x".to_vec()].concat(),
            // A truncated id.
            good[..good.len() - 1].to_vec(),
            // Counts that are not numbers, or not -1 for invalid.
            [node("", -1, 1, 0), b"postmortems\0x 0\n".to_vec()].concat(),
            [node("", -1, 1, 0), b"postmortems\0-2 0\n".to_vec()].concat(),
            [node("", -1, 1, 0), b"postmortems\0-1 -1\n".to_vec()].concat(),
            [node("", -1, 1, 0), b"postmortems\x001 0".to_vec()].concat(),
            // Names no folder has.
            [node("", -1, 1, 0), node("a/b", 1, 0, 1)].concat(),
            [node("", -1, 1, 0), node("", 1, 0, 1)].concat(),
            [node("", -1, 1, 0), node("..", 1, 0, 1)].concat(),
            [node("top", -1, 1, 0), node("postmortems", 1, 0, 1)].concat(),
        ];
        for payload in doubtful {
            assert!(
                read_cache_tree(&payload, "postmortems").is_none(),
                "{}",
                String::from_utf8_lossy(&payload)
            );
        }
    }

    #[test]
    fn folder_paths_must_stay_inside() {
        assert_eq!(tree_path(Path::new("./a/b")).as_deref(), Some("a/b"));
        assert_eq!(tree_path(Path::new("../a")), None);
    }
}
