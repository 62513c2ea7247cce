//! Finding the articles a comparison subcommand names: files, or article ids in a project.

use crate::io::import::import_file;
use crate::io::load_project;
use crate::model::{Article, ArticleId, Project};
use std::path::{Path, PathBuf};

/// The output format of `compare` and `similar`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text for reading.
    #[default]
    Text,
    /// The full result as JSON.
    Json,
}

/// Loads the project if one is given.
pub fn open_project(project: Option<&Path>) -> Result<Option<Project>, String> {
    project
        .map(|path| {
            load_project(path)
                .map(|(project, _)| project)
                .map_err(|e| e.to_string())
        })
        .transpose()
}

/// An article id as written on the command line: "a3" or "3".
fn parse_article_id(name: &str) -> Option<ArticleId> {
    name.strip_prefix('a')
        .unwrap_or(name)
        .parse()
        .ok()
        .map(ArticleId)
}

/// Finds each named article: an article id in the project if there is one and the name is an
/// id, otherwise a file (imported on the fly, furniture marked), numbered from 1.
pub fn resolve(names: &[PathBuf], project: Option<&Project>) -> Result<Vec<Article>, String> {
    names
        .iter()
        .enumerate()
        .map(|(position, name)| {
            let as_id = name.to_str().and_then(parse_article_id);
            if let (Some(project), Some(article_id)) = (project, as_id) {
                if let Some(article) = project.article(article_id) {
                    return Ok(article.clone());
                }
                if !name.exists() {
                    return Err(format!("the project has no article {article_id}"));
                }
            }
            import_file(name, ArticleId(position as u64 + 1)).map_err(|e| e.to_string())
        })
        .collect()
}

/// A short name of an article for output: its file name or its id and title.
pub fn label(article: &Article) -> String {
    article
        .source_file
        .clone()
        .unwrap_or_else(|| format!("{} {}", article.id, article.meta.title))
}
