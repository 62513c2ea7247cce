//! Atomic file writes: a temp file in the same folder, synced, then renamed over the target.
//!
//! This is the one write path of Lateral: projects, exports, reports, recovery files and
//! preferences all go through [`write_atomically`]. It follows a symlink to the file it names
//! (the link stays a link), keeps the old file's permissions, refuses to replace a read-only
//! file, keeps an optional backup of the previous version, and removes temp files that an
//! earlier, killed write of the same file left behind.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The marker in the names of our temp files: `<name>.tmp<PID>-<N>`.
const TEMP_MARKER: &str = ".tmp";

/// Distinguishes temp and staging files of concurrent writes in one process.
static WRITE_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old file or the
/// new one, never a mix. If `backup` is set and the file exists, the old version is kept
/// beside it as `<name>.bak`.
///
/// A symlink is followed: its target is replaced and the link itself is kept. The old file's
/// permissions carry over to the new one. A read-only file is not replaced
/// ([`std::io::ErrorKind::PermissionDenied`], with a message that says so).
pub fn write_atomically(path: &Path, bytes: &[u8], backup: bool) -> std::io::Result<()> {
    let path = resolve_symlinks(path)?;
    let path = path.as_path();
    let dir = parent_dir(path);
    let file_name = path.file_name().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path names no file")
    })?;
    let old_permissions = match fs::metadata(path) {
        Ok(metadata) if metadata.permissions().readonly() => {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!(
                    "{} is read-only; it was not changed. Save under another name, or make it writable first",
                    path.display()
                ),
            ));
        }
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => None,
    };
    remove_stale_temp_files(&dir, &file_name.to_string_lossy());
    let temp_path = dir.join(unique_name(file_name, TEMP_MARKER));
    let result = (|| {
        let mut file = File::create(&temp_path)?;
        if let Some(permissions) = old_permissions {
            file.set_permissions(permissions)?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if backup && path.exists() {
            keep_backup(path)?;
        }
        fs::rename(&temp_path, path)?;
        // Make the rename itself durable; not every platform can open a folder.
        if let Ok(dir_handle) = File::open(&dir) {
            let _ = dir_handle.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp_path);
    }
    result
}

/// The path of the backup kept beside `path`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// The file a path finally names: symlinks followed (relative ones from the link's folder),
/// at most 40 deep. A path that does not exist yet is returned as it is.
pub fn resolve_symlinks(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = if target.is_absolute() {
                    target
                } else {
                    parent_dir(&current).join(target)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("{} is a chain of too many symlinks", path.display()),
    ))
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `<name><marker><PID>-<N>`: unique among the writes of every process.
fn unique_name(file_name: &std::ffi::OsStr, marker: &str) -> std::ffi::OsString {
    let mut name = file_name.to_os_string();
    let count = WRITE_COUNTER.fetch_add(1, Ordering::Relaxed);
    name.push(format!("{marker}{}-{count}", std::process::id()));
    name
}

/// Makes `<path>.bak` a copy of `path` without ever leaving `path` missing.
fn keep_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let staging = path.with_file_name(unique_name(
        backup.file_name().unwrap_or_default(),
        TEMP_MARKER,
    ));
    if fs::hard_link(path, &staging).is_err() {
        fs::copy(path, &staging)?;
    }
    let result = fs::rename(&staging, &backup);
    if result.is_err() {
        let _ = fs::remove_file(&staging);
    }
    result
}

/// Removes temp files that a killed write of `file_name` (or of its backup) left in `dir`:
/// ours are named `<file_name>.tmp<PID>…` or `<file_name>.bak.tmp<PID>…`, and one whose
/// process no longer runs is stale. Where it cannot be told whether a process runs, only
/// temp files older than a day are removed.
fn remove_stale_temp_files(dir: &Path, file_name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own = format!("{file_name}{TEMP_MARKER}");
    let own_backup = format!("{file_name}.bak{TEMP_MARKER}");
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let rest = name
            .strip_prefix(&own_backup)
            .or_else(|| name.strip_prefix(&own));
        let Some(pid) = rest.and_then(temp_file_pid) else {
            continue;
        };
        if !process_may_run(pid, &entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The PID in `1234` (older versions) or `1234-5`.
fn temp_file_pid(rest: &str) -> Option<u32> {
    let digits = rest.split('-').next()?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether the process that made `temp_file` may still be writing it.
fn process_may_run(pid: u32, temp_file: &Path) -> bool {
    if pid == std::process::id() {
        // Our own: a write of this process that is still under way, or one that failed
        // and was cleaned up already. Writes finish before the next one of the same file.
        return false;
    }
    let proc_dir = Path::new("/proc");
    if proc_dir.join("self").exists() {
        return proc_dir.join(pid.to_string()).exists();
    }
    let age = fs::metadata(temp_file)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok());
    age.is_none_or(|age| age.as_secs() < 24 * 60 * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(TEMP_MARKER))
            .collect()
    }

    #[test]
    fn replaces_and_keeps_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        write_atomically(&path, b"one", true).unwrap();
        assert!(!backup_path(&path).exists());
        write_atomically(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn failed_write_leaves_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("p.ron");
        assert!(write_atomically(&path, b"x", true).is_err());
        assert!(!path.exists());
    }

    #[test]
    fn stale_temp_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        // PIDs above the kernel's maximum (4194304) never run.
        fs::write(dir.path().join("p.ron.tmp4294967"), b"old").unwrap();
        fs::write(dir.path().join("p.ron.tmp4294966-3"), b"old").unwrap();
        fs::write(dir.path().join("p.ron.bak.tmp4294965-1"), b"old").unwrap();
        // Someone else's file, and a temp file of a running process (ours is PID 1's
        // stand-in: init always runs).
        fs::write(dir.path().join("other.ron.tmp4294967"), b"keep").unwrap();
        fs::write(dir.path().join("p.ron.tmp1-0"), b"keep").unwrap();
        write_atomically(&path, b"new", true).unwrap();
        let mut left = leftovers(dir.path());
        left.sort();
        assert_eq!(left, ["other.ron.tmp4294967", "p.ron.tmp1-0"]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_and_permissions_are_kept() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("real");
        fs::create_dir(&real_dir).unwrap();
        let target = real_dir.join("p.ron");
        fs::write(&target, b"old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        let link = dir.path().join("link.ron");
        symlink("real/p.ron", &link).unwrap();
        write_atomically(&link, b"new", true).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(fs::read(backup_path(&target)).unwrap(), b"old");
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let error = write_atomically(&path, b"new", true).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::PermissionDenied);
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }
}
