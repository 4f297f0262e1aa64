//! Writing post-mortem files safely: a new file never replaces one, an edit holds an exclusive
//! lock and replaces the file only if it still has the bytes that were read, and temporary
//! files a killed pm left behind are cleaned up.

use crate::error::{Error, Result};
#[cfg(not(unix))]
use crate::repository;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a confined write does when the file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse: nothing is written (`pm new`, `pm init`).
    Keep,
    /// Replace it atomically, keeping its permissions (an edit, a site page).
    Replace,
}

/// Writes `contents` to `path` under `root`, the one way pm writes a file (see
/// `paths::ConfinedDir` for the rule): the folders from `root` down are opened (and made when
/// missing) without following a symbolic link; the bytes go to a temporary file created in
/// that folder with `O_CREAT | O_EXCL | O_NOFOLLOW`, flushed, then linked to the name (never
/// replacing a file: [`Existing::Keep`]) or renamed over it ([`Existing::Replace`]). A crash
/// leaves the old file or the new one, never half of one.
///
/// A new file's permissions are 0666 less the umask (0644 under the usual 022), as any
/// program's new file; a replaced file keeps its own.
pub fn write_confined(root: &Path, path: &Path, contents: &[u8], existing: Existing) -> Result<()> {
    #[cfg(unix)]
    {
        write_confined_unix(root, path, contents, existing)
    }
    #[cfg(not(unix))]
    {
        let _ = root;
        match existing {
            Existing::Keep => repository::create_new(path, contents),
            Existing::Replace => repository::write_atomic(path, contents),
        }
    }
}

#[cfg(unix)]
fn write_confined_unix(
    root: &Path,
    path: &Path,
    contents: &[u8],
    existing: Existing,
) -> Result<()> {
    use rustix::fs::{fchmod, fsync, linkat, openat, renameat, statat, unlinkat};
    use rustix::fs::{AtFlags, FileType, Mode, OFlags};
    let name = path
        .file_name()
        .ok_or_else(|| Error::usage(format!("{} names no file", path.display())))?;
    let folder = path.parent().unwrap_or(Path::new(""));
    let dir =
        crate::paths::ConfinedDir::open(root, folder, true).map_err(|e| Error::io(folder, e))?;
    let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    let (tmp_name, fd) = (0..100)
        .find_map(|attempt| {
            let tmp = temp_name(attempt);
            match openat(dir.fd(), tmp.as_str(), flags, Mode::from_raw_mode(0o666)) {
                Err(rustix::io::Errno::EXIST) => None,
                other => Some(other.map(|fd| (tmp, fd))),
            }
        })
        .unwrap_or(Err(rustix::io::Errno::EXIST))
        .map_err(|e| Error::io(dir.path(), e.into()))?;
    let remove_tmp = || {
        let _ = unlinkat(dir.fd(), tmp_name.as_str(), AtFlags::empty());
    };
    let written = (|| -> std::io::Result<()> {
        if existing == Existing::Replace {
            if let Ok(st) = statat(dir.fd(), name, AtFlags::SYMLINK_NOFOLLOW) {
                if FileType::from_raw_mode(st.st_mode) == FileType::Directory {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::IsADirectory,
                        "is a folder, not a file",
                    ));
                }
                if FileType::from_raw_mode(st.st_mode) == FileType::RegularFile {
                    fchmod(&fd, Mode::from_raw_mode(st.st_mode & 0o7777))?;
                }
            }
        }
        let mut file = File::from(fd);
        file.write_all(contents)?;
        fsync(&file)?;
        Ok(())
    })();
    if let Err(e) = written {
        remove_tmp();
        return Err(Error::io(path, e));
    }
    let placed = match existing {
        Existing::Keep => {
            let linked = linkat(
                dir.fd(),
                tmp_name.as_str(),
                dir.fd(),
                name,
                AtFlags::empty(),
            );
            remove_tmp();
            linked
        }
        Existing::Replace => {
            let renamed = renameat(dir.fd(), tmp_name.as_str(), dir.fd(), name);
            if renamed.is_err() {
                remove_tmp();
            }
            renamed
        }
    };
    match placed {
        Ok(()) => {}
        Err(rustix::io::Errno::EXIST) => {
            return Err(Error::usage(format!(
                "{} already exists; nothing was written",
                path.display()
            )))
        }
        Err(e) => return Err(Error::io(path, e.into())),
    }
    let _ = fsync(dir.fd());
    Ok(())
}

/// A name for a temporary file no other writer picks: `.pm-PID-N-NANOS.tmp` (pm skips names
/// starting with `.`; [`remove_stale_temp_files`] removes old ones).
#[cfg(unix)]
fn temp_name(attempt: u32) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        ".pm-{}-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos ^ attempt
    )
}

