//! Reading the fields of one W3C annotation (or Hypothesis' variant of it): the items of a
//! file, the target's selectors, the bodies' tags, note and speaker, creator and times.

use super::SPEAKER_PREFIX;
use crate::export::W3cError;
use jiff::Timestamp;
use serde_json::Value;
use serde_json::value::RawValue;

/// The shapes of a file's top level: an `AnnotationCollection` (`first` page), an
/// `AnnotationPage` (`items`), Hypothesis' search response (`rows`), or one annotation.
#[derive(serde::Deserialize)]
struct Shape<'a> {
    #[serde(borrow, default)]
    first: Option<&'a RawValue>,
    #[serde(borrow, default)]
    items: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    rows: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    target: Option<&'a RawValue>,
}

/// A page: its items.
#[derive(serde::Deserialize)]
struct PageShape<'a> {
    #[serde(borrow, default)]
    items: Option<Vec<&'a RawValue>>,
}

/// The annotations of a file, each still as its JSON text: the file is checked once, and
/// each annotation is read only when it is imported, so memory stays near one annotation's
/// worth beyond the file itself.
pub(super) fn annotation_items(json: &[u8]) -> Result<Vec<&RawValue>, W3cError> {
    let syntax = |e: serde_json::Error| W3cError::Json {
        message: e.to_string(),
    };
    let first_byte = json.iter().find(|b| !b.is_ascii_whitespace());
    let items = match first_byte {
        Some(b'[') => serde_json::from_slice::<Vec<&RawValue>>(json).map_err(syntax)?,
        Some(b'{') => {
            let shape: Shape<'_> = serde_json::from_slice(json).map_err(syntax)?;
            let page_items = shape
                .first
                .and_then(|first| serde_json::from_str::<PageShape<'_>>(first.get()).ok())
                .and_then(|page| page.items);
            if let Some(items) = page_items.or(shape.items) {
                items
            } else if let Some(rows) = shape.rows {
                rows // Hypothesis search API
            } else if shape.target.is_some() {
                vec![serde_json::from_slice::<&RawValue>(json).map_err(syntax)?]
            } else {
                Vec::new()
            }
        }
        _ => {
            // Not an array or object: let the parser say what is wrong, if anything.
            serde_json::from_slice::<Value>(json).map_err(syntax)?;
            Vec::new()
        }
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
    /// Start and end in characters of the whole text: a top-level `TextPositionSelector`, or
    /// one inside a selector whose start is known (a `TextPositionSelector`, a
    /// `FragmentSelector` of `char=` form).
    pub position: Option<(usize, usize)>,
    /// A `TextPositionSelector` inside a selector Lateral cannot resolve in plain text (an
    /// `XPath`, CSS or `XPointer` fragment): its start and end, and that selector's description.
    pub relative_position: Option<(usize, usize, String)>,
}

/// The selector types Lateral can place in plain text.
const TEXT_SELECTORS: [&str; 2] = ["TextQuoteSelector", "TextPositionSelector"];

/// Where positions inside a selector count from.
#[derive(Clone)]
enum Base {
    /// From this character of the whole text.
    Known(usize),
    /// From the start of a selection Lateral cannot resolve, described.
    Unknown(String),
}

/// Selectors of one target, flattened through `refinedBy`.
#[derive(Default)]
struct Found<'a> {
    quote: Option<&'a Value>,
    position: Option<(usize, usize)>,
    relative_position: Option<(usize, usize, String)>,
    types: Vec<&'a str>,
}

/// Reads the passage an annotation targets: the first target with a text quote or position,
/// looking through every selector and the `refinedBy` chains inside them. Says which selector
/// types were found when none of them is a text selector.
pub(super) fn read_target(item: &Value) -> Result<Target<'_>, String> {
    let targets: Vec<&Value> = match item.get("target") {
        Some(Value::Array(targets)) => targets.iter().collect(),
        Some(one) => vec![one],
        None => return Err("it has no target".into()),
    };
    let mut found_types: Vec<&str> = Vec::new();
    for target in &targets {
        if let Value::String(iri) = target {
            if targets.len() == 1 {
                return Err(format!(
                    "its target is the whole resource {iri}, not a passage of text"
                ));
            }
            continue;
        }
        let source = match target.get("source") {
            Some(Value::String(source)) => Some(source.as_str()),
            Some(other) => other.get("id").and_then(Value::as_str),
            None => None,
        }
        .or_else(|| item.get("uri").and_then(Value::as_str))
        .unwrap_or("");
        let mut found = Found::default();
        if let Some(selector) = target.get("selector") {
            walk(selector, &Base::Known(0), 0, &mut found);
        }
        for kind in &found.types {
            if !found_types.contains(kind) {
                found_types.push(kind);
            }
        }
        let text_field = |key: &str| found.quote.and_then(|q| q.get(key)).and_then(Value::as_str);
        let exact = text_field("exact");
        if exact.is_some() || found.position.is_some() || found.relative_position.is_some() {
            return Ok(Target {
                source,
                exact,
                prefix: text_field("prefix").unwrap_or(""),
                suffix: text_field("suffix").unwrap_or(""),
                position: found.position,
                relative_position: found.relative_position,
            });
        }
    }
    Err(if found_types.is_empty() {
        "its target has no selector, so it names no passage of text".to_owned()
    } else {
        format!(
            "none of its selectors places a passage of text (found {}; Lateral reads {} and {}, also inside refinedBy)",
            found_types.join(", "),
            TEXT_SELECTORS[0],
            TEXT_SELECTORS[1]
        )
    })
}

