//! The project: articles, tag set, annotations and notes, changed only through [`Edit`]s.

use super::fresh_ids::{fresh_value, next_or_fresh};
use super::{
    Annotation, AnnotationId, Article, ArticleId, Edit, EditError, Tag, TagId, default_tags,
};
use serde::{Deserialize, Serialize};

/// The project file format this version of Lateral writes.
pub const FORMAT_VERSION: u32 = 1;

/// An annotation that could not be placed in its article's text when the project was loaded.
///
/// Orphans are kept in the project file so that no work is lost; the app lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Orphan {
    /// The annotation as it was stored.
    pub annotation: Annotation,
    /// Why it could not be placed.
    pub reason: String,
}

/// A Lateral project. Fields are private: every change goes through [`Project::apply`], which
/// validates it and returns its inverse for undo.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Version of the file format; written first so that a reader can check it early.
    format_version: u32,
    title: String,
    #[serde(default)]
    notes: String,
    tags: Vec<Tag>,
    articles: Vec<Article>,
    #[serde(default)]
    annotations: Vec<Annotation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    orphans: Vec<Orphan>,
    /// Counts applied edits; caches key on it. Never saved.
    #[serde(skip)]
    revision: u64,
}

/// Equal when the content is equal; the revision counter is not content.
impl PartialEq for Project {
    fn eq(&self, other: &Self) -> bool {
        self.format_version == other.format_version
            && self.title == other.title
            && self.notes == other.notes
            && self.tags == other.tags
            && self.articles == other.articles
            && self.annotations == other.annotations
            && self.orphans == other.orphans
    }
}

impl Eq for Project {}

impl Default for Project {
    fn default() -> Self {
        Self::new("Untitled project")
    }
}

