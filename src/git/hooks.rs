//! The pre-commit hook on disk: where git will run it, and installing, recognising and
//! removing pm's script without ever losing a hook that was there before.
//!
//! A hook that is not pm's is kept beside ours as `pre-commit.pm-kept` (moved by rename, so its
//! bytes and mode survive) and run first by our script; uninstalling renames it back. The name
//! is pm's own: `pre-commit.legacy` belongs to the pre-commit framework and `pre-commit.old` to
//! lefthook, which move a hook they find there (pm's included) and would otherwise take pm's
//! kept hook for theirs. Hook managers themselves are handled in `managers.rs`.

use super::{run, Repo};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The script, with `@PM_BINARY@` and `@PM_ROOT@` left to fill in.
pub const SCRIPT_TEMPLATE: &str = include_str!("../../hooks/pre-commit");
/// The line that marks a pre-commit hook as pm's.
pub const MARKER: &str = "# pm-hook: pre-commit";
const VERSION_PREFIX: &str = "# pm-hook-version: ";
/// The version of the script this pm writes; bumped whenever the script changes.
pub const VERSION: u32 = 2;
pub const HOOK_NAME: &str = "pre-commit";
/// Where a hook that was there before pm's is kept.
pub const KEPT_NAME: &str = "pre-commit.pm-kept";
/// Where the pre-commit framework keeps a hook it found (and where pm's script version 1 kept
/// one).
pub const LEGACY_NAME: &str = "pre-commit.legacy";
/// Where lefthook keeps a hook it found (and then never runs).
pub const OLD_NAME: &str = "pre-commit.old";

/// The folder git runs hooks from, and why.
#[derive(Debug, Clone)]
pub struct HooksDir {
    /// Absolute.
    pub path: PathBuf,
    /// `hooks` in the repository's common git folder (where hooks are when `core.hooksPath`
    /// is not set), absolute.
    pub default_path: PathBuf,
    /// The top of the work tree.
    pub workdir: PathBuf,
    /// `core.hooksPath` when set: (scope as git names it: `local`, `worktree`, `global`,
    /// `system`, `command`; value).
    pub hooks_path: Option<(String, String)>,
}

impl HooksDir {
    /// True when `core.hooksPath` comes from outside this repository (the user's or the
    /// system's configuration): installing there changes every repository that uses it.
    pub fn is_shared(&self) -> bool {
        self.hooks_path
            .as_ref()
            .is_some_and(|(scope, _)| scope != "local" && scope != "worktree")
    }

    pub fn hook(&self) -> PathBuf {
        self.path.join(HOOK_NAME)
    }

    pub fn legacy(&self) -> PathBuf {
        self.path.join(LEGACY_NAME)
    }

    pub fn kept(&self) -> PathBuf {
        self.path.join(KEPT_NAME)
    }

    /// True when git runs hooks from a folder other than the repository's own `hooks`.
    pub fn moved_away(&self) -> bool {
        !same_dir(&self.path, &self.default_path)
    }

    /// The hooks folder when it lies inside the work tree (outside the git folder): a folder
    /// the project keeps, such as `.githooks` or husky's `.husky/_`.
    pub fn in_work_tree(&self) -> Option<PathBuf> {
        let path = canonical(&self.path);
        let top = canonical(&self.workdir);
        let rel = path.strip_prefix(&top).ok()?;
        (rel.components().next()? != std::path::Component::Normal(".git".as_ref()))
            .then(|| rel.to_path_buf())
    }
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    canonical(a) == canonical(b)
}

