//! Line ends of imported source texts: CRLF and lone CR become LF as in every Lateral article,
//! while REFI-QDA positions keep pointing at the same characters, whichever unit and line-end
//! convention the writing tool counted in.
//!
//! Tools disagree on how a Windows line end counts: `MAXQDA` and `NVivo` count CRLF as two
//! characters of the source file, `ATLAS.ti` writes CRLF files but counts each line end once
//! (`QualCoder`'s importer special-cases it by `origin`). [`LineEnds`] names the two readings.
//! They also disagree on what a character is: `NVivo` (a .NET program) counts UTF-16 code
//! units, so an emoji counts two; others count Unicode code points ([`PositionUnit`]).

use crate::model::{EncodingSource, ImportReport};
use crate::text::Span;

/// How a tool counted line ends in its character positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnds {
    /// Every character of the file, so CRLF counts two.
    AsStored,
    /// Each line end once, as if the file had LF line ends.
    Once,
}

/// What one step of a REFI-QDA position counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PositionUnit {
    /// Unicode code points (characters), as Lateral, `QualCoder` and `ATLAS.ti` count.
    CodePoints,
    /// UTF-16 code units, as `NVivo` counts: characters outside the Basic Multilingual Plane
    /// (most emoji) count two.
    Utf16,
}

/// A unit and a line-end convention: how to turn a tool's positions into text offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// What a position step counts.
    pub unit: PositionUnit,
    /// How line ends count.
    pub line_ends: LineEnds,
}

impl Reading {
    /// Every reading, code points and line ends as stored first.
    pub const ALL: [Reading; 4] = [
        Reading::new(PositionUnit::CodePoints, LineEnds::AsStored),
        Reading::new(PositionUnit::Utf16, LineEnds::AsStored),
        Reading::new(PositionUnit::CodePoints, LineEnds::Once),
        Reading::new(PositionUnit::Utf16, LineEnds::Once),
    ];

    /// A reading of `unit` with `line_ends`.
    #[must_use]
    pub const fn new(unit: PositionUnit, line_ends: LineEnds) -> Self {
        Self { unit, line_ends }
    }

    /// In words, for import reports: "UTF-16 code units, CRLF counted as two".
    #[must_use]
    pub fn describe(self) -> String {
        let unit = match self.unit {
            PositionUnit::CodePoints => "characters (code points)",
            PositionUnit::Utf16 => "UTF-16 code units",
        };
        let line_ends = match self.line_ends {
            LineEnds::AsStored => "line ends counted as stored",
            LineEnds::Once => "each line end counted once",
        };
        format!("{unit}, {line_ends}")
    }
}

/// Marks a position inside a character (the second half of a UTF-16 surrogate pair).
const INSIDE_A_CHARACTER: usize = usize::MAX;

/// The source text with CRLF and lone CR turned into LF, and where each character went, so
/// that positions counted in the original text still land on the same characters.
pub(super) struct Normalised {
    pub text: String,
    /// Byte offset in `text` of each character of the original, plus the end.
    byte_of_char: Vec<usize>,
    /// Whether the original had characters that UTF-16 counts two.
    has_astral: bool,
    crlf: usize,
    cr: usize,
}

