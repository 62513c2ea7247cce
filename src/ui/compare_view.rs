//! The compare view: two articles chosen in combo boxes, a summary of what changed, the aligned
//! rows (see [`super::compare_rows`]) and a list of all changes, filterable by kind.

use super::compare_rows::rows_ui;
use crate::app::App;
use crate::compare::{Comparison, Summary};
use crate::model::{ArticleId, Project};
use crate::text::count;
use eframe::egui;
use std::sync::Arc;

/// The compare view.
pub fn compare_view_ui(ui: &mut egui::Ui, app: &mut App) {
    pair_picker_ui(ui, app);
    let revision = app.doc.project.revision();
    let Some(comparison) = app.views.compare.comparison(revision).cloned() else {
        ui.horizontal(|ui| {
            if app.views.compare.is_computing() {
                ui.spinner();
                ui.label("Comparing…");
            } else {
                ui.label("Choose two articles to compare.");
            }
        });
        return;
    };
    summary_ui(ui, &comparison);
    // The change list takes room from the two articles: below this width it starts closed
    // and opens on request, so that both articles stay readable in a small window.
    let wide = ui.available_width() >= WIDE_ENOUGH_FOR_CHANGES;
    let show_changes = app.views.compare.show_changes.unwrap_or(wide);
    let num_changes = comparison.changes().count();
    let toggle_label = if show_changes {
        format!("Hide the change list ({num_changes})")
    } else {
        format!("Show the change list ({num_changes})")
    };
    if ui
        .selectable_label(show_changes, toggle_label)
        .on_hover_text("Every change, filterable by kind; click one to go to its row")
        .clicked()
    {
        app.views.compare.show_changes = Some(!show_changes);
    }
    ui.separator();
    if show_changes {
        let width = ui.available_width();
        egui::Panel::right("compare_changes")
            .resizable(true)
            .default_size((width * 0.35).clamp(180.0, 300.0))
            .min_size(160.0)
            .max_size((width * 0.5).max(160.0))
            .show(ui, |ui| changes_ui(ui, app, &comparison));
    }
    rows_ui(ui, app, &comparison);
}

/// Narrower than this, the compare view opens without its change list.
const WIDE_ENOUGH_FOR_CHANGES: f32 = 760.0;

fn article_combo(
    ui: &mut egui::Ui,
    project: &Project,
    label: &str,
    chosen: &mut Option<ArticleId>,
) {
    let title = chosen
        .and_then(|id| project.article(id))
        .map_or("Choose an article", |a| a.meta.title.as_str());
    // The label ("Article A") and the swap button stand beside the picker: leave them room,
    // since a row wider than the view widens every row below it.
    let width = (ui.available_width() - 130.0).clamp(100.0, 320.0);
    // A combo box's width is only its minimum: a long title truncates only to the room it
    // is given, so give it no more than the button and its label need.
    ui.scope(|ui| {
        ui.set_max_width(width + COMBO_LABEL_ROOM);
        egui::ComboBox::new(label, label)
            .selected_text(title)
            .width(width)
            .truncate()
            .show_ui(ui, |ui| {
                for article in project.articles() {
                    ui.selectable_value(chosen, Some(article.id), &article.meta.title);
                }
            });
    });
}

/// Room for a picker's label ("Article A") beside its button.
const COMBO_LABEL_ROOM: f32 = 80.0;

fn pair_picker_ui(ui: &mut egui::Ui, app: &mut App) {
    let project = &app.doc.project;
    let state = &mut app.views.compare;
    let (mut a, mut b) = (state.article_a, state.article_b);
    // Side by side where there is room, else one above the other: never a picker squeezed
    // into a sliver.
    let stacked = ui.available_width() < 2.0 * 320.0 + 200.0;
    let mut swap = false;
    ui.horizontal(|ui| {
        article_combo(ui, project, "Article A", &mut a);
        if ui.button("⇄").on_hover_text("Swap A and B").clicked() {
            swap = true;
        }
        if !stacked {
            article_combo(ui, project, "Article B", &mut b);
        }
    });
    if stacked {
        ui.horizontal(|ui| article_combo(ui, project, "Article B", &mut b));
    }
    if swap {
        std::mem::swap(&mut a, &mut b);
    }
    if (a, b) != (state.article_a, state.article_b)
        && let (Some(a), Some(b)) = (a, b)
    {
        state.set_pair(a, b);
    }
}

fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}

/// The summary as lines of text (also used by tests through the app state).
#[must_use]
pub fn summary_lines(comparison: &Comparison) -> [String; 3] {
    let Summary {
        same,
        changed,
        only_a,
        only_b,
        moved,
        numbers,
        names,
        hedges,
        attributions,
        negations,
        strength,
        weak,
        ..
    } = comparison.summary;
    [
        format!(
            "Similarity: {} of A is in B, {} of B is in A",
            percent(comparison.similarity.a_in_b),
            percent(comparison.similarity.b_in_a)
        ),
        format!(
            "Sentences: {same} kept, {changed} changed, {}, {only_a} dropped, {only_b} added, {moved} moved",
            count(weak, "weak counterpart", "weak counterparts")
        ),
        format!(
            "Changes: {}, {}, {}, {}, {}, {}",
            count(numbers, "number", "numbers"),
            count(names, "name", "names"),
            count(hedges, "hedge", "hedges"),
            count(strength, "strength change", "strength changes"),
            count(attributions, "attribution", "attributions"),
            count(negations, "negation", "negations")
        ),
    ]
}

fn summary_ui(ui: &mut egui::Ui, comparison: &Arc<Comparison>) {
    for line in summary_lines(comparison) {
        ui.add(egui::Label::new(line).wrap());
    }
    if comparison.timed_out {
        ui.label(
            egui::RichText::new(
                "Some word differences are coarse: the comparison ran out of time.",
            )
            .weak(),
        );
    }
}

fn changes_ui(ui: &mut egui::Ui, app: &mut App, comparison: &Comparison) {
    ui.heading("Changes");
    let mut kinds: Vec<&'static str> = comparison.changes().map(|c| c.kind.label()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let state = &mut app.views.compare;
    egui::ComboBox::new("compare_kind", "Kind")
        .selected_text(state.kind_filter.unwrap_or("All kinds"))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut state.kind_filter, None, "All kinds");
            for kind in kinds {
                ui.selectable_value(&mut state.kind_filter, Some(kind), kind);
            }
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("compare_change_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (row_index, row) in comparison.rows.iter().enumerate() {
                for change in &row.changes {
                    let label = change.kind.label();
                    if state.kind_filter.is_some_and(|k| k != label) {
                        continue;
                    }
                    let text = if change.kind.is_strength() {
                        let words = |t: &str| {
                            if t.is_empty() {
                                "(no cue)".to_owned()
                            } else {
                                t.to_owned()
                            }
                        };
                        format!(
                            "{}: {} → {}",
                            change.kind.heading(),
                            words(&change.a_text),
                            words(&change.b_text)
                        )
                    } else {
                        change_text(&change.kind.heading(), &change.a_text, &change.b_text)
                    };
                    let selected = state.selected_row == Some(row_index);
                    // Cut to the list's width with "…"; the whole change on hover.
                    let button = egui::Button::selectable(selected, text.as_str()).truncate();
                    if ui.add(button).on_hover_text(&text).clicked() {
                        state.selected_row = Some(row_index);
                        state.scroll_to_row = Some(row_index);
                    }
                }
            }
        });
}

/// How a change is listed: "hedge changed: bis zu → könnten".
#[must_use]
pub fn change_text(label: &str, a_text: &str, b_text: &str) -> String {
    match (a_text.is_empty(), b_text.is_empty()) {
        (false, false) => format!("{label}: {a_text} → {b_text}"),
        (false, true) => format!("{label}: {a_text}"),
        (true, false) => format!("{label}: {b_text}"),
        (true, true) => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::change_text;

    #[test]
    fn changes_read_from_a_to_b() {
        assert_eq!(
            change_text("name changed", "Olena", "Elena"),
            "name changed: Olena → Elena"
        );
        assert_eq!(
            change_text("hedge dropped", "bis zu", ""),
            "hedge dropped: bis zu"
        );
        assert_eq!(change_text("number added", "", "5"), "number added: 5");
    }
}
