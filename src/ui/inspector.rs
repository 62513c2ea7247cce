//! The annotation inspector: the selected annotation's tag, quote, speaker and note, and the
//! list of all annotations, filterable and sortable.

use super::theme;
use crate::app::App;
use crate::app::command::Command;
use crate::app::view::SortKey;
use crate::model::{Annotation, Edit};
use eframe::egui;

/// The right panel.
pub fn inspector_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(4.0);
    ui.heading("Annotation");
    selected_ui(ui, app);
    ui.separator();
    ui.heading("All annotations");
    filters_ui(ui, app);
    list_ui(ui, app);
}

fn selected_ui(ui: &mut egui::Ui, app: &mut App) {
    let Some(annotation) = app
        .view
        .selected_annotation
        .and_then(|id| app.doc.project.annotation(id))
        .cloned()
    else {
        app.drafts.annotation = None;
        ui.label("Select text in an article and press 1–4 (or a tag button) to tag it. Click a highlight to select its annotation.");
        return;
    };
    if app.drafts.annotation != Some(annotation.id) {
        app.commit_drafts();
        app.drafts.annotation = Some(annotation.id);
        app.drafts.note.clone_from(&annotation.note);
        app.drafts.speaker.clone_from(&annotation.speaker);
    }
    let project = &app.doc.project;
    let article_title = project
        .article(annotation.article_id)
        .map_or("?", |a| a.meta.title.as_str());
    ui.label(egui::RichText::new(article_title).small().weak());
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let label = ui.label("Tag:");
        let current = project.tag(annotation.tag_id);
        egui::ComboBox::new("inspector_tag", "")
            .selected_text(current.map_or("?", |t| t.name.as_str()))
            .show_ui(ui, |ui| {
                for tag in project.tags() {
                    let text = egui::RichText::new(&tag.name).background_color(theme::tag_fill(
                        tag.colour,
                        app.prefs.dark,
                        false,
                    ));
                    if ui
                        .selectable_label(tag.id == annotation.tag_id, text)
                        .clicked()
                        && tag.id != annotation.tag_id
                    {
                        let mut changed = annotation.clone();
                        changed.tag_id = tag.id;
                        changed.modified = jiff::Timestamp::now();
                        commands.push(Command::Edit(Edit::UpdateAnnotation {
                            annotation: changed,
                        }));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if ui
            .button("Delete")
            .on_hover_text("Delete this annotation (Del)")
            .clicked()
        {
            commands.push(Command::DeleteSelectedAnnotation);
        }
        if ui
            .button("Show")
            .on_hover_text("Scroll to the passage")
            .clicked()
        {
            commands.push(Command::RevealAnnotation(annotation.id));
        }
    });
    egui::Frame::new()
        .inner_margin(6)
        .corner_radius(4)
        .fill(ui.visuals().extreme_bg_color)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("quote")
                .max_height(110.0)
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!("“{}”", annotation.quote)).italics(),
                        )
                        .wrap(),
                    );
                });
        });
    let wants_speaker = project
        .tag(annotation.tag_id)
        .is_some_and(|t| t.has_speaker)
        || !annotation.speaker.is_empty();
    if wants_speaker {
        let speakers: Vec<String> = project.speakers().into_iter().map(str::to_owned).collect();
        speaker_ui(ui, app, &speakers);
    }
    if !annotation.keywords.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Keywords:")
                .on_hover_text("Tags from another tool that name no tag of this project");
            // Each keyword a small button (sized before it is placed, so the row wraps between
            // keywords and a keyword of several words reads as one): it filters the list.
            for keyword in &annotation.keywords {
                if ui
                    .small_button(keyword)
                    .on_hover_text("Show the annotations with this keyword in the list")
                    .clicked()
                {
                    app.view.list_filter.text.clone_from(keyword);
                }
            }
        });
    }
    let label = ui.label("Note:");
    let note = ui
        .add(
            egui::TextEdit::multiline(&mut app.drafts.note)
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .hint_text("Why this tag? What changed?"),
        )
        .labelled_by(label.id);
    if note.lost_focus() {
        app.commit_drafts();
    }
    ui.label(
        egui::RichText::new(format!(
            "Made {} {}",
            annotation.created.strftime("%Y-%m-%d %H:%M"),
            if annotation.annotator.is_empty() {
                String::new()
            } else {
                format!("by {}", annotation.annotator)
            }
        ))
        .small()
        .weak(),
    );
    for command in commands {
        app.push_command(command);
    }
}

