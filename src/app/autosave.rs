//! Autosave to a recovery file and recovery after a crash.
//!
//! Unsaved changes are written every [`AUTOSAVE_SECONDS`] to `recovery.ron` in the data
//! folder, beside `recovery-info.ron` (which project it belongs to and when). A clean save or
//! exit removes both; finding them at start means Lateral did not close properly.

use crate::io::atomic::write_atomically;
use crate::io::project_file::{ProjectFileError, load_project, project_to_ron};
use crate::model::Project;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Seconds between autosaves of unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

const PROJECT_FILE: &str = "recovery.ron";
const INFO_FILE: &str = "recovery-info.ron";

/// What a recovery file belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryInfo {
    /// The project's own file, if it had one.
    pub project_path: Option<PathBuf>,
    /// The project's title.
    pub title: String,
    /// When the recovery file was written (RFC 3339).
    pub saved_at: String,
}

/// Writes the recovery file for `project`.
pub fn write_recovery(
    data_dir: &Path,
    project: &Project,
    project_path: Option<&Path>,
) -> Result<(), String> {
    std::fs::create_dir_all(data_dir).map_err(|e| e.to_string())?;
    let text = project_to_ron(project).map_err(|e| e.to_string())?;
    write_atomically(&data_dir.join(PROJECT_FILE), text.as_bytes(), false)
        .map_err(|e| e.to_string())?;
    let info = RecoveryInfo {
        project_path: project_path.map(Path::to_path_buf),
        title: project.title().to_owned(),
        saved_at: jiff::Timestamp::now().to_string(),
    };
    let info = ron::to_string(&info).map_err(|e| e.to_string())?;
    write_atomically(&data_dir.join(INFO_FILE), info.as_bytes(), false).map_err(|e| e.to_string())
}

/// The recovery left by a previous run, if any.
#[must_use]
pub fn find_recovery(data_dir: &Path) -> Option<RecoveryInfo> {
    if !data_dir.join(PROJECT_FILE).exists() {
        return None;
    }
    let info = std::fs::read_to_string(data_dir.join(INFO_FILE)).ok();
    Some(
        info.and_then(|text| ron::from_str(&text).ok())
            .unwrap_or(RecoveryInfo {
                project_path: None,
                title: "Unknown project".into(),
                saved_at: "unknown time".into(),
            }),
    )
}

/// Loads the recovered project.
pub fn load_recovery(data_dir: &Path) -> Result<Project, ProjectFileError> {
    load_project(&data_dir.join(PROJECT_FILE)).map(|(project, _)| project)
}

/// Removes the recovery files (after a save, a clean exit, or when the user discards them).
pub fn clear_recovery(data_dir: &Path) {
    let _ = std::fs::remove_file(data_dir.join(PROJECT_FILE));
    let _ = std::fs::remove_file(data_dir.join(INFO_FILE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_find_load_clear() {
        let dir = tempfile::tempdir().unwrap();
        assert!(find_recovery(dir.path()).is_none());
        let project = Project::new("Unsaved work");
        write_recovery(dir.path(), &project, Some(Path::new("/tmp/p.ron"))).unwrap();
        let info = find_recovery(dir.path()).unwrap();
        assert_eq!(info.title, "Unsaved work");
        assert_eq!(info.project_path.as_deref(), Some(Path::new("/tmp/p.ron")));
        assert_eq!(load_recovery(dir.path()).unwrap(), project);
        clear_recovery(dir.path());
        assert!(find_recovery(dir.path()).is_none());
    }
}
