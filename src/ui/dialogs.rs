//! Modal questions (unsaved changes, recovery, removing a tag in use) and the editor windows
//! (tags, article details, pasted article, web address to import).

use crate::app::command::{Command, meta_edit, new_tag, remove_tag_edit};
use crate::app::{App, Modal, Pending};
use crate::model::{Edit, Rgb, Tag};
use eframe::egui;

/// Draws whichever dialogs are open.
pub fn dialogs_ui(ui: &mut egui::Ui, app: &mut App) {
    if let Some(modal) = app.modal.clone() {
        modal_ui(ui, app, &modal);
    }
    if app.drafts.tag_editor {
        tag_editor_ui(ui, app);
    }
    if app.drafts.article_meta.is_some() {
        article_meta_ui(ui, app);
    }
    if app.drafts.paste.is_some() {
        paste_ui(ui, app);
    }
    if app.drafts.address.is_some() {
        address_ui(ui, app);
    }
    if app.drafts.shortcuts {
        shortcuts_ui(ui, app);
    }
    if app.drafts.preferences {
        preferences_ui(ui, app);
    }
    if let Some(command) = app.file_dialogs.in_app_ui(ui.ctx()) {
        app.commands.push(command);
    }
}

fn modal_ui(ui: &mut egui::Ui, app: &mut App, modal: &Modal) {
    let response = egui::Modal::new(egui::Id::unique("lateral_modal")).show(ui.ctx(), |ui| {
        ui.set_max_width(440.0);
        match &modal {
            Modal::UnsavedChanges(pending) => unsaved_ui(ui, app, pending),
            Modal::Recovery(info) => {
                ui.heading("Restore unsaved work?");
                ui.label(format!(
                    "Lateral did not close properly last time. Unsaved changes to “{}” were autosaved at {}.",
                    info.title,
                    info.saved_at_label()
                ));
                if let Some(path) = &info.project_path {
                    ui.label(format!("Project file: {}", path.display()));
                }
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        app.commands.push(Command::RestoreRecovery(info.recovery_file.clone()));
                        app.modal = None;
                    }
                    if ui.button("Discard").on_hover_text("Delete the autosaved changes").clicked() {
                        app.commands.push(Command::DiscardRecovery(info.recovery_file.clone()));
                        app.modal = None;
                    }
                });
            }
            Modal::RemoveTag { tag_id, reassign_to } => remove_tag_ui(ui, app, *tag_id, *reassign_to),
        }
    });
    if response.should_close() && !matches!(modal, Modal::Recovery(_)) {
        app.modal = None;
    }
}

fn unsaved_ui(ui: &mut egui::Ui, app: &mut App, pending: &Pending) {
    let what = match pending {
        Pending::NewProject => "starting a new project",
        Pending::Open(_) | Pending::Sample => "opening another project",
        Pending::Quit => "closing",
    };
    ui.heading("Unsaved changes");
    ui.label(format!(
        "“{}” has changes that are not saved. Save them before {what}?",
        app.doc.project.title()
    ));
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            app.modal = None;
            match app.doc.path.clone().filter(|_| !app.doc.is_sample) {
                Some(path) => {
                    app.save_to(&path);
                    if !app.is_dirty() {
                        app.proceed(pending.clone());
                    }
                }
                None => app.push_command(Command::Save),
            }
        }
        if ui
            .button("Don't save")
            .on_hover_text("Discard the changes")
            .clicked()
        {
            app.modal = None;
            app.proceed(pending.clone());
        }
        if ui.button("Cancel").clicked() {
            app.modal = None;
        }
    });
}