/// The `(root, path)` that [`write_confined`] takes for a file at `path` below the post-mortem
/// folder `dir` of the work tree `workdir`: the folder is resolved once (it may be a link
/// inside the work tree, which `refuse_folder_outside` checks) and nothing below it is
/// followed. When the folder does not exist yet, the root is the work tree itself.
pub fn confined_target(dir: &Path, workdir: &Path, path: &Path) -> (PathBuf, PathBuf) {
    let rest = path.strip_prefix(dir).unwrap_or(path);
    match dir.canonicalize() {
        Ok(resolved) => (resolved.clone(), resolved.join(rest)),
        Err(_) => {
            let top = crate::paths::canonical(workdir);
            let below = crate::paths::relative_to(dir, workdir).unwrap_or_default();
            (top.clone(), top.join(below).join(rest))
        }
    }
}

/// Writes a new file under `root` without ever replacing one (see [`write_confined`]).
pub fn write_new(root: &Path, path: &Path, contents: &[u8]) -> Result<()> {
    write_confined(root, path, contents, Existing::Keep)
}

/// [`replace_if_unchanged`] for a post-mortem the listing found (an action, status or timeline
/// edit): the file's own folder is the root, so only the file itself is opened without
/// following a link.
pub fn replace_in_place_if_unchanged(
    path: &Path,
    display: &str,
    read: &[u8],
    new_text: &str,
) -> Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    replace_if_unchanged(folder, path, display, read, new_text)
}

/// Replaces the file at `path` (shown as `display`) with `new_text`, unless it changed on disk
/// since `read` was read from it.
pub fn replace_if_unchanged(
    root: &Path,
    path: &Path,
    display: &str,
    read: &[u8],
    new_text: &str,
) -> Result<()> {
    let now = crate::paths::read_confined(root, path, crate::document::MAX_FILE_BYTES)
        .map_err(|e| Error::io(path, e))?;
    if now != read {
        return Err(Error::input(
            display,
            "the file changed on disk while pm was editing it (an editor saved it?); nothing was \
             written: run the command again",
        ));
    }
    write_confined(root, path, new_text.as_bytes(), Existing::Replace)?;
    remove_stale_temp_files(path);
    Ok(())
}

/// A temporary file older than this was left by a pm that was killed while writing.
const STALE_TEMP: Duration = Duration::from_secs(60);

/// Removes the temporary files (`.pm-*.tmp`) that a pm killed mid-write left beside `file`.
/// pm never reads them (names starting with `.` are skipped), but `git status` shows them and
/// `git add -A` would stage them. Only old ones go: every `pm action` edit holds the lock, but
/// another writer (a site build into this folder) might be using a fresh one.
fn remove_stale_temp_files(file: &Path) {
    let Some(dir) = file.parent() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".pm-") && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= STALE_TEMP);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An exclusive lock around a read-modify-write. The operating system releases it when pm
/// exits, however it exits, so a lock is never left stale.
pub struct Lock {
    _file: File,
}

/// How long to wait for another pm to finish before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(5);

impl Lock {
    /// Where the lock for editing `file` lives: inside the git folder (`pm.lock`) when there
    /// is one, else beside the file.
    pub fn path_for(git_dir: Option<&Path>, file: &Path) -> PathBuf {
        match git_dir {
            Some(dir) => dir.join("pm.lock"),
            None => file.parent().unwrap_or(Path::new(".")).join(".pm.lock"),
        }
    }

    /// Takes the lock at `path`, waiting up to five seconds for another pm; `waiting` is told
    /// once who holds it. `us` says who we are (e.g. the command line) to whoever waits
    /// on us.
    pub fn acquire(path: &Path, us: &str, waiting: impl FnOnce(&str)) -> Result<Lock> {
        let mut handle = open_lock_file(path)?;
        let start = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match handle.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let holder = holder(&mut handle);
                    if start.elapsed() >= LOCK_WAIT {
                        return Err(Error::usage(format!(
                            "another pm ({holder}) has held {} for {}s: wait for it to finish \
                             and run again",
                            path.display(),
                            LOCK_WAIT.as_secs()
                        )));
                    }
                    if let Some(tell) = waiting.take() {
                        tell(&holder);
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(path, e)),
            }
        }
        // Say who holds the lock, for whoever waits on it.
        let _ = handle.set_len(0).and_then(|_| {
            handle.rewind()?;
            // At most 200 characters of the command line: what `holder` shows, and it keeps
            // the file well under LOCK_FILE_MAX.
            let us: String = us.chars().take(200).collect();
            write!(handle, "pid {}: {us}", std::process::id())
        });
        Ok(Lock { _file: handle })
    }
}

