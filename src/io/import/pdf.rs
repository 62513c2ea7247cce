//! PDF press releases and studies: the text layer read glyph by glyph (pdf-extract), lines
//! and paragraphs rebuilt from where the glyphs sit, words broken at line ends joined, and
//! page headers, footers and page numbers kept in the text but marked as furniture.
//!
//! A PDF holds no article text, only glyphs placed on pages; the text Lateral stores is its
//! reading of them, and every step that is not a plain reading (joined hyphenations,
//! ligatures written as letters, pages without text, pages that could not be read) is a note
//! in the import report.

use super::DecodeError;
use super::furniture::detect_furniture;
use crate::model::{
    Article, ArticleId, ArticleMeta, EncodingSource, Furniture, FurnitureKind, ImportReport,
    SourceFormat,
};
use crate::text::Span;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// PDFs with more pages are refused: a press release or study, not a book scan.
pub const MAX_PDF_PAGES: usize = 2_000;

/// Glyphs read from one page at most (a dense A4 page has about 5,000).
const MAX_GLYPHS_PER_PAGE: usize = 200_000;

/// The band at the top and at the bottom of a page where headers, footers and page numbers
/// sit, as a share of the page height.
const BAND: f64 = 0.12;

/// How many examples a note lists.
const EXAMPLES: usize = 3;

/// Whether the bytes are a PDF file (`%PDF-` within its first 1024 bytes, as readers accept).
#[must_use]
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|window| window == b"%PDF-")
}

/// One glyph as placed on the page, in points from the top left corner.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// The glyphs of one page, in the order the page draws them.
#[derive(Debug, Default)]
struct PageGlyphs {
    height: f64,
    left: f64,
    top: f64,
    glyphs: Vec<Glyph>,
}

/// Collects glyph positions from pdf-extract.
#[derive(Default)]
struct Collector {
    page: PageGlyphs,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = PageGlyphs {
            height: (media_box.ury - media_box.lly).abs(),
            left: media_box.llx,
            top: media_box.ury,
            glyphs: Vec::new(),
        };
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.page.glyphs.len() >= MAX_GLYPHS_PER_PAGE || text.is_empty() {
            return Ok(());
        }
        // The text rendering matrix without the font size: its scale times the size is the
        // glyph's size on the page.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size.abs() * scale;
        let x = trm.m31 - self.page.left;
        let y = self.page.top - trm.m32;
        let advance = width * font_size.abs() * (trm.m11.powi(2) + trm.m12.powi(2)).sqrt();
        if !(x.is_finite() && y.is_finite() && size.is_finite() && advance.is_finite()) {
            return Ok(());
        }
        self.page.glyphs.push(Glyph {
            x,
            y,
            end: x + advance,
            size,
            text: text.to_owned(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// One line of text on a page.
#[derive(Clone, Debug)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
}

/// Lines from glyphs in drawing order, by the rule of pdf-extract's own text output: a new
/// line where the pen moves left and down, or jumps up or down by more than a line and a half.
fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    for glyph in glyphs {
        if let Some(line) = current.as_mut() {
            let dy = (glyph.y - line.y).abs();
            let size = line.size.max(glyph.size).max(1.0);
            let new_line = dy > size * 1.5 || (glyph.x < line.x1 - size * 0.5 && dy > size * 0.5);
            if new_line {
                lines.extend(current.take());
            } else {
                if glyph.x > line.x1 + size * 0.12 && !line.text.ends_with(' ') {
                    line.text.push(' ');
                }
                line.text.push_str(&glyph.text);
                line.x1 = line.x1.max(glyph.end);
                line.size = line.size.max(glyph.size);
                continue;
            }
        }
        current = Some(Line {
            text: glyph.text.clone(),
            x0: glyph.x,
            x1: glyph.end,
            y: glyph.y,
            size: glyph.size,
        });
    }
    lines.extend(current);
    for line in &mut lines {
        line.text = fold_spaces(&line.text);
    }
    lines.retain(|line| !line.text.is_empty());
    lines
}

/// Runs of white space as one space, trimmed; control characters dropped.
fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// What a line at the top or bottom of a page is, when it is not article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Band {
    Header,
    Footer,
}

/// A line with digits masked and case folded, so that "Seite 2 von 5" and "Seite 3 von 5"
/// are one running footer.
fn running_key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// "3", "- 3 -", "Seite 3", "Seite 3 von 12", "Page 3 of 12", "3/12", "iv".
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '/' | '|' | '.' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let numeric = |w: &str| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 4;
    let roman = |w: &str| w.len() <= 6 && w.chars().all(|c| "ivxlc".contains(c));
    match words.as_slice() {
        [n] => numeric(n) || roman(n),
        // "Seite 3", and "3/12", which splits into two numbers.
        [a, n] => (["seite", "page", "s", "p"].contains(a) || numeric(a)) && numeric(n),
        [n, of, m] => numeric(n) && ["von", "of", "aus"].contains(of) && numeric(m),
        [label, n, of, m] => {
            ["seite", "page", "s", "p"].contains(label)
                && numeric(n)
                && ["von", "of", "aus"].contains(of)
                && numeric(m)
        }
        _ => false,
    }
}

