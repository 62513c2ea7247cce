//! Edits: every change to a project as a value, validated and applied in one place, each
//! returning its inverse so that undo, the tests and the command line share one path.

use super::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Orphan, Project, Tag, TagId,
};
use serde::{Deserialize, Serialize};

/// One change to a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Adds an annotation (at `index` in the list, or in reading order among its article's).
    AddAnnotation {
        /// The new annotation; its id must be unused.
        annotation: Annotation,
        /// Position in the project's list; `None` appends.
        index: Option<usize>,
    },
    /// Removes an annotation.
    RemoveAnnotation {
        /// Which one.
        annotation_id: AnnotationId,
    },
    /// Replaces an annotation by a changed copy with the same id and article.
    UpdateAnnotation {
        /// The changed annotation.
        annotation: Annotation,
    },
    /// Removes many annotations at once.
    RemoveAnnotations {
        /// Which ones.
        annotation_ids: Vec<AnnotationId>,
    },
    /// Puts annotations back at the given positions (the inverse of `RemoveAnnotations`).
    RestoreAnnotations {
        /// Final position and annotation, sorted by position.
        entries: Vec<(usize, Annotation)>,
    },
    /// Adds an article.
    AddArticle {
        /// The article; its id must be unused.
        article: Box<Article>,
        /// Position in the list; `None` appends.
        index: Option<usize>,
    },
    /// Removes an article that no annotation refers to (see [`Edit::remove_article`]).
    RemoveArticle {
        /// Which one.
        article_id: ArticleId,
    },
    /// Changes an article's title, outlet, authors, date, URL or language.
    SetArticleMeta {
        /// Which article.
        article_id: ArticleId,
        /// The new metadata.
        meta: ArticleMeta,
    },
    /// Accepts or rejects one page-furniture mark of an article.
    SetFurnitureRejected {
        /// Which article.
        article_id: ArticleId,
        /// Index into the article's furniture list.
        furniture_index: usize,
        /// Whether the mark is rejected (the passage counts as content).
        rejected: bool,
    },
    /// Adds a tag.
    AddTag {
        /// The tag; its id must be unused.
        tag: Tag,
        /// Position in the list; `None` appends.
        index: Option<usize>,
    },
    /// Removes a tag that no annotation uses (see [`Edit::remove_tag`]).
    RemoveTag {
        /// Which one.
        tag_id: TagId,
    },
    /// Replaces a tag by a changed copy with the same id (rename, recolour, key).
    UpdateTag {
        /// The changed tag.
        tag: Tag,
    },
    /// Moves a tag to another position in the list.
    MoveTag {
        /// Which tag.
        tag_id: TagId,
        /// Its new position.
        to_index: usize,
    },
    /// Changes the project title.
    SetTitle {
        /// The new title.
        title: String,
    },
    /// Changes the project notes.
    SetNotes {
        /// The new notes.
        notes: String,
    },
    /// Removes an orphaned annotation for good.
    DiscardOrphan {
        /// Id of the orphaned annotation.
        annotation_id: AnnotationId,
    },
    /// Puts an orphan back (the inverse of `DiscardOrphan`).
    RestoreOrphan {
        /// Position in the orphan list.
        index: usize,
        /// The orphan.
        orphan: Box<Orphan>,
    },
    /// Several edits applied as one step; all or none.
    Batch {
        /// What the step is called in the undo menu.
        label: String,
        /// The edits, in order.
        edits: Vec<Edit>,
    },
}

/// What to do with the annotations of a tag that is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagRemoval {
    /// Give them another tag.
    Reassign(TagId),
    /// Delete them.
    DeleteAnnotations,
}

