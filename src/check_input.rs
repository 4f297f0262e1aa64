//! What `pm check --staged` and `pm check --rev-range` check: the post-mortems git hands out
//! (paths and bytes, `crate::git::snapshot`), turned into what the checks take: the files to
//! check, every post-mortem ID beside them for the duplicate-ID rule, and, in a bare
//! repository, the configuration committed at the end of the range.

use crate::checks::{KnownIds, SourceFile};
use crate::config::{self, Config};
use crate::error::{Error, Result};
use crate::git::snapshot::{self, RevRange, Snapshot};
use crate::git::Repo;
use std::path::{Path, PathBuf};

/// The files to check and what they are checked against.
#[derive(Debug, Default)]
pub struct CheckInput {
    /// The added or modified post-mortems, with paths relative to the configuration root.
    pub files: Vec<SourceFile>,
    /// Every post-mortem ID in the same tree (index or revision B) with its path.
    pub known_ids: KnownIds,
    /// The configuration read from the tree itself, where there is no work tree to read it
    /// from (a bare repository): `pm.toml` at revision B.
    pub config: Option<Config>,
}

/// The staged post-mortems under `dir` (absolute, or relative to the work-tree root).
pub fn staged(repo: &Repo, dir: &Path) -> Result<CheckInput> {
    Ok(from_snapshot(snapshot::staged(repo, dir)?, None))
}

/// The post-mortems `range` (`A..B` or `A...B`) adds or modifies under `dir`, at B.
///
/// In a bare repository (a server's `pre-receive` hook) there is no work tree to hold
/// `pm.toml`: it is read from B's tree into [`CheckInput::config`], and its `repo.dir` decides
/// the folder; without one, `dir` when it is a plain relative path, else the default folder.
pub fn rev_range(repo: &Repo, range: &str, dir: &Path) -> Result<CheckInput> {
    let range = RevRange::resolve(repo, range)?;
    let (dir, config) = match repo.workdir() {
        Some(_) => (dir.to_path_buf(), None),
        None => {
            let config = config_at_end(&range)?;
            let dir = match &config {
                Some(config) => config.repo.dir.clone(),
                None => match snapshot::tree_path(dir).filter(|_| dir.is_relative()) {
                    Some(dir) if !dir.is_empty() => dir,
                    _ => Config::default().repo.dir,
                },
            };
            (PathBuf::from(dir), config)
        }
    };
    Ok(from_snapshot(range.snapshot(&dir)?, config))
}

/// `pm.toml` at the top of B's tree, when there is one.
fn config_at_end(range: &RevRange<'_>) -> Result<Option<Config>> {
    let Some(file) = range.file_at_end(config::FILE_NAME)? else {
        return Ok(None);
    };
    let text = String::from_utf8(file.bytes)
        .map_err(|_| Error::input(&file.path, "not UTF-8 text; save it as UTF-8"))?;
    Ok(Some(Config::parse(&text, Path::new(&file.path))?))
}

fn from_snapshot(snapshot: Snapshot, config: Option<Config>) -> CheckInput {
    let text_bytes = snapshot.paths.iter().map(str::len).sum();
    let mut known_ids = KnownIds::with_capacity(snapshot.paths.len(), text_bytes);
    for (path, name) in snapshot.paths.named() {
        known_ids.push(name.strip_suffix(".md").unwrap_or(name), path);
    }
    let files = snapshot
        .changed
        .into_iter()
        .map(|file| SourceFile {
            path: file.path,
            bytes: file.bytes,
        })
        .collect();
    CheckInput {
        files,
        known_ids,
        config,
    }
}
