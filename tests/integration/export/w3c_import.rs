//! W3C import as other tools write it: selectors inside `refinedBy`, bodies given as IRIs,
//! selector types that name no text, quotes as a page shows them, Hypothesis tags, sizes.

use crate::export::fixture;
use lateral::export::{
    MAX_W3C_BYTES, PlacedBy, W3cError, W3cImport, W3cOptions, import_w3c, import_w3c_with,
};
use lateral::model::{Annotation, Project};

/// The fixture project without annotations; article 1 has the source `https://example.org/nk`.
fn bare() -> Project {
    fixture::without_annotations(&fixture::project())
}

/// Imports `json` and applies it; returns the report and the new annotations in file order.
fn imported(
    project: &mut Project,
    json: &str,
    options: W3cOptions,
) -> (W3cImport, Vec<Annotation>) {
    let before: Vec<_> = project.annotations().iter().map(|a| a.id).collect();
    let import = import_w3c_with(project, json.as_bytes(), options).unwrap();
    project.apply(import.clone().into_edit()).unwrap();
    let mut added: Vec<Annotation> = project
        .annotations()
        .iter()
        .filter(|a| !before.contains(&a.id))
        .cloned()
        .collect();
    added.sort_by_key(|a| a.span.start);
    (import, added)
}

#[test]
fn selectors_inside_refined_by_are_placed() {
    let mut project = bare();
    // As W3C's example of a refinement: a FragmentSelector refined by a TextQuoteSelector; a
    // plain-text fragment (RFC 5147) refined by a position inside it; and a position inside a
    // CSS selection, which plain text cannot resolve.
    let json = r##"[
      {"type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
       "target": {"source": "https://example.org/nk",
         "selector": {"type": "FragmentSelector", "value": "para2",
           "refinedBy": {"type": "TextQuoteSelector", "exact": "12.000 Soldaten",
                         "prefix": "Geheimdienst sind ", "suffix": " in Russland"}}}},
      {"type": "Annotation", "body": {"type": "TextualBody", "purpose": "tagging", "value": "denial"},
       "target": {"source": "https://example.org/nk",
         "selector": [{"type": "FragmentSelector", "value": "char=90,200",
             "refinedBy": [{"type": "TextPositionSelector", "start": 6, "end": 30}]}]}},
      {"type": "Annotation", "target": {"source": "https://example.org/nk",
         "selector": {"type": "CssSelector", "value": "#main",
           "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 10}}}}
    ]"##;
    let (import, added) = imported(&mut project, json, W3cOptions::default());
    assert_eq!(import.skipped.len(), 1, "{:?}", import.skipped);
    assert!(
        import.skipped[0].contains("counts from the start of CssSelector \"#main\""),
        "{:?}",
        import.skipped
    );
    assert_eq!(added.len(), 2);
    let quotes: Vec<&str> = added.iter().map(|a| a.quote.as_str()).collect();
    assert!(quotes.contains(&"12.000 Soldaten"), "{quotes:?}");
    let by_position = added.iter().find(|a| a.quote != "12.000 Soldaten").unwrap();
    let text = project.articles()[0].text();
    let expected: String = text.chars().skip(96).take(24).collect();
    assert_eq!(by_position.quote, expected);
    let hows: Vec<PlacedBy> = import.placed.iter().map(|p| p.by).collect();
    assert_eq!(hows, [PlacedBy::Quote, PlacedBy::Position]);
}

#[test]
fn bodies_given_as_iris_are_kept_as_links_in_the_note() {
    let mut project = bare();
    let json = r#"{"type": "Annotation",
      "body": ["http://example.org/analysis1.mp3",
               {"id": "http://example.org/image1", "type": "Image"},
               {"type": "TextualBody", "value": "Quelle prüfen"}],
      "target": {"source": "https://example.org/nk",
                 "selector": {"type": "TextQuoteSelector", "exact": "Satellitenbilder zeigen Lager"}}}"#;
    let (_, added) = imported(&mut project, json, W3cOptions::default());
    let note = &added[0].note;
    assert!(note.contains("Quelle prüfen"), "{note}");
    assert!(
        note.contains("Link: http://example.org/analysis1.mp3"),
        "{note}"
    );
    assert!(note.contains("Link: http://example.org/image1"), "{note}");
}

#[test]
fn selectors_that_name_no_text_are_named_in_the_message() {
    let project = bare();
    let json = br#"{"type": "Annotation", "body": "http://example.org/comment1",
      "target": {"source": "https://example.org/nk", "selector": [
        {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[2]"}},
        {"type": "FragmentSelector", "value": "xywh=50,50,640,480",
         "refinedBy": {"type": "SvgSelector", "value": "<svg/>"}}]}}"#;
    let error = import_w3c(&project, json).unwrap_err().to_string();
    for kind in [
        "RangeSelector",
        "FragmentSelector",
        "SvgSelector",
        "TextQuoteSelector",
    ] {
        assert!(error.contains(kind), "{kind} missing in: {error}");
    }
    let whole = br#"{"type": "Annotation", "target": "http://example.org/page1"}"#;
    let error = import_w3c(&project, whole).unwrap_err().to_string();
    assert!(
        error.contains("whole resource http://example.org/page1"),
        "{error}"
    );
}

#[test]
fn quotes_as_pages_show_text_are_placed_loosely_on_the_article_text() {
    let mut project = bare();
    // The article has „Das ist Propaganda“ and one space; the page gave a line break, a
    // double space, plain quotes and a soft hyphen.
    let json = "{\"type\": \"Annotation\", \"target\": {\"source\": \"https://example.org/nk\",
      \"selector\": {\"type\": \"TextQuoteSelector\",
                    \"exact\": \"\\\"Das ist  Propa\\u00adganda\\\", sagte\\nPeskow\"}}}";
    let (import, added) = imported(&mut project, json, W3cOptions::default());
    assert_eq!(added[0].quote, "„Das ist Propaganda“, sagte Peskow");
    assert_eq!(import.placed[0].by, PlacedBy::LooseQuote);
    let report = import.report_lines(&project).join("\n");
    assert!(report.contains("1 by loose quote"), "{report}");
    assert!(
        report.contains("annotation 1 placed by loose quote"),
        "{report}"
    );
}

#[test]
fn prefix_and_suffix_choose_among_repeated_quotes() {
    let mut project = bare();
    // "Soldaten" stands twice in article 1 ("schickt Soldaten", "12.000 Soldaten in").
    let json = r#"[{"type": "Annotation", "target": {"source": "https://example.org/nk",
      "selector": {"type": "TextQuoteSelector", "exact": "Soldaten", "prefix": "12.000 ", "suffix": " in Russland"}}},
      {"type": "Annotation", "target": {"source": "https://example.org/nk",
      "selector": {"type": "TextQuoteSelector", "exact": "Soldaten", "prefix": "Nordkorea schickt ", "suffix": "\n"}}}]"#;
    let (_, added) = imported(&mut project, json, W3cOptions::default());
    let text = project.articles()[0].text();
    let second = text.find("12.000 Soldaten").unwrap() + "12.000 ".len();
    let starts: Vec<usize> = added.iter().map(|a| a.span.start).collect();
    assert_eq!(starts, [text.find("Soldaten").unwrap(), second]);
}

