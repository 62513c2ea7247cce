//! Re-anchoring: finding where an annotation's quote is when its span no longer matches.

use crate::model::Annotation;
use crate::text::Span;

/// Where an annotation belongs in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Its span still covers its quote.
    InPlace,
    /// Its quote is elsewhere; this is the best match by context and distance.
    Moved(Span),
    /// Its quote is nowhere in the text.
    NotFound,
}

/// Places `annotation` in `text`: in place, moved to the best occurrence of its quote, or not
/// at all. Among several occurrences the one whose surrounding text best matches the stored
/// prefix and suffix wins; ties go to the one nearest the old position.
pub fn place(text: &str, annotation: &Annotation) -> Placement {
    if annotation.is_anchored_in(text) {
        return Placement::InPlace;
    }
    if annotation.quote.is_empty() {
        return Placement::NotFound;
    }
    let best = text
        .match_indices(annotation.quote.as_str())
        .map(|(start, _)| {
            let span = Span::new(start, start + annotation.quote.len());
            let context = common_suffix_chars(&text[..start], &annotation.prefix)
                + common_prefix_chars(&text[span.end..], &annotation.suffix);
            let distance = start.abs_diff(annotation.span.start);
            (span, context, distance)
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
    best.map_or(Placement::NotFound, |(span, _, _)| Placement::Moved(span))
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationId, ArticleId, TagId};

    fn annotation_at(text: &str, start: usize, end: usize) -> Annotation {
        Annotation::of_span(AnnotationId(1), ArticleId(1), text, Span::new(start, end), TagId(1)).unwrap()
    }

    #[test]
    fn picks_occurrence_with_matching_context() {
        let old = "A sagt: ja. B sagt: ja.";
        let annotation = annotation_at(old, 20, 22); // the second "ja"
        let new = "Vorwort. A sagt: ja. B sagt: ja.";
        assert_eq!(place(new, &annotation), Placement::Moved(Span::new(29, 31)));
        assert_eq!(place(old, &annotation), Placement::InPlace);
        assert_eq!(place("nichts", &annotation), Placement::NotFound);
    }
}
