//! `lateral import-w3c FILE --project P`: W3C Web Annotations into an existing project whose
//! articles they target.

use crate::export::{MAX_W3C_BYTES, W3cOptions, import_w3c_with};
use crate::io::{load_project, save_project};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// Adds the annotations in `w3c_path` to the project at `project_path`, saying how each was
/// placed and what was skipped. If none can be placed the project file is not touched.
pub fn run(
    w3c_path: &Path,
    project_path: &Path,
    options: W3cOptions,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let (mut project, report) = load_project(project_path).map_err(|e| e.to_string())?;
    let bytes = read_limited(w3c_path)?;
    let import = import_w3c_with(&project, &bytes, options)
        .map_err(|e| format!("{}: {e}", w3c_path.display()))?;
    let num_imported = import.num_imported;
    let num_skipped = import.skipped.len();
    let lines = import.report_lines(&project);
    project
        .apply(import.into_edit())
        .map_err(|e| format!("{}: {e}; the project is unchanged", w3c_path.display()))?;
    save_project(&project, project_path).map_err(|e| format!("{e}; nothing was imported"))?;
    // Repairs made while loading are now in the file too: say so.
    for line in report.lines() {
        writeln!(out, "note: {line}").map_err(|e| e.to_string())?;
    }
    for line in lines {
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    writeln!(
        out,
        "imported {} into {} ({num_skipped} skipped)",
        crate::text::count(num_imported, "annotation", "annotations"),
        project_path.display()
    )
    .map_err(|e| e.to_string())?;
    Ok(if num_skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// The file's bytes, refused before reading if it is larger than [`MAX_W3C_BYTES`].
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file =
        std::fs::File::open(path).map_err(|e| format!("could not read {}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_W3C_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("could not read {}: {e}", path.display()))?;
    if bytes.len() as u64 > MAX_W3C_BYTES {
        return Err(format!(
            "{}: the file is more than {MAX_W3C_BYTES} bytes, more than a W3C annotation file may be; split it into smaller files",
            path.display()
        ));
    }
    Ok(bytes)
}
