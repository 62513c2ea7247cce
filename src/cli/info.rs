//! `lateral info P`: articles with their outlet, date, authors and address, word counts,
//! annotations per tag and article.

use crate::io::load_project;
use crate::model::{ArticleQuery, ArticleSort, Project, list_articles};
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Prints a summary of the project at `path`, its articles in the order `sort`.
pub fn run(path: &Path, sort: ArticleSort, out: &mut impl Write) -> Result<ExitCode, String> {
    let (project, report) = load_project(path).map_err(|e| e.to_string())?;
    write_info(&project, sort, &report.lines(), out).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn write_info(
    project: &Project,
    sort: ArticleSort,
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
    let order = list_articles(
        project,
        &ArticleQuery {
            sort,
            ..ArticleQuery::default()
        },
    );
    let mut header = format!("{:<4} {:>7}", "id", "words");
    for tag in project.tags() {
        let _ = write!(header, " {:>12}", tag.name);
    }
    writeln!(out, "{header}  title")?;
    for article in order.iter().filter_map(|&id| project.article(id)) {
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
    write_sources(project, &order, out)?;
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

/// Outlet, date (as written, and as read), authors, language and address of each article.
fn write_sources(
    project: &Project,
    order: &[crate::model::ArticleId],
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "\nid   date        outlet · authors · language · address"
    )?;
    for article in order.iter().filter_map(|&id| project.article(id)) {
        let meta = &article.meta;
        let date = match (meta.date.as_deref(), meta.pub_date()) {
            (None, _) => "-".to_owned(),
            (Some(written), Some(read)) if written == read.to_iso() => written.to_owned(),
            (Some(written), Some(read)) => format!("{} (\"{written}\")", read.to_iso()),
            (Some(written), None) => format!("\"{written}\" (not a date)"),
        };
        let mut details = vec![if meta.outlet.is_empty() {
            "no outlet".to_owned()
        } else {
            meta.outlet.clone()
        }];
        if !meta.authors.is_empty() {
            details.push(meta.authors.join(", "));
        }
        if !meta.language.is_empty() {
            details.push(meta.language.clone());
        }
        if let Some(url) = &meta.url {
            details.push(url.clone());
        }
        writeln!(
            out,
            "{:<4} {date:<11} {}",
            article.id.to_string(),
            details.join(" · ")
        )?;
    }
    Ok(())
}
