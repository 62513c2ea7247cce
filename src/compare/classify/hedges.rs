//! Hedges and quantifiers changed, added or dropped.

use super::pair_up;
use super::side::{Found, Side, change};
use crate::compare::result::{Change, ChangeKind};

pub(super) fn pair_hedges(
    a: &Side,
    b: &Side,
    mut in_a: Vec<Found>,
    mut in_b: Vec<Found>,
) -> Vec<Change> {
    let mut changes = Vec::new();
    let kind = |from: &Found, to: &Found| ChangeKind::HedgeChanged {
        from: from.key.clone(),
        to: to.key.clone(),
    };
    // Quantifiers before numbers pair with each other first.
    while let (Some(x), Some(y)) = (
        in_a.iter().position(|f| f.before_number),
        in_b.iter().position(|f| f.before_number),
    ) {
        let (from, to) = (in_a.remove(x), in_b.remove(y));
        changes.push(change(a, b, Some(&from), Some(&to), kind(&from, &to)));
    }
    changes.extend(pair_up(a, b, &in_a, &in_b, |from, to| match (from, to) {
        (Some(from), Some(to)) => kind(from, to),
        (Some(from), None) => ChangeKind::HedgeDropped {
            hedge: from.key.clone(),
        },
        (None, to) => ChangeKind::HedgeAdded {
            hedge: to.map(|t| t.key.clone()).unwrap_or_default(),
        },
    }));
    changes
}
