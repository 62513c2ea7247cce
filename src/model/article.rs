//! Articles: the immutable imported text, its metadata, import report and page furniture.

use super::ArticleId;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// Bibliographic data of an article; editable after import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    /// Headline or title.
    pub title: String,
    /// Newspaper, website or organisation that published it.
    #[serde(default)]
    pub outlet: String,
    /// Authors, as written.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date as written in the source (e.g. "27.10.2024", "Oct 2024").
    #[serde(default)]
    pub date: Option<String>,
    /// Where it was found.
    #[serde(default)]
    pub url: Option<String>,
    /// Language as a BCP 47 tag such as "de" or "en".
    #[serde(default)]
    pub language: String,
}

impl ArticleMeta {
    /// The publication date read as days, when its text names one (see
    /// [`PubDate::parse`](crate::text::PubDate::parse)); the text itself stays as written.
    #[must_use]
    pub fn pub_date(&self) -> Option<crate::text::PubDate> {
        self.date.as_deref().and_then(crate::text::PubDate::parse)
    }
}

/// What the importer did to turn a file's bytes into the article text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportReport {
    /// Encoding the bytes were decoded from, e.g. "UTF-8", "windows-1252", "UTF-16LE".
    pub encoding: String,
    /// How the encoding was chosen.
    pub encoding_source: EncodingSource,
    /// Whether the file started with a byte-order mark (removed from the text).
    pub had_bom: bool,
    /// Number of CRLF line ends turned into LF.
    pub crlf_normalised: usize,
    /// Number of lone CR line ends turned into LF.
    pub cr_normalised: usize,
    /// Number of malformed byte sequences replaced by U+FFFD.
    #[serde(default)]
    pub replacement_chars: usize,
    /// Size of the file in bytes.
    pub size_bytes: u64,
    /// What kind of file the text came from.
    #[serde(default, skip_serializing_if = "SourceFormat::is_text")]
    pub format: SourceFormat,
    /// What else import did, as sentences (e.g. where the headline came from).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What the page showed that is not part of the article and was left out of the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cut: Vec<CutPassage>,
}

/// The kind of file an article was imported from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceFormat {
    /// Plain text or Markdown, taken as it is.
    #[default]
    Text,
    /// A web page: the article was extracted from its markup.
    Html,
    /// An item of an RSS, Atom or JSON feed.
    Feed,
    /// The text layer of a PDF: lines and paragraphs rebuilt from where the words stand.
    Pdf,
}

impl SourceFormat {
    /// Whether this is plain text (the default, not written to project files).
    #[must_use]
    pub fn is_text(&self) -> bool {
        *self == SourceFormat::Text
    }

    /// "text", "web page", "feed item", "PDF".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Html => "web page",
            SourceFormat::Feed => "feed item",
            SourceFormat::Pdf => "PDF",
        }
    }
}

/// Why a passage of a web page was not taken into the article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CutKind {
    /// Menus, page header and footer, breadcrumbs.
    Navigation,
    /// Image and video captions and credits.
    Caption,
    /// Links to other articles ("Lesen Sie auch", "Mehr zum Thema"), teasers, promotions.
    Teaser,
    /// Reader comments.
    Comments,
    /// Forms, sharing buttons, cookie notes and anything else outside the article.
    Other,
}

impl CutKind {
    /// Human-readable name, for lists and reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            CutKind::Navigation => "navigation",
            CutKind::Caption => "caption",
            CutKind::Teaser => "teaser",
            CutKind::Comments => "comments",
            CutKind::Other => "other",
        }
    }
}

/// A run of page text left out of the article, as the import report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CutPassage {
    /// Why it was left out.
    pub kind: CutKind,
    /// Its text, whitespace folded, shortened to a few hundred characters ("…" at the end).
    pub text: String,
    /// How many words it had in full.
    pub words: usize,
}

