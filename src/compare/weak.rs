//! Weak counterparts: a sentence left without a counterpart above the threshold, but with
//! one that shares anchors, is paired with it as a weak counterpart, its evidence named,
//! instead of "only in A" and "only in B". The anchors must weigh at least two: a number
//! that is no year, or two of years and rare capitalised words (in German every noun is
//! capitalised, so one shared noun is no evidence).

use super::align::{PlannedRow, pair_if_free};
use super::features::{Features, Scorer};
use std::collections::HashMap;

/// A weak counterpart still needs this similarity (the threshold for pairs is 0.3).
const WEAK_MIN: f64 = 0.12;
/// A capitalised word is an anchor when at most this many sentences of both texts hold it.
const RARE_NAME_SENTENCES: u32 = 3;
/// Candidates looked at per sentence of A (the anchors' postings can be long).
const MAX_POSTINGS: usize = 32;
/// How much shared anchors must weigh.
const MIN_EVIDENCE: u32 = 2;

/// Pairs unmatched sentences of A and B that share a number or a rare name.
///
/// `sentences_with` counts, for each feature, the sentences of both texts that hold it;
/// evidence is quoted from `a_text`, the text of A.
pub(super) fn pair_weak(
    rows: &mut Vec<PlannedRow>,
    (a_row, b_row): (&mut [Option<usize>], &mut [Option<usize>]),
    (fa, fb): (&Features, &Features),
    scorer: &Scorer,
    sentences_with: &HashMap<u64, u32>,
    a_text: &str,
) {
    let is_anchor = |feature: u64| {
        fa.numbers.contains(&feature)
            || fb.numbers.contains(&feature)
            || sentences_with.get(&feature).copied().unwrap_or(0) <= RARE_NAME_SENTENCES
    };
    // B's unmatched sentences by anchor.
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, anchors) in fb.anchors.iter().enumerate() {
        if b_row.get(j).is_some_and(Option::is_some) {
            continue;
        }
        for anchor in anchors {
            if is_anchor(anchor.feature) {
                let list = postings.entry(anchor.feature).or_default();
                if list.last() != Some(&j) {
                    list.push(j);
                }
            }
        }
    }
    let mut candidates: Vec<(u32, f64, usize, usize, Vec<String>)> = Vec::new();
    for (i, anchors) in fa.anchors.iter().enumerate() {
        if a_row.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let mut shared: HashMap<usize, (u32, Vec<String>)> = HashMap::new();
        for anchor in anchors {
            let Some(text) = anchor.span.slice(a_text) else {
                continue;
            };
            let found = postings.get(&anchor.feature).into_iter().flatten();
            for &j in found.take(MAX_POSTINGS) {
                let (weight, words) = shared.entry(j).or_default();
                if !words.iter().any(|word| word == text) {
                    *weight += u32::from(anchor.strength);
                    words.push(text.to_owned());
                }
            }
        }
        for (j, (weight, evidence)) in shared {
            let score = scorer.dice(&fa.sets[i], &fb.sets[j]);
            if weight >= MIN_EVIDENCE && score >= WEAK_MIN {
                candidates.push((weight, score, i, j, evidence));
            }
        }
    }
    // Weightiest evidence first, then the most similar; ties in text order.
    candidates.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(y.1.total_cmp(&x.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    for (_, score, i, j, evidence) in candidates {
        pair_if_free(rows, (&mut *a_row, &mut *b_row), (i, j), score, evidence);
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::align::align;
    use crate::compare::document::Document;

    #[test]
    fn a_shared_number_makes_a_weak_counterpart_and_a_common_word_does_not() {
        let a = "Die Regierung tagte. \
            Eine Entsendung von mehr als 20.000 Soldaten scheint unwahrscheinlich. \
            Das Wetter war gut.";
        let b = "Die Regierung tagte. \
            Laut dem Fazit könnten bis zu 20.000 Kämpfer geschickt werden. \
            Der Himmel war blau.";
        let planned = align(&Document::new(a, &[]), &Document::new(b, &[]), 0.3);
        let weak: Vec<_> = planned.iter().filter(|r| !r.evidence.is_empty()).collect();
        assert_eq!(weak.len(), 1, "{planned:?}");
        assert_eq!(
            (weak[0].a.as_slice(), weak[0].b.as_slice()),
            (&[1][..], &[1][..])
        );
        assert_eq!(weak[0].evidence, ["20.000"]);
        // "Das Wetter war gut." and "Der Himmel war blau." share only "war".
        assert!(planned.iter().any(|r| r.a == [2] && r.b.is_empty()));
    }
}
