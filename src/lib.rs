//! Lateral: source-critical reading of news.
//!
//! The crate is a library first; the command line and the desktop app are thin layers on it.
//! Data flows import → model → compare → app → ui, and nothing outside `app` and `ui` knows
//! egui:
//!
//! - [`text`]: byte spans on char boundaries, range merging, word counts, tokens, sentences,
//!   numbers.
//! - [`compare`]: near-duplicate reports: similarity, sentence alignment, word diffs and a
//!   classification of every change.
//! - [`model`]: [`model::Project`], articles, tags, annotations, [`model::Edit`] and undo.
//! - [`io`]: importing articles (decoding, page furniture) and the RON project file.
//! - [`export`]: CSV, JSON, Markdown and HTML reports; W3C Web Annotation and REFI-QDA
//!   `.qdpx` exchange, both ways.
//! - [`merge`]: combining projects of the same articles (copies, coders, git branches).
//! - [`agreement`]: a trainer's key against students' copies: scores, feedback, coefficients.
//! - [`cli`]: the `lateral` subcommands.
//! - `app` and `ui` (feature `gui`): the desktop app on eframe/egui.

pub mod agreement;
#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod compare;
pub mod eval;
pub mod export;
pub mod io;
pub mod merge;
pub mod model;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
