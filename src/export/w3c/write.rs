//! Writing a project's annotations as a W3C `AnnotationCollection`.

use super::{ANNOTATION_URN, ARTICLE_URN, CONTEXT, SPEAKER_PREFIX};
use crate::export::{CharIndex, ExportError, ExportFilter};
use crate::model::{Annotation, Article, ArticleId, Project};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// The target `source` of an article: its URL, or a URN naming its id.
pub(super) fn article_source(article: &Article) -> String {
    article
        .meta
        .url
        .as_deref()
        .map(str::trim)
        .filter(|url| !url.is_empty())
        .map_or_else(|| format!("{ARTICLE_URN}{}", article.id.0), str::to_owned)
}

/// Writes the filtered annotations as pretty JSON-LD.
pub(in crate::export) fn write_w3c(
    project: &Project,
    filter: &ExportFilter,
) -> Result<Vec<u8>, ExportError> {
    let mut indexes: HashMap<ArticleId, CharIndex> = HashMap::new();
    let items: Vec<W3cAnnotation<'_>> = filter
        .annotations(project)
        .filter_map(|annotation| {
            let article = project.article(annotation.article_id)?;
            let index = indexes
                .entry(article.id)
                .or_insert_with(|| CharIndex::new(article.text()));
            Some(annotation_json(project, article, index, annotation))
        })
        .collect();
    let collection = Collection {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label: project.title(),
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    let mut bytes = serde_json::to_vec_pretty(&collection).map_err(|e| ExportError::Json {
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<W3cAnnotation<'a>>,
}

#[derive(Serialize)]
struct W3cAnnotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Creator<'a>>,
    created: String,
    modified: String,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
}

#[derive(Serialize)]
struct Target<'a> {
    source: Source<'a>,
    selector: (QuoteSelector<'a>, PositionSelector),
}

/// The article as an external resource: its address (or URN) and what is known of it (no
/// `format`: the positions count in Lateral's text, whatever the address serves). Terms
/// of the annotation context where it has them (`label`, `creator`, `language`), Dublin Core
/// by full IRI for the outlet and the date, so that no context beyond the W3C one is needed.
#[derive(Serialize)]
struct Source<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    language: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    label: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    creator: Vec<Creator<'a>>,
    #[serde(
        rename = "http://purl.org/dc/terms/publisher",
        skip_serializing_if = "str::is_empty"
    )]
    publisher: &'a str,
    #[serde(
        rename = "http://purl.org/dc/terms/issued",
        skip_serializing_if = "Option::is_none"
    )]
    issued: Option<String>,
}

fn source(article: &Article) -> Source<'_> {
    let meta = &article.meta;
    Source {
        id: article_source(article),
        kind: "Text",
        language: meta.language.trim(),
        label: meta.title.trim(),
        creator: meta
            .authors
            .iter()
            .map(|name| name.trim())
            .filter(|name| !name.is_empty())
            .map(|name| Creator {
                kind: "Person",
                name,
            })
            .collect(),
        publisher: meta.outlet.trim(),
        // ISO 8601 when the date reads as one, else as written.
        issued: meta.pub_date().map(|d| d.to_iso()).or_else(|| {
            meta.date
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
        }),
    }
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

fn textual_body<'a>(purpose: &'static str, value: Cow<'a, str>) -> Body<'a> {
    let format = (purpose == "commenting").then_some("text/plain");
    Body {
        kind: "TextualBody",
        purpose,
        value,
        format,
    }
}

fn annotation_json<'a>(
    project: &'a Project,
    article: &'a Article,
    index: &CharIndex,
    annotation: &'a Annotation,
) -> W3cAnnotation<'a> {
    let tag_name = project.tag(annotation.tag_id).map_or_else(
        || Cow::Owned(annotation.tag_id.to_string()),
        |t| Cow::Borrowed(t.name.as_str()),
    );
    let mut body = vec![textual_body("tagging", tag_name)];
    body.extend(
        annotation
            .keywords
            .iter()
            .map(|keyword| textual_body("tagging", Cow::Borrowed(keyword.as_str()))),
    );
    if !annotation.note.is_empty() {
        body.push(textual_body("commenting", Cow::Borrowed(&annotation.note)));
    }
    if !annotation.speaker.is_empty() {
        let value = format!("{SPEAKER_PREFIX}{}", annotation.speaker);
        body.push(textual_body("describing", Cow::Owned(value)));
    }
    W3cAnnotation {
        id: format!("{ANNOTATION_URN}{}", annotation.id.0),
        kind: "Annotation",
        motivation: "tagging",
        creator: (!annotation.annotator.is_empty()).then_some(Creator {
            kind: "Person",
            name: &annotation.annotator,
        }),
        created: annotation.created.to_string(),
        modified: annotation.modified.to_string(),
        body,
        target: Target {
            source: source(article),
            selector: (
                QuoteSelector {
                    kind: "TextQuoteSelector",
                    exact: &annotation.quote,
                    prefix: &annotation.prefix,
                    suffix: &annotation.suffix,
                },
                PositionSelector {
                    kind: "TextPositionSelector",
                    start: index
                        .char_of_byte(annotation.span.start)
                        .unwrap_or_default(),
                    end: index.char_of_byte(annotation.span.end).unwrap_or_default(),
                },
            ),
        },
    }
}
