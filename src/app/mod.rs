//! The desktop app (feature `gui`): state, commands, autosave, preferences and file dialogs.
//! Drawing lives in [`crate::ui`]; the project only changes in [`command`].

pub mod actions;
pub mod autosave;
pub mod class_state;
pub mod command;
pub mod compare_state;
pub mod export_state;
mod file_dialog;
mod jobs;
pub mod keyboard;
pub mod prefs;
pub mod view;
pub mod views;

use crate::io::project_file::parse_project;
use crate::model::{AnnotationId, ArticleId, History, Project};
use crate::ui::reader::ColumnLayout;
use actions::Action;
use command::Command;
use eframe::egui;
use file_dialog::FileDialogs;
use prefs::Prefs;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use view::ViewState;

/// The sample project, built in so that it opens on any machine.
const SAMPLE_PROJECT: &str = include_str!("../../samples/russland-nordkorea.ron");

/// Where the app keeps preferences and the recovery file.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Preferences folder.
    pub config_dir: PathBuf,
    /// Recovery (autosave) folder.
    pub data_dir: PathBuf,
    /// Seconds between autosaves.
    pub autosave_seconds: f64,
}

impl AppConfig {
    /// The user's folders as the platform defines them.
    #[must_use]
    pub fn from_user_dirs() -> Self {
        let dirs = directories::ProjectDirs::from("org", "Lateral", "Lateral");
        let fallback = std::env::temp_dir().join("lateral");
        Self {
            config_dir: dirs
                .as_ref()
                .map_or_else(|| fallback.clone(), |d| d.config_dir().to_path_buf()),
            data_dir: dirs
                .as_ref()
                .map_or(fallback, |d| d.data_dir().to_path_buf()),
            autosave_seconds: autosave::AUTOSAVE_SECONDS,
        }
    }

    /// Folders under `root`, for tests.
    #[must_use]
    pub fn in_folder(root: &Path) -> Self {
        Self {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
            autosave_seconds: autosave::AUTOSAVE_SECONDS,
        }
    }
}

/// The open project, its undo history and where it lives.
pub struct Document {
    /// The project.
    pub project: Project,
    /// Undo and redo.
    pub history: History,
    /// Its file, if it has one.
    pub path: Option<PathBuf>,
    /// Whether it is the built-in sample (saving asks for a new file).
    pub is_sample: bool,
}

/// Something that waits for an answer about unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Start an empty project.
    NewProject,
    /// Open this file.
    Open(PathBuf),
    /// Open the built-in sample project.
    Sample,
    /// Close the window.
    Quit,
}

/// A dialog that blocks the rest of the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// "Save changes before …?"
    UnsavedChanges(Pending),
    /// An autosave from a run that did not end cleanly.
    Recovery(autosave::RecoveryInfo),
    /// Removing a tag that annotations use.
    RemoveTag {
        /// The tag.
        tag_id: crate::model::TagId,
        /// Tag to give its annotations, or `None` to delete them.
        reassign_to: Option<crate::model::TagId>,
    },
}

/// Text being edited in the inspector and dialogs, committed as one edit when done.
#[derive(Clone, Debug, Default)]
pub struct Drafts {
    /// Annotation whose note and speaker are in the drafts.
    pub annotation: Option<AnnotationId>,
    /// Note being edited.
    pub note: String,
    /// Speaker being edited.
    pub speaker: String,
    /// Article whose details are being edited, with the draft.
    pub article_meta: Option<(ArticleId, crate::model::ArticleMeta, String)>,
    /// Pasted article: (text, title), when the paste dialog is open.
    pub paste: Option<(String, String)>,
    /// Whether the tag editor is open.
    pub tag_editor: bool,
    /// Tag names being edited in the tag editor.
    pub tag_names: HashMap<crate::model::TagId, String>,
}

/// A message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// What happened, in plain words.
    pub text: String,
    /// Whether it is an error (stays until dismissed).
    pub is_error: bool,
}