/// A page's lines with their furniture, if any.
struct PageLines {
    lines: Vec<Line>,
    marks: Vec<Option<(Band, FurnitureKind, String)>>,
}

/// Marks running headers and footers (the same text, digits aside, in the top or bottom band
/// of at least half the pages, and of two pages at least) and page numbers.
fn mark_page_furniture(pages: &mut [PageLines], heights: &[f64]) {
    let band_lines = |page: &PageLines, height: f64| -> Vec<(usize, Band)> {
        let mut found = Vec::new();
        for (index, line) in page.lines.iter().enumerate() {
            if line.y < height * BAND {
                found.push((index, Band::Header));
            } else if line.y > height * (1.0 - BAND) {
                found.push((index, Band::Footer));
            }
        }
        found
    };
    let mut pages_with: HashMap<(String, bool), usize> = HashMap::new();
    for (page, &height) in pages.iter().zip(heights) {
        let mut seen = std::collections::HashSet::new();
        for (index, band) in band_lines(page, height) {
            let key = (running_key(&page.lines[index].text), band == Band::Header);
            if seen.insert(key.clone()) {
                *pages_with.entry(key).or_default() += 1;
            }
        }
    }
    let needed = (pages.len().div_ceil(2)).max(2);
    let page_count = pages.len();
    for (number, (page, &height)) in pages.iter_mut().zip(heights).enumerate() {
        for (index, band) in band_lines(page, height) {
            let text = &page.lines[index].text;
            let where_ = if band == Band::Header {
                "top"
            } else {
                "bottom"
            };
            let key = (running_key(text), band == Band::Header);
            let count = pages_with.get(&key).copied().unwrap_or(0);
            page.marks[index] = if is_page_number(text) {
                Some((
                    band,
                    FurnitureKind::PageNumber,
                    format!("page number at the {where_} of page {}", number + 1),
                ))
            } else if count >= needed {
                Some((
                    band,
                    FurnitureKind::PageHeader,
                    format!(
                        "runs at the {where_} of {count} of {page_count} pages (this is page {})",
                        number + 1
                    ),
                ))
            } else {
                None
            };
        }
    }
}

/// Whether text ends a sentence or a heading line that stands alone.
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '“', '”', '»', '«', ')', ';'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

fn starts_bullet(text: &str) -> bool {
    text.starts_with(['•', '●', '▪', '–', '—', '-', '*', '■', '◦', '►'])
        && text.chars().nth(1).is_some_and(char::is_whitespace)
}

