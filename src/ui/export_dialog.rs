//! The export dialog: format, CSV options, filters, a preview of the first lines and the
//! "Export…" button that asks where to write the file.

use crate::agreement::annotators;
use crate::app::App;
use crate::export::{CsvSeparator, ExportFilter, ExportFormat};
use crate::model::Project;
use eframe::egui;

/// The dialog, when open.
pub fn export_dialog_ui(ui: &mut egui::Ui, app: &mut App) {
    if !app.views.export.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Export")
        .open(&mut open)
        .default_size([640.0, 560.0])
        .resizable(true)
        .show(ui.ctx(), |ui| body_ui(ui, app));
    if !open || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        app.views.export.open = false;
    }
}

/// The name of a format in the dialog.
#[must_use]
pub fn format_label(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Csv => "CSV",
        ExportFormat::Json => "JSON",
        ExportFormat::Markdown => "Markdown",
        ExportFormat::Html => "HTML",
        ExportFormat::W3c => "W3C",
        ExportFormat::Qdpx => "QDPX",
    }
}

fn body_ui(ui: &mut egui::Ui, app: &mut App) {
    let project = &app.doc.project;
    let state = &mut app.views.export;
    ui.horizontal(|ui| {
        ui.label("Format:");
        for format in ExportFormat::ALL {
            ui.radio_value(&mut state.format, format, format_label(format));
        }
    });
    if state.format == ExportFormat::Csv {
        ui.horizontal(|ui| {
            ui.checkbox(&mut state.options.csv_bom, "Byte-order mark")
                .on_hover_text("Lets Excel read umlauts right");
            let mut semicolon = state.options.csv_separator == CsvSeparator::Semicolon;
            if ui
                .checkbox(&mut semicolon, "Semicolons")
                .on_hover_text("What German Excel expects")
                .changed()
            {
                state.options.csv_separator = if semicolon {
                    CsvSeparator::Semicolon
                } else {
                    CsvSeparator::Comma
                };
            }
        });
    }
    filters_ui(ui, project, &mut state.filter);
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong("Preview");
        if state.is_busy() {
            ui.spinner();
        }
    });
    let preview = state.preview(project).unwrap_or("").to_owned();
    egui::ScrollArea::both()
        .id_salt("export_preview")
        .max_height(260.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.label(egui::RichText::new(preview).monospace());
        });
    ui.separator();
    let writing = state.is_writing();
    let button = ui
        .add_enabled(!writing, egui::Button::new("Export…"))
        .on_hover_text("Choose where to write the file");
    if writing {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Exporting…");
        });
    }
    if button.clicked() {
        let extension = state.format.extension();
        app.file_dialogs.export_to(project.title(), extension);
    }
}

fn filters_ui(ui: &mut egui::Ui, project: &Project, filter: &mut ExportFilter) {
    ui.collapsing("Articles", |ui| {
        for article in project.articles() {
            let mut on = filter.includes_article(article.id);
            if ui.checkbox(&mut on, &article.meta.title).changed() {
                let all: Vec<_> = project.articles().iter().map(|a| a.id).collect();
                toggle(&mut filter.articles, &all, article.id, on);
            }
        }
    });
    ui.collapsing("Tags", |ui| {
        for tag in project.tags() {
            let mut on = filter.includes_tag(tag.id);
            if ui.checkbox(&mut on, &tag.name).changed() {
                let all: Vec<_> = project.tags().iter().map(|t| t.id).collect();
                toggle(&mut filter.tags, &all, tag.id, on);
            }
        }
    });
    let names = annotators(project);
    egui::ComboBox::new("export_annotator", "Annotator")
        .selected_text(filter.annotator.as_deref().unwrap_or("Anyone"))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut filter.annotator, None, "Anyone");
            for name in names {
                let label = name.clone();
                ui.selectable_value(&mut filter.annotator, Some(name), label);
            }
        });
}

/// Turns `id` on or off in a filter list where `None` means all of `all`.
fn toggle<T: Copy + PartialEq>(list: &mut Option<Vec<T>>, all: &[T], id: T, on: bool) {
    let mut ids = list.clone().unwrap_or_else(|| all.to_vec());
    ids.retain(|x| *x != id);
    if on {
        ids.push(id);
    }
    *list = if all.iter().all(|x| ids.contains(x)) {
        None
    } else {
        Some(ids)
    };
}

#[cfg(test)]
mod tests {
    use super::toggle;

    #[test]
    fn toggling_every_item_back_on_means_all() {
        let all = [1, 2, 3];
        let mut list = None;
        toggle(&mut list, &all, 2, false);
        assert_eq!(list, Some(vec![1, 3]));
        toggle(&mut list, &all, 2, true);
        assert_eq!(list, None);
    }
}
