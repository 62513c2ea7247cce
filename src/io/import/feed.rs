//! RSS and Atom feeds (and JSON Feed): one article per item, with its headline, address,
//! authors, date as the feed wrote it, and the feed's title as the outlet.
//!
//! Parsing is feed-rs's. It reads dates into UTC instants, which would shift a date written
//! "Sun, 27 Oct 2024 00:30:00 +0200" to the day before; so its date hook is given a parser
//! that keeps each date's text as written, and the article's date is that text.

use super::decode::DecodeError;
use crate::model::{
    Article, ArticleId, ArticleMeta, CutKind, CutPassage, EncodingSource, ImportReport,
    SourceFormat,
};
use crate::text::fold_whitespace;
use std::sync::{Arc, Mutex};

/// The namespaces of Atom 0.3 and Atom 1.0.
const ATOM_0_3: &str = "\"http://purl.org/atom/ns#\"";
const ATOM_1_0: &str = "\"http://www.w3.org/2005/Atom\"";

/// Fewer words than this in an item that links to a page: the feed gave a summary only.
const SUMMARY_WORDS: usize = 150;

/// Whether the start of a file is a feed: an `<rss>`, `<feed>` or `<rdf:RDF>` root after the
/// XML declaration, comments and doctype, or a JSON Feed.
///
/// ```
/// use lateral::io::import::looks_like_feed;
/// assert!(looks_like_feed(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"));
/// assert!(looks_like_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
/// assert!(!looks_like_feed(b"<!DOCTYPE html><html><head>"));
/// ```
#[must_use]
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    if rest.starts_with('{') {
        return rest.contains("jsonfeed.org/version");
    }
    loop {
        let skip_to = |rest: &str, open: &str, close: &str| {
            rest.strip_prefix(open).and_then(|r| {
                r.find(close)
                    .map(|at| r[at + close.len()..].trim_start().len())
            })
        };
        let before = rest.len();
        for (open, close) in [
            ("<?", "?>"),
            ("<!--", "-->"),
            ("<!DOCTYPE", ">"),
            ("<!doctype", ">"),
        ] {
            if let Some(left) = skip_to(rest, open, close) {
                rest = &rest[rest.len() - left..];
            }
        }
        if rest.len() == before {
            break;
        }
    }
    ["<rss", "<feed", "<rdf:RDF", "<RDF"].iter().any(|root| {
        rest.strip_prefix(root)
            .is_some_and(|after| after.starts_with([' ', '>', '\n', '\r', '\t', '/']))
    })
}

/// The encoding an XML declaration names, e.g. "ISO-8859-1", else "UTF-8".
fn xml_encoding(bytes: &[u8]) -> (String, EncodingSource) {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let declared = head
        .find("encoding=")
        .filter(|_| head.trim_start_matches('\u{feff}').starts_with("<?xml"))
        .and_then(|at| {
            let value = &head[at + "encoding=".len()..];
            let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
            let value = &value[1..];
            value.find(quote).map(|end| value[..end].to_owned())
        });
    match declared {
        Some(name) if !name.eq_ignore_ascii_case("utf-8") => (name, EncodingSource::Declared),
        _ => ("UTF-8".to_owned(), EncodingSource::ValidUtf8),
    }
}

