//! W3C import on files nobody here wrote: the examples of the W3C Web Annotation Data Model,
//! Hypothesis' W3C output from W3C's conformance tests, and a real Hypothesis `/api/search`
//! response (see `tests/data/w3c/NOTICE.md`). More Hypothesis files run when
//! `LATERAL_REAL_HYPOTHESIS_DIR` names a folder of them.

use lateral::export::{PlacedBy, W3cError, W3cImport, import_w3c};
use lateral::model::{Article, ArticleId, ArticleMeta, Edit, ImportReport, Project};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/w3c")
        .join(path)
}

/// A project of one article per (address, text).
fn project_of(articles: &[(&str, String)]) -> Project {
    let mut project = Project::new("real files");
    for ((url, text), id) in articles.iter().zip(1..) {
        let meta = ArticleMeta {
            title: format!("Article {id}"),
            url: Some((*url).to_owned()),
            ..ArticleMeta::default()
        };
        let article = Article::new(ArticleId(id), meta, text.clone(), ImportReport::default());
        project
            .apply(Edit::AddArticle {
                article: Box::new(article),
                index: None,
            })
            .unwrap();
    }
    project
}

/// The `source` of an annotation's first target (a target given as a bare IRI counts).
fn first_source(item: &Value) -> String {
    let target = match &item["target"] {
        Value::Array(list) => list.first().cloned().unwrap_or(Value::Null),
        other => other.clone(),
    };
    match &target {
        Value::String(iri) => iri.clone(),
        _ => match &target["source"] {
            Value::String(source) => source.clone(),
            source => source["id"].as_str().unwrap_or("").to_owned(),
        },
    }
}

/// Text holding the quotes of the W3C examples with their context, and 900 more characters.
fn examples_text() -> String {
    let mut text = String::from(
        "Intro: this is an anotation that has some text. Then text before the Selected Text and text after it. ",
    );
    while text.chars().count() < 900 {
        text.push_str(
            "Ein Satz füllt die Seite, damit die Positionen der Beispiele in den Text fallen. ",
        );
    }
    text
}

fn problem(error: &W3cError) -> String {
    match error {
        W3cError::NothingMatched { first_problem, .. } => first_problem.clone(),
        other => other.to_string(),
    }
}

