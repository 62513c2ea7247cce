//! Chance-corrected agreement coefficients: Cohen's kappa, Fleiss' kappa and Krippendorff's
//! unitizing alpha (as `DKPro` Agreement computes it).

use std::collections::HashMap;
use std::hash::Hash;

/// Cohen's kappa of two coders who each gave one label per item (`pairs[i]` = both labels).
///
/// Returns `None` without items or when chance agreement is total (both always chose one label).
///
/// ```
/// use lateral::agreement::cohen_kappa;
/// // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 (Wikipedia, "Cohen's kappa").
/// let mut pairs = vec![("y", "y"); 20];
/// pairs.extend(vec![("y", "n"); 5]);
/// pairs.extend(vec![("n", "y"); 10]);
/// pairs.extend(vec![("n", "n"); 15]);
/// let kappa = cohen_kappa(&pairs).unwrap();
/// assert!((kappa - 0.4).abs() < 1e-9);
/// ```
#[must_use]
pub fn cohen_kappa<L: Eq + Hash>(pairs: &[(L, L)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let num_items = pairs.len() as f64;
    let mut first: HashMap<&L, f64> = HashMap::new();
    let mut second: HashMap<&L, f64> = HashMap::new();
    let mut agreeing = 0.0;
    for (a, b) in pairs {
        *first.entry(a).or_default() += 1.0;
        *second.entry(b).or_default() += 1.0;
        if a == b {
            agreeing += 1.0;
        }
    }
    let observed = agreeing / num_items;
    let expected: f64 = first
        .iter()
        .map(|(label, n)| n * second.get(label).copied().unwrap_or(0.0))
        .sum::<f64>()
        / (num_items * num_items);
    chance_corrected(observed, expected)
}

/// Cohen's kappa from a square contingency table: `counts[a][b]` items got label `a` from the
/// first coder and `b` from the second.
///
/// ```
/// use lateral::agreement::cohen_kappa_from_counts;
/// let kappa = cohen_kappa_from_counts(&[vec![20, 5], vec![10, 15]]).unwrap();
/// assert!((kappa - 0.4).abs() < 1e-9);
/// ```
#[must_use]
pub fn cohen_kappa_from_counts(counts: &[Vec<usize>]) -> Option<f64> {
    let num_labels = counts
        .len()
        .max(counts.iter().map(Vec::len).max().unwrap_or(0));
    let mut first = vec![0.0; num_labels];
    let mut second = vec![0.0; num_labels];
    let mut agreeing = 0.0;
    let mut num_items = 0.0;
    for (a, row) in counts.iter().enumerate() {
        for (b, &count) in row.iter().enumerate() {
            let count = count as f64;
            num_items += count;
            if let Some(n) = first.get_mut(a) {
                *n += count;
            }
            if let Some(n) = second.get_mut(b) {
                *n += count;
            }
            if a == b {
                agreeing += count;
            }
        }
    }
    if num_items == 0.0 {
        return None;
    }
    let expected: f64 =
        first.iter().zip(&second).map(|(a, b)| a * b).sum::<f64>() / (num_items * num_items);
    chance_corrected(agreeing / num_items, expected)
}

/// Fleiss' kappa for any number of coders: `counts[item][category]` is how many coders put
/// the item in the category. Every item must have the same number of coders (at least two).
///
/// ```
/// use lateral::agreement::fleiss_kappa;
/// // Three items, two coders, two categories: agree, agree, disagree.
/// let kappa = fleiss_kappa(&[vec![2, 0], vec![0, 2], vec![1, 1]]).unwrap();
/// assert!((kappa - 0.333_333).abs() < 1e-5);
/// ```
#[must_use]
pub fn fleiss_kappa<R: AsRef<[usize]>>(counts: &[R]) -> Option<f64> {
    let num_coders = counts.first()?.as_ref().iter().sum::<usize>();
    if num_coders < 2
        || counts
            .iter()
            .any(|row| row.as_ref().iter().sum::<usize>() != num_coders)
    {
        return None;
    }
    let num_categories = counts
        .iter()
        .map(|row| row.as_ref().len())
        .max()
        .unwrap_or(0);
    let n = num_coders as f64;
    let mut category_totals = vec![0.0; num_categories];
    let mut sum_item_agreement = 0.0;
    for row in counts {
        let mut pairs_agreeing = 0.0;
        for (total, &count) in category_totals.iter_mut().zip(row.as_ref()) {
            let count = count as f64;
            *total += count;
            pairs_agreeing += count * (count - 1.0);
        }
        sum_item_agreement += pairs_agreeing / (n * (n - 1.0));
    }
    let num_items = counts.len() as f64;
    let observed = sum_item_agreement / num_items;
    let expected: f64 = category_totals
        .iter()
        .map(|total| (total / (num_items * n)).powi(2))
        .sum();
    chance_corrected(observed, expected)
}

fn chance_corrected(observed: f64, expected: f64) -> Option<f64> {
    if (1.0 - expected).abs() < f64::EPSILON {
        return None;
    }
    Some((observed - expected) / (1.0 - expected))
}

/// One unit of a unitizing study: `[start, start + length)` on the continuum, by one coder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitizedSpan {
    /// Index of the coder.
    pub coder: usize,
    /// First position.
    pub start: u64,
    /// Number of positions.
    pub length: u64,
}

