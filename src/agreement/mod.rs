//! Agreement and training: scores students against a trainer's key, passage by passage, and
//! the coefficients researchers expect between annotators. Plain data, no GUI.

mod coefficients;

pub use coefficients::{
    UnitizedSpan, alpha_from, cohen_kappa, fleiss_kappa, unitizing_disagreement,
};
