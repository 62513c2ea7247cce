//! W3C Web Annotation Data Model (JSON-LD): export as an `AnnotationCollection`, import of
//! collections, pages, arrays and single annotations (Hypothesis' API JSON included).
//!
//! Each annotation targets its article (`source`: the article's URL, or `urn:lateral:article:N`)
//! with a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` counting
//! characters. Bodies: the tag with purpose `tagging` (then the keywords, also `tagging`), the
//! note with `commenting`, the speaker with `describing` as "Speaker: NAME".
//!
//! On import, selectors are also found inside `refinedBy` chains; bodies given as IRIs are kept
//! in the note as "Link: IRI"; of an annotation's tags the first that names a project tag
//! becomes its tag and the others its keywords (see [`W3cOptions`]).

mod fields;
mod read;
mod write;

pub use read::{
    MAX_W3C_BYTES, PlacedBy, W3cImport, W3cOptions, W3cPlaced, import_w3c, import_w3c_with,
};
pub(super) use write::write_w3c;

/// The Web Annotation JSON-LD context.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Prefix of article sources that have no URL.
const ARTICLE_URN: &str = "urn:lateral:article:";

/// Prefix of annotation ids.
const ANNOTATION_URN: &str = "urn:lateral:annotation:";

/// How a speaker is written in a `describing` body.
const SPEAKER_PREFIX: &str = "Speaker: ";
