//! Classifies what changed between the two sides of an aligned row: numbers (by value), names
//! (small edits of capitalised words), hedges, attributions and negations (from the word lists).
//!
//! Each kind is compared as a multiset over the whole row, so a change is found however the
//! rewrite reorders the words around it.

mod attributions;
mod hedges;
mod names;
mod negations;
mod numbers;
pub(super) mod side;
mod strength;

use super::document::Document;
use super::result::{Change, ChangeKind};
use super::wordlists::{ListKind, WordLists};
use attributions::attribution_changes;
use hedges::pair_hedges;
use names::names;
use negations::negations;
use numbers::numbers;
use side::{Found, Side, attributions, change, phrases};
use std::collections::HashMap;
use strength::strength_change;

/// Classifies the changes between A's `a_sentences` and B's `b_sentences`; a row with one
/// side only carries what goes or comes with its sentences.
pub(crate) fn classify(
    a: &Document,
    b: &Document,
    a_sentences: &[usize],
    b_sentences: &[usize],
    lists: &WordLists,
) -> Vec<Change> {
    let side_a = Side::new(a, a_sentences);
    let side_b = Side::new(b, b_sentences);
    if a_sentences.is_empty() || b_sentences.is_empty() {
        return one_side(&side_a, &side_b, lists);
    }
    let mut changes = numbers(&side_a, &side_b);
    if side_a.words.is_empty() || side_b.words.is_empty() {
        return changes;
    }
    changes.extend(names(&side_a, &side_b));
    let (hedges_a, hedges_b) = unmatched(
        phrases(&side_a, lists, ListKind::Hedge),
        phrases(&side_b, lists, ListKind::Hedge),
    );
    changes.extend(pair_hedges(&side_a, &side_b, hedges_a, hedges_b));
    let (cues_a, cues_b) = unmatched(attributions(&side_a, lists), attributions(&side_b, lists));
    changes.extend(attribution_changes(&side_a, &side_b, &cues_a, &cues_b));
    changes.extend(strength_change(&side_a, &side_b, lists));
    changes.extend(negations(&side_a, &side_b, lists));
    changes
}

/// The changes a row with one side only carries: its numbers, hedges and negations (added or
/// dropped with the sentence) and its attributions (a source that appears or disappears).
fn one_side(side_a: &Side, side_b: &Side, lists: &WordLists) -> Vec<Change> {
    let mut changes = numbers(side_a, side_b);
    // A sentence dropped or added with its hedges and negations: they go or come with it.
    changes.extend(pair_hedges(
        side_a,
        side_b,
        phrases(side_a, lists, ListKind::Hedge),
        phrases(side_b, lists, ListKind::Hedge),
    ));
    changes.extend(negations(side_a, side_b, lists));
    let (cues_a, cues_b) = (attributions(side_a, lists), attributions(side_b, lists));
    changes.extend(attribution_changes(side_a, side_b, &cues_a, &cues_b));
    changes
}

/// Removes the phrases both sides have (compared by lower-case key) and returns the rest.
pub(super) fn unmatched(in_a: Vec<Found>, in_b: Vec<Found>) -> (Vec<Found>, Vec<Found>) {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, found) in in_b.iter().enumerate().rev() {
        by_key
            .entry(found.key.to_lowercase())
            .or_default()
            .push(index);
    }
    let mut matched_b = vec![false; in_b.len()];
    let mut only_a = Vec::new();
    for found in in_a {
        match by_key.get_mut(&found.key.to_lowercase()).and_then(Vec::pop) {
            Some(index) => matched_b[index] = true,
            None => only_a.push(found),
        }
    }
    let only_b = in_b
        .into_iter()
        .zip(matched_b)
        .filter(|(_, matched)| !matched)
        .map(|(found, _)| found)
        .collect();
    (only_a, only_b)
}

/// Pairs leftovers in order; the rest of the longer list stand alone.
pub(super) fn pair_up(
    a: &Side,
    b: &Side,
    in_a: &[Found],
    in_b: &[Found],
    kind: impl Fn(Option<&Found>, Option<&Found>) -> ChangeKind,
) -> Vec<Change> {
    let count = in_a.len().max(in_b.len());
    (0..count)
        .map(|k| {
            let (from, to) = (in_a.get(k), in_b.get(k));
            change(a, b, from, to, kind(from, to))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(a: &str, b: &str) -> Vec<ChangeKind> {
        let (doc_a, doc_b) = (Document::new(a, &[]), Document::new(b, &[]));
        let all = |doc: &Document| (0..doc.num_sentences()).collect::<Vec<_>>();
        classify(
            &doc_a,
            &doc_b,
            &all(&doc_a),
            &all(&doc_b),
            &WordLists::builtin(),
        )
        .into_iter()
        .map(|c| c.kind)
        .collect()
    }

    #[test]
    fn each_kind_is_found() {
        assert_eq!(
            kinds("Es waren 20.000 Soldaten.", "Es waren 12.000 Soldaten."),
            [ChangeKind::NumberChanged {
                from: 20_000.0,
                to: 12_000.0
            }]
        );
        assert_eq!(
            kinds(
                "Rund 24 Treffen, sagte Kim.",
                "Mehr als 24 Treffen, sagte Kim."
            ),
            [ChangeKind::HedgeChanged {
                from: "rund".into(),
                to: "mehr als".into()
            }]
        );
        assert_eq!(
            kinds("Er kommt, sagte Kim.", "Er kommt, sagte Lee."),
            [ChangeKind::AttributionChanged {
                from: Some("sagte Kim".into()),
                to: Some("sagte Lee".into()),
                from_speaker: Some("Kim".into()),
                to_speaker: Some("Lee".into())
            }]
        );
        assert_eq!(
            kinds("Das ist belegt.", "Das ist nicht belegt."),
            [
                ChangeKind::ClaimWeakened {
                    from: "certain".into(),
                    to: "possible".into()
                },
                ChangeKind::NegationAdded {
                    word: "nicht".into()
                }
            ]
        );
        assert!(kinds("Gleich bleibt gleich.", "Gleich bleibt gleich.").is_empty());
    }

    #[test]
    fn english_hedges_attributions_and_numbers() {
        assert_eq!(
            kinds(
                "Deliveries are worth up to 5.5 billion dollars, the study says.",
                "Deliveries could be worth 5.5 billion dollars, according to Seoul."
            ),
            [
                ChangeKind::HedgeChanged {
                    from: "up to".into(),
                    to: "could".into()
                },
                ChangeKind::AttributionChanged {
                    from: Some("the study says".into()),
                    to: Some("according to Seoul".into()),
                    from_speaker: Some("the study".into()),
                    to_speaker: Some("Seoul".into())
                },
                // "could" hedges what "up to" stated plainly.
                ChangeKind::ClaimWeakened {
                    from: "plain".into(),
                    to: "possible".into()
                }
            ]
        );
    }
}