/// The Lateral desktop app.
pub struct App {
    pub(crate) doc: Document,
    pub(crate) view: ViewState,
    pub(crate) prefs: Prefs,
    pub(crate) config: AppConfig,
    pub(crate) commands: Vec<Command>,
    pub(crate) notifications: Vec<Notification>,
    pub(crate) modal: Option<Modal>,
    pub(crate) drafts: Drafts,
    pub(crate) file_dialogs: FileDialogs,
    pub(crate) layouts: HashMap<u64, ColumnLayout>,
    pub(crate) next_column_id: u64,
    pub(crate) allow_close: bool,
    autosave: AutosaveClock,
    /// Time of the last autosave, for the status line.
    pub(crate) last_autosave_label: Option<String>,
    applied_theme: Option<bool>,
    pub(crate) views: views::Views,
}

impl App {
    /// Creates the app with the sample project, or `project` if given, using `config`'s folders.
    #[must_use]
    pub fn new(ctx: &egui::Context, project: Option<&Path>, config: AppConfig) -> Self {
        crate::ui::theme::install_fonts(ctx);
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let prefs = Prefs::load(&config.config_dir);
        let mut app = Self {
            doc: Document {
                project: Project::default(),
                history: History::new(),
                path: None,
                is_sample: false,
            },
            view: ViewState::default(),
            prefs,
            config,
            commands: Vec::new(),
            notifications: Vec::new(),
            modal: None,
            drafts: Drafts::default(),
            file_dialogs: FileDialogs::default(),
            layouts: HashMap::new(),
            next_column_id: 0,
            allow_close: false,
            autosave: AutosaveClock::default(),
            last_autosave_label: None,
            applied_theme: None,
            views: views::Views::default(),
        };
        let reopen = app
            .prefs
            .reopen_last
            .then(|| app.prefs.recent.first().cloned())
            .flatten();
        match project.map(Path::to_path_buf).or(reopen) {
            Some(path) => app.open_now(&path),
            None => app.open_sample(),
        }
        if let Some(info) = autosave::find_recovery(&app.config.data_dir) {
            app.modal = Some(Modal::Recovery(info));
        }
        app
    }

    /// Opens the built-in sample project (not tied to a file: saving asks where).
    pub fn open_sample(&mut self) {
        match parse_project(SAMPLE_PROJECT, Path::new("samples/russland-nordkorea.ron")) {
            Ok((project, _)) => self.replace_project(project, None, true),
            Err(error) => {
                self.notify_error(format!("The sample project could not be read: {error}"));
            }
        }
    }

    /// The open project.
    #[must_use]
    pub fn project(&self) -> &Project {
        &self.doc.project
    }

    /// The project's file, if it has one.
    #[must_use]
    pub fn project_path(&self) -> Option<&Path> {
        self.doc.path.as_deref()
    }

