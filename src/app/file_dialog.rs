//! Native file dialogs (rfd) on a helper thread, so the window never freezes while one is open.

use super::command::Command;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Runs at most one native dialog at a time and hands back its answer as a command.
pub struct FileDialogs {
    sender: Sender<Option<Command>>,
    receiver: Receiver<Option<Command>>,
    open: bool,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            open: false,
        }
    }
}

impl FileDialogs {
    /// Whether a dialog is showing.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The command chosen in a dialog that has closed, if any.
    pub fn poll(&mut self) -> Option<Command> {
        let answer = self.receiver.try_recv().ok()?;
        self.open = false;
        answer
    }

    pub(super) fn spawn(&mut self, pick: impl FnOnce() -> Option<Command> + Send + 'static) {
        if self.open {
            return;
        }
        self.open = true;
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            let _ = sender.send(pick());
        });
    }

    /// Asks for a project file to open.
    pub fn open_project(&mut self) {
        self.spawn(|| {
            rfd::FileDialog::new()
                .set_title("Open project")
                .add_filter("Lateral project", &["ron"])
                .pick_file()
                .map(Command::OpenProject)
        });
    }

    /// Asks where to save the project.
    pub fn save_as(&mut self, title: &str) {
        let file_name = format!("{}.ron", sanitise(title));
        self.spawn(move || {
            rfd::FileDialog::new()
                .set_title("Save project as")
                .add_filter("Lateral project", &["ron"])
                .set_file_name(file_name)
                .save_file()
                .map(|path: PathBuf| {
                    Command::SaveAs(if path.extension().is_none() {
                        path.with_extension("ron")
                    } else {
                        path
                    })
                })
        });
    }

    /// Asks for article files to import.
    pub fn import(&mut self) {
        self.spawn(|| {
            rfd::FileDialog::new()
                .set_title("Import articles")
                .add_filter("Text and Markdown", &["txt", "md", "markdown", "text"])
                .add_filter("All files", &["*"])
                .pick_files()
                .map(Command::ImportFiles)
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