fn remove_tag_ui(
    ui: &mut egui::Ui,
    app: &mut App,
    tag_id: crate::model::TagId,
    reassign_to: Option<crate::model::TagId>,
) {
    let project = &app.doc.project;
    let Some(tag) = project.tag(tag_id) else {
        app.modal = None;
        return;
    };
    let used = project
        .annotations()
        .iter()
        .filter(|a| a.tag_id == tag_id)
        .count();
    ui.heading(format!("Remove the tag “{}”?", tag.name));
    ui.label(format!(
        "{} {} it. What should happen to them?",
        crate::text::count(used, "annotation", "annotations"),
        if used == 1 { "uses" } else { "use" }
    ));
    let mut choice = reassign_to;
    ui.radio_value(&mut choice, None, "Delete them");
    for other in project.tags().iter().filter(|t| t.id != tag_id) {
        ui.radio_value(
            &mut choice,
            Some(other.id),
            format!("Tag them as “{}”", other.name),
        );
    }
    if choice != reassign_to {
        app.modal = Some(Modal::RemoveTag {
            tag_id,
            reassign_to: choice,
        });
    }
    ui.horizontal(|ui| {
        if ui.button("Remove tag").clicked() {
            let edit = remove_tag_edit(project, tag_id, choice);
            app.commands.push(Command::Edit(edit));
            app.modal = None;
        }
        if ui.button("Cancel").clicked() {
            app.modal = None;
        }
    });
}

fn tag_editor_ui(ui: &mut egui::Ui, app: &mut App) {
    let mut open = true;
    let mut commands = Vec::new();
    let mut modal = None;
    egui::Window::new("Tags")
        .open(&mut open)
        .resizable(false)
        .default_width(520.0)
        .show(ui.ctx(), |ui| {
            ui.label("Changes apply at once and can be undone. Keys tag the selected text.");
            let tags = app.doc.project.tags().to_vec();
            egui::Grid::new("tag_grid")
                .num_columns(6)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    ui.label("Name");
                    ui.label("Colour");
                    ui.label("Key");
                    ui.label("Speaker");
                    ui.label("Order");
                    ui.label("");
                    ui.end_row();
                    for (index, tag) in tags.iter().enumerate() {
                        if let Some(edit) = tag_row_ui(ui, app, tag, index, tags.len(), &mut modal)
                        {
                            commands.push(Command::Edit(edit));
                        }
                        ui.end_row();
                    }
                });
            if ui.button("Add tag").clicked() {
                commands.push(Command::Edit(Edit::AddTag {
                    tag: new_tag(&app.doc.project),
                    index: None,
                }));
            }
        });
    app.drafts.tag_editor = open;
    if modal.is_some() {
        app.modal = modal;
    }
    app.commands.extend(commands);
}

fn tag_row_ui(
    ui: &mut egui::Ui,
    app: &mut App,
    tag: &Tag,
    index: usize,
    count: usize,
    modal: &mut Option<Modal>,
) -> Option<Edit> {
    let mut edit = None;
    let mut changed = tag.clone();
    let name = app
        .drafts
        .tag_names
        .entry(tag.id)
        .or_insert_with(|| tag.name.clone());
    let response = ui
        .add(egui::TextEdit::singleline(name).desired_width(160.0))
        .on_hover_text(&tag.description)
        .accessible_name(format!("Name of tag {}", tag.name));
    if response.lost_focus() {
        if name.trim().is_empty() {
            name.clone_from(&tag.name);
        } else {
            name.trim().clone_into(&mut changed.name);
        }
        app.drafts.tag_names.remove(&tag.id);
    }
    let mut colour = [tag.colour.0, tag.colour.1, tag.colour.2];
    if ui
        .color_edit_button_srgb(&mut colour)
        .accessible_name(format!("Colour of tag {}", tag.name))
        .changed()
    {
        changed.colour = Rgb(colour[0], colour[1], colour[2]);
    }
    let mut key = tag.key.map(String::from).unwrap_or_default();
    let key_response = ui
        .add(
            egui::TextEdit::singleline(&mut key)
                .desired_width(24.0)
                .char_limit(1),
        )
        .accessible_name(format!("Key of tag {}", tag.name));
    if key_response.changed() {
        changed.key = key.chars().next();
    }
    let mut has_speaker = tag.has_speaker;
    if ui
        .checkbox(&mut has_speaker, "")
        .on_hover_text("Passages with this tag name a speaker")
        .accessible_name(format!("Speaker for tag {}", tag.name))
        .changed()
    {
        changed.has_speaker = has_speaker;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(index > 0, egui::Button::new("▲").small())
            .on_hover_text(format!("Move “{}” up", tag.name))
            .clicked()
        {
            edit = Some(Edit::MoveTag {
                tag_id: tag.id,
                to_index: index - 1,
            });
        }
        if ui
            .add_enabled(index + 1 < count, egui::Button::new("▼").small())
            .on_hover_text(format!("Move “{}” down", tag.name))
            .clicked()
        {
            edit = Some(Edit::MoveTag {
                tag_id: tag.id,
                to_index: index + 1,
            });
        }
    });
    let used = app
        .doc
        .project
        .annotations()
        .iter()
        .any(|a| a.tag_id == tag.id);
    if ui
        .add_enabled(count > 1, egui::Button::new("Remove"))
        .on_hover_text(format!("Remove “{}”", tag.name))
        .clicked()
    {
        if used {
            *modal = Some(Modal::RemoveTag {
                tag_id: tag.id,
                reassign_to: None,
            });
        } else {
            edit = Some(Edit::RemoveTag { tag_id: tag.id });
        }
    }
    if changed != *tag {
        edit = Some(Edit::UpdateTag { tag: changed });
    }
    edit
}

