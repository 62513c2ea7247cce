//! Writing exports and reports: never over a project, never over a file without a backup.

use super::atomic::{backup_path, resolve_symlinks, write_atomically};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why an export or report was not written. Nothing on disk was changed.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output is the project being exported (or another file that is protected).
    #[error("{} is the project itself; an export there would replace it. Choose another file name", path.display())]
    IsTheProject {
        /// The output path.
        path: PathBuf,
    },
    /// The output is an existing Lateral project.
    #[error("{} is a Lateral project; an export would replace it. Choose another file name", path.display())]
    IsAProject {
        /// The output path.
        path: PathBuf,
    },
    /// The operating system refused.
    #[error("could not write {}: {source}", path.display())]
    Io {
        /// The cause.
        #[source]
        source: std::io::Error,
        /// The output path.
        path: PathBuf,
    },
}

/// What writing an output did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// Where the file that was there before was kept, if there was one.
    pub backup: Option<PathBuf>,
}

impl Written {
    /// " (the old file is kept as X.bak)" or "".
    #[must_use]
    pub fn backup_note(&self) -> String {
        self.backup.as_ref().map_or_else(String::new, |backup| {
            format!(" (the file that was there is kept as {})", backup.display())
        })
    }
}

/// Writes an export or report to `path` atomically.
///
/// Refused when `path` is one of `protected` (the open project, the project exported) or
/// any Lateral project; an existing file of any other kind is kept as `<name>.bak`.
///
/// ```
/// use lateral::io::output::write_output;
/// let dir = tempfile::tempdir().unwrap();
/// let project = dir.path().join("p.ron");
/// std::fs::write(&project, "(format_version: 1, title: \"P\")").unwrap();
/// assert!(write_output(&project, b"a,b\n", &[]).is_err());
/// let csv = dir.path().join("p.csv");
/// assert_eq!(write_output(&csv, b"one\n", &[&project]).unwrap().backup, None);
/// let written = write_output(&csv, b"two\n", &[&project]).unwrap();
/// assert_eq!(std::fs::read(written.backup.unwrap()).unwrap(), b"one\n");
/// ```
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    protected: &[&Path],
) -> Result<Written, OutputError> {
    let io_error = |source| OutputError::Io {
        source,
        path: path.to_path_buf(),
    };
    let target = resolve_symlinks(path).map_err(io_error)?;
    if protected.iter().any(|p| same_file(p, &target)) {
        return Err(OutputError::IsTheProject {
            path: path.to_path_buf(),
        });
    }
    let exists = target.exists();
    if exists && is_project_file(&target) {
        return Err(OutputError::IsAProject {
            path: path.to_path_buf(),
        });
    }
    write_atomically(&target, bytes, exists).map_err(io_error)?;
    Ok(Written {
        backup: exists.then(|| backup_path(&target)),
    })
}

/// Whether the file at `path` starts like a Lateral project.
#[must_use]
pub fn is_project_file(path: &Path) -> bool {
    let mut head = [0u8; 512];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    let Ok(read) = read else {
        return false;
    };
    starts_like_project(&String::from_utf8_lossy(
        head.get(..read).unwrap_or_default(),
    ))
}

/// Whether `text` starts as Lateral writes projects: `(` and then `format_version`.
#[must_use]
pub fn starts_like_project(text: &str) -> bool {
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    text.strip_prefix('(')
        .is_some_and(|rest| rest.trim_start().starts_with("format_version"))
}

/// Whether two paths name the same file (also through symlinks and `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// `base` if no file of that name exists, else `stem-2.ext`, `stem-3.ext`, … (for outputs
/// that must not overwrite each other, e.g. the feedback sheets of two students of one name).
#[must_use]
pub fn unused_name(base: &Path, taken: &[PathBuf]) -> PathBuf {
    if !taken.contains(&base.to_path_buf()) {
        return base.to_path_buf();
    }
    let stem = base
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let ext = base
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    // Among taken.len() + 1 candidates one is free.
    (2..=taken.len() + 1)
        .map(|n| base.with_file_name(format!("{stem}-{n}{ext}")))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| base.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_projects_and_keeps_backups() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        let text = "\u{FEFF}  (\n  format_version: 1,\n)";
        std::fs::write(&project, text).unwrap();
        let error = write_output(&project, b"x", &[&project]).unwrap_err();
        assert!(matches!(error, OutputError::IsTheProject { .. }), "{error}");
        let via_dots = dir.path().join(".").join("p.ron");
        assert!(write_output(&via_dots, b"x", &[&project]).is_err());
        let other = dir.path().join("q.ron");
        std::fs::write(&other, "(format_version: 2)").unwrap();
        let error = write_output(&other, b"x", &[&project]).unwrap_err();
        assert!(
            error.to_string().contains("is a Lateral project"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&project).unwrap(), text);
    }

    #[test]
    fn unused_names_count_up() {
        let base = PathBuf::from("out/class-feedback-anna.md");
        let taken = vec![base.clone(), PathBuf::from("out/class-feedback-anna-2.md")];
        assert_eq!(unused_name(&base, &[]), base);
        assert_eq!(
            unused_name(&base, &taken),
            PathBuf::from("out/class-feedback-anna-3.md")
        );
    }
}
