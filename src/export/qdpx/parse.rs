//! Parsing `project.qde` into plain structs: users, codes (flattened), text sources with their
//! selections and codings, and notes. Unknown elements (cases, variables, sets, links, PDF and
//! media sources) are skipped.

use crate::export::QdpxError;
use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::collections::HashMap;

/// The parts of a REFI-QDA project that Lateral can use.
#[derive(Debug, Default)]
pub(super) struct Qde {
    pub name: String,
    /// The tool that wrote the file, e.g. "MAXQDA 24 (Release 24.7.0)".
    pub origin: String,
    pub description: String,
    pub users: HashMap<String, String>,
    pub codes: Vec<QdeCode>,
    pub sources: Vec<QdeSource>,
    pub notes: HashMap<String, QdeNote>,
    /// Sources of other kinds (PDF, pictures, audio, video), by name.
    pub skipped_sources: Vec<String>,
}

/// A memo: its text inline or in an archive file (as ATLAS.ti writes it).
#[derive(Debug, Default)]
pub(super) struct QdeNote {
    pub content: Option<String>,
    pub plain_text_path: String,
}

#[derive(Debug, Default)]
pub(super) struct QdeCode {
    pub guid: String,
    pub name: String,
    pub color: String,
    pub description: String,
}

#[derive(Debug, Default)]
pub(super) struct QdeSource {
    pub name: String,
    pub description: String,
    pub plain_text_path: String,
    pub content: Option<String>,
    pub selections: Vec<QdeSelection>,
    /// Codings of the whole source, which Lateral cannot place.
    pub num_source_codings: usize,
}

#[derive(Debug, Default)]
pub(super) struct QdeSelection {
    /// Some tools (`QualCoder`) name a selection by its text.
    pub name: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub creating_user: String,
    pub created: String,
    pub modified: String,
    pub description: String,
    pub codings: Vec<QdeCoding>,
    pub note_refs: Vec<String>,
}

#[derive(Debug, Default)]
pub(super) struct QdeCoding {
    pub code_guid: String,
    pub creating_user: String,
    pub created: String,
}

/// Parses `project.qde`.
pub(super) fn parse_qde(xml: &str) -> Result<Qde, QdpxError> {
    let mut reader = Reader::from_str(xml);
    let mut qde = Qde::default();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut note_guid = String::new();
    loop {
        let event = reader.read_event().map_err(|e| QdpxError::Xml {
            position: reader.error_position(),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(start) => {
                let name = local_name(&start);
                open(&mut qde, &stack, &name, &start, &mut note_guid);
                stack.push(name);
                text.clear();
            }
            Event::Empty(start) => {
                let name = local_name(&start);
                open(&mut qde, &stack, &name, &start, &mut note_guid);
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(t) => text.push_str(&t),
            Event::GeneralRef(r) => text.push_str(&resolve_entity(&r)),
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                close(&mut qde, &stack, &name, &mut text, &note_guid);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(qde)
}

fn open(
    qde: &mut Qde,
    stack: &[String],
    name: &str,
    start: &BytesStart<'_>,
    note_guid: &mut String,
) {
    let parent = stack.last().map_or("", String::as_str);
    let attr = |key: &str| attribute(start, key);
    match (parent, name) {
        (_, "Project") if stack.is_empty() => {
            qde.name = attr("name");
            qde.origin = attr("origin");
        }
        ("Users", "User") => {
            qde.users.insert(attr("guid"), attr("name"));
        }
        ("Codes" | "Code" | "CodeBook", "Code") => qde.codes.push(QdeCode {
            guid: attr("guid"),
            name: attr("name"),
            color: attr("color"),
            description: String::new(),
        }),
        ("Sources", "TextSource") => qde.sources.push(QdeSource {
            name: attr("name"),
            plain_text_path: attr("plainTextPath"),
            ..QdeSource::default()
        }),
        ("Sources", other) => qde
            .skipped_sources
            .push(format!("{} ({other})", attr("name"))),
        ("TextSource", "PlainTextSelection") if stack.iter().any(|s| s == "Sources") => {
            if let Some(source) = qde.sources.last_mut() {
                source.selections.push(QdeSelection {
                    name: attr("name"),
                    start: attr("startPosition").trim().parse().ok(),
                    end: attr("endPosition").trim().parse().ok(),
                    creating_user: attr("creatingUser"),
                    created: attr("creationDateTime"),
                    modified: attr("modifiedDateTime"),
                    ..QdeSelection::default()
                });
            }
        }
        ("TextSource", "Coding") if stack.iter().any(|s| s == "Sources") => {
            if let Some(source) = qde.sources.last_mut() {
                source.num_source_codings += 1;
            }
        }
        ("PlainTextSelection", "Coding") => {
            if let Some(selection) = last_selection(qde) {
                selection.codings.push(QdeCoding {
                    code_guid: String::new(),
                    creating_user: attr("creatingUser"),
                    created: attr("creationDateTime"),
                });
            }
        }
        ("Coding", "CodeRef") if stack.iter().any(|s| s == "PlainTextSelection") => {
            if let Some(coding) = last_selection(qde).and_then(|s| s.codings.last_mut()) {
                coding.code_guid = attr("targetGUID");
            }
        }
        ("PlainTextSelection" | "Coding", "NoteRef")
            if stack.iter().any(|s| s == "PlainTextSelection") =>
        {
            if let Some(selection) = last_selection(qde) {
                selection.note_refs.push(attr("targetGUID"));
            }
        }
        ("Notes", "Note") => {
            *note_guid = attr("guid");
            let note = QdeNote {
                content: None,
                plain_text_path: attr("plainTextPath"),
            };
            qde.notes.insert(note_guid.clone(), note);
        }
        _ => {}
    }
}

fn close(qde: &mut Qde, stack: &[String], name: &str, text: &mut String, note_guid: &str) {
    let parent = stack.last().map_or("", String::as_str);
    let value = std::mem::take(text);
    match (parent, name) {
        ("Project", "Description") => qde.description = value,
        ("Code", "Description") => {
            if let Some(code) = qde.codes.last_mut() {
                code.description = value;
            }
        }
        ("TextSource", "Description") if stack.iter().any(|s| s == "Sources") => {
            if let Some(source) = qde.sources.last_mut() {
                source.description = value;
            }
        }
        ("TextSource", "PlainTextContent") if stack.iter().any(|s| s == "Sources") => {
            if let Some(source) = qde.sources.last_mut() {
                source.content = Some(value);
            }
        }
        ("PlainTextSelection", "Description") => {
            if let Some(selection) = last_selection(qde) {
                selection.description = value;
            }
        }
        ("Note", "PlainTextContent") => {
            if let Some(note) = qde.notes.get_mut(note_guid) {
                note.content = Some(value);
            }
        }
        _ => {}
    }
}

fn last_selection(qde: &mut Qde) -> Option<&mut QdeSelection> {
    qde.sources.last_mut()?.selections.last_mut()
}

fn local_name(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

fn attribute(start: &BytesStart<'_>, key: &str) -> String {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
        .unwrap_or_default()
}

/// The text of `&amp;`, `&#228;` and the other predefined references.
fn resolve_entity(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(ch)) = reference.resolve_char_ref() {
        return ch.to_string();
    }
    match reference.as_ref() {
        "amp" => "&".into(),
        "lt" => "<".into(),
        "gt" => ">".into(),
        "quot" => "\"".into(),
        "apos" => "'".into(),
        other => format!("&{other};"),
    }
}