impl Project {
    /// An empty project with the default tag set.
    #[must_use]
    pub fn new(title: &str) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: title.to_owned(),
            notes: String::new(),
            tags: default_tags(),
            articles: Vec::new(),
            annotations: Vec::new(),
            orphans: Vec::new(),
            revision: 0,
        }
    }

    /// The file format version the project was read from (or will be written as).
    #[must_use]
    pub fn format_version(&self) -> u32 {
        self.format_version
    }

    /// Marks the project as being in the current format, before saving.
    pub(crate) fn set_current_format(&mut self) {
        self.format_version = FORMAT_VERSION;
    }

    /// The project's title.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Free-text project notes.
    #[must_use]
    pub fn notes(&self) -> &str {
        &self.notes
    }

    /// The tag set, in display order.
    #[must_use]
    pub fn tags(&self) -> &[Tag] {
        &self.tags
    }

    /// The articles, in display order.
    #[must_use]
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Every placed annotation.
    #[must_use]
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Annotations that could not be placed when the file was loaded.
    #[must_use]
    pub fn orphans(&self) -> &[Orphan] {
        &self.orphans
    }

    /// Increases with every applied edit; use it to key caches of derived data.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The article with this id.
    #[must_use]
    pub fn article(&self, article_id: ArticleId) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == article_id)
    }

    /// The tag with this id.
    #[must_use]
    pub fn tag(&self, tag_id: TagId) -> Option<&Tag> {
        self.tags.iter().find(|t| t.id == tag_id)
    }

    /// The annotation with this id.
    #[must_use]
    pub fn annotation(&self, annotation_id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == annotation_id)
    }

    /// Annotations of one article, in project order.
    pub fn annotations_of(&self, article_id: ArticleId) -> impl Iterator<Item = &Annotation> {
        self.annotations
            .iter()
            .filter(move |a| a.article_id == article_id)
    }

    /// A new article id: one more than the largest, so that ids stay short enough to type
    /// (`lateral compare a2 a5`); a random one (below [`ID_BOUND`](super::ID_BOUND)) when that
    /// would reach the bound, so it never wraps. Articles added independently on two copies
    /// are matched by text and renumbered by `lateral merge`.
    #[must_use]
    pub fn fresh_article_id(&self) -> ArticleId {
        let in_use = |value| self.articles.iter().any(|a| a.id.0 == value);
        ArticleId(next_or_fresh(self.articles.iter().map(|a| a.id.0), in_use))
    }

    /// A new tag id, one more than the largest like [`Project::fresh_article_id`].
    #[must_use]
    pub fn fresh_tag_id(&self) -> TagId {
        let in_use = |value| self.tags.iter().any(|t| t.id.0 == value);
        TagId(next_or_fresh(self.tags.iter().map(|t| t.id.0), in_use))
    }

    /// A new annotation id that no annotation here (placed or orphaned) has: random (below
    /// [`ID_BOUND`](super::ID_BOUND)), so that two people adding annotations independently (on
    /// two git branches, in two copies) do not both pick it. Successive calls in one process
    /// never return the same id, even before it is added.
    ///
    /// ```
    /// use lateral::model::Project;
    /// let project = Project::new("Demo");
    /// assert_ne!(project.fresh_annotation_id(), project.fresh_annotation_id());
    /// ```
    #[must_use]
    pub fn fresh_annotation_id(&self) -> AnnotationId {
        AnnotationId(fresh_value(|value| {
            self.annotations.iter().any(|a| a.id.0 == value)
                || self.orphans.iter().any(|o| o.annotation.id.0 == value)
        }))
    }

    /// Endless new annotation ids, as [`Self::fresh_annotation_id`] gives them, for adding
    /// many annotations at once: the ids in use are looked up in a set built once, so n ids
    /// take linear time. Ids are not repeated within the process.
    ///
    /// ```
    /// use lateral::model::Project;
    /// let ids: Vec<_> = Project::new("Demo").fresh_annotation_ids().take(3).collect();
    /// assert!(ids[0] != ids[1] && ids[1] != ids[2]);
    /// ```
    pub fn fresh_annotation_ids(&self) -> impl Iterator<Item = AnnotationId> + use<> {
        let in_use: std::collections::HashSet<u64> = self
            .annotations
            .iter()
            .map(|a| a.id.0)
            .chain(self.orphans.iter().map(|o| o.annotation.id.0))
            .collect();
        std::iter::repeat_with(move || AnnotationId(fresh_value(|value| in_use.contains(&value))))
    }

    /// Speakers used in the project, sorted and without duplicates (for suggestions).
    #[must_use]
    pub fn speakers(&self) -> Vec<&str> {
        let mut speakers: Vec<&str> = self
            .annotations
            .iter()
            .map(|a| a.speaker.trim())
            .filter(|s| !s.is_empty())
            .collect();
        speakers.sort_unstable();
        speakers.dedup();
        speakers
    }

    /// Applies an edit after validating it; returns the edit that undoes it.
    ///
    /// On error the project is unchanged.
    ///
    /// ```
    /// use lateral::model::{Edit, Project};
    /// let mut project = Project::new("Demo");
    /// let undo = project.apply(Edit::SetTitle { title: "Studie".into() }).unwrap();
    /// assert_eq!(project.title(), "Studie");
    /// project.apply(undo).unwrap();
    /// assert_eq!(project.title(), "Demo");
    /// ```
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        let inverse = super::edit::apply(self, edit)?;
        self.revision += 1;
        Ok(inverse)
    }

    // Raw access for the edit and load modules only; they keep the invariants.
    pub(crate) fn parts_mut(&mut self) -> ProjectParts<'_> {
        ProjectParts {
            title: &mut self.title,
            notes: &mut self.notes,
            tags: &mut self.tags,
            articles: &mut self.articles,
            annotations: &mut self.annotations,
            orphans: &mut self.orphans,
        }
    }
}

/// Mutable views of a project's parts, for the modules that keep its invariants.
pub(crate) struct ProjectParts<'a> {
    pub title: &'a mut String,
    pub notes: &'a mut String,
    pub tags: &'a mut Vec<Tag>,
    pub articles: &'a mut Vec<Article>,
    pub annotations: &'a mut Vec<Annotation>,
    pub orphans: &'a mut Vec<Orphan>,
}
