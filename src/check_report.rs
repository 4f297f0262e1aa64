//! `pm check`'s report, assembled: the files from the source the command line picks (paths
//! on disk, standard input, the index, a revision range), the configuration they are judged
//! with (the work tree's, or `pm.toml` at a range's base), the IDs they are checked against
//! for duplicates, and the findings. Also what `--explain` and `--list-rules` look up. The
//! command renders the report; nothing here prints.

use crate::checks::targets::{self, find_paths, folder_in_work_tree, known_ids};
use crate::checks::{self, registry, CheckReport, KnownIds, RuleMeta, SourceFile};
use crate::config::{Config, Level, Located};
use crate::document::MAX_FILE_BYTES;
use crate::error::{Error, Result};
use crate::git::Repo;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the post-mortems to check come from.
pub enum Source<'a> {
    /// Files or folders (relative to the working directory); none: the post-mortem folder,
    /// which must then exist inside the repository.
    Paths(&'a [PathBuf]),
    /// One document read from `input` (at most [`MAX_FILE_BYTES`] + 1 bytes, so an oversized
    /// one is reported as such), reported under `name` (`--stdin-filename`) or `<stdin>`.
    /// Without a name the duplicate-ID check against the folder is skipped: pm cannot tell
    /// which file on disk is being piped, whose ID would count as a duplicate of itself.
    Stdin {
        input: &'a mut dyn Read,
        name: Option<&'a str>,
    },
    /// The staged added or modified post-mortems, against HEAD (the pre-commit hook).
    Staged,
    /// The post-mortems a range `A..B` adds or modifies, at B, judged with `pm.toml` at A.
    RevRange(&'a str),
}

/// A check's result: the report, the files it read (for snippets) and the configuration it
/// was judged with.
pub struct Checked {
    pub report: CheckReport,
    pub files: Vec<SourceFile>,
    pub config: Config,
}

/// Checks the post-mortems of `source`. `cwd` is the working directory (`-C` applied),
/// `located` the configuration found from it, `repo` opens the repository (only the index
/// and range sources call it), `note` receives a note for stderr as soon as it is known
/// (a range that changes `pm.toml`).
///
/// Errors: the post-mortem folder missing or outside the repository (for `Paths(&[])`), git
/// or the repository unreadable, `pm.toml` at a range's base naming an unknown rule,
/// standard input unreadable.
pub fn check(
    cwd: &Path,
    located: &Located,
    repo: &dyn Fn() -> Result<Repo>,
    source: Source<'_>,
    note: &mut dyn FnMut(&str),
) -> Result<Checked> {
    match source {
        Source::Staged | Source::RevRange(_) => {
            let repo = repo()?;
            let dir = folder_in_work_tree(&repo, located);
            let snapshot = match source {
                Source::RevRange(range) => {
                    // pm.toml's path from the top of the tree, to read it at the range's base.
                    let config_file = repo.workdir().and_then(|top| {
                        let file = located.file.as_deref()?;
                        Some(crate::paths::relative_slash(file, top))
                    });
                    crate::check_input::rev_range(&repo, range, &dir, config_file.as_deref())?
                }
                _ => crate::check_input::staged(&repo, &dir)?,
            };
            if let Some(changed) = &snapshot.config_changed {
                note(changed);
            }
            let config = match snapshot.config {
                Some(config) => {
                    checks::validate_rule_levels(&config).map_err(|e| {
                        Error::usage(format!("pm.toml (at the base of the range): {e}"))
                    })?;
                    config
                }
                None => located.config.clone(),
            };
            let report = checks::check(&snapshot.files, &config, &snapshot.known_ids);
            Ok(Checked {
                report,
                files: snapshot.files,
                config,
            })
        }
        Source::Stdin { input, name } => {
            let mut bytes = Vec::new();
            input
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            let path = match name {
                Some(name) => targets::shown_name(cwd, located, name),
                None => "<stdin>".to_string(),
            };
            let files = vec![SourceFile { path, bytes }];
            let known = match name {
                Some(_) => known_ids(located),
                None => KnownIds::new(),
            };
            let report = checks::check(&files, &located.config, &known);
            Ok(Checked {
                report,
                files,
                config: located.config.clone(),
            })
        }
        Source::Paths(paths) => {
            if paths.is_empty() {
                folder_exists(cwd, located)?;
            }
            let found = find_paths(cwd, located, paths)?;
            // When the whole folder is checked, every ID is among the files: no second listing.
            let known = if found.whole_folder {
                KnownIds::new()
            } else {
                known_ids(located)
            };
            let config = located.config.clone();
            let (mut report, files, unreadable) =
                checks::check_on_disk(&found.files, &config, &known);
            for file in found.unreadable.iter().chain(&unreadable) {
                report.add_unreadable(file, &config);
            }
            Ok(Checked {
                report,
                files,
                config,
            })
        }
    }
}

/// Checking the post-mortem folder when it is not there would report "0 files" and pass: a
/// false green in CI. A usage error says what is missing instead, or that the folder is
/// outside the repository (where the hook and CI never see its files).
fn folder_exists(cwd: &Path, located: &Located) -> Result<()> {
    let dir = located.postmortem_dir();
    let setting = match &located.file {
        Some(file) => format!(
            "repo.dir = \"{}\" in {}",
            located.config.repo.dir,
            file.display()
        ),
        None => format!(
            "no pm.toml was found, so the folder is the default `{}`",
            located.config.repo.dir
        ),
    };
    if !dir.is_dir() {
        return Err(Error::usage(format!(
            "the post-mortem folder {} does not exist ({setting}): fix repo.dir, run `pm init`, or name the files to check",
            dir.display()
        )));
    }
    if let Some(root) = crate::git::worktree_root(cwd) {
        let inside = dir
            .canonicalize()
            .ok()
            .zip(root.canonicalize().ok())
            .is_some_and(|(d, r)| d.starts_with(r));
        if !inside {
            return Err(Error::usage(format!(
                "the post-mortem folder {} is outside the repository {} ({setting}): the hook and CI would never see its files; fix repo.dir",
                dir.display(),
                root.display()
            )));
        }
    }
    Ok(())
}

/// Every rule with the level it runs at under `config`, in the registry's order.
pub fn rule_levels(config: &Config) -> Vec<(RuleMeta, Level)> {
    registry::all()
        .iter()
        .map(|r| (*r, checks::effective_level(config, r)))
        .collect()
}

/// The rule `--explain NAME` names: its ID, or its name without the group
/// (`individual-fault`) when one rule has that name. A usage error otherwise, with the
/// closest rule ID when one is close.
pub fn find_rule(name: &str) -> Result<&'static RuleMeta> {
    let by_name = || {
        let suffix = format!("/{name}");
        let mut matches = registry::all().iter().filter(|r| r.id.ends_with(&suffix));
        match (matches.next(), matches.next()) {
            (Some(rule), None) => Some(rule),
            _ => None,
        }
    };
    registry::find(name).or_else(by_name).ok_or_else(|| {
        let hint = match registry::did_you_mean_rule(name) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`pm check --list-rules` lists the rules".into(),
        };
        Error::usage(format!("no rule `{name}`; {hint}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_found_by_its_id_or_its_unique_name() {
        let rule = registry::all()[0];
        assert_eq!(find_rule(rule.id).map(|r| r.id).ok(), Some(rule.id));
        let name = rule.id.rsplit('/').next().unwrap_or_default();
        let unique = registry::all()
            .iter()
            .filter(|r| r.id.ends_with(&format!("/{name}")))
            .count()
            == 1;
        if unique {
            assert_eq!(find_rule(name).map(|r| r.id).ok(), Some(rule.id));
        }
        let missing = find_rule("no-such-rule-at-all")
            .err()
            .map(|e| e.to_string());
        assert!(
            missing.is_some_and(|m| m.contains("no rule `no-such-rule-at-all`")),
            "an unknown rule is refused"
        );
    }

    #[test]
    fn every_rule_is_listed_with_a_level() {
        let levels = rule_levels(&Config::default());
        assert_eq!(levels.len(), registry::all().len());
        assert!(levels.iter().all(|(r, l)| *l == r.level));
    }
}
