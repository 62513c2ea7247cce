//! W3C Web Annotation Data Model (JSON-LD): export as an `AnnotationCollection`, import of
//! collections, pages, arrays and single annotations (Hypothesis' API JSON included).
//!
//! Each annotation targets its article (`source`: the article's URL, or `urn:lateral:article:N`)
//! with a `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector` counting
//! characters. Bodies: the tag with purpose `tagging`, the note with `commenting`, the speaker
//! with `describing` as "Speaker: NAME".

mod fields;
mod read;
mod write;

pub use read::{W3cImport, import_w3c};
pub(super) use write::write_w3c;

/// The Web Annotation JSON-LD context.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Prefix of article sources that have no URL.
const ARTICLE_URN: &str = "urn:lateral:article:";

/// Prefix of annotation ids.
const ANNOTATION_URN: &str = "urn:lateral:annotation:";

/// How a speaker is written in a `describing` body.
const SPEAKER_PREFIX: &str = "Speaker: ";
