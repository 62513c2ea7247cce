//! The JSON export: the CSV rows plus the tag set and the articles' metadata, described by the
//! JSON Schema in `assets/export.schema.json`.

use super::{ExportError, ExportFilter, ExportRow, rows};
use crate::model::Project;
use serde::Serialize;

/// The JSON Schema (draft 2020-12) of the JSON export.
pub const JSON_SCHEMA: &str = include_str!("../../assets/export.schema.json");

/// Identifies the JSON export format in its `format` field.
const FORMAT_NAME: &str = "lateral-export";

/// Version of the JSON export format.
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    version: u32,
    project: JsonProject<'a>,
    tags: Vec<JsonTag<'a>>,
    articles: Vec<JsonArticle<'a>>,
    annotations: Vec<ExportRow>,
}

#[derive(Serialize)]
struct JsonProject<'a> {
    title: &'a str,
    notes: &'a str,
}

#[derive(Serialize)]
struct JsonTag<'a> {
    id: String,
    name: &'a str,
    description: &'a str,
    colour: String,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: String,
    title: &'a str,
    outlet: &'a str,
    authors: &'a [String],
    date: Option<&'a str>,
    date_iso: Option<String>,
    url: Option<&'a str>,
    language: &'a str,
    num_words: usize,
    source_file: Option<&'a str>,
}

/// Writes the filtered project as pretty JSON.
pub(super) fn write_json(project: &Project, filter: &ExportFilter) -> Result<Vec<u8>, ExportError> {
    let export = JsonExport {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        project: JsonProject {
            title: project.title(),
            notes: project.notes(),
        },
        tags: project
            .tags()
            .iter()
            .filter(|tag| filter.includes_tag(tag.id))
            .map(|tag| JsonTag {
                id: tag.id.to_string(),
                name: &tag.name,
                description: &tag.description,
                colour: tag.colour.to_hex(),
            })
            .collect(),
        articles: project
            .articles()
            .iter()
            .filter(|article| filter.includes_article(article.id))
            .map(|article| JsonArticle {
                id: article.id.to_string(),
                title: &article.meta.title,
                outlet: &article.meta.outlet,
                authors: &article.meta.authors,
                date: article.meta.date.as_deref(),
                date_iso: article.meta.pub_date().map(|date| date.to_iso()),
                url: article.meta.url.as_deref(),
                language: &article.meta.language,
                num_words: article.word_count(),
                source_file: article.source_file.as_deref(),
            })
            .collect(),
        annotations: rows(project, filter),
    };
    let mut bytes = serde_json::to_vec_pretty(&export).map_err(|e| ExportError::Json {
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}
