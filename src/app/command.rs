//! Commands: what the panels ask for. They are applied in one place at the end of the frame,
//! which is where the project changes, files are written and errors become notifications.

use super::App;
use super::view::{Column, MAX_COLUMNS, TextSelection};
use crate::io::import::{article_from_paste, import_files};
use crate::io::{load_project, save_project};
use crate::model::{
    Annotation, AnnotationId, ArticleId, ArticleMeta, Edit, History, Project, Tag, TagId,
    TagRemoval,
};
use crate::text::Span;
use std::path::PathBuf;

/// A request from the interface.
#[derive(Clone, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a handful of commands per frame; boxing buys nothing"
)]
pub enum Command {
    /// Apply an edit (undoable).
    Edit(Edit),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Tag the current text selection.
    TagSelection(TagId),
    /// Delete the selected annotation.
    DeleteSelectedAnnotation,
    /// Select an annotation (or none).
    SelectAnnotation(Option<AnnotationId>),
    /// Select an annotation, show its article and flash the passage.
    RevealAnnotation(AnnotationId),
    /// Set or clear the text selection.
    SetSelection(Option<TextSelection>),
    /// Show an article in a column (`None`: the focused column, or a new one if there is none).
    OpenArticle {
        /// The article.
        article_id: ArticleId,
        /// Which column; `Some(len)` adds a column.
        column: Option<usize>,
    },
    /// Close a column.
    CloseColumn(usize),
    /// Move a column to another position.
    MoveColumn {
        /// From index.
        from: usize,
        /// To index.
        to: usize,
    },
    /// Replace the project by an empty one (after asking about unsaved changes).
    NewProject,
    /// Open a project file (after asking about unsaved changes).
    OpenProject(PathBuf),
    /// Save to the project's file, or ask for one.
    Save,
    /// Save to this file.
    SaveAs(PathBuf),
    /// Import files as articles.
    ImportFiles(Vec<PathBuf>),
    /// Merge these project files into the open project.
    MergeFiles(Vec<PathBuf>),
    /// Add pasted text as an article.
    PasteArticle {
        /// The text.
        text: String,
        /// Its title, or empty to take the first line.
        title: String,
    },
    /// Restore this autosaved recovery file.
    RestoreRecovery(std::path::PathBuf),
    /// Throw this recovery file away.
    DiscardRecovery(std::path::PathBuf),
    /// Close the window (after asking about unsaved changes).
    Quit,
    /// Open or drive one of the extra views (compare, class, export).
    View(super::views::ViewCommand),
}

