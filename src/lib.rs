//! Lateral: source-critical reading of news.
//!
//! The crate is a library first; the command line and the desktop app are thin layers on it.
//! Data flows import → model → compare → app → ui, and nothing outside `app` and `ui` knows
//! egui:
//!
//! - [`text`]: byte spans on char boundaries, range merging, word counts.
//! - [`model`]: [`model::Project`], articles, tags, annotations, [`model::Edit`] and undo.
//! - [`io`]: importing articles (decoding, page furniture) and the RON project file.
//! - [`agreement`]: a trainer's key against students' copies: scores, feedback, coefficients.
//! - [`cli`]: the `lateral` subcommands.

pub mod agreement;
pub mod cli;
pub mod io;
pub mod model;
pub mod text;
