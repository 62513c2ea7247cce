//! Decoding a file's bytes into text: byte-order marks, UTF-8, UTF-16, legacy single-byte
//! encodings by detection, line-end normalisation. Everything done is recorded.

use crate::model::{EncodingSource, ImportReport};

/// Why bytes could not be turned into article text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The file has no content.
    #[error("the file is empty")]
    Empty,
    /// The file has only spaces and line breaks.
    #[error("the file contains only white space")]
    Blank,
    /// NUL bytes: an image, word-processor file or UTF-16 without a byte-order mark.
    #[error(
        "the file looks binary (it contains NUL bytes at byte {offset}); import plain text, Markdown, a saved web page, a feed or a PDF, e.g. save a Word file as .txt or PDF first{hint}"
    )]
    Binary {
        /// Where the first NUL byte is.
        offset: usize,
        /// Extra advice when the bytes look like UTF-16 without a byte-order mark.
        hint: &'static str,
    },
    /// A web page that stops before its end.
    #[error(
        "the web page seems cut off: it never closes its <html> or <body>, so part of it is missing. Save the page again from the browser (File → Save Page As…) and import that file"
    )]
    Truncated,
    /// A web page without any text to read.
    #[error(
        "the web page shows no text: it may load its article with JavaScript. Open it in a browser, wait until the article shows, then save the page again (or copy the text and use Paste as new article)"
    )]
    NoText,
    /// A feed file that could not be read.
    #[error(
        "the feed could not be read ({message}); check that the file is the whole RSS or Atom feed as the site sends it (save it again, or import the address)"
    )]
    Feed {
        /// What the feed parser said.
        message: String,
    },
    /// A feed without items.
    #[error("the feed has no items with a headline or text to import")]
    EmptyFeed,
    /// An XML file that is no feed.
    #[error(
        "the XML file is not an RSS or Atom feed; import plain text, Markdown, web pages, feeds, or projects with File → Open"
    )]
    NotAFeed,
    /// A web archive (MHTML) that could not be read.
    #[error(
        "the web archive could not be read ({message}); open it in the browser and save the page again as \"Webpage, HTML only\" or \"Webpage, Single File\", then import that"
    )]
    Mhtml {
        /// What was wrong with it.
        message: String,
    },
    /// A PDF file that could not be read.
    #[error(
        "the PDF could not be read ({message}); open it in a PDF reader to check that it is whole, or copy its text and use Paste as new article"
    )]
    Pdf {
        /// What the PDF reader said.
        message: String,
    },
    /// A PDF that needs a password to open.
    #[error(
        "the PDF is protected by a password; open it in a PDF reader with the password and save or print it as a PDF without one, then import that"
    )]
    PdfLocked,
    /// A PDF whose pages carry no text, only images: a scan.
    #[error(
        "no page of the PDF has text to read: it is probably a scan. Run text recognition (OCR) on it first, e.g. with ocrmypdf or your PDF reader's “Recognise text”, and import the result"
    )]
    PdfNoText {
        /// Its number of pages.
        pages: usize,
    },
    /// A PDF with more pages than import reads.
    #[error(
        "the PDF has {pages} pages; PDFs of more than {limit} pages are not imported (split it, or import the chapters you need)"
    )]
    PdfTooLong {
        /// Its number of pages.
        pages: usize,
        /// The limit.
        limit: usize,
    },
    /// Larger than the import limit.
    #[error(
        "the file is {size_bytes} bytes; articles larger than {limit_bytes} bytes are not imported"
    )]
    TooLarge {
        /// The file's size.
        size_bytes: u64,
        /// The limit.
        limit_bytes: u64,
    },
}

/// The text of a file and what decoding did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text with LF line ends.
    pub text: String,
    /// What was done.
    pub report: ImportReport,
}