impl App {
    /// Applies all queued commands.
    pub(crate) fn run_commands(&mut self, ctx: &eframe::egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            self.run_command(ctx, command);
        }
    }

    fn run_command(&mut self, ctx: &eframe::egui::Context, command: Command) {
        match command {
            Command::Edit(edit) => self.apply_edit(edit),
            Command::View(command) => self.run_view_command(command),
            Command::Undo => match self.doc.history.undo(&mut self.doc.project) {
                Ok(Some(label)) => self.notify_info(format!("Undid {label}")),
                Ok(None) => {}
                Err(error) => self.notify_error(format!("Could not undo: {error}")),
            },
            Command::Redo => match self.doc.history.redo(&mut self.doc.project) {
                Ok(Some(label)) => self.notify_info(format!("Redid {label}")),
                Ok(None) => {}
                Err(error) => self.notify_error(format!("Could not redo: {error}")),
            },
            Command::TagSelection(tag_id) => self.tag_selection(tag_id),
            Command::DeleteSelectedAnnotation => {
                if let Some(annotation_id) = self.view.selected_annotation.take() {
                    self.apply_edit(Edit::RemoveAnnotation { annotation_id });
                }
            }
            Command::SelectAnnotation(id) => self.view.selected_annotation = id,
            Command::RevealAnnotation(id) => self.reveal(ctx, id),
            Command::SetSelection(selection) => self.view.selection = selection,
            Command::OpenArticle { article_id, column } => self.open_article(article_id, column),
            Command::CloseColumn(index) => {
                if index < self.view.columns.len() {
                    self.view.columns.remove(index);
                    self.view.selection = None;
                    self.view.focused_column = self
                        .view
                        .focused_column
                        .min(self.view.columns.len().saturating_sub(1));
                }
            }
            Command::MoveColumn { from, to } => {
                if from < self.view.columns.len() && to < self.view.columns.len() {
                    let column = self.view.columns.remove(from);
                    self.view.columns.insert(to, column);
                    self.view.focused_column = to;
                    self.view.selection = None;
                }
            }
            Command::NewProject => self.guard(super::Pending::NewProject),
            Command::OpenProject(path) => self.guard(super::Pending::Open(path)),
            Command::Quit => self.guard(super::Pending::Quit),
            Command::Save => match self.doc.path.clone() {
                Some(path) if !self.doc.is_sample => self.save_to(&path),
                _ => self.file_dialogs.save_as(self.doc.project.title()),
            },
            Command::SaveAs(path) => self.save_to(&path),
            Command::ImportFiles(paths) => self.import(&paths),
            Command::MergeFiles(paths) => self.merge_files(&paths),
            Command::PasteArticle { text, title } => {
                // An empty title is the first line, as the dialog says.
                let title = match title.trim() {
                    "" => text
                        .lines()
                        .map(str::trim)
                        .find(|l| !l.is_empty())
                        .unwrap_or(""),
                    typed => typed,
                };
                match article_from_paste(
                    self.doc.project.fresh_article_id(),
                    &text,
                    (!title.is_empty()).then_some(title),
                ) {
                    Ok(article) => {
                        let article_id = article.id;
                        self.apply_edit(Edit::AddArticle {
                            article: Box::new(article),
                            index: None,
                        });
                        self.open_article(article_id, None);
                    }
                    Err(error) => {
                        self.notify_error(format!("The pasted text was not added: {error}"));
                    }
                }
            }
            Command::RestoreRecovery(file) => self.restore_recovery(&file),
            Command::DiscardRecovery(file) => super::autosave::discard_recovery(&file),
        }
    }

    pub(crate) fn apply_edit(&mut self, edit: Edit) {
        let label = edit.label();
        match self.doc.history.apply(&mut self.doc.project, edit) {
            // Every change is said in the status bar, with the way back.
            Ok(()) => self.notify_info(format!("Done: {label} (Ctrl+Z undoes it)")),
            Err(error) => self.notify_error(format!("That change was not made: {error}")),
        }
        if let Some(id) = self.view.selected_annotation
            && self.doc.project.annotation(id).is_none()
        {
            self.view.selected_annotation = None;
        }
        self.view
            .columns
            .retain(|c| self.doc.project.article(c.article_id).is_some());
    }

    fn tag_selection(&mut self, tag_id: TagId) {
        let Some(selection) = self.view.selection else {
            self.notify_info("Select a passage first, then press a tag key".into());
            return;
        };
        let Some(column) = self.view.columns.get(selection.column) else {
            return;
        };
        let Some(article) = self.doc.project.article(column.article_id) else {
            return;
        };
        let span = trim_span(article.text(), selection.range());
        if span.is_empty() {
            self.notify_info("Select a passage first, then press a tag key".into());
            return;
        }
        let id = self.doc.project.fresh_annotation_id();
        if let Some(mut annotation) =
            Annotation::of_span(id, article.id, article.text(), span, tag_id)
        {
            annotation.annotator.clone_from(&self.prefs.annotator);
            self.apply_edit(Edit::AddAnnotation {
                annotation,
                index: None,
            });
            self.view.selected_annotation = Some(id);
            self.view.selection = None;
        }
    }

    fn reveal(&mut self, ctx: &eframe::egui::Context, annotation_id: AnnotationId) {
        let Some(annotation) = self.doc.project.annotation(annotation_id) else {
            return;
        };
        let (article_id, start) = (annotation.article_id, annotation.span.start);
        self.view.selected_annotation = Some(annotation_id);
        let open = self
            .view
            .columns
            .iter()
            .position(|c| c.article_id == article_id);
        let column = open.unwrap_or_else(|| {
            self.open_article(article_id, None);
            self.view.focused_column
        });
        if let Some(col) = self.view.columns.get_mut(column) {
            col.scroll_to = Some(start);
        }
        self.view.flash = Some((annotation_id, ctx.input(|i| i.time)));
    }

    pub(crate) fn open_article(&mut self, article_id: ArticleId, column: Option<usize>) {
        if self.doc.project.article(article_id).is_none() {
            return;
        }
        let new_column = |app: &mut App| {
            app.next_column_id += 1;
            Column {
                column_id: app.next_column_id,
                article_id,
                scroll_to: None,
                offset: 0.0,
                max_offset: 0.0,
                sync_to: None,
            }
        };
        let index = match column {
            Some(index) if index < self.view.columns.len() => index,
            Some(_) if self.view.columns.len() < MAX_COLUMNS => {
                let column = new_column(self);
                self.view.columns.push(column);
                self.view.columns.len() - 1
            }
            None if self.view.columns.is_empty() => {
                let column = new_column(self);
                self.view.columns.push(column);
                0
            }
            _ => self.view.focused_column.min(self.view.columns.len() - 1),
        };
        if let Some(col) = self.view.columns.get_mut(index)
            && col.article_id != article_id
        {
            let fresh = new_column(self);
            self.view.columns[index] = fresh;
            if self.view.selection.is_some_and(|s| s.column == index) {
                self.view.selection = None;
            }
        }
        self.view.focused_column = index;
    }

    fn import(&mut self, paths: &[PathBuf]) {
        if super::import_state::ImportState::wants_background(paths) {
            if self.views.import.is_running() {
                self.notify_error("An import is under way; wait until it has finished.".to_owned());
                return;
            }
            self.views
                .import
                .start(paths.to_vec(), self.doc.project.fresh_article_id());
            return;
        }
        let batch = import_files(paths, self.doc.project.fresh_article_id());
        self.finish_import(batch);
    }

    /// Adds an imported batch as one undoable edit, opens its first article and reports.
    pub(crate) fn finish_import(&mut self, mut batch: crate::io::import::ImportBatch) {
        // Ids were handed out when the import started; edits since may have used some.
        let first_id = self.doc.project.fresh_article_id().0;
        for (id, article) in (first_id..).zip(batch.imported.iter_mut()) {
            article.id = crate::model::ArticleId(id);
        }
        let first = batch.imported.first().map(|a| a.id);
        if let Some(edit) = batch.edit() {
            self.apply_edit(edit);
        }
        if let Some(article_id) = first {
            self.open_article(article_id, None);
        }
        // Failures of web addresses (fetching or reading what came) say what to do already.
        let files_failed = batch.failed.iter().any(|e| match e {
            crate::io::import::ImportError::Fetch { .. } => false,
            crate::io::import::ImportError::Decode { path, .. } => {
                !path.to_str().is_some_and(crate::io::import::is_address)
            }
            crate::io::import::ImportError::Read { .. } => true,
        });
        if batch.failed.is_empty() {
            self.notify_info(batch.summary());
        } else if !files_failed {
            // The fetch error says what to do; the list of file formats would not help.
            self.notify_error(batch.summary());
        } else {
            self.notify_error(format!(
                "{}\nLateral imports text and Markdown files (UTF-8, UTF-16 or Windows-1252), saved web pages (.html), PDFs, RSS/Atom feeds and https:// addresses.",
                batch.summary()
            ));
        }
    }

    pub(crate) fn save_to(&mut self, path: &std::path::Path) {
        self.commit_drafts();
        // Saving under a new name takes that file's lock first: another Lateral may have it
        // open, and its next save would replace ours.
        let new_lock = if self.doc.path.as_deref() == Some(path) && self.doc.lock.is_some() {
            None
        } else {
            match crate::io::lock::ProjectLock::acquire(path) {
                Ok(lock) => Some(lock),
                Err(error) => {
                    self.notify_error(format!("Not saved: {error}"));
                    return;
                }
            }
        };
        match save_project(&self.doc.project, path) {
            Ok(()) => {
                if new_lock.is_some() {
                    self.doc.lock = new_lock;
                }
                self.doc.path = Some(path.to_path_buf());
                self.doc.is_sample = false;
                self.doc.history.mark_saved();
                self.prefs.add_recent(path);
                self.save_prefs();
                self.recovery.clear();
                self.notify_info(format!("Saved {}", path.display()));
            }
            Err(error) => self.notify_error(format!(
                "Not saved: {error}. Your changes are still open; try Save as… another folder."
            )),
        }
    }

    /// Opens `path` now (unsaved changes were already dealt with).
    pub(crate) fn open_now(&mut self, path: &std::path::Path) {
        let lock = match crate::io::lock::ProjectLock::acquire(path) {
            Ok(lock) => lock,
            Err(error) => {
                self.notify_error(format!("Not opened: {error}"));
                return;
            }
        };
        match load_project(path) {
            Ok((project, report)) => {
                self.replace_project(project, Some(path.to_path_buf()), false);
                self.doc.lock = Some(lock);
                self.file_dialogs.set_folder(path.parent());
                self.prefs.add_recent(path);
                self.save_prefs();
                if report.is_clean() {
                    self.notify_info(format!("Opened {}", path.display()));
                } else {
                    self.notify_error(format!(
                        "Opened {} with repairs:\n{}",
                        path.display(),
                        report.lines().join("\n")
                    ));
                }
            }
            Err(error) => self.notify_error(error.to_string()),
        }
    }

    pub(crate) fn replace_project(
        &mut self,
        project: Project,
        path: Option<PathBuf>,
        is_sample: bool,
    ) {
        self.doc = super::Document {
            project,
            history: History::new(),
            path,
            is_sample,
            lock: None,
        };
        self.view = super::view::ViewState::default();
        self.views.forget_project();
        self.view.linked_scrolling = self.prefs.linked_scrolling;
        self.drafts = super::Drafts::default();
        self.layouts.clear();
        let first_two: Vec<ArticleId> = self
            .doc
            .project
            .articles()
            .iter()
            .take(2)
            .map(|a| a.id)
            .collect();
        for (index, article_id) in first_two.into_iter().enumerate() {
            self.open_article(article_id, Some(index));
        }
        self.view.focused_column = 0;
    }
}

