//! Post-mortem files as git holds them: the staged content (index blobs) for the pre-commit
//! hook, and the files changed in a revision range for CI and server-side hooks.

use super::Repo;
use crate::checks::SourceFile;
use crate::config::Config;
use crate::error::{Error, Result};
use std::path::Path;

/// What `pm check --staged` / `--rev-range` checks.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The added or modified post-mortems, with paths relative to the configuration root.
    pub files: Vec<SourceFile>,
    /// Every post-mortem ID in the same tree (index or revision B) with its path, for the
    /// duplicate-ID rule: (id, path).
    pub known_ids: Vec<(String, String)>,
    /// The configuration read from the tree itself, where there is no work tree to read it
    /// from (a bare repository): `pm.toml` at revision B.
    pub config: Option<Config>,
}

/// Staged content of the added or modified post-mortems under `dir` (the post-mortem folder,
/// relative to the work-tree root).
pub fn staged(_repo: &Repo, _dir: &Path) -> Result<Snapshot> {
    Err(Error::usage("`pm check --staged` is not available yet"))
}

/// Post-mortems under `dir` added or modified in `range` (`A..B`), at their state in B.
pub fn rev_range(_repo: &Repo, _range: &str, _dir: &Path) -> Result<Snapshot> {
    Err(Error::usage("`pm check --rev-range` is not available yet"))
}
