//! Text positions and small text helpers shared by the model, import, comparison and the GUI:
//! spans, tokens and sentences, numbers, dates, loose matching of quotes.

mod dates;
mod fold;
mod numbers;
mod segment;
mod span;

pub use dates::PubDate;
pub use fold::{Folded, fold};
pub use numbers::{NumberMention, NumberStyle, find_numbers, parse_number, same_value, scale_of};
pub mod attribution;
pub use segment::{Sentence, Token, TokenKind, sentences, tokenize};
pub use span::{Span, SpanError, merge_ranges};

/// Counts words: maximal runs of alphanumeric characters (hyphens and apostrophes inside a
/// word keep it one word, so "Friedrich-Naumann-Stiftung" counts once).
///
/// ```
/// assert_eq!(lateral::text::word_count("Bis zu 5,5 Milliarden US-Dollar."), 5);
/// ```
#[must_use]
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch.is_alphanumeric() {
            count += usize::from(!in_word);
            in_word = true;
        } else {
            let joins = matches!(ch, '-' | '\'' | '’' | ',' | '.')
                && chars.peek().is_some_and(|next| next.is_alphanumeric());
            in_word = in_word && joins;
        }
    }
    count
}

/// Runs of white space (line breaks, tabs, NBSP) as one space, trimmed at both ends.
///
/// ```
/// assert_eq!(lateral::text::fold_whitespace("  bis\u{a0}zu\n 5,5 %  "), "bis zu 5,5 %");
/// ```
#[must_use]
pub fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "1 annotation", "2 annotations": a count with the word in the right number.
///
/// ```
/// assert_eq!(lateral::text::count(1, "hit", "hits"), "1 hit");
/// assert_eq!(lateral::text::count(0, "hit", "hits"), "0 hits");
/// ```
#[must_use]
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Returns at most `max_chars` characters of `text` that end at byte `end`.
#[must_use]
pub fn chars_before(text: &str, end: usize, max_chars: usize) -> &str {
    let Some(head) = text.get(..end) else {
        return "";
    };
    let start = head
        .char_indices()
        .rev()
        .nth(max_chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if max_chars == 0 { "" } else { &head[start..] }
}

/// Returns at most `max_chars` characters of `text` that start at byte `start`.
#[must_use]
pub fn chars_after(text: &str, start: usize, max_chars: usize) -> &str {
    let Some(tail) = text.get(start..) else {
        return "";
    };
    let end = tail
        .char_indices()
        .nth(max_chars)
        .map_or(tail.len(), |(i, _)| i);
    &tail[..end]
}

/// Widens a selection from `anchor` to `head` (either order) to whole words: a start inside a
/// word moves to the word's start, an end inside a word to its end, and white space at
/// either edge is dropped. Returns the new (anchor, head), in the same direction.
///
/// ```
/// let text = "Eine neue Studie zur Gegenstrategie.";
/// let (a, h) = lateral::text::snap_to_words(text, 2, 30);
/// assert_eq!(&text[a..h], "Eine neue Studie zur Gegenstrategie");
/// let (a, h) = lateral::text::snap_to_words(text, 30, 2);
/// assert_eq!((&text[h..a], a > h), ("Eine neue Studie zur Gegenstrategie", true));
/// ```
#[must_use]
pub fn snap_to_words(text: &str, anchor: usize, head: usize) -> (usize, usize) {
    let floor = |mut byte: usize| {
        byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    };
    let (start, end) = (floor(anchor.min(head)), floor(anchor.max(head)));
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    // Drop white space at the edges first, so a start in a gap snaps to the next word.
    let mut start = start + (text[start..end].len() - text[start..end].trim_start().len());
    let mut end = start + text[start..end].trim_end().len();
    if start >= end {
        return (floor(anchor), floor(head));
    }
    while let Some(c) = text[..start].chars().next_back().filter(|&c| is_word(c)) {
        start -= c.len_utf8();
    }
    while let Some(c) = text[end..].chars().next().filter(|&c| is_word(c)) {
        end += c.len_utf8();
    }
    if head >= anchor {
        (start, end)
    } else {
        (end, start)
    }
}

/// Number of characters (Unicode scalar values) before byte offset `byte`.
#[must_use]
pub fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |head| head.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_german_words_and_numbers() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("Friedrich-Naumann-Stiftung für die Freiheit"), 4);
        assert_eq!(word_count("„Russland wendet sich“, sagt Guseinova."), 5);
        assert_eq!(word_count("20.000 Soldaten - 5,5 Mrd."), 4);
    }

    #[test]
    fn snapping_reaches_word_edges_and_drops_spaces() {
        let text = "Laut Guseinova könnten bis zu 5,5 Milliarden fließen.";
        let snap = |a, h| {
            let (a, h) = snap_to_words(text, a, h);
            &text[a.min(h)..a.max(h)]
        };
        assert_eq!(snap(7, 19), "Guseinova könnten");
        // A position inside a character is taken as that character.
        assert_eq!(snap(7, 17), "Guseinova könnten");
        assert_eq!(snap(4, 14), "Guseinova");
        assert_eq!(snap(0, 0), "");
        assert_eq!(
            snap(46, 99),
            "fließen.",
            "a drag past the full stop keeps it"
        );
        // Umlauts and ß are letters; nothing lands inside a character.
        assert_eq!(snap(48, 49), "fließen");
        assert_eq!(snap_to_words(text, 999, 1000), (text.len(), text.len()));
    }

    #[test]
    fn context_windows_respect_chars() {
        let text = "Größe ändert";
        assert_eq!(chars_before(text, 7, 3), "öße");
        assert_eq!(chars_before(text, 7, 0), "");
        assert_eq!(chars_after(text, 8, 3), "änd");
        assert_eq!(chars_after(text, 99, 3), "");
        assert_eq!(char_offset(text, 7), 5);
    }
}
