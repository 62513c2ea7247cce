//! Exports of tagged passages (CSV, JSON, Markdown and HTML reports) and the exchange formats
//! shared with other annotation tools (W3C Web Annotation, REFI-QDA `.qdpx`), both ways.
//!
//! Every export goes through [`export`] with an [`ExportFilter`]; importers never change a
//! project: [`import_w3c`] returns edits for the caller to apply, [`import_qdpx`] a new project.

mod csv;
mod error;
mod json;
mod offsets;
mod qdpx;
mod report_html;
mod report_md;
mod rows;
mod w3c;

pub use error::{ExportError, QdpxError, W3cError};
pub use json::JSON_SCHEMA;
pub use offsets::CharIndex;
pub use qdpx::{
    LineEnds, MAX_QDPX_ENTRY_BYTES, MAX_QDPX_TOTAL_BYTES, PositionUnit, QdpxImport, QdpxLimits,
    Reading, SourceReading, import_qdpx, import_qdpx_with_limits,
};
pub use rows::{ExportRow, rows, sentence_around};
pub use w3c::{
    MAX_W3C_BYTES, PlacedBy, W3cImport, W3cOptions, W3cPlaced, import_w3c, import_w3c_with,
};

use crate::model::{Annotation, ArticleId, Project, TagId};

/// Which annotations an export includes. `None` means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportFilter {
    /// Only annotations of these articles.
    pub articles: Option<Vec<ArticleId>>,
    /// Only annotations with these tags.
    pub tags: Option<Vec<TagId>>,
    /// Only annotations by this annotator (compared exactly, after trimming).
    pub annotator: Option<String>,
}

impl ExportFilter {
    /// Whether the annotation passes the filter.
    ///
    /// ```
    /// use lateral::export::ExportFilter;
    /// use lateral::model::TagId;
    /// let filter = ExportFilter { tags: Some(vec![TagId(2)]), ..ExportFilter::default() };
    /// assert!(filter.includes_tag(TagId(2)));
    /// assert!(!filter.includes_tag(TagId(1)));
    /// ```
    #[must_use]
    pub fn includes(&self, annotation: &Annotation) -> bool {
        self.includes_article(annotation.article_id)
            && self.includes_tag(annotation.tag_id)
            && self
                .annotator
                .as_deref()
                .is_none_or(|who| who.trim() == annotation.annotator.trim())
    }

    /// Whether the article passes the filter (reports leave other articles out).
    #[must_use]
    pub fn includes_article(&self, article_id: ArticleId) -> bool {
        self.articles
            .as_ref()
            .is_none_or(|ids| ids.contains(&article_id))
    }

    /// Whether the tag passes the filter (the legend and tag set leave other tags out).
    #[must_use]
    pub fn includes_tag(&self, tag_id: TagId) -> bool {
        self.tags.as_ref().is_none_or(|ids| ids.contains(&tag_id))
    }

    /// The project's annotations that pass the filter, in project order.
    pub fn annotations<'a>(&'a self, project: &'a Project) -> impl Iterator<Item = &'a Annotation> {
        project.annotations().iter().filter(|a| self.includes(a))
    }
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// One row per annotation, RFC 4180.
    Csv,
    /// The rows plus tag set and article metadata; see [`JSON_SCHEMA`].
    Json,
    /// A Markdown report per article and per tag.
    Markdown,
    /// A self-contained HTML report with the articles highlighted.
    Html,
    /// W3C Web Annotation Data Model, JSON-LD.
    W3c,
    /// REFI-QDA project exchange (a zip).
    Qdpx,
}

impl ExportFormat {
    /// Every format, in the order of the command line's help.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::W3c,
        ExportFormat::Qdpx,
    ];

    /// The usual file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::W3c => "jsonld",
            ExportFormat::Qdpx => "qdpx",
        }
    }

    /// The name used on the command line (`csv`, `json`, `md`, `html`, `w3c`, `qdpx`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::W3c => "w3c",
            other => other.extension(),
        }
    }

    /// Parses a command-line name.
    ///
    /// ```
    /// use lateral::export::ExportFormat;
    /// assert_eq!(ExportFormat::from_name("md"), Some(ExportFormat::Markdown));
    /// assert_eq!(ExportFormat::from_name("docx"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name.trim().to_lowercase())
    }
}

/// The CSV separator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvSeparator {
    /// `,` as in RFC 4180.
    #[default]
    Comma,
    /// `;`, what German Excel expects.
    Semicolon,
}

/// Options that only some formats use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// CSV: start with a UTF-8 byte-order mark so that Excel reads umlauts right.
    pub csv_bom: bool,
    /// CSV: the field separator.
    pub csv_separator: CsvSeparator,
}

/// Writes the filtered annotations of `project` in `format`.
///
/// ```
/// use lateral::export::{ExportFilter, ExportFormat, ExportOptions, export};
/// use lateral::model::Project;
/// let project = Project::new("Leer");
/// let bytes = export(&project, ExportFormat::Csv, &ExportFilter::default(), ExportOptions::default())
///     .unwrap();
/// assert!(String::from_utf8(bytes).unwrap().starts_with("project,article,"));
/// ```
pub fn export(
    project: &Project,
    format: ExportFormat,
    filter: &ExportFilter,
    options: ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Csv => csv::write_csv(project, filter, options),
        ExportFormat::Json => json::write_json(project, filter),
        ExportFormat::Markdown => Ok(report_md::write_markdown(project, filter).into_bytes()),
        ExportFormat::Html => Ok(report_html::write_html(project, filter).into_bytes()),
        ExportFormat::W3c => w3c::write_w3c(project, filter),
        ExportFormat::Qdpx => qdpx::write_qdpx(project, filter),
    }
}
