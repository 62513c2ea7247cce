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
mod compare_cli;
mod compare_props;
mod compare_samples;
mod export;
mod ids;
mod import;
mod import_feeds;
mod import_pages;
mod layout;
mod merge_git;
mod project_file;
mod safety;
mod sample_class;
