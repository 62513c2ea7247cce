//! `lateral upgrade P`: rewrite a project file in the current format, keeping a backup.

use crate::io::{load_project, save_project};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Loads the project at `path` and saves it again in the current format.
pub fn run(path: &Path, out: &mut impl Write) -> Result<ExitCode, String> {
    let (project, report) = load_project(path).map_err(|e| e.to_string())?;
    for line in report.lines() {
        writeln!(out, "note: {line}").map_err(|e| e.to_string())?;
    }
    save_project(&project, path).map_err(|e| e.to_string())?;
    writeln!(
        out,
        "{}: saved in format {} (the previous file is kept as .bak)",
        path.display(),
        crate::model::FORMAT_VERSION
    )
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
