//! Agreement and training: scores students against a trainer's key, passage by passage, and
//! the coefficients researchers expect between annotators. Plain data, no GUI.
//!
//! - [`Coding`]: the key or one student, from a project or one annotator within it.
//! - [`score_class`]: every student against the key, in a [`MatchMode`], as a [`ClassResult`].
//! - [`cohen_kappa`], [`fleiss_kappa`], [`unitizing_disagreement`]: the coefficients.
//! - [`class_report_md`], [`feedback_md`], [`class_report_html`], [`feedback_html`],
//!   [`scores_csv`]: reports.

mod class;
mod coefficients;
mod csv;
mod inputs;
mod matching;
mod passages;
mod prepare;
mod report_html;
mod report_md;
mod report_words;
mod results;
mod scores;
pub mod synthetic;
mod tallies;

pub use class::score_class;
pub use coefficients::{
    UnitizedSpan, alpha_from, cohen_kappa, cohen_kappa_from_counts, fleiss_kappa,
    unitizing_disagreement,
};
pub use csv::{CSV_HEADER, scores_csv};
pub use inputs::{CodedArticle, Coding, InputProblem, Unit, annotators};
pub use matching::MatchMode;
pub use prepare::normalise_speaker;
pub use report_html::{class_report_html, feedback_html};
pub use report_md::{class_report_md, feedback_md};
pub use results::{
    BoundaryDrift, ClassExtra, ClassResult, Coefficients, Confusion, Finding, FindingKind,
    PassageResult, SpeakerScore, StudentResult, TagScore, TagSummary,
};
pub use tallies::tag_score;
