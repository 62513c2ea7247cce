//! The desktop app (feature `gui`): state, commands, autosave, preferences and file dialogs.
//! Drawing lives in [`crate::ui`]; the project only changes in [`command`].

pub mod actions;
pub mod autosave;
pub mod class_state;
pub mod command;
pub mod compare_state;
mod dispatch;
pub mod export_state;
pub mod file_dialog;
pub mod import_state;
mod input;
mod jobs;
pub mod keyboard;
pub mod prefs;
pub mod view;
pub mod views;

use crate::io::project_file::parse_project;
use crate::model::{AnnotationId, ArticleId, History, Project};
use crate::ui::reader::ColumnLayout;
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
    /// Native file dialogs, the app's own, or whichever the desktop supports.
    pub file_dialogs: file_dialog::FileDialogMode,
    /// The folder the app's own file dialog starts in (default: the current folder).
    pub dialog_folder: Option<PathBuf>,
    /// Text taken as the clipboard's (for tests); `None` reads the system clipboard.
    pub clipboard_text: Option<String>,
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
            file_dialogs: file_dialog::FileDialogMode::from_env(),
            dialog_folder: None,
            clipboard_text: None,
        }
    }

    /// Folders under `root`, for tests.
    #[must_use]
    pub fn in_folder(root: &Path) -> Self {
        Self {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
            autosave_seconds: autosave::AUTOSAVE_SECONDS,
            file_dialogs: file_dialog::FileDialogMode::Auto,
            dialog_folder: None,
            clipboard_text: None,
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
    /// The lock on `path` that keeps other Lateral processes from writing it meanwhile.
    pub lock: Option<crate::io::lock::ProjectLock>,
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
    /// The address typed in *Import from address…*, when that dialog is open.
    pub address: Option<String>,
    /// Whether the tag editor is open.
    pub tag_editor: bool,
    /// Whether the keyboard shortcuts window is open.
    pub shortcuts: bool,
    /// Whether the preferences window is open.
    pub preferences: bool,
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
    /// This instance's recovery file.
    pub(crate) recovery: autosave::RecoverySlot,
    /// Time of the last autosave, for the status line.
    pub(crate) last_autosave_label: Option<String>,
    /// The window title last sent, so that it is sent only when it changes.
    window_title: String,
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
        let recovery = autosave::RecoverySlot::new(&config.data_dir);
        let file_dialogs = FileDialogs::new(config.file_dialogs, config.dialog_folder.clone());
        let mut app = Self {
            doc: Document {
                project: Project::default(),
                history: History::new(),
                path: None,
                is_sample: false,
                lock: None,
            },
            view: ViewState::default(),
            prefs,
            config,
            commands: Vec::new(),
            notifications: Vec::new(),
            modal: None,
            drafts: Drafts::default(),
            file_dialogs,
            layouts: HashMap::new(),
            next_column_id: 0,
            allow_close: false,
            autosave: AutosaveClock::default(),
            recovery,
            last_autosave_label: None,
            window_title: String::new(),
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

    /// For each reading column, left to right, the screen rectangles of the paragraphs drawn
    /// in the last frame (for tests that check that nothing paints over anything).
    #[must_use]
    pub fn painted_paragraphs(&self) -> Vec<Vec<egui::Rect>> {
        self.view
            .columns
            .iter()
            .map(|c| {
                self.layouts
                    .get(&c.column_id)
                    .map(|l| l.painted_paragraphs().to_vec())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// "• Project title – file.ron – Lateral": unsaved changes first, then what is open.
    #[must_use]
    pub fn window_title_text(&self) -> String {
        let dirty = if self.is_dirty() { "• " } else { "" };
        let file = self
            .doc
            .path
            .as_deref()
            .and_then(Path::file_name)
            .map(|name| format!(" – {}", name.to_string_lossy()))
            .unwrap_or_default();
        format!("{dirty}{}{file} – Lateral", self.doc.project.title())
    }

    /// The user's preferences.
    #[must_use]
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// Seconds between autosaves: the user's preference, else the configured interval.
    #[must_use]
    pub fn autosave_seconds(&self) -> f64 {
        self.prefs
            .autosave_seconds
            .unwrap_or(self.config.autosave_seconds)
    }

    /// The text on the clipboard, or why there is none.
    pub(crate) fn clipboard_text(&self) -> Result<String, String> {
        let text = match &self.config.clipboard_text {
            Some(text) => text.clone(),
            None => arboard::Clipboard::new()
                .and_then(|mut clipboard| clipboard.get_text())
                .map_err(|e| format!("the clipboard could not be read ({e})"))?,
        };
        if text.trim().is_empty() {
            return Err("the clipboard holds no text".into());
        }
        Ok(text)
    }

    /// This instance's recovery file (it exists while unsaved changes are autosaved).
    #[must_use]
    pub fn recovery_file(&self) -> &Path {
        self.recovery.file()
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
                self.recovery.clear();
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
        if now - since < self.autosave_seconds() {
            return;
        }
        self.autosave.pending_since = None;
        self.autosave.saved_revision = Some(revision);
        match self
            .recovery
            .write(&self.doc.project, self.doc.path.as_deref())
        {
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
            self.recovery.clear();
        }
    }
}

impl App {
    /// One frame: input, panels, dialogs, then the queued commands and autosave.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let zoom = self.prefs.ui_zoom.clamp(0.7, 2.0);
        if (ui.ctx().zoom_factor() - zoom).abs() > f32::EPSILON {
            ui.ctx().set_zoom_factor(zoom);
        }
        if self.applied_theme != Some(self.prefs.dark) {
            crate::ui::theme::apply_theme(ui.ctx(), self.prefs.dark);
            self.applied_theme = Some(self.prefs.dark);
        }
        if let Some(command) = self.file_dialogs.poll() {
            self.commands.push(command);
        }
        if let Some(notice) = self.file_dialogs.take_notice() {
            self.notify_info(notice);
        }
        self.handle_input(ui);
        self.update_views();
        crate::ui::draw(ui, self);
        let ctx = ui.ctx().clone();
        self.run_commands(&ctx);
        let title = self.window_title_text();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        self.autosave_tick(ctx.input(|i| i.time));
        if self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.file_dialogs.is_open() || self.view.flash.is_some() || self.views_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        } else if self.is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                self.autosave_seconds().max(1.0),
            ));
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
