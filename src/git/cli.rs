//! Reading through the `git` command, for repositories libgit2 cannot open (SHA-256 objects,
//! the reftable ref format; see [`Repo::discover`]). Each read is a fixed number of git
//! processes, never one per file: a listing, a diff, and one `git cat-file --batch` fed every
//! object. Object ids stay hexadecimal text, whatever their length.
//!
//! Every path handed to git comes after `--`, and every revision after `--end-of-options`, so
//! nothing a user or a repository names is read as an option.

use super::snapshot::{
    is_file_mode, path_text, refuse_over_limits, too_large, Layout, PathList, Snapshot,
};
use super::{Repo, TreeFile};
use crate::document::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;

/// Runs git with `args`; its stdout as bytes.
fn output(repo: &Repo, args: &[&str]) -> Result<Vec<u8>> {
    let out = repo
        .git()
        .args(args)
        .output()
        .map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    if !out.status.success() {
        return Err(Error::Git(format!(
            "git {} failed: {}",
            args.first().copied().unwrap_or_default(),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(out.stdout)
}

/// The folder as a pathspec: the top when empty.
fn pathspec(layout: &Layout) -> &str {
    if layout.dir.is_empty() {
        "."
    } else {
        layout.dir.as_str()
    }
}

/// The staged post-mortems: (changed as (shown path, blob id), every staged post-mortem's
/// shown path). `git ls-files` and `git diff --cached` see `GIT_INDEX_FILE` as the hook does.
pub(super) fn staged_listing(
    repo: &Repo,
    layout: &Layout,
) -> Result<(Vec<(String, String)>, PathList)> {
    let dir = pathspec(layout);
    // `<mode> <id> <stage>\t<path>`, NUL-terminated.
    let listing = output(repo, &["ls-files", "--stage", "-z", "--", dir])?;
    let mut staged_ids = std::collections::HashMap::new();
    let mut paths = PathList::default();
    for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(tab) = record.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&record[..tab]);
        let mut parts = meta.split(' ');
        let (Some(mode), Some(id), Some("0")) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Ok(mode) = u32::from_str_radix(mode, 8) else {
            continue;
        };
        let path = path_text(&record[tab + 1..]);
        if is_file_mode(mode) && layout.holds(&path) {
            paths.push(layout.shown(&path));
            staged_ids.insert(path.into_owned(), id.to_string());
        }
    }
    // What brings new content: added (renamed and copied files count as added without rename
    // detection), modified, or changed in type.
    let names = output(
        repo,
        &[
            "diff",
            "--cached",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=AMT",
            "--",
            dir,
        ],
    )?;
    let mut changed = Vec::new();
    for path in names.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        let path = path_text(path);
        if let Some(id) = staged_ids.get(path.as_ref()) {
            changed.push((layout.display(&path), id.clone()));
        }
    }
    Ok((changed, paths))
}

/// [`super::staged::staged`] through git.
pub(super) fn staged(repo: &Repo, layout: &Layout) -> Result<Snapshot> {
    let (mut changed, paths) = staged_listing(repo, layout)?;
    changed.sort();
    let names: Vec<String> = changed.iter().map(|(_, id)| id.clone()).collect();
    let blobs = cat_blobs(repo, &names)?;
    let mut files = Vec::with_capacity(changed.len());
    for ((display, _), blob) in changed.into_iter().zip(blobs) {
        files.push(TreeFile {
            bytes: blob.into_bytes(&display, "staged")?,
            path: display,
        });
    }
    Ok(Snapshot {
        changed: files,
        paths,
    })
}

/// An object `git cat-file --batch` handed back.
pub(super) enum Blob {
    Bytes(Vec<u8>),
    TooLarge(u64),
    Missing,
}

impl Blob {
    fn into_bytes(self, display: &str, what: &str) -> Result<Vec<u8>> {
        match self {
            Blob::Bytes(bytes) => Ok(bytes),
            Blob::TooLarge(size) => Err(Error::input(
                display,
                format!(
                    "the {what} file is {size} bytes; pm reads post-mortems up to {MAX_FILE_BYTES} bytes"
                ),
            )),
            Blob::Missing => Err(Error::Git(format!(
                "git has no object for the {what} file {display}"
            ))),
        }
    }
}

/// `git cat-file MODE` (`--batch` or `--batch-check`) started with `names`, one per line, being
/// written to it from another thread: git answers while it reads, and a full pipe each way
/// would otherwise stop both. Join the thread once the output is read. Errors: a name holding a
/// newline (it would be read as two requests), or git not starting.
fn cat_file(
    repo: &Repo,
    mode: &str,
    names: &[String],
    stderr: Stdio,
) -> Result<(std::process::Child, std::thread::JoinHandle<()>)> {
    let mut request = Vec::new();
    for name in names {
        if name.contains('\n') {
            return Err(Error::Git(format!(
                "an object name holds a newline: {name:?}"
            )));
        }
        request.extend_from_slice(name.as_bytes());
        request.push(b'\n');
    }
    let mut child = repo
        .git()
        .args(["cat-file", mode])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::Git("git cat-file: no input".into()))?;
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&request);
    });
    Ok((child, writer))
}

