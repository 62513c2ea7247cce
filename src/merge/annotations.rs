//! Merging annotations: by id relative to the base, by content where ids collided.

use super::{Choice, IdMaps, SideMerge, apply, choose, match_ids};
use crate::model::{Annotation, AnnotationId, Edit, Orphan, Project};
use std::collections::HashMap;

/// An annotation in the merged project's ids, or `None` if its article or tag has no match.
fn translate(annotation: &Annotation, maps: &IdMaps) -> Option<Annotation> {
    Some(Annotation {
        article_id: *maps.articles.get(&annotation.article_id)?,
        tag_id: *maps.tags.get(&annotation.tag_id)?,
        ..annotation.clone()
    })
}

/// Equal apart from the id (and links, which name ids).
fn same_content(a: &Annotation, b: &Annotation) -> bool {
    let strip = |x: &Annotation| Annotation {
        id: AnnotationId(0),
        linked: Vec::new(),
        ..x.clone()
    };
    strip(a) == strip(b)
}

fn describe(annotation: &Annotation) -> String {
    format!(
        "annotation {} \"{}\"",
        annotation.id,
        crate::text::chars_after(&annotation.quote, 0, 40)
    )
}

pub(super) fn merge(
    side: &mut SideMerge<'_>,
    merged: &mut Project,
    maps: &IdMaps,
) -> Result<(), crate::merge::MergeError> {
    let base: HashMap<AnnotationId, Annotation> = side
        .base
        .map(|b| {
            let base_maps = match_ids(b, merged);
            b.annotations()
                .iter()
                .filter_map(|a| Some((a.id, translate(a, &base_maps)?)))
                .collect()
        })
        .unwrap_or_default();
    let mut theirs_ids = std::collections::HashSet::new();
    for original in side.other.annotations() {
        theirs_ids.insert(original.id);
        let Some(theirs) = translate(original, maps) else {
            continue; // every article and tag of theirs was matched or added
        };
        merge_one(side, merged, base.get(&theirs.id), theirs)?;
    }
    // Removed on their side (relative to the base).
    let mut removed = Vec::new();
    for (id, base_annotation) in &base {
        if theirs_ids.contains(id) {
            continue;
        }
        if let Some(ours) = merged.annotation(*id) {
            if ours == base_annotation {
                removed.push(*id);
            } else {
                side.conflict(
                    describe(ours),
                    "changed on our side, removed on theirs; kept ours",
                );
            }
        }
    }
    if !removed.is_empty() {
        side.side_report.annotations_removed += removed.len();
        let edit = Edit::RemoveAnnotations {
            annotation_ids: removed,
        };
        apply(merged, edit, "removed annotations")?;
    }
    orphans(side, merged)
}

fn merge_one(
    side: &mut SideMerge<'_>,
    merged: &mut Project,
    base: Option<&Annotation>,
    theirs: Annotation,
) -> Result<(), crate::merge::MergeError> {
    let Some(ours) = merged.annotation(theirs.id).cloned() else {
        match base {
            // We removed it; they kept it unchanged: stays removed.
            Some(base) if *base == theirs => {}
            Some(_) => {
                side.conflict(
                    describe(&theirs),
                    "removed on our side, changed on theirs; kept theirs",
                );
                add(side, merged, theirs)?;
            }
            None => add(side, merged, theirs)?,
        }
        return Ok(());
    };
    let same_annotation = base.is_some()
        || (ours.article_id == theirs.article_id
            && ours.annotator == theirs.annotator
            && ours.created == theirs.created);
    if !same_annotation {
        // Two annotations that happen to share an id (e.g. n1 in two students' copies).
        return add(side, merged, theirs);
    }
    match choose(base, &ours, &theirs) {
        Choice::KeepOurs => {
            if ours == theirs {
                side.report.identical_annotations += 1;
            }
        }
        Choice::TakeTheirs if ours.article_id == theirs.article_id => {
            side.side_report.annotations_updated += 1;
            apply(
                merged,
                Edit::UpdateAnnotation { annotation: theirs },
                "an annotation",
            )?;
        }
        Choice::TakeTheirs | Choice::Conflict => {
            side.conflict(
                describe(&ours),
                "changed differently on both sides; kept ours",
            );
        }
    }
    Ok(())
}

/// Adds an annotation new to the result, unless one with the same content is there; gives it a
/// fresh id if its id is taken.
fn add(
    side: &mut SideMerge<'_>,
    merged: &mut Project,
    mut annotation: Annotation,
) -> Result<(), crate::merge::MergeError> {
    if merged
        .annotations()
        .iter()
        .any(|a| same_content(a, &annotation))
    {
        side.report.identical_annotations += 1;
        return Ok(());
    }
    let taken = |project: &Project, id| {
        project.annotation(id).is_some() || project.orphans().iter().any(|o| o.annotation.id == id)
    };
    if taken(merged, annotation.id) {
        annotation.id = merged.fresh_annotation_id();
        side.side_report.annotations_renumbered += 1;
    }
    annotation
        .linked
        .retain(|id| merged.annotation(*id).is_some());
    side.side_report.annotations_added += 1;
    apply(
        merged,
        Edit::AddAnnotation {
            annotation,
            index: None,
        },
        "an annotation",
    )
}

/// Their orphans that the result lacks, so that no set-aside work is lost.
fn orphans(side: &mut SideMerge<'_>, merged: &mut Project) -> Result<(), crate::merge::MergeError> {
    for orphan in side.other.orphans() {
        let known = merged
            .orphans()
            .iter()
            .any(|o| same_content(&o.annotation, &orphan.annotation));
        if known {
            continue;
        }
        let mut orphan: Orphan = orphan.clone();
        let id = orphan.annotation.id;
        if merged.annotation(id).is_some() || merged.orphans().iter().any(|o| o.annotation.id == id)
        {
            orphan.annotation.id = merged.fresh_annotation_id();
        }
        let edit = Edit::RestoreOrphan {
            index: merged.orphans().len(),
            orphan: Box::new(orphan),
        };
        apply(merged, edit, "a set-aside annotation")?;
    }
    Ok(())
}
