//! Numbers compared by value: changed, added or dropped.

use super::side::{Found, Side, change};
use crate::compare::result::{Change, ChangeKind};
use crate::text::{NumberMention, same_value};

/// Numbers: equal values cancel; the rest pair up in order as changed, or are added/dropped.
/// Also used for rows with one side only.
pub(super) fn numbers(a: &Side, b: &Side) -> Vec<Change> {
    let mut in_b: Vec<Option<NumberMention>> = b.numbers().into_iter().map(Some).collect();
    let mut dropped = Vec::new();
    for mention in a.numbers() {
        let same = in_b.iter_mut().find(|m| {
            m.as_ref()
                .is_some_and(|m| same_value(m.value, mention.value))
        });
        match same {
            Some(slot) => *slot = None,
            None => dropped.push(mention),
        }
    }
    let mut added: Vec<NumberMention> = in_b.into_iter().flatten().collect();
    let found = |m: &NumberMention| Found {
        key: String::new(),
        span: m.span,
        before_number: false,
    };
    let mut changes = Vec::new();
    let paired = dropped.len().min(added.len());
    for (from, to) in dropped.drain(..paired).zip(added.drain(..paired)) {
        let kind = ChangeKind::NumberChanged {
            from: from.value,
            to: to.value,
        };
        changes.push(change(a, b, Some(&found(&from)), Some(&found(&to)), kind));
    }
    for from in dropped {
        changes.push(change(
            a,
            b,
            Some(&found(&from)),
            None,
            ChangeKind::NumberDropped { value: from.value },
        ));
    }
    for to in added {
        changes.push(change(
            a,
            b,
            None,
            Some(&found(&to)),
            ChangeKind::NumberAdded { value: to.value },
        ));
    }
    changes
}
