//! `lateral import-qdpx FILE -o P.ron`: a REFI-QDA project (from `ATLAS.ti`, `MAXQDA`,
//! `NVivo`, `QualCoder`) as a new Lateral project.

use crate::export::import_qdpx;
use crate::io::project_file::MAX_PROJECT_BYTES;
use crate::io::save_project;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Reads the `.qdpx` at `qdpx_path` and saves it as a project at `project_path`, which must
/// not exist yet.
pub fn run(
    qdpx_path: &Path,
    project_path: &Path,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    if project_path.exists() {
        return Err(format!(
            "{} exists already; choose a new project file",
            project_path.display()
        ));
    }
    let size_bytes = std::fs::metadata(qdpx_path)
        .map_err(|e| format!("could not read {}: {e}", qdpx_path.display()))?
        .len();
    if size_bytes > MAX_PROJECT_BYTES {
        return Err(format!(
            "{} is too large ({size_bytes} bytes)",
            qdpx_path.display()
        ));
    }
    let bytes = std::fs::read(qdpx_path)
        .map_err(|e| format!("could not read {}: {e}", qdpx_path.display()))?;
    let import = import_qdpx(&bytes).map_err(|e| format!("{}: {e}", qdpx_path.display()))?;
    let write =
        |out: &mut dyn Write, line: String| writeln!(out, "{line}").map_err(|e| e.to_string());
    for reading in &import.readings {
        write(out, reading.describe())?;
    }
    for warning in &import.warnings {
        write(out, format!("warning: {}: {warning}", qdpx_path.display()))?;
    }
    save_project(&import.project, project_path).map_err(|e| e.to_string())?;
    let project = &import.project;
    write(
        out,
        format!(
            "imported \"{}\": {} articles, {} tags, {} annotations into {}",
            project.title(),
            project.articles().len(),
            project.tags().len(),
            project.annotations().len(),
            project_path.display()
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}