/// The paragraphs of a page's article lines, each a list of lines.
fn paragraphs_of(lines: &[&Line]) -> Vec<Vec<String>> {
    // The usual line spacing as a multiple of the font size, so that a headline's wider
    // spacing is not read as a paragraph gap.
    let mut spacings: Vec<f64> = lines
        .windows(2)
        .filter(|w| (w[0].size - w[1].size).abs() <= w[0].size * 0.1)
        .map(|w| (w[1].y - w[0].y) / w[0].size.max(1.0))
        .filter(|&spacing| spacing > 0.0 && spacing < 3.0)
        .collect();
    spacings.sort_by(f64::total_cmp);
    let usual_spacing = spacings.get(spacings.len() / 2).copied();
    // The right edge of the text column a line belongs to: the widest of the lines near it
    // in reading order that start near it and have its size (so a full-width title or author
    // line does not make every line of a two-column page look short).
    let right_edge = |index: usize| {
        let line = lines[index];
        lines[index.saturating_sub(8)..(index + 9).min(lines.len())]
            .iter()
            .filter(|other| (other.x0 - line.x0).abs() <= 2.0 * line.size.max(1.0))
            .filter(|other| (other.size - line.size).abs() <= line.size * 0.12)
            .map(|other| other.x1)
            .fold(line.x1, f64::max)
    };
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut left = f64::INFINITY;
    for (index, line) in lines.iter().enumerate() {
        let breaks = index == 0 || {
            let prev = lines[index - 1];
            let size = prev.size.max(1.0);
            let dy = line.y - prev.y;
            let gap = usual_spacing.unwrap_or(1.2) * size;
            let column_jump = dy < -size || dy > 3.0 * size + gap;
            let wide_gap = dy > gap * 1.4 + 0.5;
            let other_size = (line.size - prev.size).abs() > prev.size.min(line.size) * 0.12;
            let indented = line.x0 > left + size * 0.9 && ends_sentence(&prev.text);
            let edge = right_edge(index - 1);
            let width = (edge - prev.x0).max(size);
            let short = prev.x1 < edge - width * 0.15
                && (ends_sentence(&prev.text) || prev.x1 < edge - width * 0.4);
            if column_jump {
                ends_sentence(&prev.text)
            } else {
                wide_gap || other_size || indented || short || starts_bullet(&line.text)
            }
        };
        if breaks {
            paragraphs.push(Vec::new());
            left = line.x0;
        }
        left = left.min(line.x0);
        if let Some(last) = paragraphs.last_mut() {
            last.push(line.text.clone());
        }
    }
    paragraphs
}

/// What joining lines did, for the notes.
#[derive(Default)]
struct Joins {
    dehyphenated: usize,
    examples: Vec<String>,
}

/// Words that follow "Nord- " in "Nord- und Südkorea": the hyphen stays, with its space.
const CONJUNCTIONS: &[&str] = &[
    "und", "oder", "bis", "sowie", "bzw.", "noch", "wie", "and", "or", "to", "nor",
];

/// Joins `next` to `text` as the next line of one paragraph: a word broken at the line end
/// ("Waffen-" + "lieferungen") is joined without its hyphen, a compound that keeps its hyphen
/// ("CDU-" + "Politiker") without a space, a soft hyphen is dropped, and the rest get a space.
fn join_line(text: &mut String, next: &str, joins: &mut Joins) {
    if text.is_empty() {
        text.push_str(next);
        return;
    }
    if text.ends_with('\u{ad}') {
        text.pop();
        text.push_str(next);
        return;
    }
    // A hyphen, or the minus sign that PostScript's Latin-1 encoding puts on the hyphen key.
    let before_hyphen = text
        .strip_suffix(['-', '\u{2010}', '\u{2212}'])
        .and_then(|rest| rest.chars().next_back());
    let first_word = next.split(' ').next().unwrap_or_default();
    if before_hyphen.is_some_and(char::is_alphabetic) && !CONJUNCTIONS.contains(&first_word) {
        if starts_lowercase(next) {
            text.pop();
            joins.dehyphenated += 1;
            if joins.examples.len() < EXAMPLES {
                let start = text.rfind(' ').map_or(0, |space| space + 1);
                let head = &text[start..];
                let tail = first_word.trim_end_matches(|c: char| !c.is_alphanumeric());
                joins.examples.push(format!("{head}-{tail} → {head}{tail}"));
            }
        }
        text.push_str(next);
        return;
    }
    text.push(' ');
    text.push_str(next);
}

