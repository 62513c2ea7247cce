//! Importing articles from plain-text, Markdown and web-page files, PDFs and feeds: decoding,
//! the article of a page, the text layer of a PDF, the items of a feed, title, language and
//! page-furniture marks. One bad file in a batch does not stop the others.

mod cut;
mod decode;
mod feed;
mod furniture;
mod html;
mod mhtml;
mod pdf;
mod web;

pub use decode::{DecodeError, Decoded, decode, decode_declared, normalise_line_ends};
pub use feed::{articles_from_feed, looks_like_feed};
pub use furniture::detect_furniture;
pub use html::{
    Page, article_from_html, declared_charset, looks_like_html, looks_truncated, read_page,
};
pub use mhtml::{article_from_mhtml, looks_like_mhtml};
pub use pdf::{MAX_PDF_PAGES, article_from_pdf, looks_like_pdf};
pub use web::{
    FETCH_TIMEOUT, FetchError, FetchOptions, Fetched, address_from_typed, fetch, import_address,
    is_address,
};

use crate::model::{Article, ArticleId, ArticleMeta, EncodingSource, ImportReport};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (an article is text; 20 MB is ~3 million words).
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// PDFs larger than this are refused (they carry their images and fonts; 100 MB is a long
/// illustrated report).
pub const MAX_PDF_BYTES: u64 = 100 * 1024 * 1024;

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
    /// A web address could not be fetched.
    #[error("{address} was not imported: {source}")]
    Fetch {
        /// The cause.
        #[source]
        source: FetchError,
        /// The address as given.
        address: String,
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

/// File name extensions that import reads (text, Markdown, web pages, feeds, PDF), lower case.
pub const IMPORT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "shtml", "mhtml", "mht", "rss",
    "atom", "xml", "pdf",
];

/// Whether a file's extension is one import reads.
#[must_use]
pub fn is_importable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMPORT_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The files to import for `paths`: each file as given, and from each folder (with its
/// subfolders) the files with an extension in [`IMPORT_EXTENSIONS`], sorted by path.
/// Hidden files and folders (names starting with ".") are passed over. Folders that cannot
/// be read are returned as errors; the rest still come.
#[must_use]
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ImportError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            collect_folder(path, &mut found, &mut errors);
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

fn collect_folder(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<ImportError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(ImportError::Read {
                source,
                path: dir.to_path_buf(),
            });
            return;
        }
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // `file_type` does not follow links, so a link to a parent folder is no loop.
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_folder(&path, files, errors),
            Ok(kind) if kind.is_file() && is_importable(&path) => files.push(path),
            _ => {}
        }
    }
}

/// Imports each file (folders are expanded by [`expand_paths`]); ids are given out from
/// `first_id` upwards.
#[must_use]
pub fn import_files(paths: &[PathBuf], first_id: ArticleId) -> ImportBatch {
    import_files_with(paths, first_id, |_, _| {})
}

/// Like [`import_files`], calling `progress(done, total)` after each file.
#[must_use]
pub fn import_files_with(
    paths: &[PathBuf],
    first_id: ArticleId,
    mut progress: impl FnMut(usize, usize),
) -> ImportBatch {
    let (files, errors) = expand_paths(paths);
    let mut batch = ImportBatch {
        failed: errors,
        ..ImportBatch::default()
    };
    let mut next_id = first_id.0;
    for (done, path) in files.iter().enumerate() {
        match import_path(path, ArticleId(next_id)) {
            Ok(articles) => {
                next_id += articles.len() as u64;
                batch.imported.extend(articles);
            }
            Err(error) => batch.failed.push(error),
        }
        progress(done + 1, files.len());
    }
    batch
}

/// Imports one file as an article with the given id; of a feed, its first item.
pub fn import_file(path: &Path, article_id: ArticleId) -> Result<Article, ImportError> {
    let mut articles = import_path(path, article_id)?;
    // `import_path` returns at least one article or an error.
    Ok(articles.swap_remove(0))
}

