//! Importing articles from plain-text and Markdown files: decoding, title, language and
//! page-furniture marks. One bad file in a batch does not stop the others.

mod decode;
mod furniture;

pub use decode::{DecodeError, Decoded, decode, normalise_line_ends};
pub use furniture::detect_furniture;

use crate::model::{Article, ArticleId, ArticleMeta, EncodingSource, ImportReport};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (an article is text; 20 MB is ~3 million words).
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// Longest title taken from the text.
const MAX_TITLE_CHARS: usize = 160;

/// Why one file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("could not read {}: {source}", path.display())]
    Read {
        /// The cause.
        #[source]
        source: std::io::Error,
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not an article.
    #[error("{} was not imported: {source}", path.display())]
    Decode {
        /// The cause.
        #[source]
        source: DecodeError,
        /// The file.
        path: PathBuf,
    },
}

/// The result of importing several files: what came in and what did not.
#[derive(Debug, Default)]
pub struct ImportBatch {
    /// Imported articles, with ids assigned in order.
    pub imported: Vec<Article>,
    /// Files that were not imported, with the reason.
    pub failed: Vec<ImportError>,
}

impl ImportBatch {
    /// One undoable edit that adds every imported article, or `None` if none came in.
    #[must_use]
    pub fn edit(&self) -> Option<crate::model::Edit> {
        if self.imported.is_empty() {
            return None;
        }
        let edits = self
            .imported
            .iter()
            .map(|article| crate::model::Edit::AddArticle {
                article: Box::new(article.clone()),
                index: None,
            })
            .collect();
        let n = self.imported.len();
        let label = if n == 1 {
            "import 1 article".to_owned()
        } else {
            format!("import {n} articles")
        };
        Some(crate::model::Edit::Batch { label, edits })
    }

    /// "3 articles imported, 1 failed" and one line per failure.
    #[must_use]
    pub fn summary(&self) -> String {
        let mut summary = format!(
            "{} {} imported",
            self.imported.len(),
            if self.imported.len() == 1 {
                "article"
            } else {
                "articles"
            }
        );
        if !self.failed.is_empty() {
            let _ = write!(summary, ", {} failed:", self.failed.len());
            for error in &self.failed {
                let _ = write!(summary, "\n  {error}");
            }
        }
        summary
    }
}

/// Imports each file; ids are given out from `first_id` upwards.
#[must_use]
pub fn import_files(paths: &[PathBuf], first_id: ArticleId) -> ImportBatch {
    let mut batch = ImportBatch::default();
    let mut next_id = first_id.0;
    for path in paths {
        match import_file(path, ArticleId(next_id)) {
            Ok(article) => {
                batch.imported.push(article);
                next_id += 1;
            }
            Err(error) => batch.failed.push(error),
        }
    }
    batch
}

/// Imports one file as an article with the given id.
pub fn import_file(path: &Path, article_id: ArticleId) -> Result<Article, ImportError> {
    let read_error = |source| ImportError::Read {
        source,
        path: path.to_path_buf(),
    };
    let size_bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if size_bytes > MAX_ARTICLE_BYTES {
        return Err(ImportError::Decode {
            source: DecodeError::TooLarge {
                size_bytes,
                limit_bytes: MAX_ARTICLE_BYTES,
            },
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let decoded = decode(&bytes, MAX_ARTICLE_BYTES).map_err(|source| ImportError::Decode {
        source,
        path: path.to_path_buf(),
    })?;
    let mut article = article_from_decoded(article_id, decoded, None);
    article.source_file = path.file_name().map(|n| n.to_string_lossy().into_owned());
    Ok(article)
}

/// Makes an article from pasted text (line ends normalised and recorded).
pub fn article_from_paste(
    article_id: ArticleId,
    text: &str,
    title: Option<&str>,
) -> Result<Article, DecodeError> {
    let (text, crlf_normalised, cr_normalised) = normalise_line_ends(text);
    if text.trim().is_empty() {
        return Err(if text.is_empty() {
            DecodeError::Empty
        } else {
            DecodeError::Blank
        });
    }
    let report = ImportReport {
        encoding: "UTF-8".into(),
        encoding_source: EncodingSource::Pasted,
        had_bom: false,
        crlf_normalised,
        cr_normalised,
        replacement_chars: 0,
        size_bytes: text.len() as u64,
    };
    Ok(article_from_decoded(
        article_id,
        Decoded { text, report },
        title,
    ))
}

fn article_from_decoded(article_id: ArticleId, decoded: Decoded, title: Option<&str>) -> Article {
    let furniture = detect_furniture(&decoded.text);
    let title = title.map_or_else(|| guess_title(&decoded.text, &furniture), str::to_owned);
    let meta = ArticleMeta {
        title,
        language: guess_language(&decoded.text).to_owned(),
        ..ArticleMeta::default()
    };
    let mut article = Article::new(article_id, meta, decoded.text, decoded.report);
    article.furniture = furniture;
    article
}

/// The first line that is not furniture and has at least three words; else the first line.
///
/// A line counts as furniture when a mark that touches it is longer than half the line.
/// Marks are sorted by start, so one pass over lines and marks together does it.
fn guess_title(text: &str, furniture: &[crate::model::Furniture]) -> String {
    let mut offset = 0;
    let mut fallback = None;
    // Marks before `first_open` end before the current line starts (marks are lines or
    // parts of lines, so a mark that ended stays behind).
    let mut first_open = 0;
    for line in text.split('\n') {
        let start = offset;
        let end = start + line.len();
        offset += line.len() + 1;
        let trimmed = line.trim();
        while furniture
            .get(first_open)
            .is_some_and(|f| f.span.end <= start && f.span.start < start)
        {
            first_open += 1;
        }
        let is_furniture = furniture
            .get(first_open..)
            .unwrap_or_default()
            .iter()
            .take_while(|f| f.span.start <= end)
            .any(|f| f.span.end > start && f.span.len() * 2 > trimmed.len());
        if trimmed.is_empty() || is_furniture {
            continue;
        }
        fallback.get_or_insert(trimmed);
        if crate::text::word_count(trimmed) >= 3 {
            return shorten(trimmed);
        }
    }
    fallback.map_or_else(|| "Untitled article".to_owned(), shorten)
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_TITLE_CHARS {
        return line.to_owned();
    }
    let cut = crate::text::chars_after(line, 0, MAX_TITLE_CHARS);
    let cut = cut.rfind(' ').map_or(cut, |space| &cut[..space]);
    format!("{cut}…")
}

/// "de", "en" or "" by counting very common function words.
#[must_use]
pub fn guess_language(text: &str) -> &'static str {
    const GERMAN: &[&str] = &[
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "sich", "auf", "für",
    ];
    const ENGLISH: &[&str] = &[
        "the", "and", "of", "is", "not", "with", "to", "that", "for", "on", "by", "are",
    ];
    let (mut german, mut english) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphanumeric()).take(5000) {
        let word = word.to_lowercase();
        german += usize::from(GERMAN.contains(&word.as_str()));
        english += usize::from(ENGLISH.contains(&word.as_str()));
    }
    match (german, english) {
        (0, 0) => "",
        (g, e) if g >= e => "de",
        _ => "en",
    }
}