/// The most a lock file pm made can hold: `pid N: ` and a command line of 200 characters (up
/// to 800 bytes); older pms wrote the whole command line, hence the room.
const LOCK_FILE_MAX: u64 = 64 * 1024;

/// Opens the lock file at `path`, creating it (`O_CREAT | O_EXCL`, not following a link) when
/// it is not there. One already there is used only when it is a regular file that reads as
/// one pm makes (empty, or `pid N: …`): the lock is written to (the holder's line), and a
/// lock path is predictable (`.pm.lock` beside the file when there is no git folder), so
/// a link or a file someone else put there must never be truncated.
fn open_lock_file(path: &Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc_flags::NOFOLLOW | libc_flags::NONBLOCK);
    }
    match options.clone().create_new(true).open(path) {
        Ok(file) => return Ok(file),
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
            return Err(Error::io(path, lock_error(path, e)))
        }
        Err(_) => {}
    }
    let mut file = options
        .open(path)
        .map_err(|e| Error::io(path, lock_error(path, e)))?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    let mut text = String::new();
    let ours = meta.is_file()
        && meta.len() <= LOCK_FILE_MAX
        && (&mut file)
            .take(LOCK_FILE_MAX)
            .read_to_string(&mut text)
            .is_ok()
        && (text.is_empty() || text.starts_with("pid "));
    if !ours {
        return Err(Error::usage(format!(
            "{} exists and is not a lock file pm made (one holds `pid N: command`): pm will \
             not write to it; remove or rename it and run again",
            path.display()
        )));
    }
    Ok(file)
}

/// The open error of a lock file, saying so when it is a symbolic link.
fn lock_error(path: &Path, e: std::io::Error) -> std::io::Error {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("the lock file {}", crate::paths::LINK_REFUSED),
        )
    } else {
        e
    }
}

/// The open flags pm adds to `std`'s (from rustix, so they are right on every Unix).
#[cfg(unix)]
mod libc_flags {
    pub const NOFOLLOW: i32 = rustix::fs::OFlags::NOFOLLOW.bits() as i32;
    pub const NONBLOCK: i32 = rustix::fs::OFlags::NONBLOCK.bits() as i32;
}

fn holder(handle: &mut File) -> String {
    let mut text = String::new();
    let _ = handle
        .rewind()
        .and_then(|_| handle.read_to_string(&mut text));
    let text = text.trim();
    if text.is_empty() {
        "unknown process".into()
    } else {
        text.chars().take(200).collect()
    }
}

/// Makes the folder `dir` under `root` and the missing folders above it, the one way pm makes
/// a folder (`pm init`, a workflow's folder): each part is made with `mkdirat` and opened
/// without following a symbolic link (`paths::ConfinedDir`), so a folder of the repository
/// that is a link (to a folder outside the work tree, or dangling) is refused, never written
/// through. True when the folder was made, false when it was there.
pub fn create_dir_confined(root: &Path, dir: &Path) -> Result<bool> {
    #[cfg(unix)]
    {
        let existed = crate::paths::ConfinedDir::open(root, dir, false).is_ok();
        crate::paths::ConfinedDir::open(root, dir, true).map_err(|e| Error::io(dir, e))?;
        Ok(!existed)
    }
    #[cfg(not(unix))]
    {
        let _ = root;
        let existed = dir.is_dir();
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        Ok(!existed)
    }
}

/// Refuses a post-mortem folder that is a symbolic link leaving the work tree: the new file
/// would land where git cannot track it, so it could be neither committed nor checked.
pub fn refuse_folder_outside(dir: &Path, workdir: &Path) -> Result<()> {
    let (Ok(resolved), Ok(top)) = (dir.canonicalize(), workdir.canonicalize()) else {
        return Ok(());
    };
    if resolved.starts_with(&top) {
        return Ok(());
    }
    Err(Error::usage(format!(
        "the post-mortem folder {} is a symbolic link to {}, outside the repository: git \
         cannot track a file there; move the folder into the repository (or point repo.dir \
         in pm.toml at a folder inside it)",
        dir.display(),
        resolved.display()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(".", e))?;
        let path = dir.path().join("a.md");
        write_new(dir.path(), &path, b"first")?;
        let again = write_new(dir.path(), &path, b"second");
        assert!(again.is_err());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"first"[..]));
        Ok(())
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(".", e))?;
        let path = dir.path().join("a.md");
        std::fs::write(&path, "saved by an editor").map_err(|e| Error::io(&path, e))?;
        let err = replace_if_unchanged(dir.path(), &path, "a.md", b"as read", "new");
        assert!(err.is_err_and(|e| e.to_string().contains("changed on disk")));
        replace_if_unchanged(dir.path(), &path, "a.md", b"saved by an editor", "new")?;
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
        Ok(())
    }
}
