//! The index file, read directly (format versions 2 to 4, SHA-1): the staged entries under one
//! folder, the folders a sparse index keeps as trees, and the cache-tree.
//!
//! Why by hand: libgit2 reads every entry into its own structures and verifies the file's
//! SHA-1 first, which with 10,000 post-mortems costs more than the whole hook may take (git
//! itself does not verify that checksum on reads either), and it refuses split and sparse
//! indexes. gitoxide's `gix-index` was measured against this reader and is slower on the
//! hook's usual paths (docs/PERFORMANCE.md, "The index reader: gix-index, measured").
//! Anything this reader does not handle returns `None`, and the caller asks libgit2, then git.

use super::snapshot::{is_file_mode, path_text};
use super::Repo;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The index file the commit is built from. `git commit -a`, `git commit --only PATH` and
/// friends build a temporary index and name it in `GIT_INDEX_FILE` for the hooks; git passes
/// a path relative to where it runs the hook, the top of the work tree.
pub(super) fn file(repo: &Repo) -> PathBuf {
    match std::env::var_os("GIT_INDEX_FILE").filter(|f| !f.is_empty()) {
        Some(file) => {
            let path = PathBuf::from(file);
            match repo.workdir() {
                Some(workdir) if path.is_relative() => workdir.join(path),
                _ => path,
            }
        }
        None => repo.git_dir().join("index"),
    }
}

/// `git add -N` marks an entry as to be added later: git commits nothing for it, so neither
/// is it checked.
pub(super) const INTENT_TO_ADD: u16 = 1 << 13;

/// Staged regular files (stage 0, not intent-to-add), in the index's order: byte order of
/// their paths.
///
/// The paths share one buffer rather than being a `String` each: the hook reads 10,000
/// entries to check one.
#[derive(Default)]
pub(super) struct Entries {
    paths: String,
    /// (where the path is in `paths`, staged blob, mode) of each entry.
    list: Vec<(Range<usize>, git2::Oid, u32)>,
}

impl Entries {
    pub(super) fn with_capacity(entries: usize, path_bytes: usize) -> Self {
        Entries {
            paths: String::with_capacity(path_bytes),
            list: Vec::with_capacity(entries),
        }
    }

    pub(super) fn push(&mut self, path: &str, oid: git2::Oid, mode: u32) {
        let start = self.paths.len();
        self.paths.push_str(path);
        self.list.push((start..self.paths.len(), oid, mode));
    }

    /// The path buffer and (where the path is in it, blob, mode) of each entry.
    pub(super) fn into_parts(self) -> (String, Vec<(Range<usize>, git2::Oid, u32)>) {
        (self.paths, self.list)
    }

    /// (path as git spells it, blob, mode) of each entry, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, git2::Oid, u32)> + '_ {
        self.list.iter().map(|(range, oid, mode)| {
            (
                self.paths.get(range.clone()).unwrap_or_default(),
                *oid,
                *mode,
            )
        })
    }
}

/// What [`read`] finds in the index file.
pub(super) struct IndexRead {
    /// The staged regular files under the folder.
    pub entries: Entries,
    /// The folders a sparse index keeps as trees.
    pub sparse_dirs: Vec<SparseDir>,
    /// The valid cache-tree folders at or under the folder, when the index has a cache-tree
    /// this reader trusts (see [`read_cache_tree`]).
    pub cache_tree: Option<CacheTree>,
}

/// Reads the entries under `dir` (a folder as git spells it) straight from the index file at
/// `path`. Anything this reader does not handle (a split index, an unknown version, a SHA-256
/// repository, a damaged file) returns `None`.
///
/// A sparse index (`git sparse-checkout --sparse-index`) holds a folder outside the checkout
/// as one entry naming a tree; libgit2 refuses such an index (`unsupported mandatory
/// extension: 'sdir'`), so those folders are returned as (folder path with its trailing `/`,
/// tree) for the caller to expand.
pub(super) fn read(path: &Path, dir: &str) -> Option<IndexRead> {
    let file = std::fs::File::open(path).ok()?;
    // Mapped rather than read: reading copies the whole file (1.4 MB with 10,000 entries) into
    // fresh heap pages, a page fault each, where the mapping shares the kernel's cached pages.
    // SAFETY: the mapped file must not change while it is read. Git never rewrites an index in
    // place: it writes `index.lock` and renames it over the index, so a git running meanwhile
    // replaces the file while this mapping keeps the old one. Git maps the index the same way.
    let data = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    read_bytes(&data, dir)
}

/// The smallest an index entry can be: 62 fixed bytes, then a path of at least one byte and
/// its NUL (version 4: a one-byte prefix length, a path byte and a NUL).
const MIN_ENTRY: usize = 62 + 2;

