//! Completing merges, splits and n:m units along the texts' common order.
//!
//! The greedy one-to-one pairs that keep the texts' order are anchors. Between and around
//! them a dynamic programme chooses "beads" (one or a few consecutive sentences of A against
//! one or a few of B, or a sentence on one side only) so that the sum of what they earn is
//! largest. Each sentence of a bead earns the share of its weight that the other side holds,
//! less a threshold, so a unit earns more when completed by the sentence that carries the
//! rest of its content and less when padded with one that does not; a bead beyond one to
//! one pays a little per sentence, so that equal shares stay pairs. Only cells near the
//! anchors' path are visited, and only beads whose sentences are each other's candidates
//! are scored, so the work grows with the texts' length, not with its square.

use super::align::PlannedRow;
use super::features::{Scorer, similarity_of};
use std::collections::HashSet;

/// Most sentences on one side of a bead.
pub(super) const MAX_SIDE: usize = 4;
/// Most sentences in a bead, both sides together.
const MAX_BEAD: usize = 5;
/// How far the path may stray from the anchors' path, in sentences.
const MARGIN: usize = 3;
/// A sentence earns its share held by the other side minus this (DEplain-web's odd pairs
/// put it between 0.15 and 0.25).
const HELD_THRESHOLD: f64 = 0.2;
/// Cells beyond which the refinement is left out (texts with no shared order at all).
const MAX_CELLS: usize = 4_000_000;
/// What a bead with more than one sentence on each side costs, beyond its share.
const MANY_TO_MANY_COST: f64 = 0.4;
/// What each sentence beyond a one-to-one pair costs, so that equal shares stay pairs.
const SIZE_COST: f64 = 0.15;

/// Re-decides the rows that keep both texts' order: `rows` come from the greedy pairing
/// with `moved` marked; moved rows stay as they are. `a_row` / `b_row` map each sentence to
/// its row and are rewritten.
pub(super) fn refine(
    rows: Vec<PlannedRow>,
    a_row: &mut [Option<usize>],
    b_row: &mut [Option<usize>],
    sets: (&[Vec<u64>], &[Vec<u64>]),
    scorer: &Scorer,
    links: &HashSet<(usize, usize)>,
    min_similarity: f64,
) -> Vec<PlannedRow> {
    let (sets_a, sets_b) = sets;
    let in_moved = |owner: &[Option<usize>], i: usize| {
        owner[i].is_some_and(|row| rows.get(row).is_some_and(|r| r.moved))
    };
    let seq_a: Vec<usize> = (0..sets_a.len()).filter(|&i| !in_moved(a_row, i)).collect();
    let seq_b: Vec<usize> = (0..sets_b.len()).filter(|&j| !in_moved(b_row, j)).collect();
    let mut position_b = vec![usize::MAX; sets_b.len()];
    for (y, &j) in seq_b.iter().enumerate() {
        position_b[j] = y;
    }
    // Anchors in A' / B' positions, in order: (x, y) with x the A' position.
    let anchors: Vec<(usize, usize)> = seq_a
        .iter()
        .enumerate()
        .filter_map(|(x, &i)| {
            let row = rows.get(a_row[i]?)?;
            let &j = row.b.first()?;
            Some((x, position_b[j]))
        })
        .filter(|&(_, y)| y != usize::MAX)
        .collect();
    let Some(band) = Band::new(&anchors, seq_a.len(), seq_b.len()) else {
        return rows;
    };
    let beads = best_path(
        &band,
        (&seq_a, &seq_b),
        sets_a,
        sets_b,
        scorer,
        links,
        min_similarity,
    );

    let kept: Vec<PlannedRow> = rows
        .into_iter()
        .filter(|row| row.moved)
        .chain(beads.into_iter().map(|(a, b, score)| PlannedRow {
            a,
            b,
            score,
            moved: false,
            evidence: Vec::new(),
        }))
        .collect();
    a_row.fill(None);
    b_row.fill(None);
    for (index, row) in kept.iter().enumerate() {
        for &i in &row.a {
            a_row[i] = Some(index);
        }
        for &j in &row.b {
            b_row[j] = Some(index);
        }
    }
    kept
}