/// Walks a `selector` value (one or a list) and the selectors each is refined by, noting the
/// first quote, the first position with a known start, the first without, and every type.
fn walk<'a>(value: &'a Value, base: &Base, depth: usize, found: &mut Found<'a>) {
    const MAX_DEPTH: usize = 16; // refinedBy chains are short; a deeper one is not followed
    if depth > MAX_DEPTH {
        return;
    }
    let object = match value {
        Value::Array(list) => {
            for selector in list {
                walk(selector, base, depth + 1, found);
            }
            return;
        }
        Value::Object(object) => object,
        Value::String(_) => {
            // A selector kept elsewhere, named by its IRI.
            if !found.types.contains(&"a selector given as an IRI") {
                found.types.push("a selector given as an IRI");
            }
            return;
        }
        _ => return,
    };
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("untyped");
    if !found.types.contains(&kind) {
        found.types.push(kind);
    }
    let number = |key: &str| object.get(key).and_then(Value::as_u64).map(|n| n as usize);
    let inner_base = match kind {
        "TextQuoteSelector" => {
            if found.quote.is_none() && object.get("exact").and_then(Value::as_str).is_some() {
                found.quote = Some(value);
            }
            base.clone()
        }
        "TextPositionSelector" => match (number("start"), number("end")) {
            (Some(start), Some(end)) => match base {
                Base::Known(offset) => {
                    found.position.get_or_insert((offset + start, offset + end));
                    Base::Known(offset + start)
                }
                Base::Unknown(within) => {
                    found
                        .relative_position
                        .get_or_insert((start, end, within.clone()));
                    Base::Unknown(within.clone())
                }
            },
            _ => base.clone(),
        },
        "FragmentSelector" => {
            let fragment = object.get("value").and_then(Value::as_str).unwrap_or("");
            match (base, char_fragment_start(fragment)) {
                (Base::Known(offset), Some(start)) => Base::Known(offset + start),
                _ => Base::Unknown(format!("FragmentSelector \"{fragment}\"")),
            }
        }
        other => Base::Unknown(match object.get("value").and_then(Value::as_str) {
            Some(value) => format!("{other} \"{value}\""),
            None => other.to_owned(),
        }),
    };
    if let Some(refined) = object.get("refinedBy") {
        walk(refined, &inner_base, depth + 1, found);
    }
}

/// The start of an RFC 5147 plain-text fragment (`char=10,20` or `char=10`).
fn char_fragment_start(fragment: &str) -> Option<usize> {
    let rest = fragment.trim().strip_prefix("char=")?;
    rest.split([',', ';']).next()?.trim().parse().ok()
}

/// The bodies of an annotation: `body` (one or a list; a `Choice` counts as its first item).
fn bodies(item: &Value) -> Vec<&Value> {
    let list: Vec<&Value> = match item.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    list.into_iter()
        .filter_map(|body| {
            if body.get("type").and_then(Value::as_str) == Some("Choice") {
                body.get("items").and_then(Value::as_array)?.first()
            } else {
                Some(body)
            }
        })
        .collect()
}

fn has_purpose(body: &Value, purpose: &str) -> bool {
    match body.get("purpose") {
        Some(Value::String(p)) => p == purpose,
        Some(Value::Array(list)) => list.iter().any(|p| p.as_str() == Some(purpose)),
        _ => false,
    }
}

