//! What `pm check` reads from disk: the post-mortem files the command line names (folders
//! walked), the folder as the snapshot readers see it, the IDs the other files hold, and the
//! name a file read from standard input is reported under.

use super::KnownIds;
use crate::config::Located;
use crate::error::{Error, Result};
use crate::git::Repo;
use crate::paths::canonical;
use crate::repository::{self, Unreadable};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The post-mortem folder relative to the work-tree root (the snapshot readers' `dir`).
pub fn folder_in_work_tree(repo: &Repo, located: &Located) -> PathBuf {
    let folder = located.postmortem_dir();
    let Some(workdir) = repo.workdir() else {
        return PathBuf::from(&located.config.repo.dir);
    };
    let workdir = canonical(workdir);
    let root = canonical(&located.root);
    match root.strip_prefix(&workdir) {
        Ok(rel) => rel.join(&located.config.repo.dir),
        Err(_) => folder
            .strip_prefix(workdir)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| PathBuf::from(&located.config.repo.dir)),
    }
}

/// Every post-mortem ID in the folder, from the file names alone: (id, path).
pub fn known_ids(located: &Located) -> KnownIds {
    let root = canonical(&located.root);
    let folder = root.join(&located.config.repo.dir);
    match repository::list(&folder, &root) {
        Ok((entries, _)) => entries.iter().map(|e| (&e.stem, &e.display)).collect(),
        Err(_) => KnownIds::new(),
    }
}

/// What [`find_paths`] returns.
pub struct Found {
    /// The files to check: (path, shown path).
    pub files: Vec<(PathBuf, String)>,
    /// The files passed over, with why.
    pub unreadable: Vec<Unreadable>,
    /// Whether the whole post-mortem folder is among the paths.
    pub whole_folder: bool,
}

/// The post-mortem files the paths name (folders are walked), without reading them.
pub fn find_paths(cwd: &Path, located: &Located, paths: &[PathBuf]) -> Result<Found> {
    let root = canonical(&located.root);
    let folder = canonical(&located.postmortem_dir());
    let mut whole_folder = false;
    let given: Vec<(PathBuf, String)> = if paths.is_empty() {
        let folder = located.postmortem_dir();
        let shown = repository::display_path(&folder, &located.root);
        vec![(folder, shown)]
    } else {
        paths
            .iter()
            .map(|p| (cwd.join(p), p.display().to_string()))
            .collect()
    };
    let mut targets: Vec<(PathBuf, String)> = Vec::new();
    let mut skipped_files: Vec<Unreadable> = Vec::new();
    let mut seen = HashSet::new();
    for (path, shown) in &given {
        if !path.exists() {
            if paths.is_empty() {
                // No post-mortems yet: nothing to check is not an error.
                continue;
            }
            return Err(Error::usage(format!("{shown}: no such file or folder")));
        }
        let resolved = canonical(path);
        if !resolved.starts_with(&root) {
            return Err(Error::usage(format!(
                "{shown} is outside the repository root {}; pm checks post-mortems inside it (run pm from the other repository, or pass -C)",
                root.display()
            )));
        }
        if resolved.is_dir() {
            whole_folder |= folder.starts_with(&resolved);
            let (entries, skipped) = repository::list(&resolved, &root)?;
            // A post-mortem pm could not read is a finding, not a pass: a link or an unreadable
            // folder would otherwise hide a document from the hook and from CI.
            skipped_files.extend(skipped);
            for entry in entries {
                if seen.insert(entry.path.clone()) {
                    targets.push((entry.path, entry.display));
                }
            }
        } else if seen.insert(resolved.clone()) {
            let display = repository::display_path(&resolved, &root);
            targets.push((resolved, display));
        }
    }
    Ok(Found {
        files: targets,
        unreadable: skipped_files,
        whole_folder,
    })
}

/// The name to report a document read from standard input under (`--stdin-filename NAME`):
/// its path from the configuration root when it is inside it (the file may not exist yet, as
/// for an unsaved buffer), else the name as given.
pub fn shown_name(cwd: &Path, located: &Located, name: &str) -> String {
    let given = cwd.join(name);
    let root = canonical(&located.root);
    // The file may not exist yet (an unsaved buffer): resolve its folder instead.
    let resolved = match (given.parent(), given.file_name()) {
        (Some(parent), Some(file)) => canonical(parent).join(file),
        _ => given.clone(),
    };
    match resolved.strip_prefix(&root) {
        Ok(_) => repository::display_path(&resolved, &root),
        Err(_) => name.to_string(),
    }
}
