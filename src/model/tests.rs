//! Unit tests of edits and their inverses.

use super::*;
use crate::text::Span;

const TEXT: &str = "Laut Studie bis zu 5,5 Milliarden. Nordkorea dementierte.";

fn project_with_article() -> Project {
    let mut project = Project::new("Test");
    let article = Article::new(
        ArticleId(1),
        ArticleMeta {
            title: "Artikel".into(),
            ..ArticleMeta::default()
        },
        TEXT.into(),
        ImportReport::default(),
    );
    project
        .apply(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        })
        .unwrap();
    project
}

fn annotation(project: &Project, start: usize, end: usize, tag: u64) -> Annotation {
    Annotation::of_span(
        project.fresh_annotation_id(),
        ArticleId(1),
        TEXT,
        Span::new(start, end),
        TagId(tag),
    )
    .unwrap()
}

/// Applies `edit`, then its inverse, and checks the project is back where it was; then
/// applies the inverse's inverse and checks it equals applying the edit. Leaves the project as it was.
fn assert_round_trip(project: &mut Project, edit: Edit) {
    let before = project.clone();
    let inverse = project.apply(edit).unwrap();
    let after = project.clone();
    let redo = project.apply(inverse).unwrap();
    assert_eq!(project.clone(), before);
    let undo_again = project.apply(redo).unwrap();
    assert_eq!(project.clone(), after);
    project.apply(undo_again).unwrap();
}

#[test]
fn every_edit_has_an_exact_inverse() {
    let mut project = project_with_article();
    let first = annotation(&project, 12, 33, 1);
    assert_round_trip(
        &mut project,
        Edit::AddAnnotation {
            annotation: first.clone(),
            index: None,
        },
    );
    project
        .apply(Edit::AddAnnotation {
            annotation: first.clone(),
            index: None,
        })
        .unwrap();
    let second = annotation(&project, 35, 57, 4);
    project
        .apply(Edit::AddAnnotation {
            annotation: second.clone(),
            index: None,
        })
        .unwrap();

    let mut changed = first.clone();
    changed.note = "hedge".into();
    changed.speaker = "Guseinova".into();
    changed.tag_id = TagId(2);
    assert_round_trip(
        &mut project,
        Edit::UpdateAnnotation {
            annotation: changed,
        },
    );
    assert_round_trip(
        &mut project,
        Edit::RemoveAnnotation {
            annotation_id: first.id,
        },
    );
    assert_round_trip(
        &mut project,
        Edit::RemoveAnnotations {
            annotation_ids: vec![second.id, first.id],
        },
    );
    let edit = Edit::remove_article(&project, ArticleId(1));
    assert_round_trip(&mut project, edit);
    let edit = Edit::remove_tag(&project, TagId(1), TagRemoval::Reassign(TagId(3)));
    assert_round_trip(&mut project, edit);
    let edit = Edit::remove_tag(&project, TagId(4), TagRemoval::DeleteAnnotations);
    assert_round_trip(&mut project, edit);
    let mut tag = project.tag(TagId(1)).unwrap().clone();
    tag.name = "Behauptung".into();
    tag.colour = Rgb(1, 2, 3);
    assert_round_trip(&mut project, Edit::UpdateTag { tag });
    let new_tag = Tag {
        id: project.fresh_tag_id(),
        name: "hedge".into(),
        description: String::new(),
        colour: Rgb(9, 9, 9),
        key: Some('5'),
        has_speaker: false,
    };
    assert_round_trip(
        &mut project,
        Edit::AddTag {
            tag: new_tag,
            index: Some(1),
        },
    );
    assert_round_trip(
        &mut project,
        Edit::MoveTag {
            tag_id: TagId(4),
            to_index: 0,
        },
    );
    assert_round_trip(
        &mut project,
        Edit::SetTitle {
            title: "Neu".into(),
        },
    );
    assert_round_trip(
        &mut project,
        Edit::SetNotes {
            notes: "Notizen".into(),
        },
    );
    let meta = ArticleMeta {
        title: "Neu".into(),
        outlet: "GEA".into(),
        ..ArticleMeta::default()
    };
    assert_round_trip(
        &mut project,
        Edit::SetArticleMeta {
            article_id: ArticleId(1),
            meta,
        },
    );
}