/// Letters for the ligature glyphs U+FB00–U+FB06 ("ﬁ" → "fi"), and how many were replaced.
fn spell_ligatures(text: &str) -> (String, usize) {
    let mut count = 0;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let letters = match c {
            '\u{fb00}' => "ff",
            '\u{fb01}' => "fi",
            '\u{fb02}' => "fl",
            '\u{fb03}' => "ffi",
            '\u{fb04}' => "ffl",
            '\u{fb05}' | '\u{fb06}' => "st",
            _ => {
                out.push(c);
                continue;
            }
        };
        count += 1;
        out.push_str(letters);
    }
    (out, count)
}

/// A block of the article text: a paragraph, or a line marked as furniture.
struct Block {
    text: String,
    mark: Option<(FurnitureKind, String)>,
}

/// Reads every page; pages that fail are listed, not fatal.
struct Reading {
    pages: Vec<PageGlyphs>,
    failed: Vec<(u32, String)>,
}

/// Rewrites the next-line show operators `'` and `"` as the `T*` and `Tj` they stand for, on
/// the pages that use them: pdf-extract skips them, and Ghostscript (ps2pdf) writes every
/// line after a text object's first with `'`. Returns the number of pages rewritten.
fn spell_out_next_line_operators(doc: &mut pdf_extract::Document) {
    use pdf_extract::content::{Content, Operation};
    let page_ids: Vec<_> = doc.get_pages().into_values().collect();
    for page_id in page_ids {
        let Ok(bytes) = doc.get_page_content(page_id) else {
            continue;
        };
        let uses_them = |op: &Operation| op.operator == "'" || op.operator == "\"";
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        if !content.operations.iter().any(uses_them) {
            continue;
        }
        let mut operations = Vec::with_capacity(content.operations.len() + 16);
        for op in content.operations {
            let mut operands = op.operands;
            match op.operator.as_str() {
                "'" => {
                    operations.push(Operation::new("T*", Vec::new()));
                    operations.push(Operation::new("Tj", operands));
                }
                "\"" if operands.len() == 3 => {
                    let text = operands.split_off(2);
                    let char_spacing = operands.split_off(1);
                    operations.push(Operation::new("Tw", operands));
                    operations.push(Operation::new("Tc", char_spacing));
                    operations.push(Operation::new("T*", Vec::new()));
                    operations.push(Operation::new("Tj", text));
                }
                _ => operations.push(Operation {
                    operator: op.operator,
                    operands,
                }),
            }
        }
        if let Ok(encoded) = (Content { operations }).encode() {
            // A page that cannot take the rewrite is read as it was.
            let _ = doc.change_page_content(page_id, encoded);
        }
    }
}

fn read_pages(doc: &pdf_extract::Document) -> Reading {
    let mut reading = Reading {
        pages: Vec::new(),
        failed: Vec::new(),
    };
    for &number in doc.get_pages().keys() {
        let mut collector = Collector::default();
        let result = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(doc, &mut collector, number)
        }));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(error)) => reading.failed.push((number, error.to_string())),
            Err(panic) => reading.failed.push((number, panic_message(&*panic))),
        }
        reading.pages.push(collector.page);
    }
    reading
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the PDF reader stopped".to_owned())
}

/// A PDF string of the document information (`/Title`, `/Author`, `/CreationDate`).
fn info_string(doc: &pdf_extract::Document, key: &[u8]) -> Option<String> {
    let info = doc.trailer.get_deref(b"Info", doc).ok()?.as_dict().ok()?;
    let value = info.get_deref(key, doc).ok()?;
    let text = pdf_extract::decode_text_string(value).ok()?;
    let text = fold_spaces(&text);
    (!text.is_empty()).then_some(text)
}

/// The catalogue's `/Lang`, e.g. "de-DE" → "de".
fn catalog_language(doc: &pdf_extract::Document) -> Option<String> {
    let catalog = doc.catalog().ok()?;
    let lang = catalog.get_deref(b"Lang", doc).ok()?;
    let lang = pdf_extract::decode_text_string(lang).ok()?;
    let primary = lang.split(['-', '_']).next()?.trim().to_lowercase();
    (primary.len() == 2 || primary.len() == 3).then_some(primary)
}

