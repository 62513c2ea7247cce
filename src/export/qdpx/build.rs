//! Building a Lateral project from a parsed `project.qde` and the archive's texts: codes become
//! tags, text sources articles, coded selections annotations. All through [`Edit`]s, so the
//! result is validated like any project.

use super::codes::tags_of_codes;
use super::decode::decode_text;
use super::normalise::{Decoded, Normalised, import_report};
use super::parse::{Qde, QdeCoding, QdeSelection, QdeSource};
use super::positions::choose_reading;
use super::{DETAIL_LABELS, SPEAKER_PREFIX};
use crate::export::{QdpxError, QdpxImport};
use crate::model::{
    Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, Project, TagId,
};
use jiff::Timestamp;
use std::collections::{HashMap, HashSet};

/// Builds the project; sources without text and selections that do not fit are reported.
pub(super) fn build_project(
    qde: &Qde,
    files: &HashMap<String, Vec<u8>>,
) -> Result<QdpxImport, QdpxError> {
    let apply = |project: &mut Project, edit: Edit| {
        project
            .apply(edit)
            .map(|_| ())
            .map_err(|source| QdpxError::Edit { source })
    };
    let name = if qde.name.trim().is_empty() {
        "Imported project"
    } else {
        qde.name.trim()
    };
    let mut project = Project::new(name);
    if !qde.description.is_empty() {
        apply(
            &mut project,
            Edit::SetNotes {
                notes: qde.description.clone(),
            },
        )?;
    }
    let (tags, tag_of_code, mut warnings) = tags_of_codes(&qde.codes);
    // One step instead of one edit per code, which checks all earlier tags each time:
    // `tags_of_codes` already made ids and names unique, ignoring case, as `Edit` requires.
    *project.parts_mut().tags = tags;
    let mut readings = Vec::new();
    for name in &qde.skipped_sources {
        warnings.push(format!(
            "skipped the source {name}: Lateral reads only text sources"
        ));
    }
    let mut next_annotation_id = 1;
    let mut annotations = Vec::new();
    for (source, number) in qde.sources.iter().zip(1..) {
        let Some(decoded) = archive_text(source.content.as_ref(), &source.plain_text_path, files)
        else {
            warnings.push(format!(
                "skipped the source \"{}\": its text ({}) is not in the archive, so its {} coded segments were skipped",
                source.name,
                if source.plain_text_path.is_empty() { "no path given" } else { source.plain_text_path.as_str() },
                source.selections.len()
            ));
            continue;
        };
        if decoded.replacement_chars > 0 {
            warnings.push(format!(
                "\"{}\": {} byte sequences of its text ({}) are not UTF-8 and are shown as \u{fffd}",
                source.name, decoded.replacement_chars, source.plain_text_path
            ));
        }
        let normalised = Normalised::new(&decoded.text);
        let (reading, offsets) = choose_reading(&qde.origin, source, &normalised);
        warnings.extend(reading.warning());
        readings.push(reading);
        let article_id = ArticleId(number);
        let mut article = Article::new(
            article_id,
            article_meta(source),
            normalised.text.clone(),
            import_report(&decoded, &normalised),
        );
        article.source_file = Some(source.plain_text_path.clone()).filter(|p| !p.is_empty());
        apply(
            &mut project,
            Edit::AddArticle {
                article: Box::new(article),
                index: None,
            },
        )?;
        if source.num_source_codings > 0 {
            warnings.push(format!(
                "\"{}\": {} codings of the whole source were skipped",
                source.name, source.num_source_codings
            ));
        }
        for selection in &source.selections {
            let Some(span) = Normalised::span(&offsets, selection.start, selection.end) else {
                warnings.push(format!(
                    "\"{}\": a selection at {:?}..{:?} does not fit the text ({} positions) and was skipped",
                    source.name, selection.start, selection.end, Normalised::num_positions(&offsets)
                ));
                continue;
            };
            for coding in &selection.codings {
                let Some(&tag_id) = tag_of_code.get(coding.code_guid.as_str()) else {
                    warnings.push(format!(
                        "\"{}\": a coding refers to an unknown code {}",
                        source.name, coding.code_guid
                    ));
                    continue;
                };
                let text = normalised.text.as_str();
                let Some(mut annotation) = Annotation::of_span(
                    AnnotationId(next_annotation_id),
                    article_id,
                    text,
                    span,
                    tag_id,
                ) else {
                    continue;
                };
                next_annotation_id += 1;
                fill_annotation(&mut annotation, qde, files, selection, coding);
                annotations.push(Edit::AddAnnotation {
                    annotation,
                    index: None,
                });
            }
        }
    }
    // All annotations in one batch, which adds them in one pass.
    apply(
        &mut project,
        Edit::Batch {
            label: "import codings".into(),
            edits: annotations,
        },
    )?;
    mark_speaker_tags(&mut project);
    Ok(QdpxImport {
        project,
        warnings,
        readings,
    })
}

