//! Export rows: one flat record per annotation, shared by the CSV and JSON exports.

use super::{CharIndex, ExportFilter};
use crate::model::{Annotation, ArticleId, Project};
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One annotation as a flat record. Field names are the CSV header and the JSON keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRow {
    /// The project's title.
    pub project: String,
    /// The article's title.
    pub article: String,
    /// The article's id, e.g. `a3`.
    pub article_id: String,
    /// Where it was published.
    pub outlet: String,
    /// The authors, separated by "; ".
    pub authors: String,
    /// Publication date as written in the source.
    pub date: String,
    /// The date as read: ISO 8601 day ("2024-10-27"), month ("2024-10"), year, or interval
    /// ("2024-09-01/2024-11-30"); empty when the written date names no day, month or year.
    pub date_iso: String,
    /// Where it was found.
    pub url: String,
    /// The annotation's id, e.g. `n12`.
    pub annotation_id: String,
    /// The tag's name.
    pub tag: String,
    /// Who is said to claim or deny it.
    pub speaker: String,
    /// The tagged passage.
    pub quote: String,
    /// The annotator's note.
    pub note: String,
    /// Who made the annotation.
    pub annotator: String,
    /// First character (code point) of the passage, counted from 0.
    pub start_char: usize,
    /// One past the last character.
    pub end_char: usize,
    /// First byte of the passage in the UTF-8 text.
    pub start_byte: usize,
    /// One past the last byte.
    pub end_byte: usize,
    /// The sentence (or sentences) the passage lies in.
    pub sentence: String,
    /// When the annotation was made, RFC 3339 in UTC.
    pub created: String,
    /// When it was last changed, RFC 3339 in UTC.
    pub modified: String,
}

/// The filtered annotations of `project` as rows, in project order.
///
/// ```
/// use lateral::export::{ExportFilter, rows};
/// use lateral::model::Project;
/// assert!(rows(&Project::new("Leer"), &ExportFilter::default()).is_empty());
/// ```
#[must_use]
pub fn rows(project: &Project, filter: &ExportFilter) -> Vec<ExportRow> {
    let mut indexes: HashMap<ArticleId, CharIndex> = HashMap::new();
    filter
        .annotations(project)
        .filter_map(|annotation| {
            let article = project.article(annotation.article_id)?;
            let index = indexes
                .entry(article.id)
                .or_insert_with(|| CharIndex::new(article.text()));
            Some(row(project, article, index, annotation))
        })
        .collect()
}

fn row(
    project: &Project,
    article: &crate::model::Article,
    index: &CharIndex,
    annotation: &Annotation,
) -> ExportRow {
    let span = annotation.span;
    let tag = project
        .tag(annotation.tag_id)
        .map_or_else(|| annotation.tag_id.to_string(), |t| t.name.clone());
    ExportRow {
        project: project.title().to_owned(),
        article: article.meta.title.clone(),
        article_id: article.id.to_string(),
        outlet: article.meta.outlet.clone(),
        authors: article.meta.authors.join("; "),
        date: article.meta.date.clone().unwrap_or_default(),
        date_iso: article
            .meta
            .pub_date()
            .map(|date| date.to_iso())
            .unwrap_or_default(),
        url: article.meta.url.clone().unwrap_or_default(),
        annotation_id: annotation.id.to_string(),
        tag,
        speaker: annotation.speaker.clone(),
        quote: annotation.quote.clone(),
        note: annotation.note.clone(),
        annotator: annotation.annotator.clone(),
        start_char: index.char_of_byte(span.start).unwrap_or_default(),
        end_char: index.char_of_byte(span.end).unwrap_or_default(),
        start_byte: span.start,
        end_byte: span.end,
        sentence: sentence_around(article.text(), span).to_owned(),
        created: annotation.created.to_string(),
        modified: annotation.modified.to_string(),
    }
}

/// The sentence around `span`: from after the last sentence end (`.`, `!` or `?` before
/// white space, or a line break) before the span to the first one after it.
///
/// ```
/// use lateral::export::sentence_around;
/// use lateral::text::Span;
/// let text = "Erster Satz. Laut Studie bis zu 5,5 Milliarden! Dritter.";
/// assert_eq!(sentence_around(text, Span::new(18, 24)), "Laut Studie bis zu 5,5 Milliarden!");
/// ```
#[must_use]
pub fn sentence_around(text: &str, span: Span) -> &str {
    let (Some(head), Some(tail)) = (text.get(..span.start), text.get(span.end..)) else {
        return "";
    };
    let begin = head
        .char_indices()
        .rev()
        .find_map(|(i, ch)| sentence_end_len(head, i, ch).map(|len| i + len))
        .map_or(0, |after| after.min(span.start));
    let end = tail
        .char_indices()
        .find_map(|(i, ch)| sentence_end_len(tail, i, ch).map(|len| i + len))
        .map_or(text.len(), |after| span.end + after);
    text.get(begin..end).map_or("", str::trim)
}

/// Closing quotation marks and brackets that belong to the sentence they follow.
const CLOSERS: [char; 7] = ['“', '”', '"', '»', '«', '’', ')'];

/// If `ch` at byte `i` of `text` ends a sentence, its length in bytes with the closing marks
/// after it; a line break ends a sentence but is not part of it.
fn sentence_end_len(text: &str, i: usize, ch: char) -> Option<usize> {
    if ch == '\n' {
        return Some(0);
    }
    if !matches!(ch, '.' | '!' | '?') {
        return None;
    }
    let after = text.get(i + ch.len_utf8()..).unwrap_or("");
    let rest = after.trim_start_matches(CLOSERS);
    let ends = rest.is_empty() || rest.starts_with(char::is_whitespace);
    ends.then(|| ch.len_utf8() + after.len() - rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_stops_at_lines_and_text_ends() {
        let text = "Titel\nEr sagt: „Nein.“ Dann nichts";
        let start = text.find("sagt").unwrap();
        assert_eq!(
            sentence_around(text, Span::new(start, start + 4)),
            "Er sagt: „Nein.“"
        );
        let start = text.find("nichts").unwrap();
        assert_eq!(
            sentence_around(text, Span::new(start, text.len())),
            "Dann nichts"
        );
        assert_eq!(sentence_around(text, Span::new(0, 5)), "Titel");
    }
}
