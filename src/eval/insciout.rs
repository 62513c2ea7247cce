//! The comparison engine on InSciOut (copenlu/scientific-exaggeration-detection): pairs of a
//! paper's conclusion (A) and its press release's (B), each sentence annotated with its
//! claim strength (0 no relation, 1 correlation, 2 conditional cause, 3 direct cause) and the
//! pair with "same", "exaggerates" or "downplays".
//!
//! Measured: how many pairs the comparison puts on one row, the strength found per sentence
//! against the annotation, and the pair labels read off the comparison's changes
//! (`ClaimStrengthened` → exaggerates, `ClaimWeakened` → downplays, neither → same).

use crate::compare::{ChangeKind, CompareOptions, Finding, RowKind, claim_strength, compare_texts};
use std::fmt::{self, Write as _};
use std::path::Path;

/// The three pair labels, in report order.
pub const LABELS: [&str; 3] = ["same", "exaggerates", "downplays"];

/// One annotated pair.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Pair {
    /// The paper's conclusion.
    pub abstract_conclusion: String,
    /// Its annotated strength, 0 to 3.
    pub abstract_strength: u8,
    /// The press release's conclusion.
    pub press_release_conclusion: String,
    /// Its annotated strength, 0 to 3.
    pub press_release_strength: u8,
    /// "same", "exaggerates" or "downplays".
    pub exaggeration_label: String,
}

/// What the evaluation found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Pairs read.
    pub pairs: usize,
    /// Pairs with at least one row holding sentences of both texts.
    pub on_one_row: usize,
    /// Pairs whose every sentence is in such a row.
    pub fully_aligned: usize,
    /// Sentences whose strength level matched the annotation, of `2 * pairs`.
    pub strength_correct: usize,
    /// `confusion[gold][predicted]` over [`LABELS`].
    pub confusion: [[usize; 3]; 3],
}

impl Report {
    /// F1 of each label, in [`LABELS`] order.
    #[must_use]
    pub fn f1(&self) -> [f64; 3] {
        std::array::from_fn(|k| {
            let tp = self.confusion[k][k] as f64;
            let predicted: usize = (0..3).map(|g| self.confusion[g][k]).sum();
            let gold: usize = self.confusion[k].iter().sum();
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (predicted + gold) as f64
            }
        })
    }

    /// The mean of the three F1 scores.
    #[must_use]
    pub fn macro_f1(&self) -> f64 {
        self.f1().iter().sum::<f64>() / 3.0
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
        writeln!(f, "pairs: {}", self.pairs)?;
        writeln!(
            f,
            "on one row: {} ({:.1} %), every sentence aligned: {} ({:.1} %)",
            self.on_one_row,
            share(self.on_one_row, self.pairs),
            self.fully_aligned,
            share(self.fully_aligned, self.pairs)
        )?;
        writeln!(
            f,
            "sentence strength level correct: {} of {} ({:.1} %)",
            self.strength_correct,
            2 * self.pairs,
            share(self.strength_correct, 2 * self.pairs)
        )?;
        let f1 = self.f1();
        let mut per_label = String::new();
        for (label, score) in LABELS.iter().zip(f1) {
            let _ = write!(per_label, " {label} {score:.3}");
        }
        writeln!(
            f,
            "3-class macro-F1: {:.3} (F1{per_label})",
            self.macro_f1()
        )?;
        writeln!(
            f,
            "confusion (rows gold, columns found: same exaggerates downplays):"
        )?;
        for (label, row) in LABELS.iter().zip(self.confusion) {
            writeln!(f, "  {label:<12} {:>4} {:>4} {:>4}", row[0], row[1], row[2])?;
        }
        Ok(())
    }
}

/// Reads the pairs of an InSciOut `.jsonl` file.
pub fn read_pairs(path: &Path) -> Result<Vec<Pair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .map_err(|e| format!("{} line {}: {e}", path.display(), n + 1))
        })
        .collect()
}

fn level(finding: Finding) -> u8 {
    match finding {
        Finding::None => 0,
        Finding::Correlation => 1,
        Finding::ConditionalCause => 2,
        Finding::DirectCause => 3,
    }
}

/// Compares each pair (A = paper, B = press release) and scores what was found.
#[must_use]
pub fn evaluate(pairs: &[Pair]) -> Report {
    let options = CompareOptions::default();
    let mut report = Report {
        pairs: pairs.len(),
        ..Report::default()
    };
    for pair in pairs {
        let (a, b) = (&pair.abstract_conclusion, &pair.press_release_conclusion);
        let comparison = compare_texts(a, &[], b, &[], &options);
        let both = |kind: RowKind| matches!(kind, RowKind::Same | RowKind::Changed);
        report.on_one_row += usize::from(comparison.rows.iter().any(|r| both(r.kind)));
        report.fully_aligned += usize::from(comparison.rows.iter().all(|r| both(r.kind)));
        report.strength_correct +=
            usize::from(level(claim_strength(a).finding) == pair.abstract_strength);
        report.strength_correct +=
            usize::from(level(claim_strength(b).finding) == pair.press_release_strength);
        let found = comparison.changes().find_map(|change| match change.kind {
            ChangeKind::ClaimStrengthened { .. } => Some(1),
            ChangeKind::ClaimWeakened { .. } => Some(2),
            _ => None,
        });
        if let Some(gold) = LABELS.iter().position(|l| *l == pair.exaggeration_label) {
            report.confusion[gold][found.unwrap_or(0)] += 1;
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macro_f1_of_a_confusion_matrix() {
        let report = Report {
            confusion: [[2, 0, 0], [0, 1, 1], [0, 0, 1]],
            ..Report::default()
        };
        let f1 = report.f1();
        assert!((f1[0] - 1.0).abs() < 1e-9);
        assert!((f1[1] - 2.0 / 3.0).abs() < 1e-9);
        assert!((f1[2] - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn a_written_pair_is_scored() {
        let pair = Pair {
            abstract_conclusion: "Coffee intake was associated with a lower risk of MS.".into(),
            abstract_strength: 1,
            press_release_conclusion: "Drinking coffee protects against MS, a study finds.".into(),
            press_release_strength: 3,
            exaggeration_label: "exaggerates".into(),
        };
        let report = evaluate(&[pair]);
        assert_eq!(report.on_one_row, 1);
        assert_eq!(report.strength_correct, 2);
        assert_eq!(report.confusion[1][1], 1);
    }
}