fn article_meta_ui(ui: &mut egui::Ui, app: &mut App) {
    let Some((article_id, mut meta, mut authors)) = app.drafts.article_meta.clone() else {
        return;
    };
    let mut open = true;
    let mut done = None;
    let report = app
        .doc
        .project
        .article(article_id)
        .map(|a| (&a.import, a.source_file.as_deref()));
    egui::Window::new("Article details")
        .open(&mut open)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("meta_grid")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let field = |ui: &mut egui::Ui, label: &str, value: &mut String| {
                        let label = ui.label(label);
                        ui.add(egui::TextEdit::singleline(value).desired_width(320.0))
                            .labelled_by(label.id);
                        ui.end_row();
                    };
                    field(ui, "Title", &mut meta.title);
                    field(ui, "Outlet", &mut meta.outlet);
                    field(ui, "Authors", &mut authors);
                    let mut date = meta.date.clone().unwrap_or_default();
                    field(ui, "Date", &mut date);
                    meta.date = (!date.trim().is_empty()).then(|| date.trim().to_owned());
                    if let Some(written) = &meta.date {
                        ui.label("");
                        ui.label(
                            egui::RichText::new(match meta.pub_date() {
                                Some(read) => format!("Read as {read} ({}).", read.to_iso()),
                                None => format!(
                                    "“{written}” names no day, month or year: kept as \
                                     written, sorted last and left off the timeline."
                                ),
                            })
                            .small()
                            .weak(),
                        );
                        ui.end_row();
                    }
                    let mut url = meta.url.clone().unwrap_or_default();
                    field(ui, "URL", &mut url);
                    meta.url = (!url.trim().is_empty()).then(|| url.trim().to_owned());
                    field(ui, "Language", &mut meta.language);
                });
            ui.label(
                egui::RichText::new(
                    "Authors: separate several with commas. Date: as written in the source.",
                )
                .small()
                .weak(),
            );
            if let Some((report, source_file)) = report {
                import_report_ui(ui, report, source_file);
            }
            ui.horizontal(|ui| {
                if ui.button("Apply").clicked() {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    done = Some(false);
                }
            });
        });
    match (done, open) {
        (Some(true), _) => {
            meta.authors = authors
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect();
            app.commands
                .push(Command::Edit(meta_edit(article_id, meta)));
            app.drafts.article_meta = None;
        }
        (Some(false), _) | (None, false) => app.drafts.article_meta = None,
        (None, true) => app.drafts.article_meta = Some((article_id, meta, authors)),
    }
}

/// What import did: the file, its kind and encoding, notes, and what a web page showed
/// outside the article.
fn import_report_ui(
    ui: &mut egui::Ui,
    report: &crate::model::ImportReport,
    source_file: Option<&str>,
) {
    let words: usize = report.cut.iter().map(|c| c.words).sum();
    let heading = if report.cut.is_empty() {
        "Import report".to_owned()
    } else {
        format!(
            "Import report: {} left out of the {}",
            crate::text::count(report.cut.len(), "passage", "passages"),
            if report.format == crate::model::SourceFormat::Feed {
                "feed item"
            } else {
                "page"
            }
        )
    };
    egui::CollapsingHeader::new(heading)
        .id_salt("import_report")
        .show(ui, |ui| {
            ui.label(format!(
                "{} · {} · {} bytes",
                source_file.unwrap_or(
                    if report.encoding_source == crate::model::EncodingSource::Pasted {
                        "pasted or typed"
                    } else {
                        "fetched from its address"
                    }
                ),
                report.format.label(),
                report.size_bytes
            ));
            ui.label(format!("Encoding: {}", report.encoding));
            for line in report.warnings().iter().chain(&report.notes) {
                ui.label(line);
            }
            if report.cut.is_empty() {
                return;
            }
            ui.label(format!(
                "Left out of the article ({words} words): menus, captions, teasers and comments as the source showed them."
            ));
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .id_salt("import_report_cut")
                .show(ui, |ui| {
                    egui::Grid::new("import_report_cut_grid")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for passage in &report.cut {
                                ui.label(egui::RichText::new(passage.kind.label()).weak());
                                ui.add(egui::Label::new(&passage.text).wrap());
                                ui.end_row();
                            }
                        });
                });
        });
}

