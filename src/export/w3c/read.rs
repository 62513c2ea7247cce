//! Reading W3C Web Annotations (and Hypothesis' JSON) into edits for an existing project.
//!
//! Every step is linear in the number of annotations: ids, duplicates and tags are looked up
//! in sets, each article is indexed once, and the edits are applied in one pass.

use super::ARTICLE_URN;
use super::fields::{
    Target, annotation_items, creator, note_and_speaker, read_target, tag_names, timestamp,
};
use super::write::article_source;
use crate::export::{CharIndex, W3cError};
use crate::io::reanchor::{find_loose_quote, find_quote};
use crate::model::{Annotation, AnnotationId, Article, ArticleId, Edit, Project, Rgb, Tag, TagId};
use crate::text::{Folded, Span, count};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The largest W3C file read (256 MiB); a file this size holds about a million annotations.
pub const MAX_W3C_BYTES: u64 = 256 * 1024 * 1024;

/// The tag given to annotations none of whose tags is a project tag.
const IMPORTED_TAG: &str = "imported";

/// How an imported annotation was placed in its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlacedBy {
    /// At its `TextPositionSelector`, which covers its quote (or it has no quote).
    Position,
    /// By its exact quote, with prefix and suffix choosing among repeats.
    Quote,
    /// By its quote compared loosely: whitespace runs as one space, typographic quotes and
    /// dashes as plain ones, soft hyphens ignored (as pages show text).
    LooseQuote,
}

impl PlacedBy {
    /// "position", "quote", "loose quote".
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Position => "position",
            Self::Quote => "quote",
            Self::LooseQuote => "loose quote",
        }
    }
}

/// Where one annotation of the file went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct W3cPlaced {
    /// Its number in the file, from 1.
    pub item: usize,
    /// How it was placed.
    pub by: PlacedBy,
    /// The article it was placed in.
    pub article_id: ArticleId,
    /// The passage, in bytes of the article's text.
    pub span: Span,
}

/// How tags in the file become tags in the project.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct W3cOptions {
    /// Every tag becomes a project tag (created if missing) and gets its own annotation, as
    /// older versions did; otherwise a passage is one annotation, tagged with the first of its
    /// tags that names a project tag, its other tags kept as keywords.
    pub tags_as_tags: bool,
}

/// Annotations read from a W3C file, as edits for the caller to apply in one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct W3cImport {
    /// New tags first, then the new annotations.
    pub edits: Vec<Edit>,
    /// Number of annotations among the edits.
    pub num_imported: usize,
    /// Annotations that were not imported, with the reason.
    pub skipped: Vec<String>,
    /// How each placed annotation of the file was placed.
    pub placed: Vec<W3cPlaced>,
    /// Tags of the file that name no project tag and were kept as keywords (each once).
    pub keywords: Vec<String>,
    /// Names of the tags the import creates.
    pub new_tags: Vec<String>,
}

impl W3cImport {
    /// All edits as one undoable step.
    #[must_use]
    pub fn into_edit(self) -> Edit {
        Edit::Batch {
            label: format!("import {} annotations", self.num_imported),
            edits: self.edits,
        }
    }

    /// What the import did, as sentences: how annotations were placed (each one that was not
    /// placed at its position is named), tags created or kept as keywords, and what was
    /// skipped and why.
    /// `project` is the one imported into (for article titles and passages).
    #[must_use]
    pub fn report_lines(&self, project: &Project) -> Vec<String> {
        let mut by: HashMap<PlacedBy, usize> = HashMap::new();
        for placed in &self.placed {
            *by.entry(placed.by).or_default() += 1;
        }
        let parts: Vec<String> = [PlacedBy::Position, PlacedBy::Quote, PlacedBy::LooseQuote]
            .into_iter()
            .filter_map(|kind| by.get(&kind).map(|n| format!("{n} by {}", kind.label())))
            .collect();
        let mut lines = Vec::new();
        if !parts.is_empty() {
            lines.push(format!(
                "placed {}: {}",
                count(self.placed.len(), "annotation", "annotations"),
                parts.join(", ")
            ));
        }
        for placed in self.placed.iter().filter(|p| p.by != PlacedBy::Position) {
            let Some(article) = project.article(placed.article_id) else {
                continue;
            };
            lines.push(format!(
                "annotation {} placed by {} in \"{}\": \"{}\"",
                placed.item,
                placed.by.label(),
                article.meta.title,
                preview(article, placed.span)
            ));
        }
        if !self.new_tags.is_empty() {
            lines.push(format!("new tags: {}", self.new_tags.join(", ")));
        }
        if !self.keywords.is_empty() {
            lines.push(format!(
                "{} not in the project kept as keywords: {} (to make them tags, import with --tags-as-tags)",
                count(self.keywords.len(), "tag", "tags"),
                self.keywords.join(", ")
            ));
        }
        lines.extend(self.skipped.iter().map(|s| format!("skipped {s}")));
        lines
    }
}

