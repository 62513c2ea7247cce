//! The words of one sentence, and the small word classes the detector reads them by.

use crate::text::{Span, Token, TokenKind};

/// The tokens of one sentence with their lower-case texts.
pub(super) struct Words<'t> {
    pub(super) text: &'t str,
    pub(super) tokens: &'t [Token],
    lower: Vec<String>,
}

impl<'t> Words<'t> {
    pub(super) fn new(text: &'t str, tokens: &'t [Token]) -> Self {
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        Self {
            text,
            tokens,
            lower,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    pub(super) fn is_punct(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_none_or(|t| t.kind == TokenKind::Punct)
    }

    /// Punctuation that ends a clause (not a hyphen or an apostrophe).
    pub(super) fn is_boundary(&self, i: usize) -> bool {
        self.is_punct(i)
            && !matches!(
                self.tokens.get(i).map(|t| t.text(self.text)),
                Some("-" | "'" | "’" | "/")
            )
    }

    /// Where the clause holding word `i` begins: after the nearest boundary before it.
    pub(super) fn clause_start(&self, i: usize) -> usize {
        let mut start = i;
        while start > 0 && !self.is_boundary(start - 1) {
            start -= 1;
        }
        start
    }

    /// The words after `i` up to the clause's end, at most `reach - 1` of them.
    pub(super) fn clause_after(&self, i: usize, reach: usize) -> impl Iterator<Item = usize> + '_ {
        (i + 1..(i + reach).min(self.len())).take_while(|&k| !self.is_boundary(k))
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.capitalised)
    }

    pub(super) fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }
}

/// Words that begin a noun phrase or continue one.
pub(super) fn in_noun_phrase(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
        "einen", "von", "vom", "zur", "zum", "für", "aus", "beim", "seiner", "seines", "ihrer",
        "ihres", "ihre", "sein", "seine", "unserer", "dieser", "diese", "dieses", "mehrerer",
        "vieler", "the", "a", "an", "of", "its", "his", "her", "their", "und", "and",
    ];
    WORDS.contains(&word)
}

/// Adverbs and time words between a verb and its subject ("sagte am Montag der Minister").
pub(super) fn filler(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "auch",
        "jetzt",
        "nun",
        "zudem",
        "außerdem",
        "ebenfalls",
        "dazu",
        "bereits",
        "schon",
        "gestern",
        "heute",
        "am",
        "im",
        "zuletzt",
        "damals",
        "inzwischen",
        "noch",
        "weiter",
        "dann",
        "daraufhin",
        "dort",
    ];
    WORDS.contains(&word)
}

/// Words that, first in a clause, are not its subject ("Am Montag sagte …").
pub(super) fn not_subject_start(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "an",
        "über",
        "zum",
        "zur",
        "als",
        "mit",
        "ohne",
        "gegen",
        "für",
        "unter",
        "durch",
        "wegen",
        "trotz",
        "aus",
        "um",
        "vom",
        "weiterhin",
        "wenige",
        "wenig",
        "kurz",
        "bis",
        "nachdem",
        "schließlich",
        "ferner",
        "daneben",
        "darauf",
        "hierbei",
        "dem",
        "den",
        "am",
        "im",
        "in",
        "auf",
        "nach",
        "bei",
        "vor",
        "seit",
        "während",
        "zudem",
        "dazu",
        "außerdem",
        "auch",
        "dann",
        "gestern",
        "heute",
        "damals",
        "dies",
        "das",
        "so",
        "es",
        "deshalb",
        "daher",
        "dabei",
        "darüber",
        "hierzu",
        "dazu",
        "zugleich",
        "inzwischen",
        "bereits",
        "zuvor",
        "nun",
        "jetzt",
        "wie",
        "zuletzt",
        "weiter",
        "ebenso",
        "dort",
        "später",
        "gegenüber",
        "anschließend",
        "demnach",
        "allerdings",
        "zunächst",
    ];
    WORDS.contains(&word)
}