fn paste_ui(ui: &mut egui::Ui, app: &mut App) {
    let Some((mut text, mut title)) = app.drafts.paste.clone() else {
        return;
    };
    let mut open = true;
    let mut done = None;
    egui::Window::new("Paste article").open(&mut open).default_width(560.0).show(ui.ctx(), |ui| {
        ui.label("Paste the article's text below (Ctrl+V). It is kept exactly as pasted; line ends are normalised.");
        ui.horizontal(|ui| {
            let label = ui.label("Title:");
            ui.add(egui::TextEdit::singleline(&mut title).hint_text("empty: the first line").desired_width(400.0)).labelled_by(label.id);
        });
        let label = ui.label("Text:");
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            ui.add(egui::TextEdit::multiline(&mut text).desired_rows(12).desired_width(f32::INFINITY)).labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            if ui.add_enabled(!text.trim().is_empty(), egui::Button::new("Add article")).clicked() {
                done = Some(true);
            }
            if ui.button("Cancel").clicked() {
                done = Some(false);
            }
        });
    });
    match (done, open) {
        (Some(true), _) => {
            app.commands.push(Command::PasteArticle { text, title });
            app.drafts.paste = None;
        }
        (Some(false), _) | (None, false) => app.drafts.paste = None,
        (None, true) => app.drafts.paste = Some((text, title)),
    }
}

fn address_ui(ui: &mut egui::Ui, app: &mut App) {
    let Some(mut address) = app.drafts.address.clone() else {
        return;
    };
    let focus_id = egui::Id::unique("lateral_address_focused");
    let mut open = true;
    let mut done = None;
    egui::Window::new("Import from address")
        .open(&mut open)
        .default_width(520.0)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            ui.label("The address of an article's page, its PDF or a feed, as the browser shows it:");
            let label = ui.label("Address:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut address)
                        .hint_text("https://")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            // Focus the field once, when the dialog opens.
            if !ui.data(|d| d.get_temp::<bool>(focus_id).unwrap_or(false)) {
                field.request_focus();
                ui.data_mut(|d| d.insert_temp(focus_id, true));
            }
            let typed = address.trim();
            let meant = crate::io::import::address_from_typed(typed);
            let valid = meant.is_some();
            match &meant {
                None if !typed.is_empty() => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        "This is no web address: an address looks like https://www.example.org/article and has no spaces.",
                    );
                }
                Some(meant) if meant != typed => {
                    ui.label(format!("Lateral will fetch {meant}"));
                }
                _ => {}
            }
            ui.label(
                egui::RichText::new(
                    "Lateral fetches it once (at most 30 s; 20 MB, or 100 MB for a PDF) and keeps where it came from. A page that needs a login: save it in the browser (Ctrl+S) and use Import articles…",
                )
                .small()
                .weak(),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.add_enabled(valid, egui::Button::new("Import")).clicked() || (entered && valid) {
                    done = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    done = Some(false);
                }
            });
        });
    let close = |app: &mut App, ui: &egui::Ui| {
        app.drafts.address = None;
        ui.data_mut(|d| d.remove::<bool>(focus_id));
    };
    match (done, open) {
        (Some(true), _) => {
            let address = crate::io::import::address_from_typed(&address).unwrap_or_default();
            app.commands
                .push(Command::ImportFiles(vec![address.into()]));
            close(app, ui);
        }
        (Some(false), _) | (None, false) => close(app, ui),
        (None, true) => app.drafts.address = Some(address),
    }
}

