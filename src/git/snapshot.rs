//! Post-mortem files as git holds them: the staged content (index blobs) for the pre-commit
//! hook, and the files changed in a revision range for CI and server-side hooks.

use super::Repo;
use crate::checks::SourceFile;
use crate::error::{Error, Result};
use std::path::Path;

/// Staged content of the added or modified post-mortems under `dir` (relative to the work tree).
pub fn staged_files(_repo: &Repo, _dir: &Path) -> Result<Vec<SourceFile>> {
    Err(Error::usage("`pm check --staged` is not available yet"))
}

/// Post-mortems under `dir` added or modified in `range` (`A..B`), at their state in B.
pub fn range_files(_repo: &Repo, _range: &str, _dir: &Path) -> Result<Vec<SourceFile>> {
    Err(Error::usage("`pm check --rev-range` is not available yet"))
}