/// Shrinks a selected span so it does not start or end with white space.
#[must_use]
pub fn trim_span(text: &str, range: std::ops::Range<usize>) -> Span {
    let Some(selected) = text.get(range.clone()) else {
        return Span::new(0, 0);
    };
    let start = range.start + (selected.len() - selected.trim_start().len());
    let end = range.start + selected.trim_end().len();
    Span::new(start, end.max(start))
}

/// A fresh tag for the tag editor's "Add tag" button.
#[must_use]
pub fn new_tag(project: &Project) -> Tag {
    let used: Vec<char> = project.tags().iter().filter_map(|t| t.key).collect();
    let key = ('1'..='9').find(|k| !used.contains(k));
    let mut n = project.tags().len() + 1;
    let name = loop {
        let candidate = format!("tag {n}");
        if !project
            .tags()
            .iter()
            .any(|t| t.name.eq_ignore_ascii_case(&candidate))
        {
            break candidate;
        }
        n += 1;
    };
    Tag {
        id: project.fresh_tag_id(),
        name,
        description: String::new(),
        colour: crate::model::Rgb(0x9b, 0x59, 0xb6),
        key,
        has_speaker: false,
    }
}

/// Edit that removes a tag whose annotations are reassigned or deleted.
#[must_use]
pub fn remove_tag_edit(project: &Project, tag_id: TagId, reassign_to: Option<TagId>) -> Edit {
    let removal = reassign_to.map_or(TagRemoval::DeleteAnnotations, TagRemoval::Reassign);
    Edit::remove_tag(project, tag_id, removal)
}

