//! File dialogs that always open: the native one (rfd, on a helper thread so the window never
//! freezes) where the desktop has a dialog service, and one drawn in the app where it has none.
//!
//! On Linux the native dialog needs the XDG desktop portal or `zenity`; without either, rfd
//! returns at once as if the user had cancelled. Lateral looks for them at start, and also
//! takes a native dialog that "cancels" within [`NO_USER_SECONDS`] for a missing one; then it
//! says so once and draws its own dialog (`egui_file`) from then on.

use super::command::Command;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

/// A native dialog closed sooner than this was not answered by a person.
pub const NO_USER_SECONDS: f64 = 0.3;

/// Which file dialogs to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileDialogMode {
    /// The native dialog where the desktop offers one, else the app's own.
    #[default]
    Auto,
    /// Always the native dialog.
    Native,
    /// Always the dialog drawn in the app.
    InApp,
}

impl FileDialogMode {
    /// From `LATERAL_FILE_DIALOG` (`native`, `app`), else [`FileDialogMode::Auto`].
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var("LATERAL_FILE_DIALOG").as_deref() {
            Ok("native") => Self::Native,
            Ok("app" | "in-app") => Self::InApp,
            _ => Self::Auto,
        }
    }
}

/// What a dialog asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickKind {
    /// One existing file.
    OpenOne,
    /// One or more existing files.
    OpenMany,
    /// One existing folder.
    Folder,
    /// A file to write, suggested under this name.
    Save {
        /// The suggested file name.
        file_name: String,
    },
}

/// What happens after a dialog: a command, nothing, or another dialog.
pub enum Step {
    /// Run this command (or nothing: cancelled).
    Done(Option<Command>),
    /// Ask again (e.g. first the key, then the students).
    Ask(FileRequest),
}

/// A file dialog to show and what to do with its answer.
pub struct FileRequest {
    /// The window title.
    pub title: String,
    /// Open one, open many, or save.
    pub kind: PickKind,
    /// The filter's name and its extensions (empty: all files).
    pub filter: (&'static str, Vec<&'static str>),
    /// Turns the chosen paths into the next step.
    pub then: Box<dyn FnOnce(Vec<PathBuf>) -> Step + Send>,
}

enum NativeAnswer {
    Step(Step),
    /// The dialog closed before a person could answer: no dialog service.
    Unavailable(FileRequest),
}

/// Runs at most one dialog at a time and hands back its answer as a command.
pub struct FileDialogs {
    sender: Sender<NativeAnswer>,
    receiver: Receiver<NativeAnswer>,
    native_open: bool,
    use_native: bool,
    in_app: Option<(egui_file::FileDialog, FileRequest)>,
    /// The folder an in-app dialog starts in.
    folder: Option<PathBuf>,
    /// A message for the status bar, said once.
    notice: Option<String>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        Self::new(FileDialogMode::Auto, None)
    }
}

impl FileDialogs {
    /// Dialogs of the given mode; in-app dialogs start in `folder` (else the current folder).
    #[must_use]
    pub fn new(mode: FileDialogMode, folder: Option<PathBuf>) -> Self {
        let (sender, receiver) = channel();
        let use_native = match mode {
            FileDialogMode::Native => true,
            FileDialogMode::InApp => false,
            FileDialogMode::Auto => native_dialogs_available(),
        };
        let notice = (mode == FileDialogMode::Auto && !use_native).then(no_service_notice);
        Self {
            sender,
            receiver,
            native_open: false,
            use_native,
            in_app: None,
            folder,
            notice,
        }
    }

    /// Whether a dialog is showing.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.native_open || self.in_app.is_some()
    }

    /// The message for the status bar about the dialogs in use, once.
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    /// Sets the folder that in-app dialogs start in (e.g. the open project's).
    pub fn set_folder(&mut self, folder: Option<&Path>) {
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            self.folder = Some(folder.to_path_buf());
        }
    }

    /// The command chosen in a native dialog that has closed, if any.
    pub fn poll(&mut self) -> Option<Command> {
        let answer = self.receiver.try_recv().ok()?;
        self.native_open = false;
        match answer {
            NativeAnswer::Step(step) => self.follow(step),
            NativeAnswer::Unavailable(request) => {
                self.use_native = false;
                self.notice = Some(no_service_notice());
                self.show_in_app(request);
                None
            }
        }
    }

    fn follow(&mut self, step: Step) -> Option<Command> {
        match step {
            Step::Done(command) => command,
            Step::Ask(request) => {
                self.ask(request);
                None
            }
        }
    }

    /// Shows a dialog for `request`.
    pub fn ask(&mut self, request: FileRequest) {
        if self.is_open() {
            return;
        }
        if self.use_native {
            self.native_open = true;
            let sender = self.sender.clone();
            std::thread::spawn(move || {
                let _ = sender.send(run_native(request));
            });
        } else {
            self.show_in_app(request);
        }
    }

    fn show_in_app(&mut self, request: FileRequest) {
        let mut dialog = match &request.kind {
            PickKind::OpenOne => egui_file::FileDialog::open_file(),
            PickKind::OpenMany => egui_file::FileDialog::open_file().multi_select(true),
            PickKind::Folder => egui_file::FileDialog::select_folder(),
            PickKind::Save { file_name } => {
                egui_file::FileDialog::save_file().default_filename(file_name.clone())
            }
        }
        .title(&request.title)
        .id(egui::Id::unique("lateral_file_dialog"))
        .show_new_folder(true)
        .show_rename(false);
        let extensions = request.filter.1.clone();
        if !extensions.is_empty() {
            dialog = dialog.show_files_filter(Box::new(move |path: &Path| {
                path.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
            }));
        }
        let folder = self.folder.clone().or_else(|| std::env::current_dir().ok());
        if let Some(folder) = folder {
            dialog = dialog.initial_path(folder);
        }
        dialog.open();
        self.in_app = Some((dialog, request));
    }

    /// Draws the in-app dialog, if one is open; returns the command its answer leads to.
    pub fn in_app_ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        let (dialog, _) = self.in_app.as_mut()?;
        dialog.show(ctx);
        let paths: Vec<PathBuf> = match dialog.state() {
            egui_file::State::Open => return None,
            egui_file::State::Selected => {
                let many = dialog.selection();
                if many.is_empty() {
                    dialog.path().map(Path::to_path_buf).into_iter().collect()
                } else {
                    many.into_iter().map(Path::to_path_buf).collect()
                }
            }
            egui_file::State::Cancelled | egui_file::State::Closed => Vec::new(),
        };
        let (dialog, request) = self.in_app.take()?;
        if let Some(parent) = paths.first().and_then(|p| p.parent()) {
            self.folder = Some(parent.to_path_buf());
        } else {
            self.folder = Some(dialog.directory().to_path_buf());
        }
        if paths.is_empty() {
            return None;
        }
        self.follow((request.then)(paths))
    }
}

