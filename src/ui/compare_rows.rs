//! The aligned rows of the compare view: A's sentences left, B's right, dropped words marked in
//! A and added words in B, and buttons to tag a row's passages (alone or as a linked pair).

use super::highlight::{Highlight, HighlightStyle, TextLook, paragraph_job};
use super::theme::{self, RowMarker};
use crate::app::App;
use crate::app::command::Command;
use crate::app::command::trim_span;
use crate::compare::{AlignedRow, Comparison, DiffTag, RowKind, SentenceRef};
use crate::model::{Annotation, ArticleId, Edit, Project, TagId};
use crate::text::Span;
use eframe::egui;

/// The rows, in a scroll area that scrolls to the row picked in the change list.
pub fn rows_ui(ui: &mut egui::Ui, app: &mut App, comparison: &Comparison) {
    let (Some(article_a), Some(article_b)) =
        (app.views.compare.article_a, app.views.compare.article_b)
    else {
        return;
    };
    tag_picker_ui(ui, app);
    let mut commands = Vec::new();
    let scroll_to = app.views.compare.scroll_to_row.take();
    egui::ScrollArea::vertical()
        .id_salt("compare_rows")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Never wider than what shows: a row that grew wider would widen every row after
            // it, and the right-hand article would run under the next panel.
            let visible = ui.clip_rect().right().min(ui.max_rect().right()) - ui.max_rect().left();
            ui.set_max_width(visible.max(200.0));
            for (index, row) in comparison.rows.iter().enumerate() {
                let response = ui
                    .push_id(("compare_row", index), |ui| {
                        row_ui(ui, app, (article_a, article_b), index, row, &mut commands);
                    })
                    .response;
                if scroll_to == Some(index) {
                    response.scroll_to_me(Some(egui::Align::TOP));
                }
                ui.separator();
            }
        });
    for command in commands {
        app.push_command(command);
    }
}

fn tag_picker_ui(ui: &mut egui::Ui, app: &mut App) {
    let tags = app.doc.project.tags();
    let state = &mut app.views.compare;
    if state
        .tag_id
        .is_none_or(|id| !tags.iter().any(|t| t.id == id))
    {
        state.tag_id = tags.first().map(|t| t.id);
    }
    let name = state
        .tag_id
        .and_then(|id| tags.iter().find(|t| t.id == id))
        .map_or("", |t| t.name.as_str());
    egui::ComboBox::new("compare_tag", "Tag for passages")
        .selected_text(name)
        .show_ui(ui, |ui| {
            for tag in tags {
                ui.selectable_value(&mut state.tag_id, Some(tag.id), &tag.name);
            }
        });
}

/// How opaque a weak counterpart's text is, against 1 for a pair.
const WEAK_OPACITY: f32 = 0.7;

fn marker(row: &AlignedRow) -> (RowMarker, &'static str) {
    match (row.kind, row.moved) {
        (RowKind::OnlyA, _) => (RowMarker::OnlyA, "only in A"),
        (RowKind::OnlyB, _) => (RowMarker::OnlyB, "only in B"),
        (RowKind::Weak, _) => (RowMarker::Weak, "weak counterpart"),
        (_, true) => (RowMarker::Moved, "moved"),
        (RowKind::Changed, false) => (RowMarker::Changed, "changed"),
        (RowKind::Same, false) => (RowMarker::Same, "same"),
    }
}

fn row_ui(
    ui: &mut egui::Ui,
    app: &mut App,
    articles: (ArticleId, ArticleId),
    index: usize,
    row: &AlignedRow,
    commands: &mut Vec<Command>,
) {
    let dark = app.prefs.dark;
    let (row_marker, text) = marker(row);
    ui.horizontal(|ui| {
        let selected = app.views.compare.selected_row == Some(index);
        if ui
            .selectable_label(selected, format!("Row {}", index + 1))
            .clicked()
        {
            app.views.compare.selected_row = Some(index);
        }
        let mut label = text.to_owned();
        if row.moved && row.kind == RowKind::Changed {
            label.push_str(", changed");
        }
        if row.kind == RowKind::Weak {
            label = format!("{label}: shares {}", row.evidence.join(", "));
            if row.moved {
                label.push_str(", moved");
            }
        }
        let marker_label = ui.colored_label(theme::row_marker_colour(dark, row_marker), label);
        if row.kind == RowKind::Weak {
            marker_label.on_hover_text(
                "Below the similarity of a pair, but both sentences share these numbers or \
                 names: check whether they tell the same claim",
            );
        }
        if selected && let Some(tag_id) = app.views.compare.tag_id {
            tag_buttons_ui(ui, app, articles, row, tag_id, commands);
        }
    });
    let look = TextLook {
        size: app.prefs.text_size,
        dark,
        hide_furniture: false,
        wrap_width: (ui.available_width() / 2.0 - 12.0).max(100.0),
    };
    let project = &app.doc.project;
    ui.columns(2, |columns| {
        for (side, column) in columns.iter_mut().enumerate() {
            let is_b = side == 1;
            let (article_id, sentences) = if is_b {
                (articles.1, &row.b)
            } else {
                (articles.0, &row.a)
            };
            let Some(article) = project.article(article_id) else {
                continue;
            };
            let Some(span) = passage(sentences) else {
                continue;
            };
            let highlights = diff_highlights(row, is_b);
            let (job, _) = paragraph_job(article.text(), span.start..span.end, &highlights, &look);
            // A plain top-down layout: in the columns' justified layout a label would stretch
            // its words to the full width.
            column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                // A weak counterpart is drawn fainter than a pair.
                if row.kind == RowKind::Weak {
                    ui.multiply_opacity(WEAK_OPACITY);
                }
                ui.label(job)
            });
        }
    });
}

