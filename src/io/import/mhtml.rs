//! Web pages saved by a browser as one file (`.mhtml`, `.mht`; Chrome's and Edge's "Webpage,
//! Single File"): a MIME archive whose HTML part is the page. That part is read as a saved
//! page; images and style sheets are left aside and counted.

use super::decode::{DecodeError, Decoded, normalise_line_ends};
use crate::model::{Article, ArticleId, EncodingSource, ImportReport};
use mail_parser::{MessageParser, MimeHeaders as _};
use std::fmt::Write as _;

/// Whether the bytes start like a MIME web archive: Chrome's `From: <Saved by Blink>`, or a
/// `multipart/related` content type among the first headers.
#[must_use]
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}');
    if head.starts_with("from: <saved by blink>") {
        return true;
    }
    // Headers end at the first blank line.
    let headers = head
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .split("\n\n")
        .next()
        .unwrap_or_default();
    headers.contains("mime-version:") && headers.contains("multipart/related")
}

/// Reads the page of a MIME web archive: the HTML part that the archive's `start` names, else
/// the first HTML part; its address from `Snapshot-Content-Location` or the part's
/// `Content-Location`.
pub fn article_from_mhtml(article_id: ArticleId, bytes: &[u8]) -> Result<Article, DecodeError> {
    let archive_error = |message: &str| DecodeError::Mhtml {
        message: message.to_owned(),
    };
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| archive_error("it has no MIME headers"))?;
    let root = message.root_part();
    if !root.is_multipart() && !root.is_text_html() {
        return Err(archive_error("it holds no parts"));
    }
    let start = message
        .content_type()
        .and_then(|t| t.attribute("start"))
        .map(|id| id.trim().trim_matches(['<', '>']).to_owned());
    let html_parts: Vec<_> = message
        .parts
        .iter()
        .filter(|part| part.is_text_html())
        .collect();
    let page = start
        .as_deref()
        .and_then(|id| {
            html_parts.iter().find(|part| {
                part.content_id()
                    .is_some_and(|cid| cid.trim().trim_matches(['<', '>']) == id)
            })
        })
        .or_else(|| html_parts.first())
        .ok_or_else(|| archive_error("none of its parts is a web page (text/html)"))?;
    let html = page
        .text_contents()
        .ok_or_else(|| archive_error("its page part is empty"))?;
    let address = message
        .header_raw("Snapshot-Content-Location")
        .map(str::trim)
        .or_else(|| page.content_location().map(str::trim))
        .filter(|a| a.contains("://"))
        .map(str::to_owned);
    let charset = page
        .content_type()
        .and_then(|t| t.attribute("charset"))
        .map(str::to_owned);
    let (text, crlf_normalised, cr_normalised) = normalise_line_ends(html);
    let other_parts = message
        .parts
        .iter()
        .filter(|part| !part.is_multipart())
        .count()
        .saturating_sub(1);
    let report = ImportReport {
        encoding: charset.clone().unwrap_or_else(|| "UTF-8".to_owned()),
        // The part was decoded from its charset; "Declared" is for one that is not UTF-8.
        encoding_source: if text.contains('\u{FFFD}') {
            EncodingSource::Utf8WithErrors
        } else if charset.as_deref().is_some_and(|c| {
            !c.eq_ignore_ascii_case("utf-8") && !c.eq_ignore_ascii_case("us-ascii")
        }) {
            EncodingSource::Declared
        } else {
            EncodingSource::ValidUtf8
        },
        crlf_normalised,
        cr_normalised,
        replacement_chars: text.matches('\u{FFFD}').count(),
        size_bytes: bytes.len() as u64,
        ..ImportReport::default()
    };
    let mut article =
        super::article_from_html(article_id, Decoded { text, report }, address.as_deref())?;
    let saved_by = message
        .header_raw("From")
        .map(|f| {
            let f = f.trim().trim_matches(['<', '>']).trim();
            // Chrome writes "From: <Saved by Blink>".
            f.strip_prefix("Saved by ").unwrap_or(f).to_owned()
        })
        .filter(|f| !f.is_empty());
    let saved_on = message
        .header_raw("Date")
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let mut note = format!(
        "Read from a web archive (MHTML): its page part, of {} in all; {} (images, style sheets) left aside.",
        other_parts + 1,
        crate::text::count(other_parts, "other part", "other parts")
    );
    if let Some(by) = saved_by {
        let _ = write!(note, " Saved by “{by}”");
        match saved_on {
            Some(on) => {
                let _ = write!(note, " on {on} (the day it was saved, not published).");
            }
            None => note.push('.'),
        }
    }
    article.import.notes.insert(0, note);
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archives_are_told_from_pages_and_mail() {
        assert!(looks_like_mhtml(
            b"From: <Saved by Blink>\r\nSubject: x\r\n"
        ));
        assert!(looks_like_mhtml(
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
        ));
        assert!(!looks_like_mhtml(b"<!DOCTYPE html><html>"));
        // An e-mail (multipart/alternative) is no web archive.
        assert!(!looks_like_mhtml(
            b"MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=x\n\n--x\n"
        ));
    }

    #[test]
    fn an_archive_without_a_page_says_so() {
        let bytes = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n";
        let error = article_from_mhtml(ArticleId(1), bytes).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("none of its parts is a web page"),
            "{error}"
        );
    }
}
