//! Line ends of imported source texts: CRLF and lone CR become LF as in every Lateral article,
//! while REFI-QDA positions, counted in characters of the original text, keep pointing at the
//! same characters.

use crate::model::{EncodingSource, ImportReport};
use crate::text::Span;

/// The source text with CRLF and lone CR turned into LF, and where each character went, so
/// that positions counted in the original text still land on the same characters.
pub(super) struct Normalised {
    pub text: String,
    /// Byte offset in `text` of each character of the original, plus the end.
    byte_of_char: Vec<usize>,
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
            text,
            byte_of_char,
            crlf,
            cr,
        }
    }

    pub fn num_chars(&self) -> usize {
        self.byte_of_char.len().saturating_sub(1)
    }

    pub fn span(&self, start: Option<usize>, end: Option<usize>) -> Option<Span> {
        let (start, end) = (start?, end?);
        let span = Span::new(*self.byte_of_char.get(start)?, *self.byte_of_char.get(end)?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_survive_line_end_normalisation() {
        let normalised = Normalised::new("a\r\nb\rc ü");
        assert_eq!(normalised.text, "a\nb\nc ü");
        assert_eq!(normalised.num_chars(), 8);
        let span = normalised.span(Some(3), Some(8)).unwrap();
        assert_eq!(&normalised.text[span.range()], "b\nc ü");
        assert_eq!(normalised.span(Some(2), Some(9)), None);
        let report = import_report("a\r\nb\rc ü", &normalised);
        assert_eq!((report.crlf_normalised, report.cr_normalised), (1, 1));
    }
}