/// The bytes from the first sentence's start to the last one's end.
fn passage(sentences: &[SentenceRef]) -> Option<Span> {
    Some(Span::new(
        sentences.first()?.span.start,
        sentences.last()?.span.end,
    ))
}

/// Words dropped from A (for A's side) or added in B (for B's side).
fn diff_highlights(row: &AlignedRow, is_b: bool) -> Vec<Highlight> {
    row.word_diff
        .iter()
        .filter(|op| op.tag != DiffTag::Equal)
        .map(|op| if is_b { op.b_span } else { op.a_span })
        .filter(|span| span.start < span.end)
        .map(|span| Highlight {
            range: span.start..span.end,
            style: HighlightStyle::Diff { inserted: is_b },
        })
        .collect()
}

fn tag_buttons_ui(
    ui: &mut egui::Ui,
    app: &App,
    articles: (ArticleId, ArticleId),
    row: &AlignedRow,
    tag_id: TagId,
    commands: &mut Vec<Command>,
) {
    let project = &app.doc.project;
    let annotator = app.prefs.annotator.as_str();
    let a = passage(&row.a).map(|span| (articles.0, span));
    let b = passage(&row.b).map(|span| (articles.1, span));
    let mut tag = |passages: Vec<(ArticleId, Span)>, label: &str| {
        if let Some(edit) = tag_edit(project, &passages, tag_id, annotator, label) {
            commands.push(Command::Edit(edit));
        }
    };
    if a.is_some()
        && ui
            .button("Tag A")
            .on_hover_text("Tag A's passage")
            .clicked()
    {
        tag(a.into_iter().collect(), "tag passage");
    }
    if b.is_some()
        && ui
            .button("Tag B")
            .on_hover_text("Tag B's passage")
            .clicked()
    {
        tag(b.into_iter().collect(), "tag passage");
    }
    if let (Some(a), Some(b)) = (a, b)
        && ui
            .button("Tag both as a linked pair")
            .on_hover_text("Tag both passages with the chosen tag, linked to each other")
            .clicked()
    {
        tag(vec![a, b], "tag linked pair");
    }
}

/// One edit adding an annotation per passage; with two passages they are linked to each other.
#[must_use]
pub fn tag_edit(
    project: &Project,
    passages: &[(ArticleId, Span)],
    tag_id: TagId,
    annotator: &str,
    label: &str,
) -> Option<Edit> {
    // Fresh ids never repeat within a process, so they are distinct before they are added.
    let ids: Vec<_> = passages
        .iter()
        .map(|_| project.fresh_annotation_id())
        .collect();
    let mut edits = Vec::new();
    for (&(article_id, span), &id) in passages.iter().zip(&ids) {
        let article = project.article(article_id)?;
        let span = trim_span(article.text(), span.start..span.end);
        let mut annotation = Annotation::of_span(id, article_id, article.text(), span, tag_id)?;
        annotator.clone_into(&mut annotation.annotator);
        annotation.linked = ids.iter().copied().filter(|other| *other != id).collect();
        edits.push(Edit::AddAnnotation {
            annotation,
            index: None,
        });
    }
    Some(Edit::Batch {
        label: label.to_owned(),
        edits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::article_from_paste;

    #[test]
    fn a_pair_is_tagged_in_one_edit_and_linked_both_ways() {
        let mut project = Project::new("Test");
        for (id, text) in [
            (1, "Der Wert liegt bei 5 Mrd. "),
            (2, "Der Wert liegt bei 6 Mrd."),
        ] {
            let article = article_from_paste(ArticleId(id), text, None).unwrap();
            project
                .apply(Edit::AddArticle {
                    article: Box::new(article),
                    index: None,
                })
                .unwrap();
        }
        let tag_id = project.tags()[0].id;
        let passages = [
            (ArticleId(1), Span::new(0, 26)),
            (ArticleId(2), Span::new(0, 25)),
        ];
        let edit = tag_edit(&project, &passages, tag_id, "Ann", "tag linked pair").unwrap();
        project.apply(edit).unwrap();
        let [a, b] = project.annotations() else {
            panic!("two annotations");
        };
        assert_eq!(
            a.quote, "Der Wert liegt bei 5 Mrd.",
            "trailing space trimmed"
        );
        assert_eq!(
            (a.linked.clone(), b.linked.clone()),
            (vec![b.id], vec![a.id])
        );
        assert_eq!(b.annotator, "Ann");
    }
}
