//! The project file: round trips over `samples/`, atomic saves, and every bad case.

use lateral::io::project_file::{
    ProjectFileError, load_project, parse_project, project_to_ron, save_project,
};
use lateral::model::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, ImportReport, Project, TagId,
};
use lateral::text::Span;
use std::fs;
use std::path::{Path, PathBuf};

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn small_project() -> Project {
    let mut project = Project::new("Klein");
    let text = "Laut Studie bis zu 5,5 Milliarden. Nordkorea dementierte.";
    let article = Article::new(
        ArticleId(1),
        ArticleMeta {
            title: "A".into(),
            ..ArticleMeta::default()
        },
        text.into(),
        ImportReport::default(),
    );
    project
        .apply(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        })
        .unwrap();
    for (id, (start, end)) in [(12, 33), (35, 57)].into_iter().enumerate() {
        let annotation = Annotation::of_span(
            AnnotationId(id as u64 + 1),
            ArticleId(1),
            text,
            Span::new(start, end),
            TagId(1),
        )
        .unwrap();
        project
            .apply(Edit::AddAnnotation {
                annotation,
                index: None,
            })
            .unwrap();
    }
    project
}

fn reloaded(project: &Project) -> Project {
    let ron = project_to_ron(project).unwrap();
    let (loaded, report) = parse_project(&ron, Path::new("x.ron")).unwrap();
    assert!(report.is_clean(), "{report:?}");
    loaded
}

#[test]
fn every_sample_project_round_trips() {
    let mut found = 0;
    let mut dirs = vec![samples_dir()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "ron") {
                let (project, report) = load_project(&path).unwrap();
                assert!(report.is_clean(), "{}: {:?}", path.display(), report);
                assert!(project.orphans().is_empty(), "{}", path.display());
                assert_eq!(reloaded(&project), project, "{}", path.display());
                found += 1;
            }
        }
    }
    assert!(found >= 1, "no sample projects found");
}

#[test]
fn save_is_atomic_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut project = small_project();
    save_project(&project, &path).unwrap();
    let first = fs::read_to_string(&path).unwrap();
    assert!(
        first.trim_start().starts_with("(\n  format_version: 1,"),
        "format_version must come first"
    );
    project
        .apply(Edit::SetTitle {
            title: "Zwei".into(),
        })
        .unwrap();
    save_project(&project, &path).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("p.ron.bak")).unwrap(),
        first
    );
    let (loaded, _) = load_project(&path).unwrap();
    assert_eq!(loaded.title(), "Zwei");
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "only the file and its backup remain: {names:?}"
    );
}

#[test]
fn truncated_file_names_line_and_column() {
    let ron = project_to_ron(&small_project()).unwrap();
    let cut = &ron[..ron.len() / 2];
    let error = parse_project(cut, Path::new("cut.ron")).unwrap_err();
    let ProjectFileError::Syntax { line, column, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(*line > 1 && *column >= 1);
    let message = error.to_string();
    assert!(message.contains("cut.ron is damaged at line"), "{message}");
    assert!(message.contains("backup"), "{message}");
}

#[test]
fn newer_format_is_refused_with_advice() {
    let ron = project_to_ron(&small_project()).unwrap().replacen(
        "format_version: 1",
        "format_version: 7",
        1,
    );
    let error = parse_project(&ron, Path::new("new.ron")).unwrap_err();
    assert!(matches!(
        error,
        ProjectFileError::NewerVersion {
            found: 7,
            supported: 1,
            ..
        }
    ));
    assert!(error.to_string().contains("newer version of Lateral"));
    assert!(error.to_string().contains("Update Lateral"));
}

#[test]
fn binary_and_missing_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.ron");
    fs::write(&path, b"\xff\xfe\x00\x01garbage").unwrap();
    let error = load_project(&path).unwrap_err();
    assert!(error.to_string().contains("not UTF-8 text"), "{error}");
    let error = load_project(&dir.path().join("none.ron")).unwrap_err();
    assert!(error.to_string().starts_with("could not read"), "{error}");
}

#[test]
fn duplicate_ids_are_reported() {
    let ron = project_to_ron(&small_project())
        .unwrap()
        .replace("(id: 2, article_id", "(id: 1, article_id");
    let error = parse_project(&ron, Path::new("dup.ron")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("two annotations share the id n1"),
        "{error}"
    );
}

#[test]
fn moved_quote_is_reanchored_and_lost_quote_is_orphaned() {
    let ron = project_to_ron(&small_project()).unwrap();
    // Point the first annotation at the wrong bytes: it is found again by its quote.
    let shifted = edited(
        &ron,
        "span: (start: 12, end: 33)",
        "span: (start: 0, end: 21)",
    );
    let (project, report) = parse_project(&shifted, Path::new("s.ron")).unwrap();
    assert_eq!(project.annotations()[0].span, Span::new(12, 33));
    assert_eq!(report.reanchored.len(), 1, "{report:?}");
    assert!(report.reanchored[0].contains("was moved from byte 0 to byte 12"));

    // A quote that is nowhere in the text becomes an orphan, kept in the project.
    let lost = edited(
        &ron,
        "quote: \"bis zu 5,5 Milliarden\"",
        "quote: \"gar nicht im Text\"",
    );
    let (project, report) = parse_project(&lost, Path::new("l.ron")).unwrap();
    assert_eq!(project.annotations().len(), 1);
    assert_eq!(project.orphans().len(), 1);
    assert!(
        report.orphaned[0].contains("is not in the text"),
        "{report:?}"
    );
    // Orphans survive a save.
    assert_eq!(reloaded_allowing_orphans(&project).orphans().len(), 1);

    // Out-of-range offsets, a span that cuts a character, an unknown tag: never a panic.
    let out_of_range = edited(&ron, "end: 33)", "end: 3300)");
    let (project, _) = parse_project(&out_of_range, Path::new("o.ron")).unwrap();
    assert_eq!(project.annotations().len(), 2, "re-anchored by quote");
    let unknown_tag = edited(&ron, "tag_id: 1,", "tag_id: 42,");
    let (project, report) = parse_project(&unknown_tag, Path::new("t.ron")).unwrap();
    assert_eq!(project.orphans().len(), 1);
    assert!(
        report.orphaned[0].contains("tag t42 is not in the tag set"),
        "{report:?}"
    );
}

/// Replaces the first `from` in `ron` by `to`, failing if `from` is not there.
fn edited(ron: &str, from: &str, to: &str) -> String {
    assert!(ron.contains(from), "the test expects {from:?} in the file");
    ron.replacen(from, to, 1)
}

fn reloaded_allowing_orphans(project: &Project) -> Project {
    let ron = project_to_ron(project).unwrap();
    parse_project(&ron, Path::new("x.ron")).unwrap().0
}
