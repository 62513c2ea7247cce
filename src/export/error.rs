//! Why an export could not be written or an exchange file could not be read.

use crate::model::EditError;

/// Why an export failed. Nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("could not write CSV: {message}")]
    Csv {
        /// The writer's message.
        message: String,
    },
    /// The JSON serialiser failed.
    #[error("could not write JSON: {message}")]
    Json {
        /// The serialiser's message.
        message: String,
    },
    /// The XML writer failed.
    #[error("could not write the REFI-QDA project XML: {message}")]
    Xml {
        /// The writer's message.
        message: String,
    },
    /// The zip writer failed.
    #[error("could not write the .qdpx archive: {message}")]
    Zip {
        /// The writer's message.
        message: String,
    },
}

/// Why a `.qdpx` file could not be imported. No project was changed.
#[derive(Debug, thiserror::Error)]
pub enum QdpxError {
    /// Not a readable zip archive, e.g. truncated by a broken download.
    #[error(
        "this is not a readable .qdpx (zip) file: {message}. It may be truncated; export it again from the other program"
    )]
    NotAZip {
        /// The zip reader's message.
        message: String,
    },
    /// An entry name would leave the folder the archive is unpacked into.
    #[error(
        "the .qdpx file contains an unsafe path \"{entry_name}\" that leaves its folder; it was not imported"
    )]
    UnsafePath {
        /// The entry's name as stored.
        entry_name: String,
    },
    /// An entry or the whole archive is larger than allowed.
    #[error(
        "\"{entry_name}\" in the .qdpx file unpacks to more than {limit_bytes} bytes (the limit); it was not imported"
    )]
    TooLarge {
        /// The entry (or "the archive" for the total).
        entry_name: String,
        /// The limit.
        limit_bytes: u64,
    },
    /// More entries than allowed.
    #[error("the .qdpx file has {num_entries} entries, more than the {limit} allowed")]
    TooManyEntries {
        /// Entries in the archive.
        num_entries: usize,
        /// The limit.
        limit: usize,
    },
    /// An entry is in no encoding the importer can read.
    #[error(
        "\"{entry_name}\" in the .qdpx file is neither UTF-8 nor UTF-16; it was not imported. Export the project again from the other program"
    )]
    Encoding {
        /// The entry's name.
        entry_name: String,
    },
    /// The archive has no `project.qde`.
    #[error("the .qdpx file has no project.qde; it is not a REFI-QDA project")]
    NoProjectFile,
    /// `project.qde` is not well-formed XML.
    #[error("project.qde is not valid XML at byte {position}: {message}")]
    Xml {
        /// Byte position in project.qde.
        position: u64,
        /// The parser's message.
        message: String,
    },
    /// The result could not be built into a project (a bug or a contradictory file).
    #[error("the imported project is inconsistent: {source}")]
    Edit {
        /// The refused edit's reason.
        #[source]
        source: EditError,
    },
}

/// Why a W3C Web Annotation file could not be imported. The project is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum W3cError {
    /// Not JSON.
    #[error("this is not a JSON file: {message}")]
    Json {
        /// The parser's message.
        message: String,
    },
    /// Larger than [`MAX_W3C_BYTES`](crate::export::MAX_W3C_BYTES).
    #[error(
        "the file is {size_bytes} bytes, more than a W3C annotation file may be ({limit_bytes} bytes); split it into smaller files"
    )]
    TooLarge {
        /// The file's size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
    /// JSON, but not annotations.
    #[error("no W3C annotations found: {message}")]
    NotAnnotations {
        /// What was expected.
        message: String,
    },
    /// Not one annotation could be placed in the project's articles.
    #[error(
        "none of the {num_annotations} annotations match the project's articles (first problem: {first_problem}); the project is unchanged"
    )]
    NothingMatched {
        /// Annotations in the file.
        num_annotations: usize,
        /// Why the first one did not match.
        first_problem: String,
    },
}