#[test]
fn invalid_edits_are_refused_and_change_nothing() {
    let mut project = project_with_article();
    let good = annotation(&project, 12, 33, 1);
    let before = project.clone();

    let mut bad_tag = good.clone();
    bad_tag.tag_id = TagId(99);
    assert_eq!(
        project.apply(Edit::AddAnnotation {
            annotation: bad_tag,
            index: None
        }),
        Err(EditError::NoSuchTag { tag_id: TagId(99) })
    );

    let mut bad_article = good.clone();
    bad_article.article_id = ArticleId(7);
    assert!(matches!(
        project.apply(Edit::AddAnnotation {
            annotation: bad_article,
            index: None
        }),
        Err(EditError::NoSuchArticle { .. })
    ));

    let mut out_of_range = good.clone();
    out_of_range.span = Span::new(12, 999);
    assert!(matches!(
        project.apply(Edit::AddAnnotation {
            annotation: out_of_range,
            index: None
        }),
        Err(EditError::BadSpan { .. })
    ));

    let mut mismatched = good.clone();
    mismatched.quote = "etwas anderes".into();
    assert!(matches!(
        project.apply(Edit::AddAnnotation {
            annotation: mismatched,
            index: None
        }),
        Err(EditError::QuoteMismatch { .. })
    ));

    let mut empty = good.clone();
    empty.span = Span::new(5, 5);
    empty.quote.clear();
    assert_eq!(
        project.apply(Edit::AddAnnotation {
            annotation: empty,
            index: None
        }),
        Err(EditError::EmptySpan)
    );

    assert_eq!(project.clone(), before);

    project
        .apply(Edit::AddAnnotation {
            annotation: good.clone(),
            index: None,
        })
        .unwrap();
    assert!(matches!(
        project.apply(Edit::AddAnnotation {
            annotation: good.clone(),
            index: None
        }),
        Err(EditError::DuplicateId { .. })
    ));
    assert!(matches!(
        project.apply(Edit::RemoveArticle {
            article_id: ArticleId(1)
        }),
        Err(EditError::InUse {
            num_annotations: 1,
            ..
        })
    ));
    assert!(matches!(
        project.apply(Edit::RemoveTag { tag_id: TagId(1) }),
        Err(EditError::InUse { .. })
    ));

    let mut renamed = project.tag(TagId(2)).unwrap().clone();
    renamed.name = "Claim".into();
    assert_eq!(
        project.apply(Edit::UpdateTag {
            tag: renamed.clone()
        }),
        Err(EditError::DuplicateTagName {
            name: "Claim".into()
        })
    );
    renamed.name = "zuschreibung".into();
    renamed.key = Some('1');
    assert_eq!(
        project.apply(Edit::UpdateTag { tag: renamed }),
        Err(EditError::DuplicateTagKey {
            key: '1',
            tag_name: "claim".into()
        })
    );
}

#[test]
fn failing_batch_rolls_back() {
    let mut project = project_with_article();
    let good = annotation(&project, 12, 33, 1);
    let before = project.clone();
    let result = project.apply(Edit::Batch {
        label: "two".into(),
        edits: vec![
            Edit::AddAnnotation {
                annotation: good.clone(),
                index: None,
            },
            Edit::AddAnnotation {
                annotation: good,
                index: None,
            },
        ],
    });
    assert!(result.is_err());
    assert_eq!(project.annotations(), before.annotations());
}