    /// Whether there are unsaved changes.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.doc.history.is_dirty()
    }

    /// The articles shown in columns, left to right.
    #[must_use]
    pub fn column_articles(&self) -> Vec<ArticleId> {
        self.view.columns.iter().map(|c| c.article_id).collect()
    }

    /// Scroll offset of each column, left to right.
    #[must_use]
    pub fn column_scroll_offsets(&self) -> Vec<f32> {
        self.view.columns.iter().map(|c| c.offset).collect()
    }

    /// The selected annotation.
    #[must_use]
    pub fn selected_annotation(&self) -> Option<AnnotationId> {
        self.view.selected_annotation
    }

    /// The current text selection: column index and byte range.
    #[must_use]
    pub fn text_selection(&self) -> Option<(usize, std::ops::Range<usize>)> {
        self.view.selection.map(|s| (s.column, s.range()))
    }

    /// Messages shown to the user, oldest first.
    #[must_use]
    pub fn notifications(&self) -> &[Notification] {
        &self.notifications
    }

    /// The open modal dialog, if any.
    #[must_use]
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// Whether the window may close now (no unsaved changes, or the user said so).
    #[must_use]
    pub fn may_close(&self) -> bool {
        self.allow_close
    }

    /// Queues a command, as a panel would.
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Queues the command an action stands for.
    pub fn run_action(&mut self, action: Action) {
        self.commit_drafts();
        let command = match action {
            Action::NewProject => Some(Command::NewProject),
            Action::OpenProject => {
                self.file_dialogs.open_project();
                None
            }
            Action::Save => Some(Command::Save),
            Action::SaveAs => {
                self.file_dialogs.save_as(self.doc.project.title());
                None
            }
            Action::ImportArticles => {
                self.file_dialogs.import();
                None
            }
            Action::PasteArticle => {
                self.drafts.paste = Some((String::new(), String::new()));
                None
            }
            Action::Quit => Some(Command::Quit),
            Action::Undo => Some(Command::Undo),
            Action::Redo => Some(Command::Redo),
            Action::DeleteAnnotation => Some(Command::DeleteSelectedAnnotation),
            Action::Find => {
                self.view.find.open = true;
                self.view.find.focus_requested = true;
                None
            }
            Action::EditTags => {
                self.drafts.tag_editor = true;
                None
            }
            Action::EditArticleDetails => {
                if let Some(article) = self
                    .view
                    .columns
                    .get(self.view.focused_column)
                    .and_then(|c| self.doc.project.article(c.article_id))
                {
                    let authors = article.meta.authors.join(", ");
                    self.drafts.article_meta = Some((article.id, article.meta.clone(), authors));
                }
                None
            }
            Action::ToggleTheme => {
                self.prefs.dark = !self.prefs.dark;
                self.save_prefs();
                None
            }
            Action::TextLarger | Action::TextSmaller | Action::TextReset => {
                self.prefs.text_size = match action {
                    Action::TextLarger => self.prefs.text_size + 1.0,
                    Action::TextSmaller => self.prefs.text_size - 1.0,
                    _ => crate::ui::theme::DEFAULT_TEXT_SIZE,
                }
                .clamp(
                    *crate::ui::theme::TEXT_SIZE_RANGE.start(),
                    *crate::ui::theme::TEXT_SIZE_RANGE.end(),
                );
                self.save_prefs();
                None
            }
            Action::ToggleFurniture => {
                self.prefs.hide_furniture = !self.prefs.hide_furniture;
                self.save_prefs();
                None
            }
            Action::ToggleLinkedScrolling => {
                self.prefs.linked_scrolling = !self.prefs.linked_scrolling;
                self.view.linked_scrolling = self.prefs.linked_scrolling;
                self.save_prefs();
                None
            }
            Action::AddColumn => {
                let article = self
                    .view
                    .columns
                    .get(self.view.focused_column)
                    .map(|c| c.article_id)
                    .or_else(|| self.doc.project.articles().first().map(|a| a.id));
                article.map(|article_id| Command::OpenArticle {
                    article_id,
                    column: Some(view::MAX_COLUMNS),
                })
            }
            Action::CompareArticles => {
                self.open_compare();
                None
            }
            Action::ProjectOverview => {
                self.views.central = views::CentralView::Overview;
                None
            }
            Action::Export => {
                self.views.export.open = true;
                None
            }
            Action::CompareWithKey => {
                self.views.central = views::CentralView::Class;
                None
            }
        };
        self.commands.extend(command);
    }

    /// Whether an action can run now (for greying out menu entries).
    #[must_use]
    pub fn action_enabled(&self, action: Action) -> bool {
        match action {
            Action::Undo => self.doc.history.undo_label().is_some(),
            Action::Redo => self.doc.history.redo_label().is_some(),
            Action::DeleteAnnotation => self.view.selected_annotation.is_some(),
            Action::EditArticleDetails => !self.view.columns.is_empty(),
            Action::CompareArticles | Action::ProjectOverview => {
                !self.doc.project.articles().is_empty()
            }
            Action::AddColumn => {
                self.view.columns.len() < view::MAX_COLUMNS
                    && !self.doc.project.articles().is_empty()
            }
            _ => true,
        }
    }

    /// Commits the inspector's note and speaker drafts as one edit, if they changed.
    pub(crate) fn commit_drafts(&mut self) {
        let Some(id) = self.drafts.annotation else {
            return;
        };
        let Some(annotation) = self.doc.project.annotation(id) else {
            return;
        };
        if annotation.note != self.drafts.note || annotation.speaker != self.drafts.speaker.trim() {
            let mut changed = annotation.clone();
            changed.note.clone_from(&self.drafts.note);
            self.drafts.speaker.trim().clone_into(&mut changed.speaker);
            changed.modified = jiff::Timestamp::now();
            self.apply_edit(crate::model::Edit::UpdateAnnotation {
                annotation: changed,
            });
        }
    }

    /// Runs what waits on unsaved changes, or asks first.
    pub(crate) fn guard(&mut self, pending: Pending) {
        self.commit_drafts();
        if self.is_dirty() {
            self.modal = Some(Modal::UnsavedChanges(pending));
        } else {
            self.proceed(pending);
        }
    }

    /// Runs a pending action now.
    pub(crate) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::NewProject => {
                self.replace_project(Project::new("Untitled project"), None, false);
            }
            Pending::Open(path) => self.open_now(&path),
            Pending::Sample => self.open_sample(),
            Pending::Quit => {
                self.allow_close = true;
                autosave::clear_recovery(&self.config.data_dir);
            }
        }
    }

    pub(crate) fn notify_info(&mut self, text: String) {
        self.notifications.push(Notification {
            text,
            is_error: false,
        });
        self.trim_notifications();
    }

    pub(crate) fn notify_error(&mut self, text: String) {
        self.notifications.push(Notification {
            text,
            is_error: true,
        });
        self.trim_notifications();
    }

    fn trim_notifications(&mut self) {
        if self.notifications.len() > 50 {
            self.notifications.drain(..self.notifications.len() - 50);
        }
    }

    pub(crate) fn save_prefs(&mut self) {
        if let Err(error) = self.prefs.save(&self.config.config_dir) {
            self.notify_error(format!("Preferences were not saved: {error}"));
        }
    }

    /// Writes the recovery file once unsaved changes have waited `autosave_seconds` without
    /// being autosaved.
    pub(crate) fn autosave_tick(&mut self, now: f64) {
        let revision = self.doc.project.revision();
        if !self.is_dirty() || self.autosave.saved_revision == Some(revision) {
            self.autosave.pending_since = None;
            return;
        }
        let since = *self.autosave.pending_since.get_or_insert(now);
        if now - since < self.config.autosave_seconds {
            return;
        }
        self.autosave.pending_since = None;
        self.autosave.saved_revision = Some(revision);
        match autosave::write_recovery(
            &self.config.data_dir,
            &self.doc.project,
            self.doc.path.as_deref(),
        ) {
            Ok(()) => {
                self.last_autosave_label =
                    Some(jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string());
            }
            Err(error) => self.notify_error(format!(
                "Autosave failed: {error}. Save your work with Save as…"
            )),
        }
    }
}