/// Asks git where it runs hooks from in this repository (or linked worktree, or submodule):
/// `git rev-parse --git-path hooks` honours `core.hooksPath` whatever its scope.
pub fn hooks_dir(repo: &Repo) -> Result<HooksDir> {
    let workdir = repo.workdir().ok_or_else(|| {
        Error::usage(
            "this is a bare repository, where git runs no pre-commit hook: \
             see docs/HOOKS.md for a pre-receive hook with `pm check --rev-range`",
        )
    })?;
    // Absolute paths: git prints `--git-path` relative to the current folder otherwise, and a
    // relative core.hooksPath is relative to the top of each work tree.
    // One value per call: a path may hold a newline.
    let ask = |what: &[&str]| -> Result<String> {
        let out = run(repo
            .git()
            .args(["rev-parse", "--path-format=absolute"])
            .args(what))?;
        let value = out.strip_suffix('\n').unwrap_or(&out).to_string();
        if value.is_empty() {
            return Err(Error::Git(format!(
                "`git rev-parse {}` said nothing",
                what.join(" ")
            )));
        }
        Ok(value)
    };
    let raw = ask(&["--git-path", "hooks"])?;
    let common = ask(&["--git-common-dir"])?;
    let path = workdir.join(raw);
    let default_path = workdir.join(common).join("hooks");
    let mut cmd = repo.git();
    cmd.args(["config", "--show-scope", "--get", "core.hooksPath"]);
    let output = cmd
        .output()
        .map_err(|e| Error::Git(format!("cannot run git: {e}")))?;
    let hooks_path = if output.status.success() {
        let text = String::from_utf8_lossy(&output.stdout);
        let text = text.trim_end_matches('\n');
        text.split_once('\t')
            .map(|(scope, value)| (scope.to_string(), value.to_string()))
    } else {
        None
    };
    Ok(HooksDir {
        path,
        default_path,
        workdir: workdir.to_path_buf(),
        hooks_path,
    })
}

/// What is at the hook's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HookState {
    /// No pre-commit hook.
    Missing,
    /// pm's script, this version.
    Installed,
    /// pm's script from an older pm.
    Outdated { version: u32 },
    /// pm's script from a newer pm than this one.
    Newer { version: u32 },
    /// Somebody else's hook.
    Foreign,
}

/// pm's script version when `bytes` is pm's hook.
pub fn script_version(bytes: &[u8]) -> Option<u32> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines().take(20);
    if !lines.any(|line| line.trim_end() == MARKER) {
        return None;
    }
    let version = text
        .lines()
        .take(20)
        .find_map(|line| line.strip_prefix(VERSION_PREFIX))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    Some(version)
}

/// Reads the state of the hook at `path`.
pub fn state(path: &Path) -> Result<HookState> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HookState::Missing),
        Err(e) => return Err(Error::io(path, e)),
        Ok(meta) if !meta.is_file() => return Ok(HookState::Foreign),
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(match script_version(&bytes) {
        None => HookState::Foreign,
        Some(v) if v == VERSION => HookState::Installed,
        Some(v) if v < VERSION => HookState::Outdated { version: v },
        Some(v) => HookState::Newer { version: v },
    })
}

/// Quotes `bytes` as one word for POSIX sh: inside single quotes nothing is special, and a
/// single quote is written as `'\''`.
pub fn sh_quote(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 2);
    out.push(b'\'');
    for &b in bytes {
        if b == b'\'' {
            out.extend_from_slice(b"'\\''");
        } else {
            out.push(b);
        }
    }
    out.push(b'\'');
    out
}

/// `root` (a folder relative to the top of the work tree, `""` for the top) as a path that
/// starts with `./`, so that no program takes it for an option.
pub fn dot_path(root: &str) -> String {
    if root.is_empty() {
        "./".to_string()
    } else {
        format!("./{root}")
    }
}

/// The script that runs `pm_binary` from `root` (the folder of `pm.toml`, relative to the top of
/// the work tree; empty for the top).
pub fn render_script(pm_binary: &Path, root: &str) -> Vec<u8> {
    let root = dot_path(root);
    let binary = os_bytes(pm_binary.as_os_str());
    let mut out = Vec::with_capacity(SCRIPT_TEMPLATE.len() + 200);
    // A checkout that turned the script's line endings into CRLF must not break sh.
    let template = SCRIPT_TEMPLATE.replace("\r\n", "\n");
    for line in template.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("pm_binary=@PM_BINARY@") {
            out.extend_from_slice(b"pm_binary=");
            out.extend_from_slice(&sh_quote(&binary));
            out.extend_from_slice(rest.as_bytes());
        } else if let Some(rest) = line.strip_prefix("pm_root=@PM_ROOT@") {
            out.extend_from_slice(b"pm_root=");
            out.extend_from_slice(&sh_quote(root.as_bytes()));
            out.extend_from_slice(rest.as_bytes());
        } else {
            out.extend_from_slice(line.as_bytes());
        }
    }
    out
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    // Git for Windows runs hooks with its own sh, which takes forward slashes.
    s.to_string_lossy().replace('\\', "/").into_bytes()
}

