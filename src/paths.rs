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

// Confined file access
// --------------------
//
// The rule (docs/RELIABILITY.md, "Security"): pm reads and writes only regular files inside
// the folder it works in (the work tree, or the folder the user named, like a site's output),
// opened without following symbolic links. A repository is content a stranger may have
// written: a template, a year folder or a post-mortem that is a link could make pm copy a
// secret into a file ready to commit, or write outside the work tree.
//
// So a path is opened from its root one folder at a time, each with `openat(…, O_NOFOLLOW |
// O_DIRECTORY)`, and the file itself with `O_NOFOLLOW | O_NONBLOCK` (a FIFO does not hang the
// open) and checked to be a regular file on the open descriptor. Nothing is checked by path
// and then opened (no race between the check and the open). By hand on `rustix` because
// `cap-std`, which does the same, resolves links that stay inside its root, which is exactly
// what a hostile repository would use, and brings six more crates for four system calls.

/// Why a path was refused: a symbolic link, `..`, not a regular file, or outside its root.
/// The caller names the path (`Error::io`), so the text says only what is wrong, naming the
/// part of the path at fault when it is not the last.
fn refused(path: &Path, why: &str) -> std::io::Error {
    let _ = path;
    std::io::Error::new(std::io::ErrorKind::PermissionDenied, why.to_string())
}

/// The text of the refusal for a symbolic link, shared so messages agree.
pub const LINK_REFUSED: &str =
    "is a symbolic link; pm does not follow links inside the repository (one could point anywhere)";

/// `path` as the parts below `root`: refused when it is not under `root` or climbs with `..`.
fn parts_below<'p>(root: &Path, path: &'p Path) -> std::io::Result<Vec<&'p std::ffi::OsStr>> {
    use std::path::Component;
    let rest = match path.strip_prefix(root) {
        Ok(rest) => rest,
        Err(_) if path.is_relative() => path,
        Err(_) => return Err(refused(path, "is outside the folder pm works in")),
    };
    let mut parts = Vec::new();
    for c in rest.components() {
        match c {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            _ => return Err(refused(path, "climbs out of its folder (`..`)")),
        }
    }
    Ok(parts)
}

/// A folder opened without following links; files are opened and created in it by name.
#[cfg(unix)]
pub struct ConfinedDir {
    fd: std::os::fd::OwnedFd,
    path: PathBuf,
}