/// Reads W3C annotations (a collection, a page, an array or one annotation) with the default
/// [`W3cOptions`]; see [`import_w3c_with`].
pub fn import_w3c(project: &Project, json: &[u8]) -> Result<W3cImport, W3cError> {
    import_w3c_with(project, json, W3cOptions::default())
}

/// Reads W3C annotations (a collection, a page, an array or one annotation) and places each in
/// the project's article whose URL (or `urn:lateral:article:N`) is the target's `source`, or
/// else in the first article containing the quote: at its position if that covers the quote,
/// else by its quote, else by its quote compared loosely. The project is not changed.
///
/// Annotations already in the project (same article, passage, tag and annotator) are skipped.
/// If no annotation can be placed, the import fails with [`W3cError::NothingMatched`].
pub fn import_w3c_with(
    project: &Project,
    json: &[u8],
    options: W3cOptions,
) -> Result<W3cImport, W3cError> {
    if json.len() as u64 > MAX_W3C_BYTES {
        return Err(W3cError::TooLarge {
            size_bytes: json.len() as u64,
            limit_bytes: MAX_W3C_BYTES,
        });
    }
    let items = annotation_items(json)?;
    let mut importer = Importer::new(project, options);
    for (number, raw) in items.iter().enumerate() {
        let outcome = serde_json::from_str::<Value>(raw.get())
            .map_err(|e| format!("it is not valid JSON: {e}"))
            .and_then(|item| importer.import_one(number + 1, &item));
        if let Err(reason) = outcome {
            importer
                .result
                .skipped
                .push(format!("annotation {}: {reason}", number + 1));
        }
    }
    let Importer {
        mut result,
        new_tags,
        added,
        ..
    } = importer;
    if added.is_empty() {
        return Err(W3cError::NothingMatched {
            num_annotations: items.len(),
            first_problem: result
                .skipped
                .first()
                .cloned()
                .unwrap_or_else(|| "the file is empty".into()),
        });
    }
    result.new_tags = new_tags.iter().map(|t| t.name.clone()).collect();
    let mut edits: Vec<Edit> = new_tags
        .into_iter()
        .map(|tag| Edit::AddTag { tag, index: None })
        .collect();
    result.num_imported = added.len();
    edits.extend(added.into_iter().map(|annotation| Edit::AddAnnotation {
        annotation,
        index: None,
    }));
    result.edits = edits;
    Ok(result)
}

/// An article's text indexed for placing: characters, and (when first needed) its folded form.
struct Indexed {
    chars: CharIndex,
    folded: Option<Folded>,
}

/// Where an annotation that may be a duplicate is: in the project, or among those added.
#[derive(Clone, Copy)]
enum Present {
    Project(usize),
    Added(usize),
}

/// Whether two annotations of the same article, passage and tag are the same: the same
/// annotator, note and keywords (ignoring case).
fn same_annotation(a: &Annotation, b: &Annotation) -> bool {
    a.annotator == b.annotator
        && a.note == b.note
        && a.keywords.len() == b.keywords.len()
        && a.keywords.iter().all(|k| {
            b.keywords
                .iter()
                .any(|other| other.to_lowercase() == k.to_lowercase())
        })
}

