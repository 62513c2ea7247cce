//! Web pages: the article a reader mode shows (Mozilla Readability's method, as ported by the
//! `dom_smoothie` crate), the metadata the page carries, and a list of what was left out.
//!
//! The article text is what the page showed as its article: paragraphs, headings and list
//! items each on their own, whitespace folded as a browser shows it. Menus, captions,
//! teasers and comments are not in the text; each run of them is listed in the import
//! report ([`crate::model::ImportReport::cut`]), so nothing is dropped silently.

use super::cut::{body_or_root, cut_passages};
use super::decode::{DecodeError, Decoded};
use crate::model::{Article, ArticleId, ArticleMeta, CutPassage, ImportReport, SourceFormat};
use crate::text::fold_whitespace;
use dom_query::Document;

/// How far into a file a `<meta charset>` is looked for (the HTML standard's prescan).
const CHARSET_PRESCAN_BYTES: usize = 1024;

/// What was read from a web page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The article text: the headline, then paragraphs separated by blank lines.
    pub text: String,
    /// Title, byline, site name, date, address and language as the page gives them.
    pub meta: ArticleMeta,
    /// What was done, as sentences for the import report.
    pub notes: Vec<String>,
    /// What the page showed outside the article.
    pub cut: Vec<CutPassage>,
}

/// Whether `text` is a web page by its start (after white space and comments):
/// `<!DOCTYPE html`, `<html` or `<?xml` followed by `<html`.
///
/// ```
/// use lateral::io::import::looks_like_html;
/// assert!(looks_like_html("\n<!doctype html><title>T</title>"));
/// assert!(!looks_like_html("Der <b>Bericht</b> beginnt hier."));
/// ```
#[must_use]
pub fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    for _ in 0..8 {
        let head: String = rest
            .chars()
            .take(14)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            return true;
        }
        let skip = if head.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if head.starts_with("<?xml") {
            rest.find("?>").map(|end| end + 2)
        } else {
            None
        };
        let Some(skip) = skip else {
            return false;
        };
        rest = rest[skip..].trim_start();
    }
    false
}

/// The encoding a page names in a `<meta charset=…>` or `<meta http-equiv … charset=…>`
/// within its first 1024 bytes.
#[must_use]
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = head[from..].find("charset") {
        let at = from + found + "charset".len();
        from = at;
        let rest = head[at..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let end = value
            .find(|c: char| {
                c == '"' || c == '\'' || c == ';' || c == '>' || c == '/' || c.is_whitespace()
            })
            .unwrap_or(value.len());
        if let Some(encoding) = encoding_rs::Encoding::for_label(&value.as_bytes()[..end]) {
            return Some(encoding);
        }
    }
    None
}

/// Whether a page stops before its end: it opens `<html>` or `<body>` but closes neither,
/// as a download that broke off does.
#[must_use]
pub fn looks_truncated(html: &str) -> bool {
    let tail_start = html.len().saturating_sub(4096);
    let tail_start = (tail_start..html.len())
        .find(|&i| html.is_char_boundary(i))
        .unwrap_or(html.len());
    let tail = html[tail_start..].to_ascii_lowercase();
    !(tail.contains("</html") || tail.contains("</body"))
}

/// Reads a page's article, metadata and cut passages. `page_url` is where the page came
/// from, if known (it is the address when the page names none).
#[must_use]
pub fn read_page(html: &str, page_url: Option<&str>) -> Page {
    let absolute_url = page_url.filter(|url| url.contains("://"));
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let mut notes = Vec::new();
    let source = Document::from(html);
    let extracted = dom_smoothie::Readability::with_document(
        source.clone(),
        absolute_url,
        Some(config.clone()),
    )
    .or_else(|_| dom_smoothie::Readability::with_document(source.clone(), None, Some(config)))
    .and_then(|mut readability| readability.parse());
    let (mut text, mut meta) = if let Ok(article) = extracted {
        (article.text_content.to_string(), meta_of(&article))
    } else {
        notes.push(
            "No article was found on the page: the whole page text was kept; hide or \
             reject what is not article with the furniture marks."
                .to_owned(),
        );
        let meta = ArticleMeta {
            title: fold_whitespace(&source.select("title").text()),
            ..ArticleMeta::default()
        };
        (body_or_root(&source).formatted_text().to_string(), meta)
    };
    if let Some(canonical) = canonical_url(&source) {
        meta.url = Some(canonical);
    } else if meta.url.is_none() {
        meta.url = page_url.map(str::to_owned);
    }
    text = tidy_text(&text);
    if !meta.title.is_empty() && !starts_with_headline(&text, &meta.title) {
        text = if text.is_empty() {
            meta.title.clone()
        } else {
            format!("{}\n\n{text}", meta.title)
        };
        notes.push(format!(
            "The headline “{}” was taken from the page's title and put before the text.",
            meta.title
        ));
    }
    let (cut, more) = cut_passages(&source, &text);
    if more > 0 {
        notes.push(format!(
            "{more} more passages outside the article were left out and are not listed."
        ));
    }
    Page {
        text,
        meta,
        notes,
        cut,
    }
}

/// The metadata the reader-mode article carries, whitespace folded.
fn meta_of(article: &dom_smoothie::Article) -> ArticleMeta {
    let folded = |value: &Option<String>| value.as_deref().map(fold_whitespace);
    let trimmed = |value: &Option<String>| value.as_deref().map(str::trim).map(str::to_owned);
    ArticleMeta {
        title: fold_whitespace(&article.title),
        outlet: folded(&article.site_name).unwrap_or_default(),
        authors: folded(&article.byline)
            .filter(|b| !b.is_empty())
            .into_iter()
            .collect(),
        date: trimmed(&article.published_time).filter(|d| !d.is_empty()),
        url: article.url.clone(),
        language: trimmed(&article.lang).unwrap_or_default(),
    }
}

