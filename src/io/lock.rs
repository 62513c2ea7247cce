//! Advisory locks: one writer per project file at a time.
//!
//! A lock is a file `.<name>.lock` beside the project, locked with the operating system's
//! advisory lock (`flock` on Unix, `LockFileEx` on Windows) and holding the PID of its owner.
//! The lock is released when the [`ProjectLock`] is dropped or the process ends in any way,
//! so a crash never leaves a project locked. Saving renames a new file over the project,
//! which is why the lock is not the project file itself.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock.
    #[error("{} is open in another Lateral{}; close it there first, or work on a copy. Nothing was changed", path.display(), holder_text(*pid))]
    Held {
        /// The other process, if it wrote its PID.
        pid: Option<u32>,
        /// The project file.
        path: PathBuf,
    },
    /// The lock file could not be made or locked.
    #[error("could not lock {}: {source}", path.display())]
    Io {
        /// The cause.
        #[source]
        source: std::io::Error,
        /// The project file.
        path: PathBuf,
    },
}

fn holder_text(pid: Option<u32>) -> String {
    pid.map_or_else(String::new, |pid| format!(" (process {pid})"))
}

/// A held lock on a file; released on drop.
#[derive(Debug)]
pub struct ProjectLock {
    file: File,
    lock_path: PathBuf,
}

impl ProjectLock {
    /// Locks `path` for this process, or says who holds it.
    ///
    /// ```
    /// use lateral::io::lock::ProjectLock;
    /// let dir = tempfile::tempdir().unwrap();
    /// let project = dir.path().join("p.ron");
    /// let lock = ProjectLock::acquire(&project).unwrap();
    /// assert!(ProjectLock::acquire(&project).is_err());
    /// drop(lock);
    /// assert!(ProjectLock::acquire(&project).is_ok());
    /// ```
    pub fn acquire(path: &Path) -> Result<Self, LockError> {
        let io_error = |source| LockError::Io {
            source,
            path: path.to_path_buf(),
        };
        // Lock the file the path finally names, so a symlink and its target share one lock.
        let target = super::atomic::resolve_symlinks(path).map_err(io_error)?;
        let lock_path = lock_path(&target);
        // A lock file may be removed by its owner between our open and our lock; then we
        // hold a lock on a file that no longer has this name, and try again.
        for _ in 0..8 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(io_error)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = file.read_to_string(&mut text);
                    return Err(LockError::Held {
                        pid: text.trim().parse().ok(),
                        path: path.to_path_buf(),
                    });
                }
                Err(TryLockError::Error(source)) => return Err(io_error(source)),
            }
            if !same_file(&file, &lock_path) {
                continue;
            }
            file.set_len(0).map_err(io_error)?;
            file.seek(SeekFrom::Start(0)).map_err(io_error)?;
            write!(file, "{}", std::process::id()).map_err(io_error)?;
            let _ = file.flush();
            return Ok(Self { file, lock_path });
        }
        Err(io_error(std::io::Error::other(
            "the lock file kept changing while it was being locked",
        )))
    }

    /// The lock file.
    #[must_use]
    pub fn lock_path(&self) -> &Path {
        &self.lock_path
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // Remove the name while still holding the lock; a process that opened the old file
        // meanwhile sees that it no longer has this name and opens it anew.
        let _ = fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// `dir/.name.lock` for `dir/name`.
#[must_use]
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(".lock");
    path.with_file_name(name)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let lock = ProjectLock::acquire(&project).unwrap();
        assert!(lock.lock_path().ends_with(".p.ron.lock"));
        let error = ProjectLock::acquire(&project).unwrap_err();
        let message = error.to_string();
        assert!(
            message.contains(&format!("(process {})", std::process::id())),
            "{message}"
        );
        assert!(message.contains("is open in another Lateral"), "{message}");
        drop(lock);
        assert!(!lock_path(&project).exists());
        let _again = ProjectLock::acquire(&project).unwrap();
    }
}
