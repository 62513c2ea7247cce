//! A text prepared for comparison: tokens and sentences without the excluded spans, lower-case
//! token texts and the number style.

use crate::text::{NumberStyle, Sentence, Span, Token, TokenKind, sentences, tokenize};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Words per shingle for containment.
pub const SHINGLE_WORDS: usize = 3;

/// A text split into tokens and sentences, ready to compare.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    lower: Vec<String>,
    sentences: Vec<Sentence>,
    style: NumberStyle,
}

impl<'t> Document<'t> {
    /// Prepares `text`, leaving out the `excluded` spans.
    ///
    /// ```
    /// use lateral::compare::Document;
    /// let doc = Document::new("Titel\nEin Satz. Noch einer.", &[]);
    /// assert_eq!(doc.num_sentences(), 3);
    /// ```
    #[must_use]
    pub fn new(text: &'t str, excluded: &[Span]) -> Self {
        let tokens = tokenize(text, excluded);
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        let sentences = sentences(text, &tokens);
        let style = NumberStyle::for_language(crate::io::import::guess_language(text));
        Self {
            text,
            tokens,
            lower,
            sentences,
            style,
        }
    }

    /// The whole text.
    #[must_use]
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// All tokens, furniture left out.
    #[must_use]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Lower-case text of token `index`.
    #[must_use]
    pub fn lower(&self, index: usize) -> &str {
        self.lower.get(index).map_or("", String::as_str)
    }

    /// The sentences.
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Number of sentences.
    #[must_use]
    pub fn num_sentences(&self) -> usize {
        self.sentences.len()
    }

    /// How the text writes numbers (from its language).
    #[must_use]
    pub fn style(&self) -> NumberStyle {
        self.style
    }

    /// Where sentence `index` is (an empty span if there is none).
    #[must_use]
    pub fn sentence_span(&self, index: usize) -> Span {
        self.sentences
            .get(index)
            .map_or(Span::new(0, 0), |s| s.span)
    }

    /// Indices of the tokens of the given sentences, in order.
    #[must_use]
    pub fn token_indices(&self, sentence_indices: &[usize]) -> Vec<usize> {
        sentence_indices
            .iter()
            .filter_map(|&index| self.sentences.get(index))
            .flat_map(|s| s.first_token..s.end_token)
            .collect()
    }

    /// Hashes of the word shingles (runs of [`SHINGLE_WORDS`] lower-case words and numbers,
    /// punctuation skipped), sorted and without repeats.
    #[must_use]
    pub fn shingles(&self) -> Vec<u64> {
        let words: Vec<&str> = self
            .tokens
            .iter()
            .zip(&self.lower)
            .filter(|(token, _)| token.kind != TokenKind::Punct)
            .map(|(_, lower)| lower.as_str())
            .collect();
        let mut hashes: Vec<u64> = words
            .windows(SHINGLE_WORDS)
            .map(|window| {
                let mut hasher = DefaultHasher::new();
                window.hash(&mut hasher);
                hasher.finish()
            })
            .collect();
        if hashes.is_empty() && !words.is_empty() {
            let mut short_text_hasher = DefaultHasher::new();
            words.hash(&mut short_text_hasher);
            hashes.push(short_text_hasher.finish());
        }
        hashes.sort_unstable();
        hashes.dedup();
        hashes
    }
}