/// The objects `names` (ids, or `REV:path`) in one `git cat-file --batch`. An object larger
/// than a post-mortem can be is skipped unread (git still sends it; it is read past).
pub(super) fn cat_blobs(repo: &Repo, names: &[String]) -> Result<Vec<Blob>> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let (mut child, writer) = cat_file(repo, "--batch", names, Stdio::piped())?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| Error::Git("git cat-file: no output".into()))?;
    let mut reader = BufReader::new(stdout);
    let mut blobs = Vec::with_capacity(names.len());
    let mut header = String::new();
    for _ in names {
        header.clear();
        reader
            .read_line(&mut header)
            .map_err(|e| Error::Git(format!("reading git cat-file: {e}")))?;
        let fields: Vec<&str> = header.trim_end().split(' ').collect();
        match fields.as_slice() {
            [_, "missing"] | [_, "ambiguous"] => blobs.push(Blob::Missing),
            [_, kind, size] => {
                let size: u64 = size
                    .parse()
                    .map_err(|_| Error::Git(format!("git cat-file said {header:?}")))?;
                let cannot = |e: std::io::Error| Error::Git(format!("reading git cat-file: {e}"));
                let mut body = (&mut reader).take(size + 1);
                if *kind != "blob" || size > MAX_FILE_BYTES {
                    std::io::copy(&mut body, &mut std::io::sink()).map_err(cannot)?;
                    blobs.push(if *kind == "blob" {
                        Blob::TooLarge(size)
                    } else {
                        Blob::Missing
                    });
                } else {
                    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
                    body.read_to_end(&mut bytes).map_err(cannot)?;
                    bytes.pop();
                    blobs.push(Blob::Bytes(bytes));
                }
            }
            _ => {
                return Err(Error::Git(format!(
                    "git cat-file said {:?}",
                    header.trim_end()
                )))
            }
        }
    }
    drop(reader);
    let _ = writer.join();
    let _ = child.wait();
    Ok(blobs)
}

/// The sizes of the objects `names` from their headers (`git cat-file --batch-check`), without
/// reading them; `None` for an object git does not have.
fn blob_sizes(repo: &Repo, names: &[String]) -> Result<Vec<Option<u64>>> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let (child, writer) = cat_file(repo, "--batch-check", names, Stdio::null())?;
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Git(format!("reading git cat-file: {e}")))?;
    let _ = writer.join();
    let text = String::from_utf8_lossy(&out.stdout);
    let sizes: Vec<Option<u64>> = text
        .lines()
        .map(
            |line| match line.split(' ').collect::<Vec<_>>().as_slice() {
                [_, _, size] => size.parse().ok(),
                _ => None,
            },
        )
        .collect();
    if sizes.len() != names.len() {
        return Err(Error::Git(format!(
            "git cat-file --batch-check answered {} of {} objects",
            sizes.len(),
            names.len()
        )));
    }
    Ok(sizes)
}

/// A commit id, or `None` when `spec` names none.
pub(super) fn commit_id(repo: &Repo, spec: &str) -> Option<String> {
    let spec = format!("{spec}^{{commit}}");
    let out = output(
        repo,
        &["rev-parse", "--verify", "-q", "--end-of-options", &spec],
    )
    .ok()?;
    let id = String::from_utf8_lossy(&out).trim().to_string();
    (!id.is_empty()).then_some(id)
}

/// The two ends of `A..B` / `A...B` as commit ids; `None` for A means the empty tree.
pub(super) fn resolve_range(
    repo: &Repo,
    range: &str,
    a: &str,
    b: &str,
    symmetric: bool,
) -> Result<(Option<String>, String)> {
    let commit = |spec: &str| {
        commit_id(repo, spec).ok_or_else(|| {
            Error::usage(format!(
                "--rev-range `{range}`: `{spec}` is not a commit here; fetch it, or check the spelling"
            ))
        })
    };
    let to = commit(b)?;
    if !a.is_empty() && a.bytes().all(|c| c == b'0') {
        return Ok((None, to));
    }
    let from = commit(if a.is_empty() { "HEAD" } else { a })?;
    if !symmetric {
        return Ok((Some(from), to));
    }
    let base = output(repo, &["merge-base", "--end-of-options", &from, &to]).map_err(|_| {
        Error::usage(format!(
            "--rev-range `{range}`: the two revisions share no history; use A..B"
        ))
    })?;
    Ok((Some(String::from_utf8_lossy(&base).trim().to_string()), to))
}

