//! Reading and writing: article import and the project file.

pub mod atomic;
pub mod import;
pub mod lock;
pub mod output;
pub mod project_file;
pub(crate) mod reanchor;
mod ron_layout;

pub use project_file::{LoadReport, ProjectFileError, load_project, save_project};
