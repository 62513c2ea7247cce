//! New ids: annotations added independently do not collide, and no id wraps (issue 17.10).

use lateral::io::import::import_files;
use lateral::io::{load_project, save_project};
use lateral::model::{Annotation, Article, ArticleId, Edit, ImportReport, Project};
use lateral::model::{AnnotationId, ID_BOUND, TagId};
use lateral::text::Span;
use std::path::PathBuf;
use std::process::Command;

fn article(id: u64, text: &str) -> Article {
    let meta = lateral::model::ArticleMeta {
        title: format!("Article {id}"),
        ..Default::default()
    };
    Article::new(
        ArticleId(id),
        meta,
        text.to_owned(),
        ImportReport::default(),
    )
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

#[test]
fn an_article_id_of_u64_max_does_not_wrap_and_imports_carry_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = Project::new("Max");
    let edit = Edit::AddArticle {
        article: Box::new(article(u64::MAX, "Eins zwei drei.")),
        index: None,
    };
    project.apply(edit).unwrap();
    save_project(&project, &path).unwrap();
    for _ in 0..2 {
        let output = Command::new(env!("CARGO_BIN_EXE_lateral"))
            .args(["import", "--project"])
            .arg(&path)
            .arg(sample("fnf-studie-waffenhandel-2024.txt"))
            .arg(sample("asmolov-riac-2024.txt"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (project, _) = load_project(&path).unwrap();
    assert_eq!(project.articles().len(), 5);
    assert!(project.articles().iter().all(|a| a.id.0 != 0));
}

#[test]
fn fresh_ids_after_huge_ids_stay_below_the_bound() {
    let mut project = Project::new("Max");
    let edit = Edit::AddArticle {
        article: Box::new(article(u64::MAX, "Eins zwei drei.")),
        index: None,
    };
    project.apply(edit).unwrap();
    let text = project.articles()[0].text().to_owned();
    let annotation = Annotation::of_span(
        AnnotationId(u64::MAX),
        ArticleId(u64::MAX),
        &text,
        Span::new(0, 4),
        TagId(1),
    )
    .unwrap();
    project
        .apply(Edit::AddAnnotation {
            annotation,
            index: None,
        })
        .unwrap();
    let fresh_article = project.fresh_article_id();
    let fresh_annotation = project.fresh_annotation_id();
    assert!(fresh_article.0 != 0 && fresh_article.0 < ID_BOUND);
    assert!(fresh_annotation.0 != 0 && fresh_annotation.0 < ID_BOUND);
    let batch = import_files(&[sample("asmolov-riac-2024.txt")], fresh_article);
    project.apply(batch.edit().unwrap()).unwrap();
}

#[test]
fn annotations_added_on_two_copies_get_different_ids() {
    let mut project = Project::new("Copies");
    project
        .apply(Edit::AddArticle {
            article: Box::new(article(1, "Eins zwei drei vier.")),
            index: None,
        })
        .unwrap();
    let (ours, theirs) = (project.clone(), project.clone());
    let mine: Vec<_> = (0..1000).map(|_| ours.fresh_annotation_id()).collect();
    let yours: Vec<_> = (0..1000).map(|_| theirs.fresh_annotation_id()).collect();
    assert!(mine.iter().all(|id| !yours.contains(id)));
}
