//! The article list: title, outlet, date, words and tag counts as coloured bars; click to open.

use super::theme;
use crate::app::App;
use crate::app::actions::Action;
use crate::app::command::Command;
use crate::app::view::find_all;
use eframe::egui;

/// The left panel.
pub fn articles_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Paste…")
                .on_hover_text(Action::PasteArticle.tooltip())
                .clicked()
            {
                app.run_action(Action::PasteArticle);
            }
            if ui
                .button("Import…")
                .on_hover_text(Action::ImportArticles.tooltip())
                .clicked()
            {
                app.run_action(Action::ImportArticles);
            }
        });
    });
    ui.label(
        egui::RichText::new(
            "Click to read, Ctrl+click to open in a new column. Drop files here to import.",
        )
        .small()
        .weak(),
    );
    ui.separator();
    if app.doc.project.articles().is_empty() {
        ui.label("No articles yet. Use Import… or drop text files on the window.");
        return;
    }
    list_controls_ui(ui, app);
    let list = app.view.article_list(&app.doc.project).clone();
    if let Some(timeline) = &list.timeline
        && let Some(article_id) =
            super::timeline::timeline_ui(ui, &app.doc.project, timeline, app.prefs.dark, false)
    {
        app.push_command(Command::OpenArticle {
            article_id,
            column: None,
        });
    }
    let project = &app.doc.project;
    let shown = list.ids.len();
    if shown < project.articles().len() {
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("{shown} of {} shown", project.articles().len()))
                    .small(),
            );
            if ui.small_button("Show all").clicked() {
                app.view.article_query.text.clear();
                app.view.article_query.outlet = None;
            }
        });
    }
    let project = &app.doc.project;
    // Word counts scan whole texts: count each article once (its text never changes).
    for article in app.doc.project.articles() {
        let key = (article.id, article.text().len());
        app.view
            .word_counts
            .entry(key)
            .or_insert_with(|| article.word_count());
    }
    // Annotations per article and tag, counted in one pass per project revision.
    let revision = app.doc.project.revision();
    if app
        .view
        .tag_counts
        .as_ref()
        .is_none_or(|(r, _)| *r != revision)
    {
        let mut counts = std::collections::HashMap::new();
        for annotation in app.doc.project.annotations() {
            *counts
                .entry((annotation.article_id, annotation.tag_id))
                .or_insert(0usize) += 1;
        }
        app.view.tag_counts = Some((revision, counts));
    }
    let tag_counts = app.view.tag_counts.as_ref().map(|(_, c)| c);
    let word_counts = &app.view.word_counts;
    let query = if app.view.find.open {
        app.view.find.query.clone()
    } else {
        String::new()
    };
    let open: Vec<_> = app.view.columns.iter().map(|c| c.article_id).collect();
    let focused = app
        .view
        .columns
        .get(app.view.focused_column)
        .map(|c| c.article_id);
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("article_list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for article in list.ids.iter().filter_map(|&id| project.article(id)) {
                let counts: Vec<(egui::Color32, usize, String)> = project
                    .tags()
                    .iter()
                    .map(|tag| {
                        let n = tag_counts
                            .and_then(|c| c.get(&(article.id, tag.id)))
                            .copied()
                            .unwrap_or(0);
                        (theme::tag_colour(tag.colour), n, tag.name.clone())
                    })
                    .collect();
                let hits = if query.is_empty() {
                    0
                } else {
                    find_all(article.text(), &query).len()
                };
                let is_open = open.contains(&article.id);
                let frame = egui::Frame::new().inner_margin(6).corner_radius(4).fill(
                    if Some(article.id) == focused {
                        ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                    } else {
                        egui::Color32::TRANSPARENT
                    },
                );
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let title = egui::RichText::new(&article.meta.title).strong();
                        ui.add(
                            egui::Label::new(if is_open { title.underline() } else { title })
                                .wrap()
                                .selectable(false),
                        );
                        let mut details = Vec::new();
                        if !article.meta.outlet.is_empty() {
                            details.push(article.meta.outlet.clone());
                        }
                        if let Some(date) = &article.meta.date {
                            details.push(date.clone());
                        }
                        details.push(format!(
                            "{} words",
                            word_counts
                                .get(&(article.id, article.text().len()))
                                .copied()
                                .unwrap_or_default()
                        ));
                        ui.add(
                            egui::Label::new(egui::RichText::new(details.join(" · ")).small())
                                .selectable(false),
                        );
                        tag_bars_ui(ui, &counts);
                        if hits > 0 {
                            ui.label(
                                egui::RichText::new(format!(
                                    "{} for “{query}”",
                                    crate::text::count(hits, "hit", "hits")
                                ))
                                .small()
                                .color(theme::search_fill(false, true)),
                            );
                        }
                    })
                    .response;
                let response = ui
                    .interact(
                        response.rect,
                        ui.make_persistent_id(("article", article.id)),
                        egui::Sense::click(),
                    )
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                let title = article.meta.title.clone();
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
                if response.clicked() {
                    let new_column = ui.input(|i| i.modifiers.command);
                    commands.push(Command::OpenArticle {
                        article_id: article.id,
                        column: new_column.then_some(crate::app::view::MAX_COLUMNS),
                    });
                }
                ui.add_space(2.0);
            }
        });
    for command in commands {
        app.push_command(command);
    }
}