/// "D:20241028093000+01'00'" → "2024-10-28".
fn info_date(text: &str) -> Option<String> {
    let digits: String = text
        .trim()
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() < 8 {
        return None;
    }
    let (year, month, day) = (&digits[..4], &digits[4..6], &digits[6..8]);
    let valid = year.starts_with(['1', '2'])
        && (1..=12).contains(&month.parse::<u8>().ok()?)
        && (1..=31).contains(&day.parse::<u8>().ok()?);
    valid.then(|| format!("{year}-{month}-{day}"))
}

/// Whether a document title is a file or program name rather than a headline.
fn is_placeholder_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.len() < 4
        || lower.starts_with("microsoft word")
        || lower.starts_with("untitled")
        || lower.starts_with("unbenannt")
        || [
            ".doc", ".docx", ".pdf", ".odt", ".indd", ".rtf", ".tex", ".dvi",
        ]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The headline of the first page: the line or lines set larger than the text below them.
fn headline_of(first_page: &[&Line]) -> Option<String> {
    let mut sizes: Vec<f64> = first_page.iter().map(|line| line.size).collect();
    sizes.sort_by(f64::total_cmp);
    let body = *sizes.get(sizes.len() / 2)?;
    let largest = first_page
        .iter()
        .take(30)
        .map(|line| line.size)
        .fold(0.0, f64::max);
    if largest < body * 1.15 {
        return None;
    }
    let start = first_page
        .iter()
        .position(|line| (line.size - largest).abs() < 0.5)?;
    let mut headline = String::new();
    let mut joins = Joins::default();
    for line in first_page[start..]
        .iter()
        .take_while(|line| (line.size - largest).abs() < 0.5)
        .take(4)
    {
        join_line(&mut headline, &line.text, &mut joins);
    }
    (crate::text::word_count(&headline) >= 2).then_some(headline)
}