#[test]
fn w3c_examples_are_placed_or_refused_with_their_reason() {
    let text = examples_text();
    let mut files: Vec<PathBuf> = std::fs::read_dir(data("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 44, "anno1–anno43 and collection1");
    // What each example must give: placed with a quote, or refused naming the reason.
    let placed: BTreeMap<&str, &str> = [
        ("anno23.json", "anotation"),
        ("anno29.json", "Selected Text"),
    ]
    .into();
    let refused: BTreeMap<&str, &str> = [
        ("anno1.json", "whole resource http://example.com/page1"),
        ("anno21.json", "found CssSelector"),
        ("anno22.json", "found XPathSelector"),
        ("anno25.json", "found DataPositionSelector"),
        ("anno27.json", "found SvgSelector"),
        ("anno28.json", "found RangeSelector"),
        (
            "anno38.json",
            "counts from the start of FragmentSelector \"xpointer(/doc/body/section[2]/para[1])\"",
        ),
    ]
    .into();
    let mut num_placed = 0;
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(file).unwrap();
        let root: Value = serde_json::from_slice(&bytes).unwrap();
        let first = root["first"]["items"].get(0).unwrap_or(&root);
        let project = project_of(&[(first_source(first).as_str(), text.clone())]);
        match import_w3c(&project, &bytes) {
            Ok(import) => {
                num_placed += 1;
                if let Some(quote) = placed.get(name) {
                    let mut project = project.clone();
                    project.apply(import.into_edit()).unwrap();
                    assert_eq!(project.annotations()[0].quote, *quote, "{name}");
                }
                assert!(!refused.contains_key(name), "{name} should be refused");
            }
            Err(error) => {
                let why = problem(&error);
                assert!(!why.is_empty(), "{name}");
                assert!(!placed.contains_key(name), "{name}: {why}");
                if let Some(expected) = refused.get(name) {
                    assert!(why.contains(expected), "{name}: {why}");
                }
            }
        }
    }
    // anno23, anno24 (a position), anno29, and the collection (which holds them).
    assert_eq!(num_placed, 4);
}

#[test]
fn w3c_example_with_a_position_and_an_iri_body() {
    let text = examples_text();
    let bytes = std::fs::read(data("examples/anno24.json")).unwrap();
    let mut project = project_of(&[("http://example.org/ebook1", text.clone())]);
    let import = import_w3c(&project, &bytes).unwrap();
    assert_eq!(import.placed[0].by, PlacedBy::Position);
    project.apply(import.into_edit()).unwrap();
    let expected: String = text.chars().skip(412).take(795 - 412).collect();
    assert_eq!(project.annotations()[0].quote, expected);
    // anno29's body is an IRI: kept as a link in the note.
    let bytes = std::fs::read(data("examples/anno29.json")).unwrap();
    let mut project = project_of(&[("http://example.org/page1", text)]);
    project
        .apply(import_w3c(&project, &bytes).unwrap().into_edit())
        .unwrap();
    assert_eq!(
        project.annotations()[0].note,
        "Link: http://example.org/comment1"
    );
}

#[test]
fn hypothesis_w3c_output_lands_on_the_page_text() {
    // example.com as a reader saves it in 2017: one space where the page source had a line
    // break and indentation.
    let page = "Example Domain\n\nThis domain is established to be used for illustrative examples in documents. You may use this domain in examples without prior coordination or asking for permission.\n\nMore information...";
    let mut project = project_of(&[("http://example.com/", page.to_owned())]);
    let mut hows = Vec::new();
    for file in ["hypothesis/HY01.jsonld", "hypothesis/HY02.jsonld"] {
        let import = import_w3c(&project, &std::fs::read(data(file)).unwrap()).unwrap();
        assert!(import.skipped.is_empty(), "{file}: {:?}", import.skipped);
        assert_eq!(import.keywords, ["w3c", "annotation", "testing"], "{file}");
        hows.push(import.placed[0].by);
        project.apply(import.into_edit()).unwrap();
    }
    assert_ne!(hows[0], PlacedBy::LooseQuote);
    assert_eq!(
        hows[1],
        PlacedBy::LooseQuote,
        "its quote has a line break and spaces"
    );
    let quotes: Vec<&str> = project
        .annotations()
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert!(quotes.contains(&"This domain is established to be used for illustrative examples"));
    assert!(quotes.contains(&"Domain\n\nThis domain is established"));
    let note = &project.annotations()[0].note;
    assert!(note.starts_with("This is a test annotation"), "{note}");
    assert!(
        project
            .annotations()
            .iter()
            .all(|a| a.annotator == "nickstenning")
    );
}

/// Articles for the rows of a Hypothesis search response, holding each quote with its context
/// as a page shows text (whitespace runs as one space); and the number of rows with a quote
/// that is not empty.
fn articles_for_rows(rows: &[Value]) -> (Vec<(String, String)>, usize) {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut pages: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut num_quoted = 0;
    for row in rows {
        let Some(target) = row["target"].get(0) else {
            continue;
        };
        let Some(quote) = target["selector"]
            .as_array()
            .and_then(|selectors| selectors.iter().find(|s| s["type"] == "TextQuoteSelector"))
        else {
            continue;
        };
        if quote["exact"].as_str().is_none_or(|e| e.trim().is_empty()) {
            continue; // a note on the whole page: it selects no text
        }
        num_quoted += 1;
        let paragraph = collapse(&format!(
            "{} {} {}",
            quote["prefix"].as_str().unwrap_or(""),
            quote["exact"].as_str().unwrap_or(""),
            quote["suffix"].as_str().unwrap_or("")
        ));
        let uri = row["uri"].as_str().unwrap_or("").to_owned();
        let paragraphs = pages.entry(uri).or_default();
        if !paragraphs.contains(&paragraph) {
            paragraphs.push(paragraph);
        }
    }
    let articles = pages
        .into_iter()
        .map(|(uri, paragraphs)| (uri, paragraphs.join("\n\n")))
        .collect();
    (articles, num_quoted)
}

fn import_rows(bytes: &[u8]) -> (Project, W3cImport, usize, usize) {
    let root: Value = serde_json::from_slice(bytes).unwrap();
    let rows = root["rows"]
        .as_array()
        .or_else(|| root.as_array())
        .unwrap()
        .clone();
    let (articles, num_quoted) = articles_for_rows(&rows);
    let borrowed: Vec<(&str, String)> = articles
        .iter()
        .map(|(u, t)| (u.as_str(), t.clone()))
        .collect();
    let project = project_of(&borrowed);
    let import = import_w3c(&project, bytes).unwrap();
    (project, import, rows.len(), num_quoted)
}

#[test]
fn hypothesis_search_response_gives_one_annotation_per_passage() {
    let bytes = std::fs::read(data("hypothesis/search-response.json")).unwrap();
    let (mut project, import, num_rows, num_quoted) = import_rows(&bytes);
    assert_eq!((num_rows, num_quoted), (20, 20));
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    assert_eq!(
        import.num_imported, 20,
        "one annotation per highlighted passage"
    );
    let loose = import
        .placed
        .iter()
        .filter(|p| p.by == PlacedBy::LooseQuote)
        .count();
    assert!(
        loose >= 4,
        "quotes with line breaks or double spaces: {loose}"
    );
    let num_tags = project.tags().len();
    project.apply(import.into_edit()).unwrap();
    assert_eq!(
        project.tags().len(),
        num_tags + 1,
        "only \"imported\" is new"
    );
    // Every row's tags are its annotation's keywords.
    let root: Value = serde_json::from_slice(&bytes).unwrap();
    let num_row_tags: usize = root["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["tags"].as_array().map_or(0, Vec::len))
        .sum();
    let num_keywords: usize = project.annotations().iter().map(|a| a.keywords.len()).sum();
    assert!(num_row_tags > 200, "{num_row_tags}");
    assert_eq!(num_keywords, num_row_tags);
    // Each passage is the article's own text.
    for annotation in project.annotations() {
        let text = project.article(annotation.article_id).unwrap().text();
        assert_eq!(annotation.span.slice(text), Some(annotation.quote.as_str()));
    }
}

/// Hypothesis files from elsewhere (no licence to commit them): every row with a quote lands.
#[test]
fn hypothesis_files_in_a_folder_if_provided() {
    let Some(dir) = std::env::var_os("LATERAL_REAL_HYPOTHESIS_DIR") else {
        eprintln!("LATERAL_REAL_HYPOTHESIS_DIR is not set; skipped");
        return;
    };
    let mut files: Vec<PathBuf> = walk(Path::new(&dir));
    files.sort();
    assert!(!files.is_empty(), "no .json files in {}", dir.display());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let (_, import, num_rows, num_quoted) = import_rows(&bytes);
        let loose = import
            .placed
            .iter()
            .filter(|p| p.by == PlacedBy::LooseQuote)
            .count();
        eprintln!(
            "{}: {num_rows} rows, {num_quoted} with a quote, {} placed ({loose} loosely), {} skipped",
            file.display(),
            import.placed.len(),
            import.skipped.len()
        );
        assert_eq!(import.placed.len(), num_quoted, "{:?}", import.skipped);
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
    files
}