/// The filter field, the order and the outlet filter.
fn list_controls_ui(ui: &mut egui::Ui, app: &mut App) {
    let query = &mut app.view.article_query;
    ui.add(
        egui::TextEdit::singleline(&mut query.text)
            .hint_text("Filter: title, outlet, author, date")
            .desired_width(f32::INFINITY),
    )
    .on_hover_text("Shows the articles whose title, outlet, authors or date hold every word");
    let outlets = crate::model::outlets(&app.doc.project);
    ui.horizontal(|ui| {
        let label = ui.label("Sort");
        egui::ComboBox::from_id_salt("article_sort")
            .selected_text(query.sort.label())
            .width(78.0)
            .show_ui(ui, |ui| {
                for sort in crate::model::ArticleSort::ALL {
                    ui.selectable_value(&mut query.sort, sort, sort.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("The order of the article list");
        let arrow = if query.descending { "⬇" } else { "⬆" };
        let reverse = ui.small_button(arrow);
        reverse.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, "Reverse the order")
        });
        if reverse
            .on_hover_text(if query.descending {
                "Descending: newest, Z or last imported first"
            } else {
                "Ascending: oldest, A or first imported first"
            })
            .clicked()
        {
            query.descending = !query.descending;
        }
        if outlets.len() > 1 {
            let selected = query.outlet.clone().unwrap_or_else(|| "all outlets".into());
            egui::ComboBox::from_id_salt("article_outlet")
                .selected_text(selected)
                .width(ui.available_width().max(60.0))
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.outlet, None, "all outlets");
                    for (outlet, n) in &outlets {
                        ui.selectable_value(
                            &mut query.outlet,
                            Some(outlet.clone()),
                            format!("{outlet} ({n})"),
                        );
                    }
                })
                .response
                .on_hover_text("Show only the articles of one outlet");
        }
    });
}

/// Annotation counts per tag as small coloured bars with the number.
fn tag_bars_ui(ui: &mut egui::Ui, counts: &[(egui::Color32, usize, String)]) {
    let max = counts.iter().map(|c| c.1).max().unwrap_or(0).max(1);
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for (colour, n, name) in counts {
            let width = 4.0 + 36.0 * (*n as f32 / max as f32);
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(width, 8.0), egui::Sense::hover());
            ui.painter().rect_filled(
                rect,
                2.0,
                if *n == 0 {
                    colour.gamma_multiply(0.25)
                } else {
                    *colour
                },
            );
            response.on_hover_text(format!("{n} {name}"));
            ui.label(egui::RichText::new(n.to_string()).small());
        }
    });
}
