//! `lateral validate P`: exit code 0, or a list of problems.

use crate::io::load_project;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Checks the project at `path`; prints each problem and fails if there is any.
pub fn run(path: &Path, out: &mut impl Write) -> Result<ExitCode, String> {
    let (project, report) = load_project(path).map_err(|e| e.to_string())?;
    let problems = report.lines();
    if problems.is_empty() && project.orphans().is_empty() {
        writeln!(
            out,
            "{}: valid ({} articles, {} annotations)",
            path.display(),
            project.articles().len(),
            project.annotations().len()
        )
        .map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        writeln!(out, "{}: {problem}", path.display()).map_err(|e| e.to_string())?;
    }
    for orphan in project.orphans().iter().filter(|o| !problems.iter().any(|p| p.contains(&o.reason))) {
        writeln!(out, "{}: annotation {} is orphaned: {}", path.display(), orphan.annotation.id, orphan.reason)
            .map_err(|e| e.to_string())?;
    }
    Ok(ExitCode::FAILURE)
}
