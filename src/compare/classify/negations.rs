//! Negations one side has and the other does not.

use super::side::{Side, change, phrases};
use super::unmatched;
use crate::compare::result::{Change, ChangeKind};
use crate::compare::wordlists::{ListKind, WordLists};

/// Negations one side has and the other does not (also for rows with one side only).
pub(super) fn negations(a: &Side, b: &Side, lists: &WordLists) -> Vec<Change> {
    let (neg_a, neg_b) = unmatched(
        phrases(a, lists, ListKind::Negation),
        phrases(b, lists, ListKind::Negation),
    );
    let removed = neg_a.into_iter().map(|found| {
        let kind = ChangeKind::NegationRemoved {
            word: found.key.clone(),
        };
        change(a, b, Some(&found), None, kind)
    });
    let added = neg_b.into_iter().map(|found| {
        let kind = ChangeKind::NegationAdded {
            word: found.key.clone(),
        };
        change(a, b, None, Some(&found), kind)
    });
    removed.chain(added).collect()
}