fn has_no_purpose(body: &Value) -> bool {
    body.get("purpose").is_none()
}

/// The text of textual bodies with `purpose`; with `None`, of those that have none.
fn body_values<'a>(item: &'a Value, purpose: Option<&str>) -> Vec<&'a str> {
    bodies(item)
        .into_iter()
        .filter(|b| purpose.map_or_else(|| has_no_purpose(b), |p| has_purpose(b, p)))
        .filter_map(|b| b.get("value").and_then(Value::as_str))
        .collect()
}

/// The annotation's tag names (tagging bodies and Hypothesis' `tags`), trimmed, without
/// empty ones and without repeats (compared case-insensitively).
pub(super) fn tag_names(item: &Value) -> Vec<String> {
    let mut raw: Vec<&str> = body_values(item, Some("tagging"));
    let motivation_tagging = item.get("motivation").and_then(Value::as_str) == Some("tagging");
    if motivation_tagging && raw.is_empty() {
        // An annotation whose motivation is tagging and whose textual body has no purpose.
        raw.extend(body_values(item, None));
    }
    if let Some(Value::Array(tags)) = item.get("tags") {
        raw.extend(tags.iter().filter_map(Value::as_str)); // Hypothesis
    }
    let mut names: Vec<String> = Vec::new();
    for name in raw {
        let name = crate::text::fold_whitespace(name);
        if !name.is_empty()
            && !names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name);
        }
    }
    names
}

/// The note (commenting bodies, bodies without a purpose, `bodyValue`, Hypothesis' `text`,
/// and bodies given as IRIs as "Link: IRI") and the speaker (a describing body "Speaker: …").
pub(super) fn note_and_speaker(item: &Value) -> (String, String) {
    let tagging_by_motivation = item.get("motivation").and_then(Value::as_str) == Some("tagging")
        && body_values(item, Some("tagging")).is_empty();
    let mut notes: Vec<String> = Vec::new();
    if let Some(value) = item.get("bodyValue").and_then(Value::as_str) {
        notes.push(value.to_owned());
    }
    notes.extend(
        body_values(item, Some("commenting"))
            .into_iter()
            .map(str::to_owned),
    );
    if !tagging_by_motivation {
        notes.extend(body_values(item, None).into_iter().map(str::to_owned));
    }
    notes.extend(
        item.get("text")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
    ); // Hypothesis
    notes.extend(
        body_links(item)
            .into_iter()
            .map(|iri| format!("Link: {iri}")),
    );
    let mut speaker = String::new();
    for value in body_values(item, Some("describing")) {
        match value.strip_prefix(SPEAKER_PREFIX) {
            Some(name) if speaker.is_empty() => name.clone_into(&mut speaker),
            _ => notes.push(value.to_owned()),
        }
    }
    (notes.join("\n\n"), speaker)
}

/// Bodies that are resources named by an IRI rather than text: a plain string, an object
/// with an `id` (or a `source`) and no `value`.
fn body_links(item: &Value) -> Vec<&str> {
    bodies(item)
        .into_iter()
        .filter_map(|body| match body {
            Value::String(iri) => Some(iri.as_str()),
            Value::Object(object) if !object.contains_key("value") => object
                .get("id")
                .and_then(Value::as_str)
                .or_else(|| match object.get("source")? {
                    Value::String(iri) => Some(iri.as_str()),
                    source => source.get("id").and_then(Value::as_str),
                }),
            _ => None,
        })
        .collect()
}

pub(super) fn creator<'a>(item: &'a Value) -> String {
    // Hypothesis names users as `acct:NAME@hypothes.is`.
    let account = |u: &'a str| -> &'a str {
        let u = u.strip_prefix("acct:").unwrap_or(u);
        u.split('@').next().unwrap_or(u)
    };
    let creator = item.get("creator").map(|c| match c {
        Value::String(s) if s.starts_with("acct:") => account(s),
        Value::String(s) => s.as_str(),
        other => other
            .get("name")
            .or_else(|| other.get("nickname"))
            .and_then(Value::as_str)
            .unwrap_or(""),
    });
    let user = item.get("user").and_then(Value::as_str).map(account);
    creator.or(user).unwrap_or("").to_owned()
}

pub(super) fn timestamp(item: &Value, key: &str) -> Timestamp {
    item.get(key)
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(Timestamp::now)
}
