//! Byte spans into an article text, checked to lie on char boundaries, and range merging.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `start..end` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Why a span does not fit a text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `start` is after `end`.
    #[error("the span {start}..{end} is reversed")]
    Reversed {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// The span reaches past the end of the text.
    #[error("the span {start}..{end} reaches past the end of the text ({len} bytes)")]
    OutOfRange {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// Length of the text in bytes.
        len: usize,
    },
    /// An end of the span cuts a character in two.
    #[error("byte {offset} lies inside a character")]
    NotCharBoundary {
        /// The offending offset.
        offset: usize,
    },
}

impl Span {
    /// Creates a span; does not check it against any text.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// As a `Range`.
    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether two spans share at least one byte.
    #[must_use]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Checks that the span lies inside `text` on char boundaries.
    ///
    /// ```
    /// use lateral::text::Span;
    /// let text = "Öl";
    /// assert!(Span::new(0, 2).check(text).is_ok());
    /// assert!(Span::new(0, 1).check(text).is_err()); // cuts "Ö" in two
    /// assert!(Span::new(0, 9).check(text).is_err());
    /// ```
    pub fn check(self, text: &str) -> Result<(), SpanError> {
        if self.start > self.end {
            return Err(SpanError::Reversed {
                start: self.start,
                end: self.end,
            });
        }
        if self.end > text.len() {
            return Err(SpanError::OutOfRange {
                start: self.start,
                end: self.end,
                len: text.len(),
            });
        }
        for offset in [self.start, self.end] {
            if !text.is_char_boundary(offset) {
                return Err(SpanError::NotCharBoundary { offset });
            }
        }
        Ok(())
    }

    /// The text the span covers, or `None` if it does not fit.
    #[must_use]
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// Merges overlapping or touching ranges into a sorted list of disjoint ranges.
///
/// Every highlight kind (tags, search hits, diff changes, furniture) goes through this one
/// helper when it needs a union.
///
/// ```
/// use lateral::text::merge_ranges;
/// assert_eq!(merge_ranges(vec![5..8, 0..2, 1..3, 8..9]), vec![0..3, 5..9]);
/// ```
#[must_use]
pub fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_every_bad_case() {
        let text = "ẞ und ß";
        assert_eq!(
            Span::new(3, 1).check(text),
            Err(SpanError::Reversed { start: 3, end: 1 })
        );
        assert!(matches!(
            Span::new(0, 100).check(text),
            Err(SpanError::OutOfRange { len, .. }) if len == text.len()
        ));
        assert_eq!(
            Span::new(1, 3).check(text),
            Err(SpanError::NotCharBoundary { offset: 1 })
        );
        assert_eq!(Span::new(0, 3).slice(text), Some("ẞ"));
    }

    #[test]
    fn merge_handles_empty_nested_and_unsorted() {
        assert!(merge_ranges(vec![]).is_empty());
        assert_eq!(merge_ranges(vec![3..3, 0..10, 2..4]), vec![0..10]);
        assert_eq!(merge_ranges(vec![4..6, 0..2]), vec![0..2, 4..6]);
    }
}
