//! Post-mortem files as git holds them: the staged content (index blobs) for the pre-commit
//! hook (`staged.rs`), and the files changed in a revision range for CI and server-side hooks
//! (`range.rs`). This module holds what both share: where the post-mortems sit in a tree, and
//! what the readers hand back, paths and bytes. What the files mean (IDs, findings) is the
//! caller's business (`crate::check_input`).
//!
//! Nothing here reads the working tree's post-mortems: the hook must judge what will be
//! committed (a partially staged file by its staged half), and a server has no working tree.
//! Nothing here writes either: a blocked commit leaves the index and the working tree as they were.

use super::{Repo, TreeFile};
use crate::config;
use crate::document::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use crate::repository::is_postmortem_name;
use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

pub use super::range::{committed_file, RevRange};
pub use super::staged::staged;

/// The post-mortems of one state of the repository (the index, or revision B of a range).
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The added or modified post-mortems with their content, paths relative to the
    /// configuration root, in path order.
    pub changed: Vec<TreeFile>,
    /// Every post-mortem in the same state, changed or not, by path relative to the
    /// configuration root (the duplicate-ID rule compares the changed ones with them).
    pub paths: PathList,
}

/// Paths in one buffer: the hook lists 10,000 post-mortems to check one, and a `String` each
/// would cost more than the check.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PathList {
    text: String,
    /// Where each path is in `text`: (start, start of its file name, end).
    spans: Vec<(usize, usize, usize)>,
}

impl PathList {
    /// The paths at `spans` in `text`, in that order.
    pub(super) fn from_spans(text: String, spans: Vec<(usize, usize, usize)>) -> Self {
        PathList { text, spans }
    }

    /// The buffer and, for each path, (start, start of its file name, end) in it: the
    /// duplicate-ID rule keeps the buffer rather than copying the paths out.
    pub fn into_parts(self) -> (String, Vec<(usize, usize, usize)>) {
        (self.text, self.spans)
    }

    pub fn push(&mut self, path: &str) {
        let start = self.text.len();
        let name_start = memchr::memrchr(b'/', path.as_bytes()).map_or(0, |slash| slash + 1);
        self.text.push_str(path);
        self.spans
            .push((start, start + name_start, self.text.len()));
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The paths in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.named().map(|(path, _)| path)
    }

    /// The paths in order, each with its file name (the part after the last `/`).
    pub fn named(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.spans.iter().map(|&(start, name_start, end)| {
            (
                self.text.get(start..end).unwrap_or_default(),
                self.text.get(name_start..end).unwrap_or_default(),
            )
        })
    }
}

/// Where the post-mortems sit inside the repository, as git spells paths: `/`-separated,
/// relative to the top of the tree, no trailing slash (`""` is the top itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Layout {
    /// The post-mortem folder.
    pub dir: String,
    /// The configuration root (the folder of `pm.toml`): reported paths are relative to it.
    pub root: String,
}

impl Layout {
    /// The file name of the post-mortem at `path` (a path in the tree: the name is its end),
    /// or `None` when `path` is not a post-mortem under the folder.
    pub(super) fn name_of<'p>(&self, path: &'p str) -> Option<&'p str> {
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
        is_postmortem_name(name).then_some(name)
    }

    /// True when `path` (a path in the tree) is a post-mortem under the folder.
    pub(super) fn holds(&self, path: &str) -> bool {
        self.name_of(path).is_some()
    }

    /// `path` as reports show it: relative to the configuration root.
    pub(super) fn shown<'p>(&self, path: &'p str) -> &'p str {
        if self.root.is_empty() {
            return path;
        }
        path.strip_prefix(self.root.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(path)
    }

    /// [`Layout::shown`], owned.
    pub(super) fn display(&self, path: &str) -> String {
        self.shown(path).to_string()
    }
}