/// The post-mortems added or modified between `from` (or the empty tree) and `to`.
pub(super) fn range_snapshot(
    repo: &Repo,
    from: Option<&str>,
    to: &str,
    layout: &Layout,
    range: &str,
) -> Result<Snapshot> {
    let dir = pathspec(layout);
    // `<mode> <type> <id>\t<path>`.
    let listing = output(repo, &["ls-tree", "-r", "-z", "--full-tree", to, "--", dir])?;
    let mut paths = PathList::default();
    for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(tab) = record.iter().position(|b| *b == b'\t') else {
            continue;
        };
        let meta = String::from_utf8_lossy(&record[..tab]);
        let mode = meta
            .split(' ')
            .next()
            .and_then(|m| u32::from_str_radix(m, 8).ok());
        let path = path_text(&record[tab + 1..]);
        if mode.is_some_and(is_file_mode) && layout.holds(&path) {
            paths.push(layout.shown(&path));
        }
    }
    let empty;
    let from = match from {
        Some(from) => from,
        None => {
            let out = output(repo, &["hash-object", "-t", "tree", "--stdin"])?;
            empty = String::from_utf8_lossy(&out).trim().to_string();
            &empty
        }
    };
    // `:<old mode> <new mode> <old id> <new id> <status>\0<path>\0`.
    let diff = output(
        repo,
        &[
            "diff-tree",
            "-r",
            "-z",
            "--no-renames",
            "--diff-filter=AMT",
            from,
            to,
            "--",
            dir,
        ],
    )?;
    let mut changed = Vec::new();
    let mut records = diff.split(|b| *b == 0).filter(|r| !r.is_empty());
    while let (Some(meta), Some(path)) = (records.next(), records.next()) {
        let meta = String::from_utf8_lossy(meta);
        let fields: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
        let (Some(mode), Some(id)) = (fields.get(1), fields.get(3)) else {
            continue;
        };
        let path = path_text(path);
        let file = u32::from_str_radix(mode, 8).is_ok_and(is_file_mode);
        if file && layout.holds(&path) {
            changed.push((layout.display(&path), id.to_string()));
        }
    }
    changed.sort();
    let names: Vec<String> = changed.iter().map(|(_, id)| id.clone()).collect();
    // The limits, from the object headers (`--batch-check`) before any blob is read.
    refuse_over_limits(range, names.len(), 0)?;
    let mut total = 0;
    for ((display, _), size) in changed.iter().zip(blob_sizes(repo, &names)?) {
        match size {
            Some(size) if size > MAX_FILE_BYTES => {
                return Err(too_large(display, "committed", size))
            }
            Some(size) => total += size,
            None => {}
        }
    }
    refuse_over_limits(range, names.len(), total)?;
    let mut files = Vec::with_capacity(changed.len());
    for ((display, _), blob) in changed.into_iter().zip(cat_blobs(repo, &names)?) {
        files.push(TreeFile {
            bytes: blob.into_bytes(&display, "committed")?,
            path: display,
        });
    }
    Ok(Snapshot {
        changed: files,
        paths,
    })
}

/// The file at `path` (from the top of the tree) in commit `rev`, when it is a regular file.
pub(super) fn file_at(
    repo: &Repo,
    rev: &str,
    path: &str,
    display: &str,
) -> Result<Option<Vec<u8>>> {
    let listing = output(repo, &["ls-tree", "-z", "--full-tree", rev, "--", path])?;
    let Some(record) = listing.split(|b| *b == 0).find(|r| !r.is_empty()) else {
        return Ok(None);
    };
    let meta = String::from_utf8_lossy(record);
    let mut fields = meta.split(['\t', ' ']);
    let (Some(mode), Some(_), Some(id)) = (fields.next(), fields.next(), fields.next()) else {
        return Ok(None);
    };
    if !u32::from_str_radix(mode, 8).is_ok_and(is_file_mode) {
        return Ok(None);
    }
    match cat_blobs(repo, &[id.to_string()])?.pop() {
        Some(blob) => blob.into_bytes(display, "committed").map(Some),
        None => Ok(None),
    }
}
