//! The agreement engine end to end: a generated class gives back the rates it was made with,
//! and `lateral agree` names every student file it could not score, each on its own line.

use lateral::agreement::synthetic::{Changes, SplitMix, synthetic_key, synthetic_student};
use lateral::agreement::{FindingKind, MatchMode, score_class};
use lateral::cli::agree::{AgreeFormat, AgreeMode, run};
use lateral::io::save_project;
use lateral::model::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, ImportReport, Project, TagId,
};
use lateral::text::Span;
use std::path::{Path, PathBuf};

const CHANGES: Changes = Changes {
    drop: 0.2,
    swap: 0.1,
    max_shift_chars: 5,
    extra: 0.1,
};

/// 20 students made from the key by known random changes. The scores must find exactly the
/// changes that were made, and those must lie near the nominal rates: within 0.02 over the class
/// (4,000 key passages; one standard deviation of the drop rate is 0.006) and 0.1 per student.
#[test]
fn generated_class_gives_its_rates_back() {
    let key = synthetic_key(7, 4, 50);
    let mut rng = SplitMix::new(42);
    let (students, logs): (Vec<_>, Vec<_>) = (0..20)
        .map(|i| synthetic_student(&key, &format!("S{i}"), CHANGES, &mut rng))
        .unzip();
    let result = score_class(&key, &students, MatchMode::Overlap, Vec::new());
    let count = |student: &lateral::agreement::StudentResult, kind| {
        student.findings.iter().filter(|f| f.kind == kind).count()
    };
    let (mut num_key, mut dropped, mut swapped, mut extras) = (0, 0, 0, 0);
    let mut abs_shift = 0.0;
    for (student, log) in result.students.iter().zip(&logs) {
        assert_eq!(
            count(student, FindingKind::Miss),
            log.dropped,
            "{}",
            student.name
        );
        assert_eq!(
            count(student, FindingKind::Mismatch),
            log.swapped,
            "{}",
            student.name
        );
        assert_eq!(
            count(student, FindingKind::Extra),
            log.extras,
            "{}",
            student.name
        );
        let kept = (log.num_key - log.dropped) as f64;
        assert!((log.dropped as f64 / log.num_key as f64 - 0.2).abs() < 0.1);
        assert!((log.swapped as f64 / kept - 0.1).abs() < 0.1);
        assert_eq!(student.drift.num_pairs, log.num_key - log.dropped);
        assert!(
            student.drift.mean_abs_start_chars <= 5.0 && student.drift.mean_abs_end_chars <= 5.0
        );
        num_key += log.num_key;
        dropped += count(student, FindingKind::Miss);
        swapped += count(student, FindingKind::Mismatch);
        extras += count(student, FindingKind::Extra);
        abs_shift += student.drift.mean_abs_start_chars + student.drift.mean_abs_end_chars;
    }
    let num_key = num_key as f64;
    let dropped_rate = dropped as f64 / num_key;
    assert!((dropped_rate - 0.2).abs() < 0.02, "dropped {dropped_rate}");
    let swapped_rate = swapped as f64 / (num_key - dropped as f64);
    assert!((swapped_rate - 0.1).abs() < 0.02, "swapped {swapped_rate}");
    assert!((extras as f64 / num_key - 0.1).abs() < 0.005, "extras");
    // A shift uniform in −5..=5 moves a boundary by 30/11 ≈ 2.73 characters on average.
    let mean_shift = abs_shift / 40.0;
    assert!(
        (mean_shift - 30.0 / 11.0).abs() < 0.15,
        "shift {mean_shift}"
    );
    // Every student's passages are the key's, changed: coefficients well above chance.
    assert!(result.coefficients.fleiss_kappa.unwrap() > 0.5);
    assert!(result.coefficients.krippendorff_alpha_u.unwrap() > 0.5);
}

#[test]
fn exact_and_token_modes_score_the_generated_class() {
    let key = synthetic_key(3, 2, 20);
    let mut rng = SplitMix::new(5);
    let students: Vec<_> = (0..5)
        .map(|i| synthetic_student(&key, &format!("S{i}"), CHANGES, &mut rng).0)
        .collect();
    let exact = score_class(&key, &students, MatchMode::Exact, Vec::new());
    let token = score_class(&key, &students, MatchMode::Token, Vec::new());
    assert_eq!(exact.mode, MatchMode::Exact);
    assert_eq!(token.pairing_mode, MatchMode::Overlap);
    // Shifted boundaries rarely stay exact: exact F1 is far below the perfect copy's.
    let exact_f1 = exact.students[0].overall.f1.unwrap();
    assert!(exact_f1 < 0.3, "exact F1 {exact_f1}");
    let token_f1 = token.students[0].overall.f1.unwrap();
    assert!(token_f1 > 0.6, "token F1 {token_f1}");
}

const TEXT: &str = "Laut Studie stieg der Handel. Moskau bestreitet das. Das ist gut.";
const OTHER: &str = "Ein Artikel, den der Schlüssel nicht hat.";

