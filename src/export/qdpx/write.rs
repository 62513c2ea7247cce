//! Writing a `.qdpx`: `project.qde` with quick-xml and the article texts, zipped.

use super::{DETAIL_LABELS, GuidKind, NAMESPACE, SPEAKER_PREFIX, guid};
use crate::export::{CharIndex, ExportError, ExportFilter};
use crate::model::{Annotation, Article, Project};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

type XmlWriter = Writer<Vec<u8>>;

/// Writes the filtered project as a `.qdpx` archive.
pub(in crate::export) fn write_qdpx(
    project: &Project,
    filter: &ExportFilter,
) -> Result<Vec<u8>, ExportError> {
    let articles: Vec<&Article> = project
        .articles()
        .iter()
        .filter(|a| filter.includes_article(a.id))
        .collect();
    let qde = write_qde(project, filter, &articles).map_err(|e| ExportError::Xml {
        message: e.to_string(),
    })?;
    let zip_error = |e: &dyn std::fmt::Display| ExportError::Zip {
        message: e.to_string(),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", options)
        .map_err(|e| zip_error(&e))?;
    zip.write_all(&qde).map_err(|e| zip_error(&e))?;
    for article in &articles {
        let name = format!("sources/{}.txt", guid(GuidKind::Source, article.id.0));
        zip.start_file(name, options).map_err(|e| zip_error(&e))?;
        zip.write_all(article.text().as_bytes())
            .map_err(|e| zip_error(&e))?;
    }
    Ok(zip.finish().map_err(|e| zip_error(&e))?.into_inner())
}

/// The `project.qde` XML.
pub(super) fn write_qde(
    project: &Project,
    filter: &ExportFilter,
    articles: &[&Article],
) -> std::io::Result<Vec<u8>> {
    let annotations: Vec<&Annotation> = filter.annotations(project).collect();
    let users = user_guids(&annotations);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    w.create_element("Project")
        .with_attribute(("xmlns", NAMESPACE))
        .with_attribute(("name", project.title()))
        .with_attribute(("origin", concat!("Lateral ", env!("CARGO_PKG_VERSION"))))
        .write_inner_content(|w| {
            if !users.is_empty() {
                w.create_element("Users").write_inner_content(|w| {
                    for (name, user_guid) in &users {
                        w.create_element("User")
                            .with_attribute(("guid", user_guid.as_str()))
                            .with_attribute(("name", name.as_str()))
                            .write_empty()?;
                    }
                    Ok(())
                })?;
            }
            write_codebook(w, project, filter)?;
            if !articles.is_empty() {
                w.create_element("Sources").write_inner_content(|w| {
                    for article in articles {
                        write_source(w, project, article, &annotations, &users)?;
                    }
                    Ok(())
                })?;
            }
            write_notes(w, &annotations, &users)?;
            if !project.notes().is_empty() {
                text_element(w, "Description", project.notes())?;
            }
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// Annotator name to user GUID, numbered in name order.
fn user_guids(annotations: &[&Annotation]) -> BTreeMap<String, String> {
    let mut names: Vec<&str> = annotations
        .iter()
        .map(|a| a.annotator.trim())
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .zip(1..)
        .map(|(name, number)| (name.to_owned(), guid(GuidKind::User, number)))
        .collect()
}

fn write_codebook(
    w: &mut XmlWriter,
    project: &Project,
    filter: &ExportFilter,
) -> std::io::Result<()> {
    let tags: Vec<_> = project
        .tags()
        .iter()
        .filter(|t| filter.includes_tag(t.id))
        .collect();
    if tags.is_empty() {
        return Ok(());
    }
    w.create_element("CodeBook").write_inner_content(|w| {
        w.create_element("Codes").write_inner_content(|w| {
            for tag in &tags {
                let element = w
                    .create_element("Code")
                    .with_attribute(("guid", guid(GuidKind::Code, tag.id.0).as_str()))
                    .with_attribute(("name", tag.name.as_str()))
                    .with_attribute(("isCodable", "true"))
                    .with_attribute(("color", tag.colour.to_hex().as_str()));
                if tag.description.is_empty() {
                    element.write_empty()?;
                } else {
                    element.write_inner_content(|w| {
                        text_element(w, "Description", &tag.description)
                    })?;
                }
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn write_source(
    w: &mut XmlWriter,
    project: &Project,
    article: &Article,
    annotations: &[&Annotation],
    users: &BTreeMap<String, String>,
) -> std::io::Result<()> {
    let source_guid = guid(GuidKind::Source, article.id.0);
    let index = CharIndex::new(article.text());
    let own: Vec<&&Annotation> = annotations
        .iter()
        .filter(|a| a.article_id == article.id)
        .collect();
    let details = source_details(article);
    w.create_element("TextSource")
        .with_attribute(("guid", source_guid.as_str()))
        .with_attribute(("name", article.meta.title.as_str()))
        .with_attribute((
            "plainTextPath",
            format!("internal://{source_guid}.txt").as_str(),
        ))
        .write_inner_content(|w| {
            if !details.is_empty() {
                text_element(w, "Description", &details)?;
            }
            for annotation in own {
                write_selection(w, project, annotation, &index, users)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_selection(
    w: &mut XmlWriter,
    project: &Project,
    annotation: &Annotation,
    index: &CharIndex,
    users: &BTreeMap<String, String>,
) -> std::io::Result<()> {
    let start = index
        .char_of_byte(annotation.span.start)
        .unwrap_or_default()
        .to_string();
    let end = index
        .char_of_byte(annotation.span.end)
        .unwrap_or_default()
        .to_string();
    let name: String = annotation.quote.chars().take(60).collect();
    let created = annotation.created.to_string();
    let modified = annotation.modified.to_string();
    let user = users.get(annotation.annotator.trim());
    let mut element = w
        .create_element("PlainTextSelection")
        .with_attribute(("guid", guid(GuidKind::Selection, annotation.id.0).as_str()))
        .with_attribute(("name", name.as_str()))
        .with_attribute(("startPosition", start.as_str()))
        .with_attribute(("endPosition", end.as_str()));
    if let Some(user) = user {
        element = element.with_attribute(("creatingUser", user.as_str()));
    }
    element = element.with_attribute(("creationDateTime", created.as_str()));
    if let Some(user) = user {
        element = element.with_attribute(("modifyingUser", user.as_str()));
    }
    element = element.with_attribute(("modifiedDateTime", modified.as_str()));
    element.write_inner_content(|w| {
        if !annotation.speaker.is_empty() {
            text_element(
                w,
                "Description",
                &format!("{SPEAKER_PREFIX}{}", annotation.speaker),
            )?;
        }
        if project.tag(annotation.tag_id).is_some() {
            let mut coding = w
                .create_element("Coding")
                .with_attribute(("guid", guid(GuidKind::Coding, annotation.id.0).as_str()));
            if let Some(user) = user {
                coding = coding.with_attribute(("creatingUser", user.as_str()));
            }
            coding
                .with_attribute(("creationDateTime", created.as_str()))
                .write_inner_content(|w| {
                    w.create_element("CodeRef")
                        .with_attribute((
                            "targetGUID",
                            guid(GuidKind::Code, annotation.tag_id.0).as_str(),
                        ))
                        .write_empty()?;
                    Ok(())
                })?;
        }
        if !annotation.note.is_empty() {
            w.create_element("NoteRef")
                .with_attribute(("targetGUID", guid(GuidKind::Note, annotation.id.0).as_str()))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn write_notes(
    w: &mut XmlWriter,
    annotations: &[&Annotation],
    users: &BTreeMap<String, String>,
) -> std::io::Result<()> {
    let with_notes: Vec<&&Annotation> = annotations.iter().filter(|a| !a.note.is_empty()).collect();
    if with_notes.is_empty() {
        return Ok(());
    }
    w.create_element("Notes").write_inner_content(|w| {
        for annotation in with_notes {
            let name = format!(
                "Note on \"{}\"",
                annotation.quote.chars().take(40).collect::<String>()
            );
            let mut note = w
                .create_element("Note")
                .with_attribute(("guid", guid(GuidKind::Note, annotation.id.0).as_str()))
                .with_attribute(("name", name.as_str()));
            if let Some(user) = users.get(annotation.annotator.trim()) {
                note = note.with_attribute(("creatingUser", user.as_str()));
            }
            note.with_attribute(("creationDateTime", annotation.modified.to_string().as_str()))
                .write_inner_content(|w| text_element(w, "PlainTextContent", &annotation.note))?;
        }
        Ok(())
    })?;
    Ok(())
}

/// "Outlet: …", "Date: …", "URL: …", "Authors: …", "Language: …" lines, the filled ones.
fn source_details(article: &Article) -> String {
    let meta = &article.meta;
    let values = [
        meta.outlet.clone(),
        meta.date.clone().unwrap_or_default(),
        meta.url.clone().unwrap_or_default(),
        meta.authors.join("; "),
        meta.language.clone(),
    ];
    DETAIL_LABELS
        .iter()
        .zip(values)
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| format!("{label}: {}", value.replace('\n', " ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn text_element(w: &mut XmlWriter, name: &str, text: &str) -> std::io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}
