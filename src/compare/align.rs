//! Sentence alignment of two texts, robust to reordering, merges, splits and paraphrase.
//!
//! Each sentence becomes a set of features: word stems (the first six letters of a lower-case
//! word, so inflections and compounds meet, and a long compound's last six), number values
//! (so "5,5 Milliarden" meets "5.5 billion", and "dritter" meets "3."), weighted by inverse
//! document frequency over both texts' sentences. Pairs are scored by weighted Dice; candidates come from an inverted index (not all pairs), and
//! the best pairs are taken greedily one to one. The pairs that keep both texts' order are
//! then re-decided by a dynamic programme along that order (`compare/beads.rs`), which
//! completes merges, splits and n:m units; last, a row takes in an unmatched neighbour that
//! the other side contains (a merge or a split among moved sentences).

use super::beads::refine;
use super::document::Document;
use super::features::{Features, NUMBER_WEIGHT, Scorer, features, union};
use super::order::{mark_moved, order_rows};
use super::weak::pair_weak;
use std::collections::{HashMap, HashSet};

/// Candidates kept per sentence of A.
const CANDIDATES: usize = 6;
/// A neighbour joins a row when this share of its weight is found on the other side.
const MERGE_CONTAINMENT: f64 = 0.5;
/// Most sentences on one side of a row.
const MAX_MERGE: usize = 3;

/// A row of the alignment, before diffing: sentence indices of A and B.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedRow {
    /// A's sentences, ascending and consecutive.
    pub a: Vec<usize>,
    /// B's sentences, ascending and consecutive.
    pub b: Vec<usize>,
    /// Weighted Dice similarity of the two sides.
    pub score: f64,
    /// Whether the row is out of A's order.
    pub moved: bool,
    /// For a weak counterpart (below the threshold, paired by shared numbers or names): the
    /// shared words as A writes them. Empty for every other row.
    pub evidence: Vec<String>,
}

/// Aligns the sentences of `a` and `b`; every sentence is in exactly one row. Rows are in B's
/// order; rows only in A follow the row holding A's preceding sentence.
#[must_use]
pub fn align(a: &Document, b: &Document, min_similarity: f64) -> Vec<PlannedRow> {
    let fa = features(a);
    let fb = features(b);
    let mut df: HashMap<u64, u32> = HashMap::new();
    for set in fa.sets.iter().chain(&fb.sets) {
        for &feature in set {
            *df.entry(feature).or_default() += 1;
        }
    }
    let num_sets = (fa.sets.len() + fb.sets.len()).max(1) as f64;
    let mut weights: HashMap<u64, f64> = df
        .iter()
        .map(|(&f, &n)| (f, (1.0 + num_sets / f64::from(n)).ln()))
        .collect();
    for feature in fa.numbers.iter().chain(&fb.numbers) {
        if let Some(weight) = weights.get_mut(feature) {
            *weight *= NUMBER_WEIGHT;
        }
    }
    let scorer = Scorer { weights };
    let mut pairs = candidate_pairs(&fa, &fb, &scorer);
    let links: HashSet<(usize, usize)> = pairs.iter().map(|&(_, i, j)| (i, j)).collect();
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut a_row: Vec<Option<usize>> = vec![None; fa.sets.len()];
    let mut b_row: Vec<Option<usize>> = vec![None; fb.sets.len()];
    let mut rows: Vec<PlannedRow> = Vec::new();
    for &(score, i, j) in &pairs {
        if score >= min_similarity {
            pair_if_free(
                &mut rows,
                (&mut a_row, &mut b_row),
                (i, j),
                score,
                Vec::new(),
            );
        }
    }
    mark_moved(&mut rows);
    rows = refine(
        rows,
        &mut a_row,
        &mut b_row,
        (&fa.sets, &fb.sets),
        &scorer,
        &links,
        min_similarity,
    );
    // Two short texts (a sentence or a few each) where nothing paired are one claim told
    // twice, however reworded: they always get a row.
    let short = 1..=MAX_MERGE;
    if rows.is_empty() && short.contains(&fa.sets.len()) && short.contains(&fb.sets.len()) {
        let all_a: Vec<usize> = (0..fa.sets.len()).collect();
        let all_b: Vec<usize> = (0..fb.sets.len()).collect();
        let score = scorer.dice(&union(&fa.sets, &all_a), &union(&fb.sets, &all_b));
        a_row.fill(Some(0));
        b_row.fill(Some(0));
        rows.push(PlannedRow {
            a: all_a,
            b: all_b,
            score,
            moved: false,
            evidence: Vec::new(),
        });
    }
    for (row_index, row) in rows.iter_mut().enumerate() {
        grow(
            row, row_index, &mut a_row, &fa.sets, &fb.sets, &scorer, true,
        );
        if row.a.len() == 1 {
            grow(
                row, row_index, &mut b_row, &fb.sets, &fa.sets, &scorer, false,
            );
        }
    }
    pair_weak(
        &mut rows,
        (&mut a_row, &mut b_row),
        (&fa, &fb),
        &scorer,
        &df,
        a.text(),
    );
    order_rows(rows, &a_row, &b_row)
}

