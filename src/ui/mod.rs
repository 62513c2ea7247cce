//! Drawing: one panel per file. Panels read the project and push commands; they change only
//! view state (columns, filters, drafts) directly.

mod articles;
mod central;
mod class_text;
mod class_view;
mod columns;
mod compare_rows;
mod compare_view;
mod dialogs;
mod export_dialog;
pub mod highlight;
mod inspector;
mod menu;
mod overview;
pub mod reader;
pub mod theme;
mod timeline;

use crate::app::App;
use eframe::egui;

/// Draws the whole window.
pub fn draw(ui: &mut egui::Ui, app: &mut App) {
    egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, app));
    egui::Panel::bottom("status_bar").show(ui, |ui| menu::status_bar_ui(ui, app));
    // Side panels take a share of the window, so that a small window keeps room to read;
    // their maximum is a share too (together at most half the window, so that at 900 pixels
    // the compare view keeps 450), and nothing inside them can widen them past it.
    let window_width = ui.ctx().content_rect().width();
    let share = |part: f32, low: f32, high: f32| (window_width * part).clamp(low, high);
    if app.prefs.show_article_list {
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(share(0.19, 170.0, 270.0))
            .min_size(150.0)
            .max_size(share(0.22, 170.0, 420.0))
            .show(ui, |ui| articles::articles_ui(ui, app));
    }
    if app.prefs.show_inspector {
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(share(0.24, 220.0, 340.0))
            .min_size(200.0)
            .max_size(share(0.28, 220.0, 520.0))
            .show(ui, |ui| inspector::inspector_ui(ui, app));
    }
    egui::CentralPanel::default().show(ui, |ui| central::central_ui(ui, app));
    dialogs::dialogs_ui(ui, app);
    export_dialog::export_dialog_ui(ui, app);
    if ui.input(|i| !i.raw.hovered_files.is_empty()) {
        drop_hint_ui(ui);
    }
}

/// A banner while files are dragged over the window.
fn drop_hint_ui(ui: &egui::Ui) {
    let rect = ui.ctx().content_rect();
    let painter = ui.ctx().layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(150));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop text or Markdown files to import them, or a .ron project to open it",
        egui::FontId::proportional(20.0),
        egui::Color32::WHITE,
    );
}
