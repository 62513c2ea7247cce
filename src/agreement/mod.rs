//! Agreement and training: scores students against a trainer's key, passage by passage, and
//! the coefficients researchers expect between annotators. Plain data, no GUI.
//!
//! - [`Coding`]: the key or one student, from a project or one annotator within it.
//! - [`score_class`]: every student against the key, in a [`MatchMode`], as a [`ClassResult`].
//! - [`cohen_kappa`], [`fleiss_kappa`], [`unitizing_disagreement`]: the coefficients.

mod class;
mod coefficients;
mod inputs;
mod matching;
mod passages;
mod prepare;
mod results;
mod scores;

pub use class::score_class;
pub use coefficients::{
    UnitizedSpan, alpha_from, cohen_kappa, fleiss_kappa, unitizing_disagreement,
};
pub use inputs::{CodedArticle, Coding, InputProblem, Unit, annotators};
pub use matching::MatchMode;
pub use prepare::normalise_speaker;
pub use results::{
    BoundaryDrift, ClassExtra, ClassResult, Coefficients, Confusion, Finding, FindingKind,
    PassageResult, SpeakerScore, StudentResult, TagScore, TagSummary,
};
pub use scores::tag_score;
