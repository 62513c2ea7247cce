//! Merging projects of the same articles: a class's copies, two coders, two git branches.
//!
//! Articles are matched by their text (never by id or title), tags by name, annotations by id
//! and, where ids collided, by content. Every annotator's work is kept; what both sides changed
//! differently is reported as a conflict instead of guessed. With a base (the common ancestor
//! of two git branches) a change is told from an addition and a removal is honoured; without
//! one, the projects are combined and nothing is removed.
//!
//! ```
//! use lateral::merge::merge_projects;
//! use lateral::model::Project;
//! let ours = Project::new("Class");
//! let theirs = ours.clone();
//! let (merged, report) = merge_projects(Some(&ours), &ours, &[&theirs]).unwrap();
//! assert!(report.is_clean());
//! assert_eq!(merged, ours);
//! ```

mod annotations;
mod report;
#[cfg(test)]
mod tests;

pub use report::{MergeConflict, MergeError, MergeReport, SideReport};

use crate::model::{ArticleId, Edit, Project, Tag, TagId};
use std::collections::HashMap;

/// Merges `theirs` into a copy of `ours`, one after the other, relative to `base` when given.
///
/// Returns the merged project and a [`MergeReport`] (additions per side, identical
/// annotations, conflicts). Conflicts do not fail the merge: the result keeps ours for them
/// (or the changed version where one side removed what the other changed), and the report
/// lists them; a caller acting as a git merge driver exits non-zero when it is not clean.
pub fn merge_projects(
    base: Option<&Project>,
    ours: &Project,
    theirs: &[&Project],
) -> Result<(Project, MergeReport), MergeError> {
    if theirs.is_empty() {
        return Err(MergeError::NothingToMerge);
    }
    let mut merged = ours.clone();
    let mut report = MergeReport::default();
    for (side, other) in theirs.iter().enumerate() {
        let mut merge = SideMerge {
            base,
            other,
            side,
            report: &mut report,
            side_report: SideReport::default(),
        };
        merge.run(&mut merged)?;
        let side_report = merge.side_report;
        report.sides.push(side_report);
    }
    Ok((merged, report))
}

/// Ids of one project's articles and tags in the merged project.
#[derive(Default)]
pub(crate) struct IdMaps {
    articles: HashMap<ArticleId, ArticleId>,
    tags: HashMap<TagId, TagId>,
}

/// Maps `from`'s articles (by text) and tags (by name) onto `onto`'s; unmatched ones are absent.
pub(crate) fn match_ids(from: &Project, onto: &Project) -> IdMaps {
    let texts: HashMap<&str, ArticleId> =
        onto.articles().iter().map(|a| (a.text(), a.id)).collect();
    let articles = from
        .articles()
        .iter()
        .filter_map(|a| Some((a.id, *texts.get(a.text())?)))
        .collect();
    let tags = from
        .tags()
        .iter()
        .filter_map(|t| Some((t.id, tag_named(onto, &t.name)?.id)))
        .collect();
    IdMaps { articles, tags }
}

fn tag_named<'p>(project: &'p Project, name: &str) -> Option<&'p Tag> {
    let name = name.trim();
    project
        .tags()
        .iter()
        .find(|t| t.name.trim().eq_ignore_ascii_case(name))
}

/// Three-way choice between the result's value and the other side's.
enum Choice {
    KeepOurs,
    TakeTheirs,
    Conflict,
}

fn choose<T: PartialEq>(base: Option<&T>, ours: &T, theirs: &T) -> Choice {
    if ours == theirs {
        return Choice::KeepOurs;
    }
    match base {
        Some(base) if base == ours => Choice::TakeTheirs,
        Some(base) if base == theirs => Choice::KeepOurs,
        _ => Choice::Conflict,
    }
}

/// Merging one of `theirs` into the result.
struct SideMerge<'a> {
    base: Option<&'a Project>,
    other: &'a Project,
    side: usize,
    report: &'a mut MergeReport,
    side_report: SideReport,
}