/// Why an edit was refused. The project is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No article has this id.
    #[error("there is no article {article_id}")]
    NoSuchArticle {
        /// The id.
        article_id: ArticleId,
    },
    /// No tag has this id.
    #[error("there is no tag {tag_id}")]
    NoSuchTag {
        /// The id.
        tag_id: TagId,
    },
    /// No annotation has this id.
    #[error("there is no annotation {annotation_id}")]
    NoSuchAnnotation {
        /// The id.
        annotation_id: AnnotationId,
    },
    /// The id is taken.
    #[error("the id {id} is already in use")]
    DuplicateId {
        /// The id, as shown to users.
        id: String,
    },
    /// The annotation's span does not fit its article.
    #[error("the passage does not fit the article text: {source}")]
    BadSpan {
        /// What is wrong with it.
        #[source]
        source: crate::text::SpanError,
    },
    /// The stored quote differs from the text under the span.
    #[error("the quoted text does not match the article at {start}..{end}")]
    QuoteMismatch {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// An empty passage cannot be tagged.
    #[error("select some text first: an empty passage cannot be tagged")]
    EmptySpan,
    /// Annotations cannot move between articles.
    #[error("an annotation cannot move to another article")]
    ArticleChanged,
    /// Still referenced.
    #[error("{what} is still used by {num_annotations} annotations")]
    InUse {
        /// What is in use, e.g. "tag \"claim\"".
        what: String,
        /// How many annotations use it.
        num_annotations: usize,
    },
    /// A tag needs a name.
    #[error("a tag needs a name")]
    EmptyTagName,
    /// Two tags would share a name.
    #[error("there is already a tag called \"{name}\"")]
    DuplicateTagName {
        /// The name.
        name: String,
    },
    /// Two tags would share a key.
    #[error("the key {key} is already used by the tag \"{tag_name}\"")]
    DuplicateTagKey {
        /// The key.
        key: char,
        /// The tag using it.
        tag_name: String,
    },
    /// An index out of range.
    #[error("position {index} is out of range")]
    BadIndex {
        /// The index.
        index: usize,
    },
}

impl Edit {
    /// What the edit is called in the undo and redo menu entries.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Edit::AddAnnotation { .. } => "add annotation".into(),
            Edit::RemoveAnnotation { .. } => "delete annotation".into(),
            Edit::UpdateAnnotation { .. } => "edit annotation".into(),
            Edit::RemoveAnnotations { annotation_ids } => {
                format!("delete {} annotations", annotation_ids.len())
            }
            Edit::RestoreAnnotations { entries } => {
                format!("restore {} annotations", entries.len())
            }
            Edit::AddArticle { .. } => "add article".into(),
            Edit::RemoveArticle { .. } => "remove article".into(),
            Edit::SetArticleMeta { .. } => "edit article details".into(),
            Edit::SetFurnitureRejected { .. } => "change page furniture mark".into(),
            Edit::AddTag { .. } => "add tag".into(),
            Edit::RemoveTag { .. } => "remove tag".into(),
            Edit::UpdateTag { .. } => "edit tag".into(),
            Edit::MoveTag { .. } => "move tag".into(),
            Edit::SetTitle { .. } => "rename project".into(),
            Edit::SetNotes { .. } => "edit project notes".into(),
            Edit::DiscardOrphan { .. } => "discard orphaned annotation".into(),
            Edit::RestoreOrphan { .. } => "restore orphaned annotation".into(),
            Edit::Batch { label, .. } => label.clone(),
        }
    }

    /// Removes an article together with its annotations, as one undoable step.
    #[must_use]
    pub fn remove_article(project: &Project, article_id: ArticleId) -> Edit {
        let annotation_ids: Vec<AnnotationId> =
            project.annotations_of(article_id).map(|a| a.id).collect();
        let title = project
            .article(article_id)
            .map_or_else(|| article_id.to_string(), |a| a.meta.title.clone());
        Edit::Batch {
            label: format!("remove article \"{title}\""),
            edits: vec![
                Edit::RemoveAnnotations { annotation_ids },
                Edit::RemoveArticle { article_id },
            ],
        }
    }

    /// Removes a tag, first reassigning or deleting its annotations, as one undoable step.
    #[must_use]
    pub fn remove_tag(project: &Project, tag_id: TagId, removal: TagRemoval) -> Edit {
        let using: Vec<&Annotation> = project
            .annotations()
            .iter()
            .filter(|a| a.tag_id == tag_id)
            .collect();
        let mut edits = match removal {
            TagRemoval::DeleteAnnotations => vec![Edit::RemoveAnnotations {
                annotation_ids: using.iter().map(|a| a.id).collect(),
            }],
            TagRemoval::Reassign(other) => using
                .iter()
                .map(|a| Edit::UpdateAnnotation {
                    annotation: Annotation {
                        tag_id: other,
                        ..(*a).clone()
                    },
                })
                .collect(),
        };
        edits.push(Edit::RemoveTag { tag_id });
        let name = project.tag(tag_id).map_or("?", |t| t.name.as_str());
        Edit::Batch {
            label: format!("remove tag \"{name}\""),
            edits,
        }
    }
}