fn fill_annotation(
    annotation: &mut Annotation,
    qde: &Qde,
    files: &HashMap<String, Vec<u8>>,
    selection: &QdeSelection,
    coding: &QdeCoding,
) {
    let user = if coding.creating_user.is_empty() {
        &selection.creating_user
    } else {
        &coding.creating_user
    };
    annotation.annotator = qde.users.get(user).cloned().unwrap_or_default();
    let created = if coding.created.is_empty() {
        &selection.created
    } else {
        &coding.created
    };
    annotation.created = parse_time(created)
        .or_else(|| parse_time(&selection.created))
        .unwrap_or(Timestamp::UNIX_EPOCH);
    annotation.modified = parse_time(&selection.modified).unwrap_or(annotation.created);
    let mut notes: Vec<String> = selection
        .note_refs
        .iter()
        .filter_map(|guid| qde.notes.get(guid))
        .filter_map(|note| archive_text(note.content.as_ref(), &note.plain_text_path, files))
        .map(|decoded| decoded.text)
        .collect();
    match selection.description.strip_prefix(SPEAKER_PREFIX) {
        Some(speaker) => speaker.trim().clone_into(&mut annotation.speaker),
        None if !selection.description.trim().is_empty() => {
            notes.insert(0, selection.description.trim().to_owned());
        }
        None => {}
    }
    annotation.note = notes.join("\n\n");
}

/// Tags with a speaker on any of their annotations ask for one in the app, as Lateral's
/// attribution and denial do.
fn mark_speaker_tags(project: &mut Project) {
    let with_speakers: HashSet<TagId> = project
        .annotations()
        .iter()
        .filter(|a| !a.speaker.is_empty())
        .map(|a| a.tag_id)
        .collect();
    // Only the speaker flag changes, so names and keys stay unique: no edit needed, which
    // would check every other tag for each.
    for tag in project.parts_mut().tags.iter_mut() {
        if with_speakers.contains(&tag.id) {
            tag.has_speaker = true;
        }
    }
}

/// A source's or note's text: inline, or the archive entry its `plainTextPath` names.
fn archive_text(
    content: Option<&String>,
    plain_text_path: &str,
    files: &HashMap<String, Vec<u8>>,
) -> Option<Decoded> {
    if let Some(content) = content {
        return Some(Decoded {
            text: content.clone(),
            encoding: "UTF-8",
            had_bom: false,
            replacement_chars: 0,
            size_bytes: content.len() as u64,
        });
    }
    let path = plain_text_path.trim();
    let file_name = path.strip_prefix("internal://").unwrap_or(path);
    if file_name.is_empty() || path.starts_with("absolute://") || path.starts_with("relative://") {
        return None;
    }
    let wanted = format!("sources/{file_name}");
    let bytes = files.get(&wanted).or_else(|| {
        files.iter().find_map(|(name, bytes)| {
            let base = name.rsplit('/').next().unwrap_or(name);
            base.eq_ignore_ascii_case(file_name).then_some(bytes)
        })
    })?;
    Some(decode_text(bytes))
}

/// Title from the source's name; outlet, date, URL, authors and language from description
/// lines such as "Outlet: …" (as Lateral writes them).
fn article_meta(source: &QdeSource) -> ArticleMeta {
    let mut meta = ArticleMeta {
        title: source.name.trim().to_owned(),
        ..ArticleMeta::default()
    };
    for line in source.description.lines() {
        let Some((label, value)) = line.split_once(": ") else {
            continue;
        };
        let value = value.trim().to_owned();
        match DETAIL_LABELS.iter().position(|l| *l == label.trim()) {
            Some(0) => meta.outlet = value,
            Some(1) => meta.date = Some(value),
            Some(2) => meta.url = Some(value),
            Some(3) => meta.authors = value.split("; ").map(str::to_owned).collect(),
            Some(4) => meta.language = value,
            _ => {}
        }
    }
    if meta.title.is_empty() {
        meta.title = "Untitled source".into();
    }
    meta
}

/// RFC 3339, or a date-time without zone (taken as UTC), as some tools write.
fn parse_time(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    text.parse::<Timestamp>()
        .ok()
        .or_else(|| format!("{text}Z").parse().ok())
}
