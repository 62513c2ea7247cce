//! A small project built through the model API: umlauts, an emoji, line breaks, overlapping
//! passages, notes with commas, quotes and line breaks, two annotators.

use jiff::Timestamp;
use lateral::model::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, ImportReport, Project, TagId,
};
use lateral::text::Span;

const FIRST: &str = "Nordkorea schickt Soldaten\n\nLaut südkoreanischem Geheimdienst sind 12.000 Soldaten in Russland. \
Moskau bestreitet das: „Das ist Propaganda“, sagte Peskow. 🛰 Satellitenbilder zeigen Lager.\n";
const SECOND: &str = "Kommentar: Ein gefährlicher Pakt\n\nDie Allianz ist eine Gefahr für Europa. Experten erwarten mehr Waffen.";

fn article(id: u64, title: &str, outlet: &str, url: Option<&str>, text: &str) -> Article {
    let meta = ArticleMeta {
        title: title.into(),
        outlet: outlet.into(),
        authors: vec!["Anna Müller".into()],
        date: Some("27.10.2024".into()),
        url: url.map(str::to_owned),
        language: "de".into(),
    };
    Article::new(ArticleId(id), meta, text.into(), ImportReport::default())
}

/// Tags `needle` (the `nth` occurrence) in the article text.
fn tag(project: &Project, id: u64, article_id: u64, needle: &str, tag_id: u64) -> Annotation {
    let text = project.article(ArticleId(article_id)).unwrap().text();
    let start = text.find(needle).unwrap();
    let mut annotation = Annotation::of_span(
        AnnotationId(id),
        ArticleId(article_id),
        text,
        Span::new(start, start + needle.len()),
        TagId(tag_id),
    )
    .unwrap();
    annotation.created = Timestamp::from_second(1_730_000_000 + id.cast_signed()).unwrap();
    annotation.modified = Timestamp::from_second(1_730_100_000 + id.cast_signed()).unwrap();
    annotation
}

/// The project.
pub(crate) fn project() -> Project {
    let mut project = Project::new("Russland & Nordkorea <Test>");
    project
        .apply(Edit::SetNotes {
            notes: "Kurs \"Quellenkritik\"".into(),
        })
        .unwrap();
    let articles = [
        article(
            1,
            "Nordkorea schickt Soldaten",
            "Tagesblatt",
            Some("https://example.org/nk"),
            FIRST,
        ),
        article(
            2,
            "Kommentar: Ein gefährlicher Pakt",
            "Wochenzeitung, Berlin",
            None,
            SECOND,
        ),
    ];
    for article in articles {
        project
            .apply(Edit::AddArticle {
                article: Box::new(article),
                index: None,
            })
            .unwrap();
    }
    let mut annotations = vec![
        tag(
            &project,
            1,
            1,
            "Laut südkoreanischem Geheimdienst sind 12.000 Soldaten in Russland",
            2,
        ),
        tag(&project, 2, 1, "12.000 Soldaten in Russland", 1),
        tag(&project, 3, 1, "„Das ist Propaganda“", 4),
        tag(&project, 4, 1, "🛰 Satellitenbilder zeigen Lager", 1),
        tag(&project, 5, 2, "Die Allianz ist eine Gefahr für Europa", 3),
        tag(&project, 6, 2, "Experten erwarten mehr Waffen", 3),
    ];
    annotations[0].speaker = "südkoreanischer Geheimdienst".into();
    annotations[0].annotator = "lena".into();
    annotations[0].note = "Quelle anonym, \"laut\" ist Distanz;\nzweite Zeile".into();
    annotations[1].annotator = "jonas".into();
    annotations[2].speaker = "Dmitri Peskow".into();
    annotations[2].annotator = "lena".into();
    annotations[2].note = "Dementi, Zitat <wörtlich> & knapp".into();
    annotations[3].annotator = "lena".into();
    annotations[4].annotator = "jonas".into();
    annotations[4].note = "Wertung".into();
    for annotation in annotations {
        project
            .apply(Edit::AddAnnotation {
                annotation,
                index: None,
            })
            .unwrap();
    }
    project
}

/// The project without its annotations (the same articles and tags), for import tests.
pub(crate) fn without_annotations(project: &Project) -> Project {
    let mut bare = project.clone();
    let annotation_ids = project.annotations().iter().map(|a| a.id).collect();
    bare.apply(Edit::RemoveAnnotations { annotation_ids })
        .unwrap();
    bare
}
