//! The views beside the reading columns (compare view, project overview, class view, export
//! dialog): their state, the commands that open them and the per-frame collection of
//! background results.

use super::App;
use super::class_state::ClassState;
use super::command::Command;
use super::compare_state::{CompareState, OverviewState, nearest_relative};
use super::export_state::ExportState;
use super::file_dialog::FileDialogs;
use crate::model::ArticleId;
use std::path::PathBuf;

/// What the central panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CentralView {
    /// The article columns.
    #[default]
    Columns,
    /// Two articles compared sentence by sentence.
    Compare,
    /// The similarity matrix of all articles.
    Overview,
    /// A class scored against a key.
    Class,
}

/// State of the extra views.
#[derive(Default)]
pub struct Views {
    /// What the central panel shows.
    pub central: CentralView,
    /// The compare view.
    pub compare: CompareState,
    /// The project overview.
    pub overview: OverviewState,
    /// The export dialog.
    pub export: ExportState,
    /// The class view.
    pub class: ClassState,
    /// A running import of many files.
    pub import: super::import_state::ImportState,
}

/// A request concerning the extra views.
#[derive(Clone, Debug)]
pub enum ViewCommand {
    /// Show the compare view for two articles.
    Compare {
        /// Left.
        article_a: ArticleId,
        /// Right.
        article_b: ArticleId,
    },
    /// Score student files against a key file and show the class view.
    ScoreClassFiles {
        /// The key's project file.
        key: PathBuf,
        /// The students' project files.
        students: Vec<PathBuf>,
    },
    /// Write the export with the dialog's settings to this file.
    ExportTo(PathBuf),
}

impl Views {
    /// Forgets what referred to the previous project (chosen articles, filters, matrix).
    pub fn forget_project(&mut self) {
        self.compare = CompareState::default();
        self.overview = OverviewState::default();
        self.export.filter = crate::export::ExportFilter::default();
        if matches!(self.central, CentralView::Compare | CentralView::Overview) {
            self.central = CentralView::Columns;
        }
    }
}

impl App {
    /// The extra views' state (compare, overview, export, class).
    #[must_use]
    pub fn views(&self) -> &Views {
        &self.views
    }

    /// The extra views' state, to change it as the panels do.
    pub fn views_mut(&mut self) -> &mut Views {
        &mut self.views
    }

    /// Opens the compare view for the focused article and its nearest relative.
    /// Switches the centre to `view` (the compare view first picks a pair if it has none).
    pub(crate) fn show_view(&mut self, view: CentralView) {
        if view == CentralView::Compare && self.views.compare.article_a.is_none() {
            self.open_compare();
        } else {
            self.views.central = view;
        }
    }

    pub(crate) fn open_compare(&mut self) {
        let focused = self
            .view
            .columns
            .get(self.view.focused_column)
            .map(|c| c.article_id)
            .or_else(|| self.doc.project.articles().first().map(|a| a.id));
        if let Some(article_a) = focused {
            let article_b = nearest_relative(&self.doc.project, article_a).unwrap_or(article_a);
            self.views.compare.set_pair(article_a, article_b);
        }
        self.views.central = CentralView::Compare;
    }

    pub(crate) fn run_view_command(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::Compare {
                article_a,
                article_b,
            } => {
                self.views.compare.set_pair(article_a, article_b);
                self.views.central = CentralView::Compare;
            }
            ViewCommand::ScoreClassFiles { key, students } => {
                self.views.class.score_files(key, students);
                self.views.central = CentralView::Class;
            }
            ViewCommand::ExportTo(path) => {
                let project_path = self.doc.path.clone();
                self.views
                    .export
                    .start_write(&self.doc.project, path, project_path);
            }
        }
    }

    /// Collects background results of the views and starts the work they need.
    pub(crate) fn update_views(&mut self) {
        let project = &self.doc.project;
        match self.views.central {
            CentralView::Compare => self.views.compare.update(project),
            CentralView::Overview => self.views.overview.update(project),
            CentralView::Columns | CentralView::Class => {}
        }
        self.views.export.update_preview(project);
        match self.views.export.take_written() {
            Some(Ok(message)) => self.notify_info(message),
            Some(Err(error)) => self.notify_error(error),
            None => {}
        }
        if let Some(error) = self.views.class.update() {
            self.notify_error(error);
        }
        match self.views.import.take_finished() {
            Some(Ok(batch)) => self.finish_import(batch),
            Some(Err(())) => self
                .notify_error("The import stopped unexpectedly; nothing was imported.".to_owned()),
            None => {}
        }
    }

    /// Whether background work of the views is under way (the window keeps repainting).
    #[must_use]
    pub fn views_busy(&self) -> bool {
        self.views.compare.is_computing()
            || self.views.overview.is_computing()
            || self.views.export.is_busy()
            || self.views.class.is_computing()
            || self.views.import.is_running()
    }
}

impl FileDialogs {
    /// Asks for a key file, then the students' files.
    pub fn pick_class(&mut self) {
        use super::file_dialog::{FileRequest, PickKind, Step};
        self.ask(FileRequest {
            title: "Choose the key".into(),
            kind: PickKind::OpenOne,
            filter: ("Lateral project", vec!["ron"]),
            then: Box::new(|keys| {
                let Some(key) = keys.into_iter().next() else {
                    return Step::Done(None);
                };
                Step::Ask(FileRequest {
                    title: "Choose the students' files".into(),
                    kind: PickKind::OpenMany,
                    filter: ("Lateral project", vec!["ron"]),
                    then: Box::new(move |students| {
                        Step::Done(Some(Command::View(ViewCommand::ScoreClassFiles {
                            key,
                            students,
                        })))
                    }),
                })
            }),
        });
    }

    /// Asks where to write an export named after the project `title`.
    pub fn export_to(&mut self, title: &str, extension: &'static str) {
        let file_name = format!("{}.{extension}", super::file_dialog::sanitise(title));
        self.ask(super::file_dialog::save_request(
            "Export",
            file_name,
            (extension, extension),
            |path| Command::View(ViewCommand::ExportTo(path)),
        ));
    }
}
