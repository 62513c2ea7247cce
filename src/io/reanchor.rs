//! Re-anchoring: finding where an annotation's quote is when its span no longer matches.

use crate::model::Annotation;
use crate::text::{Folded, Span, fold};

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
    find_quote(
        text,
        &annotation.quote,
        &annotation.prefix,
        &annotation.suffix,
        annotation.span.start,
    )
    .map_or(Placement::NotFound, Placement::Moved)
}

/// The occurrence of `quote` in `text` whose surrounding text best matches `prefix` and
/// `suffix`; ties go to the one nearest byte offset `near`.
#[must_use]
pub fn find_quote(
    text: &str,
    quote: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
) -> Option<Span> {
    if quote.is_empty() {
        return None;
    }
    best_match(text, quote, prefix, suffix, near).map(|(start, end)| Span::new(start, end))
}

/// Like [`find_quote`], but comparing loosely (see [`crate::text::Folded`]): whitespace runs as
/// one space, typographic quotes and dashes as plain ones, soft hyphens ignored. The quote is
/// looked up in `folded`, the folded form of the text; the span returned is in the original.
#[must_use]
pub fn find_loose_quote(
    folded: &Folded,
    quote: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
) -> Option<Span> {
    let quote = fold(quote);
    if quote.is_empty() {
        return None;
    }
    let (start, end) = best_match(
        folded.as_str(),
        &quote,
        fold(prefix).as_str(),
        fold(suffix).as_str(),
        folded.folded_offset(near),
    )?;
    folded.original_span(start, end)
}

/// How far around the expected position occurrences are looked for first (bytes).
const NEAR_WINDOW: usize = 4096;

/// Start and end of the best occurrence of `quote` in `text` by context, then distance.
///
/// Occurrences near `near` are looked at first: if one of them has all of its context, none
/// elsewhere can be better (the context is full and the others are farther), so the whole
/// text is searched only when none near does.
fn best_match(
    text: &str,
    quote: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
) -> Option<(usize, usize)> {
    let (prefix, suffix) = (prefix.trim_end(), suffix.trim_start());
    let full_context = prefix.chars().count() + suffix.chars().count();
    let low = text.floor_char_boundary(near.saturating_sub(NEAR_WINDOW));
    let high = text.ceil_char_boundary(near.saturating_add(quote.len() + NEAR_WINDOW));
    if low > 0 || high < text.len() {
        let nearby = best_in(text, low..high, quote, prefix, suffix, near);
        if let Some((start, end, context)) = nearby
            && context == full_context
        {
            return Some((start, end));
        }
    }
    best_in(text, 0..text.len(), quote, prefix, suffix, near).map(|(start, end, _)| (start, end))
}

/// The best occurrence of `quote` within `range` of `text` (start, end, context matched).
fn best_in(
    text: &str,
    range: std::ops::Range<usize>,
    quote: &str,
    prefix: &str,
    suffix: &str,
    near: usize,
) -> Option<(usize, usize, usize)> {
    let offset = range.start;
    text[range]
        .match_indices(quote)
        .map(|(at, _)| {
            let start = offset + at;
            let end = start + quote.len();
            let context = common_suffix_chars(text[..start].trim_end(), prefix)
                + common_prefix_chars(text[end..].trim_start(), suffix);
            (start, end, context, start.abs_diff(near))
        })
        .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)))
        .map(|(start, end, context, _)| (start, end, context))
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationId, ArticleId, TagId};

    fn annotation_at(text: &str, start: usize, end: usize) -> Annotation {
        Annotation::of_span(
            AnnotationId(1),
            ArticleId(1),
            text,
            Span::new(start, end),
            TagId(1),
        )
        .unwrap()
    }

    #[test]
    fn loose_quotes_find_the_page_text_and_context_picks_among_repeats() {
        let text = "Sie sagte: „Das ist\u{a0}plausibel.“ Er sagte: „Das ist plausibel.“";
        let folded = Folded::new(text);
        let quote = "Das ist\n plausibel.";
        let first = find_loose_quote(&folded, quote, "Sie sagte: \"", "", 0).unwrap();
        assert_eq!(first.slice(text), Some("Das ist\u{a0}plausibel."));
        let second = find_loose_quote(&folded, quote, "Er sagte: \"", "", 0).unwrap();
        assert!(second.start > first.start);
        assert_eq!(second.slice(text), Some("Das ist plausibel."));
        assert_eq!(find_loose_quote(&folded, "nirgends", "", "", 0), None);
        assert_eq!(
            find_quote(text, quote, "", "", 0),
            None,
            "exact search stays exact"
        );
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
