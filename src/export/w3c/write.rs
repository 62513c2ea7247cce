//! Writing a project's annotations as a W3C `AnnotationCollection`.

use super::{ANNOTATION_URN, ARTICLE_URN, CONTEXT, SPEAKER_PREFIX};
use crate::export::{CharIndex, ExportError, ExportFilter};
use crate::model::{Annotation, Article, ArticleId, Project};
use serde_json::{Value, json};
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
    let items: Vec<Value> = filter
        .annotations(project)
        .filter_map(|annotation| {
            let article = project.article(annotation.article_id)?;
            let index = indexes
                .entry(article.id)
                .or_insert_with(|| CharIndex::new(article.text()));
            Some(annotation_json(project, article, index, annotation))
        })
        .collect();
    let collection = json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": project.title(),
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut bytes = serde_json::to_vec_pretty(&collection).map_err(|e| ExportError::Json {
        message: e.to_string(),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn annotation_json(
    project: &Project,
    article: &Article,
    index: &CharIndex,
    annotation: &Annotation,
) -> Value {
    let tag_name = project
        .tag(annotation.tag_id)
        .map_or_else(|| annotation.tag_id.to_string(), |t| t.name.clone());
    let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": tag_name})];
    if !annotation.note.is_empty() {
        body.push(json!({
            "type": "TextualBody", "purpose": "commenting", "value": annotation.note, "format": "text/plain",
        }));
    }
    if !annotation.speaker.is_empty() {
        body.push(json!({
            "type": "TextualBody", "purpose": "describing",
            "value": format!("{SPEAKER_PREFIX}{}", annotation.speaker),
        }));
    }
    let mut value = json!({
        "id": format!("{ANNOTATION_URN}{}", annotation.id.0),
        "type": "Annotation",
        "motivation": "tagging",
        "created": annotation.created.to_string(),
        "modified": annotation.modified.to_string(),
        "body": body,
        "target": {
            "source": article_source(article),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.quote,
                    "prefix": annotation.prefix,
                    "suffix": annotation.suffix,
                },
                {
                    "type": "TextPositionSelector",
                    "start": index.char_of_byte(annotation.span.start).unwrap_or_default(),
                    "end": index.char_of_byte(annotation.span.end).unwrap_or_default(),
                },
            ],
        },
    });
    if !annotation.annotator.is_empty()
        && let Some(object) = value.as_object_mut()
    {
        object.insert(
            "creator".into(),
            json!({"type": "Person", "name": annotation.annotator}),
        );
    }
    value
}
