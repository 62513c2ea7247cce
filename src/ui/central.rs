//! The central panel: tabs that switch between the reading columns and the extra views.

use super::{class_view, columns, compare_view, overview};
use crate::app::App;
use crate::app::views::CentralView;
use eframe::egui;

/// The tabs and the chosen view.
pub fn central_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.horizontal(|ui| {
        let tabs = [
            (CentralView::Columns, "Read", "The articles in columns"),
            (
                CentralView::Compare,
                "Compare",
                "Two articles side by side, sentence by sentence",
            ),
            (
                CentralView::Overview,
                "Overview",
                "How much wording every pair of articles shares",
            ),
            (CentralView::Class, "Class", "Students scored against a key"),
        ];
        for (view, label, tooltip) in tabs {
            let response = ui
                .selectable_label(app.views.central == view, label)
                .on_hover_text(tooltip);
            if response.clicked() {
                app.show_view(view);
            }
        }
    });
    ui.separator();
    match app.views.central {
        CentralView::Columns => columns::columns_ui(ui, app),
        CentralView::Compare => compare_view::compare_view_ui(ui, app),
        CentralView::Overview => overview::overview_ui(ui, app),
        CentralView::Class => class_view::class_view_ui(ui, app),
    }
}