/// Applies `edit` to `project`, returning the inverse; leaves the project unchanged on error.
pub(super) fn apply(project: &mut Project, edit: Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddAnnotation { annotation, index } => add_annotation(project, annotation, index),
        Edit::RemoveAnnotation { annotation_id } => {
            let parts = project.parts_mut();
            let index = position_of(parts.annotations, annotation_id)?;
            let annotation = parts.annotations.remove(index);
            Ok(Edit::AddAnnotation {
                annotation,
                index: Some(index),
            })
        }
        Edit::UpdateAnnotation { annotation } => update_annotation(project, annotation),
        Edit::RemoveAnnotations { annotation_ids } => remove_annotations(project, &annotation_ids),
        Edit::RestoreAnnotations { entries } => restore_annotations(project, entries),
        Edit::AddArticle { article, index } => {
            let parts = project.parts_mut();
            if parts.articles.iter().any(|a| a.id == article.id) {
                return Err(EditError::DuplicateId {
                    id: article.id.to_string(),
                });
            }
            let article_id = article.id;
            insert_at(parts.articles, index, *article)?;
            Ok(Edit::RemoveArticle { article_id })
        }
        Edit::RemoveArticle { article_id } => {
            let num_annotations = project.annotations_of(article_id).count();
            if num_annotations > 0 {
                return Err(EditError::InUse {
                    what: format!("article {article_id}"),
                    num_annotations,
                });
            }
            let parts = project.parts_mut();
            let index = parts
                .articles
                .iter()
                .position(|a| a.id == article_id)
                .ok_or(EditError::NoSuchArticle { article_id })?;
            let article = parts.articles.remove(index);
            Ok(Edit::AddArticle {
                article: Box::new(article),
                index: Some(index),
            })
        }
        Edit::SetArticleMeta { article_id, meta } => {
            let article = article_mut(project, article_id)?;
            let old = std::mem::replace(&mut article.meta, meta);
            Ok(Edit::SetArticleMeta {
                article_id,
                meta: old,
            })
        }
        Edit::SetFurnitureRejected {
            article_id,
            furniture_index,
            rejected,
        } => {
            let article = article_mut(project, article_id)?;
            let mark = article
                .furniture
                .get_mut(furniture_index)
                .ok_or(EditError::BadIndex {
                    index: furniture_index,
                })?;
            let old = std::mem::replace(&mut mark.rejected, rejected);
            Ok(Edit::SetFurnitureRejected {
                article_id,
                furniture_index,
                rejected: old,
            })
        }
        Edit::AddTag { tag, index } => {
            check_tag(project.tags(), &tag)?;
            if project.tag(tag.id).is_some() {
                return Err(EditError::DuplicateId {
                    id: tag.id.to_string(),
                });
            }
            let tag_id = tag.id;
            insert_at(project.parts_mut().tags, index, tag)?;
            Ok(Edit::RemoveTag { tag_id })
        }
        Edit::RemoveTag { tag_id } => {
            let num_annotations = project
                .annotations()
                .iter()
                .filter(|a| a.tag_id == tag_id)
                .count();
            let tags = project.parts_mut().tags;
            let index = tags
                .iter()
                .position(|t| t.id == tag_id)
                .ok_or(EditError::NoSuchTag { tag_id })?;
            if num_annotations > 0 {
                return Err(EditError::InUse {
                    what: format!("the tag \"{}\"", tags[index].name),
                    num_annotations,
                });
            }
            let tag = tags.remove(index);
            Ok(Edit::AddTag {
                tag,
                index: Some(index),
            })
        }
        Edit::UpdateTag { tag } => {
            let others: Vec<Tag> = project
                .tags()
                .iter()
                .filter(|t| t.id != tag.id)
                .cloned()
                .collect();
            check_tag(&others, &tag)?;
            let slot = project
                .parts_mut()
                .tags
                .iter_mut()
                .find(|t| t.id == tag.id)
                .ok_or(EditError::NoSuchTag { tag_id: tag.id })?;
            let old = std::mem::replace(slot, tag);
            Ok(Edit::UpdateTag { tag: old })
        }
        Edit::MoveTag { tag_id, to_index } => {
            let tags = project.parts_mut().tags;
            let from = tags
                .iter()
                .position(|t| t.id == tag_id)
                .ok_or(EditError::NoSuchTag { tag_id })?;
            if to_index >= tags.len() {
                return Err(EditError::BadIndex { index: to_index });
            }
            let tag = tags.remove(from);
            tags.insert(to_index, tag);
            Ok(Edit::MoveTag {
                tag_id,
                to_index: from,
            })
        }
        Edit::SetTitle { title } => {
            let old = std::mem::replace(project.parts_mut().title, title);
            Ok(Edit::SetTitle { title: old })
        }
        Edit::SetNotes { notes } => {
            let old = std::mem::replace(project.parts_mut().notes, notes);
            Ok(Edit::SetNotes { notes: old })
        }
        Edit::DiscardOrphan { annotation_id } => {
            let orphans = project.parts_mut().orphans;
            let index = orphans
                .iter()
                .position(|o| o.annotation.id == annotation_id)
                .ok_or(EditError::NoSuchAnnotation { annotation_id })?;
            let orphan = orphans.remove(index);
            Ok(Edit::RestoreOrphan {
                index,
                orphan: Box::new(orphan),
            })
        }
        Edit::RestoreOrphan { index, orphan } => {
            let annotation_id = orphan.annotation.id;
            insert_at(project.parts_mut().orphans, Some(index), *orphan)?;
            Ok(Edit::DiscardOrphan { annotation_id })
        }
        Edit::Batch { label, edits } => apply_batch(project, label, edits),
    }
}

