//! The post-mortem folder on disk: finding the files, reading them safely, resolving IDs.

use crate::document::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// A post-mortem file found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    /// Path relative to the configuration root, with `/` separators, for display and reports.
    pub display: String,
    /// The file stem: the post-mortem's ID.
    pub stem: String,
}

/// A file pm could not read as a post-mortem (or passed over, like a symbolic link), to tell
/// the user about: the file, the line and column when there is one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub display: String,
    /// 1-based (line, column) the reason points at.
    pub position: Option<(usize, usize)>,
    pub reason: String,
}

impl Unreadable {
    pub fn new(display: impl Into<String>, reason: impl Into<String>) -> Unreadable {
        Unreadable {
            display: display.into(),
            position: None,
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.display, self.reason),
            None => write!(f, "{}: {}", self.display, self.reason),
        }
    }
}

/// Files that are Markdown but not post-mortems.
pub fn is_postmortem_name(name: &str) -> bool {
    name.ends_with(".md")
        && !name.starts_with('_')
        && !name.starts_with('.')
        && !name.eq_ignore_ascii_case("README.md")
        && !name.eq_ignore_ascii_case("index.md")
}

/// Lists the post-mortems under `dir` (sorted by path). Symbolic links below `dir` are not
/// followed: a link could point outside the repository.
pub fn list(dir: &Path, root: &Path) -> Result<(Vec<Entry>, Vec<Unreadable>)> {
    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    if !dir.exists() {
        return Ok((entries, skipped));
    }
    // The folder may be a link that stays inside the repository; one that leaves it is
    // refused, by every command that reads it (docs/RELIABILITY.md, "Security").
    crate::writing::refuse_folder_outside(dir, root)?;
    // Siblings' paths share their parent's path, so comparing whole paths orders them by file
    // name as `sort_by_file_name` does, without taking each path apart per comparison (which
    // was a tenth of `pm list` on 10,000 files).
    for item in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
    {
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                let display = e
                    .path()
                    .map(|p| display_path(p, root))
                    .unwrap_or_else(|| display_path(dir, root));
                skipped.push(Unreadable::new(display, format!("cannot read: {e}")));
                continue;
            }
        };
        let name = item.file_name().to_string_lossy();
        if item.depth() > 0 && name.starts_with('.') {
            continue;
        }
        if !is_postmortem_name(&name) {
            continue;
        }
        if item.path_is_symlink() {
            skipped.push(Unreadable::new(
                display_path(item.path(), root),
                "symbolic link not followed (it could point outside the repository)",
            ));
            continue;
        }
        if !item.file_type().is_file() {
            continue;
        }
        let stem = name.trim_end_matches(".md").to_string();
        entries.push(Entry {
            display: display_path(item.path(), root),
            path: item.into_path(),
            stem,
        });
    }
    Ok((entries, skipped))
}

/// `path` relative to `root` with `/` separators, or as given when outside it.
pub fn display_path(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' {
        s.into_owned()
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// Reads a file, refusing anything larger than a post-mortem could be before reading it.
pub fn read(path: &Path) -> std::result::Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    read_into(path, &mut bytes)?;
    Ok(bytes)
}

/// [`read`] into a buffer the caller reuses (its contents are replaced): reading thousands of
/// files into one buffer per thread spares an allocation per file and keeps memory from
/// fragmenting.
pub fn read_into(path: &Path, bytes: &mut Vec<u8>) -> std::result::Result<(), String> {
    use std::io::Read;
    bytes.clear();
    let cannot = |e: std::io::Error| format!("cannot read: {e}");
    let folder = || "is a folder, not a file".to_string();
    // Open first and ask the open file its size: one system call fewer per file than asking the
    // path and then reading it (listings read thousands of files).
    // Not through a symbolic link, and only a regular file (paths::open_regular_with_metadata,
    // which also returns the metadata the length check below reads): the files come from a
    // walk that follows no link, so only the last part needs the check.
    let (mut file, meta) = crate::paths::open_regular_with_metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::IsADirectory {
            folder()
        } else if e.to_string().contains(crate::paths::LINK_REFUSED) {
            "symbolic link not followed (it could point outside the repository)".to_string()
        } else {
            cannot(e)
        }
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the file is {} bytes; pm reads post-mortems up to {MAX_FILE_BYTES} bytes",
            meta.len()
        ));
    }
    // One byte more than the size, so a file that has not grown is read in one call and its end
    // confirmed by the next. One that grew meanwhile (or a device that reports no size) is read
    // on, but only to one byte past the limit: the parser then refuses it as too large.
    let size = usize::try_from(meta.len()).unwrap_or(0);
    bytes.resize(size + 1, 0);
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot(e)),
        }
    }
    bytes.truncate(filled);
    if filled == size + 1 {
        let rest = (MAX_FILE_BYTES + 1).saturating_sub(filled as u64);
        file.take(rest).read_to_end(bytes).map_err(cannot)?;
    }
    Ok(())
}