const HYPOTHESIS: &str = r#"{"total": 2, "rows": [
  {"id": "a1", "created": "2024-10-28T09:00:00+00:00", "updated": "2024-10-28T09:00:00+00:00",
   "user": "acct:lena@hypothes.is", "uri": "https://www.example.org/nk/", "text": "", "tags": ["Zahl", "claim ", "Geheimdienst"],
   "target": [{"source": "https://www.example.org/nk/", "selector": [
     {"type": "TextPositionSelector", "start": 4000, "end": 4015},
     {"type": "TextQuoteSelector", "exact": "12.000 Soldaten", "prefix": "sind ", "suffix": " in"}]}]},
  {"id": "a2", "created": "2024-10-28T09:01:00+00:00", "updated": "2024-10-28T09:01:00+00:00",
   "user": "acct:lena@hypothes.is", "uri": "https://www.example.org/nk/", "text": "", "tags": ["zahl", "Satellit"],
   "target": [{"source": "https://www.example.org/nk/", "selector": [
     {"type": "TextQuoteSelector", "exact": "Satellitenbilder"}]}]}]}"#;

#[test]
fn hypothesis_tags_naming_project_tags_become_tags_and_the_rest_keywords() {
    let mut project = bare();
    let num_tags = project.tags().len();
    let (import, added) = imported(&mut project, HYPOTHESIS, W3cOptions::default());
    assert_eq!(added.len(), 2, "one annotation per highlighted passage");
    assert_eq!(
        project.tags().len(),
        num_tags + 1,
        "only the fallback tag is new"
    );
    let claim = project
        .tags()
        .iter()
        .find(|t| t.name == "claim")
        .unwrap()
        .id;
    assert_eq!(
        added[0].tag_id, claim,
        "\"claim \" (a trailing space) names the tag claim"
    );
    assert_eq!(added[0].keywords, ["Zahl", "Geheimdienst"]);
    let fallback = project.tag(added[1].tag_id).unwrap();
    assert_eq!(fallback.name, "imported");
    assert_eq!(added[1].keywords, ["zahl", "Satellit"]);
    assert_eq!(import.keywords, ["Zahl", "Geheimdienst", "Satellit"]);
    let report = import.report_lines(&project).join("\n");
    assert!(report.contains("--tags-as-tags"), "{report}");
}

