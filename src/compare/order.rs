//! The order of an alignment's rows: B's order, rows only in A after A's preceding sentence,
//! and which rows B tells out of A's order (moved).

use super::align::PlannedRow;

/// Adds the rows of unmatched sentences, puts all rows in B's order and marks moved rows.
pub(super) fn order_rows(
    mut rows: Vec<PlannedRow>,
    a_row: &[Option<usize>],
    b_row: &[Option<usize>],
) -> Vec<PlannedRow> {
    mark_moved(&mut rows);
    let first_b: Vec<usize> = rows
        .iter()
        .map(|row| row.b.first().copied().unwrap_or(0))
        .collect();
    let mut keyed: Vec<((usize, u8, usize), PlannedRow)> = rows
        .into_iter()
        .map(|row| ((row.b.first().copied().unwrap_or(0), 1, 0), row))
        .collect();
    for (j, owner) in b_row.iter().enumerate() {
        if owner.is_none() {
            keyed.push((
                (j, 1, 0),
                PlannedRow {
                    a: Vec::new(),
                    b: vec![j],
                    score: 0.0,
                    moved: false,
                    evidence: Vec::new(),
                },
            ));
        }
    }
    let mut previous_b: Option<usize> = None;
    for (i, owner) in a_row.iter().enumerate() {
        if let Some(row_index) = owner {
            previous_b = first_b.get(*row_index).copied();
        } else {
            let key = previous_b.map_or((0, 0, i), |b| (b, 2, i));
            keyed.push((
                key,
                PlannedRow {
                    a: vec![i],
                    b: Vec::new(),
                    score: 0.0,
                    moved: false,
                    evidence: Vec::new(),
                },
            ));
        }
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, row)| row).collect()
}

/// Marks rows that are not in the longest run of rows that keep A's order.
pub(super) fn mark_moved(rows: &mut [PlannedRow]) {
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&r| rows[r].b.first().copied().unwrap_or(0));
    let a_positions: Vec<usize> = order
        .iter()
        .map(|&r| rows[r].a.first().copied().unwrap_or(0))
        .collect();
    let keep = longest_increasing(&a_positions);
    for (position, &r) in order.iter().enumerate() {
        rows[r].moved = !keep.contains(&position);
    }
}

/// Positions of one longest strictly increasing subsequence (patience sorting).
fn longest_increasing(values: &[usize]) -> std::collections::HashSet<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (position, &value) in values.iter().enumerate() {
        let slot = tails.partition_point(|&t| values[t] < value);
        previous[position] = slot.checked_sub(1).map(|s| tails[s]);
        if slot == tails.len() {
            tails.push(position);
        } else {
            tails[slot] = position;
        }
    }
    let mut keep = std::collections::HashSet::new();
    let mut cursor = tails.last().copied();
    while let Some(position) = cursor {
        keep.insert(position);
        cursor = previous[position];
    }
    keep
}