/// `path` as a tree path (`a/b/c`), refusing anything that is not plain folder names.
pub fn tree_path(path: &Path) -> Option<String> {
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
pub(super) fn worktree_layout(workdir: &Path, dir: &Path) -> Result<Layout> {
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

/// Reads a blob, refusing one larger than any post-mortem before loading it.
pub(super) fn read_blob(repo: &Repo, oid: git2::Oid, display: &str, what: &str) -> Result<Vec<u8>> {
    let odb = repo.raw()?.odb()?;
    blob_size(&odb, oid, display, what)?;
    Ok(repo.raw()?.find_blob(oid)?.content().to_vec())
}

/// A blob's size from its object header, without loading it: an error naming the file when it
/// is larger than any post-mortem ([`MAX_FILE_BYTES`]).
pub(super) fn blob_size(
    odb: &git2::Odb<'_>,
    oid: git2::Oid,
    display: &str,
    what: &str,
) -> Result<u64> {
    let (size, _) = odb.read_header(oid)?;
    let size = size as u64;
    if size > MAX_FILE_BYTES {
        return Err(too_large(display, what, size));
    }
    Ok(size)
}

/// The error for a file larger than any post-mortem.
pub(super) fn too_large(display: &str, what: &str, size: u64) -> Error {
    Error::input(
        display,
        format!(
            "the {what} file is {size} bytes; pm reads post-mortems up to {MAX_FILE_BYTES} bytes"
        ),
    )
}

/// The most post-mortems one range may add or modify.
pub const MAX_RANGE_FILES: usize = 1_000;

/// The most bytes of post-mortems one range may add or modify (each file is at most
/// [`MAX_FILE_BYTES`]).
pub const MAX_RANGE_BYTES: u64 = 32 * 1024 * 1024;

/// A range over the limits is refused (exit 2), naming the limit: checking content a stranger
/// pushed must cost a bounded time and memory. Called with the count of the changed files and
/// the sum of their sizes from the object headers, before any of them is read.
pub(super) fn refuse_over_limits(range: &str, files: usize, bytes: u64) -> Result<()> {
    if files > MAX_RANGE_FILES {
        return Err(Error::usage(format!(
            "{range} adds or modifies {files} post-mortems; pm checks at most {MAX_RANGE_FILES} \
             in one range (MAX_RANGE_FILES): check it in parts"
        )));
    }
    if bytes > MAX_RANGE_BYTES {
        return Err(Error::usage(format!(
            "{range} adds or modifies {bytes} bytes of post-mortems; pm checks at most \
             {MAX_RANGE_BYTES} bytes in one range (MAX_RANGE_BYTES): check it in parts"
        )));
    }
    Ok(())
}

pub(super) fn is_file_mode(mode: u32) -> bool {
    // Regular and executable files; not symbolic links (they could point anywhere) nor
    // submodules.
    mode & 0o170000 == 0o100000
}

/// A path git stores as bytes, as text. Checked as UTF-8 first: that is one fast pass where
/// the lossy conversion works character by character, and this runs once per index entry.
pub(super) fn path_text(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Diff options limited to the post-mortem folder (a literal path, not a glob).
pub(super) fn folder_diff_options(dir: &str) -> git2::DiffOptions {
    let mut options = git2::DiffOptions::new();
    options
        .pathspec(dir)
        .disable_pathspec_match(true)
        .skip_binary_check(true);
    options
}

/// A change that leaves a file whose content is to be checked (not a deletion).
pub(super) fn brings_new_content(status: git2::Delta) -> bool {
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
        assert_eq!(
            layout.name_of("docs/postmortems/2026/a-b.md"),
            Some("a-b.md")
        );
        assert_eq!(layout.name_of("docs/postmortems/a-b.md"), Some("a-b.md"));
        assert_eq!(layout.name_of("docs/postmortems/2026/"), None);
        assert_eq!(layout.name_of("docs/postmortems"), None);
        assert_eq!(layout.shown("docsx/a.md"), "docsx/a.md");
        assert_eq!(layout.shown("docs/"), "");
        let top = Layout {
            dir: "postmortems".into(),
            root: String::new(),
        };
        assert_eq!(top.shown("postmortems/a.md"), "postmortems/a.md");
        assert_eq!(top.name_of("postmortems/2026/x.md"), Some("x.md"));
        assert!(!layout.holds("docs/postmortems/.hidden/2026-01-01-x.md"));
        assert!(!layout.holds("docs/postmortems/2026/.2026-01-01-x.md"));
        assert!(layout.holds("docs/postmortems/2026/sub/2026-01-01-x.md"));
    }

    #[test]
    fn a_path_list_gives_back_its_paths_in_order() {
        let mut list = PathList::default();
        assert!(list.is_empty());
        list.push("postmortems/2026/b.md");
        list.push("");
        list.push("postmortems/a.md");
        assert_eq!(list.len(), 3);
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            ["postmortems/2026/b.md", "", "postmortems/a.md"]
        );
        // Spans into a buffer shared with other text (the index's paths, as git spells them).
        let text = "docs/postmortems/x.md".to_string();
        let shared = PathList::from_spans(text, vec![(5, 17, 21), (0, 0, 4)]);
        assert_eq!(
            shared.named().collect::<Vec<_>>(),
            [("postmortems/x.md", "x.md"), ("docs", "docs")]
        );
        assert_eq!(
            list.named().map(|(_, name)| name).collect::<Vec<_>>(),
            ["b.md", "", "a.md"]
        );
    }

    #[test]
    fn folder_paths_must_stay_inside() {
        assert_eq!(tree_path(Path::new("./a/b")).as_deref(), Some("a/b"));
        assert_eq!(tree_path(Path::new("../a")), None);
    }
}
