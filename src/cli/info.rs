//! `lateral info P`: articles, word counts, annotations per tag and article.

use crate::io::load_project;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Prints a summary of the project at `path`.
pub fn run(path: &Path, out: &mut impl Write) -> Result<ExitCode, String> {
    let (project, report) = load_project(path).map_err(|e| e.to_string())?;
    write_info(&project, &report.lines(), out).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn write_info(project: &crate::model::Project, notes: &[String], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{}", project.title())?;
    writeln!(
        out,
        "{} articles, {} annotations, {} tags",
        project.articles().len(),
        project.annotations().len(),
        project.tags().len()
    )?;
    let tag_names: Vec<&str> = project.tags().iter().map(|t| t.name.as_str()).collect();
    writeln!(out)?;
    writeln!(out, "{:<4} {:>7}  {}  title", "id", "words", tag_names.iter().map(|n| format!("{n:>11}")).collect::<String>())?;
    for article in project.articles() {
        let counts: String = project
            .tags()
            .iter()
            .map(|tag| {
                let n = project
                    .annotations_of(article.id)
                    .filter(|a| a.tag_id == tag.id)
                    .count();
                format!("{n:>11}")
            })
            .collect();
        writeln!(out, "{:<4} {:>7}  {counts}  {}", article.id.to_string(), article.word_count(), article.meta.title)?;
    }
    let totals: String = project
        .tags()
        .iter()
        .map(|tag| format!("{:>11}", project.annotations().iter().filter(|a| a.tag_id == tag.id).count()))
        .collect();
    writeln!(out, "{:<4} {:>7}  {totals}", "all", project.articles().iter().map(crate::model::Article::word_count).sum::<usize>())?;
    if !project.orphans().is_empty() {
        writeln!(out, "\n{} orphaned annotations (could not be placed):", project.orphans().len())?;
        for orphan in project.orphans() {
            writeln!(out, "  {}: {}", orphan.annotation.id, orphan.reason)?;
        }
    }
    for note in notes {
        writeln!(out, "note: {note}")?;
    }
    Ok(())
}
