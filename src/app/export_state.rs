//! State of the export dialog: format, options, filters, a preview computed off the UI thread,
//! and the file being written. Never saved.

use super::jobs::{Job, take_finished};
use crate::export::{ExportFilter, ExportFormat, ExportOptions, export};
use crate::model::Project;
use std::path::PathBuf;

/// Lines shown in the preview.
pub const PREVIEW_LINES: usize = 40;

/// What a preview derives from.
type PreviewKey = (ExportFormat, ExportOptions, ExportFilter, u64);

/// The export dialog.
pub struct ExportState {
    /// Whether the dialog is open.
    pub open: bool,
    /// The chosen format.
    pub format: ExportFormat,
    /// CSV options.
    pub options: ExportOptions,
    /// Which annotations to export.
    pub filter: ExportFilter,
    preview: Option<(PreviewKey, String)>,
    preview_job: Option<Job<PreviewKey, String>>,
    write_job: Option<Job<PathBuf, Result<String, String>>>,
}

impl Default for ExportState {
    fn default() -> Self {
        Self {
            open: false,
            format: ExportFormat::Csv,
            options: ExportOptions::default(),
            filter: ExportFilter::default(),
            preview: None,
            preview_job: None,
            write_job: None,
        }
    }
}

impl ExportState {
    fn key(&self, project: &Project) -> PreviewKey {
        (
            self.format,
            self.options,
            self.filter.clone(),
            project.revision(),
        )
    }

    /// The preview of the current settings, if ready.
    #[must_use]
    pub fn preview(&self, project: &Project) -> Option<&str> {
        let key = self.key(project);
        self.preview
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, text)| text.as_str())
    }

    /// Whether a preview or an export is being computed.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.preview_job.is_some() || self.write_job.is_some()
    }

    /// Whether a file is being written.
    #[must_use]
    pub fn is_writing(&self) -> bool {
        self.write_job.is_some()
    }

    /// Collects a finished preview and starts the one the settings need, if missing.
    pub fn update_preview(&mut self, project: &Project) {
        if let Some((key, Ok(text))) = take_finished(&mut self.preview_job) {
            self.preview = Some((key, text));
        }
        let key = self.key(project);
        if !self.open
            || self.preview.as_ref().is_some_and(|(k, _)| *k == key)
            || self.preview_job.as_ref().is_some_and(|j| j.key == key)
        {
            return;
        }
        let project = project.clone();
        let (format, filter, options) = (self.format, self.filter.clone(), self.options);
        self.preview_job = Some(Job::spawn(key, move || {
            preview_text(&project, format, &filter, options)
        }));
    }

    /// Starts writing the export with the current settings to `path`; never over
    /// `project_path` (the open project's file) or any other project.
    pub fn start_write(&mut self, project: &Project, path: PathBuf, project_path: Option<PathBuf>) {
        let project = project.clone();
        let (format, filter, options) = (self.format, self.filter.clone(), self.options);
        let target = path.clone();
        self.write_job = Some(Job::spawn(path, move || {
            let bytes = export(&project, format, &filter, options).map_err(|e| e.to_string())?;
            let protected: Vec<&std::path::Path> =
                project_path.iter().map(PathBuf::as_path).collect();
            crate::io::output::write_output(&target, &bytes, &protected)
                .map(|written| written.backup_note())
                .map_err(|e| e.to_string())
        }));
    }

    /// The outcome of a finished export: what was written (with a note on the backup of a
    /// file that was there), or the reason it failed.
    pub fn take_written(&mut self) -> Option<Result<String, String>> {
        let (path, result) = take_finished(&mut self.write_job)?;
        Some(match result {
            Ok(Ok(backup_note)) => Ok(format!("Exported {}{backup_note}", path.display())),
            Ok(Err(error)) => Err(format!("Nothing was exported: {error}")),
            Err(()) => Err(format!("{} was not exported.", path.display())),
        })
    }
}

/// The first [`PREVIEW_LINES`] lines of the export, or a note for binary formats.
#[must_use]
pub fn preview_text(
    project: &Project,
    format: ExportFormat,
    filter: &ExportFilter,
    options: ExportOptions,
) -> String {
    if format == ExportFormat::Qdpx {
        return "A REFI-QDA project is a zip file (the articles and the tagged passages) for \
                MAXQDA, ATLAS.ti, NVivo and other tools; it has no text preview."
            .to_owned();
    }
    let num_passages = filter.annotations(project).count();
    let count = if num_passages == 1 {
        "1 passage will be exported".to_owned()
    } else {
        format!("{num_passages} passages will be exported")
    };
    // An HTML report is read in a browser, not as source: its preview is the same report
    // as text (the Markdown export holds the same content).
    let (format, note) = if format == ExportFormat::Html {
        (
            ExportFormat::Markdown,
            " (the report's text; the file is a web page for any browser)",
        )
    } else {
        (format, "")
    };
    match export(project, format, filter, options) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let text = text.trim_start_matches('\u{feff}');
            let lines: Vec<&str> = text.lines().take(PREVIEW_LINES).collect();
            format!("{count}{note}:\n\n{}", lines.join("\n"))
        }
        Err(error) => format!("This export would fail: {error}"),
    }
}