/// The cells `(x, y)` visited: for each `x` (A' sentences consumed) a range of `y`.
struct Band {
    low: Vec<usize>,
    high: Vec<usize>,
    /// Offset of row `x`'s first cell in the flat table.
    start: Vec<usize>,
    cells: usize,
}

impl Band {
    fn new(anchors: &[(usize, usize)], len_a: usize, len_b: usize) -> Option<Self> {
        let mut low = vec![0; len_a + 1];
        let mut high = vec![len_b; len_a + 1];
        // The anchor before x bounds y from below, the one at or after x from above.
        let mut previous: Option<usize> = None;
        let mut next = 0;
        for x in 0..=len_a {
            while next < anchors.len() && anchors[next].0 < x {
                previous = Some(anchors[next].1);
                next += 1;
            }
            low[x] = previous.map_or(0, |py| (py + 1).saturating_sub(MARGIN).min(len_b));
            high[x] = anchors
                .get(next)
                .map_or(len_b, |&(_, ny)| (ny + MARGIN).min(len_b));
        }
        low[0] = 0;
        high[len_a] = len_b;
        for x in 1..=len_a {
            low[x] = low[x].max(low[x - 1]);
        }
        for x in (0..len_a).rev() {
            high[x] = high[x].min(high[x + 1]);
        }
        for x in 0..=len_a {
            low[x] = low[x].min(high[x]);
        }
        let mut start = Vec::with_capacity(len_a + 1);
        let mut cells = 0usize;
        for x in 0..=len_a {
            start.push(cells);
            cells += high[x] - low[x] + 1;
            if cells > MAX_CELLS {
                return None;
            }
        }
        Some(Self {
            low,
            high,
            start,
            cells,
        })
    }

    fn cell(&self, x: usize, y: usize) -> Option<usize> {
        (self.low.get(x)? <= &y && y <= self.high[x]).then(|| self.start[x] + y - self.low[x])
    }
}

/// A sentence's features with their weights, sorted by feature.
type Weighted = Vec<(u64, f64)>;

