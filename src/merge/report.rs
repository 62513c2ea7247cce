//! What a merge did: additions per side, identical annotations and true conflicts.

use crate::model::EditError;

/// What one merged-in project (one of `theirs`) contributed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SideReport {
    /// Articles whose text the result did not have.
    pub articles_added: usize,
    /// Tags whose name the result did not have.
    pub tags_added: usize,
    /// Annotations the result did not have.
    pub annotations_added: usize,
    /// Annotations this side changed (relative to the base) and the result had not.
    pub annotations_updated: usize,
    /// Annotations this side removed (relative to the base) and the result had not changed.
    pub annotations_removed: usize,
    /// Annotations given a new id because the result used theirs for another annotation.
    pub annotations_renumbered: usize,
}

/// Something both sides changed differently; the merged project keeps ours (or, where one side
/// removed what the other changed, the changed version, so that no work is lost).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeConflict {
    /// Index into `theirs` of the project that conflicts with the result so far.
    pub side: usize,
    /// What conflicts, e.g. `annotation n5 "Die Studie belegt …"`.
    pub subject: String,
    /// What each side did and what the merged project keeps.
    pub description: String,
}

/// The outcome of [`merge_projects`](super::merge_projects).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// One entry per project in `theirs`, in order.
    pub sides: Vec<SideReport>,
    /// Annotations found with the same content on both sides (kept once).
    pub identical_annotations: usize,
    /// True conflicts; empty when the merge is clean.
    pub conflicts: Vec<MergeConflict>,
}

impl MergeReport {
    /// Whether nothing conflicted.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// A summary in sentences, one per line, for the command line and the app.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (index, side) in self.sides.iter().enumerate() {
            lines.push(format!(
                "project {}: {} articles, {} tags and {} annotations added, {} annotations updated, {} removed, {} renumbered",
                index + 1,
                side.articles_added,
                side.tags_added,
                side.annotations_added,
                side.annotations_updated,
                side.annotations_removed,
                side.annotations_renumbered
            ));
        }
        lines.push(format!(
            "{} annotations identical on both sides",
            self.identical_annotations
        ));
        for conflict in &self.conflicts {
            lines.push(format!(
                "conflict with project {}: {}: {}",
                conflict.side + 1,
                conflict.subject,
                conflict.description
            ));
        }
        lines
    }
}

/// Why projects could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// No project to merge into ours.
    #[error("there is no project to merge: give at least one besides ours")]
    NothingToMerge,
    /// Applying a merged change to the result failed (a bug: the merge builds valid edits).
    #[error("could not merge {what}: {source}")]
    Edit {
        /// What was being merged.
        what: String,
        /// Why the project refused it.
        #[source]
        source: EditError,
    },
}
