//! Word diff of one aligned row with `similar` (Myers, with a deadline), as byte spans.

use super::document::Document;
use super::result::{DiffOp, DiffTag};
use crate::text::Span;
use similar::{Algorithm, capture_diff_slices_deadline};
use std::time::Instant;

/// Diffs the tokens of A's sentences `a_sentences` against B's `b_sentences`; also says
/// whether the deadline had passed.
pub(crate) fn word_diff(
    a: &Document,
    b: &Document,
    a_sentences: &[usize],
    b_sentences: &[usize],
    deadline: Option<Instant>,
) -> (Vec<DiffOp>, bool) {
    let a_indices = a.token_indices(a_sentences);
    let b_indices = b.token_indices(b_sentences);
    let a_words = token_texts(a, &a_indices);
    let b_words = token_texts(b, &b_indices);
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &a_words, &b_words, deadline);
    let timed_out = deadline.is_some_and(|d| Instant::now() >= d);
    let a_anchor = a
        .sentence_span(a_sentences.first().copied().unwrap_or(0))
        .start;
    let b_anchor = b
        .sentence_span(b_sentences.first().copied().unwrap_or(0))
        .start;
    let result = ops
        .iter()
        .filter_map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            let tag = match tag {
                similar::DiffTag::Equal => DiffTag::Equal,
                similar::DiffTag::Delete => DiffTag::Delete,
                similar::DiffTag::Insert => DiffTag::Insert,
                similar::DiffTag::Replace => DiffTag::Replace,
            };
            let (a_tokens, b_tokens) = (old.len(), new.len());
            if a_tokens == 0 && b_tokens == 0 {
                return None;
            }
            let a_span = covering(a, &a_indices, old, a_anchor);
            let b_span = covering(b, &b_indices, new, b_anchor);
            Some(DiffOp {
                tag,
                a_span,
                b_span,
                a_tokens,
                b_tokens,
            })
        })
        .collect();
    (result, timed_out)
}

fn token_texts<'t>(doc: &Document<'t>, indices: &[usize]) -> Vec<&'t str> {
    let text = doc.text();
    indices
        .iter()
        .filter_map(|&i| doc.tokens().get(i))
        .map(|t| t.text(text))
        .collect()
}

/// The span from the first to the last token of `range` (of the row's tokens `indices`); an
/// empty span where the range would start if it is empty.
fn covering(
    doc: &Document,
    indices: &[usize],
    range: std::ops::Range<usize>,
    anchor: usize,
) -> Span {
    let token_at = |k: usize| indices.get(k).and_then(|&i| doc.tokens().get(i));
    if range.is_empty() {
        let at = token_at(range.start)
            .map(|t| t.span.start)
            .or_else(|| {
                range
                    .start
                    .checked_sub(1)
                    .and_then(token_at)
                    .map(|t| t.span.end)
            })
            .unwrap_or(anchor);
        return Span::new(at, at);
    }
    let start = token_at(range.start).map_or(anchor, |t| t.span.start);
    let end = range
        .end
        .checked_sub(1)
        .and_then(token_at)
        .map_or(start, |t| t.span.end);
    Span::new(start, end)
}

/// Applies the diff of every row to A's tokens: `Equal` keeps A's tokens, `Insert` and
/// `Replace` put in B's. For a correct comparison the result is B's token texts in order
/// (the property the tests check).
///
/// ```
/// use lateral::compare::{apply_diff, compare_texts, CompareOptions, Document};
/// let (a, b) = ("Eins zwei drei. Vier fünf.", "Vier sechs fünf. Eins zwei.");
/// let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
/// let doc_b = Document::new(b, &[]);
/// let b_tokens: Vec<&str> = doc_b.tokens().iter().map(|t| t.text(b)).collect();
/// assert_eq!(apply_diff(&comparison, a, &[], b, &[]), b_tokens);
/// ```
#[must_use]
pub fn apply_diff<'s>(
    comparison: &super::Comparison,
    a: &'s str,
    a_excluded: &[Span],
    b: &'s str,
    b_excluded: &[Span],
) -> Vec<&'s str> {
    let doc_a = Document::new(a, a_excluded);
    let doc_b = Document::new(b, b_excluded);
    let within = |doc: &Document<'s>, span: Span| -> Vec<&'s str> {
        let tokens = doc.tokens();
        let first = tokens.partition_point(|t| t.span.start < span.start);
        tokens
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .take_while(|t| t.span.end <= span.end && !span.is_empty())
            .map(|t| t.text(doc.text()))
            .collect()
    };
    let mut out = Vec::new();
    for op in comparison.rows.iter().flat_map(|row| &row.word_diff) {
        match op.tag {
            DiffTag::Equal => out.extend(within(&doc_a, op.a_span)),
            DiffTag::Insert | DiffTag::Replace => out.extend(within(&doc_b, op.b_span)),
            DiffTag::Delete => {}
        }
    }
    out
}
