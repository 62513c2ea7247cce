//! Character (code point) offsets against Lateral's byte offsets, for formats that count
//! characters: CSV's `start_char`, W3C `TextPositionSelector` and REFI-QDA selections.

/// Maps between byte offsets and character offsets of one text in O(log n) per lookup.
///
/// ```
/// use lateral::export::CharIndex;
/// let index = CharIndex::new("Größe");
/// assert_eq!(index.char_of_byte(4), Some(3)); // after "Grö"
/// assert_eq!(index.byte_of_char(3), Some(4));
/// assert_eq!(index.char_of_byte(5), None); // inside "ß"
/// ```
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every char boundary, including the text's end.
    boundaries: Vec<usize>,
}

impl CharIndex {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        boundaries.push(text.len());
        Self { boundaries }
    }

    /// Number of characters in the text.
    #[must_use]
    pub fn num_chars(&self) -> usize {
        self.boundaries.len().saturating_sub(1)
    }

    /// The character offset of byte offset `byte`, if it is a char boundary.
    #[must_use]
    pub fn char_of_byte(&self, byte: usize) -> Option<usize> {
        self.boundaries.binary_search(&byte).ok()
    }

    /// The byte offset of character offset `char_offset`, if it lies in the text.
    #[must_use]
    pub fn byte_of_char(&self, char_offset: usize) -> Option<usize> {
        self.boundaries.get(char_offset).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_boundary() {
        let text = "„Öl“ 🛢 ok";
        let index = CharIndex::new(text);
        assert_eq!(index.num_chars(), text.chars().count());
        for (char_offset, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_of_byte(byte), Some(char_offset));
            assert_eq!(index.byte_of_char(char_offset), Some(byte));
        }
        assert_eq!(index.char_of_byte(text.len()), Some(index.num_chars()));
        assert_eq!(index.byte_of_char(index.num_chars() + 1), None);
    }
}