fn project(
    dir: &Path,
    name: &str,
    articles: &[(&str, &[(&str, u64)])],
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let mut project = Project::new(name);
    let mut next_id = 1;
    for (i, (text, passages)) in articles.iter().enumerate() {
        let article_id = ArticleId(i as u64 + 1);
        let meta = ArticleMeta {
            title: format!("Article {}", i + 1),
            ..ArticleMeta::default()
        };
        let article = Article::new(
            article_id,
            meta,
            (*text).to_owned(),
            ImportReport::default(),
        );
        project.apply(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        })?;
        for (quote, tag) in *passages {
            let start = text.find(quote).ok_or("quote not in text")?;
            let span = Span::new(start, start + quote.len());
            let annotation =
                Annotation::of_span(AnnotationId(next_id), article_id, text, span, TagId(*tag))
                    .ok_or("bad span")?;
            next_id += 1;
            project.apply(Edit::AddAnnotation {
                annotation,
                index: None,
            })?;
        }
    }
    let path = dir.join(format!("{name}.ron"));
    save_project(&project, &path)?;
    Ok(path)
}

#[test]
fn cli_names_every_student_it_cannot_score() {
    let dir = tempfile::tempdir().unwrap();
    let key = project(
        dir.path(),
        "key",
        &[(
            TEXT,
            &[("Laut Studie stieg der Handel.", 2), ("Das ist gut.", 3)],
        )],
    )
    .unwrap();
    let good = project(
        dir.path(),
        "anna",
        &[(TEXT, &[("Laut Studie stieg der Handel.", 2)])],
    )
    .unwrap();
    let stray = project(
        dir.path(),
        "ben",
        &[
            (TEXT, &[("Das ist gut.", 3)]),
            (OTHER, &[("Ein Artikel", 1)]),
        ],
    )
    .unwrap();
    let empty = project(dir.path(), "cem", &[]).unwrap();
    let corrupt = dir.path().join("dora.ron");
    std::fs::write(&corrupt, "(format_version: 1, title: \"Dora\", tags: [").unwrap();
    let missing = dir.path().join("emil.ron");
    let students = [good, stray, empty, corrupt, missing];
    let mut out = Vec::new();
    run(
        &key,
        &students,
        AgreeMode::Overlap,
        AgreeFormat::Table,
        None,
        &mut out,
    )
    .unwrap();
    let table = String::from_utf8(out).unwrap();
    let line = |needle: &str| table.lines().filter(|l| l.contains(needle)).count();
    assert_eq!(line("anna "), 1, "{table}");
    assert_eq!(
        line("ben: 1 passages on \"Article 2\", which the key lacks"),
        1,
        "{table}"
    );
    assert_eq!(line("cem: none of the key's articles"), 1, "{table}");
    assert_eq!(line("dora.ron: not scored: "), 1, "{table}");
    assert_eq!(line("emil.ron: not scored: "), 1, "{table}");
    assert!(table.contains("mode: overlap"));
    // The empty file takes no part in the class coefficients; the others share the article.
    assert!(table.contains("(1 articles all share)"), "{table}");

    for format in [
        AgreeFormat::Csv,
        AgreeFormat::Json,
        AgreeFormat::Md,
        AgreeFormat::Html,
    ] {
        let mut out = Vec::new();
        run(&key, &students, AgreeMode::Token, format, None, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("token"), "{format:?}");
        if format != AgreeFormat::Csv && format != AgreeFormat::Json {
            assert!(text.contains("Feedback for anna"));
        }
    }
    let report = dir.path().join("class.html");
    let mut out = Vec::new();
    run(
        &key,
        &students,
        AgreeMode::Exact,
        AgreeFormat::Html,
        Some(&report),
        &mut out,
    )
    .unwrap();
    assert!(report.exists());
    assert!(dir.path().join("class-feedback-anna.html").exists());
    let csv_path = dir.path().join("scores.csv");
    run(
        &key,
        &students,
        AgreeMode::Overlap,
        AgreeFormat::Csv,
        Some(&csv_path),
        &mut Vec::new(),
    )
    .unwrap();
    let csv = std::fs::read_to_string(csv_path).unwrap();
    assert_eq!(csv.lines().filter(|l| l.contains("dora.ron")).count(), 1);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("overlap,anna,all,1,1,0,")),
        "{csv}"
    );
}

#[test]
fn annotators_within_one_project_are_key_and_students() {
    let dir = tempfile::tempdir().unwrap();
    let path = project(
        dir.path(),
        "class",
        &[(
            TEXT,
            &[
                ("Laut Studie stieg der Handel.", 2),
                ("Das ist gut.", 3),
                ("Das ist gut.", 1),
            ],
        )],
    )
    .unwrap();
    let (mut class, _) = lateral::io::load_project(&path).unwrap();
    for (id, annotator) in [(1, "Trainer"), (2, "Trainer"), (3, "Anna")] {
        let mut annotation = class.annotation(AnnotationId(id)).unwrap().clone();
        annotator.clone_into(&mut annotation.annotator);
        class.apply(Edit::UpdateAnnotation { annotation }).unwrap();
    }
    save_project(&class, &path).unwrap();
    let key_spec = PathBuf::from(format!("{}#trainer", path.display()));
    let (key, students, problems) = lateral::cli::agree::load_class(&key_spec, &[]).unwrap();
    assert_eq!(key.num_units(), 2);
    assert_eq!(students.len(), 1);
    assert_eq!(students[0].name, "Anna");
    assert!(problems.is_empty());
    let result = score_class(&key, &students, MatchMode::Overlap, problems);
    assert_eq!(result.students[0].confusions[0].key_tag, "opinion");
}
