//! W3C Web Annotation: golden file, round trip, Hypothesis JSON, bad input.

use crate::export::{assert_golden, fixture, sample_project};
use lateral::export::{ExportFilter, ExportFormat, ExportOptions, W3cError, export, import_w3c};
use lateral::model::{Project, TagId};

fn w3c_of(project: &Project) -> Vec<u8> {
    export(
        project,
        ExportFormat::W3c,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .unwrap()
}

fn round_trip(project: &Project) {
    let bytes = w3c_of(project);
    let mut bare = fixture::without_annotations(project);
    let import = import_w3c(&bare, &bytes).unwrap();
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    bare.apply(import.into_edit()).unwrap();
    // Imported annotations get fresh (random) ids; compare them by content.
    let without_id = |annotations: &[lateral::model::Annotation]| {
        let mut annotations = annotations.to_vec();
        for annotation in &mut annotations {
            annotation.id = lateral::model::AnnotationId(0);
            annotation.linked.clear(); // links between annotations are Lateral's own
        }
        annotations
    };
    assert_eq!(
        without_id(bare.annotations()),
        without_id(project.annotations())
    );
    assert_eq!(bare.tags(), project.tags(), "no tags were added");
}

#[test]
fn w3c_matches_golden() {
    let text = String::from_utf8(w3c_of(&fixture::project())).unwrap();
    assert_golden("fixture.w3c.jsonld", &text);
    assert!(text.contains("\"TextQuoteSelector\"") && text.contains("\"TextPositionSelector\""));
    assert!(
        text.contains("\"purpose\": \"tagging\"") && text.contains("\"purpose\": \"commenting\"")
    );
}

#[test]
fn w3c_round_trips() {
    round_trip(&fixture::project());
}

#[test]
fn sample_project_round_trips_w3c() {
    round_trip(&sample_project());
}

#[test]
fn importing_twice_adds_nothing() {
    let project = fixture::project();
    let error = import_w3c(&project, &w3c_of(&project)).unwrap_err();
    assert!(
        error.to_string().contains("already in the project"),
        "{error}"
    );
}

#[test]
fn quotes_that_match_no_text_are_refused() {
    let project = fixture::without_annotations(&fixture::project());
    let json = br#"{"type": "Annotation", "body": {"purpose": "tagging", "value": "claim"},
        "target": {"source": "https://example.org/nk",
                   "selector": {"type": "TextQuoteSelector", "exact": "Das steht nirgends"}}}"#;
    let before = project.clone();
    let error = import_w3c(&project, json).unwrap_err();
    assert!(matches!(
        error,
        W3cError::NothingMatched {
            num_annotations: 1,
            ..
        }
    ));
    assert!(
        error.to_string().contains("is not in the article"),
        "{error}"
    );
    assert_eq!(project, before);
    assert!(matches!(
        import_w3c(&project, b"{ nope"),
        Err(W3cError::Json { .. })
    ));
    assert!(matches!(
        import_w3c(&project, b"{\"a\": 1}"),
        Err(W3cError::NotAnnotations { .. })
    ));
}

/// The shape of Hypothesis' API (`/api/search` rows and its export): `uri`, `text` as the
/// note, `tags`, `user` as `acct:NAME@hypothes.is`, a target list whose selectors include a
/// `RangeSelector`, and positions that are off because the page had more text than the article.
#[test]
fn imports_hypothesis_json() {
    let project = fixture::without_annotations(&fixture::project());
    let json = r#"{"total": 1, "rows": [{
        "id": "Zk3xA", "created": "2024-10-28T09:00:00.000000+00:00", "updated": "2024-10-28T09:05:00.000000+00:00",
        "user": "acct:lena@hypothes.is", "uri": "https://example.org/nk", "text": "prüfen", "tags": ["claim", "Zahl"],
        "target": [{"source": "https://example.org/nk", "selector": [
            {"type": "RangeSelector", "endOffset": 60, "startOffset": 33, "endContainer": "/div[1]/p[2]", "startContainer": "/div[1]/p[2]"},
            {"type": "TextPositionSelector", "end": 1099, "start": 1072},
            {"type": "TextQuoteSelector", "exact": "12.000 Soldaten in Russland", "prefix": "Geheimdienst sind ", "suffix": ". Moskau"}]}]}]}"#;
    let mut project = project;
    let import = import_w3c(&project, json.as_bytes()).unwrap();
    assert_eq!(import.num_imported, 1, "one annotation per passage");
    assert_eq!(import.keywords, ["Zahl"]);
    assert!(import.new_tags.is_empty(), "{:?}", import.new_tags);
    let num_tags = project.tags().len();
    project.apply(import.into_edit()).unwrap();
    let added = project.annotations();
    assert_eq!(added[0].quote, "12.000 Soldaten in Russland");
    assert_eq!(
        added[0].tag_id,
        TagId(1),
        "the tag that names a project tag"
    );
    assert_eq!(added[0].keywords, ["Zahl"], "the other tags are keywords");
    assert_eq!(added[0].annotator, "lena");
    assert_eq!(added[0].note, "prüfen");
    assert_eq!(added[0].created.to_string(), "2024-10-28T09:00:00Z");
    assert_eq!(project.tags().len(), num_tags, "no tag was created");
}