/// When unsaved changes started waiting for an autosave, and which revision was autosaved.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct AutosaveClock {
    pending_since: Option<f64>,
    saved_revision: Option<u64>,
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_prefs();
        if !self.is_dirty() {
            autosave::clear_recovery(&self.config.data_dir);
        }
    }
}

impl App {
    /// One frame: input, panels, dialogs, then the queued commands and autosave.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        if self.applied_theme != Some(self.prefs.dark) {
            crate::ui::theme::apply_theme(ui.ctx(), self.prefs.dark);
            self.applied_theme = Some(self.prefs.dark);
        }
        if let Some(command) = self.file_dialogs.poll() {
            self.commands.push(command);
        }
        self.handle_input(ui);
        self.update_views();
        crate::ui::draw(ui, self);
        let ctx = ui.ctx().clone();
        self.run_commands(&ctx);
        self.autosave_tick(ctx.input(|i| i.time));
        if self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.file_dialogs.is_open() || self.view.flash.is_some() || self.views_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        } else if self.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                self.config.autosave_seconds.max(1.0),
            ));
        }
    }

    fn handle_input(&mut self, ui: &egui::Ui) {
        if ui.input(|i| i.viewport().close_requested()) && !self.allow_close {
            self.commit_drafts();
            if self.is_dirty() {
                ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.modal = Some(Modal::UnsavedChanges(Pending::Quit));
            } else {
                autosave::clear_recovery(&self.config.data_dir);
            }
        }
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = dropped
                .into_iter()
                .partition(|p| p.extension().is_some_and(|e| e == "ron"));
            if let Some(project) = projects.into_iter().next() {
                self.commands.push(Command::OpenProject(project));
            }
            if !articles.is_empty() {
                self.commands.push(Command::ImportFiles(articles));
            }
        }
        if self.modal.is_some() {
            return;
        }
        // Plain keys (tag keys, Del) are for the app unless a text field has the focus; a
        // focused button or combo box does not take typing.
        let typing = ui
            .memory(egui::Memory::focused)
            .is_some_and(|id| egui::TextEdit::load_state(ui.ctx(), id).is_some());
        // Check shortcuts with more modifiers first (Ctrl+Shift+Z before Ctrl+Z).
        let mut actions: Vec<Action> = Action::ALL.to_vec();
        actions.sort_by_key(|a| {
            std::cmp::Reverse(a.shortcut().map_or(0, |s| u8::from(s.modifiers.shift) + 1))
        });
        for action in actions {
            let shortcuts = action
                .shortcut()
                .into_iter()
                .chain(action.extra_shortcuts().iter().copied());
            for shortcut in shortcuts {
                let plain_key = shortcut.modifiers.is_none();
                if plain_key && typing {
                    continue;
                }
                if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.run_action(action);
                }
            }
        }
        if typing {
            return;
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.view.selection = None;
            self.view.find.open = false;
        }
        self.keyboard_selection(ui);
        if self.view.selection.is_some_and(|s| !s.range().is_empty()) {
            let typed: Vec<String> = ui.input(|i| {
                i.events
                    .iter()
                    .filter_map(|e| match e {
                        egui::Event::Text(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect()
            });
            for text in typed {
                let key = text.chars().next();
                if let Some(tag) = self
                    .doc
                    .project
                    .tags()
                    .iter()
                    .find(|t| t.key.is_some() && t.key == key)
                {
                    self.commands.push(Command::TagSelection(tag.id));
                }
            }
        }
    }
}

impl App {
    /// Arrows move the caret in the focused column (starting at the top of its article),
    /// Shift+arrows extend the selection, Ctrl moves by word, Up and Down by paragraph.
    fn keyboard_selection(&mut self, ui: &egui::Ui) {
        use keyboard::{CaretMove, move_caret};
        let keys = [
            (egui::Key::ArrowLeft, CaretMove::Left, CaretMove::WordLeft),
            (
                egui::Key::ArrowRight,
                CaretMove::Right,
                CaretMove::WordRight,
            ),
            (
                egui::Key::ArrowUp,
                CaretMove::ParagraphUp,
                CaretMove::ParagraphUp,
            ),
            (
                egui::Key::ArrowDown,
                CaretMove::ParagraphDown,
                CaretMove::ParagraphDown,
            ),
        ];
        for (key, by_char, by_word) in keys {
            let Some(modifiers) = ui.input(|i| i.key_pressed(key).then_some(i.modifiers)) else {
                continue;
            };
            let column = self
                .view
                .selection
                .map_or(self.view.focused_column, |s| s.column);
            let Some(article) = self
                .view
                .columns
                .get(column)
                .and_then(|c| self.doc.project.article(c.article_id))
            else {
                continue;
            };
            let current = self.view.selection.unwrap_or(view::TextSelection {
                column,
                anchor: 0,
                head: 0,
            });
            let movement = if modifiers.command { by_word } else { by_char };
            self.view.selection = Some(move_caret(
                article.text(),
                current,
                movement,
                modifiers.shift,
            ));
            self.view.focused_column = column;
        }
    }
}

/// Opens the desktop app; `project` or the sample project.
#[must_use]
pub fn run(project: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Lateral")
            .with_app_id("lateral")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Lateral",
        options,
        Box::new(move |cc| {
            Ok(Box::new(App::new(
                &cc.egui_ctx,
                project.as_deref(),
                AppConfig::from_user_dirs(),
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "lateral: the window could not be opened: {error}. A Linux desktop needs X11 or Wayland and OpenGL (e.g. Mesa)."
            );
            ExitCode::FAILURE
        }
    }
}
