//! `lateral import-w3c FILE --project P`: W3C Web Annotations into an existing project whose
//! articles they target.

use crate::export::import_w3c;
use crate::io::{load_project, save_project};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Adds the annotations in `w3c_path` to the project at `project_path`. If none can be placed
/// the project file is not touched.
pub fn run(w3c_path: &Path, project_path: &Path, out: &mut impl Write) -> Result<ExitCode, String> {
    let (mut project, _) = load_project(project_path).map_err(|e| e.to_string())?;
    let bytes = std::fs::read(w3c_path)
        .map_err(|e| format!("could not read {}: {e}", w3c_path.display()))?;
    let import =
        import_w3c(&project, &bytes).map_err(|e| format!("{}: {e}", w3c_path.display()))?;
    for line in &import.skipped {
        writeln!(out, "skipped {line}").map_err(|e| e.to_string())?;
    }
    let num_imported = import.num_imported;
    let num_skipped = import.skipped.len();
    project
        .apply(import.into_edit())
        .map_err(|e| format!("{}: {e}; the project is unchanged", w3c_path.display()))?;
    save_project(&project, project_path).map_err(|e| e.to_string())?;
    writeln!(
        out,
        "imported {num_imported} annotations into {} ({num_skipped} skipped)",
        project_path.display()
    )
    .map_err(|e| e.to_string())?;
    Ok(if num_skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