impl Normalised {
    pub fn new(raw: &str) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut byte_of_char = Vec::with_capacity(raw.len() + 1);
        let (mut crlf, mut cr) = (0, 0);
        let mut has_astral = false;
        let mut chars = raw.chars().peekable();
        while let Some(ch) = chars.next() {
            byte_of_char.push(text.len());
            has_astral |= ch.len_utf16() == 2;
            if ch == '\r' {
                if chars.peek() == Some(&'\n') {
                    crlf += 1; // the '\n' that follows is pushed next
                } else {
                    cr += 1;
                    text.push('\n');
                }
            } else {
                text.push(ch);
            }
        }
        byte_of_char.push(text.len());
        Self {
            text,
            byte_of_char,
            has_astral,
            crlf,
            cr,
        }
    }

    /// The readings that can give different results for this text, in `preferred` order.
    pub fn distinct_readings(&self, preferred: &[Reading]) -> Vec<Reading> {
        let had_cr = self.crlf + self.cr > 0;
        preferred
            .iter()
            .copied()
            .filter(|r| had_cr || r.line_ends == LineEnds::AsStored)
            .filter(|r| self.has_astral || r.unit == PositionUnit::CodePoints)
            .collect()
    }

    /// Byte offset in the normalised text of every position of `reading`, plus the end;
    /// [`INSIDE_A_CHARACTER`] where a position falls inside a character.
    pub fn offsets(&self, reading: Reading) -> Vec<usize> {
        let mut offsets = Vec::with_capacity(self.byte_of_char.len() + 8);
        let mut push = |byte: usize, ch: char| {
            offsets.push(byte);
            if reading.unit == PositionUnit::Utf16 && ch.len_utf16() == 2 {
                offsets.push(INSIDE_A_CHARACTER);
            }
        };
        match reading.line_ends {
            LineEnds::AsStored => {
                let num_chars = self.byte_of_char.len().saturating_sub(1);
                for &byte in self.byte_of_char.iter().take(num_chars) {
                    // A CRLF's CR maps to the byte of its LF, which counts one unit as well.
                    let ch = self.text.get(byte..).and_then(|t| t.chars().next());
                    push(byte, ch.unwrap_or('\n'));
                }
            }
            LineEnds::Once => {
                for (byte, ch) in self.text.char_indices() {
                    push(byte, ch);
                }
            }
        }
        offsets.push(self.text.len());
        offsets
    }

    /// The byte span in the normalised text of positions `start..end` in `offsets`.
    pub fn span(offsets: &[usize], start: Option<usize>, end: Option<usize>) -> Option<Span> {
        let byte = |position: usize| {
            offsets
                .get(position)
                .copied()
                .filter(|&b| b != INSIDE_A_CHARACTER)
        };
        let span = Span::new(byte(start?)?, byte(end?)?);
        (!span.is_empty()).then_some(span)
    }

    /// Number of positions of `offsets` (the text's length in that reading).
    pub fn num_positions(offsets: &[usize]) -> usize {
        offsets.len().saturating_sub(1)
    }

    /// Whether `span` starts and ends on word edges: not between two letters or digits.
    pub fn on_word_edges(&self, span: Span) -> bool {
        let edge = |byte: usize| {
            let before = self.text.get(..byte).and_then(|t| t.chars().next_back());
            let after = self.text.get(byte..).and_then(|t| t.chars().next());
            !matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
        };
        edge(span.start) && edge(span.end)
    }
}

/// How the source's bytes were decoded, before line ends were normalised.
pub(super) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub had_bom: bool,
    pub replacement_chars: usize,
    pub size_bytes: u64,
}

pub(super) fn import_report(decoded: &Decoded, normalised: &Normalised) -> ImportReport {
    ImportReport {
        encoding: decoded.encoding.into(),
        encoding_source: if decoded.had_bom {
            EncodingSource::Bom
        } else {
            EncodingSource::ValidUtf8
        },
        had_bom: decoded.had_bom,
        crlf_normalised: normalised.crlf,
        cr_normalised: normalised.cr,
        replacement_chars: decoded.replacement_chars,
        size_bytes: decoded.size_bytes,
        ..ImportReport::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORED: Reading = Reading::new(PositionUnit::CodePoints, LineEnds::AsStored);
    const ONCE: Reading = Reading::new(PositionUnit::CodePoints, LineEnds::Once);

    #[test]
    fn positions_survive_line_end_normalisation() {
        let normalised = Normalised::new("a\r\nb\rc ü");
        assert_eq!(normalised.text, "a\nb\nc ü");
        let stored = normalised.offsets(STORED);
        assert_eq!(Normalised::num_positions(&stored), 8);
        let span = Normalised::span(&stored, Some(3), Some(8)).unwrap();
        assert_eq!(&normalised.text[span.range()], "b\nc ü");
        assert_eq!(Normalised::span(&stored, Some(2), Some(9)), None);
        let once = normalised.offsets(ONCE);
        let span = Normalised::span(&once, Some(2), Some(7)).unwrap();
        assert_eq!(&normalised.text[span.range()], "b\nc ü");
    }

    #[test]
    fn utf16_counts_emoji_twice() {
        let normalised = Normalised::new("😀 a\r\nWort");
        let utf16 = normalised.offsets(Reading::new(PositionUnit::Utf16, LineEnds::AsStored));
        // 😀 is two units, space, a, CR, LF: "Wort" starts at 6.
        let span = Normalised::span(&utf16, Some(6), Some(10)).unwrap();
        assert_eq!(&normalised.text[span.range()], "Wort");
        assert_eq!(
            Normalised::span(&utf16, Some(1), Some(3)),
            None,
            "inside 😀"
        );
        assert!(normalised.on_word_edges(span));
        assert_eq!(normalised.distinct_readings(&Reading::ALL).len(), 4);
        assert_eq!(
            Normalised::new("plain").distinct_readings(&Reading::ALL),
            [STORED]
        );
    }
}