/// Krippendorff's unitizing alpha for one category, as `DKPro` Agreement's
/// `KrippendorffAlphaUnitizingAgreement` defines it (Krippendorff 1995; 2004, p. 251ff).
///
/// `units` are the category's units by `num_coders` coders on the continuum
/// `[begin, begin + length)`; a coder's units must not overlap one another. Returns
/// `(observed, expected)` disagreement; `None` without units.
#[must_use]
pub fn unitizing_disagreement(
    units: &[UnitizedSpan],
    num_coders: usize,
    begin: u64,
    length: u64,
) -> Option<(f64, f64)> {
    if units.is_empty() || num_coders < 2 || length == 0 {
        return None;
    }
    let mut by_coder: Vec<Vec<(u64, u64)>> = vec![Vec::new(); num_coders];
    for unit in units {
        if let Some(list) = by_coder.get_mut(unit.coder) {
            list.push((unit.start, unit.start + unit.length));
        }
    }
    for list in &mut by_coder {
        list.sort_unstable();
    }
    let end = begin + length;
    let observed = observed_disagreement(units, num_coders, length);
    let gaps: Vec<u64> = by_coder
        .iter()
        .flat_map(|list| gaps_of(list, begin, end))
        .collect();
    let expected = expected_disagreement(units, &gaps, num_coders, length);
    Some((observed, expected))
}

/// Alpha from observed and expected disagreement, `1 − D_O / D_E`; 0 when they are equal.
#[must_use]
pub fn alpha_from(observed: f64, expected: f64) -> Option<f64> {
    if !(observed.is_finite() && expected.is_finite()) {
        return None;
    }
    if (observed - expected).abs() <= f64::EPSILON * expected.abs().max(1.0) {
        return Some(0.0);
    }
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

fn gaps_of(units: &[(u64, u64)], begin: u64, end: u64) -> Vec<u64> {
    let mut gaps = Vec::new();
    let mut position = begin;
    for &(start, stop) in units {
        if start > position {
            gaps.push(start - position);
        }
        position = position.max(stop);
    }
    if end > position {
        gaps.push(end - position);
    }
    gaps
}

/// The squared distance of two sections (unit or gap) that lie side by side, as in `DKPro`.
fn section_distance(first: (u64, u64), second: (u64, u64)) -> f64 {
    let begin_diff = first.0 as f64 - second.0 as f64;
    let end_diff = first.1 as f64 - second.1 as f64;
    begin_diff * begin_diff + end_diff * end_diff
}

/// Observed disagreement, summed over all pairs of coders in one sweep: every pair of
/// intersecting units of two coders adds its squared distance, and every unit adds its squared
/// length once for each other coder in whose gap it lies wholly (no unit of theirs meets it).
fn observed_disagreement(units: &[UnitizedSpan], num_coders: usize, length: u64) -> f64 {
    let mut order: Vec<&UnitizedSpan> = units.iter().filter(|u| u.coder < num_coders).collect();
    order.sort_unstable_by_key(|u| (u.start, u.coder));
    // met[i * words..]: bit set of the coders with a unit that meets unit i.
    let words = num_coders.div_ceil(64);
    let mut met = vec![0u64; order.len() * words];
    let mark = |met: &mut [u64], unit: usize, coder: usize| {
        if let Some(word) = met.get_mut(unit * words + coder / 64) {
            *word |= 1 << (coder % 64);
        }
    };
    let mut total = 0.0;
    let mut active: Vec<usize> = Vec::new();
    for (i, unit) in order.iter().enumerate() {
        let (start, end) = (unit.start, unit.start + unit.length);
        active.retain(|&j| {
            order
                .get(j)
                .is_some_and(|other| other.start + other.length > start)
        });
        for &j in &active {
            let Some(other) = order.get(j) else { continue };
            let other_end = other.start + other.length;
            if other.coder != unit.coder && other.start < end && start < other_end {
                total += section_distance((start, end), (other.start, other_end));
                mark(&mut met, i, other.coder);
                mark(&mut met, j, unit.coder);
            }
        }
        active.push(i);
    }
    for (i, unit) in order.iter().enumerate() {
        let num_met: u32 = met
            .get(i * words..(i + 1) * words)
            .map_or(0, |bits| bits.iter().map(|b| b.count_ones()).sum());
        let others_missing = (num_coders - 1).saturating_sub(num_met as usize) as f64;
        let length = unit.length as f64;
        total += others_missing * length * length;
    }
    let length = length as f64;
    2.0 * total / ((num_coders * (num_coders - 1)) as f64 * length * length)
}

fn expected_disagreement(
    units: &[UnitizedSpan],
    gaps: &[u64],
    num_coders: usize,
    length: u64,
) -> f64 {
    let mut sorted_gaps = gaps.to_vec();
    sorted_gaps.sort_unstable();
    // suffix_sums[i] = sum of sorted_gaps[i..]
    let mut suffix_sums = vec![0.0; sorted_gaps.len() + 1];
    for (i, gap) in sorted_gaps.iter().enumerate().rev() {
        let next = suffix_sums.get(i + 1).copied().unwrap_or(0.0);
        if let Some(slot) = suffix_sums.get_mut(i) {
            *slot = next + *gap as f64;
        }
    }
    let num_units = units.len() as f64;
    let mut total = 0.0;
    let mut squared_lengths = 0.0;
    for unit in units {
        let l = unit.length as f64;
        squared_lengths += l * (l - 1.0);
        total += (num_units - 1.0) * (2.0 * l * l * l - 3.0 * l * l + l) / 3.0;
        let first_fitting = sorted_gaps.partition_point(|&gap| gap < unit.length);
        let num_fitting = (sorted_gaps.len() - first_fitting) as f64;
        let sum_fitting = suffix_sums.get(first_fitting).copied().unwrap_or(0.0);
        total += l * l * (sum_fitting - num_fitting * (l - 1.0));
    }
    let length = length as f64;
    let coder_length = num_coders as f64 * length;
    total * (2.0 / length) / (coder_length * (coder_length - 1.0) - squared_lengths)
}

#[cfg(test)]
#[path = "coefficients_tests.rs"]
mod tests;
