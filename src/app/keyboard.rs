//! Selecting text with the keyboard: arrows move the caret, Shift+arrows extend the selection,
//! Ctrl moves by word, Up and Down by paragraph.

use super::view::TextSelection;
use unicode_segmentation::UnicodeSegmentation;

/// Where the caret goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaretMove {
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start of the word before.
    WordLeft,
    /// To the end of the word after.
    WordRight,
    /// To the start of this or the previous paragraph.
    ParagraphUp,
    /// To the start of the next paragraph.
    ParagraphDown,
}

/// Moves the selection's head in `text`; with `extend` the anchor stays, else it follows.
///
/// ```
/// use lateral::app::keyboard::{CaretMove, move_caret};
/// use lateral::app::view::TextSelection;
/// let text = "Laut Studie bis zu";
/// let caret = TextSelection { column: 0, anchor: 5, head: 5 };
/// let extended = move_caret(text, caret, CaretMove::WordRight, true);
/// assert_eq!(&text[extended.range()], "Studie");
/// ```
#[must_use]
pub fn move_caret(
    text: &str,
    selection: TextSelection,
    movement: CaretMove,
    extend: bool,
) -> TextSelection {
    let head = selection.head.min(text.len());
    let new_head = match movement {
        CaretMove::Left => text
            .get(..head)
            .and_then(|t| t.char_indices().next_back())
            .map_or(0, |(i, _)| i),
        CaretMove::Right => text
            .get(head..)
            .and_then(|t| t.chars().next())
            .map_or(head, |c| head + c.len_utf8()),
        CaretMove::WordLeft => text
            .get(..head)
            .and_then(|t| {
                t.split_word_bound_indices()
                    .rev()
                    .find(|(_, w)| w.chars().any(char::is_alphanumeric))
            })
            .map_or(0, |(i, _)| i),
        CaretMove::WordRight => text
            .get(head..)
            .and_then(|t| {
                t.split_word_bound_indices()
                    .find(|(_, w)| w.chars().any(char::is_alphanumeric))
            })
            .map_or(text.len(), |(i, w)| head + i + w.len()),
        CaretMove::ParagraphUp => text
            .get(..head.saturating_sub(1))
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1),
        CaretMove::ParagraphDown => text
            .get(head..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| head + i + 1),
    };
    TextSelection {
        column: selection.column,
        anchor: if extend { selection.anchor } else { new_head },
        head: new_head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caret(at: usize) -> TextSelection {
        TextSelection {
            column: 0,
            anchor: at,
            head: at,
        }
    }

    #[test]
    fn moves_by_char_word_and_paragraph_on_char_boundaries() {
        let text = "Größe ändert\nZweite Zeile";
        let right = move_caret(text, caret(2), CaretMove::Right, true);
        assert_eq!((right.anchor, right.head), (2, 4), "ö is two bytes");
        assert_eq!(move_caret(text, caret(4), CaretMove::Left, false).head, 2);
        assert_eq!(move_caret(text, caret(0), CaretMove::Left, false).head, 0);
        assert_eq!(
            move_caret(text, caret(text.len()), CaretMove::Right, false).head,
            text.len()
        );
        let word = move_caret(text, caret(0), CaretMove::WordRight, true);
        assert_eq!(&text[word.range()], "Größe");
        assert_eq!(
            move_caret(text, caret(10), CaretMove::WordLeft, false).head,
            8
        );
        let down = move_caret(text, caret(4), CaretMove::ParagraphDown, false);
        assert_eq!(&text[down.head..], "Zweite Zeile");
        assert_eq!(
            move_caret(text, down, CaretMove::ParagraphUp, false).head,
            0
        );
    }
}
