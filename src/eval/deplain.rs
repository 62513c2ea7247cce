//! Sentence alignment on DEplain-web (rstodden/DEPlain): German documents and their
//! plain-language versions, with manual sentence alignments (1:1, 1:m, n:1, n:m).
//!
//! Each document pair is compared with `compare_texts`, one gold sentence per line; a row
//! with both sides becomes an alignment of the gold sentences it covers, their texts joined
//! by a space, and is right when the gold has exactly that pair, as DEplain's `evaluate.py`
//! counts. Development part: pairs with an odd `pair_id` under CC BY 4.0 or CC BY-SA 3.0;
//! the even ones are reserved.

use super::ratio;
use crate::compare::{CompareOptions, compare_texts};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::Path;

/// Which document pairs to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Odd `pair_id`, open licence: for development.
    Development,
    /// Even `pair_id`, open licence: kept for independent measurement.
    Reserved,
}

/// Licences of the pairs that may be used.
const OPEN: [&str; 2] = ["CC_BY_4", "CC_BY_SA_3"];

/// What the evaluation found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Document pairs compared.
    pub documents: usize,
    /// Gold alignments, and those found exactly.
    pub gold: usize,
    /// Alignments Lateral proposed.
    pub found: usize,
    /// Proposed alignments that are gold.
    pub right: usize,
    /// Gold 1:1, 1:m, n:1 and n:m alignments, and how many were found: `[(gold, found); 4]`.
    pub by_shape: [(usize, usize); 4],
}

impl Report {
    /// Precision, recall and F1.
    #[must_use]
    pub fn scores(&self) -> (f64, f64, f64) {
        let (p, r) = (ratio(self.right, self.found), ratio(self.right, self.gold));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f1)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, r, f1) = self.scores();
        writeln!(f, "document pairs: {}", self.documents)?;
        writeln!(
            f,
            "alignments: precision {p:.3} ({} of {} found), recall {r:.3} ({} of {} gold), F1 {f1:.3}",
            self.right, self.found, self.right, self.gold
        )?;
        for (name, (gold, found)) in ["1:1", "1:m", "n:1", "n:m"].iter().zip(self.by_shape) {
            let share = ratio(found, gold);
            writeln!(f, "  {name}: recall {share:.3} ({found} of {gold})")?;
        }
        Ok(())
    }
}

fn read_csv(path: &Path) -> Result<Vec<HashMap<String, String>>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    reader
        .records()
        .map(|record| {
            let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect())
        })
        .collect()
}

fn wanted(row: &HashMap<String, String>, part: Part) -> bool {
    let field = |name: &str| row.get(name).map_or("", String::as_str);
    let Ok(id) = field("pair_id").trim().parse::<u64>() else {
        return false;
    };
    OPEN.contains(&field("license").trim()) && (id % 2 == 1) == (part == Part::Development)
}

/// Evaluates the pairs of `part` in a clone of DEPlain at `dir`.
pub fn evaluate(dir: &Path, part: Part) -> Result<Report, String> {
    let docs = read_csv(
        &dir.join("B__Document-level_Corpus/DEplain-web-doc/manual/open/sentence-split/test.csv"),
    )?;
    let alignments =
        read_csv(&dir.join("C__Alignment_Algorithms/DEplain_web_alignments_test.csv"))?;
    let field =
        |row: &HashMap<String, String>, name: &str| row.get(name).cloned().unwrap_or_default();
    let mut report = Report::default();
    let mut gold: HashMap<String, HashSet<(String, String)>> = HashMap::new();
    let mut shape_of: HashMap<(String, String), usize> = HashMap::new();
    for row in alignments.iter().filter(|row| wanted(row, part)) {
        let pair = (
            field(row, "original").trim().to_owned(),
            field(row, "simplification").trim().to_owned(),
        );
        let many = |name: &str| field(row, name).contains('|');
        let shape = match (many("original_id"), many("simplification_id")) {
            (false, false) => 0,
            (false, true) => 1,
            (true, false) => 2,
            (true, true) => 3,
        };
        if gold
            .entry(field(row, "pair_id"))
            .or_default()
            .insert(pair.clone())
        {
            report.gold += 1;
            report.by_shape[shape].0 += 1;
            shape_of.insert(pair, shape);
        }
    }
    let options = CompareOptions {
        timeout: None,
        ..CompareOptions::default()
    };
    for doc in docs.iter().filter(|row| wanted(row, part)) {
        let Some(gold) = gold.get(&field(doc, "pair_id")) else {
            continue;
        };
        report.documents += 1;
        let sentences = |text: &str| -> Vec<String> {
            text.split("|||")
                .map(|s| s.trim().trim_end_matches('|').trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let (complex, simple) = (
            sentences(&field(doc, "original")),
            sentences(&field(doc, "simplification")),
        );
        let found = align(&complex, &simple, &options);
        if let Some(shape) = std::env::var("LATERAL_EVAL_SHAPE")
            .ok()
            .and_then(|s| s.parse::<usize>().ok())
        {
            for (a, b) in gold.iter().filter(|p| shape_of.get(*p) == Some(&shape)) {
                if !found.iter().any(|(x, y)| x == a && y == b) {
                    let ours: Vec<&(String, String)> = found
                        .iter()
                        .filter(|(x, y)| {
                            a.contains(x.as_str())
                                || x.contains(a.as_str())
                                || b.contains(y.as_str())
                                || y.contains(b.as_str())
                        })
                        .collect();
                    eprintln!("missed:\n  A: {a}\n  B: {b}\n  ours: {ours:#?}");
                }
            }
        }
        for (a, b) in found {
            report.found += 1;
            if gold.contains(&(a.clone(), b.clone())) {
                report.right += 1;
                if let Some(&shape) = shape_of.get(&(a, b)) {
                    report.by_shape[shape].1 += 1;
                }
            }
        }
    }
    Ok(report)
}

/// The alignments Lateral finds between two lists of sentences: for each row with both
/// sides, the sentences it covers on each side, joined by a space.
fn align(complex: &[String], simple: &[String], options: &CompareOptions) -> Vec<(String, String)> {
    let (a, a_starts) = lines(complex);
    let (b, b_starts) = lines(simple);
    let comparison = compare_texts(&a, &[], &b, &[], options);
    let covered = |starts: &[usize], refs: &[crate::compare::SentenceRef]| -> BTreeSet<usize> {
        refs.iter()
            .map(|r| starts.partition_point(|&start| start <= r.span.start) - 1)
            .collect()
    };
    let joined = |list: &[String], indices: &BTreeSet<usize>| -> String {
        indices
            .iter()
            .map(|&i| list[i].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    comparison
        .rows
        .iter()
        .filter(|row| !row.a.is_empty() && !row.b.is_empty())
        .map(|row| {
            (
                joined(complex, &covered(&a_starts, &row.a)),
                joined(simple, &covered(&b_starts, &row.b)),
            )
        })
        .collect()
}

/// The sentences one per line, and where each line starts.
fn lines(sentences: &[String]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        starts.push(text.len());
        text.push_str(sentence);
        text.push('\n');
    }
    (text, starts)
}
