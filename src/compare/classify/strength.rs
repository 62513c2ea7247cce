//! A claim told stronger or weaker (see [`crate::compare::claim_strength`]).

use super::side::Side;
use crate::compare::result::{Change, ChangeKind};
use crate::compare::strength::strength;
use crate::compare::wordlists::WordLists;

/// A claim told stronger or weaker: the finding (correlation, cause) first, then the
/// certainty; the words are each side's deciding cue.
pub(super) fn strength_change(a: &Side, b: &Side, lists: &WordLists) -> Option<Change> {
    use std::cmp::Ordering;
    let (from, to) = (strength(a, lists), strength(b, lists));
    let direction = to.compared_to(&from);
    if direction == Ordering::Equal {
        return None;
    }
    let by_finding = from.finding != to.finding;
    let (label_a, label_b, span_a, span_b) = if by_finding {
        (
            from.finding.label(),
            to.finding.label(),
            from.finding_span,
            to.finding_span,
        )
    } else {
        (
            from.certainty.label(),
            to.certainty.label(),
            from.certainty_span,
            to.certainty_span,
        )
    };
    let (from_label, to_label) = (label_a.to_owned(), label_b.to_owned());
    let kind = if direction == Ordering::Greater {
        ChangeKind::ClaimStrengthened {
            from: from_label,
            to: to_label,
        }
    } else {
        ChangeKind::ClaimWeakened {
            from: from_label,
            to: to_label,
        }
    };
    Some(Change {
        kind,
        a_span: span_a,
        b_span: span_b,
        a_text: span_a.map(|s| a.slice(s)).unwrap_or_default(),
        b_text: span_b.map(|s| b.slice(s)).unwrap_or_default(),
    })
}
