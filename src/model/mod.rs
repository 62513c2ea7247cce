//! The project model: articles, tags, annotations, edits and undo history. Plain Rust, no GUI.

mod annotation;
mod article;
mod edit;
mod fresh_ids;
mod history;
mod ids;
mod listing;
mod project;
mod synthetic;
mod tag;

pub use annotation::{Annotation, CONTEXT_CHARS};
pub use article::{
    Article, ArticleMeta, CutKind, CutPassage, EncodingSource, Furniture, FurnitureKind,
    ImportReport, SourceFormat,
};
pub use edit::{Edit, EditError, TagRemoval};
pub use fresh_ids::{ID_BOUND, ID_SEED_VARIABLE};
pub use history::History;
pub use ids::{AnnotationId, ArticleId, TagId};
pub use listing::{ArticleQuery, ArticleSort, Timeline, TimelineEntry, list_articles, outlets};
pub use project::{FORMAT_VERSION, Orphan, Project};
pub use synthetic::{SeededRng, synthetic_project, synthetic_text};
pub use tag::{Rgb, Tag, default_tags};

#[cfg(test)]
mod tests;
