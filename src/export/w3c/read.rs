//! Reading W3C Web Annotations (and Hypothesis' JSON) into edits for an existing project.

use super::ARTICLE_URN;
use super::fields::{
    Target, annotation_items, creator, note_and_speaker, read_target, tag_names, timestamp,
};
use super::write::article_source;
use crate::export::{CharIndex, W3cError};
use crate::io::reanchor::{Placement, place};
use crate::model::{Annotation, AnnotationId, Article, Edit, Project, Rgb, Tag, TagId};
use crate::text::Span;
use jiff::Timestamp;
use serde_json::Value;

/// Annotations read from a W3C file, as edits for the caller to apply in one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct W3cImport {
    /// New tags first, then the new annotations.
    pub edits: Vec<Edit>,
    /// Number of annotations among the edits.
    pub num_imported: usize,
    /// Annotations that were not imported, with the reason.
    pub skipped: Vec<String>,
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
}

/// Reads W3C annotations (a collection, a page, an array or one annotation) and places each in
/// the project's article whose URL (or `urn:lateral:article:N`) is the target's `source`, or
/// else in the first article containing the quote. The project is not changed.
///
/// Annotations already in the project (same article, passage and tag) are skipped. If no
/// annotation can be placed, the import fails with [`W3cError::NothingMatched`].
pub fn import_w3c(project: &Project, json: &[u8]) -> Result<W3cImport, W3cError> {
    let root: Value = serde_json::from_slice(json).map_err(|e| W3cError::Json {
        message: e.to_string(),
    })?;
    let items = annotation_items(&root)?;
    let mut state = Importer {
        project,
        result: W3cImport {
            edits: Vec::new(),
            num_imported: 0,
            skipped: Vec::new(),
        },
        new_tags: Vec::new(),
        next_annotation_id: project.fresh_annotation_id().0,
        placed: Vec::new(),
    };
    for (number, item) in items.iter().enumerate() {
        if let Err(reason) = state.import_one(item) {
            state
                .result
                .skipped
                .push(format!("annotation {}: {reason}", number + 1));
        }
    }
    let Importer {
        mut result,
        new_tags,
        placed,
        ..
    } = state;
    if placed.is_empty() {
        return Err(W3cError::NothingMatched {
            num_annotations: items.len(),
            first_problem: result
                .skipped
                .first()
                .cloned()
                .unwrap_or_else(|| "the file is empty".into()),
        });
    }
    let mut edits: Vec<Edit> = new_tags
        .into_iter()
        .map(|tag| Edit::AddTag { tag, index: None })
        .collect();
    result.num_imported = placed.len();
    edits.extend(placed.into_iter().map(|annotation| Edit::AddAnnotation {
        annotation,
        index: None,
    }));
    result.edits = edits;
    Ok(result)
}

struct Importer<'a> {
    project: &'a Project,
    result: W3cImport,
    new_tags: Vec<Tag>,
    next_annotation_id: u64,
    placed: Vec<Annotation>,
}

impl Importer<'_> {
    fn import_one(&mut self, item: &Value) -> Result<(), String> {
        let target = read_target(item).ok_or("it has no target with a text selector")?;
        let project = self.project;
        let (article, span) = locate(project, &target)?;
        let tag_names = tag_names(item);
        let created = timestamp(item, "created");
        let modified = item
            .get("modified")
            .or_else(|| item.get("updated"))
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok())
            .unwrap_or(created);
        let (note, speaker) = note_and_speaker(item);
        let annotator = creator(item);
        for tag_name in if tag_names.is_empty() {
            vec!["imported".to_owned()]
        } else {
            tag_names
        } {
            let tag_id = self.tag_id(&tag_name);
            let duplicate = |a: &Annotation| {
                a.article_id == article.id
                    && a.span == span
                    && a.tag_id == tag_id
                    && a.annotator == annotator
            };
            if self
                .project
                .annotations()
                .iter()
                .chain(&self.placed)
                .any(duplicate)
            {
                self.result.skipped.push(format!(
                    "\"{tag_name}\" on \"{}\" is already in the project",
                    preview(article, span)
                ));
                continue;
            }
            let annotation_id = self.project.fresh_annotation_id();
            let mut annotation =
                Annotation::of_span(annotation_id, article.id, article.text(), span, tag_id)
                    .ok_or("its passage does not fit the article")?;
            self.next_annotation_id += 1;
            annotation.note.clone_from(&note);
            annotation.speaker.clone_from(&speaker);
            annotation.annotator.clone_from(&annotator);
            annotation.created = created;
            annotation.modified = modified;
            self.placed.push(annotation);
        }
        Ok(())
    }

    fn tag_id(&mut self, name: &str) -> TagId {
        let known = self
            .project
            .tags()
            .iter()
            .chain(&self.new_tags)
            .find(|t| t.name.eq_ignore_ascii_case(name));
        if let Some(tag) = known {
            return tag.id;
        }
        let id = TagId(self.project.fresh_tag_id().0 + self.new_tags.len() as u64);
        self.new_tags.push(Tag {
            id,
            name: name.to_owned(),
            description: "Imported from a W3C annotation file".into(),
            colour: Rgb(0x9b, 0x9b, 0x9b),
            key: None,
            has_speaker: false,
        });
        id
    }
}

/// The article and byte span of the target.
fn locate<'p>(project: &'p Project, target: &Target<'_>) -> Result<(&'p Article, Span), String> {
    let articles = project.articles();

    let by_source = articles.iter().find(|a| {
        article_source(a) == target.source
            || target
                .source
                .strip_prefix(ARTICLE_URN)
                .and_then(|n| n.parse().ok())
                == Some(a.id.0)
    });
    if let Some(article) = by_source {
        return place_in(article, target)
            .map(|span| (article, span))
            .ok_or_else(|| format!("its quote is not in the article \"{}\"", article.meta.title));
    }
    articles
        .iter()
        .find_map(|article| {
            place_in(article, target)
                .filter(|_| target.exact.is_some())
                .map(|span| (article, span))
        })
        .ok_or_else(|| match target.exact {
            Some(exact) => format!("no article contains its quote \"{}\"", shorten(exact)),
            None => format!("no article has the source {}", target.source),
        })
}

/// Places the target in `article`: at its position if the quote is there, else by quote and
/// context; without a quote, at its position.
fn place_in(article: &Article, target: &Target<'_>) -> Option<Span> {
    let text = article.text();
    let index = CharIndex::new(text);
    let by_position = target.position.and_then(|(start, end)| {
        Some(Span::new(
            index.byte_of_char(start)?,
            index.byte_of_char(end)?,
        ))
        .filter(|s| !s.is_empty())
    });
    let Some(exact) = target.exact.filter(|e| !e.is_empty()) else {
        return by_position;
    };
    let guess = by_position.unwrap_or(Span::new(0, 0));
    let probe = Annotation {
        id: AnnotationId(0),
        article_id: article.id,
        span: guess,
        quote: exact.to_owned(),
        prefix: target.prefix.to_owned(),
        suffix: target.suffix.to_owned(),
        tag_id: TagId(0),
        note: String::new(),
        speaker: String::new(),
        annotator: String::new(),
        created: Timestamp::UNIX_EPOCH,
        modified: Timestamp::UNIX_EPOCH,
        linked: Vec::new(),
    };
    match place(text, &probe) {
        Placement::InPlace => Some(guess),
        Placement::Moved(span) => Some(span),
        Placement::NotFound => None,
    }
}

fn preview(article: &Article, span: Span) -> String {
    shorten(span.slice(article.text()).unwrap_or(""))
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}