impl SideMerge<'_> {
    fn run(&mut self, merged: &mut Project) -> Result<(), MergeError> {
        self.project_fields(merged)?;
        let mut maps = self.tags(merged)?;
        maps.articles = self.articles(merged)?;
        annotations::merge(self, merged, &maps)
    }

    fn conflict(&mut self, subject: String, description: &str) {
        self.report.conflicts.push(MergeConflict {
            side: self.side,
            subject,
            description: description.to_owned(),
        });
    }

    fn project_fields(&mut self, merged: &mut Project) -> Result<(), MergeError> {
        let base_title = self.base.map(|b| b.title().to_owned());
        let title = match choose(
            base_title.as_ref(),
            &merged.title().to_owned(),
            &self.other.title().to_owned(),
        ) {
            Choice::TakeTheirs => Some(Edit::SetTitle {
                title: self.other.title().to_owned(),
            }),
            Choice::Conflict if self.base.is_some() => {
                self.conflict(
                    "the project title".into(),
                    "changed differently on both sides; kept ours",
                );
                None
            }
            _ => None,
        };
        let base_notes = self.base.map(|b| b.notes().to_owned());
        let notes = match choose(
            base_notes.as_ref(),
            &merged.notes().to_owned(),
            &self.other.notes().to_owned(),
        ) {
            Choice::TakeTheirs => Some(Edit::SetNotes {
                notes: self.other.notes().to_owned(),
            }),
            Choice::Conflict if self.base.is_some() => {
                self.conflict(
                    "the project notes".into(),
                    "changed differently on both sides; kept ours",
                );
                None
            }
            _ => None,
        };
        for edit in title.into_iter().chain(notes) {
            apply(merged, edit, "the project title and notes")?;
        }
        Ok(())
    }

    /// Tags matched by name; the other side's new tags are added, keeping their id if free.
    fn tags(&mut self, merged: &mut Project) -> Result<IdMaps, MergeError> {
        let mut maps = IdMaps::default();
        for tag in self.other.tags() {
            let Some(ours) = tag_named(merged, &tag.name).cloned() else {
                let id = if merged.tag(tag.id).is_some() {
                    merged.fresh_tag_id()
                } else {
                    tag.id
                };
                let new = Tag { id, ..tag.clone() };
                apply(
                    merged,
                    Edit::AddTag {
                        tag: new,
                        index: None,
                    },
                    "a tag",
                )?;
                self.side_report.tags_added += 1;
                maps.tags.insert(tag.id, id);
                continue;
            };
            maps.tags.insert(tag.id, ours.id);
            let theirs = Tag {
                id: ours.id,
                ..tag.clone()
            };
            let base = self
                .base
                .and_then(|b| tag_named(b, &tag.name))
                .map(|b| Tag {
                    id: ours.id,
                    ..b.clone()
                });
            match choose(base.as_ref(), &ours, &theirs) {
                Choice::TakeTheirs => apply(merged, Edit::UpdateTag { tag: theirs }, "a tag")?,
                Choice::Conflict => self.conflict(
                    format!("the tag \"{}\"", tag.name),
                    "its description, colour, key or speaker setting differ; kept ours",
                ),
                Choice::KeepOurs => {}
            }
        }
        Ok(maps)
    }

    /// Articles matched by text; the other side's new articles are added, keeping their id if
    /// free. Metadata is merged three-way; articles are never removed.
    fn articles(
        &mut self,
        merged: &mut Project,
    ) -> Result<HashMap<ArticleId, ArticleId>, MergeError> {
        let mut map = HashMap::new();
        for article in self.other.articles() {
            let ours = merged
                .articles()
                .iter()
                .find(|a| a.text() == article.text())
                .cloned();
            let Some(ours) = ours else {
                let id = if merged.article(article.id).is_some() {
                    merged.fresh_article_id()
                } else {
                    article.id
                };
                let mut new = article.clone();
                new.id = id;
                let edit = Edit::AddArticle {
                    article: Box::new(new),
                    index: None,
                };
                apply(merged, edit, "an article")?;
                self.side_report.articles_added += 1;
                map.insert(article.id, id);
                continue;
            };
            map.insert(article.id, ours.id);
            let base = self
                .base
                .and_then(|b| b.articles().iter().find(|a| a.text() == article.text()));
            match choose(base.map(|b| &b.meta), &ours.meta, &article.meta) {
                Choice::TakeTheirs => {
                    let edit = Edit::SetArticleMeta {
                        article_id: ours.id,
                        meta: article.meta.clone(),
                    };
                    apply(merged, edit, "article details")?;
                }
                Choice::Conflict => self.conflict(
                    format!("the details of \"{}\"", ours.meta.title),
                    "title, outlet, authors, date, address or language differ; kept ours",
                ),
                Choice::KeepOurs => {}
            }
        }
        Ok(map)
    }
}

fn apply(project: &mut Project, edit: Edit, what: &str) -> Result<(), MergeError> {
    project
        .apply(edit)
        .map(drop)
        .map_err(|source| MergeError::Edit {
            what: what.to_owned(),
            source,
        })
}