/// What `install` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    /// pm's current script was already there, byte for byte.
    AlreadyInstalled,
    /// Written where there was no hook.
    Fresh,
    /// pm's older (or differently configured) script was replaced.
    Updated,
    /// Somebody else's hook was moved to `pre-commit.pm-kept` and is run first.
    KeptForeign,
}

/// True when the file at `path` is a script of pm's (any version).
pub fn is_ours(path: &Path) -> bool {
    matches!(
        state(path),
        Ok(HookState::Installed | HookState::Outdated { .. } | HookState::Newer { .. })
    )
}

/// Installs `script` as the pre-commit hook in `dir`. A foreign hook is kept as
/// `pre-commit.pm-kept`; a script from a newer pm is only replaced with `force`.
pub fn install(dir: &HooksDir, script: &[u8], force: bool) -> Result<Installed> {
    install_at(&dir.path, &dir.hook(), script, force)
}

/// [`install`] at `hook` (in the folder `folder`): `pre-commit`, or `pre-commit.legacy` where
/// the pre-commit framework runs pm's script.
pub fn install_at(folder: &Path, hook: &Path, script: &[u8], force: bool) -> Result<Installed> {
    let hook = hook.to_path_buf();
    let legacy = folder.join(KEPT_NAME);
    // pm's script version 1 kept a foreign hook as pre-commit.legacy: moved to pm's own name
    // when that script is replaced (the framework never leaves a pre-commit.legacy beside a
    // script that is not its own, so that file is the one pm kept).
    let v1_kept = folder.join(LEGACY_NAME);
    let migrate_v1 = hook.file_name() == Some(HOOK_NAME.as_ref())
        && matches!(state(&hook)?, HookState::Outdated { version } if version < 2)
        && exists(&v1_kept)?
        && !is_ours(&v1_kept)
        && !exists(&legacy)?;
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let outcome = match state(&hook)? {
        HookState::Missing => Installed::Fresh,
        HookState::Installed => {
            let current = std::fs::read(&hook).map_err(|e| Error::io(&hook, e))?;
            if current == script && crate::paths::is_executable(&hook) {
                return Ok(Installed::AlreadyInstalled);
            }
            Installed::Updated
        }
        HookState::Outdated { .. } => Installed::Updated,
        HookState::Newer { version } => {
            if !force {
                return Err(Error::usage(format!(
                    "{} was installed by a newer pm (hook version {version}; this pm writes \
                     version {VERSION}): update pm, or pass --force to replace it with this \
                     pm's hook",
                    hook.display()
                )));
            }
            Installed::Updated
        }
        HookState::Foreign => {
            if exists(&legacy)? {
                return Err(Error::usage(format!(
                    "{} is not pm's hook, and {} is taken too, so there is nowhere to keep it: \
                     merge the two by hand (or move one away), then run `pm hooks install` again",
                    hook.display(),
                    legacy.display()
                )));
            }
            Installed::KeptForeign
        }
    };

    // The new script is complete on disk before anything is moved: a failure part-way leaves
    // the hooks as they were.
    let temp = write_temp(folder, script)?;
    if outcome == Installed::KeptForeign {
        std::fs::rename(&hook, &legacy).map_err(|e| Error::io(&hook, e))?;
    }
    if let Err(e) = temp.persist(&hook) {
        if outcome == Installed::KeptForeign {
            let _ = std::fs::rename(&legacy, &hook);
        }
        return Err(Error::io(&hook, e.error));
    }
    if migrate_v1 {
        std::fs::rename(&v1_kept, &legacy).map_err(|e| Error::io(&v1_kept, e))?;
    }
    Ok(outcome)
}

/// What `uninstall` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Uninstalled {
    /// pm's hook removed; no other hook was kept.
    Removed,
    /// pm's hook removed and the hook it had kept put back.
    RestoredForeign,
    /// No hook there.
    NothingInstalled,
    /// The hook there is not pm's: left alone.
    NotOurs,
}