/// Edit that sets an article's metadata.
#[must_use]
pub fn meta_edit(article_id: ArticleId, meta: ArticleMeta) -> Edit {
    Edit::SetArticleMeta { article_id, meta }
}

impl App {
    /// Restores an autosaved recovery file as unsaved changes of its project.
    fn restore_recovery(&mut self, file: &std::path::Path) {
        let info = super::autosave::find_recovery(&self.config.data_dir)
            .filter(|info| info.recovery_file == file);
        match super::autosave::load_recovery(file) {
            Ok(project) => {
                let path = info.and_then(|i| i.project_path);
                let lock = path
                    .as_deref()
                    .and_then(|p| crate::io::lock::ProjectLock::acquire(p).ok());
                // Without its lock the project file is open elsewhere: restore as untitled.
                let path = path.filter(|_| lock.is_some());
                self.replace_project(project, path, false);
                self.doc.lock = lock;
                // The restored state is unsaved until the user saves it.
                self.doc.history = History::default();
                // Kept until it is saved: it is now this instance's unsaved work.
                if let Err(error) = self
                    .recovery
                    .write(&self.doc.project, self.doc.path.as_deref())
                {
                    self.notify_error(format!(
                        "Autosave failed: {error}. Save your work with Save as…"
                    ));
                }
                if file != self.recovery.file() {
                    super::autosave::discard_recovery(file);
                }
                self.notify_info("Restored the unsaved changes. Save to keep them.".into());
            }
            Err(error) => {
                self.notify_error(format!("The recovery file could not be read: {error}"));
            }
        }
    }
}

