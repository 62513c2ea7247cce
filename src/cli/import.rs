//! `lateral import --project P FILE_OR_ADDRESS...`

use crate::io::import::import_files_with;
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
    let batch = import_files_with(files, project.fresh_article_id(), progress_line);
    // Save first: "imported" is said only of what is in the project file.
    if let Some(edit) = batch.edit() {
        project.apply(edit).map_err(|e| e.to_string())?;
        save_project(&project, project_path).map_err(|e| format!("nothing was imported: {e}"))?;
    }
    for article in &batch.imported {
        writeln!(
            out,
            "imported {} as {}: \"{}\" ({}, {} words, {}, {} furniture marks)",
            article
                .source_file
                .as_deref()
                .or(article.meta.url.as_deref())
                .unwrap_or("?"),
            article.id,
            article.meta.title,
            article.import.format.label(),
            article.word_count(),
            article.import.encoding,
            article.furniture.len()
        )
        .map_err(|e| e.to_string())?;
        for warning in article.import.warnings() {
            writeln!(out, "  warning: {warning}").map_err(|e| e.to_string())?;
        }
        for note in &article.import.notes {
            writeln!(out, "  note: {note}").map_err(|e| e.to_string())?;
        }
        if !article.import.cut.is_empty() {
            let words: usize = article.import.cut.iter().map(|c| c.words).sum();
            let from = match article.import.format {
                crate::model::SourceFormat::Feed => "the feed item",
                _ => "the web page",
            };
            writeln!(
                out,
                "  left out of {from}: {}, {words} words (menus, captions, teasers, comments)",
                crate::text::count(article.import.cut.len(), "passage", "passages")
            )
            .map_err(|e| e.to_string())?;
        }
    }
    writeln!(out, "{}", batch.summary()).map_err(|e| e.to_string())?;
    Ok(if batch.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// "importing 120 of 1000 files" on standard error: rewritten in place on a terminal, every
/// 100 files otherwise; nothing for a handful of files.
fn progress_line(done: usize, total: usize) {
    use std::io::IsTerminal as _;
    if total < 20 {
        return;
    }
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\rimporting {done} of {total} files");
        if done == total {
            let _ = writeln!(err);
        }
    } else if done.is_multiple_of(100) || done == total {
        let _ = writeln!(err, "importing {done} of {total} files");
    }
}