/// Reads a PDF's text layer into an article with the given id.
pub fn article_from_pdf(article_id: ArticleId, bytes: &[u8]) -> Result<Article, DecodeError> {
    let pdf_error = |message: String| DecodeError::Pdf { message };
    let loaded = catch_unwind(|| pdf_extract::Document::load_mem(bytes))
        .map_err(|panic| pdf_error(panic_message(&*panic)))?;
    let mut doc = loaded.map_err(|error| {
        // lopdf stops at the trailer of some files encrypted with a password (pdf.js's
        // issue15893): saying that it is locked tells the user what to do.
        if bytes.windows(8).any(|window| window == b"/Encrypt") {
            DecodeError::PdfLocked
        } else {
            pdf_error(error.to_string())
        }
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(DecodeError::PdfLocked);
    }
    let page_count = doc.get_pages().len();
    if page_count == 0 {
        return Err(pdf_error("it has no pages".to_owned()));
    }
    if page_count > MAX_PDF_PAGES {
        return Err(DecodeError::PdfTooLong {
            pages: page_count,
            limit: MAX_PDF_PAGES,
        });
    }
    spell_out_next_line_operators(&mut doc);
    let reading = read_pages(&doc);
    let heights: Vec<f64> = reading.pages.iter().map(|page| page.height).collect();
    let mut pages: Vec<PageLines> = reading
        .pages
        .iter()
        .map(|page| {
            let lines = lines_of(&page.glyphs);
            let marks = vec![None; lines.len()];
            PageLines { lines, marks }
        })
        .collect();
    let textless: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, page)| {
            page.lines
                .iter()
                .map(|line| line.text.chars().filter(|c| !c.is_whitespace()).count())
                .sum::<usize>()
                < 20
        })
        .map(|(index, _)| index + 1)
        .collect();
    if pages.iter().all(|page| page.lines.is_empty()) {
        return Err(if reading.failed.len() == page_count {
            pdf_error(format!(
                "no page could be read; the first said: {}",
                reading.failed[0].1
            ))
        } else {
            DecodeError::PdfNoText { pages: page_count }
        });
    }
    mark_page_furniture(&mut pages, &heights);

    let mut joins = Joins::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<String> = None;
    let mut pending: Vec<Block> = Vec::new();
    let mut runs_on = 0usize;
    let mut headline = None;
    for (page_index, page) in pages.iter().enumerate() {
        let body: Vec<&Line> = page
            .lines
            .iter()
            .zip(&page.marks)
            .filter(|(_, mark)| mark.is_none())
            .map(|(line, _)| line)
            .collect();
        if page_index == 0 {
            headline = headline_of(&body);
        }
        let furniture = |band: Band| {
            page.lines
                .iter()
                .zip(&page.marks)
                .filter_map(move |(line, mark)| match mark {
                    Some((b, kind, reason)) if *b == band => Some(Block {
                        text: line.text.clone(),
                        mark: Some((*kind, reason.clone())),
                    }),
                    _ => None,
                })
        };
        for block in furniture(Band::Header) {
            if open.is_some() {
                pending.push(block);
            } else {
                blocks.push(block);
            }
        }
        for (index, lines) in paragraphs_of(&body).into_iter().enumerate() {
            let mut text = String::new();
            for line in &lines {
                join_line(&mut text, line, &mut joins);
            }
            let continues = index == 0
                && open.as_deref().is_some_and(|prev| {
                    !ends_sentence(prev) && (starts_lowercase(&text) || prev.ends_with('-'))
                });
            if continues {
                runs_on += 1;
                if let Some(prev) = open.as_mut() {
                    join_line(prev, &text, &mut joins);
                }
                continue;
            }
            blocks.extend(open.take().map(|text| Block { text, mark: None }));
            blocks.append(&mut pending);
            open = Some(text);
        }
        for block in furniture(Band::Footer) {
            if open.is_some() {
                pending.push(block);
            } else {
                blocks.push(block);
            }
        }
    }
    blocks.extend(open.take().map(|text| Block { text, mark: None }));
    blocks.append(&mut pending);

    let mut text = String::new();
    let mut marks = Vec::new();
    let mut ligatures = 0;
    for block in &blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let (spelled, count) = spell_ligatures(&block.text);
        ligatures += count;
        let start = text.len();
        text.push_str(&spelled);
        if let Some((kind, reason)) = &block.mark {
            marks.push(Furniture {
                span: Span {
                    start,
                    end: text.len(),
                },
                kind: *kind,
                reason: reason.clone(),
                rejected: false,
            });
        }
    }
    // Other furniture (repeated lines, boilerplate) where the page marks leave none.
    let page_marks = marks.clone();
    marks.extend(detect_furniture(&text).into_iter().filter(|found| {
        !page_marks
            .iter()
            .any(|m| m.span.start < found.span.end && found.span.start < m.span.end)
    }));
    marks.sort_by_key(|m| (m.span.start, m.span.end));

    let mut notes = vec![format!(
        "Read from the text layer of a PDF with {}: lines and paragraphs were rebuilt from where \
         the words stand on the page.",
        crate::text::count(page_count, "page", "pages")
    )];
    let headers = page_marks
        .iter()
        .filter(|m| m.kind == FurnitureKind::PageHeader)
        .count();
    let numbers = page_marks
        .iter()
        .filter(|m| m.kind == FurnitureKind::PageNumber)
        .count();
    if headers + numbers > 0 {
        notes.push(format!(
            "{} and {} are kept in the text and marked as furniture.",
            crate::text::count(
                headers,
                "running header or footer line",
                "running header and footer lines"
            ),
            crate::text::count(numbers, "page number", "page numbers"),
        ));
    }
    if runs_on > 0 {
        notes.push(format!(
            "{} across a page break: the page's header, footer or number lines follow it.",
            crate::text::count(runs_on, "paragraph runs on", "paragraphs run on")
        ));
    }
    if joins.dehyphenated > 0 {
        notes.push(format!(
            "{} at line ends joined without the hyphen ({}); hyphens before capitals \
             (“CDU-Politiker”) were kept.",
            crate::text::count(joins.dehyphenated, "word hyphenated", "words hyphenated"),
            joins.examples.join(", ")
        ));
    }
    if ligatures > 0 {
        notes.push(format!(
            "{} (such as “ﬁ”) written as their letters (“fi”).",
            crate::text::count(ligatures, "ligature glyph", "ligature glyphs")
        ));
    }
    if !textless.is_empty() && textless.len() < page_count {
        notes.push(format!(
            "{} no text: {}. If they are scanned images, run text recognition (OCR) on \
             the PDF and import it again.",
            if textless.len() == 1 {
                "This page has"
            } else {
                "These pages have"
            },
            page_list(&textless)
        ));
    }
    for (number, why) in &reading.failed {
        notes.push(format!(
            "Page {number} could not be read completely ({why}); its text may be missing."
        ));
    }

    let info_title = info_string(&doc, b"Title").filter(|t| !is_placeholder_title(t));
    let title = match (info_title, headline) {
        (Some(info), _) => {
            notes.push(format!("The title “{info}” is the PDF's document title."));
            info
        }
        (None, Some(headline)) => headline,
        (None, None) => super::guess_title(&text, &marks),
    };
    let date = info_string(&doc, b"CreationDate")
        .as_deref()
        .and_then(info_date);
    if let Some(date) = &date {
        notes.push(format!(
            "The date {date} is when the PDF was made; if the text gives a date of \
             publication, enter that in Article details."
        ));
    }
    let language =
        catalog_language(&doc).unwrap_or_else(|| super::guess_language(&text).to_owned());
    let meta = ArticleMeta {
        title,
        authors: info_string(&doc, b"Author").into_iter().collect(),
        date,
        language,
        ..ArticleMeta::default()
    };
    let report = ImportReport {
        encoding: "PDF text layer".to_owned(),
        encoding_source: EncodingSource::ValidUtf8,
        size_bytes: bytes.len() as u64,
        format: SourceFormat::Pdf,
        notes,
        ..ImportReport::default()
    };
    let mut article = Article::new(article_id, meta, text, report);
    article.furniture = marks;
    Ok(article)
}

