//! Tallies behind the scores: matches, misses and extras per tag, the confusion matrix, word
//! labels for Cohen's kappa and boundary drift.

use super::matching::{Pairing, Placed};
use super::prepare::{LabelIds, PreparedArticle, TagTable};
use super::results::{BoundaryDrift, Confusion, TagScore};

pub(crate) fn count_pairs(
    key: &[Placed],
    student: &[Placed],
    pairing: &Pairing,
    counts: &mut [[usize; 3]],
    matrix: &mut [Vec<usize>],
) {
    let none = counts.len();
    for &(k, s) in &pairing.pairs {
        let (Some(k), Some(s)) = (key.get(k), student.get(s)) else {
            continue;
        };
        bump(matrix, k.tag, s.tag);
        if k.tag == s.tag {
            add(counts, k.tag, 0);
        } else {
            add(counts, k.tag, 1);
            add(counts, s.tag, 2);
        }
    }
    for k in pairing.unpaired_key.iter().filter_map(|&k| key.get(k)) {
        bump(matrix, k.tag, none);
        add(counts, k.tag, 1);
    }
    for s in pairing
        .unpaired_student
        .iter()
        .filter_map(|&s| student.get(s))
    {
        bump(matrix, none, s.tag);
        add(counts, s.tag, 2);
    }
}

/// The indices of the set bits of `mask`, lowest first.
fn bits(mask: u64) -> impl Iterator<Item = usize> {
    let mut rest = mask;
    std::iter::from_fn(move || {
        (rest != 0).then(|| {
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            bit
        })
    })
}

pub(crate) fn count_words(
    key: &[u64],
    student: &[u64],
    counts: &mut [[usize; 3]],
    matrix: &mut [Vec<usize>],
) {
    let none = counts.len();
    for (&k, &s) in key.iter().zip(student) {
        if k | s == 0 {
            continue;
        }
        for tag in bits(k & s) {
            add(counts, tag, 0);
            bump(matrix, tag, tag);
        }
        for tag in bits(k & !s) {
            add(counts, tag, 1);
        }
        for tag in bits(s & !k) {
            add(counts, tag, 2);
        }
        let (only_key, only_student) = (k & !s, s & !k);
        match (only_key == 0, only_student == 0) {
            (true, true) => {}
            (false, true) => bits(only_key).for_each(|t| bump(matrix, t, none)),
            (true, false) => bits(only_student).for_each(|t| bump(matrix, none, t)),
            (false, false) => {
                for kt in bits(only_key) {
                    bits(only_student).for_each(|st| bump(matrix, kt, st));
                }
            }
        }
    }
}

fn bump(matrix: &mut [Vec<usize>], k: usize, s: usize) {
    if let Some(cell) = matrix.get_mut(k).and_then(|row| row.get_mut(s)) {
        *cell += 1;
    }
}

fn add(counts: &mut [[usize; 3]], tag: usize, which: usize) {
    if let Some(cell) = counts.get_mut(tag).and_then(|c| c.get_mut(which)) {
        *cell += 1;
    }
}

/// Precision, recall and F1 from counts.
///
/// ```
/// # use lateral::agreement::tag_score;
/// let score = tag_score("claim", 3, 1, 1);
/// assert_eq!(score.precision, Some(0.75));
/// assert_eq!(score.recall, Some(0.75));
/// assert_eq!(score.f1, Some(0.75));
/// ```
#[must_use]
pub fn tag_score(tag: &str, matches: usize, misses: usize, extras: usize) -> TagScore {
    let ratio = |a: usize, b: usize| (a + b > 0).then(|| a as f64 / (a + b) as f64);
    let precision = ratio(matches, extras);
    let recall = ratio(matches, misses);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    TagScore {
        tag: tag.to_owned(),
        matches,
        misses,
        extras,
        precision,
        recall,
        f1,
    }
}

pub(crate) fn confusions(matrix: &[Vec<usize>], tags: &TagTable) -> Vec<Confusion> {
    let mut list = Vec::new();
    for (k, row) in matrix.iter().enumerate().take(tags.len()) {
        for (s, &count) in row.iter().enumerate().take(tags.len()) {
            if k != s && count > 0 {
                list.push(Confusion {
                    key_tag: tags.name(k).to_owned(),
                    student_tag: tags.name(s).to_owned(),
                    count,
                });
            }
        }
    }
    list.sort_by_key(|confusion| std::cmp::Reverse(confusion.count));
    list
}

/// Key and student word labels as a contingency table, for Cohen's kappa.
#[derive(Default)]
pub(crate) struct WordLabels {
    ids: LabelIds,
    pub counts: Vec<Vec<usize>>,
}

impl WordLabels {
    pub(crate) fn add(&mut self, key: &[u64], student: &[u64]) {
        let mut last = (u64::MAX, u64::MAX, 0, 0);
        for (&k, &s) in key.iter().zip(student) {
            // Neighbouring words mostly carry the same labels: skip the id lookups then.
            let (k_id, s_id) = if (k, s) == (last.0, last.1) {
                (last.2, last.3)
            } else {
                let ids = (self.ids.id(k), self.ids.id(s));
                last = (k, s, ids.0, ids.1);
                self.grow();
                ids
            };
            if let Some(cell) = self.counts.get_mut(k_id).and_then(|row| row.get_mut(s_id)) {
                *cell += 1;
            }
        }
    }

    fn grow(&mut self) {
        let size = self.ids.len();
        if self.counts.len() < size {
            self.counts.resize_with(size, Vec::new);
            for row in &mut self.counts {
                row.resize(size, 0);
            }
        }
    }
}

#[derive(Default)]
pub(crate) struct DriftSum {
    num: usize,
    start: i64,
    end: i64,
    abs_start: u64,
    abs_end: u64,
}

impl DriftSum {
    pub(crate) fn add(&mut self, article: &PreparedArticle<'_>, key: &Placed, answer: &Placed) {
        let at = |byte| i64::from(article.index.char_at(byte));
        let start = at(key.span.start) - at(answer.span.start);
        let end = at(answer.span.end) - at(key.span.end);
        self.num += 1;
        self.start += start;
        self.end += end;
        self.abs_start += start.unsigned_abs();
        self.abs_end += end.unsigned_abs();
    }

    pub(crate) fn finish(&self) -> BoundaryDrift {
        let mean = |sum: f64| {
            if self.num == 0 {
                0.0
            } else {
                sum / self.num as f64
            }
        };
        BoundaryDrift {
            num_pairs: self.num,
            mean_start_chars: mean(self.start as f64),
            mean_end_chars: mean(self.end as f64),
            mean_abs_start_chars: mean(self.abs_start as f64),
            mean_abs_end_chars: mean(self.abs_end as f64),
        }
    }
}
