//! Decoding the bytes of `project.qde` and of source texts: UTF-8 (with or without a
//! byte-order mark) or UTF-16 with a byte-order mark. Nothing is replaced silently: bytes that
//! are not UTF-8 become U+FFFD and are counted, so that the import can say so.

use super::normalise::Decoded;

/// Decodes a source text or memo. Without a byte-order mark the bytes are read as UTF-8, and
/// malformed sequences are replaced and counted (never the whole file re-read as a legacy
/// encoding).
pub(super) fn decode_text(bytes: &[u8]) -> Decoded {
    let size_bytes = bytes.len() as u64;
    let (encoding, bom_len) = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => (encoding_rs::UTF_8, 3),
        [0xFF, 0xFE, ..] => (encoding_rs::UTF_16LE, 2),
        [0xFE, 0xFF, ..] => (encoding_rs::UTF_16BE, 2),
        _ => (encoding_rs::UTF_8, 0),
    };
    let body = bytes.get(bom_len..).unwrap_or_default();
    let (text, _) = encoding.decode_without_bom_handling(body);
    // U+FFFD that the file itself holds are not replacements.
    let literal = if encoding == encoding_rs::UTF_8 {
        body.windows(3).filter(|w| *w == [0xEF, 0xBF, 0xBD]).count()
    } else {
        let big_endian = encoding == encoding_rs::UTF_16BE;
        body.chunks_exact(2)
            .filter(|pair| {
                let unit = if big_endian {
                    [pair[0], pair[1]]
                } else {
                    [pair[1], pair[0]]
                };
                unit == [0xFF, 0xFD]
            })
            .count()
    };
    let replacement_chars = text.matches('\u{fffd}').count().saturating_sub(literal);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_bom: bom_len > 0,
        replacement_chars,
        size_bytes,
    }
}

/// Decodes `project.qde`: UTF-8, or UTF-16 told by a byte-order mark or by the `<?xml`
/// declaration's zero bytes. `None` if it is neither.
pub(super) fn decode_qde(bytes: &[u8]) -> Option<String> {
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] | [b'<', 0, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] | [0, b'<', ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        return (!had_errors).then(|| text.into_owned());
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).ok().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_counts() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Grüße 😀".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let decoded = decode_text(&utf16);
        assert_eq!(decoded.text, "Grüße 😀");
        assert!(decoded.had_bom);
        assert_eq!(decoded.encoding, "UTF-16LE");
        let bad = decode_text(b"f\xfcr \xef\xbf\xbd");
        assert_eq!(bad.text, "f\u{fffd}r \u{fffd}");
        assert_eq!(bad.replacement_chars, 1, "only the byte that was not UTF-8");
        let qde: Vec<u8> = "<?xml version=\"1.0\" encoding=\"utf-16\"?><Project/>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode_qde(&qde).unwrap(),
            "<?xml version=\"1.0\" encoding=\"utf-16\"?><Project/>"
        );
        assert_eq!(decode_qde(b"\xff\xfe\x00\xd8"), None, "a lone surrogate");
        assert_eq!(decode_qde(b"<a>\xfc</a>"), None);
    }
}