/// Imports one file: a text, Markdown file, web page or PDF as one article, a feed as one
/// article per item; ids count up from `first_id`. A `path` that is an `http://` or
/// `https://` address (see [`is_address`]) is fetched with [`import_address`].
pub fn import_path(path: &Path, first_id: ArticleId) -> Result<Vec<Article>, ImportError> {
    if let Some(address) = path.to_str().filter(|p| is_address(p)) {
        return import_address(address, first_id, &FetchOptions::default());
    }
    let read_error = |source| ImportError::Read {
        source,
        path: path.to_path_buf(),
    };
    let named = |known: &[&str]| {
        path.extension()
            .is_some_and(|ext| known.iter().any(|k| ext.eq_ignore_ascii_case(k)))
    };
    // PDFs and web archives carry their images.
    let limit_bytes = if named(&["pdf", "mhtml", "mht"]) {
        MAX_PDF_BYTES
    } else {
        MAX_ARTICLE_BYTES
    };
    let size_bytes = std::fs::metadata(path).map_err(read_error)?.len();
    if size_bytes > limit_bytes {
        return Err(ImportError::Decode {
            source: DecodeError::TooLarge {
                size_bytes,
                limit_bytes,
            },
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(read_error)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let kind = if named(&["pdf"]) {
        Some(web::Kind::Pdf)
    } else if named(&["rss", "atom"]) {
        Some(web::Kind::Feed)
    } else if named(&["mhtml", "mht"]) {
        Some(web::Kind::Mhtml)
    } else if named(&["html", "htm", "xhtml", "shtml"]) {
        Some(web::Kind::Html)
    } else {
        None
    };
    let name = file_name.as_deref().unwrap_or("the file");
    let origin = Origin {
        name,
        kind,
        charset: None,
        address: None,
    };
    if kind.is_none() && named(&["xml"]) && !looks_like_feed(&bytes) && !looks_like_pdf(&bytes) {
        return Err(ImportError::Decode {
            source: DecodeError::NotAFeed,
            path: path.to_path_buf(),
        });
    }
    let mut articles =
        articles_from_bytes(&bytes, first_id, &origin).map_err(|source| ImportError::Decode {
            source,
            path: path.to_path_buf(),
        })?;
    for article in &mut articles {
        article.source_file.clone_from(&file_name);
    }
    Ok(articles)
}

/// Where bytes to import came from, and what that says about them.
struct Origin<'a> {
    /// File name or address, for messages.
    name: &'a str,
    /// What the file name or the server says the bytes are.
    kind: Option<web::Kind>,
    /// The encoding the server named.
    charset: Option<&'static encoding_rs::Encoding>,
    /// The address the bytes were fetched from.
    address: Option<&'a str>,
}

/// The articles in `bytes`: a PDF or feed by its kind or its first bytes, else a web page or
/// text (by kind, or by the markup it starts with).
fn articles_from_bytes(
    bytes: &[u8],
    first_id: ArticleId,
    origin: &Origin<'_>,
) -> Result<Vec<Article>, DecodeError> {
    use web::Kind;
    if origin.kind == Some(Kind::Pdf) || looks_like_pdf(bytes) {
        return Ok(vec![article_from_pdf(first_id, bytes)?]);
    }
    if origin.kind == Some(Kind::Feed) || looks_like_feed(bytes) {
        return articles_from_feed(bytes, first_id, origin.name);
    }
    if origin.kind == Some(Kind::Mhtml) || looks_like_mhtml(bytes) {
        return Ok(vec![article_from_mhtml(first_id, bytes)?]);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    // What the server calls plain text is read as text, even if it starts with "<".
    let plain = origin.kind == Some(Kind::Text);
    let html_by_bytes = origin.kind == Some(Kind::Html) || !plain && looks_like_html(&head);
    // The server's charset comes before the page's own (as browsers read it).
    let declared = html_by_bytes
        .then(|| origin.charset.or_else(|| declared_charset(bytes)))
        .flatten()
        .or(origin.charset);
    let decoded = decode_declared(bytes, MAX_ARTICLE_BYTES, declared)?;
    // The decoded text tells for pages whose bytes are not ASCII-compatible (UTF-16).
    if html_by_bytes || !plain && looks_like_html(&decoded.text) {
        Ok(vec![article_from_html(first_id, decoded, origin.address)?])
    } else {
        Ok(vec![article_from_decoded(first_id, decoded, None)])
    }
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
        ..ImportReport::default()
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
