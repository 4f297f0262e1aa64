//! Paths as pm shows and resolves them: relative to a folder with `/` separators, and the
//! programs on `PATH`.

use std::path::{Path, PathBuf};

/// `path` resolved (symbolic links followed) when it exists, else as given.
pub fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// `path` relative to `base`, trying the paths as given and then resolved.
pub fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    if let Ok(rest) = path.strip_prefix(base) {
        return Some(rest.to_path_buf());
    }
    let path = path.canonicalize().ok()?;
    let base = base.canonicalize().ok()?;
    path.strip_prefix(base).ok().map(Path::to_path_buf)
}

/// A relative path with `/` between its parts (as git and URLs write it).
pub fn slash_joined(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The first executable `name` on PATH.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// True for a file the user may run.
#[cfg(unix)]
pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
pub fn is_executable(path: &Path) -> bool {
    path.is_file() || path.with_extension("exe").is_file()
}

/// `path` inside `base` as git knows it: relative, with `/` separators.
pub fn relative_slash(path: &Path, base: &Path) -> String {
    // Resolved first: when the post-mortem folder is a symbolic link inside the repository,
    // git knows the file by the path the link points to.
    let rest = path
        .canonicalize()
        .and_then(|p| {
            let b = base.canonicalize()?;
            p.strip_prefix(b)
                .map(Path::to_path_buf)
                .map_err(|e| std::io::Error::other(e.to_string()))
        })
        .or_else(|_| path.strip_prefix(base).map(Path::to_path_buf))
        .unwrap_or_else(|_| path.to_path_buf());
    slash_joined(&rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_use_slashes() {
        let base = Path::new("/repo");
        assert_eq!(
            relative_slash(Path::new("/repo/pm/2026/a.md"), base),
            "pm/2026/a.md"
        );
        assert_eq!(
            relative_to(Path::new("/repo/sub"), base),
            Some(PathBuf::from("sub"))
        );
        assert_eq!(relative_to(Path::new("/elsewhere"), base), None);
    }

    #[cfg(unix)]
    #[test]
    fn only_files_with_an_execute_bit_are_executable() -> std::io::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let tool = dir.path().join("tool");
        std::fs::write(&tool, "#!/bin/sh\n")?;
        assert!(!is_executable(&tool));
        std::fs::set_permissions(&tool, std::fs::Permissions::from_mode(0o755))?;
        assert!(is_executable(&tool));
        assert!(!is_executable(dir.path()));
        Ok(())
    }
}