/// Reads a feed into articles, one per item, with ids from `first_id` upwards.
/// `source_name` is the file name, for the import report.
pub fn articles_from_feed(
    bytes: &[u8],
    first_id: ArticleId,
    source_name: &str,
) -> Result<Vec<Article>, DecodeError> {
    let written: Arc<Mutex<Vec<String>>> = Arc::default();
    let recorder = Arc::clone(&written);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |text| {
            // Each date becomes a distinct stand-in instant: its number in `written`.
            let mut written = recorder.lock().ok()?;
            written.push(text.trim().to_owned());
            chrono::DateTime::from_timestamp(i64::try_from(written.len()).ok()?, 0)
        })
        .build();
    // Atom 0.3 (still served, e.g. by tagesschau.de) is read as Atom 1.0, whose elements it
    // shares but for the dates (`issued`, `modified`, `dc:date`, renamed for the parser);
    // feed-rs knows only the 1.0 namespace.
    let atom_0_3 = std::str::from_utf8(&bytes[..bytes.len().min(1024)])
        .is_ok_and(|head| head.contains(ATOM_0_3));
    let renamed;
    let input = if atom_0_3 {
        let mut text = String::from_utf8_lossy(bytes).replacen(ATOM_0_3, ATOM_1_0, 1);
        for (old, new) in [
            ("dc:date>", "updated>"),
            ("issued>", "published>"),
            ("modified>", "updated>"),
        ] {
            text = text.replace(&format!("<{old}"), &format!("<{new}"));
            text = text.replace(&format!("</{old}"), &format!("</{new}"));
        }
        renamed = text;
        renamed.as_bytes()
    } else {
        bytes
    };
    let feed = parser.parse(input).map_err(|e| DecodeError::Feed {
        message: e.to_string(),
    })?;
    if feed.entries.is_empty() {
        return Err(DecodeError::EmptyFeed);
    }
    let written = written.lock().map(|w| w.clone()).unwrap_or_default();
    let date_text = |instant: Option<chrono::DateTime<chrono::Utc>>| {
        let index = usize::try_from(instant?.timestamp()).ok()?.checked_sub(1)?;
        written.get(index).cloned().filter(|d| !d.is_empty())
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content, is_html(t.content_type.as_ref())))
        .unwrap_or_default();
    let kind = match feed.feed_type {
        feed_rs::model::FeedType::Atom if atom_0_3 => "Atom 0.3",
        feed_rs::model::FeedType::Atom => "Atom",
        feed_rs::model::FeedType::JSON => "JSON Feed",
        feed_rs::model::FeedType::RSS0 => "RSS 0.9x",
        feed_rs::model::FeedType::RSS1 => "RSS 1.0",
        feed_rs::model::FeedType::RSS2 => "RSS 2.0",
    };
    let (encoding, encoding_source) = xml_encoding(bytes);
    let total = feed.entries.len();
    let mut articles = Vec::with_capacity(total);
    for (index, entry) in feed.entries.into_iter().enumerate() {
        let title = entry
            .title
            .as_ref()
            .map(|t| plain(&t.content, is_html(t.content_type.as_ref())))
            .unwrap_or_default();
        let mut notes = vec![format!(
            "Item {} of {total} of the {kind} feed “{}” in {source_name}.",
            index + 1,
            if outlet.is_empty() {
                "(untitled)"
            } else {
                &outlet
            }
        )];
        let (body, from) = match (&entry.content, &entry.summary) {
            (Some(content), _)
                if content
                    .body
                    .as_deref()
                    .is_some_and(|b| !b.trim().is_empty()) =>
            {
                (
                    body_text(content.body.as_deref().unwrap_or_default(), &mut notes),
                    "content",
                )
            }
            (_, Some(summary)) => (body_text(&summary.content, &mut notes), "summary"),
            _ => (String::new(), "title"),
        };
        let (body, cut) = cut_read_more(&body);
        let url = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.trim().to_owned());
        let words = crate::text::word_count(&body);
        notes.push(match from {
            "title" => "The item has no text: the article is its headline only.".to_owned(),
            _ => format!("The text is the item's {from} ({words} words)."),
        });
        if let Some(url) = url.as_ref().filter(|_| words < SUMMARY_WORDS) {
            notes.push(format!(
                "Feeds often carry a teaser only: for the whole article, import the page at {url}."
            ));
        }
        let text = match (title.is_empty(), body.is_empty()) {
            (false, false) if !body.starts_with(&title) => format!("{title}\n\n{body}"),
            (false, _) if body.is_empty() => title.clone(),
            _ => body,
        };
        if text.trim().is_empty() {
            continue;
        }
        let language = entry
            .language
            .clone()
            .or_else(|| feed.language.clone())
            .unwrap_or_else(|| super::guess_language(&text).to_owned());
        let meta = ArticleMeta {
            title: if title.is_empty() {
                super::guess_title(&text, &[])
            } else {
                title
            },
            outlet: outlet.clone(),
            authors: entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(fold_whitespace))
                .filter(|n| !n.is_empty())
                .collect(),
            date: date_text(entry.published).or_else(|| date_text(entry.updated)),
            url,
            language,
        };
        let report = ImportReport {
            encoding: encoding.clone(),
            encoding_source,
            size_bytes: bytes.len() as u64,
            format: SourceFormat::Feed,
            notes,
            cut,
            ..ImportReport::default()
        };
        let furniture = super::detect_furniture(&text);
        let id = ArticleId(first_id.0 + articles.len() as u64);
        let mut article = Article::new(id, meta, text, report);
        article.furniture = furniture;
        articles.push(article);
    }
    if articles.is_empty() {
        return Err(DecodeError::EmptyFeed);
    }
    Ok(articles)
}

fn is_html(media_type: &str) -> bool {
    media_type.contains("html")
}

/// A headline as plain text (markup removed when the feed says it is HTML).
fn plain(text: &str, html: bool) -> String {
    if html || text.contains("</") || text.contains("&lt;") {
        fold_whitespace(&dom_query::Document::fragment(text).text())
    } else {
        fold_whitespace(text)
    }
}

