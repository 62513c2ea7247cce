//! Classifies what changed between the two sides of an aligned row: numbers (by value), names
//! (small edits of capitalised words), hedges, attributions and negations (from the word lists).
//!
//! Each kind is compared as a multiset over the whole row, so a change is found however the
//! rewrite reorders the words around it.

use super::document::Document;
use super::names::names;
use super::result::{Change, ChangeKind};
use super::side::{Found, Side, attributions, change, phrases};
use super::strength::strength;
use super::wordlists::{ListKind, WordLists};
use crate::text::{NumberMention, Span, same_value};
use std::collections::HashMap;

/// Classifies the changes between A's `a_sentences` and B's `b_sentences`.
pub(crate) fn classify(
    a: &Document,
    b: &Document,
    a_sentences: &[usize],
    b_sentences: &[usize],
    lists: &WordLists,
) -> Vec<Change> {
    let side_a = Side::new(a, a_sentences);
    let side_b = Side::new(b, b_sentences);
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

/// Negations one side has and the other does not (also for rows with one side only).
fn negations(a: &Side, b: &Side, lists: &WordLists) -> Vec<Change> {
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

/// A claim told stronger or weaker: the finding (correlation, cause) first, then the
/// certainty; the words are each side's deciding cue.
fn strength_change(a: &Side, b: &Side, lists: &WordLists) -> Option<Change> {
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

/// Numbers: equal values cancel; the rest pair up in order as changed, or are added/dropped.
/// Also used for rows with one side only.
fn numbers(a: &Side, b: &Side) -> Vec<Change> {
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

/// The changes a row with one side only carries: its numbers, hedges and negations (added or
/// dropped with the sentence) and its attributions (a source that appears or disappears).
pub(crate) fn one_side(
    a: &Document,
    b: &Document,
    a_sentences: &[usize],
    b_sentences: &[usize],
    lists: &WordLists,
) -> Vec<Change> {
    let (side_a, side_b) = (Side::new(a, a_sentences), Side::new(b, b_sentences));
    let mut changes = numbers(&side_a, &side_b);
    // A sentence dropped or added with its hedges and negations: they go or come with it.
    changes.extend(pair_hedges(
        &side_a,
        &side_b,
        phrases(&side_a, lists, ListKind::Hedge),
        phrases(&side_b, lists, ListKind::Hedge),
    ));
    changes.extend(negations(&side_a, &side_b, lists));
    let (cues_a, cues_b) = (attributions(&side_a, lists), attributions(&side_b, lists));
    changes.extend(attribution_changes(&side_a, &side_b, &cues_a, &cues_b));
    changes
}

/// The attribution change between two cues, with the speakers the attribution detector
/// finds for them on each side.
fn attribution_changes(a: &Side, b: &Side, in_a: &[Found], in_b: &[Found]) -> Vec<Change> {
    let (speakers_a, speakers_b) = (side_speakers(a), side_speakers(b));
    pair_up(a, b, in_a, in_b, |from, to| {
        ChangeKind::AttributionChanged {
            from: from.map(|f| f.key.clone()),
            to: to.map(|t| t.key.clone()),
            from_speaker: from.and_then(|f| speaker_of(&speakers_a, f)),
            to_speaker: to.and_then(|t| speaker_of(&speakers_b, t)),
        }
    })
}

/// The cues of `side` with the speaker each names, found by
/// [`crate::text::attribution::find_attributions`] over the side's text.
fn side_speakers(side: &Side) -> Vec<(Vec<Span>, String)> {
    let tokens = side.doc.tokens();
    let (Some(first), Some(last)) = (
        side.all_tokens.first().and_then(|&i| tokens.get(i)),
        side.all_tokens.last().and_then(|&i| tokens.get(i)),
    ) else {
        return Vec::new();
    };
    let start = first.span.start;
    let Some(text) = side.doc.text().get(start..last.span.end) else {
        return Vec::new();
    };
    let shift = |span: Span| Span::new(span.start + start, span.end + start);
    crate::text::attribution::find_attributions(text)
        .into_iter()
        .filter_map(|found| {
            let speaker = found.speaker?.slice(text)?.to_owned();
            Some((found.cue.into_iter().map(shift).collect(), speaker))
        })
        .collect()
}

/// The speaker of the detected cue that overlaps the phrase `found`.
fn speaker_of(speakers: &[(Vec<Span>, String)], found: &Found) -> Option<String> {
    speakers
        .iter()
        .find(|(cue, _)| {
            cue.iter()
                .any(|s| s.start < found.span.end && found.span.start < s.end)
        })
        .map(|(_, speaker)| speaker.clone())
}

/// Removes the phrases both sides have (compared by lower-case key) and returns the rest.
fn unmatched(in_a: Vec<Found>, in_b: Vec<Found>) -> (Vec<Found>, Vec<Found>) {
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

fn pair_hedges(a: &Side, b: &Side, mut in_a: Vec<Found>, mut in_b: Vec<Found>) -> Vec<Change> {
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

/// Pairs leftovers in order; the rest of the longer list stand alone.
fn pair_up(
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