fn speaker_ui(ui: &mut egui::Ui, app: &mut App, speakers: &[String]) {
    ui.horizontal(|ui| {
        let label = ui.label("Speaker:");
        // The button is placed first, from the right, and the field takes exactly the room
        // that is left: a field sized by a guess at the button's width made the panel wider
        // on every frame.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            speaker_menu_ui(ui, app, speakers);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut app.drafts.speaker)
                        .desired_width(ui.available_width())
                        .hint_text("who says or denies it"),
                )
                .labelled_by(label.id);
            if edit.lost_focus() {
                app.commit_drafts();
            }
        });
    });
}

fn speaker_menu_ui(ui: &mut egui::Ui, app: &mut App, speakers: &[String]) {
    {
        ui.menu_button("▾", |ui| {
            ui.label(
                egui::RichText::new("Speakers in this project")
                    .small()
                    .weak(),
            );
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| {
                    let typed = app.drafts.speaker.trim().to_lowercase();
                    let matching: Vec<&String> = speakers
                        .iter()
                        .filter(|s| s.to_lowercase().contains(&typed))
                        .collect();
                    let shown = if matching.is_empty() {
                        speakers.iter().collect()
                    } else {
                        matching
                    };
                    for speaker in shown {
                        if ui.button(speaker).clicked() {
                            app.drafts.speaker.clone_from(speaker);
                            app.commit_drafts();
                        }
                    }
                });
        })
        .response
        .on_hover_text("Choose a speaker already used in the project");
    }
}

fn filters_ui(ui: &mut egui::Ui, app: &mut App) {
    let project = &app.doc.project;
    let filter = &mut app.view.list_filter;
    egui::Grid::new("filters")
        .num_columns(2)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            ui.label("Tag");
            egui::ComboBox::new("filter_tag", "")
                .selected_text(
                    filter
                        .tag
                        .and_then(|t| project.tag(t))
                        .map_or("All tags", |t| t.name.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.tag, None, "All tags");
                    for tag in project.tags() {
                        ui.selectable_value(&mut filter.tag, Some(tag.id), &tag.name);
                    }
                })
                .response
                .on_hover_text("Show only annotations with this tag");
            ui.end_row();
            ui.label("Article");
            egui::ComboBox::new("filter_article", "")
                .width(180.0)
                .truncate()
                .selected_text(
                    filter
                        .article
                        .and_then(|a| project.article(a))
                        .map_or("All articles", |a| a.meta.title.as_str()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.article, None, "All articles");
                    for article in project.articles() {
                        ui.selectable_value(
                            &mut filter.article,
                            Some(article.id),
                            &article.meta.title,
                        );
                    }
                })
                .response
                .on_hover_text("Show only annotations in this article");
            ui.end_row();
            let label = ui.label("Speaker");
            ui.add(
                egui::TextEdit::singleline(&mut filter.speaker)
                    .hint_text("any")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Text");
            ui.add(
                egui::TextEdit::singleline(&mut filter.text)
                    .hint_text("in quote, note or keywords")
                    .desired_width(180.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            ui.label("Sort by");
            egui::ComboBox::new("filter_sort", "")
                .selected_text(
                    SortKey::ALL
                        .iter()
                        .find(|(k, _)| *k == filter.sort)
                        .map_or("", |(_, l)| *l),
                )
                .show_ui(ui, |ui| {
                    for (key, label) in SortKey::ALL {
                        ui.selectable_value(&mut filter.sort, key, label);
                    }
                })
                .response
                .on_hover_text("Order of the list");
            ui.end_row();
        });
}

