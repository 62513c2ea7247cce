//! Importing many files off the UI thread, with the count done so far for a progress bar.

use super::jobs::{Job, take_finished};
use crate::io::import::{ImportBatch, import_files_with, is_address};
use crate::model::ArticleId;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Imports of more files than this (or of any folder) run in the background.
pub const BACKGROUND_FILES: usize = 8;

/// Files done and files in all, shared with the importing thread.
#[derive(Debug, Default)]
struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

/// A running import, if any.
#[derive(Default)]
pub struct ImportState {
    job: Option<Job<(), ImportBatch>>,
    progress: Arc<Progress>,
    /// The address being fetched, when the import is one address.
    address: Option<String>,
}

impl ImportState {
    /// Whether `paths` should be imported in the background: many files, a folder, or a web
    /// address (the network may take its time).
    #[must_use]
    pub fn wants_background(paths: &[PathBuf]) -> bool {
        paths.len() > BACKGROUND_FILES
            || paths
                .iter()
                .any(|p| p.is_dir() || p.to_str().is_some_and(is_address))
    }

    /// Starts importing `paths`; ids count from `first_id` (renumbered when applied).
    pub fn start(&mut self, paths: Vec<PathBuf>, first_id: ArticleId) {
        let progress = Arc::new(Progress::default());
        self.progress = Arc::clone(&progress);
        self.address = match paths.as_slice() {
            [one] => one.to_str().filter(|p| is_address(p)).map(str::to_owned),
            _ => None,
        };
        self.job = Some(Job::spawn((), move || {
            import_files_with(&paths, first_id, |done, total| {
                progress.total.store(total, Ordering::Relaxed);
                progress.done.store(done, Ordering::Relaxed);
            })
        }));
    }

    /// Whether an import is running.
    #[must_use]
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Files done and files in all (total 0 while the folders are still being listed).
    #[must_use]
    pub fn progress(&self) -> (usize, usize) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
        )
    }

    /// The address being fetched, when the running import is one web address.
    #[must_use]
    pub fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// The batch of a finished import; `Err` if the importing thread died.
    pub fn take_finished(&mut self) -> Option<Result<ImportBatch, ()>> {
        take_finished(&mut self.job).map(|((), result)| result)
    }
}
