//! Writing post-mortem files safely: a new file never replaces one, an edit holds an exclusive
//! lock and replaces the file only if it still has the bytes that were read, and temporary
//! files a killed pm left behind are cleaned up.

use crate::error::{Error, Result};
use crate::repository;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Writes a new file without ever replacing one: a temporary file, then a no-clobber rename.
pub fn write_new(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".pm-new-")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    tmp.write_all(contents).map_err(|e| Error::io(path, e))?;
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            Error::usage(format!(
                "{} already exists; nothing was written",
                path.display()
            ))
        } else {
            Error::io(path, e.error)
        }
    })?;
    Ok(())
}

/// Replaces the file at `path` (shown as `display`) with `new_text`, unless it changed on disk
/// since `read` was read from it.
pub fn replace_if_unchanged(path: &Path, display: &str, read: &[u8], new_text: &str) -> Result<()> {
    let now = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if now != read {
        return Err(Error::input(
            display,
            "the file changed on disk while pm was editing it (an editor saved it?); nothing was \
             written: run the command again",
        ));
    }
    repository::write_atomic(path, new_text.as_bytes())?;
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
        let mut handle = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
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
            write!(handle, "pid {}: {us}", std::process::id())
        });
        Ok(Lock { _file: handle })
    }
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
        write_new(&path, b"first")?;
        let again = write_new(&path, b"second");
        assert!(again.is_err());
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"first"[..]));
        Ok(())
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::io(".", e))?;
        let path = dir.path().join("a.md");
        std::fs::write(&path, "saved by an editor").map_err(|e| Error::io(&path, e))?;
        let err = replace_if_unchanged(&path, "a.md", b"as read", "new");
        assert!(err.is_err_and(|e| e.to_string().contains("changed on disk")));
        replace_if_unchanged(&path, "a.md", b"saved by an editor", "new")?;
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"new"[..]));
        Ok(())
    }
}
