use super::*;
use crate::model::Article;
use crate::model::{Annotation, AnnotationId, ArticleMeta, ImportReport};
use crate::text::Span;

const TEXT: &str = "Die Studie belegt es. Der Bericht bestreitet es. Alle schweigen.";

fn base() -> Project {
    let mut project = Project::new("Class");
    let meta = ArticleMeta {
        title: "Studie".into(),
        ..ArticleMeta::default()
    };
    let article = Article::new(ArticleId(1), meta, TEXT.into(), ImportReport::default());
    project
        .apply(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        })
        .unwrap();
    project
}

fn tag(project: &mut Project, id: u64, start: usize, end: usize, annotator: &str) -> AnnotationId {
    let article = project.articles()[0].id;
    let mut annotation = Annotation::of_span(
        AnnotationId(id),
        article,
        TEXT,
        Span::new(start, end),
        TagId(1),
    )
    .unwrap();
    annotation.annotator = annotator.into();
    project
        .apply(Edit::AddAnnotation {
            annotation,
            index: None,
        })
        .unwrap();
    AnnotationId(id)
}

fn set_note(project: &mut Project, id: AnnotationId, note: &str) {
    let mut annotation = project.annotation(id).unwrap().clone();
    annotation.note = note.into();
    project
        .apply(Edit::UpdateAnnotation { annotation })
        .unwrap();
}

#[test]
fn two_branches_adding_annotations_keep_both() {
    let mut base = base();
    tag(&mut base, 1, 0, 21, "Anna");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    tag(&mut ours, 100, 22, 48, "Anna");
    tag(&mut theirs, 200, 49, 64, "Ben");
    let (merged, report) = merge_projects(Some(&base), &ours, &[&theirs]).unwrap();
    assert!(report.is_clean(), "{:?}", report.lines());
    assert_eq!(merged.annotations().len(), 3);
    assert_eq!(report.sides[0].annotations_added, 1);
    assert_eq!(report.identical_annotations, 1);
    let starts: Vec<usize> = merged.annotations().iter().map(|a| a.span.start).collect();
    assert_eq!(starts, [0, 22, 49], "reading order");
}

#[test]
fn the_same_annotation_edited_differently_is_a_conflict() {
    let mut base = base();
    let id = tag(&mut base, 1, 0, 21, "Anna");
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    set_note(&mut ours, id, "ours");
    set_note(&mut theirs, id, "theirs");
    let (merged, report) = merge_projects(Some(&base), &ours, &[&theirs]).unwrap();
    assert_eq!(report.conflicts.len(), 1, "{:?}", report.lines());
    assert_eq!(merged.annotation(id).unwrap().note, "ours");
}

#[test]
fn an_edit_on_one_side_is_taken_and_a_removal_honoured() {
    let mut base = base();
    let edited = tag(&mut base, 1, 0, 21, "Anna");
    let removed = tag(&mut base, 2, 22, 48, "Anna");
    let ours = base.clone();
    let mut theirs = base.clone();
    set_note(&mut theirs, edited, "better");
    theirs
        .apply(Edit::RemoveAnnotation {
            annotation_id: removed,
        })
        .unwrap();
    let (merged, report) = merge_projects(Some(&base), &ours, &[&theirs]).unwrap();
    assert!(report.is_clean(), "{:?}", report.lines());
    assert_eq!(merged.annotation(edited).unwrap().note, "better");
    assert!(merged.annotation(removed).is_none());
}

#[test]
fn class_copies_with_colliding_ids_and_other_article_ids_are_combined() {
    let mut anna = base();
    tag(&mut anna, 1, 0, 21, "Anna");
    // Ben's copy: the same text under another id and title, his own n1.
    let mut ben = Project::new("Ben");
    let meta = ArticleMeta {
        title: "Anders betitelt".into(),
        ..ArticleMeta::default()
    };
    let article = Article::new(ArticleId(7), meta, TEXT.into(), ImportReport::default());
    ben.apply(Edit::AddArticle {
        article: Box::new(article),
        index: None,
    })
    .unwrap();
    tag(&mut ben, 1, 22, 48, "Ben");
    let (merged, report) = merge_projects(None, &anna, &[&ben]).unwrap();
    assert_eq!(merged.articles().len(), 1, "matched by text");
    assert_eq!(merged.annotations().len(), 2);
    assert_eq!(report.sides[0].annotations_renumbered, 1);
    assert!(
        merged
            .annotations()
            .iter()
            .all(|a| a.article_id == ArticleId(1))
    );
    assert_eq!(
        report.conflicts.len(),
        1,
        "the titles differ: {:?}",
        report.lines()
    );
}

#[test]
fn nothing_to_merge_is_an_error() {
    assert!(matches!(
        merge_projects(None, &base(), &[]),
        Err(MergeError::NothingToMerge)
    ));
}