/// Decodes `bytes` as an article: BOM first, then UTF-8, then detection of legacy encodings.
///
/// ```
/// use lateral::io::import::decode;
/// // "Größe" in Windows-1252, with a CRLF line end.
/// let decoded = decode(b"Gr\xf6\xdfe der Studie\r\n", u64::MAX).unwrap();
/// assert_eq!(decoded.text, "Größe der Studie\n");
/// assert_eq!(decoded.report.encoding, "windows-1252");
/// assert_eq!(decoded.report.crlf_normalised, 1);
/// ```
pub fn decode(bytes: &[u8], limit_bytes: u64) -> Result<Decoded, DecodeError> {
    decode_declared(bytes, limit_bytes, None)
}

/// Like [`decode`], but bytes that are not UTF-8 are read in the `declared` encoding when
/// the file names one (a web page's `<meta charset>`), instead of a guess.
pub fn decode_declared(
    bytes: &[u8],
    limit_bytes: u64,
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<Decoded, DecodeError> {
    let size_bytes = bytes.len() as u64;
    if size_bytes > limit_bytes {
        return Err(DecodeError::TooLarge {
            size_bytes,
            limit_bytes,
        });
    }
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (encoding, source, had_bom) =
        if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
            (encoding, EncodingSource::Bom, true)
        } else {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(DecodeError::Binary {
                    offset,
                    hint: utf16_hint(bytes),
                });
            }
            if std::str::from_utf8(bytes).is_ok() {
                (encoding_rs::UTF_8, EncodingSource::ValidUtf8, false)
            } else if let Some(encoding) = declared
                .map(encoding_rs::Encoding::output_encoding)
                .filter(|e| *e != encoding_rs::UTF_8)
            {
                (encoding, EncodingSource::Declared, false)
            } else if mostly_utf8(bytes) {
                // A few stray bytes in UTF-8 text: decoding the whole file as a legacy
                // encoding would turn every "für" into "fÃ¼r". Keep UTF-8; each bad byte
                // becomes U+FFFD, visible in the text and counted in the report.
                (encoding_rs::UTF_8, EncodingSource::Utf8WithErrors, false)
            } else {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                (
                    detector.guess(None, chardetng::Utf8Detection::Allow),
                    EncodingSource::Detected,
                    false,
                )
            }
        };
    // `decode` strips a BOM that matches the encoding.
    let (text, _, had_errors) = encoding.decode(bytes);
    let replacement_chars = if had_errors {
        text.matches('\u{FFFD}').count()
    } else {
        0
    };
    let (text, crlf_normalised, cr_normalised) = normalise_line_ends(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Blank);
    }
    Ok(Decoded {
        text,
        report: ImportReport {
            encoding: encoding.name().to_owned(),
            encoding_source: source,
            had_bom,
            crlf_normalised,
            cr_normalised,
            replacement_chars,
            size_bytes,
            ..ImportReport::default()
        },
    })
}

/// Whether bytes that are not valid UTF-8 are still mostly UTF-8: at least as many valid
/// multi-byte characters as invalid bytes. Text in a legacy encoding has almost no valid
/// multi-byte sequences (in Windows-1252 they need pairs like "Ã¼").
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte_chars, mut invalid_bytes) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte_chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid_bytes += chunk.invalid().len();
    }
    multibyte_chars > 0 && multibyte_chars >= invalid_bytes
}

fn utf16_hint(bytes: &[u8]) -> &'static str {
    let pairs = bytes.len() / 2;
    if pairs == 0 {
        return "";
    }
    let zeros_odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let zeros_even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    if zeros_odd * 2 > pairs || zeros_even * 2 > pairs {
        "; it may be UTF-16 text without a byte-order mark: save it again as UTF-8"
    } else {
        ""
    }
}