/// Runs of at least this many new annotations without an index are added in one pass.
const BULK_ADD_MIN: usize = 32;

fn apply_batch(project: &mut Project, label: String, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for step in bulk_runs(edits) {
        let result = match step {
            BatchStep::One(edit) => apply(project, *edit),
            BatchStep::Bulk(annotations) => add_annotations(project, annotations),
        };
        match result {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                // Roll back what was applied so the project is unchanged.
                for inverse in inverses.into_iter().rev() {
                    let _ = apply(project, inverse);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch {
        label,
        edits: inverses,
    })
}

/// One step of a batch: an edit, or a run of new annotations added together.
enum BatchStep {
    One(Box<Edit>),
    Bulk(Vec<Annotation>),
}

/// Groups runs of [`BULK_ADD_MIN`] or more `AddAnnotation`s without an index, so that a batch
/// of n new annotations (an import) takes linear time, not n checks and inserts into a list.
fn bulk_runs(edits: Vec<Edit>) -> Vec<BatchStep> {
    let mut steps = Vec::new();
    let mut run: Vec<Annotation> = Vec::new();
    let flush = |run: &mut Vec<Annotation>, steps: &mut Vec<BatchStep>| {
        if run.len() >= BULK_ADD_MIN {
            steps.push(BatchStep::Bulk(std::mem::take(run)));
        } else {
            steps.extend(run.drain(..).map(|annotation| {
                BatchStep::One(Box::new(Edit::AddAnnotation {
                    annotation,
                    index: None,
                }))
            }));
        }
    };
    for edit in edits {
        match edit {
            Edit::AddAnnotation {
                annotation,
                index: None,
            } => run.push(annotation),
            other => {
                flush(&mut run, &mut steps);
                steps.push(BatchStep::One(Box::new(other)));
            }
        }
    }
    flush(&mut run, &mut steps);
    steps
}

/// Adds many annotations at once, each where [`reading_position`] would put it if they were
/// added one by one, in one pass over the project's annotations. Checks all before changing
/// anything.
fn add_annotations(project: &mut Project, new: Vec<Annotation>) -> Result<Edit, EditError> {
    use std::collections::{HashMap, HashSet, VecDeque};
    let mut ids: HashSet<AnnotationId> = project
        .annotations()
        .iter()
        .map(|a| a.id)
        .chain(project.orphans().iter().map(|o| o.annotation.id))
        .collect();
    let tags: HashSet<TagId> = project.tags().iter().map(|t| t.id).collect();
    let articles: HashMap<ArticleId, &Article> =
        project.articles().iter().map(|a| (a.id, a)).collect();
    for annotation in &new {
        check_annotation_in(
            articles.get(&annotation.article_id).copied(),
            tags.contains(&annotation.tag_id),
            annotation,
        )?;
        if !ids.insert(annotation.id) {
            return Err(EditError::DuplicateId {
                id: annotation.id.to_string(),
            });
        }
    }
    let annotation_ids: Vec<AnnotationId> = new.iter().map(|a| a.id).collect();
    let mut article_order: Vec<ArticleId> = Vec::new();
    let mut queues: HashMap<ArticleId, VecDeque<Annotation>> = HashMap::new();
    for annotation in new {
        let queue = queues.entry(annotation.article_id).or_insert_with(|| {
            article_order.push(annotation.article_id);
            VecDeque::new()
        });
        queue.push_back(annotation);
    }
    for queue in queues.values_mut() {
        // Stable: annotations of equal spans keep their order.
        queue
            .make_contiguous()
            .sort_by_key(|a| (a.span.start, a.span.end));
    }
    let parts = project.parts_mut();
    let existing = std::mem::take(parts.annotations);
    let mut last_of: HashMap<ArticleId, usize> = HashMap::new();
    for (index, annotation) in existing.iter().enumerate() {
        last_of.insert(annotation.article_id, index);
    }
    let mut merged = Vec::with_capacity(existing.len() + annotation_ids.len());
    for (index, annotation) in existing.into_iter().enumerate() {
        let article_id = annotation.article_id;
        if let Some(queue) = queues.get_mut(&article_id) {
            let key = (annotation.span.start, annotation.span.end);
            while queue
                .front()
                .is_some_and(|n| key > (n.span.start, n.span.end))
            {
                merged.extend(queue.pop_front());
            }
        }
        merged.push(annotation);
        if last_of.get(&article_id) == Some(&index)
            && let Some(queue) = queues.remove(&article_id)
        {
            merged.extend(queue);
        }
    }
    for article_id in article_order {
        if let Some(queue) = queues.remove(&article_id) {
            merged.extend(queue);
        }
    }
    *parts.annotations = merged;
    Ok(Edit::RemoveAnnotations { annotation_ids })
}

fn add_annotation(
    project: &mut Project,
    annotation: Annotation,
    index: Option<usize>,
) -> Result<Edit, EditError> {
    check_annotation(project, &annotation)?;
    if project.annotation(annotation.id).is_some()
        || project
            .orphans()
            .iter()
            .any(|o| o.annotation.id == annotation.id)
    {
        return Err(EditError::DuplicateId {
            id: annotation.id.to_string(),
        });
    }
    let annotation_id = annotation.id;
    let annotations = project.parts_mut().annotations;
    let index = index.or_else(|| Some(reading_position(annotations, &annotation)));
    insert_at(annotations, index, annotation)?;
    Ok(Edit::RemoveAnnotation { annotation_id })
}

fn update_annotation(project: &mut Project, annotation: Annotation) -> Result<Edit, EditError> {
    let old_article = project
        .annotation(annotation.id)
        .ok_or(EditError::NoSuchAnnotation {
            annotation_id: annotation.id,
        })?
        .article_id;
    if old_article != annotation.article_id {
        return Err(EditError::ArticleChanged);
    }
    check_annotation(project, &annotation)?;
    let parts = project.parts_mut();
    let index = position_of(parts.annotations, annotation.id)?;
    let old = std::mem::replace(&mut parts.annotations[index], annotation);
    Ok(Edit::UpdateAnnotation { annotation: old })
}

fn remove_annotations(
    project: &mut Project,
    annotation_ids: &[AnnotationId],
) -> Result<Edit, EditError> {
    let wanted: std::collections::HashSet<AnnotationId> = annotation_ids.iter().copied().collect();
    let parts = project.parts_mut();
    let found = parts
        .annotations
        .iter()
        .filter(|a| wanted.contains(&a.id))
        .count();
    if found != wanted.len() {
        let missing = annotation_ids
            .iter()
            .find(|id| !parts.annotations.iter().any(|a| a.id == **id))
            .copied()
            .unwrap_or(AnnotationId(0));
        return Err(EditError::NoSuchAnnotation {
            annotation_id: missing,
        });
    }
    let mut entries = Vec::with_capacity(found);
    let mut kept = Vec::with_capacity(parts.annotations.len() - found);
    for (index, annotation) in std::mem::take(parts.annotations).into_iter().enumerate() {
        if wanted.contains(&annotation.id) {
            entries.push((index, annotation));
        } else {
            kept.push(annotation);
        }
    }
    *parts.annotations = kept;
    Ok(Edit::RestoreAnnotations { entries })
}

fn restore_annotations(
    project: &mut Project,
    mut entries: Vec<(usize, Annotation)>,
) -> Result<Edit, EditError> {
    entries.sort_by_key(|(index, _)| *index);
    let mut seen: std::collections::HashSet<AnnotationId> = project
        .annotations()
        .iter()
        .map(|a| a.id)
        .chain(project.orphans().iter().map(|o| o.annotation.id))
        .collect();
    for (_, annotation) in &entries {
        check_annotation(project, annotation)?;
        if !seen.insert(annotation.id) {
            return Err(EditError::DuplicateId {
                id: annotation.id.to_string(),
            });
        }
    }
    let annotation_ids = entries.iter().map(|(_, a)| a.id).collect();
    let parts = project.parts_mut();
    let total = parts.annotations.len() + entries.len();
    if let Some((index, _)) = entries.iter().find(|(index, _)| *index >= total) {
        return Err(EditError::BadIndex { index: *index });
    }
    let mut existing = std::mem::take(parts.annotations).into_iter();
    let mut entries = entries.into_iter().peekable();
    let mut merged = Vec::with_capacity(total);
    for position in 0..total {
        match entries.next_if(|(index, _)| *index == position) {
            Some((_, annotation)) => merged.push(annotation),
            None => merged.extend(existing.next()),
        }
    }
    merged.extend(existing);
    *parts.annotations = merged;
    Ok(Edit::RemoveAnnotations { annotation_ids })
}

/// Checks an annotation against its article and the tag set.
pub(crate) fn check_annotation(
    project: &Project,
    annotation: &Annotation,
) -> Result<(), EditError> {
    check_annotation_in(
        project.article(annotation.article_id),
        project.tag(annotation.tag_id).is_some(),
        annotation,
    )
}

/// [`check_annotation`] with the article and whether the tag exists already looked up.
fn check_annotation_in(
    article: Option<&Article>,
    tag_exists: bool,
    annotation: &Annotation,
) -> Result<(), EditError> {
    let article = article.ok_or(EditError::NoSuchArticle {
        article_id: annotation.article_id,
    })?;
    if !tag_exists {
        return Err(EditError::NoSuchTag {
            tag_id: annotation.tag_id,
        });
    }
    if annotation.span.is_empty() {
        return Err(EditError::EmptySpan);
    }
    annotation
        .span
        .check(article.text())
        .map_err(|source| EditError::BadSpan { source })?;
    if !annotation.is_anchored_in(article.text()) {
        return Err(EditError::QuoteMismatch {
            start: annotation.span.start,
            end: annotation.span.end,
        });
    }
    Ok(())
}

fn check_tag(others: &[Tag], tag: &Tag) -> Result<(), EditError> {
    let name = tag.name.trim();
    if name.is_empty() {
        return Err(EditError::EmptyTagName);
    }
    for other in others.iter().filter(|t| t.id != tag.id) {
        if other.name.trim().eq_ignore_ascii_case(name) {
            return Err(EditError::DuplicateTagName {
                name: name.to_owned(),
            });
        }
        if let (Some(key), Some(other_key)) = (tag.key, other.key)
            && key == other_key
        {
            return Err(EditError::DuplicateTagKey {
                key,
                tag_name: other.name.clone(),
            });
        }
    }
    Ok(())
}

fn position_of(
    annotations: &[Annotation],
    annotation_id: AnnotationId,
) -> Result<usize, EditError> {
    annotations
        .iter()
        .position(|a| a.id == annotation_id)
        .ok_or(EditError::NoSuchAnnotation { annotation_id })
}

fn article_mut(project: &mut Project, article_id: ArticleId) -> Result<&mut Article, EditError> {
    project
        .parts_mut()
        .articles
        .iter_mut()
        .find(|a| a.id == article_id)
        .ok_or(EditError::NoSuchArticle { article_id })
}

/// Where a new annotation goes when no index is given: among its article's annotations, before
/// the first that starts later; after the article's last; or at the end. Annotations then stay
/// in reading order, so two people tagging different passages change different lines of the
/// project file and git merges their work without a conflict.
fn reading_position(annotations: &[Annotation], new: &Annotation) -> usize {
    let later = annotations.iter().position(|a| {
        a.article_id == new.article_id
            && (a.span.start, a.span.end) > (new.span.start, new.span.end)
    });
    later
        .or_else(|| {
            annotations
                .iter()
                .rposition(|a| a.article_id == new.article_id)
                .map(|last| last + 1)
        })
        .unwrap_or(annotations.len())
}

fn insert_at<T>(list: &mut Vec<T>, index: Option<usize>, item: T) -> Result<(), EditError> {
    match index {
        None => list.push(item),
        Some(index) if index <= list.len() => list.insert(index, item),
        Some(index) => return Err(EditError::BadIndex { index }),
    }
    Ok(())
}
