//! Runtime view state: columns, selection, find and list filters. Never saved.

use crate::model::{AnnotationId, ArticleId, Project, TagId};
use std::ops::Range;

/// Most article columns side by side.
pub const MAX_COLUMNS: usize = 4;

/// One article column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Unique id for egui ids and layout caches.
    pub column_id: u64,
    /// The article shown.
    pub article_id: ArticleId,
    /// Scroll so that this byte is visible on the next frame.
    pub scroll_to: Option<usize>,
    /// Last scroll offset and largest offset (for linked scrolling).
    pub offset: f32,
    /// Largest scroll offset.
    pub max_offset: f32,
    /// Scroll to this offset next frame (linked scrolling).
    pub sync_to: Option<f32>,
}

/// A text selection inside one column, in bytes of its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextSelection {
    /// Column index.
    pub column: usize,
    /// Where the selection started.
    pub anchor: usize,
    /// Where it ends now.
    pub head: usize,
}

impl TextSelection {
    /// The selected bytes, in order.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

/// How the annotation list is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// By article, then position.
    #[default]
    Position,
    /// By tag, then article and position.
    Tag,
    /// By speaker.
    Speaker,
    /// Newest change first.
    Modified,
}

impl SortKey {
    /// Every sort order with its label.
    pub const ALL: [(SortKey, &'static str); 4] = [
        (SortKey::Position, "Article and position"),
        (SortKey::Tag, "Tag"),
        (SortKey::Speaker, "Speaker"),
        (SortKey::Modified, "Last changed"),
    ];
}

/// Filters of the annotation list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListFilter {
    /// Only this tag.
    pub tag: Option<TagId>,
    /// Only this article.
    pub article: Option<ArticleId>,
    /// Speaker contains this (case-insensitive).
    pub speaker: String,
    /// Quote, note or a keyword contains this (case-insensitive).
    pub text: String,
    /// Sort order.
    pub sort: SortKey,
}

impl ListFilter {
    /// The annotations that pass, in sort order.
    #[must_use]
    pub fn apply(&self, project: &Project) -> Vec<AnnotationId> {
        let speaker = self.speaker.to_lowercase();
        let text = self.text.to_lowercase();
        let mut rows: Vec<&crate::model::Annotation> = project
            .annotations()
            .iter()
            .filter(|a| self.tag.is_none_or(|t| a.tag_id == t))
            .filter(|a| self.article.is_none_or(|id| a.article_id == id))
            .filter(|a| speaker.is_empty() || a.speaker.to_lowercase().contains(&speaker))
            .filter(|a| {
                text.is_empty()
                    || a.quote.to_lowercase().contains(&text)
                    || a.note.to_lowercase().contains(&text)
                    || a.keywords.iter().any(|k| k.to_lowercase().contains(&text))
            })
            .collect();
        let article_rank = |id: ArticleId| {
            project
                .articles()
                .iter()
                .position(|a| a.id == id)
                .unwrap_or(usize::MAX)
        };
        let tag_rank = |id: TagId| {
            project
                .tags()
                .iter()
                .position(|t| t.id == id)
                .unwrap_or(usize::MAX)
        };
        match self.sort {
            SortKey::Position => rows.sort_by_key(|a| (article_rank(a.article_id), a.span.start)),
            SortKey::Tag => {
                rows.sort_by_key(|a| {
                    (tag_rank(a.tag_id), article_rank(a.article_id), a.span.start)
                });
            }
            SortKey::Speaker => rows.sort_by_key(|a| a.speaker.to_lowercase()),
            SortKey::Modified => rows.sort_by_key(|a| std::cmp::Reverse(a.modified)),
        }
        rows.into_iter().map(|a| a.id).collect()
    }
}

/// The find bar.
#[derive(Clone, Debug, Default)]
pub struct FindState {
    /// Whether the bar is shown.
    pub open: bool,
    /// What to find.
    pub query: String,
    /// Index of the current hit within the focused column's article.
    pub current: usize,
    /// Ask the find field for keyboard focus next frame.
    pub focus_requested: bool,
    /// Scroll the focused column to the current hit next frame.
    pub scroll_pending: bool,
}

