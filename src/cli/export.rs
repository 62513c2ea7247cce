//! `lateral export P --format csv|json|md|html|w3c|qdpx [--tags ..] [--articles ..]
//! [--annotator ..] -o OUT`

use crate::export::{CsvSeparator, ExportFilter, ExportFormat, ExportOptions, export};
use crate::io::load_project;
use crate::io::output::write_output;
use crate::model::{ArticleId, Project, TagId};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What `lateral export` was asked for, as parsed from the command line.
#[derive(Clone, Debug, Default)]
pub struct ExportRequest {
    /// Format name: csv, json, md, html, w3c or qdpx.
    pub format: String,
    /// Tag names or ids (`t2`), comma-separated lists allowed.
    pub tags: Vec<String>,
    /// Article ids (`a3` or `3`) or exact titles.
    pub articles: Vec<String>,
    /// Only this annotator's annotations.
    pub annotator: Option<String>,
    /// CSV: start with a byte-order mark for Excel.
    pub bom: bool,
    /// CSV: separate fields with `;`.
    pub semicolon: bool,
}

/// Exports the project at `project_path` to `out_path`.
pub fn run(
    project_path: &Path,
    request: &ExportRequest,
    out_path: &Path,
    out: &mut impl Write,
) -> Result<ExitCode, String> {
    let format = ExportFormat::from_name(&request.format).ok_or_else(|| {
        let names: Vec<&str> = ExportFormat::ALL.iter().map(|f| f.name()).collect();
        format!(
            "unknown format \"{}\"; use one of {}",
            request.format,
            names.join(", ")
        )
    })?;
    let (project, _) = load_project(project_path).map_err(|e| e.to_string())?;
    let filter = ExportFilter {
        articles: resolve_all(
            &request.articles,
            |name| article_id(&project, name),
            "article",
        )?,
        tags: resolve_all(&request.tags, |name| tag_id(&project, name), "tag")?,
        annotator: request.annotator.clone(),
    };
    let options = ExportOptions {
        csv_bom: request.bom,
        csv_separator: if request.semicolon {
            CsvSeparator::Semicolon
        } else {
            CsvSeparator::Comma
        },
    };
    let bytes = export(&project, format, &filter, options).map_err(|e| e.to_string())?;
    let written = write_output(out_path, &bytes, &[project_path]).map_err(|e| e.to_string())?;
    let num_annotations = filter.annotations(&project).count();
    writeln!(
        out,
        "wrote {num_annotations} annotations as {} to {}{}",
        format.name(),
        out_path.display(),
        written.backup_note()
    )
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn resolve_all<T>(
    names: &[String],
    resolve: impl Fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<Vec<T>>, String> {
    let names: Vec<&str> = names
        .iter()
        .flat_map(|n| n.split(','))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Ok(None);
    }
    names
        .into_iter()
        .map(|name| resolve(name).ok_or_else(|| format!("the project has no {what} \"{name}\"")))
        .collect::<Result<Vec<T>, String>>()
        .map(Some)
}

fn article_id(project: &Project, name: &str) -> Option<ArticleId> {
    let number = name.strip_prefix('a').unwrap_or(name).parse().ok();
    project
        .articles()
        .iter()
        .find(|a| Some(a.id.0) == number || a.meta.title == name)
        .map(|a| a.id)
}

fn tag_id(project: &Project, name: &str) -> Option<TagId> {
    let number = name.strip_prefix('t').and_then(|n| n.parse().ok());
    project
        .tags()
        .iter()
        .find(|t| t.name.eq_ignore_ascii_case(name) || Some(t.id.0) == number)
        .map(|t| t.id)
}