/// [`read`] on the index file's bytes.
///
/// The entry count in the header is a claim, not a size: an index of a few bytes may claim
/// four billion entries. Memory is reserved for at most as many entries as the file has room
/// for ([`MIN_ENTRY`] bytes each), and a count the file cannot hold is refused (`None`)
/// before anything is allocated, so a crafted index costs memory in proportion to its size.
pub(super) fn read_bytes(data: &[u8], dir: &str) -> Option<IndexRead> {
    if data.len() < 12 + HASH || &data[..4] != b"DIRC" {
        return None;
    }
    let version = u32::from_be_bytes(data[4..8].try_into().ok()?);
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = u32::from_be_bytes(data[8..12].try_into().ok()?) as usize;
    let body = &data[..data.len() - HASH];
    if count > (body.len() - 12) / MIN_ENTRY {
        return None;
    }
    let prefix = format!("{dir}/");
    // Room for every entry: the paths are fewer bytes than the file that holds them.
    let mut entries = Entries::with_capacity(count, body.len());
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
            // A version 4 path costs its file a few bytes however long it is (all but the
            // suffix is the previous path's), so without a bound a 1 MB index could spell
            // gigabytes of paths. No file system holds a path longer than this.
            if keep + (end - at) > MAX_PATH {
                return None;
            }
            // Git keeps the entries in byte order of their paths (and refuses an index that
            // is not): the comparison with HEAD relies on it, so an index out of order is
            // left to libgit2. The part kept from the previous path is the same in both.
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
        entries.push(&path_text(name), git2::Oid::from_bytes(oid).ok()?, mode);
    }
    // Extensions, each a 4-byte signature and a 4-byte size. A split index keeps its entries
    // in another file: git reads that. The cache-tree is used only when nothing else in
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
            cache_tree = payload.and_then(|payload| read_cache_tree(payload, dir));
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

/// The longest path the reader accepts (Linux's `PATH_MAX`); a longer one leaves the index
/// to libgit2.
const MAX_PATH: usize = 4096;

/// For the `index_reader` fuzz target: [`read_bytes`] on arbitrary bytes, checking what it
/// returns (every entry under `dir`, no more entries than the file has room for). Panics when
/// a property fails; `None` when the reader declined the bytes.
#[doc(hidden)]
pub fn fuzz_read(data: &[u8], dir: &str) -> Option<usize> {
    let read = read_bytes(data, dir)?;
    let prefix = format!("{dir}/");
    let mut count = 0;
    for (path, _, mode) in read.entries.iter() {
        assert!(path.starts_with(&prefix), "{path:?} outside {dir:?}");
        assert!(is_file_mode(mode), "mode {mode:o}");
        assert!(path.len() <= MAX_PATH);
        count += 1;
    }
    assert!(count + read.sparse_dirs.len() <= data.len() / MIN_ENTRY);
    Some(count)
}

/// Object ids in the index (SHA-1). libgit2 as built here opens no SHA-256 repository, so a
/// 32-byte index never reaches this reader; if one did, its entries would not parse and
/// libgit2 would be asked instead.
pub(super) const HASH: usize = 20;

/// The valid folders of the index's cache-tree at or under the post-mortem folder:
/// (path as git spells it, the tree id the index's entries under it make).
pub(super) type CacheTree = std::collections::HashMap<String, git2::Oid>;

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
            // Each open folder keeps its whole path, so folders nested a million deep (eight
            // bytes each in the payload) would cost terabytes: no path is longer than
            // [`MAX_PATH`], which bounds the depth, and the memory, too.
            Some(parent) if parent.len() + 1 + name.len() > MAX_PATH => return None,
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
pub(super) type SparseDir = (String, git2::Oid);

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_entry_count_the_file_cannot_hold_is_refused_before_allocating() {
        // A valid header claiming 2^32 - 1 entries: before, the reader reserved room for them
        // (tens of gigabytes) and aborted.
        let mut data = b"DIRC".to_vec();
        data.extend_from_slice(&2u32.to_be_bytes());
        data.extend_from_slice(&u32::MAX.to_be_bytes());
        data.extend_from_slice(&[0; 84]);
        assert!(read_bytes(&data, "postmortems").is_none());
        assert!(fuzz_read(&data, "").is_none());
        // An empty index is read.
        let mut empty = b"DIRC".to_vec();
        empty.extend_from_slice(&2u32.to_be_bytes());
        empty.extend_from_slice(&0u32.to_be_bytes());
        empty.extend_from_slice(&[0; HASH]);
        assert_eq!(fuzz_read(&empty, "postmortems"), Some(0));
    }

    #[test]
    fn a_cache_tree_nested_past_the_longest_path_is_not_used() {
        // 5,000 folders each inside the last: the paths would total 25 MB from a 40 KB
        // payload (quadratic); any path past MAX_PATH leaves the cache-tree unused instead.
        let mut payload = node("", -1, 1, 0);
        for depth in 0..5_000 {
            payload.extend(node("a", -1, usize::from(depth < 4_999), 0));
        }
        assert!(read_cache_tree(&payload, "postmortems").is_none());
        // Nested as deep as a real path can be, it is still read.
        let mut payload = node("", -1, 1, 0);
        for depth in 0..2_000 {
            payload.extend(node("a", -1, usize::from(depth < 1_999), 0));
        }
        assert!(read_cache_tree(&payload, "postmortems").is_some());
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
}
