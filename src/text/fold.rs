//! Loose text matching for quotes taken from how a page shows its text: whitespace runs (line
//! breaks, double spaces, no-break spaces) compare as one space, typographic quotes and dashes
//! as their plain forms, "…" as "...", and soft hyphens and zero-width characters not at all.
//!
//! [`Folded`] keeps, for every byte of the folded text, where it came from in the original, so a
//! match in the folded text maps back to an exact span of the original: the evidence stays the
//! article's own text.

use super::Span;

/// A text in its folded form, with the way back to the original's byte offsets.
#[derive(Clone, Debug)]
pub struct Folded {
    /// The folded text.
    text: String,
    /// For each byte of `text`: the original byte offset where its source character starts.
    starts: Vec<u32>,
    /// For each byte of `text`: the original byte offset where its source character (or
    /// whitespace run) ends.
    ends: Vec<u32>,
}

/// What a character folds to.
enum FoldedChar {
    /// Dropped (soft hyphen, zero-width characters).
    Nothing,
    /// Part of a whitespace run, which folds to one space.
    Space,
    /// One replacement text.
    Text(&'static str),
    /// Itself.
    Same(char),
}

fn fold_char(c: char) -> FoldedChar {
    match c {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
            FoldedChar::Nothing
        }
        c if c.is_whitespace() => FoldedChar::Space,
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' | '`' | '´' => FoldedChar::Text("'"),
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => FoldedChar::Text("\""),
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => FoldedChar::Text("-"),
        '…' => FoldedChar::Text("..."),
        c => FoldedChar::Same(c),
    }
}

impl Folded {
    /// Folds `text`. Offsets are kept as `u32`, so texts up to 4 GiB are covered (an article is
    /// at most 20 MiB).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut folded = Self {
            text: String::with_capacity(text.len()),
            starts: Vec::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len()),
        };
        let mut in_space = false;
        for (at, c) in text.char_indices() {
            let end = (at + c.len_utf8()) as u32;
            match fold_char(c) {
                FoldedChar::Nothing => {}
                FoldedChar::Space if in_space => {
                    // The run grows: the one space now ends here.
                    if let Some(last) = folded.ends.last_mut() {
                        *last = end;
                    }
                }
                FoldedChar::Space => {
                    in_space = true;
                    folded.push(" ", at as u32, end);
                }
                FoldedChar::Text(replacement) => {
                    in_space = false;
                    folded.push(replacement, at as u32, end);
                }
                FoldedChar::Same(c) => {
                    in_space = false;
                    let mut buffer = [0; 4];
                    folded.push(c.encode_utf8(&mut buffer), at as u32, end);
                }
            }
        }
        folded
    }

    fn push(&mut self, piece: &str, start: u32, end: u32) {
        self.text.push_str(piece);
        for _ in 0..piece.len() {
            self.starts.push(start);
            self.ends.push(end);
        }
    }

    /// The folded text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The span of the original text that the folded bytes `start..end` came from, or `None`
    /// if the range is empty or out of bounds.
    #[must_use]
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end || end > self.text.len() {
            return None;
        }
        Some(Span::new(
            *self.starts.get(start)? as usize,
            *self.ends.get(end - 1)? as usize,
        ))
    }

    /// The folded byte offset at or after original byte offset `original` (for distances).
    #[must_use]
    pub fn folded_offset(&self, original: usize) -> usize {
        self.starts.partition_point(|&s| (s as usize) < original)
    }
}

/// `text` folded and trimmed of outer whitespace: the form a quote is looked up in.
#[must_use]
pub fn fold(text: &str) -> String {
    Folded::new(text).as_str().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spaces_quotes_dashes_and_soft_hyphens() {
        let text = "Er sagte:\n„Das ist\u{a0}\u{a0}plau\u{ad}sibel“ – so…";
        let folded = Folded::new(text);
        assert_eq!(folded.as_str(), "Er sagte: \"Das ist plausibel\" - so...");
        assert_eq!(fold("  a\r\n\tb  "), "a b");
    }

    #[test]
    fn maps_matches_back_to_the_original() {
        let text = "Die  „Studie“\nzeigt";
        let folded = Folded::new(text);
        let at = folded.as_str().find("\"Studie\" zeigt").unwrap();
        let span = folded
            .original_span(at, at + "\"Studie\" zeigt".len())
            .unwrap();
        assert_eq!(span.slice(text), Some("„Studie“\nzeigt"));
        // A run of spaces maps to the whole run.
        let space = folded.as_str().find(' ').unwrap();
        assert_eq!(
            folded.original_span(space, space + 1).unwrap().slice(text),
            Some("  ")
        );
        assert_eq!(folded.original_span(3, 3), None);
        assert_eq!(folded.folded_offset(0), 0);
    }
}
