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

use std::fmt::Write as _;

fn write_info(
    project: &crate::model::Project,
    notes: &[String],
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "{}", project.title())?;
    writeln!(
        out,
        "{} articles, {} annotations, {} tags",
        project.articles().len(),
        project.annotations().len(),
        project.tags().len()
    )?;
    writeln!(out)?;
    let mut header = format!("{:<4} {:>7}", "id", "words");
    for tag in project.tags() {
        let _ = write!(header, " {:>12}", tag.name);
    }
    writeln!(out, "{header}  title")?;
    for article in project.articles() {
        let mut row = format!("{:<4} {:>7}", article.id.to_string(), article.word_count());
        for tag in project.tags() {
            let n = project
                .annotations_of(article.id)
                .filter(|a| a.tag_id == tag.id)
                .count();
            let _ = write!(row, " {n:>12}");
        }
        writeln!(out, "{row}  {}", article.meta.title)?;
    }
    let words: usize = project
        .articles()
        .iter()
        .map(crate::model::Article::word_count)
        .sum();
    let mut totals = format!("{:<4} {words:>7}", "all");
    for tag in project.tags() {
        let n = project
            .annotations()
            .iter()
            .filter(|a| a.tag_id == tag.id)
            .count();
        let _ = write!(totals, " {n:>12}");
    }
    writeln!(out, "{totals}")?;
    if !project.orphans().is_empty() {
        writeln!(
            out,
            "\n{} orphaned annotations (could not be placed):",
            project.orphans().len()
        )?;
        for orphan in project.orphans() {
            writeln!(out, "  {}: {}", orphan.annotation.id, orphan.reason)?;
        }
    }
    for note in notes {
        writeln!(out, "note: {note}")?;
    }
    Ok(())
}
