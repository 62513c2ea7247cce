//! What a web page showed outside its article: each run of page text that is not in the
//! article text, with the kind of region it sat in (navigation, caption, teaser, comments),
//! for the import report.

use crate::model::{CutKind, CutPassage};
use crate::text::fold_whitespace;
use dom_query::{Document, NodeRef};
use std::collections::HashSet;

/// Longest text kept for one cut passage in the report.
const MAX_CUT_CHARS: usize = 240;
/// At most this many cut passages are listed; the rest are counted in a note.
const MAX_CUT_PASSAGES: usize = 400;

/// The page's `<body>`, or the whole document when it has none.
pub(super) fn body_or_root(doc: &Document) -> NodeRef<'_> {
    doc.select("body")
        .nodes()
        .first()
        .copied()
        .unwrap_or_else(|| doc.root())
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
    visit(&body_or_root(doc), CutKind::Other, &mut walk);
    walk.flush();
    walk.blocks
}

/// Runs of page text not found in the article text, neighbours of one kind joined; and how
/// many more there were beyond the listed ones.
pub(super) fn cut_passages(doc: &Document, article_text: &str) -> (Vec<CutPassage>, usize) {
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
        let end = crate::text::chars_after(&passage.text, 0, MAX_CUT_CHARS).len();
        if end < passage.text.len() {
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
