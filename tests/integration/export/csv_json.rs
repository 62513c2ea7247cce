//! CSV and JSON: golden files, CSV read back by the `csv` crate, JSON against its schema.

use crate::export::{assert_golden, fixture, sample_project};
use lateral::export::{
    CsvSeparator, ExportFilter, ExportFormat, ExportOptions, ExportRow, JSON_SCHEMA, export, rows,
};
use lateral::model::{ArticleId, Project, TagId};
use serde_json::Value;

fn csv_of(project: &Project, filter: &ExportFilter, options: ExportOptions) -> Vec<u8> {
    export(project, ExportFormat::Csv, filter, options).unwrap()
}

#[test]
fn csv_matches_golden_and_reads_back() {
    let project = fixture::project();
    let bytes = csv_of(&project, &ExportFilter::default(), ExportOptions::default());
    assert_golden("fixture.csv", &String::from_utf8(bytes.clone()).unwrap());
    let read: Vec<ExportRow> = csv::Reader::from_reader(bytes.as_slice())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read, rows(&project, &ExportFilter::default()));
    assert_eq!(read.len(), project.annotations().len());
    for (row, annotation) in read.iter().zip(project.annotations()) {
        let text = project.article(annotation.article_id).unwrap().text();
        assert_eq!(row.quote, annotation.quote);
        assert_eq!(&text[row.start_byte..row.end_byte], annotation.quote);
        let by_chars: String = text
            .chars()
            .skip(row.start_char)
            .take(row.end_char - row.start_char)
            .collect();
        assert_eq!(by_chars, annotation.quote);
        assert!(row.sentence.contains(&annotation.quote));
    }
}

#[test]
fn csv_for_german_excel_has_bom_and_semicolons() {
    let project = fixture::project();
    let options = ExportOptions {
        csv_bom: true,
        csv_separator: CsvSeparator::Semicolon,
    };
    let bytes = csv_of(&project, &ExportFilter::default(), options);
    assert!(bytes.starts_with(b"\xEF\xBB\xBFproject;article;"));
    let read: Vec<ExportRow> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..])
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read, rows(&project, &ExportFilter::default()));
}

#[test]
fn filters_select_articles_tags_and_annotator() {
    let project = fixture::project();
    let count = |filter: ExportFilter| rows(&project, &filter).len();
    assert_eq!(
        count(ExportFilter {
            articles: Some(vec![ArticleId(2)]),
            ..ExportFilter::default()
        }),
        2
    );
    assert_eq!(
        count(ExportFilter {
            tags: Some(vec![TagId(1), TagId(4)]),
            ..ExportFilter::default()
        }),
        3
    );
    assert_eq!(
        count(ExportFilter {
            annotator: Some("lena".into()),
            ..ExportFilter::default()
        }),
        3
    );
    let none = ExportFilter {
        articles: Some(vec![ArticleId(2)]),
        tags: Some(vec![TagId(4)]),
        annotator: None,
    };
    let bytes = csv_of(&project, &none, ExportOptions::default());
    assert_eq!(
        String::from_utf8(bytes).unwrap().lines().count(),
        1,
        "only the header"
    );
}

#[test]
fn json_matches_golden_and_schema() {
    let project = fixture::project();
    let bytes = export(
        &project,
        ExportFormat::Json,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert_golden("fixture.json", &text);
    let schema: Value = serde_json::from_str(JSON_SCHEMA).unwrap();
    let instance: Value = serde_json::from_str(&text).unwrap();
    validate(&schema, &instance, "$");
    let filtered = ExportFilter {
        tags: Some(vec![TagId(3)]),
        ..ExportFilter::default()
    };
    let bytes = export(
        &project,
        ExportFormat::Json,
        &filtered,
        ExportOptions::default(),
    )
    .unwrap();
    let instance: Value = serde_json::from_slice(&bytes).unwrap();
    validate(&schema, &instance, "$");
    assert_eq!(instance["tags"].as_array().unwrap().len(), 1);
    assert_eq!(instance["annotations"].as_array().unwrap().len(), 2);
}

#[test]
fn sample_project_exports_csv_and_json() {
    let project = sample_project();
    let bytes = csv_of(&project, &ExportFilter::default(), ExportOptions::default());
    let read: Vec<ExportRow> = csv::Reader::from_reader(bytes.as_slice())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(read, rows(&project, &ExportFilter::default()));
    let json = export(
        &project,
        ExportFormat::Json,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .unwrap();
    validate(
        &serde_json::from_str(JSON_SCHEMA).unwrap(),
        &serde_json::from_slice(&json).unwrap(),
        "$",
    );
}

/// Checks the subset of JSON Schema the export schema uses: type, const, required,
/// properties, additionalProperties: false, items, minimum and pattern `^#[0-9a-f]{6}$`.
fn validate(schema: &Value, value: &Value, at: &str) {
    if let Some(expected) = schema.get("const") {
        assert_eq!(value, expected, "{at}: const");
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            other => vec![other.as_str().unwrap()],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "null" => value.is_null(),
            other => panic!("schema type {other} not handled"),
        });
        assert!(ok, "{at}: expected {types:?}, found {value}");
    }
    if let (Some(minimum), Some(n)) = (
        schema.get("minimum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        assert!(n >= minimum, "{at}: below minimum");
    }
    if schema.get("pattern").is_some() {
        let s = value.as_str().unwrap();
        assert!(
            s.len() == 7
                && s.starts_with('#')
                && s[1..]
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
            "{at}: pattern"
        );
    }
    if let Some(object) = value.as_object() {
        for key in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            assert!(
                object.contains_key(key.as_str().unwrap()),
                "{at}: missing {key}"
            );
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, child) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(child_schema) => validate(child_schema, child, &format!("{at}.{key}")),
                None => assert_ne!(
                    schema.get("additionalProperties"),
                    Some(&Value::Bool(false)),
                    "{at}: unexpected {key}"
                ),
            }
        }
    }
    if let (Some(items), Some(list)) = (schema.get("items"), value.as_array()) {
        for (i, item) in list.iter().enumerate() {
            validate(items, item, &format!("{at}[{i}]"));
        }
    }
}