/// Makes an article from a decoded web page.
pub fn article_from_html(
    article_id: ArticleId,
    decoded: Decoded,
    page_url: Option<&str>,
) -> Result<Article, DecodeError> {
    if looks_truncated(&decoded.text) {
        return Err(DecodeError::Truncated);
    }
    let page = read_page(&decoded.text, page_url);
    if page.text.trim().is_empty() {
        return Err(DecodeError::NoText);
    }
    let mut meta = page.meta;
    if meta.language.is_empty() {
        super::guess_language(&page.text).clone_into(&mut meta.language);
    }
    let report = ImportReport {
        format: SourceFormat::Html,
        notes: page.notes,
        cut: page.cut,
        ..decoded.report
    };
    let furniture = super::detect_furniture(&page.text);
    let mut article = Article::new(article_id, meta, page.text, report);
    article.furniture = furniture;
    Ok(article)
}

/// Lines trimmed, at most one blank line between paragraphs, no blank start or end.
pub(super) fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Whether the text's first paragraph is the headline (or holds it).
fn starts_with_headline(text: &str, title: &str) -> bool {
    let first = text.split("\n\n").next().unwrap_or_default();
    let first = fold_whitespace(first).to_lowercase();
    let title = fold_whitespace(title).to_lowercase();
    first.contains(&title)
        || (!first.is_empty() && title.contains(&first) && first.len() * 2 >= title.len())
}

/// `<link rel="canonical">`, else `og:url`.
fn canonical_url(doc: &Document) -> Option<String> {
    let canonical = doc.select("link[rel~=canonical]").attr("href");
    let og = || doc.select(r#"meta[property="og:url"]"#).attr("content");
    canonical
        .or_else(og)
        .map(|url| url.trim().to_owned())
        .filter(|url| url.contains("://"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CutKind;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Truppen in der Ukraine | Beispielzeitung</title>
<meta property="og:title" content="Nordkoreanische Truppen in der Ukraine?">
<meta property="og:site_name" content="Beispielzeitung">
<meta name="author" content="Anna Muster">
<meta property="article:published_time" content="2024-10-28T09:30:00+01:00">
<link rel="canonical" href="https://example.org/ukraine/truppen">
</head><body>
<header><nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/wirtschaft">Wirtschaft</a></nav></header>
<main><article>
<h1>Nordkoreanische Truppen in der Ukraine?</h1>
<p>Die Studie des Instituts hält den Einsatz nordkoreanischer Soldaten im Krieg gegen die Ukraine für plausibel. Das schreibt die Autorin in einem Bericht, der am Montag erschien.</p>
<figure><img src="a.jpg"><figcaption>Soldaten bei einer Parade. Foto: Agentur</figcaption></figure>
<p>Westliche Geheimdienste berichten von bis zu 12.000 Soldaten, die in Russland ausgebildet würden. Bestätigt ist das nicht; Moskau und Pjöngjang bestreiten es.</p>
<p>Der Bericht analysiert auch mögliche Truppeneinsätze und deren Folgen für die Region, die Nachbarstaaten und die Verhandlungen.</p>
</article>
<aside class="related"><p>Lesen Sie auch: Was die Sanktionen bewirken</p></aside>
<section id="comments"><p>Leser K.: Das glaube ich nicht.</p></section>
</main>
<footer><p>© Beispielzeitung 2024 · Impressum · Datenschutz</p></footer>
</body></html>"#;

    #[test]
    fn a_page_gives_its_article_metadata_and_what_was_cut() {
        let page = read_page(PAGE, None);
        assert!(
            page.text
                .starts_with("Nordkoreanische Truppen in der Ukraine?\n\nDie Studie"),
            "{}",
            page.text
        );
        assert!(page.text.contains("bis zu 12.000 Soldaten"));
        assert!(!page.text.contains("Politik"));
        assert!(!page.text.contains("Impressum"));
        assert_eq!(page.meta.title, "Nordkoreanische Truppen in der Ukraine?");
        assert_eq!(page.meta.outlet, "Beispielzeitung");
        assert_eq!(page.meta.authors, ["Anna Muster"]);
        assert_eq!(page.meta.date.as_deref(), Some("2024-10-28T09:30:00+01:00"));
        assert_eq!(
            page.meta.url.as_deref(),
            Some("https://example.org/ukraine/truppen")
        );
        assert_eq!(page.meta.language, "de");
        let kinds: Vec<_> = page.cut.iter().map(|c| c.kind).collect();
        assert!(kinds.contains(&CutKind::Navigation), "{:?}", page.cut);
        assert!(kinds.contains(&CutKind::Teaser), "{:?}", page.cut);
        assert!(kinds.contains(&CutKind::Comments), "{:?}", page.cut);
        let teaser = page.cut.iter().find(|c| c.kind == CutKind::Teaser).unwrap();
        assert!(teaser.text.starts_with("Lesen Sie auch"), "{teaser:?}");
    }

    #[test]
    fn charset_is_read_from_the_meta_tag() {
        assert_eq!(
            declared_charset(br#"<html><head><meta charset="ISO-8859-1">"#),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">"
            ),
            Some(encoding_rs::WINDOWS_1250)
        );
        assert_eq!(declared_charset(b"<html><p>no charset here</p>"), None);
    }

    #[test]
    fn a_page_that_breaks_off_is_seen_as_truncated() {
        assert!(!looks_truncated(PAGE));
        let cut = &PAGE[..PAGE.len() / 2];
        assert!(looks_truncated(cut));
    }
}