/// Keys that work in the reading view but belong to no menu entry.
const PLAIN_KEYS: &[(&str, &str)] = &[
    ("1 – 4 (or a tag's own key)", "Tag the selected text"),
    (
        "Arrows, Shift+arrows",
        "Move the caret, select; with Ctrl by word",
    ),
    (
        "Shift+Alt+→ / ←",
        "Widen or narrow the selected annotation's end by a word",
    ),
    ("Ctrl+Shift+Alt+→ / ←", "Move its start by a word"),
    (
        "Alt while dragging",
        "Select characters instead of whole words",
    ),
    ("Double-click, triple-click", "Select a word, a paragraph"),
    (
        "Esc",
        "Clear the selection; close the find bar and the export dialog",
    ),
    ("Ctrl+click an article", "Open it in one more column"),
];

/// The list of keyboard shortcuts, built from the action catalogue.
fn shortcuts_ui(ui: &mut egui::Ui, app: &mut App) {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .default_width(520.0)
        .vscroll(true)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for action in crate::app::actions::Action::ALL {
                        let keys: Vec<String> = action
                            .shortcut()
                            .into_iter()
                            .chain(action.extra_shortcuts().iter().copied())
                            .map(|s| ui.ctx().format_shortcut(&s))
                            .collect();
                        if keys.is_empty() {
                            continue;
                        }
                        ui.label(egui::RichText::new(keys.join(", ")).monospace());
                        ui.label(action.label().trim_end_matches('…'))
                            .on_hover_text(action.tooltip());
                        ui.end_row();
                    }
                    for (keys, what) in PLAIN_KEYS {
                        ui.label(egui::RichText::new(*keys).monospace());
                        ui.label(*what);
                        ui.end_row();
                    }
                });
        });
    if !open || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        app.drafts.shortcuts = false;
    }
}

/// The preferences window: every change applies at once and is saved.
fn preferences_ui(ui: &mut egui::Ui, app: &mut App) {
    let mut open = true;
    let mut changed = false;
    egui::Window::new("Preferences")
        .open(&mut open)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("preferences")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    let label = ui.label("Your name");
                    changed |= ui
                        .add(
                            egui::TextEdit::singleline(&mut app.prefs.annotator)
                                .desired_width(200.0),
                        )
                        .labelled_by(label.id)
                        .on_hover_text("Written into every annotation you make")
                        .lost_focus();
                    ui.end_row();
                    ui.label("Theme");
                    ui.horizontal(|ui| {
                        changed |= ui
                            .radio_value(&mut app.prefs.dark, false, "Light")
                            .changed();
                        changed |= ui.radio_value(&mut app.prefs.dark, true, "Dark").changed();
                    });
                    ui.end_row();
                    let label = ui.label("Article text size");
                    changed |= ui
                        .add(
                            egui::Slider::new(
                                &mut app.prefs.text_size,
                                super::theme::TEXT_SIZE_RANGE,
                            )
                            .suffix(" pt"),
                        )
                        .labelled_by(label.id)
                        .changed();
                    ui.end_row();
                    let label = ui.label("Interface size");
                    changed |= ui
                        .add(
                            egui::Slider::new(&mut app.prefs.ui_zoom, 0.7..=2.0)
                                .custom_formatter(|v, _| format!("{:.0} %", v * 100.0)),
                        )
                        .labelled_by(label.id)
                        .changed();
                    ui.end_row();
                    let label = ui.label("Autosave every");
                    let mut seconds = app.autosave_seconds();
                    if ui
                        .add(
                            egui::Slider::new(&mut seconds, 10.0..=600.0)
                                .suffix(" s")
                                .logarithmic(true),
                        )
                        .labelled_by(label.id)
                        .changed()
                    {
                        app.prefs.autosave_seconds = Some(seconds.round());
                        changed = true;
                    }
                    ui.end_row();
                    ui.label("At start");
                    changed |= ui
                        .checkbox(
                            &mut app.prefs.reopen_last,
                            "Open the last project, not the sample",
                        )
                        .changed();
                    ui.end_row();
                });
        });
    if changed {
        app.save_prefs();
    }
    if !open || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        app.drafts.preferences = false;
    }
}