/// Runs a native dialog and the dialogs that follow it, on a helper thread.
fn run_native(mut request: FileRequest) -> NativeAnswer {
    loop {
        let started = Instant::now();
        let (name, extensions) = (request.filter.0, request.filter.1.clone());
        let mut dialog = rfd::FileDialog::new().set_title(&request.title);
        if !extensions.is_empty() {
            dialog = dialog.add_filter(name, &extensions);
        }
        let paths = match &request.kind {
            PickKind::OpenOne => dialog.pick_file().map(|p| vec![p]),
            PickKind::OpenMany => dialog.add_filter("All files", &["*"]).pick_files(),
            PickKind::Folder => dialog.pick_folder().map(|p| vec![p]),
            PickKind::Save { file_name } => {
                dialog.set_file_name(file_name).save_file().map(|p| vec![p])
            }
        };
        let Some(paths) = paths else {
            if started.elapsed().as_secs_f64() < NO_USER_SECONDS {
                return NativeAnswer::Unavailable(request);
            }
            return NativeAnswer::Step(Step::Done(None));
        };
        match (request.then)(paths) {
            Step::Ask(next) => request = next,
            done @ Step::Done(_) => return NativeAnswer::Step(done),
        }
    }
}

fn no_service_notice() -> String {
    "No desktop file-dialog service (XDG portal or zenity) answers here, so Lateral shows its own file dialog".to_owned()
}

/// Whether the desktop seems to offer native dialogs: always outside Linux and the BSDs;
/// there, a session bus with the XDG desktop portal, or `zenity` on the PATH.
#[must_use]
pub fn native_dialogs_available() -> bool {
    if !cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd",
        target_os = "dragonfly"
    )) {
        return true;
    }
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && ["/usr/share", "/usr/local/share"].iter().any(|share| {
            Path::new(share)
                .join("dbus-1/services/org.freedesktop.portal.Desktop.service")
                .exists()
        });
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    portal || zenity
}

/// A save request whose answer gets `extension` when it has none.
pub(super) fn save_request(
    title: &str,
    file_name: String,
    filter: (&'static str, &'static str),
    command: impl FnOnce(PathBuf) -> Command + Send + 'static,
) -> FileRequest {
    let extension = filter.1;
    FileRequest {
        title: title.to_owned(),
        kind: PickKind::Save { file_name },
        filter: (filter.0, vec![extension]),
        then: Box::new(move |paths| {
            Step::Done(paths.into_iter().next().map(|path| {
                command(if path.extension().is_none() {
                    path.with_extension(extension)
                } else {
                    path
                })
            }))
        }),
    }
}

impl FileDialogs {
    /// Asks for a project file to open.
    pub fn open_project(&mut self) {
        self.ask(FileRequest {
            title: "Open project".into(),
            kind: PickKind::OpenOne,
            filter: ("Lateral project", vec!["ron"]),
            then: Box::new(|paths| Step::Done(paths.into_iter().next().map(Command::OpenProject))),
        });
    }

    /// Asks where to save the project.
    pub fn save_as(&mut self, title: &str) {
        let file_name = format!("{}.ron", sanitise(title));
        self.ask(save_request(
            "Save project as",
            file_name,
            ("Lateral project", "ron"),
            Command::SaveAs,
        ));
    }

    /// Asks for projects to merge into the open one.
    pub fn merge_projects(&mut self) {
        self.ask(FileRequest {
            title: "Merge projects".into(),
            kind: PickKind::OpenMany,
            filter: ("Lateral project", vec!["ron"]),
            then: Box::new(|paths| Step::Done(Some(Command::MergeFiles(paths)))),
        });
    }

    /// Asks for article files to import.
    pub fn import(&mut self) {
        self.ask(FileRequest {
            title: "Import articles".into(),
            kind: PickKind::OpenMany,
            filter: (
                "Text, Markdown, web pages, feeds and PDF",
                crate::io::import::IMPORT_EXTENSIONS.to_vec(),
            ),
            then: Box::new(|paths| Step::Done(Some(Command::ImportFiles(paths)))),
        });
    }

    /// Asks for a folder to import every article file from.
    pub fn import_folder(&mut self) {
        self.ask(FileRequest {
            title: "Import a folder".into(),
            kind: PickKind::Folder,
            filter: ("Folders", Vec::new()),
            then: Box::new(|paths| Step::Done(Some(Command::ImportFiles(paths)))),
        });
    }
}

/// A file name from a project title.
pub(super) fn sanitise(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim();
    if name.is_empty() {
        "project".to_owned()
    } else {
        name.to_owned()
    }
}
