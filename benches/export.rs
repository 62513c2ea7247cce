//! Export speed: a project of 100 articles of 10,000 words with 50,000 annotations, built
//! through the model API, exported to CSV (the hot path teachers use) and the other formats.
//!
//! Run with `cargo bench --no-default-features --bench export`; results go to BENCHMARKS.md.

use jiff::Timestamp;
use lateral::export::{ExportFilter, ExportFormat, ExportOptions, export};
use lateral::model::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, ImportReport, Project, TagId,
};
use lateral::text::Span;
use std::time::{Duration, Instant};

const NUM_ARTICLES: u64 = 100;
const WORDS_PER_ARTICLE: usize = 10_000;
const NUM_ANNOTATIONS: u64 = 50_000;
const WORDS: [&str; 12] = [
    "Nordkorea",
    "schickt",
    "Soldaten",
    "nach",
    "Russland,",
    "sagte",
    "der",
    "Geheimdienst.",
    "Größere",
    "Übungen",
    "folgen",
    "bald.",
];

fn article_text(seed: usize) -> String {
    let mut text = String::with_capacity(WORDS_PER_ARTICLE * 9);
    for i in 0..WORDS_PER_ARTICLE {
        let word = WORDS
            .get((i * 7 + seed) % WORDS.len())
            .copied()
            .unwrap_or("und");
        text.push_str(word);
        text.push(if i % 120 == 119 { '\n' } else { ' ' });
    }
    text
}

fn build_project() -> Project {
    let mut project = Project::new("Benchmark");
    let mut edits = Vec::new();
    for id in 1..=NUM_ARTICLES {
        let meta = ArticleMeta {
            title: format!("Artikel {id}"),
            outlet: "Tagesblatt".into(),
            ..ArticleMeta::default()
        };
        let article = Article::new(
            ArticleId(id),
            meta,
            article_text(id as usize),
            ImportReport::default(),
        );
        edits.push(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        });
    }
    project
        .apply(Edit::Batch {
            label: "articles".into(),
            edits,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let per_article = NUM_ANNOTATIONS / NUM_ARTICLES;
    let mut edits = Vec::new();
    for article in project.articles() {
        let text = article.text();
        let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
        for n in 0..per_article {
            let at = (n as usize * 97) % (starts.len() - 10);
            let (Some(&start), Some(&end)) = (starts.get(at), starts.get(at + 5)) else {
                continue;
            };
            let annotation_id = AnnotationId(article.id.0 * 1_000 + n);
            let tag_id = TagId(n % 4 + 1);
            let span = Span::new(start, end - 1);
            let mut annotation = Annotation::of_span(annotation_id, article.id, text, span, tag_id)
                .unwrap_or_else(|| panic!("bad span {span:?}"));
            annotation.note = format!("Notiz {n}, mit \"Anführungszeichen\"");
            annotation.annotator = ["lena", "jonas"][n as usize % 2].into();
            annotation.created = Timestamp::UNIX_EPOCH;
            edits.push(Edit::AddAnnotation {
                annotation,
                index: None,
            });
        }
    }
    project
        .apply(Edit::Batch {
            label: "annotations".into(),
            edits,
        })
        .unwrap_or_else(|e| panic!("{e}"));
    project
}

fn time(label: &str, runs: u32, mut f: impl FnMut() -> usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        size = f();
        best = best.min(start.elapsed());
    }
    println!(
        "{label:<44} {:>9.1} ms  ({:.1} MB)",
        best.as_secs_f64() * 1000.0,
        size as f64 / 1e6
    );
}

fn main() {
    let start = Instant::now();
    let project = build_project();
    println!(
        "built {} articles, {} annotations in {:.1} s",
        project.articles().len(),
        project.annotations().len(),
        start.elapsed().as_secs_f64()
    );
    let filter = ExportFilter::default();
    for format in [
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::W3c,
        ExportFormat::Qdpx,
    ] {
        time(
            &format!("export {} (50,000 annotations, best of 3)", format.name()),
            3,
            || export(&project, format, &filter, ExportOptions::default()).map_or(0, |b| b.len()),
        );
    }
    let lena = ExportFilter {
        annotator: Some("lena".into()),
        ..ExportFilter::default()
    };
    time("export csv, annotator filter (25,000)", 3, || {
        export(&project, ExportFormat::Csv, &lena, ExportOptions::default()).map_or(0, |b| b.len())
    });
}
