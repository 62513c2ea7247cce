//! Integration tests, one binary with one module per concern.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

mod agreement;
#[cfg(feature = "gui")]
mod app;
#[cfg(feature = "gui")]
mod app_articles;
#[cfg(feature = "gui")]
mod app_desktop;
#[cfg(feature = "gui")]
mod app_views;
mod compare_attribution;
mod compare_cli;
mod compare_props;
mod compare_samples;
mod compare_strength;
mod export;
mod ids;
mod import;
mod import_feeds;
mod import_mhtml;
mod import_pages;
mod import_pdf;
mod import_web;
mod layout;
mod merge_git;
mod project_file;
mod safety;
mod sample_class;

/// The files under `dir` and its subfolders whose extension is `extension` (any case), sorted:
/// the real-data tests walk fetched datasets with it.
fn files_under(dir: &std::path::Path, extension: &str) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(extension))
            {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}