#[test]
fn history_undo_redo_and_dirty_state() {
    let mut project = project_with_article();
    let mut history = History::new();
    assert!(!history.is_dirty());
    let first = annotation(&project, 12, 33, 1);
    history
        .apply(
            &mut project,
            Edit::AddAnnotation {
                annotation: first.clone(),
                index: None,
            },
        )
        .unwrap();
    history.mark_saved();
    history
        .apply(
            &mut project,
            Edit::RemoveAnnotation {
                annotation_id: first.id,
            },
        )
        .unwrap();
    assert!(history.is_dirty());
    assert_eq!(history.undo_label(), Some("delete annotation"));
    assert_eq!(
        history.undo(&mut project).unwrap().as_deref(),
        Some("delete annotation")
    );
    assert!(!history.is_dirty());
    assert_eq!(project.annotations().len(), 1);
    assert_eq!(history.redo_label(), Some("delete annotation"));
    history.redo(&mut project).unwrap();
    assert!(project.annotations().is_empty());
    history.undo(&mut project).unwrap();
    history.undo(&mut project).unwrap();
    assert!(history.is_dirty());
    // A new edit below the saved point makes the saved state unreachable.
    history
        .apply(&mut project, Edit::SetTitle { title: "x".into() })
        .unwrap();
    assert!(history.redo_label().is_none());
    assert!(history.is_dirty());
    let mut fresh = History::new();
    assert_eq!(fresh.undo(&mut project).unwrap(), None);
    assert_eq!(fresh.redo(&mut project).unwrap(), None);
}

#[test]
fn speakers_are_sorted_and_unique() {
    let mut project = project_with_article();
    for (start, end, speaker) in [
        (12, 33, "Guseinova"),
        (35, 57, "Nordkorea"),
        (0, 11, "Guseinova "),
    ] {
        let mut a = annotation(&project, start, end, 2);
        a.speaker = speaker.into();
        project
            .apply(Edit::AddAnnotation {
                annotation: a,
                index: None,
            })
            .unwrap();
    }
    assert_eq!(project.speakers(), vec!["Guseinova", "Nordkorea"]);
}

/// A batch of many new annotations (added in one pass) puts each where adding them one by one
/// would, and undo and redo restore both states exactly.
#[test]
fn bulk_adds_match_one_by_one_adds_and_undo() {
    let full = synthetic_project(3, 400, 260, 11);
    // Every annotation but each fourth is new, in reverse order.
    let new: Vec<Annotation> = full
        .annotations()
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 0)
        .map(|(_, a)| a.clone())
        .rev()
        .collect();
    let mut base = full.clone();
    base.apply(Edit::RemoveAnnotations {
        annotation_ids: new.iter().map(|a| a.id).collect(),
    })
    .unwrap();
    let mut one_by_one = base.clone();
    for annotation in &new {
        one_by_one
            .apply(Edit::AddAnnotation {
                annotation: annotation.clone(),
                index: None,
            })
            .unwrap();
    }
    let mut bulk = base.clone();
    let batch = Edit::Batch {
        label: "import".into(),
        edits: new
            .iter()
            .map(|annotation| Edit::AddAnnotation {
                annotation: annotation.clone(),
                index: None,
            })
            .collect(),
    };
    let undo = bulk.apply(batch).unwrap();
    assert_eq!(bulk.annotations(), one_by_one.annotations());
    let redo = bulk.apply(undo).unwrap();
    assert_eq!(bulk.annotations(), base.annotations());
    bulk.apply(redo).unwrap();
    assert_eq!(bulk.annotations(), one_by_one.annotations());
    // A duplicate id anywhere in the run leaves the project unchanged.
    let mut twice = new.clone();
    twice.push(new[0].clone());
    let mut project = base.clone();
    let error = project.apply(Edit::Batch {
        label: "import".into(),
        edits: twice
            .into_iter()
            .map(|annotation| Edit::AddAnnotation {
                annotation,
                index: None,
            })
            .collect(),
    });
    assert!(matches!(error, Err(EditError::DuplicateId { .. })));
    assert_eq!(project.annotations(), base.annotations());
}