/// The beads of the best path: `(A sentences, B sentences, similarity)`, matched beads only.
fn best_path(
    band: &Band,
    (seq_a, seq_b): (&[usize], &[usize]),
    sets_a: &[Vec<u64>],
    sets_b: &[Vec<u64>],
    scorer: &Scorer,
    links: &HashSet<(usize, usize)>,
    min_similarity: f64,
) -> Vec<(Vec<usize>, Vec<usize>, f64)> {
    // Weights looked up once per sentence, not once per bead.
    let weighted = |sets: &[Vec<u64>], seq: &[usize]| -> Vec<Weighted> {
        seq.iter()
            .map(|&i| sets[i].iter().map(|&f| (f, scorer.weight(f))).collect())
            .collect()
    };
    let (weighted_a, weighted_b) = (weighted(sets_a, seq_a), weighted(sets_b, seq_b));
    let totals = |sets: &[Weighted]| -> Vec<f64> {
        sets.iter()
            .map(|set| set.iter().map(|(_, w)| w).sum())
            .collect()
    };
    let (totals_a, totals_b) = (totals(&weighted_a), totals(&weighted_b));
    let (mut buffer_a, mut buffer_b) = (Weighted::new(), Weighted::new());
    let mut gain = vec![f64::NEG_INFINITY; band.cells];
    // The bead that ends in each cell: (p, q, similarity).
    let mut back = vec![(0u8, 0u8, 0.0f64); band.cells];
    for x in 0..=seq_a.len() {
        for y in band.low[x]..=band.high[x] {
            let Some(here) = band.cell(x, y) else {
                continue;
            };
            if x == 0 && y == 0 {
                gain[here] = 0.0;
                continue;
            }
            let mut best = (f64::NEG_INFINITY, (0u8, 0u8, 0.0f64));
            let mut consider = |p: usize, q: usize, earned: f64, similarity: f64| {
                if p > x || q > y {
                    return;
                }
                let Some(from) = band.cell(x - p, y - q) else {
                    return;
                };
                let total = gain[from] + earned;
                if total > best.0 {
                    best = (total, (p as u8, q as u8, similarity));
                }
            };
            consider(1, 0, 0.0, 0.0);
            consider(0, 1, 0.0, 0.0);
            for p in 1..=MAX_SIDE.min(x) {
                for q in 1..=MAX_SIDE.min(y) {
                    // Rows hold consecutive sentences: no bead reaches across a moved one.
                    if p + q > MAX_BEAD
                        || band.cell(x - p, y - q).is_none()
                        || seq_a[x - 1] - seq_a[x - p] != p - 1
                        || seq_b[y - 1] - seq_b[y - q] != q - 1
                    {
                        continue;
                    }
                    // Every sentence of the bead is a candidate of one on the other side.
                    let (members_a, members_b) = (&seq_a[x - p..x], &seq_b[y - q..y]);
                    let linked = |i: usize, j: usize| links.contains(&(i, j));
                    if !members_a
                        .iter()
                        .all(|&i| members_b.iter().any(|&j| linked(i, j)))
                        || !members_b
                            .iter()
                            .all(|&j| members_a.iter().any(|&i| linked(i, j)))
                    {
                        continue;
                    }
                    let union_a = side_union(&mut buffer_a, &weighted_a[x - p..x]);
                    let union_b = side_union(&mut buffer_b, &weighted_b[y - q..y]);
                    // Each sentence earns the share of it that the other side holds.
                    let mut earned = 0.0;
                    let mut weakest = f64::INFINITY;
                    for (own, own_totals, other, range) in [
                        (&weighted_a, &totals_a, union_b, x - p..x),
                        (&weighted_b, &totals_b, union_a, y - q..y),
                    ] {
                        for k in range {
                            let held =
                                shared(&own[k], other) / own_totals[k].max(f64::MIN_POSITIVE);
                            weakest = weakest.min(held);
                            earned += held - HELD_THRESHOLD;
                        }
                    }
                    if weakest <= 0.0 {
                        continue;
                    }
                    let similarity = similarity_of(
                        shared(union_a, union_b),
                        union_a.iter().map(|(_, w)| w).sum(),
                        union_b.iter().map(|(_, w)| w).sum(),
                    );
                    if similarity < min_similarity {
                        continue;
                    }
                    earned -= SIZE_COST * (p + q - 2) as f64;
                    if p > 1 && q > 1 {
                        earned -= MANY_TO_MANY_COST;
                    }
                    if earned > 0.0 {
                        consider(p, q, earned, similarity);
                    }
                }
            }
            gain[here] = best.0;
            back[here] = best.1;
        }
    }
    let mut beads = Vec::new();
    let (mut x, mut y) = (seq_a.len(), seq_b.len());
    while x > 0 || y > 0 {
        let Some(here) = band.cell(x, y) else { break };
        let (p, q, similarity) = back[here];
        let (p, q) = (usize::from(p), usize::from(q));
        if p == 0 && q == 0 {
            break;
        }
        if p > 0 && q > 0 {
            beads.push((
                seq_a[x - p..x].to_vec(),
                seq_b[y - q..y].to_vec(),
                similarity,
            ));
        }
        x -= p;
        y -= q;
    }
    beads.reverse();
    beads
}

/// The union of sorted weighted sets: the set itself when there is one, else written into
/// `buffer`.
fn side_union<'s>(buffer: &'s mut Weighted, sets: &'s [Weighted]) -> &'s [(u64, f64)] {
    if let [one] = sets {
        return one;
    }
    buffer.clear();
    for set in sets {
        buffer.extend_from_slice(set);
    }
    buffer.sort_unstable_by_key(|&(f, _)| f);
    buffer.dedup_by_key(|&mut (f, _)| f);
    buffer
}

/// The weight two sorted weighted sets have in common.
fn shared(a: &[(u64, f64)], b: &[(u64, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some(&(x, weight)), Some(&(y, _))) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weight;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}