#[cfg(unix)]
impl ConfinedDir {
    /// Opens the folder `dir` under `root`, following no symbolic link below `root` (`root`
    /// itself is opened as given: the user named it). With `create`, missing folders are made
    /// (mode 0777 less the umask, as `mkdir` does).
    pub fn open(root: &Path, dir: &Path, create: bool) -> std::io::Result<ConfinedDir> {
        use rustix::fs::{mkdirat, openat, Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let parts = parts_below(root, dir)?;
        if create {
            std::fs::create_dir_all(root)?;
        }
        let mut fd = openat(rustix::fs::CWD, root, flags, Mode::empty())?;
        let mut path = root.to_path_buf();
        for part in parts {
            path.push(part);
            let next = match openat(&fd, part, flags | OFlags::NOFOLLOW, Mode::empty()) {
                Err(rustix::io::Errno::NOENT) if create => {
                    match mkdirat(&fd, part, Mode::from_raw_mode(0o777)) {
                        Ok(()) | Err(rustix::io::Errno::EXIST) => {}
                        Err(e) => return Err(e.into()),
                    }
                    openat(&fd, part, flags | OFlags::NOFOLLOW, Mode::empty())
                }
                other => other,
            };
            fd = next.map_err(|e| explain(&fd, part, &path, e))?;
        }
        Ok(ConfinedDir { fd, path })
    }

    /// The folder's path, as opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens the regular file `name` in this folder for reading, without following a link.
    pub fn open_file(&self, name: &std::ffi::OsStr) -> std::io::Result<std::fs::File> {
        use rustix::fs::{openat, Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let path = self.path.join(name);
        let fd = openat(&self.fd, name, flags, Mode::empty())
            .map_err(|e| explain(&self.fd, name, &path, e))?;
        let file = std::fs::File::from(fd);
        regular_file_metadata(&file, &path)?;
        Ok(file)
    }

    /// The descriptor, for the writes in `writing.rs`.
    pub(crate) fn fd(&self) -> std::os::fd::BorrowedFd<'_> {
        use std::os::fd::AsFd;
        self.fd.as_fd()
    }
}

/// The error of an `openat` that failed, saying "symbolic link" when that is why.
#[cfg(unix)]
fn explain(
    dir: &impl std::os::fd::AsFd,
    name: &std::ffi::OsStr,
    path: &Path,
    e: rustix::io::Errno,
) -> std::io::Error {
    explain_as(dir, name, name, path, e)
}

/// [`explain`] of the `openat` of `at` in `dir`, naming the file `name` in the message.
#[cfg(unix)]
fn explain_as(
    dir: &impl std::os::fd::AsFd,
    at: &std::ffi::OsStr,
    name: &std::ffi::OsStr,
    path: &Path,
    e: rustix::io::Errno,
) -> std::io::Error {
    let is_link = rustix::fs::statat(dir, at, rustix::fs::AtFlags::SYMLINK_NOFOLLOW)
        .is_ok_and(|st| rustix::fs::FileType::from_raw_mode(st.st_mode).is_symlink());
    if is_link {
        return refused(
            path,
            &format!("`{}` {LINK_REFUSED}", name.to_string_lossy()),
        );
    }
    let e = std::io::Error::from(e);
    std::io::Error::new(e.kind(), format!("`{}`: {e}", name.to_string_lossy()))
}

/// Opens the regular file at `path` under `root` for reading, following no symbolic link below
/// `root`: the one way pm opens a file that is repository content (templates, `pm.toml`,
/// post-mortems, a site's input).
#[cfg(unix)]
pub fn open_confined(root: &Path, path: &Path) -> std::io::Result<std::fs::File> {
    let parts = parts_below(root, path)?;
    let Some((name, folders)) = parts.split_last() else {
        return Err(refused(path, "is a folder, not a file"));
    };
    let dir: PathBuf = folders.iter().collect();
    ConfinedDir::open(root, &dir, false)?.open_file(name)
}

#[cfg(not(unix))]
pub fn open_confined(root: &Path, path: &Path) -> std::io::Result<std::fs::File> {
    parts_below(root, path)?;
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(refused(path, "is not a regular file"));
    }
    std::fs::File::open(path)
}

/// Opens `path` for reading when it is a regular file and not a symbolic link (only its last
/// part is checked: for files found by a walk that follows no links, like the post-mortems).
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    open_regular_with_metadata(path).map(|(file, _)| file)
}

/// [`open_regular`], with the open file's metadata (one `statx` for the check and the caller).
///
/// One `openat` with `O_NOFOLLOW` on the whole path: the last part is refused if it is a
/// link, as opening its folder and then the name would refuse it, two system calls fewer per
/// file (a listing opens thousands). Errors: `IsADirectory` for a folder; "is not a regular
/// file" (a FIFO, a device) and [`LINK_REFUSED`] for a link, both naming the path.
pub fn open_regular_with_metadata(
    path: &Path,
) -> std::io::Result<(std::fs::File, std::fs::Metadata)> {
    let name = path
        .file_name()
        .ok_or_else(|| refused(path, "is a folder, not a file"))?;
    #[cfg(unix)]
    let file = {
        use rustix::fs::{openat, Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let fd = openat(rustix::fs::CWD, path, flags, Mode::empty())
            .map_err(|e| explain_as(&rustix::fs::CWD, path.as_os_str(), name, path, e))?;
        std::fs::File::from(fd)
    };
    #[cfg(not(unix))]
    let file = {
        let _ = name;
        open_confined(Path::new(""), path)?
    };
    let meta = regular_file_metadata(&file, path)?;
    Ok((file, meta))
}

/// The metadata of an open `file` (opened as `path`), if it is a regular file. Errors:
/// `IsADirectory` for a folder, "is not a regular file" naming `path` for anything else.
fn regular_file_metadata(file: &std::fs::File, path: &Path) -> std::io::Result<std::fs::Metadata> {
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a folder, not a file",
        ));
    }
    if !meta.is_file() {
        return Err(refused(path, "is not a regular file"));
    }
    Ok(meta)
}

/// Reads the regular file `path` under `root` (see [`open_confined`]), at most `limit` bytes:
/// a longer file is an error naming the limit.
pub fn read_confined(root: &Path, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = open_confined(root, path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes, the most pm reads here"),
        ));
    }
    Ok(bytes)
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