/// An item's HTML or text as paragraphs. A body wrapped in a second, escaped CDATA section
/// (tagesschau.de's Atom 0.3 feed) is unwrapped, with a note.
fn body_text(body: &str, notes: &mut Vec<String>) -> String {
    let mut body = body.trim();
    if let Some(inner) = body
        .strip_prefix("<![CDATA[")
        .and_then(|b| b.strip_suffix("]]>"))
    {
        body = inner;
        notes.push(
            "The item's text was wrapped twice as CDATA; the outer wrapper was removed.".to_owned(),
        );
    }
    if body.contains('<') {
        let document = dom_query::Document::fragment(body);
        tidy(&document.formatted_text())
    } else {
        tidy(body)
    }
}

/// Line ends normalised, lines trimmed, at most one blank line between paragraphs.
fn tidy(text: &str) -> String {
    super::html::tidy_text(&super::normalise_line_ends(text).0)
}

/// A "[mehr]", "Weiterlesen", "Read more" or "Continue reading" link at the end of the item,
/// cut from the text and listed.
fn cut_read_more(text: &str) -> (String, Vec<CutPassage>) {
    const CUES: [&str; 9] = [
        "[mehr]",
        "[more]",
        "mehr",
        "weiterlesen",
        "weiter lesen",
        "read more",
        "continue reading",
        "[…]",
        "[...]",
    ];
    let trimmed = text.trim_end();
    // "[mehr]", "[ mehr ]", "[Weiterlesen]": a bracketed cue, spaces inside or not.
    if let Some(open) = trimmed.strip_suffix(']').and_then(|t| t.rfind('['))
        && CUES.contains(
            &trimmed[open + 1..trimmed.len() - 1]
                .trim()
                .to_lowercase()
                .as_str(),
        )
        && !trimmed[..open].trim().is_empty()
    {
        let removed = trimmed[open..].to_owned();
        return (
            trimmed[..open].trim_end().to_owned(),
            vec![CutPassage {
                kind: CutKind::Teaser,
                words: crate::text::word_count(&removed),
                text: removed,
            }],
        );
    }
    for cue in CUES {
        let chars = cue.chars().count();
        let Some((cut_at, _)) = trimmed.char_indices().rev().nth(chars - 1) else {
            continue;
        };
        if trimmed[cut_at..].to_lowercase() != cue {
            continue;
        }
        let stem = trimmed[..cut_at].trim_end();
        // A bracketed cue goes anywhere; a bare word only after a sentence's end, so that
        // "… sank auf mehr" keeps its last word.
        let after_sentence = stem
            .chars()
            .next_back()
            .is_some_and(|c| ".…!?»“\")".contains(c));
        if stem.is_empty() || !(cue.starts_with('[') || after_sentence) {
            continue;
        }
        let removed = trimmed[cut_at..].to_owned();
        return (
            stem.to_owned(),
            vec![CutPassage {
                kind: CutKind::Teaser,
                words: crate::text::word_count(&removed),
                text: removed,
            }],
        );
    }
    (text.to_owned(), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_from_pages() {
        assert!(looks_like_feed(
            b"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generator -->\n<rdf:RDF xmlns:rdf=\"x\">"
        ));
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><rss>"
        ));
        assert!(looks_like_feed(
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!looks_like_feed(b"<rssfeed>"));
        assert!(!looks_like_feed(b"Plain text about <rss feeds>."));
        assert!(!looks_like_feed(
            br#"{"@context": "http://www.w3.org/ns/anno.jsonld"}"#
        ));
    }

    #[test]
    fn read_more_links_are_cut_and_listed() {
        let (text, cut) = cut_read_more("Es geht um Milliarden. Von H.-J. Vieweger.[mehr]");
        assert_eq!(text, "Es geht um Milliarden. Von H.-J. Vieweger.");
        assert_eq!(cut[0].text, "[mehr]");
        assert_eq!(cut[0].kind, CutKind::Teaser);
        let (text, cut) = cut_read_more("Die Zahl sank auf mehr");
        assert_eq!(
            text, "Die Zahl sank auf mehr",
            "'mehr' at the end of a sentence stays"
        );
        assert!(cut.is_empty());
    }

    #[test]
    fn encodings_are_taken_from_the_declaration() {
        assert_eq!(
            xml_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?><rss>"),
            ("ISO-8859-1".to_owned(), EncodingSource::Declared)
        );
        assert_eq!(xml_encoding(b"<rss>").0, "UTF-8");
    }
}