#[test]
fn tags_as_tags_makes_each_tag_a_tag_once() {
    let mut project = bare();
    let num_tags = project.tags().len();
    let options = W3cOptions { tags_as_tags: true };
    let (import, added) = imported(&mut project, HYPOTHESIS, options);
    assert_eq!(added.len(), 5);
    assert_eq!(import.new_tags, ["Zahl", "Geheimdienst", "Satellit"]);
    assert_eq!(
        project.tags().len(),
        num_tags + 3,
        "\"Zahl\" and \"zahl\" are one tag"
    );
    assert!(added.iter().all(|a| a.keywords.is_empty()));
}

#[test]
fn keywords_survive_a_round_trip_through_w3c() {
    let mut project = fixture::project();
    let mut annotation = project.annotations()[0].clone();
    annotation.keywords = vec!["Zahl".into(), "Quelle".into()];
    project
        .apply(lateral::model::Edit::UpdateAnnotation { annotation })
        .unwrap();
    let bytes = lateral::export::export(
        &project,
        lateral::export::ExportFormat::W3c,
        &lateral::export::ExportFilter::default(),
        lateral::export::ExportOptions::default(),
    )
    .unwrap();
    let mut again = fixture::without_annotations(&project);
    let import = import_w3c(&again, &bytes).unwrap();
    assert_eq!(import.keywords, ["Zahl", "Quelle"]);
    again.apply(import.into_edit()).unwrap();
    let with_keywords: Vec<_> = again
        .annotations()
        .iter()
        .filter(|a| !a.keywords.is_empty())
        .collect();
    assert_eq!(with_keywords.len(), 1);
    assert_eq!(with_keywords[0].keywords, ["Zahl", "Quelle"]);
    assert_eq!(with_keywords[0].tag_id, project.annotations()[0].tag_id);
}

#[test]
fn a_position_that_does_not_fit_is_called_a_position() {
    let project = bare();
    let json = br#"{"type": "Annotation", "target": {"source": "https://example.org/nk",
      "selector": {"type": "TextPositionSelector", "start": 5000, "end": 5010}}}"#;
    let error = import_w3c(&project, json).unwrap_err().to_string();
    assert!(
        error.contains("its position (characters 5000 to 5010)"),
        "{error}"
    );
    assert!(error.contains("has no quote"), "{error}");
    assert!(!error.contains("quote is not"), "{error}");
}

#[test]
fn files_above_the_limit_are_refused_before_parsing() {
    let project = bare();
    let big = vec![b' '; usize::try_from(MAX_W3C_BYTES).unwrap() + 1];
    let error = import_w3c(&project, &big).unwrap_err();
    assert!(matches!(error, W3cError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("split it"), "{error}");
}