/// Finds the one entry whose ID is `query`, starts with it, or contains it.
pub fn resolve<'a>(entries: &'a [Entry], query: &str) -> Result<&'a Entry> {
    if query.is_empty() {
        return Err(Error::usage(
            "an empty ID matches every post-mortem: give part of an ID",
        ));
    }
    let exact: Vec<&Entry> = entries.iter().filter(|e| e.stem == query).collect();
    match exact.as_slice() {
        [one] => return Ok(one),
        [] => {}
        // Two files with one ID (say, in two year folders): picking one would be a guess.
        many => {
            let mut message = format!(
                "`{query}` is the ID of {} files; rename all but one:",
                many.len()
            );
            for m in many {
                message.push_str("\n  ");
                message.push_str(&m.display);
            }
            return Err(Error::usage(message));
        }
    }
    let mut matches: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.stem.starts_with(query))
        .collect();
    if matches.is_empty() {
        matches = entries.iter().filter(|e| e.stem.contains(query)).collect();
    }
    match matches.len() {
        0 => Err(Error::usage(format!(
            "no post-mortem matches `{query}`: `pm list` shows the IDs"
        ))),
        1 => Ok(matches[0]),
        n => {
            let mut message = format!("`{query}` matches {n} post-mortems; give more of the ID:");
            for m in matches.iter().take(20) {
                message.push_str("\n  ");
                message.push_str(&m.stem);
            }
            if n > 20 {
                message.push_str(&format!("\n  … and {} more", n - 20));
            }
            Err(Error::usage(message))
        }
    }
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. A crash leaves either the old file or the new one. The folder
/// is taken as given; below it nothing is followed (`writing::write_confined`).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let (dir, name) = split(path)?;
    crate::writing::write_confined(dir, name, contents, crate::writing::Existing::Replace)
}

/// Creates a new file with `contents`, failing if it already exists (never overwrites). When
/// the file is inside a git work tree, no folder between the work tree's top and the file may
/// be a symbolic link (`writing::write_confined`).
pub fn create_new(path: &Path, contents: &[u8]) -> Result<()> {
    let (dir, _) = split(path)?;
    let root = dir
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(dir);
    crate::writing::write_confined(root, path, contents, crate::writing::Existing::Keep)
}

/// The folder of `path` (`.` when it has none) and `path`.
fn split(path: &Path) -> Result<(&Path, &Path)> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok((dir, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(stem: &str) -> Entry {
        Entry {
            path: PathBuf::from(format!("{stem}.md")),
            display: format!("{stem}.md"),
            stem: stem.into(),
        }
    }

    #[test]
    fn ids_resolve_by_prefix_or_substring() {
        let entries = [
            entry("2026-01-01-db-outage"),
            entry("2026-02-01-db-latency"),
        ];
        assert_eq!(
            resolve(&entries, "latency").map(|e| e.stem.as_str()).ok(),
            Some("2026-02-01-db-latency")
        );
        assert_eq!(
            resolve(&entries, "2026-01").map(|e| e.stem.as_str()).ok(),
            Some("2026-01-01-db-outage")
        );
        let err = resolve(&entries, "db").expect_err("ambiguous").to_string();
        assert!(
            err.contains("2026-01-01-db-outage") && err.contains("2026-02-01-db-latency"),
            "{err}"
        );
        assert!(resolve(&entries, "nothing").is_err());
    }

    #[test]
    fn one_id_in_two_folders_is_ambiguous() {
        let mut twin = entry("2026-01-01-db-outage");
        twin.display = "2025/2026-01-01-db-outage.md".into();
        let entries = [entry("2026-01-01-db-outage"), twin];
        let err = resolve(&entries, "2026-01-01-db-outage")
            .expect_err("ambiguous")
            .to_string();
        assert!(
            err.contains("2025/2026-01-01-db-outage.md") && err.contains("rename"),
            "{err}"
        );
    }
}
