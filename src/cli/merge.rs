//! `lateral merge OURS THEIRS... [--base BASE] -o OUT` and `lateral merge-driver BASE OURS
//! THEIRS`, the git merge driver.

use crate::io::atomic::write_atomically;
use crate::io::project_file::project_to_ron;
use crate::io::{load_project, save_project};
use crate::merge::{MergeReport, merge_projects};
use crate::model::Project;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Merges `theirs` into `ours` (relative to `base`) and saves the result to `output`, keeping
/// a backup of a file it replaces. Exit code 1 when there are conflicts (the result is saved).
pub fn run(
    base: Option<&Path>,
    ours: &Path,
    theirs: &[PathBuf],
    output: &Path,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let (merged, report) = merge_files(base, ours, theirs)?;
    save_project(&merged, output).map_err(|e| e.to_string())?;
    print_report(&report, out)?;
    writeln!(out, "saved the merged project to {}", output.display()).map_err(|e| e.to_string())?;
    Ok(exit_code(&report))
}

/// The git merge driver: `lateral merge-driver %O %A %B` writes the merge of `%B` into `%A`
/// (no backup: git keeps every version) and exits non-zero on conflicts, as git expects.
pub fn run_driver(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    // Git passes an empty file as the base when the two sides have no common ancestor.
    let has_base = std::fs::metadata(base).is_ok_and(|m| m.len() > 0);
    let (merged, report) = merge_files(has_base.then_some(base), ours, &[theirs.to_path_buf()])?;
    let text = project_to_ron(&merged).map_err(|e| e.to_string())?;
    write_atomically(ours, text.as_bytes(), false)
        .map_err(|e| format!("could not write {}: {e}", ours.display()))?;
    print_report(&report, out)?;
    Ok(exit_code(&report))
}

fn merge_files(
    base: Option<&Path>,
    ours: &Path,
    theirs: &[PathBuf],
) -> Result<(Project, MergeReport), String> {
    let load = |path: &Path| {
        load_project(path)
            .map(|(project, _)| project)
            .map_err(|e| e.to_string())
    };
    let base = base.map(load).transpose()?;
    let ours = load(ours)?;
    let theirs = theirs
        .iter()
        .map(|path| load(path))
        .collect::<Result<Vec<_>, _>>()?;
    let theirs: Vec<&Project> = theirs.iter().collect();
    merge_projects(base.as_ref(), &ours, &theirs).map_err(|e| e.to_string())
}

fn print_report(report: &MergeReport, out: &mut impl Write) -> Result<(), String> {
    for line in report.lines() {
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn exit_code(report: &MergeReport) -> ExitCode {
    if report.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
