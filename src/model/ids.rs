//! Stable identifiers of articles, tags and annotations.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an article within a project; never reused after removal.
    ArticleId,
    "a"
);
id_type!(
    /// Identifies a tag within a project's tag set.
    TagId,
    "t"
);
id_type!(
    /// Identifies an annotation within a project.
    AnnotationId,
    "n"
);