fn list_ui(ui: &mut egui::Ui, app: &mut App) {
    let revision = app.doc.project.revision();
    let cached = app
        .view
        .list_cache
        .as_ref()
        .filter(|(r, filter, _)| *r == revision && *filter == app.view.list_filter);
    let rows = if let Some((_, _, rows)) = cached {
        rows.clone()
    } else {
        let rows = app.view.list_filter.apply(&app.doc.project);
        app.view.list_cache = Some((revision, app.view.list_filter.clone(), rows.clone()));
        rows
    };
    ui.label(
        egui::RichText::new(format!(
            "{} of {}",
            rows.len(),
            crate::text::count(
                app.doc.project.annotations().len(),
                "annotation",
                "annotations"
            )
        ))
        .small()
        .weak(),
    );
    let row_height = 44.0;
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("annotation_list")
        .auto_shrink(false)
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for id in rows.get(range).unwrap_or(&[]) {
                let Some(annotation) = app.doc.project.annotation(*id) else {
                    continue;
                };
                if row_ui(ui, app, annotation, row_height).clicked() {
                    clicked = Some(*id);
                }
            }
        });
    if let Some(id) = clicked {
        app.commit_drafts();
        app.push_command(Command::RevealAnnotation(id));
    }
}

fn row_ui(ui: &mut egui::Ui, app: &App, annotation: &Annotation, height: f32) -> egui::Response {
    let project = &app.doc.project;
    let tag = project.tag(annotation.tag_id);
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    let selected = app.view.selected_annotation == Some(annotation.id);
    if selected {
        ui.painter().rect_filled(
            rect,
            3.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        );
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let colour = tag.map_or(egui::Color32::GRAY, |t| theme::tag_colour(t.colour));
    ui.painter().rect_filled(
        egui::Rect::from_min_size(
            rect.min + egui::vec2(2.0, 4.0),
            egui::vec2(4.0, height - 8.0),
        ),
        1.0,
        colour,
    );
    let article = project
        .article(annotation.article_id)
        .map_or("", |a| a.meta.title.as_str());
    let head = format!(
        "{}{} · {}",
        tag.map_or("?", |t| t.name.as_str()),
        if annotation.speaker.is_empty() {
            String::new()
        } else {
            format!(" · {}", annotation.speaker)
        },
        article
    );
    let text_rect = rect
        .shrink2(egui::vec2(12.0, 3.0))
        .translate(egui::vec2(4.0, 0.0));
    let small = egui::TextStyle::Small.resolve(ui.style());
    let body = egui::TextStyle::Body.resolve(ui.style());
    let clip = |s: &str, n: usize| {
        if s.chars().count() > n {
            format!("{}…", crate::text::chars_after(s, 0, n))
        } else {
            s.to_owned()
        }
    };
    let painter = ui.painter_at(rect);
    // One line each, cut to the row's width with an ellipsis (the whole quote is on hover).
    let width = text_rect.width();
    let head = theme::one_line(ui, head, small, ui.visuals().weak_text_color(), width);
    painter.galley(text_rect.left_top(), head, ui.visuals().weak_text_color());
    let quote = annotation.quote.replace('\n', " ");
    let quote = theme::one_line(ui, quote, body, ui.visuals().text_color(), width);
    painter.galley(
        text_rect.left_top() + egui::vec2(0.0, 16.0),
        quote,
        ui.visuals().text_color(),
    );
    let label = format!(
        "{}: {}",
        tag.map_or("?", |t| t.name.as_str()),
        clip(&annotation.quote, 80)
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    response.on_hover_text(if annotation.note.is_empty() {
        annotation.quote.clone()
    } else {
        format!("{}\n\nNote: {}", annotation.quote, annotation.note)
    })
}
