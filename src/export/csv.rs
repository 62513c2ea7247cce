//! The CSV export: RFC 4180, UTF-8, one row per annotation, optionally with a byte-order mark
//! and `;` as separator for Excel.

use super::{CsvSeparator, ExportError, ExportFilter, ExportOptions, rows};
use crate::model::Project;

/// The UTF-8 byte-order mark that tells Excel the file is UTF-8.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the rows of [`rows`] as CSV with a header line.
pub(super) fn write_csv(
    project: &Project,
    filter: &ExportFilter,
    options: ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let csv_error = |e: &dyn std::fmt::Display| ExportError::Csv {
        message: e.to_string(),
    };
    let mut bytes = Vec::new();
    if options.csv_bom {
        bytes.extend_from_slice(UTF8_BOM);
    }
    let delimiter = match options.csv_separator {
        CsvSeparator::Comma => b',',
        CsvSeparator::Semicolon => b';',
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(bytes);
    let rows = rows(project, filter);
    if rows.is_empty() {
        // serde writes the header with the first row; an empty export still gets one.
        writer.write_record(HEADER).map_err(|e| csv_error(&e))?;
    }
    for row in rows {
        writer.serialize(row).map_err(|e| csv_error(&e))?;
    }
    writer.into_inner().map_err(|e| csv_error(&e))
}

/// The column names, as `ExportRow` serialises them.
const HEADER: [&str; 21] = [
    "project",
    "article",
    "article_id",
    "outlet",
    "authors",
    "date",
    "date_iso",
    "url",
    "annotation_id",
    "tag",
    "speaker",
    "quote",
    "note",
    "annotator",
    "start_char",
    "end_char",
    "start_byte",
    "end_byte",
    "sentence",
    "created",
    "modified",
];