/// All hits of `query` in `text` (case-insensitive for ASCII and German letters).
#[must_use]
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut matched = 0;
        let mut j = i;
        while matched < needle.len() && j < chars.len() {
            let mut lower = chars[j].1.to_lowercase();
            if lower.next() != Some(needle[matched]) || lower.next().is_some() {
                break;
            }
            matched += 1;
            j += 1;
        }
        if matched == needle.len() {
            let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
            hits.push(chars[i].0..end);
            i = j;
        } else {
            i += 1;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_is_case_insensitive_and_on_char_boundaries() {
        let text = "Nordkorea und NORDKOREA, Größe größe";
        assert_eq!(find_all(text, "nordkorea").len(), 2);
        let hits = find_all(text, "GRÖSSE");
        assert!(hits.is_empty(), "ß is not folded to ss");
        let hits = find_all(text, "größe");
        assert_eq!(hits.len(), 2);
        assert!(
            hits.iter()
                .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        );
        assert!(find_all(text, "  ").is_empty());
    }
}

/// Number of annotations per (article, tag).
pub type TagCounts = std::collections::HashMap<(ArticleId, TagId), usize>;

/// Everything about what is shown that is not the project.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    /// Article columns, left to right.
    pub columns: Vec<Column>,
    /// The column that menu actions and the article list act on.
    pub focused_column: usize,
    /// Selected text.
    pub selection: Option<TextSelection>,
    /// Selected annotation.
    pub selected_annotation: Option<AnnotationId>,
    /// Scroll all columns together.
    pub linked_scrolling: bool,
    /// The find bar.
    pub find: FindState,
    /// The annotation list's filters.
    pub list_filter: ListFilter,
    /// An annotation to flash and when the flash started (seconds of egui time).
    pub flash: Option<(AnnotationId, f64)>,
    /// Word count of each article by id and text length (texts never change).
    pub word_counts: std::collections::HashMap<(ArticleId, usize), usize>,
    /// Annotations per (article, tag) for a project revision.
    pub tag_counts: Option<(u64, TagCounts)>,
    /// The annotation list for a project revision and filter, so it is not re-sorted every
    /// frame.
    pub list_cache: Option<(u64, ListFilter, Vec<AnnotationId>)>,
    /// Scroll offsets of the columns at the end of the last frame (linked scrolling).
    pub last_offsets: std::collections::HashMap<u64, f32>,
    /// The article list's order and filters.
    pub article_query: crate::model::ArticleQuery,
    /// The listed articles and their timeline for a project revision and query.
    pub article_list: Option<ArticleListCache>,
}

/// The article list and its timeline, kept while the project and the query stay the same.
#[derive(Clone, Debug)]
pub struct ArticleListCache {
    /// Project revision it was made for.
    pub revision: u64,
    /// Query it was made for.
    pub query: crate::model::ArticleQuery,
    /// The listed articles, in order.
    pub ids: Vec<ArticleId>,
    /// The listed articles on a date axis, if any is dated.
    pub timeline: Option<crate::model::Timeline>,
}

impl ViewState {
    /// The article list for the current query, computed once per project revision and query.
    pub fn article_list(&mut self, project: &crate::model::Project) -> &ArticleListCache {
        let revision = project.revision();
        let stale = self
            .article_list
            .as_ref()
            .is_none_or(|cache| cache.revision != revision || cache.query != self.article_query);
        if stale {
            let ids = crate::model::list_articles(project, &self.article_query);
            let timeline = crate::model::Timeline::new(project, &ids, TIMELINE_GAP);
            self.article_list = Some(ArticleListCache {
                revision,
                query: self.article_query.clone(),
                ids,
                timeline,
            });
        }
        self.article_list.get_or_insert_with(|| ArticleListCache {
            revision,
            query: self.article_query.clone(),
            ids: Vec::new(),
            timeline: None,
        })
    }
}

/// Entries closer than this share of the timeline go to separate lanes.
pub const TIMELINE_GAP: f64 = 0.012;