impl ImportReport {
    /// What the reader should know about the decoding, as sentences (empty when clean).
    #[must_use]
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.replacement_chars > 0 {
            let what = if self.encoding_source == EncodingSource::Utf8WithErrors {
                "The file is UTF-8 text with bytes that are not UTF-8"
            } else {
                "Some bytes could not be decoded"
            };
            warnings.push(format!(
                "{what}: {} {} shown as \u{FFFD} in the text; compare with the original before quoting those places",
                self.replacement_chars,
                if self.replacement_chars == 1 { "place is" } else { "places are" }
            ));
        }
        if self.encoding_source == EncodingSource::Detected {
            warnings.push(format!(
                "The file is not UTF-8; it was read as {} (a guess): check its umlauts",
                self.encoding
            ));
        }
        warnings
    }
}

/// How an article's encoding was determined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EncodingSource {
    /// A byte-order mark named it.
    Bom,
    /// The bytes were valid UTF-8.
    #[default]
    ValidUtf8,
    /// A statistical detector guessed it (the bytes were not UTF-8).
    Detected,
    /// The file declared it (a web page's `<meta charset>`) and the bytes were not UTF-8.
    Declared,
    /// UTF-8 with a few bytes that are not: each is U+FFFD in the text.
    Utf8WithErrors,
    /// The text was pasted or typed, not decoded from a file.
    Pasted,
}

/// Why a passage was marked as page furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FurnitureKind {
    /// A line that repeats another line nearby, e.g. a photo caption scraped two or three times.
    RepeatedLine,
    /// A leftover HTML tag such as `< p>` or `<br/>`.
    HtmlTag,
    /// A leftover HTML entity such as `&nbsp;`.
    HtmlEntity,
    /// Newsletter, sign-up, sharing or site-widget boilerplate.
    Boilerplate,
    /// A photo or image credit line.
    ImageCredit,
    /// A line that runs at the top or bottom of a PDF's pages (a running header or footer).
    PageHeader,
    /// A page number of a PDF.
    PageNumber,
}

impl FurnitureKind {
    /// Human-readable name, for lists and reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            FurnitureKind::RepeatedLine => "repeated line",
            FurnitureKind::HtmlTag => "HTML tag",
            FurnitureKind::HtmlEntity => "HTML entity",
            FurnitureKind::Boilerplate => "boilerplate",
            FurnitureKind::ImageCredit => "image credit",
            FurnitureKind::PageHeader => "page header or footer",
            FurnitureKind::PageNumber => "page number",
        }
    }
}

/// A passage that the importer thinks is not part of the article proper.
///
/// It is only a mark: the text stays as imported. A reader can hide marked passages,
/// and can reject a mark (`ignored`), which is an undoable edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Furniture {
    /// The marked bytes of the article text.
    pub span: Span,
    /// Why it was marked.
    pub kind: FurnitureKind,
    /// A sentence for the import report, e.g. "repeats line 9".
    pub reason: String,
    /// Set when the user says this is not furniture after all.
    #[serde(default)]
    pub rejected: bool,
}

/// One imported article. Its text never changes after import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable id.
    pub id: ArticleId,
    /// Title, outlet, authors and so on.
    pub meta: ArticleMeta,
    /// Name of the file it was imported from, if any.
    #[serde(default)]
    pub source_file: Option<String>,
    /// What import did.
    pub import: ImportReport,
    /// Passages marked as page furniture.
    #[serde(default)]
    pub furniture: Vec<Furniture>,
    /// The text as imported (decoded, line ends normalised). Private so it cannot change.
    /// Last, so that the project file shows the metadata before the long text.
    text: String,
}

impl Article {
    /// Creates an article around an imported text.
    #[must_use]
    pub fn new(id: ArticleId, meta: ArticleMeta, text: String, import: ImportReport) -> Self {
        Self {
            id,
            meta,
            source_file: None,
            text,
            import,
            furniture: Vec::new(),
        }
    }

    /// The article text, exactly as imported.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of words (runs of alphanumeric characters).
    #[must_use]
    pub fn word_count(&self) -> usize {
        crate::text::word_count(&self.text)
    }

    /// The furniture marks that are in force (not rejected by the user).
    pub fn active_furniture(&self) -> impl Iterator<Item = &Furniture> {
        self.furniture.iter().filter(|f| !f.rejected)
    }
}
