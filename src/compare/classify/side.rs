//! One side of an aligned row as the classifier sees it: its words, and the phrases of the
//! word lists found in them (hedges, negations, attribution cues with their source).

use crate::compare::document::Document;
use crate::compare::result::{Change, ChangeKind};
use crate::compare::wordlists::{ListKind, WordLists};
use crate::text::{NumberMention, Span, TokenKind, find_numbers};

/// Words before an attribution cue that may name the source ("Ihrer Analyse zufolge").
const ATTRIBUTION_BEFORE: usize = 4;
/// Words after an attribution cue that may name the source ("heißt es im Bericht").
const ATTRIBUTION_AFTER: usize = 2;

/// One side of a row: its word tokens (punctuation left out).
pub(in crate::compare) struct Side<'d, 't> {
    pub(in crate::compare) doc: &'d Document<'t>,
    /// Token indices of words and numbers.
    pub(in crate::compare) word_tokens: Vec<usize>,
    /// Their lower-case texts.
    pub(in crate::compare) words: Vec<String>,
    /// All token indices of the side, in order.
    pub(in crate::compare) all_tokens: Vec<usize>,
}

impl<'d, 't> Side<'d, 't> {
    pub(in crate::compare) fn new(doc: &'d Document<'t>, sentences: &[usize]) -> Self {
        let all_tokens = doc.token_indices(sentences);
        let word_tokens: Vec<usize> = all_tokens
            .iter()
            .copied()
            .filter(|&i| {
                doc.tokens()
                    .get(i)
                    .is_some_and(|t| t.kind != TokenKind::Punct)
            })
            .collect();
        let words = word_tokens
            .iter()
            .map(|&i| doc.lower(i).to_owned())
            .collect();
        Self {
            doc,
            word_tokens,
            words,
            all_tokens,
        }
    }

    /// Span from word `first` to word `last` (inclusive).
    pub(in crate::compare) fn span(&self, first: usize, last: usize) -> Span {
        let at = |k: usize| {
            self.word_tokens
                .get(k)
                .and_then(|&i| self.doc.tokens().get(i))
                .map(|t| t.span)
        };
        match (at(first), at(last)) {
            (Some(x), Some(y)) => Span::new(x.start, y.end),
            _ => Span::new(0, 0),
        }
    }

    pub(in crate::compare) fn slice(&self, span: Span) -> String {
        span.slice(self.doc.text()).unwrap_or("").to_owned()
    }

    /// Whether a clause boundary (punctuation other than a hyphen) lies between two words.
    pub(in crate::compare) fn boundary_between(&self, left: usize, right: usize) -> bool {
        let (Some(&x), Some(&y)) = (self.word_tokens.get(left), self.word_tokens.get(right)) else {
            return true;
        };
        self.doc
            .tokens()
            .get(x + 1..y)
            .unwrap_or(&[])
            .iter()
            .any(|t| t.kind == TokenKind::Punct)
    }

    pub(in crate::compare) fn numbers(&self) -> Vec<NumberMention> {
        let first = self.all_tokens.first().copied().unwrap_or(0);
        let end = self.all_tokens.last().map_or(0, |last| last + 1);
        find_numbers(
            self.doc.text(),
            self.doc.tokens().get(first..end).unwrap_or(&[]),
            self.doc.style(),
        )
    }
}

/// A phrase found on one side: the key it is compared by and where it is.
pub(in crate::compare) struct Found {
    pub(in crate::compare) key: String,
    pub(in crate::compare) span: Span,
    /// Whether a number follows it ("bis zu 20.000").
    pub(in crate::compare) before_number: bool,
}

pub(in crate::compare) fn change(
    a: &Side,
    b: &Side,
    in_a: Option<&Found>,
    in_b: Option<&Found>,
    kind: ChangeKind,
) -> Change {
    Change {
        kind,
        a_span: in_a.map(|f| f.span),
        b_span: in_b.map(|f| f.span),
        a_text: in_a.map(|f| a.slice(f.span)).unwrap_or_default(),
        b_text: in_b.map(|f| b.slice(f.span)).unwrap_or_default(),
    }
}

pub(in crate::compare) fn phrases(side: &Side, lists: &WordLists, kind: ListKind) -> Vec<Found> {
    lists
        .list(kind)
        .find(&side.words)
        .into_iter()
        .map(|(first, len)| {
            let next = side
                .word_tokens
                .get(first + len)
                .and_then(|&i| side.doc.tokens().get(i));
            Found {
                key: side.words.get(first..first + len).unwrap_or(&[]).join(" "),
                span: side.span(first, first + len - 1),
                before_number: next.is_some_and(|t| t.kind == TokenKind::Number),
            }
        })
        .collect()
}

/// Attribution cues with the words around them that name the source, within the clause.
pub(in crate::compare) fn attributions(side: &Side, lists: &WordLists) -> Vec<Found> {
    lists
        .list(ListKind::Attribution)
        .find(&side.words)
        .into_iter()
        .map(|(first, len)| {
            let cue = side.words.get(first..first + len).unwrap_or(&[]).join(" ");
            let looks_back = !matches!(cue.as_str(), "laut" | "according to" | "nach angaben");
            let looks_ahead = cue != "zufolge";
            let mut start = first;
            while looks_back
                && start > 0
                && first - start < ATTRIBUTION_BEFORE
                && !side.boundary_between(start - 1, start)
            {
                start -= 1;
            }
            let mut last = first + len - 1;
            while looks_ahead
                && last + 1 < side.words.len()
                && last + 1 - (first + len) < ATTRIBUTION_AFTER
                && !side.boundary_between(last, last + 1)
            {
                last += 1;
            }
            let span = side.span(start, last);
            Found {
                key: side.slice(span),
                span,
                before_number: false,
            }
        })
        .collect()
}