impl App {
    /// Merges project files into the open project as one undoable edit, and says what came in.
    fn merge_files(&mut self, paths: &[PathBuf]) {
        let mut others = Vec::new();
        for path in paths {
            match load_project(path) {
                Ok((project, _)) => others.push(project),
                Err(error) => {
                    self.notify_error(format!("Nothing was merged: {error}"));
                    return;
                }
            }
        }
        let theirs: Vec<&Project> = others.iter().collect();
        let (merged, report) = match crate::merge::merge_projects(None, &self.doc.project, &theirs)
        {
            Ok(result) => result,
            Err(error) => {
                self.notify_error(format!("Nothing was merged: {error}"));
                return;
            }
        };
        let edits = merge_edits(&self.doc.project, &merged);
        if edits.is_empty() {
            self.notify_info("Merged: nothing new in those projects".into());
            return;
        }
        self.apply_edit(Edit::Batch {
            label: format!(
                "merge {}",
                crate::text::count(paths.len(), "project", "projects")
            ),
            edits,
        });
        let summary = report.lines().join("\n");
        if report.is_clean() {
            self.notify_info(format!("Merged:\n{summary}"));
        } else {
            self.notify_error(format!(
                "Merged, with conflicts (the open project's version was kept):\n{summary}"
            ));
        }
    }
}

/// The edits that turn `ours` into `merged` (a merge without a base only adds and updates).
fn merge_edits(ours: &Project, merged: &Project) -> Vec<Edit> {
    let mut edits = Vec::new();
    for tag in merged.tags() {
        if ours.tag(tag.id).is_none() {
            edits.push(Edit::AddTag {
                tag: tag.clone(),
                index: None,
            });
        }
    }
    for article in merged.articles() {
        if ours.article(article.id).is_none() {
            edits.push(Edit::AddArticle {
                article: Box::new(article.clone()),
                index: None,
            });
        }
    }
    for annotation in merged.annotations() {
        match ours.annotation(annotation.id) {
            None => edits.push(Edit::AddAnnotation {
                annotation: annotation.clone(),
                index: None,
            }),
            Some(old) if old != annotation => edits.push(Edit::UpdateAnnotation {
                annotation: annotation.clone(),
            }),
            Some(_) => {}
        }
    }
    edits
}