/// Pairs sentence `i` of A with `j` of B in a new row, unless either is in a row already.
pub(super) fn pair_if_free(
    rows: &mut Vec<PlannedRow>,
    (a_row, b_row): (&mut [Option<usize>], &mut [Option<usize>]),
    (i, j): (usize, usize),
    score: f64,
    evidence: Vec<String>,
) {
    if a_row[i].is_some() || b_row[j].is_some() {
        return;
    }
    a_row[i] = Some(rows.len());
    b_row[j] = Some(rows.len());
    rows.push(PlannedRow {
        a: vec![i],
        b: vec![j],
        score,
        moved: false,
        evidence,
    });
}

/// For each sentence of A, the best few sentences of B: `(dice, a index, b index)`.
fn candidate_pairs(fa: &Features, fb: &Features, scorer: &Scorer) -> Vec<(f64, usize, usize)> {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (j, set) in fb.sets.iter().enumerate() {
        for &feature in set {
            index.entry(feature).or_default().push(j as u32);
        }
    }
    // Features in very many sentences (function words) do not make candidates.
    let cap = 64.max(fb.sets.len() / 20);
    let b_totals: Vec<f64> = fb.sets.iter().map(|set| scorer.total(set)).collect();
    let mut accumulated = vec![0.0f64; fb.sets.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for (i, set) in fa.sets.iter().enumerate() {
        // Rare features first; common ones only if the rare ones find nothing.
        for include_common in [false, true] {
            for feature in set {
                let postings = index.get(feature).map_or(&[][..], Vec::as_slice);
                if !include_common && postings.len() > cap {
                    continue;
                }
                for &j in postings {
                    let slot = &mut accumulated[j as usize];
                    if *slot == 0.0 {
                        touched.push(j);
                    }
                    *slot += scorer.weight(*feature);
                }
            }
            if !touched.is_empty() {
                break;
            }
        }
        // Rank by approximate Dice, so that a short exact match beats long sentences that
        // merely contain the same words.
        // Ties (repeated sentences) go to the B sentence at the same relative position.
        let rank = |j: u32| accumulated[j as usize] / (b_totals[j as usize] + 1.0);
        let expected = i as f64 * fb.sets.len() as f64 / fa.sets.len().max(1) as f64;
        let distance = |j: u32| (f64::from(j) - expected).abs();
        touched.sort_by(|x, y| {
            rank(*y)
                .total_cmp(&rank(*x))
                .then(distance(*x).total_cmp(&distance(*y)))
        });
        for &j in touched.iter().take(CANDIDATES) {
            let j = j as usize;
            pairs.push((scorer.dice(set, &fb.sets[j]), i, j));
        }
        for &j in &touched {
            accumulated[j as usize] = 0.0;
        }
        touched.clear();
    }
    pairs
}

/// Lets the row's side take in unmatched neighbours that the other side contains.
fn grow(
    row: &mut PlannedRow,
    row_index: usize,
    owner: &mut [Option<usize>],
    own_sets: &[Vec<u64>],
    other_sets: &[Vec<u64>],
    scorer: &Scorer,
    a_side: bool,
) {
    let (own, other) = if a_side {
        (&mut row.a, &row.b)
    } else {
        (&mut row.b, &row.a)
    };
    let other_set = union(other_sets, other);
    while own.len() < MAX_MERGE {
        let first = own.first().copied().unwrap_or(0);
        let last = own.last().copied().unwrap_or(0);
        let neighbours = [first.checked_sub(1), Some(last + 1)];
        let current = scorer.dice(&union(own_sets, own), &other_set);
        let best = neighbours
            .into_iter()
            .flatten()
            .filter(|&k| owner.get(k).is_some_and(Option::is_none))
            .filter_map(|k| {
                let set = own_sets.get(k)?;
                let contained =
                    scorer.shared(set, &other_set) / scorer.total(set).max(f64::MIN_POSITIVE);
                let mut joined = own.clone();
                joined.push(k);
                let dice = scorer.dice(&union(own_sets, &joined), &other_set);
                (contained >= MERGE_CONTAINMENT && dice >= current).then_some((dice, k))
            })
            .max_by(|x, y| x.0.total_cmp(&y.0));
        let Some((dice, k)) = best else { break };
        owner[k] = Some(row_index);
        own.push(k);
        own.sort_unstable();
        row.score = dice;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(a: &str, b: &str) -> Vec<(Vec<usize>, Vec<usize>)> {
        align(&Document::new(a, &[]), &Document::new(b, &[]), 0.3)
            .into_iter()
            .map(|r| (r.a, r.b))
            .collect()
    }

    #[test]
    fn merges_and_splits_become_one_row() {
        let a = "Das Handelsvolumen stieg auf 52,9 Millionen US-Dollar. Im Jahr 2023 betrug es 34,4 Millionen US-Dollar.";
        let b = "Das Handelsvolumen stieg auf 52,9 Millionen US-Dollar, im Jahr 2023 betrug es 34,4 Millionen US-Dollar.";
        assert_eq!(rows(a, b), [(vec![0, 1], vec![0])]);
        assert_eq!(rows(b, a), [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn a_split_into_three_and_a_merge_of_three_are_completed() {
        let a = "Der Stadtrat tagte am Montag. \
            Er beschloss nach langer Debatte einen neuen Radweg entlang der Bahnhofstraße, der im Frühjahr gebaut wird und den Kreisel umgeht. \
            Danach ging es um die Bäder.";
        let b = "Der Stadtrat tagte am Montag. \
            Er beschloss einen neuen Radweg entlang der Bahnhofstraße. \
            Die Debatte war lang. \
            Der Radweg wird im Frühjahr gebaut und umgeht den Kreisel. \
            Danach ging es um die Bäder.";
        assert_eq!(
            rows(a, b),
            [
                (vec![0], vec![0]),
                (vec![1], vec![1, 2, 3]),
                (vec![2], vec![4])
            ]
        );
        assert_eq!(
            rows(b, a),
            [
                (vec![0], vec![0]),
                (vec![1, 2, 3], vec![1]),
                (vec![4], vec![2])
            ]
        );
    }

    #[test]
    fn two_short_texts_always_share_a_row() {
        let a = "Use of the urgent referral pathway could be efficacious.";
        let b = "GPs who refer suspected cancer quickly are saving lives, a study finds. It was published this week.";
        assert_eq!(rows(a, b), [(vec![0], vec![0, 1])]);
        // Longer texts keep their one-sided rows.
        let a = "Eins. Zwei. Drei. Vier.";
        let b = "Fünf. Sechs. Sieben. Acht.";
        assert!(rows(a, b).iter().all(|(x, y)| x.is_empty() || y.is_empty()));
    }

    #[test]
    fn repeated_sentences_pair_in_order() {
        let text = "Ja. Ja. Ja. Ja. Ja. Ja. Ja. Ja. Ja. Ja. Ja. Ja.";
        let planned = align(&Document::new(text, &[]), &Document::new(text, &[]), 0.3);
        assert!(planned.iter().all(|row| row.a == row.b && !row.moved));
        assert_eq!(planned.len(), 12);
    }

    #[test]
    fn reordered_and_unmatched_sentences_get_rows() {
        let a = "Kim traf Putin in Wostotschny. Die Gespräche dauerten vier Stunden. Das Wetter war gut.";
        let b = "Die Gespräche dauerten vier Stunden. Kim traf Putin in Wostotschny. Ganz neu ist dieser Satz.";
        let planned = align(&Document::new(a, &[]), &Document::new(b, &[]), 0.3);
        let pairs: Vec<(Vec<usize>, Vec<usize>, bool)> =
            planned.into_iter().map(|r| (r.a, r.b, r.moved)).collect();
        // A's third sentence follows the row of A's second; one of the swapped rows is moved.
        assert_eq!(
            pairs,
            [
                (vec![1], vec![0], true),
                (vec![2], vec![], false),
                (vec![0], vec![1], false),
                (vec![], vec![2], false)
            ]
        );
    }
}