/// Removes pm's hook from `dir`, putting back the hook it had kept.
pub fn uninstall(dir: &HooksDir) -> Result<Uninstalled> {
    uninstall_in(&dir.path)
}

/// Removes pm's script from the hooks folder `folder`, wherever a manager put it:
/// `pre-commit` (the hook pm kept is put back), `pre-commit.legacy` (the pre-commit
/// framework's migration mode runs it: the hook pm kept takes that name, which is where the
/// framework would have put it had pm never been there) or `pre-commit.old` (lefthook moved
/// it aside: likewise).
pub fn uninstall_in(folder: &Path) -> Result<Uninstalled> {
    let kept = folder.join(KEPT_NAME);
    for aside in [LEGACY_NAME, OLD_NAME] {
        let path = folder.join(aside);
        if exists(&path)? && is_ours(&path) {
            if exists(&kept)? {
                std::fs::rename(&kept, &path).map_err(|e| Error::io(&kept, e))?;
                return Ok(Uninstalled::RestoredForeign);
            }
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            return Ok(Uninstalled::Removed);
        }
    }
    let hook = folder.join(HOOK_NAME);
    let legacy = if exists(&kept)? {
        kept
    } else {
        // pm's script version 1 kept a foreign hook here.
        folder.join(LEGACY_NAME)
    };
    match state(&hook)? {
        HookState::Missing => Ok(Uninstalled::NothingInstalled),
        HookState::Foreign => Ok(Uninstalled::NotOurs),
        HookState::Installed | HookState::Outdated { .. } | HookState::Newer { .. } => {
            if exists(&legacy)? {
                // One rename replaces ours with the kept hook: there is no moment without one.
                std::fs::rename(&legacy, &hook).map_err(|e| Error::io(&legacy, e))?;
                Ok(Uninstalled::RestoredForeign)
            } else {
                std::fs::remove_file(&hook).map_err(|e| Error::io(&hook, e))?;
                Ok(Uninstalled::Removed)
            }
        }
    }
}

/// The pm binary an installed script of ours calls, as written in it.
pub fn recorded_binary(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let line = text.lines().find_map(|l| l.strip_prefix("pm_binary="))?;
    let unquoted = line.strip_prefix('\'')?.strip_suffix('\'')?;
    Some(unquoted.replace("'\\''", "'"))
}

pub fn exists(path: &Path) -> Result<bool> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn write_temp(dir: &Path, contents: &[u8]) -> Result<tempfile::NamedTempFile> {
    use std::io::Write;
    let mut temp = tempfile::Builder::new()
        .prefix(".pm-hook-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    temp.write_all(contents)
        .and_then(|_| temp.as_file().sync_all())
        .map_err(|e| Error::io(temp.path(), e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(temp.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(temp.path(), e))?;
    }
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_every_shell_character() {
        assert_eq!(sh_quote(b"/a b/pm"), b"'/a b/pm'");
        assert_eq!(sh_quote(b"it's"), b"'it'\\''s'");
        let script = render_script(Path::new("/x/$(touch y)/`z`/it's/pm"), "docs");
        let text = String::from_utf8(script.clone()).expect("utf-8");
        assert!(
            text.contains("pm_binary='/x/$(touch y)/`z`/it'\\''s/pm'\n"),
            "{text}"
        );
        assert!(text.contains("pm_root='./docs'\n"), "{text}");
        assert_eq!(
            recorded_binary(&script).as_deref(),
            Some("/x/$(touch y)/`z`/it's/pm")
        );
        assert_eq!(script_version(&script), Some(VERSION));
    }

    #[test]
    fn the_script_is_posix_sh_with_lf_endings() {
        let script = render_script(Path::new("/bin/pm"), "");
        assert!(script.starts_with(b"#!/bin/sh\n"));
        assert!(!script.contains(&b'\r'));
        assert_eq!(script_version(b"#!/bin/sh\necho hi\n"), None);
        assert_eq!(
            script_version(b"#!/bin/sh\n# pm-hook: pre-commit\n"),
            Some(0)
        );
    }
}