struct Importer<'a> {
    project: &'a Project,
    options: W3cOptions,
    result: W3cImport,
    new_tags: Vec<Tag>,
    added: Vec<Annotation>,
    ids: Box<dyn Iterator<Item = AnnotationId>>,
    /// Annotations by article, passage and tag, to find duplicates without comparing all.
    present: HashMap<(ArticleId, Span, TagId), Vec<Present>>,
    indexes: HashMap<ArticleId, Indexed>,
    keywords_seen: HashSet<String>,
    /// Tags of the project and of this import by [`tag_key`], each name's first.
    tags_by_name: HashMap<String, TagId>,
    /// The id of the first tag this import creates; the next ones follow.
    first_new_tag_id: u64,
    /// Index in the project's articles by [`address_key`] of their source, each address's first.
    articles_by_address: HashMap<String, usize>,
}

/// How tag names are compared: trimmed, ignoring case.
fn tag_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl<'a> Importer<'a> {
    fn new(project: &'a Project, options: W3cOptions) -> Self {
        Self {
            project,
            options,
            result: W3cImport {
                edits: Vec::new(),
                num_imported: 0,
                skipped: Vec::new(),
                placed: Vec::new(),
                keywords: Vec::new(),
                new_tags: Vec::new(),
            },
            new_tags: Vec::new(),
            added: Vec::new(),
            ids: Box::new(project.fresh_annotation_ids()),
            present: {
                let mut present: HashMap<(ArticleId, Span, TagId), Vec<Present>> = HashMap::new();
                for (index, a) in project.annotations().iter().enumerate() {
                    present
                        .entry((a.article_id, a.span, a.tag_id))
                        .or_default()
                        .push(Present::Project(index));
                }
                present
            },
            indexes: HashMap::new(),
            keywords_seen: HashSet::new(),
            tags_by_name: {
                let mut tags = HashMap::new();
                for tag in project.tags() {
                    tags.entry(tag_key(&tag.name)).or_insert(tag.id);
                }
                tags
            },
            first_new_tag_id: project.fresh_tag_id().0,
            articles_by_address: {
                let mut articles = HashMap::new();
                for (index, article) in project.articles().iter().enumerate() {
                    if let Some(key) = address_key(&article_source(article)) {
                        articles.entry(key).or_insert(index);
                    }
                }
                articles
            },
        }
    }

    fn import_one(&mut self, number: usize, item: &Value) -> Result<(), String> {
        let target = read_target(item)?;
        let (article, span, by) = self.locate(&target)?;
        let created = timestamp(item, "created");
        let modified = item
            .get("modified")
            .or_else(|| item.get("updated"))
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .unwrap_or(created);
        let (note, speaker) = note_and_speaker(item);
        let annotator = creator(item);
        let mut placed_any = false;
        for (tag_id, keywords) in self.tags_for(&tag_names(item)) {
            let id = self.ids.next().ok_or("no annotation id is left")?;
            let mut annotation = Annotation::of_span(id, article.id, article.text(), span, tag_id)
                .ok_or("its passage does not fit the article")?;
            annotation.note.clone_from(&note);
            annotation.speaker.clone_from(&speaker);
            annotation.annotator.clone_from(&annotator);
            annotation.created = created;
            annotation.modified = modified;
            annotation.keywords = keywords;
            if self.is_present(&annotation) {
                let tag_name = self.tag_name(tag_id);
                self.result.skipped.push(format!(
                    "annotation {number}: \"{tag_name}\" on \"{}\" is already in the project",
                    preview(article, span)
                ));
                continue;
            }
            self.present
                .entry((annotation.article_id, annotation.span, annotation.tag_id))
                .or_default()
                .push(Present::Added(self.added.len()));
            self.added.push(annotation);
            placed_any = true;
        }
        if placed_any {
            self.result.placed.push(W3cPlaced {
                item: number,
                by,
                article_id: article.id,
                span,
            });
        }
        Ok(())
    }

    /// Whether the project, or this import, already has this annotation.
    fn is_present(&self, annotation: &Annotation) -> bool {
        let key = (annotation.article_id, annotation.span, annotation.tag_id);
        self.present.get(&key).is_some_and(|candidates| {
            candidates.iter().any(|candidate| {
                let other = match *candidate {
                    Present::Project(index) => self.project.annotations().get(index),
                    Present::Added(index) => self.added.get(index),
                };
                other.is_some_and(|other| same_annotation(other, annotation))
            })
        })
    }

    /// The tags (and keywords) each annotation made of the passage gets.
    fn tags_for(&mut self, names: &[String]) -> Vec<(TagId, Vec<String>)> {
        if self.options.tags_as_tags {
            if names.is_empty() {
                return vec![(self.tag_id(IMPORTED_TAG), Vec::new())];
            }
            return names
                .iter()
                .map(|name| (self.tag_id(name), Vec::new()))
                .collect();
        }
        let chosen = names
            .iter()
            .enumerate()
            .find_map(|(i, name)| self.known_tag(name).map(|id| (i, id)));
        let (tag_id, keywords) = match chosen {
            Some((index, tag_id)) => {
                let mut keywords = names.to_vec();
                keywords.remove(index);
                (tag_id, keywords)
            }
            None => (self.tag_id(IMPORTED_TAG), names.to_vec()),
        };
        for keyword in &keywords {
            if self.known_tag(keyword).is_none()
                && self.keywords_seen.insert(keyword.to_lowercase())
            {
                self.result.keywords.push(keyword.clone());
            }
        }
        vec![(tag_id, keywords)]
    }

    /// The project tag (or tag new in this import) of this name, compared trimmed and
    /// ignoring case.
    fn known_tag(&self, name: &str) -> Option<TagId> {
        self.tags_by_name.get(&tag_key(name)).copied()
    }

    fn tag_name(&self, tag_id: TagId) -> String {
        self.project
            .tags()
            .iter()
            .chain(&self.new_tags)
            .find(|t| t.id == tag_id)
            .map_or_else(|| tag_id.to_string(), |t| t.name.clone())
    }

    /// The tag of this name, created (for the import's edits) if the project has none.
    fn tag_id(&mut self, name: &str) -> TagId {
        if let Some(id) = self.known_tag(name) {
            return id;
        }
        let id = TagId(self.first_new_tag_id + self.new_tags.len() as u64);
        self.tags_by_name.insert(tag_key(name), id);
        self.new_tags.push(Tag {
            id,
            name: name.trim().to_owned(),
            description: "Imported from a W3C annotation file".into(),
            colour: Rgb(0x9b, 0x9b, 0x9b),
            key: None,
            has_speaker: false,
        });
        id
    }

    /// The article, byte span and way of placing the target.
    fn locate(&mut self, target: &Target<'_>) -> Result<(&'a Article, Span, PlacedBy), String> {
        let project = self.project;
        let articles = project.articles();
        // The first article whose source is the target's, or whose id its URN names.
        let by_address = address_key(target.source).and_then(|k| self.articles_by_address.get(&k));
        let by_urn = target
            .source
            .strip_prefix(ARTICLE_URN)
            .and_then(|n| n.parse::<u64>().ok())
            .and_then(|id| articles.iter().position(|a| a.id.0 == id));
        let by_source = match (by_address.copied(), by_urn) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
        .map(|index| &articles[index]);
        if let Some(article) = by_source {
            return self
                .place_in(article, target, true)?
                .map(|(span, by)| (article, span, by))
                .ok_or_else(|| not_in_article(article, target));
        }
        let exact = target
            .exact
            .filter(|e| !e.trim().is_empty())
            .ok_or_else(|| {
                format!(
                    "no article has the source {}, and it has no quote to look for",
                    target.source
                )
            })?;
        // By exact quote in any article, then by loose quote in any article.
        for loose in [false, true] {
            for article in articles {
                if let Some((span, by)) = self.place_in(article, target, loose)? {
                    return Ok((article, span, by));
                }
            }
        }
        Err(format!(
            "no article contains its quote \"{}\"",
            shorten(exact)
        ))
    }

    /// Places the target in `article`: at its position if that covers the quote (or there is
    /// no quote), else by quote and context, else (if `loose`) by the quote compared loosely.
    /// An error says why a position without a quote does not fit.
    fn place_in(
        &mut self,
        article: &Article,
        target: &Target<'_>,
        loose: bool,
    ) -> Result<Option<(Span, PlacedBy)>, String> {
        let text = article.text();
        let indexed = self.indexes.entry(article.id).or_insert_with(|| Indexed {
            chars: CharIndex::new(text),
            folded: None,
        });
        let by_position = target.position.and_then(|(start, end)| {
            Some(Span::new(
                indexed.chars.byte_of_char(start)?,
                indexed.chars.byte_of_char(end)?,
            ))
            .filter(|s| s.start < s.end)
        });
        let Some(exact) = target.exact.filter(|e| !e.trim().is_empty()) else {
            let empty_position = target.position.is_some_and(|(start, end)| start >= end);
            if target.exact.is_some() && (empty_position || target.position.is_none()) {
                return Err(
                    "it selects no text (an empty quote), as a note on a whole page does".into(),
                );
            }
            return match (by_position, target.position, &target.relative_position) {
                (Some(span), _, _) => Ok(Some((span, PlacedBy::Position))),
                (None, Some((start, end)), _) => Err(format!(
                    "its position (characters {start} to {end}) does not lie in the article \"{}\", which has {} characters, and it has no quote",
                    article.meta.title,
                    indexed.chars.num_chars()
                )),
                (None, None, Some((start, end, within))) => Err(format!(
                    "its TextPositionSelector (characters {start} to {end}) counts from the start of {within}, which Lateral cannot find in plain text, and it has no TextQuoteSelector to look for"
                )),
                (None, None, None) => Ok(None),
            };
        };
        if let Some(span) = by_position
            && span.slice(text) == Some(exact)
        {
            return Ok(Some((span, PlacedBy::Position)));
        }
        let near = by_position.map_or(0, |s| s.start);
        if let Some(span) = find_quote(text, exact, target.prefix, target.suffix, near) {
            return Ok(Some((span, PlacedBy::Quote)));
        }
        if !loose {
            return Ok(None);
        }
        let folded = indexed.folded.get_or_insert_with(|| Folded::new(text));
        Ok(
            find_loose_quote(folded, exact, target.prefix, target.suffix, near)
                .filter(|span| span.check(text).is_ok())
                .map(|span| (span, PlacedBy::LooseQuote)),
        )
    }
}

