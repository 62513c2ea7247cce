//! Reading the fields of one W3C annotation (or Hypothesis' variant of it): the items of a
//! file, the target's selectors, the bodies' tags, note and speaker, creator and times.

use super::SPEAKER_PREFIX;
use crate::export::W3cError;
use jiff::Timestamp;
use serde_json::Value;

pub(super) fn annotation_items(root: &Value) -> Result<Vec<&Value>, W3cError> {
    let items = match root {
        Value::Array(items) => items.iter().collect(),
        Value::Object(object) => {
            let page = object.get("first").unwrap_or(root);
            if let Some(Value::Array(items)) = page.get("items") {
                items.iter().collect()
            } else if let Some(Value::Array(rows)) = object.get("rows") {
                rows.iter().collect() // Hypothesis search API
            } else if object.contains_key("target") {
                vec![root]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    };
    if items.is_empty() {
        return Err(W3cError::NotAnnotations {
            message: "expected an AnnotationCollection, an AnnotationPage, an array of annotations or an annotation".into(),
        });
    }
    Ok(items)
}

/// What a W3C target says about the passage.
pub(super) struct Target<'a> {
    pub source: &'a str,
    pub exact: Option<&'a str>,
    pub prefix: &'a str,
    pub suffix: &'a str,
    pub position: Option<(usize, usize)>,
}

pub(super) fn read_target(item: &Value) -> Option<Target<'_>> {
    let target = match item.get("target")? {
        Value::Array(targets) => targets.first()?,
        other => other,
    };
    let source = target
        .get("source")
        .and_then(Value::as_str)
        .or_else(|| item.get("uri").and_then(Value::as_str))
        .unwrap_or("");
    let selectors: Vec<&Value> = match target.get("selector") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    let of_type = |name: &str| {
        selectors
            .iter()
            .copied()
            .find(|s| s.get("type").and_then(Value::as_str) == Some(name))
    };
    let quote = of_type("TextQuoteSelector");
    let text_field = |key: &str| quote.and_then(|q| q.get(key)).and_then(Value::as_str);
    let position = of_type("TextPositionSelector").and_then(|p| {
        let number = |key: &str| p.get(key).and_then(Value::as_u64).map(|n| n as usize);
        Some((number("start")?, number("end")?))
    });
    if text_field("exact").is_none() && position.is_none() {
        return None;
    }
    Some(Target {
        source,
        exact: text_field("exact"),
        prefix: text_field("prefix").unwrap_or(""),
        suffix: text_field("suffix").unwrap_or(""),
        position,
    })
}

fn bodies(item: &Value) -> Vec<&Value> {
    match item.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    }
}

fn body_values<'a>(item: &'a Value, purpose: &str) -> Vec<&'a str> {
    bodies(item)
        .into_iter()
        .filter(|b| b.get("purpose").and_then(Value::as_str) == Some(purpose))
        .filter_map(|b| b.get("value").and_then(Value::as_str))
        .collect()
}

pub(super) fn tag_names(item: &Value) -> Vec<String> {
    let mut names: Vec<String> = body_values(item, "tagging")
        .into_iter()
        .map(str::to_owned)
        .collect();
    if let Some(Value::Array(tags)) = item.get("tags") {
        names.extend(tags.iter().filter_map(Value::as_str).map(str::to_owned)); // Hypothesis
    }
    names.retain(|n| !n.trim().is_empty());
    names.dedup();
    names
}

pub(super) fn note_and_speaker(item: &Value) -> (String, String) {
    let mut notes: Vec<&str> = body_values(item, "commenting");
    notes.extend(
        item.get("text")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty()),
    ); // Hypothesis
    let mut speaker = String::new();
    for value in body_values(item, "describing") {
        match value.strip_prefix(SPEAKER_PREFIX) {
            Some(name) if speaker.is_empty() => name.clone_into(&mut speaker),
            _ => notes.push(value),
        }
    }
    (notes.join("\n\n"), speaker)
}

pub(super) fn creator(item: &Value) -> String {
    let creator = item.get("creator").map(|c| match c {
        Value::String(s) => s.as_str(),
        other => other
            .get("name")
            .or_else(|| other.get("nickname"))
            .and_then(Value::as_str)
            .unwrap_or(""),
    });
    let user = item.get("user").and_then(Value::as_str).map(|u| {
        let u = u.strip_prefix("acct:").unwrap_or(u);
        u.split('@').next().unwrap_or(u)
    });
    creator.or(user).unwrap_or("").to_owned()
}

pub(super) fn timestamp(item: &Value, key: &str) -> Timestamp {
    item.get(key)
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(Timestamp::now)
}
