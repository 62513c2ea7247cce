//! Web pages: the article a reader mode shows (Mozilla Readability's method, as ported by the
//! `dom_smoothie` crate), the metadata the page carries, and a list of what was left out.
//!
//! The article text is what the page showed as its article: paragraphs, headings and list
//! items each on their own, whitespace folded as a browser shows it. Menus, captions,
//! teasers and comments are not in the text; each run of them is listed in the import
//! report ([`crate::model::ImportReport::cut`]), so nothing is dropped silently.

use super::decode::{DecodeError, Decoded};
use crate::model::{
    Article, ArticleId, ArticleMeta, CutKind, CutPassage, ImportReport, SourceFormat,
};
use dom_query::{Document, NodeRef};
use std::collections::HashSet;

/// Longest text kept for one cut passage in the report.
const MAX_CUT_CHARS: usize = 240;
/// At most this many cut passages are listed; the rest are counted in a note.
const MAX_CUT_PASSAGES: usize = 400;
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
        {
            let meta = ArticleMeta {
                title: fold_whitespace(&article.title),
                outlet: article
                    .site_name
                    .as_deref()
                    .map(fold_whitespace)
                    .unwrap_or_default(),
                authors: article
                    .byline
                    .as_deref()
                    .map(fold_whitespace)
                    .filter(|b| !b.is_empty())
                    .into_iter()
                    .collect(),
                date: article
                    .published_time
                    .as_deref()
                    .map(str::trim)
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned),
                url: article.url.clone(),
                language: article
                    .lang
                    .as_deref()
                    .map(str::trim)
                    .unwrap_or_default()
                    .to_owned(),
            };
            (article.text_content.to_string(), meta)
        }
    } else {
        {
            notes.push(
                "No article was found on the page: the whole page text was kept; hide or \
                 reject what is not article with the furniture marks."
                    .to_owned(),
            );
            let body = source.select("body");
            let text = if body.exists() {
                body.nodes()
                    .first()
                    .map(|b| b.formatted_text().to_string())
                    .unwrap_or_default()
            } else {
                source.formatted_text().to_string()
            };
            let title = source.select("title").text();
            let meta = ArticleMeta {
                title: fold_whitespace(&title),
                ..ArticleMeta::default()
            };
            (text, meta)
        }
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

/// Whitespace runs as one space, trimmed.
fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines trimmed, at most one blank line between paragraphs, no blank start or end.
fn tidy_text(text: &str) -> String {
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

/// One run of inline text in the page, with the kind of region it sits in.
struct Block {
    kind: CutKind,
    text: String,
}

/// Elements whose text a reader never sees.
const INVISIBLE: &[&str] = &[
    "script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
];

/// Elements that start and end a run of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// The region kind an element starts, by its name, role, class and id.
fn region_kind(node: &NodeRef, name: &str) -> Option<CutKind> {
    match name {
        "nav" | "header" | "footer" | "menu" => return Some(CutKind::Navigation),
        "figcaption" | "figure" | "caption" => return Some(CutKind::Caption),
        "aside" => return Some(CutKind::Teaser),
        "form" | "button" | "select" | "dialog" => return Some(CutKind::Other),
        _ => {}
    }
    let role = node.attr("role").map(|r| r.to_ascii_lowercase());
    if matches!(
        role.as_deref(),
        Some("navigation" | "banner" | "contentinfo" | "menu" | "menubar")
    ) {
        return Some(CutKind::Navigation);
    }
    let mut names = String::new();
    if let Some(class) = node.class() {
        names.push_str(&class);
    }
    if let Some(id) = node.id_attr() {
        names.push(' ');
        names.push_str(&id);
    }
    if names.is_empty() {
        return None;
    }
    let names = names.to_ascii_lowercase();
    let has = |cues: &[&str]| cues.iter().any(|cue| names.contains(cue));
    if has(&["comment", "disqus", "discussion", "leserbrief", "reply"]) {
        Some(CutKind::Comments)
    } else if has(&["caption", "credit", "copyright", "bildunterschrift"]) {
        Some(CutKind::Caption)
    } else if has(&[
        "related",
        "teaser",
        "recommend",
        "promo",
        "readmore",
        "read-more",
        "more-",
        "lesen",
        "newsletter",
        "outbrain",
        "taboola",
        "sidebar",
        "trending",
        "popular",
    ]) {
        Some(CutKind::Teaser)
    } else if has(&[
        "nav",
        "menu",
        "breadcrumb",
        "footer",
        "header",
        "masthead",
        "skip",
    ]) {
        Some(CutKind::Navigation)
    } else if has(&[
        "share", "social", "cookie", "consent", "advert", "banner", "paywall",
    ]) {
        Some(CutKind::Other)
    } else {
        None
    }
}

/// The runs of text the page shows, in order, each with its region kind.
fn page_blocks(doc: &Document) -> Vec<Block> {
    struct Walk {
        blocks: Vec<Block>,
        current: String,
        kind: Option<CutKind>,
    }
    impl Walk {
        fn flush(&mut self) {
            let text = fold_whitespace(&self.current);
            self.current.clear();
            if !text.is_empty() {
                self.blocks.push(Block {
                    kind: self.kind.take().unwrap_or(CutKind::Other),
                    text,
                });
            }
            self.kind = None;
        }
    }
    fn visit(node: &NodeRef, kind: CutKind, walk: &mut Walk) {
        for child in node.children_it(false) {
            if child.is_text() {
                let text = child.text();
                if !text.trim().is_empty() {
                    walk.kind.get_or_insert(kind);
                }
                walk.current.push_str(&text);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if INVISIBLE.contains(&name.as_str()) || child.has_attr("hidden") {
                continue;
            }
            let inner = region_kind(&child, &name).unwrap_or(kind);
            let block = BLOCKS.contains(&name.as_str());
            if block {
                walk.flush();
            } else {
                walk.current.push(' ');
            }
            visit(&child, inner, walk);
            if block {
                walk.flush();
            } else {
                walk.current.push(' ');
            }
        }
    }
    let mut walk = Walk {
        blocks: Vec::new(),
        current: String::new(),
        kind: None,
    };
    let body = doc.select("body");
    if let Some(body) = body.nodes().first() {
        visit(body, CutKind::Other, &mut walk);
    } else {
        visit(&doc.root(), CutKind::Other, &mut walk);
    }
    walk.flush();
    walk.blocks
}

/// Runs of page text not found in the article text, neighbours of one kind joined; and how
/// many more there were beyond the listed ones.
fn cut_passages(doc: &Document, article_text: &str) -> (Vec<CutPassage>, usize) {
    let index = WordIndex::new(article_text);
    let mut cut: Vec<CutPassage> = Vec::new();
    let mut more = 0;
    let mut last_was_cut = false;
    for block in page_blocks(doc) {
        let found = index.contains(&block.text);
        if found {
            last_was_cut = false;
            continue;
        }
        let kind = if teaser_cue(&block.text) {
            CutKind::Teaser
        } else {
            block.kind
        };
        let words = crate::text::word_count(&block.text);
        let full = cut.len() >= MAX_CUT_PASSAGES;
        match cut.last_mut() {
            Some(last) if last_was_cut && last.kind == kind => {
                last.words += words;
                if last.text.chars().count() < MAX_CUT_CHARS {
                    last.text.push_str(" · ");
                    last.text.push_str(&block.text);
                }
            }
            _ if full => more += 1,
            _ => cut.push(CutPassage {
                kind,
                text: block.text,
                words,
            }),
        }
        last_was_cut = true;
    }
    for passage in &mut cut {
        if passage.text.chars().count() > MAX_CUT_CHARS {
            let end = passage
                .text
                .char_indices()
                .nth(MAX_CUT_CHARS)
                .map_or(passage.text.len(), |(i, _)| i);
            passage.text.truncate(end);
            passage.text.push('…');
        }
    }
    (cut, more)
}

/// Which runs of words an article holds: its lines, and every one, two and three words in a
/// row, so that a page's run of text is looked up in time proportional to its own length.
/// A run counts as held when each of its three-word windows is (runs of one or two words:
/// when they occur), which is what the report needs and avoids a scan of the whole article
/// for each of the hundreds of menu entries a page has.
struct WordIndex {
    lines: HashSet<String, foldhash::fast::FixedState>,
    grams: HashSet<u64, foldhash::fast::FixedState>,
}

impl WordIndex {
    fn new(text: &str) -> Self {
        let state = foldhash::fast::FixedState::default();
        let mut lines = HashSet::with_hasher(state.clone());
        lines.extend(text.lines().map(fold_whitespace));
        let hashes: Vec<u64> = text.split_whitespace().map(word_hash).collect();
        let mut grams = HashSet::with_capacity_and_hasher(hashes.len() * 3, state);
        for (i, &one) in hashes.iter().enumerate() {
            grams.insert(one);
            if let Some(&two) = hashes.get(i + 1) {
                let pair = mix(one, two);
                grams.insert(pair);
                if let Some(&three) = hashes.get(i + 2) {
                    grams.insert(mix(pair, three));
                }
            }
        }
        Self { lines, grams }
    }

    fn contains(&self, folded: &str) -> bool {
        if self.lines.contains(folded) {
            return true;
        }
        let hashes: Vec<u64> = folded.split_whitespace().map(word_hash).collect();
        match hashes.as_slice() {
            [] => true,
            [one] => self.grams.contains(one),
            [one, two] => self.grams.contains(&mix(*one, *two)),
            _ => hashes
                .windows(3)
                .all(|w| self.grams.contains(&mix(mix(w[0], w[1]), w[2]))),
        }
    }
}

fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher as _;
    foldhash::fast::FixedState::default().hash_one(word)
}

/// The hash of a run of words from the hash of the run before and of the next word.
fn mix(run: u64, next: u64) -> u64 {
    (run.rotate_left(23) ^ next).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Lines that announce links to other articles.
fn teaser_cue(text: &str) -> bool {
    const CUES: &[&str] = &[
        "lesen sie auch",
        "lesen sie mehr",
        "mehr zum thema",
        "auch interessant",
        "das könnte sie auch interessieren",
        "weitere artikel",
        "read more",
        "related:",
        "related articles",
        "read next",
        "more on this story",
        "you may also like",
    ];
    let head: String = text.chars().take(40).collect::<String>().to_lowercase();
    CUES.iter().any(|cue| head.starts_with(cue))
}

#[cfg(test)]
mod tests {
    use super::*;

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
