//! `lateral import --project P FILE...`

use crate::io::import::import_files;
use crate::io::{load_project, save_project};
use crate::model::Project;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Imports `files` into the project at `project_path`, creating it if missing.
pub fn run(
    project_path: &Path,
    files: &[PathBuf],
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let mut project = if project_path.exists() {
        let (project, report) = load_project(project_path).map_err(|e| e.to_string())?;
        for line in report.lines() {
            writeln!(out, "note: {line}").map_err(|e| e.to_string())?;
        }
        project
    } else {
        let title = project_path.file_stem().map_or_else(
            || "Untitled project".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
        Project::new(&title)
    };
    let batch = import_files(files, project.fresh_article_id());
    // Save first: "imported" is said only of what is in the project file.
    if let Some(edit) = batch.edit() {
        project.apply(edit).map_err(|e| e.to_string())?;
        save_project(&project, project_path).map_err(|e| format!("nothing was imported: {e}"))?;
    }
    for article in &batch.imported {
        writeln!(
            out,
            "imported {} as {}: \"{}\" ({} words, {}, {} furniture marks)",
            article.source_file.as_deref().unwrap_or("?"),
            article.id,
            article.meta.title,
            article.word_count(),
            article.import.encoding,
            article.furniture.len()
        )
        .map_err(|e| e.to_string())?;
        for warning in article.import.warnings() {
            writeln!(out, "  warning: {warning}").map_err(|e| e.to_string())?;
        }
    }
    writeln!(out, "{}", batch.summary()).map_err(|e| e.to_string())?;
    Ok(if batch.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
