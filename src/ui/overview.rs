//! The project overview: a matrix of how much wording every pair of articles shares, computed
//! off the UI thread; clicking a cell compares the pair.

use super::theme;
use crate::app::App;
use crate::app::command::Command;
use crate::app::views::ViewCommand;
use eframe::egui;

/// Characters of a title shown at the start of a matrix row.
const TITLE_CHARS: usize = 40;

/// The matrix.
pub fn overview_ui(ui: &mut egui::Ui, app: &mut App) {
    let ids: Vec<_> = app.doc.project.articles().iter().map(|a| a.id).collect();
    if let Some(timeline) =
        crate::model::Timeline::new(&app.doc.project, &ids, crate::app::view::TIMELINE_GAP)
    {
        ui.label(egui::RichText::new("When they were published").strong());
        if let Some(article_id) =
            super::timeline::timeline_ui(ui, &app.doc.project, &timeline, app.prefs.dark, true)
        {
            app.push_command(Command::OpenArticle {
                article_id,
                column: None,
            });
        }
        ui.separator();
    }
    let project = &app.doc.project;
    let Some(matrix) = app.views.overview.matrix(project.revision()).cloned() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Measuring how much wording the articles share…");
        });
        return;
    };
    ui.label(
        "Each cell: how much of the row's article reappears in the column's article (word \
         triples). Click a cell to compare the two.",
    );
    ui.separator();
    let dark = app.prefs.dark;
    let mut command = None;
    egui::ScrollArea::both()
        .id_salt("overview_matrix")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("overview_grid")
                .spacing([4.0, 4.0])
                .show(ui, |ui| {
                    ui.label("");
                    for (index, article_id) in matrix.articles.iter().enumerate() {
                        let title = project
                            .article(*article_id)
                            .map_or("", |a| a.meta.title.as_str());
                        ui.label(format!("{}", index + 1)).on_hover_text(title);
                    }
                    ui.end_row();
                    for (row_index, &row) in matrix.articles.iter().enumerate() {
                        let title = project.article(row).map_or("", |a| a.meta.title.as_str());
                        let short: String = if title.chars().count() > TITLE_CHARS {
                            format!("{}…", crate::text::chars_after(title, 0, TITLE_CHARS))
                        } else {
                            title.to_owned()
                        };
                        ui.label(format!("{} {short}", row_index + 1))
                            .on_hover_text(title);
                        for &column in &matrix.articles {
                            if row == column {
                                ui.label("—");
                                continue;
                            }
                            let cell = matrix.cell(row, column);
                            let button = egui::Button::new(format!("{:.0} %", cell.a_in_b * 100.0))
                                .fill(theme::scale_fill(dark, cell.a_in_b))
                                .min_size(egui::vec2(44.0, 22.0));
                            let response = ui.add(button).on_hover_text(format!(
                                "{:.0} % of the row's article is in the column's; {:.0} % of \
                                 the column's is in the row's",
                                cell.a_in_b * 100.0,
                                cell.b_in_a * 100.0
                            ));
                            if response.clicked() {
                                command = Some(Command::View(ViewCommand::Compare {
                                    article_a: row,
                                    article_b: column,
                                }));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    if let Some(command) = command {
        app.push_command(command);
    }
}
