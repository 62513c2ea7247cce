//! The menu bar, built from the action catalogue, and the status line.

use super::theme;
use crate::app::App;
use crate::app::actions::Action;
use crate::app::command::Command;
use eframe::egui;

/// The menus.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut App) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            action_button(ui, app, Action::NewProject);
            action_button(ui, app, Action::OpenProject);
            ui.menu_button("Open recent", |ui| {
                if app.prefs.recent.is_empty() {
                    ui.label("No recent projects");
                }
                for path in app.prefs.recent.clone() {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        app.push_command(Command::OpenProject(path));
                    }
                }
                ui.separator();
                if ui.button("Open the sample project").clicked() {
                    app.guard_sample();
                }
                let mut reopen = app.prefs.reopen_last;
                if ui
                    .checkbox(&mut reopen, "Reopen last project at start")
                    .changed()
                {
                    app.prefs.reopen_last = reopen;
                    app.save_prefs();
                }
            });
            ui.separator();
            action_button(ui, app, Action::Save);
            action_button(ui, app, Action::SaveAs);
            ui.separator();
            action_button(ui, app, Action::ImportArticles);
            action_button(ui, app, Action::ImportFolder);
            action_button(ui, app, Action::ImportAddress);
            action_button(ui, app, Action::MergeProjects);
            action_button(ui, app, Action::PasteArticle);
            action_button(ui, app, Action::PasteAsNewArticle);
            action_button(ui, app, Action::Export);
            ui.separator();
            action_button(ui, app, Action::Quit);
        });
        ui.menu_button("Edit", |ui| {
            let undo = app.doc.history.undo_label().map(|l| format!("Undo {l}"));
            let redo = app.doc.history.redo_label().map(|l| format!("Redo {l}"));
            action_button_labelled(ui, app, Action::Undo, undo.as_deref());
            action_button_labelled(ui, app, Action::Redo, redo.as_deref());
            ui.separator();
            action_button(ui, app, Action::DeleteAnnotation);
            action_button(ui, app, Action::Find);
            ui.separator();
            action_button(ui, app, Action::EditTags);
            action_button(ui, app, Action::EditArticleDetails);
            ui.separator();
            action_button(ui, app, Action::Preferences);
        });
        ui.menu_button("View", |ui| {
            action_toggle(ui, app, Action::ToggleTheme, app.prefs.dark);
            action_toggle(ui, app, Action::ToggleFurniture, app.prefs.hide_furniture);
            action_toggle(
                ui,
                app,
                Action::ToggleLinkedScrolling,
                app.prefs.linked_scrolling,
            );
            action_toggle(
                ui,
                app,
                Action::ToggleArticleList,
                app.prefs.show_article_list,
            );
            action_toggle(ui, app, Action::ToggleInspector, app.prefs.show_inspector);
            ui.separator();
            for view in [
                Action::ShowRead,
                Action::ShowCompare,
                Action::ShowOverview,
                Action::ShowClass,
            ] {
                action_button(ui, app, view);
            }
            ui.separator();
            action_button(ui, app, Action::AddColumn);
            ui.separator();
            action_button(ui, app, Action::TextLarger);
            action_button(ui, app, Action::TextSmaller);
            action_button(ui, app, Action::TextReset);
            action_button(ui, app, Action::ZoomIn);
            action_button(ui, app, Action::ZoomOut);
        });
        ui.menu_button("Tools", |ui| {
            action_button(ui, app, Action::CompareArticles);
            action_button(ui, app, Action::ProjectOverview);
            ui.separator();
            action_button(ui, app, Action::CompareWithKey);
        });
        ui.menu_button("Help", |ui| {
            action_button(ui, app, Action::KeyboardShortcuts);
        });
    });
}

fn action_button(ui: &mut egui::Ui, app: &mut App, action: Action) {
    action_button_labelled(ui, app, action, None);
}

fn action_button_labelled(ui: &mut egui::Ui, app: &mut App, action: Action, label: Option<&str>) {
    let mut button = egui::Button::new(label.unwrap_or(action.label()));
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(app.action_enabled(action), button)
        .on_hover_text(action.tooltip());
    if response.clicked() {
        app.run_action(action);
    }
}

fn action_toggle(ui: &mut egui::Ui, app: &mut App, action: Action, on: bool) {
    let mut checked = on;
    if ui
        .checkbox(&mut checked, action.label())
        .on_hover_text(action.tooltip())
        .clicked()
    {
        app.run_action(action);
    }
}

/// The status line: project file, unsaved state, last autosave and the latest message.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &mut App) {
    let dark = app.prefs.dark;
    if let Some(index) = app.notifications.iter().rposition(|n| n.is_error) {
        let text = app.notifications[index].text.clone();
        egui::Frame::new().inner_margin(4).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(theme::error_colour(dark), format!("⚠ {text}"));
                if ui.button("Dismiss").clicked() {
                    app.notifications.remove(index);
                }
            });
        });
        ui.separator();
    }
    ui.horizontal(|ui| {
        let file = match (&app.doc.path, app.doc.is_sample) {
            (_, true) => "Sample project (Save as… to keep your changes)".to_owned(),
            (Some(path), false) => path.display().to_string(),
            (None, false) => "Not saved yet".to_owned(),
        };
        ui.label(file);
        ui.separator();
        if app.is_dirty() {
            ui.colored_label(
                egui::Color32::from_rgb(0xd0, 0x80, 0x00),
                "● Unsaved changes",
            );
        } else {
            ui.label("All changes saved");
        }
        if let Some(time) = &app.last_autosave_label {
            ui.separator();
            ui.label(format!("Autosaved {time}"));
        }
        if app.views.import.is_running() {
            ui.separator();
            let (done, total) = app.views.import.progress();
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            let text = if let Some(address) = app.views.import.address() {
                format!("Fetching {}…", crate::text::chars_after(address, 0, 40))
            } else if total == 0 {
                "Importing: listing files…".to_owned()
            } else {
                format!("Importing {done} of {total} files")
            };
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(220.0)
                    .text(text),
            );
        }
        ui.separator();
        ui.label(format!(
            "{} · {}",
            crate::text::count(app.doc.project.articles().len(), "article", "articles"),
            crate::text::count(
                app.doc.project.annotations().len(),
                "annotation",
                "annotations"
            )
        ));
        if let Some(note) = app.notifications.iter().rev().find(|n| !n.is_error) {
            ui.separator();
            ui.label(egui::RichText::new(note.text.lines().next().unwrap_or("")).weak());
        }
    });
}

impl App {
    /// Opens the sample project after dealing with unsaved changes.
    pub(crate) fn guard_sample(&mut self) {
        self.commit_drafts();
        if self.is_dirty() {
            self.modal = Some(crate::app::Modal::UnsavedChanges(
                crate::app::Pending::Sample,
            ));
        } else {
            self.open_sample();
        }
    }
}