/// "3", "3 and 5", "3, 5 and 8", "3–7".
fn page_list(pages: &[usize]) -> String {
    let mut out = String::new();
    let contiguous = pages.windows(2).all(|w| w[1] == w[0] + 1);
    if pages.len() > 3 && contiguous {
        let _ = write!(out, "pages {}–{}", pages[0], pages[pages.len() - 1]);
        return out;
    }
    let shown: Vec<String> = pages.iter().take(12).map(ToString::to_string).collect();
    let _ = write!(
        out,
        "{} {}",
        if pages.len() == 1 { "page" } else { "pages" },
        match shown.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            Some((last, _)) => last.clone(),
            None => String::new(),
        }
    );
    if pages.len() > 12 {
        let _ = write!(out, " and {} more", pages.len() - 12);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f64, x1: f64, y: f64, size: f64) -> Line {
        Line {
            text: text.to_owned(),
            x0,
            x1,
            y,
            size,
        }
    }

    #[test]
    fn broken_words_join_and_compounds_keep_their_hyphen() {
        let mut joins = Joins::default();
        let mut text = "die Waffen-".to_owned();
        join_line(&mut text, "lieferungen an Russland", &mut joins);
        assert_eq!(text, "die Waffenlieferungen an Russland");
        let mut text = "der CDU-".to_owned();
        join_line(&mut text, "Politiker sagte", &mut joins);
        assert_eq!(text, "der CDU-Politiker sagte");
        let mut text = "Nord-".to_owned();
        join_line(&mut text, "und Südkorea", &mut joins);
        assert_eq!(text, "Nord- und Südkorea");
        let mut text = "von 2023 -".to_owned();
        join_line(&mut text, "bis heute", &mut joins);
        assert_eq!(text, "von 2023 - bis heute");
        let mut text = "Verteidi\u{ad}".to_owned();
        join_line(&mut text, "gung", &mut joins);
        assert_eq!(text, "Verteidigung");
        // PostScript's Latin-1 encoding draws the hyphen key as a minus sign.
        let mut text = "Zusammen\u{2212}".to_owned();
        join_line(&mut text, "arbeit", &mut joins);
        assert_eq!(text, "Zusammenarbeit");
        assert_eq!(joins.dehyphenated, 2);
        assert_eq!(
            joins.examples,
            [
                "Waffen-lieferungen → Waffenlieferungen",
                "Zusammen-arbeit → Zusammenarbeit"
            ]
        );
    }

    #[test]
    fn page_numbers_in_their_usual_forms() {
        for text in [
            "3",
            "- 3 -",
            "Seite 3",
            "Seite 3 von 12",
            "Page 3 of 12",
            "3/12",
            "iv",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["3 Fragen an Guseinova", "2024", "Seite", "Inhalt"] {
            assert!(!is_page_number(text) || text == "2024", "{text}");
        }
    }

    #[test]
    fn paragraphs_break_at_gaps_indents_and_short_lines() {
        let lines = [
            line("Überschrift der Meldung", 50.0, 300.0, 100.0, 18.0),
            line(
                "Der erste Absatz beginnt hier und läuft",
                50.0,
                500.0,
                130.0,
                10.0,
            ),
            line("über zwei Zeilen.", 50.0, 200.0, 142.0, 10.0),
            line(
                "Der zweite Absatz folgt ohne Abstand, weil die",
                50.0,
                500.0,
                154.0,
                10.0,
            ),
            line(
                "vorige Zeile kurz war. Er endet mit",
                50.0,
                498.0,
                166.0,
                10.0,
            ),
            line("einem Abstand.", 50.0, 150.0, 178.0, 10.0),
            line(
                "Dritter Absatz nach einer Leerzeile.",
                50.0,
                400.0,
                202.0,
                10.0,
            ),
        ];
        let refs: Vec<&Line> = lines.iter().collect();
        let paragraphs = paragraphs_of(&refs);
        let counts: Vec<usize> = paragraphs.iter().map(Vec::len).collect();
        assert_eq!(counts, [1, 2, 3, 1], "{paragraphs:?}");
    }

    #[test]
    fn running_lines_and_numbers_are_marked_on_every_page() {
        let page = |n: usize| PageLines {
            lines: vec![
                line("Pressemitteilung 12/2024", 50.0, 200.0, 40.0, 8.0),
                line(&format!("Text der Seite {n}."), 50.0, 300.0, 300.0, 10.0),
                line(&n.to_string(), 290.0, 300.0, 800.0, 8.0),
            ],
            marks: vec![None; 3],
        };
        let mut pages = vec![page(1), page(2), page(3)];
        mark_page_furniture(&mut pages, &[842.0; 3]);
        for page in &pages {
            let kinds: Vec<_> = page.marks.iter().map(|m| m.as_ref().map(|m| m.1)).collect();
            assert_eq!(
                kinds,
                [
                    Some(FurnitureKind::PageHeader),
                    None,
                    Some(FurnitureKind::PageNumber)
                ]
            );
        }
    }

    #[test]
    fn creation_dates_and_placeholder_titles() {
        assert_eq!(
            info_date("D:20241028093000+01'00'").as_deref(),
            Some("2024-10-28")
        );
        assert_eq!(info_date("D:2024"), None);
        assert!(is_placeholder_title("Microsoft Word - PM_Studie.docx"));
        assert!(!is_placeholder_title(
            "Nordkoreanische Truppen in der Ukraine"
        ));
        assert_eq!(
            spell_ligatures("Ein\u{fb02}uss"),
            ("Einfluss".to_owned(), 1)
        );
    }

    #[test]
    fn bytes_that_are_no_pdf_are_refused_with_a_message() {
        assert!(!looks_like_pdf(b"<html>"));
        assert!(looks_like_pdf(b"%PDF-1.7\n"));
        let error = article_from_pdf(ArticleId(1), b"%PDF-1.4\nnot really").unwrap_err();
        assert!(matches!(error, DecodeError::Pdf { .. }), "{error:?}");
    }
}
