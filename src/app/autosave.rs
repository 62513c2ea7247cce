//! Autosave to a recovery file and recovery after a crash.
//!
//! Every running Lateral has its own recovery file, `recovery-<PID>-<N>.ron` in the data
//! folder, beside `recovery-<PID>-<N>.info.ron` (which project it belongs to and when), and holds an
//! advisory lock on it while it runs. Unsaved changes are written there every
//! [`AUTOSAVE_SECONDS`]; a save or a clean exit removes that instance's files only. At start,
//! a recovery file that no running Lateral holds is left by one that did not close properly.

use crate::io::atomic::write_atomically;
use crate::io::lock::ProjectLock;
use crate::io::project_file::{ProjectFileError, load_project, project_to_ron};
use crate::model::Project;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Seconds between autosaves of unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// The recovery file of Lateral 0.1, which all instances shared.
const SHARED_FILE: &str = "recovery.ron";

/// Numbers the instances of one process (tests run several apps in one process).
static NEXT_SLOT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// What a recovery file belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// The project's own file, if it had one.
    pub project_path: Option<PathBuf>,
    /// The project's title.
    pub title: String,
    /// When the recovery file was written (RFC 3339).
    pub saved_at: String,
    /// The recovery file itself (found on disk, not stored).
    #[serde(skip)]
    pub recovery_file: PathBuf,
}

impl RecoveryInfo {
    /// "1 Dec 2026, 22:08" in local time, or the stored text if it is no timestamp.
    #[must_use]
    pub fn saved_at_label(&self) -> String {
        self.saved_at.parse::<jiff::Timestamp>().map_or_else(
            |_| self.saved_at.clone(),
            |t| {
                t.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%-d %b %Y, %H:%M")
                    .to_string()
            },
        )
    }
}

/// This instance's recovery file, locked while the instance runs.
#[derive(Debug)]
pub struct RecoverySlot {
    file: PathBuf,
    lock: Option<ProjectLock>,
}

impl RecoverySlot {
    /// The slot of this process in `data_dir` (the folder is made at the first write).
    #[must_use]
    pub fn new(data_dir: &Path) -> Self {
        Self {
            file: data_dir.join(format!(
                "recovery-{}-{}.ron",
                std::process::id(),
                NEXT_SLOT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            )),
            lock: None,
        }
    }

    /// The recovery file of this instance.
    #[must_use]
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Writes the recovery file for `project`.
    pub fn write(&mut self, project: &Project, project_path: Option<&Path>) -> Result<(), String> {
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        if self.lock.is_none() {
            self.lock = Some(ProjectLock::acquire(&self.file).map_err(|e| e.to_string())?);
        }
        let text = project_to_ron(project).map_err(|e| e.to_string())?;
        write_atomically(&self.file, text.as_bytes(), false).map_err(|e| e.to_string())?;
        let info = RecoveryInfo {
            project_path: project_path.map(Path::to_path_buf),
            title: project.title().to_owned(),
            saved_at: jiff::Timestamp::now().to_string(),
            recovery_file: PathBuf::new(),
        };
        let info = ron::to_string(&info).map_err(|e| e.to_string())?;
        write_atomically(&info_path(&self.file), info.as_bytes(), false).map_err(|e| e.to_string())
    }

    /// Removes this instance's recovery files (after a save or a clean exit).
    pub fn clear(&mut self) {
        discard_recovery(&self.file);
        self.lock = None;
    }
}

/// `recovery-7.ron` → `recovery-7.info.ron`; the shared file of 0.1 → `recovery-info.ron`.
fn info_path(recovery_file: &Path) -> PathBuf {
    let stem = recovery_file
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    if stem == "recovery" {
        recovery_file.with_file_name("recovery-info.ron")
    } else {
        recovery_file.with_file_name(format!("{stem}.info.ron"))
    }
}

/// The newest recovery file that no running Lateral holds, if any.
#[must_use]
pub fn find_recovery(data_dir: &Path) -> Option<RecoveryInfo> {
    let entries = std::fs::read_dir(data_dir).ok()?;
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name == SHARED_FILE
                || (name.starts_with("recovery-")
                    && name.ends_with(".ron")
                    && !name.ends_with(".info.ron")
                    && name != "recovery-info.ron")
        })
        .filter(|entry| ProjectLock::acquire(&entry.path()).is_ok())
        .map(|entry| {
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, entry.path())
        })
        .collect();
    found.sort();
    let (_, file) = found.pop()?;
    let info = std::fs::read_to_string(info_path(&file))
        .ok()
        .and_then(|text| ron::from_str::<RecoveryInfo>(&text).ok());
    Some(RecoveryInfo {
        recovery_file: file,
        ..info.unwrap_or(RecoveryInfo {
            project_path: None,
            title: "Unknown project".into(),
            saved_at: "unknown time".into(),
            recovery_file: PathBuf::new(),
        })
    })
}

/// Loads a recovered project.
pub fn load_recovery(recovery_file: &Path) -> Result<Project, ProjectFileError> {
    load_project(recovery_file).map(|(project, _)| project)
}

/// Removes a recovery file and its info (after it was restored and saved, or discarded).
pub fn discard_recovery(recovery_file: &Path) {
    let _ = std::fs::remove_file(recovery_file);
    let _ = std::fs::remove_file(info_path(recovery_file));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_load_clear() {
        let dir = tempfile::tempdir().unwrap();
        assert!(find_recovery(dir.path()).is_none());
        let project = Project::new("Unsaved work");
        let mut slot = RecoverySlot::new(dir.path());
        slot.write(&project, Some(Path::new("/tmp/p.ron"))).unwrap();
        // A running instance's file is not offered to another one.
        assert!(find_recovery(dir.path()).is_none());
        let file = slot.file().to_path_buf();
        // The instance "crashes": its lock goes, its files stay.
        drop(slot);
        let info = find_recovery(dir.path()).unwrap();
        assert_eq!(info.title, "Unsaved work");
        assert_eq!(info.project_path.as_deref(), Some(Path::new("/tmp/p.ron")));
        assert_eq!(info.recovery_file, file);
        assert_eq!(load_recovery(&info.recovery_file).unwrap(), project);
        discard_recovery(&info.recovery_file);
        assert!(find_recovery(dir.path()).is_none());
    }

    #[test]
    fn a_save_clears_only_its_own_instance() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("recovery-4294967.ron");
        std::fs::write(&other, project_to_ron(&Project::new("Other")).unwrap()).unwrap();
        let mut slot = RecoverySlot::new(dir.path());
        slot.write(&Project::new("Mine"), None).unwrap();
        slot.clear();
        assert!(!slot.file().exists());
        assert!(other.exists(), "another instance's recovery file is kept");
        assert_eq!(find_recovery(dir.path()).unwrap().recovery_file, other);
    }

    #[test]
    fn saved_at_reads_as_a_date() {
        let info = RecoveryInfo {
            project_path: None,
            title: String::new(),
            saved_at: "2026-12-01T22:08:35.320704043Z".into(),
            recovery_file: PathBuf::new(),
        };
        let label = info.saved_at_label();
        assert!(label.contains("2026") && label.contains("Dec"), "{label}");
        assert!(!label.contains('T') && !label.contains('.'), "{label}");
    }
}