/// Turns CRLF and lone CR into LF; returns the text and how many of each were changed.
#[must_use]
pub fn normalise_line_ends(text: &str) -> (String, usize, usize) {
    if !text.contains('\r') {
        return (text.to_owned(), 0, 0);
    }
    let mut out = String::with_capacity(text.len());
    let (mut crlf, mut cr) = (0, 0);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\r' {
            if chars.next_if_eq(&'\n').is_some() {
                crlf += 1;
            } else {
                cr += 1;
            }
            out.push('\n');
        } else {
            out.push(ch);
        }
    }
    (out, crlf, cr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let decoded = decode("\u{FEFF}Straße".as_bytes(), u64::MAX).unwrap();
        assert_eq!(decoded.text, "Straße");
        assert!(decoded.report.had_bom);
        assert_eq!(decoded.report.encoding, "UTF-8");
        assert_eq!(decoded.report.encoding_source, EncodingSource::Bom);
    }

    #[test]
    fn utf16_both_orders() {
        let text = "Größe „zitiert“ ẞ";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        let decoded = decode(&le, u64::MAX).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.report.encoding.as_str()),
            (text, "UTF-16LE")
        );
        let decoded = decode(&be, u64::MAX).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.report.encoding.as_str()),
            (text, "UTF-16BE")
        );
    }

    #[test]
    fn utf16_without_bom_is_refused_with_hint() {
        let bytes: Vec<u8> = "Hallo Welt"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let error = decode(&bytes, u64::MAX).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("UTF-16 text without a byte-order mark"),
            "{error}"
        );
    }

    #[test]
    fn refuses_binary_empty_blank_and_large() {
        let error = decode(b"%PDF-1.4\0\x01\x02", u64::MAX).unwrap_err();
        assert_eq!(
            error,
            DecodeError::Binary {
                offset: 8,
                hint: ""
            }
        );
        assert!(error.to_string().contains("looks binary"));
        assert_eq!(decode(b"", u64::MAX).unwrap_err(), DecodeError::Empty);
        assert_eq!(
            decode(b" \n\r\n", u64::MAX).unwrap_err(),
            DecodeError::Blank
        );
        assert_eq!(
            decode(b"abc", 2).unwrap_err().to_string(),
            "the file is 3 bytes; articles larger than 2 bytes are not imported"
        );
    }

    #[test]
    fn normalises_and_counts_line_ends() {
        assert_eq!(
            normalise_line_ends("a\r\nb\rc\n"),
            ("a\nb\nc\n".to_owned(), 1, 1)
        );
        let decoded = decode(b"eins\r\nzwei\r\n", u64::MAX).unwrap();
        assert_eq!(decoded.text, "eins\nzwei\n");
        assert_eq!(
            (decoded.report.crlf_normalised, decoded.report.cr_normalised),
            (2, 0)
        );
    }

    #[test]
    fn utf8_with_a_stray_byte_keeps_its_umlauts() {
        let mut bytes = "Die Größe der Studie für Europa: über 5,5 Milliarden.\n"
            .as_bytes()
            .to_vec();
        bytes.extend(b"Ein verirrtes Byte: \xfc hier.\n");
        let decoded = decode(&bytes, u64::MAX).unwrap();
        assert!(
            decoded
                .text
                .starts_with("Die Größe der Studie für Europa: über")
        );
        assert!(decoded.text.contains("Byte: \u{FFFD} hier."));
        assert_eq!(decoded.report.encoding, "UTF-8");
        assert_eq!(
            decoded.report.encoding_source,
            EncodingSource::Utf8WithErrors
        );
        assert_eq!(decoded.report.replacement_chars, 1);
        assert_eq!(decoded.report.warnings().len(), 1);
    }

    #[test]
    fn latin1_german_is_detected() {
        let bytes = b"Die \xc4nderung betrifft \xfcber 5,5 Milliarden Euro f\xfcr die Stra\xdfe.";
        let decoded = decode(bytes, u64::MAX).unwrap();
        assert_eq!(
            decoded.text,
            "Die Änderung betrifft über 5,5 Milliarden Euro für die Straße."
        );
        assert_eq!(decoded.report.encoding_source, EncodingSource::Detected);
        assert_eq!(decoded.report.encoding, "windows-1252");
    }
}
