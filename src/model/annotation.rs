//! Annotations: a tagged passage of one article, with note and speaker.

use super::{AnnotationId, ArticleId, TagId};
use crate::text::{Span, chars_after, chars_before};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// How many characters of context are stored before and after a quote for re-anchoring.
pub const CONTEXT_CHARS: usize = 32;

/// A tagged passage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// Stable id.
    pub id: AnnotationId,
    /// The article the passage belongs to.
    pub article_id: ArticleId,
    /// Byte span into the article text, on char boundaries.
    pub span: Span,
    /// The passage's text, copied for re-anchoring and exports.
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// The tag.
    pub tag_id: TagId,
    /// Free-text note.
    #[serde(default)]
    pub note: String,
    /// Who is said to claim or deny it (for attributions and denials).
    #[serde(default)]
    pub speaker: String,
    /// Who made the annotation.
    #[serde(default)]
    pub annotator: String,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub modified: Timestamp,
    /// Annotations made as one linked pair (e.g. the same claim in a release and a rewrite).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub linked: Vec<AnnotationId>,
    /// Keywords another tool gave the passage (Hypothesis tags that name no project tag), kept
    /// with it: shown in the inspector and searchable, never turned into tags unless asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

impl Annotation {
    /// Makes an annotation of `span` in `text`, copying quote and context from the text.
    ///
    /// Returns `None` if the span does not fit the text.
    ///
    /// ```
    /// use lateral::model::{Annotation, AnnotationId, ArticleId, TagId};
    /// use lateral::text::Span;
    /// let text = "Laut Studie bis zu 5,5 Milliarden.";
    /// let a = Annotation::of_span(AnnotationId(1), ArticleId(1), text, Span::new(12, 33), TagId(1))
    ///     .unwrap();
    /// assert_eq!(a.quote, "bis zu 5,5 Milliarden");
    /// assert_eq!(a.prefix, "Laut Studie ");
    /// ```
    #[must_use]
    pub fn of_span(
        id: AnnotationId,
        article_id: ArticleId,
        text: &str,
        span: Span,
        tag_id: TagId,
    ) -> Option<Self> {
        span.check(text).ok()?;
        let now = Timestamp::now();
        Some(Self {
            id,
            article_id,
            span,
            quote: span.slice(text)?.to_owned(),
            prefix: chars_before(text, span.start, CONTEXT_CHARS).to_owned(),
            suffix: chars_after(text, span.end, CONTEXT_CHARS).to_owned(),
            tag_id,
            note: String::new(),
            speaker: String::new(),
            annotator: String::new(),
            created: now,
            modified: now,
            linked: Vec::new(),
            keywords: Vec::new(),
        })
    }

    /// Whether the stored quote is what the span covers in `text`.
    #[must_use]
    pub fn is_anchored_in(&self, text: &str) -> bool {
        self.span.check(text).is_ok() && self.span.slice(text) == Some(self.quote.as_str())
    }

    /// Moves the annotation to `span`, refreshing the quote and context from `text`.
    pub fn set_span(&mut self, text: &str, span: Span) {
        if let Some(quote) = span.slice(text) {
            self.span = span;
            quote.clone_into(&mut self.quote);
            chars_before(text, span.start, CONTEXT_CHARS).clone_into(&mut self.prefix);
            chars_after(text, span.end, CONTEXT_CHARS).clone_into(&mut self.suffix);
        }
    }
}