/// Why a target whose source is `article` was not placed there.
fn not_in_article(article: &Article, target: &Target<'_>) -> String {
    match target.exact {
        Some(exact) if !exact.trim().is_empty() => format!(
            "its quote \"{}\" is not in the article \"{}\", not even comparing spaces, quotes and dashes loosely",
            shorten(exact),
            article.meta.title
        ),
        _ => format!(
            "it names no passage of the article \"{}\"",
            article.meta.title
        ),
    }
}

/// The form in which addresses are compared, so that two name the same page when their keys
/// are equal: without the scheme, `www.`, a trailing slash, the fragment and case. `None` for
/// an empty address.
fn address_key(address: &str) -> Option<String> {
    let address = address.trim();
    if address.is_empty() {
        return None;
    }
    let address = address.split('#').next().unwrap_or(address);
    let address = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"))
        .unwrap_or(address);
    let address = address.strip_prefix("www.").unwrap_or(address);
    Some(address.trim_end_matches('/').to_lowercase())
}

fn preview(article: &Article, span: Span) -> String {
    shorten(span.slice(article.text()).unwrap_or(""))
}

fn shorten(text: &str) -> String {
    let text = crate::text::fold_whitespace(text);
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::address_key;

    #[test]
    fn addresses_compare_without_scheme_www_slash_and_fragment() {
        let same = |a: &str, b: &str| address_key(a).is_some() && address_key(a) == address_key(b);
        assert!(same("https://www.example.org/a/", "http://example.org/a#x"));
        assert!(!same("https://example.org/a", "https://example.org/b"));
        assert!(!same("", ""));
    }
}
