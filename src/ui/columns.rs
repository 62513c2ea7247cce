//! The centre: find bar, tag buttons and one to four article columns side by side.

use super::highlight::TextLook;
use super::reader::{ReaderInput, reader_ui};
use super::theme;
use crate::app::App;
use crate::app::command::Command;
use crate::app::view::{MAX_COLUMNS, TextSelection, find_all};
use eframe::egui;

/// The central panel.
pub fn columns_ui(ui: &mut egui::Ui, app: &mut App) {
    if app.view.find.open {
        find_bar_ui(ui, app);
        ui.separator();
    }
    tag_buttons_ui(ui, app);
    ui.separator();
    if app.view.columns.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.label("Choose an article on the left to read it here. Up to four articles can stand side by side.");
        });
        return;
    }
    let count = app.view.columns.len();
    let mut layouts = std::mem::take(&mut app.layouts);
    layouts.retain(|id, _| app.view.columns.iter().any(|c| c.column_id == *id));
    let now = ui.input(|i| i.time);
    if app
        .view
        .flash
        .is_some_and(|(_, start)| now - start > theme::FLASH_SECONDS)
    {
        app.view.flash = None;
    }
    // Equal columns with a gap, each clipped to its own rectangle so that nothing in one
    // column can push into or paint over the next.
    let area = ui.available_rect_before_wrap();
    let gap = 10.0;
    let width = ((area.width() - gap * (count as f32 - 1.0)) / count as f32).max(120.0);
    for index in 0..count {
        let left = area.left() + index as f32 * (width + gap);
        let rect = egui::Rect::from_min_size(
            egui::pos2(left, area.top()),
            egui::vec2(width, area.height()),
        );
        let mut col_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        col_ui.set_clip_rect(rect.intersect(ui.clip_rect()));
        column_ui(&mut col_ui, app, index, &mut layouts, now);
        if index + 1 < count {
            let x = left + width + gap / 2.0;
            ui.painter().vline(
                x,
                area.y_range(),
                ui.visuals().widgets.noninteractive.bg_stroke,
            );
        }
    }
    ui.allocate_rect(area, egui::Sense::hover());
    app.layouts = layouts;
    if app.view.linked_scrolling {
        sync_scrolling(app);
    }
}

fn column_ui(
    ui: &mut egui::Ui,
    app: &mut App,
    index: usize,
    layouts: &mut std::collections::HashMap<u64, super::reader::ColumnLayout>,
    now: f64,
) {
    // Taken before the header, whose widgets may widen the ui's rectangle.
    let column_width = ui.max_rect().width();
    let Some(column) = app.view.columns.get(index).cloned() else {
        return;
    };
    let project = &app.doc.project;
    let Some(article) = project.article(column.article_id) else {
        return;
    };
    let count = app.view.columns.len();
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        // Buttons first, so that the article picker truncates to the room that is left.
        if ui
            .add_enabled(index > 0, egui::Button::new("◀").small())
            .on_hover_text("Move column left")
            .clicked()
        {
            commands.push(Command::MoveColumn {
                from: index,
                to: index - 1,
            });
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("▶").small())
            .on_hover_text("Move column right")
            .clicked()
        {
            commands.push(Command::MoveColumn {
                from: index,
                to: index + 1,
            });
        }
        if ui
            .add(egui::Button::new("Close").small())
            .on_hover_text("Close this column")
            .clicked()
        {
            commands.push(Command::CloseColumn(index));
        }
        let focused = index == app.view.focused_column;
        let title = egui::RichText::new(&article.meta.title).strong();
        egui::ComboBox::new(("column_article", column.column_id), "")
            .selected_text(if focused {
                title.color(ui.visuals().strong_text_color())
            } else {
                title
            })
            .width(ui.available_width() - 24.0)
            .truncate()
            .show_ui(ui, |ui| {
                for other in project.articles() {
                    if ui
                        .selectable_label(other.id == article.id, &other.meta.title)
                        .clicked()
                    {
                        commands.push(Command::OpenArticle {
                            article_id: other.id,
                            column: Some(index),
                        });
                    }
                }
            })
            .response
            .on_hover_text("Choose the article for this column");
    });
    let mut details = vec![if article.meta.outlet.is_empty() {
        "unknown outlet".to_owned()
    } else {
        article.meta.outlet.clone()
    }];
    details.extend(article.meta.date.clone());
    if !article.meta.authors.is_empty() {
        details.push(article.meta.authors.join(", "));
    }
    ui.add(egui::Label::new(egui::RichText::new(details.join(" · ")).small()).truncate());
    ui.add_space(2.0);

    let hits = if app.view.find.open {
        find_all(article.text(), &app.view.find.query)
    } else {
        Vec::new()
    };
    let current_hit = (index == app.view.focused_column && !hits.is_empty())
        .then(|| app.view.find.current % hits.len());
    let selection = app
        .view
        .selection
        .filter(|s| s.column == index)
        .map(|s| (s.anchor, s.head));
    let flash = app.view.flash.and_then(|(id, start)| {
        let annotation = project
            .annotation(id)
            .filter(|a| a.article_id == article.id)?;
        Some((
            annotation.span.range(),
            ((now - start) / theme::FLASH_SECONDS).clamp(0.0, 1.0) as f32,
        ))
    });
    let look = TextLook {
        size: app.prefs.text_size,
        dark: app.prefs.dark,
        hide_furniture: app.prefs.hide_furniture,
        wrap_width: (column_width - 18.0).max(100.0),
    };
    let input = ReaderInput {
        project,
        article,
        selection,
        selected_annotation: app.view.selected_annotation,
        search_hits: &hits,
        current_hit,
        look,
        scroll_to: column.scroll_to.or_else(|| {
            current_hit.and_then(|h| {
                app.view
                    .find
                    .scroll_pending
                    .then(|| hits.get(h).map(|r| r.start))
                    .flatten()
            })
        }),
        scroll_offset: column.sync_to,
        flash,
        id_salt: column.column_id,
    };
    let layout = layouts.entry(column.column_id).or_default();
    let output = reader_ui(ui, layout, &input);
    if let Some(col) = app.view.columns.get_mut(index) {
        col.scroll_to = None;
        col.sync_to = None;
        col.offset = output.offset;
        col.max_offset = output.max_offset;
    }
    if index == app.view.focused_column {
        app.view.find.scroll_pending = false;
    }
    if let Some((anchor, head)) = output.selection {
        app.view.focused_column = index;
        app.view.selection = Some(TextSelection {
            column: index,
            anchor,
            head,
        });
    }
    if let Some(id) = output.clicked_annotation {
        app.commit_drafts();
        app.view.selected_annotation = Some(id);
    } else if output.clicked_empty {
        app.commit_drafts();
        app.view.selected_annotation = None;
    }
    for command in commands {
        app.push_command(command);
    }
}

