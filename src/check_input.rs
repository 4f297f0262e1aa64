//! What `pm check --staged` and `pm check --rev-range` check: the post-mortems git hands out
//! (paths and bytes, `crate::git::snapshot`), turned into what the checks take: the files to
//! check, every post-mortem ID beside them for the duplicate-ID rule, and, for a range, the
//! configuration committed at the range's base.

use crate::checks::{KnownIds, SourceFile};
use crate::config::{self, Config};
use crate::error::{Error, Result};
use crate::git::snapshot::{self, RevRange, Snapshot};
pub use crate::git::snapshot::{MAX_RANGE_BYTES, MAX_RANGE_FILES};
use crate::git::Repo;
use std::path::{Path, PathBuf};

/// The files to check and what they are checked against.
#[derive(Debug, Default)]
pub struct CheckInput {
    /// The added or modified post-mortems, with paths relative to the configuration root.
    pub files: Vec<SourceFile>,
    /// Every post-mortem ID in the same tree (index or revision B) with its path.
    pub known_ids: KnownIds,
    /// For a range: the configuration it is judged with, `pm.toml` at its base (A), never
    /// the one the range itself brings (a push could switch its own checks off); the
    /// default configuration when the base has none.
    pub config: Option<Config>,
    /// For a range that changes `pm.toml`: a note saying so, for stderr.
    pub config_changed: Option<String>,
}

/// The staged post-mortems under `dir` (absolute, or relative to the work-tree root).
pub fn staged(repo: &Repo, dir: &Path) -> Result<CheckInput> {
    Ok(from_snapshot(snapshot::staged(repo, dir)?, None))
}

/// The post-mortems `range` (`A..B` or `A...B`) adds or modifies under `dir`, at B, judged
/// with the configuration at the range's base.
///
/// The configuration is `pm.toml` at A (`config_file`: its path from the top of the tree;
/// `pm.toml` in a bare repository, where no work tree holds one), not the work tree's (in CI
/// that is the checkout of B) nor B's: the content being judged must not choose how it is
/// judged. A change to `pm.toml` in the range is reported ([`CheckInput::config_changed`]).
/// In a bare repository (a server's `pre-receive` hook) the base's `repo.dir` decides the
/// folder; without a `pm.toml` there, `dir` when it is a plain relative path, else the
/// default folder.
pub fn rev_range(
    repo: &Repo,
    range: &str,
    dir: &Path,
    config_file: Option<&str>,
) -> Result<CheckInput> {
    let text = range;
    let range = RevRange::resolve(repo, range)?;
    let config_file = config_file.unwrap_or(config::FILE_NAME);
    let base = range.file_at_start(config_file)?;
    let end = range.file_at_end(config_file)?;
    let config_changed = match (&base, &end) {
        (None, None) => None,
        (Some(a), Some(b)) if a.bytes == b.bytes => None,
        _ => Some(format!(
            "{config_file} changes in {text}: the range is judged with the configuration at \
             its base; the change applies to the post-mortems that come after it is merged"
        )),
    };
    let has_base = base.is_some();
    let config = match base {
        Some(file) => parse_config(file)?,
        None => Config::default(),
    };
    let dir = match repo.workdir() {
        Some(_) => dir.to_path_buf(),
        None if has_base => PathBuf::from(&config.repo.dir),
        None => PathBuf::from(
            match snapshot::tree_path(dir).filter(|_| dir.is_relative()) {
                Some(d) if !d.is_empty() => d,
                _ => Config::default().repo.dir,
            },
        ),
    };
    // The limits on files and bytes are checked from the object headers, before the files
    // are read (`snapshot::refuse_over_limits`).
    let mut input = from_snapshot(range.snapshot(&dir)?, Some(config));
    input.config_changed = config_changed;
    Ok(input)
}

fn parse_config(file: crate::git::TreeFile) -> Result<Config> {
    let text = String::from_utf8(file.bytes)
        .map_err(|_| Error::input(&file.path, "not UTF-8 text; save it as UTF-8"))?;
    Ok(Config::parse(&text, Path::new(&file.path))?)
}

fn from_snapshot(snapshot: Snapshot, config: Option<Config>) -> CheckInput {
    // Each post-mortem's ID is its file name less `.md`: the known IDs keep the snapshot's
    // path buffer and find the pairs in it.
    let (text, spans) = snapshot.paths.into_parts();
    let known_ids = KnownIds::from_paths(text, spans);
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
        config_changed: None,
    }
}
