//! Line ends of imported source texts: CRLF and lone CR become LF as in every Lateral article,
//! while REFI-QDA positions keep pointing at the same characters.
//!
//! Tools disagree on how a Windows line end counts: `MAXQDA` and `NVivo` count CRLF as two
//! characters of the source file, `ATLAS.ti` writes CRLF files but counts each line end once
//! (`QualCoder`'s importer special-cases it by `origin`). [`LineEnds`] names the two readings.

use super::parse::QdeSource;
use crate::export::CharIndex;
use crate::model::{EncodingSource, ImportReport};
use crate::text::Span;

/// How a tool counted line ends in its character positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LineEnds {
    /// Every character of the file, so CRLF counts two.
    AsStored,
    /// Each line end once, as if the file had LF line ends.
    Once,
}

/// The source text with CRLF and lone CR turned into LF, and where each character went, so
/// that positions counted in the original text still land on the same characters.
pub(super) struct Normalised {
    pub text: String,
    /// Byte offset in `text` of each character of the original, plus the end.
    byte_of_char: Vec<usize>,
    /// Character offsets of the normalised text, for positions that count line ends once.
    index_once: CharIndex,
    crlf: usize,
    cr: usize,
}

impl Normalised {
    pub fn new(raw: &str) -> Self {
        let mut text = String::with_capacity(raw.len());
        let mut byte_of_char = Vec::with_capacity(raw.len() + 1);
        let (mut crlf, mut cr) = (0, 0);
        let mut chars = raw.chars().peekable();
        while let Some(ch) = chars.next() {
            byte_of_char.push(text.len());
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
            index_once: CharIndex::new(&text),
            text,
            byte_of_char,
            crlf,
            cr,
        }
    }

    /// Whether the original had CR line ends, so that [`LineEnds`] matters.
    pub fn had_cr(&self) -> bool {
        self.crlf + self.cr > 0
    }

    /// Number of characters of the text, as `line_ends` counts them.
    pub fn num_chars(&self, line_ends: LineEnds) -> usize {
        match line_ends {
            LineEnds::AsStored => self.byte_of_char.len().saturating_sub(1),
            LineEnds::Once => self.index_once.num_chars(),
        }
    }

    /// The byte span in the normalised text of character positions counted as `line_ends` says.
    pub fn span(
        &self,
        start: Option<usize>,
        end: Option<usize>,
        line_ends: LineEnds,
    ) -> Option<Span> {
        let (start, end) = (start?, end?);
        let byte = |char_offset: usize| match line_ends {
            LineEnds::AsStored => self.byte_of_char.get(char_offset).copied(),
            LineEnds::Once => self.index_once.byte_of_char(char_offset),
        };
        let span = Span::new(byte(start)?, byte(end)?);
        (!span.is_empty()).then_some(span)
    }
}

pub(super) fn import_report(raw: &str, normalised: &Normalised) -> ImportReport {
    ImportReport {
        encoding: "UTF-8".into(),
        encoding_source: EncodingSource::ValidUtf8,
        had_bom: false,
        crlf_normalised: normalised.crlf,
        cr_normalised: normalised.cr,
        replacement_chars: raw.matches('\u{fffd}').count(),
        size_bytes: raw.len() as u64,
    }
}

/// How the positions of `source` count line ends. Without CRs it does not matter. Otherwise
/// the reading under which more selections cover the text they are named after (`QualCoder`
/// names selections so) wins; on a tie, `ATLAS.ti` counts line ends once and the others as stored.
pub(super) fn line_end_reading(
    origin: &str,
    source: &QdeSource,
    normalised: &Normalised,
) -> LineEnds {
    if !normalised.had_cr() {
        return LineEnds::AsStored;
    }
    let matches = |line_ends: LineEnds| {
        source
            .selections
            .iter()
            .filter(|s| s.name.trim().chars().count() > 3)
            .filter(|s| {
                normalised
                    .span(s.start, s.end, line_ends)
                    .and_then(|span| normalised.text.get(span.range()))
                    .is_some_and(|quote| quote.trim_start().starts_with(s.name.trim()))
            })
            .count()
    };
    let (stored, once) = (matches(LineEnds::AsStored), matches(LineEnds::Once));
    if once > stored || (once == stored && origin.to_uppercase().contains("ATLAS")) {
        LineEnds::Once
    } else {
        LineEnds::AsStored
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_survive_line_end_normalisation() {
        let normalised = Normalised::new("a\r\nb\rc ü");
        assert_eq!(normalised.text, "a\nb\nc ü");
        assert_eq!(normalised.num_chars(LineEnds::AsStored), 8);
        let span = normalised
            .span(Some(3), Some(8), LineEnds::AsStored)
            .unwrap();
        assert_eq!(&normalised.text[span.range()], "b\nc ü");
        assert_eq!(normalised.span(Some(2), Some(9), LineEnds::AsStored), None);
        let span = normalised.span(Some(2), Some(7), LineEnds::Once).unwrap();
        assert_eq!(&normalised.text[span.range()], "b\nc ü");
        let report = import_report("a\r\nb\rc ü", &normalised);
        assert_eq!((report.crlf_normalised, report.cr_normalised), (1, 1));
    }
}