/// When one column was scrolled by the user, scroll the others to the same fraction.
fn sync_scrolling(app: &mut App) {
    let moved = app.view.columns.iter().position(|c| {
        (c.offset
            - app
                .view
                .last_offsets
                .get(&c.column_id)
                .copied()
                .unwrap_or(c.offset))
        .abs()
            > 0.5
    });
    if let Some(index) = moved {
        let fraction = app.view.columns.get(index).map_or(0.0, |c| {
            if c.max_offset > 0.0 {
                c.offset / c.max_offset
            } else {
                0.0
            }
        });
        for (i, column) in app.view.columns.iter_mut().enumerate() {
            if i != index {
                column.sync_to = Some(fraction * column.max_offset);
            }
        }
    }
    app.view.last_offsets = app
        .view
        .columns
        .iter()
        .map(|c| (c.column_id, c.sync_to.unwrap_or(c.offset)))
        .collect();
}

/// "Tag selection as" buttons, one per tag with its key.
fn tag_buttons_ui(ui: &mut egui::Ui, app: &mut App) {
    let has_selection = app.view.selection.is_some_and(|s| !s.range().is_empty());
    ui.horizontal_wrapped(|ui| {
        ui.label("Tag selection as:");
        for tag in app.doc.project.tags() {
            let key = tag.key.map(|k| format!(" ({k})")).unwrap_or_default();
            let text = egui::RichText::new(format!("{}{key}", tag.name))
                .color(theme::text_colour(app.prefs.dark));
            let button =
                egui::Button::new(text).fill(theme::tag_fill(tag.colour, app.prefs.dark, true));
            let response = ui
                .add_enabled(has_selection, button)
                .on_hover_text(&tag.description)
                .on_disabled_hover_text(format!("{} (select text first)", tag.description))
                .on_disabled_hover_text("Select text in an article first");
            if response.clicked() {
                app.commands.push(Command::TagSelection(tag.id));
            }
        }
        if app.view.columns.len() < MAX_COLUMNS
            && ui
                .button("+ Column")
                .on_hover_text("Show one more article column")
                .clicked()
        {
            app.run_action(crate::app::actions::Action::AddColumn);
        }
    });
}

/// Find in the focused article and count hits across the project.
fn find_bar_ui(ui: &mut egui::Ui, app: &mut App) {
    let focused_article = app
        .view
        .columns
        .get(app.view.focused_column)
        .and_then(|c| app.doc.project.article(c.article_id));
    let hits_here = focused_article.map_or(0, |a| find_all(a.text(), &app.view.find.query).len());
    let (articles_with_hits, total) =
        app.doc.project.articles().iter().fold((0, 0), |(n, t), a| {
            let hits = find_all(a.text(), &app.view.find.query).len();
            (n + usize::from(hits > 0), t + hits)
        });
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut app.view.find.query)
                    .desired_width(220.0)
                    .hint_text("word or phrase"),
            )
            .labelled_by(label.id);
        if app.view.find.focus_requested {
            edit.request_focus();
            app.view.find.focus_requested = false;
        }
        if edit.changed() {
            app.view.find.current = 0;
            app.view.find.scroll_pending = true;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .add_enabled(hits_here > 0, egui::Button::new("Previous"))
            .clicked()
        {
            app.view.find.current = (app.view.find.current + hits_here - 1) % hits_here.max(1);
            app.view.find.scroll_pending = true;
        }
        if ui
            .add_enabled(hits_here > 0, egui::Button::new("Next"))
            .clicked()
            || enter && hits_here > 0
        {
            app.view.find.current = (app.view.find.current + 1) % hits_here.max(1);
            app.view.find.scroll_pending = true;
            if enter {
                edit.request_focus();
            }
        }
        if app.view.find.query.trim().is_empty() {
            ui.label("Type to find in the articles");
        } else {
            ui.label(format!(
                "{} of {hits_here} in this article · {total} in {}",
                if hits_here == 0 {
                    0
                } else {
                    app.view.find.current % hits_here + 1
                },
                crate::text::count(articles_with_hits, "article", "articles")
            ));
        }
        if ui
            .button("Close")
            .on_hover_text("Close the find bar (Esc)")
            .clicked()
        {
            app.view.find.open = false;
        }
    });
}
