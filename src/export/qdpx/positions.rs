//! Choosing how a source's positions are read: by the file's `origin` and by the data (the
//! reading under which more selections cover the text they are named after, then more start
//! and end on word edges), and reporting how many passages land on word edges.

use super::normalise::{LineEnds, Normalised, PositionUnit, Reading};
use super::parse::QdeSource;

/// Below this share of passages on word edges an import warns that positions may be off.
const MIN_WORD_EDGE_SHARE: f64 = 0.8;

/// Fewer selections than this say too little about word edges to warn.
const MIN_SELECTIONS_TO_WARN: usize = 5;

/// How one source's positions were read, and how well its passages fit the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceReading {
    /// The source's name in the REFI-QDA project.
    pub source_name: String,
    /// The unit and line-end convention the positions were read in.
    pub reading: Reading,
    /// Selections with positions that fit the text.
    pub num_placed: usize,
    /// Of those, the ones that start and end on word edges.
    pub num_on_word_edges: usize,
    /// Selections in the source.
    pub num_selections: usize,
}

impl SourceReading {
    /// One line for the import report.
    #[must_use]
    pub fn describe(&self) -> String {
        format!(
            "\"{}\": positions read as {}; {} of {} passages start and end on word edges",
            self.source_name,
            self.reading.describe(),
            self.num_on_word_edges,
            self.num_selections
        )
    }

    /// A warning when too few passages start and end on word edges.
    #[must_use]
    pub fn warning(&self) -> Option<String> {
        let share = self.num_on_word_edges as f64 / self.num_selections.max(1) as f64;
        (self.num_selections >= MIN_SELECTIONS_TO_WARN && share < MIN_WORD_EDGE_SHARE).then(|| {
            format!(
                "\"{}\": only {} of {} passages start and end on word edges (positions read as {}); they may not be where the coder put them",
                self.source_name,
                self.num_on_word_edges,
                self.num_selections,
                self.reading.describe()
            )
        })
    }
}

/// The readings to try, the one the writing tool is known to use first.
fn preferred_readings(origin: &str) -> Vec<Reading> {
    let origin = origin.to_uppercase();
    let first = if origin.contains("NVIVO") {
        Reading::new(PositionUnit::Utf16, LineEnds::AsStored)
    } else if origin.contains("ATLAS") {
        Reading::new(PositionUnit::CodePoints, LineEnds::Once)
    } else {
        Reading::new(PositionUnit::CodePoints, LineEnds::AsStored)
    };
    let mut readings = vec![first];
    readings.extend(Reading::ALL.iter().copied().filter(|r| *r != first));
    readings
}

/// Chooses the reading of `source`'s positions and returns it with its offsets.
pub(super) fn choose_reading(
    origin: &str,
    source: &QdeSource,
    normalised: &Normalised,
) -> (SourceReading, Vec<usize>) {
    let mut best: Option<((usize, usize), SourceReading, Vec<usize>)> = None;
    for reading in normalised.distinct_readings(&preferred_readings(origin)) {
        let offsets = normalised.offsets(reading);
        let (mut num_named, mut num_placed, mut num_on_word_edges) = (0, 0, 0);
        for selection in &source.selections {
            let Some(span) = Normalised::span(&offsets, selection.start, selection.end) else {
                continue;
            };
            num_placed += 1;
            num_on_word_edges += usize::from(normalised.on_word_edges(span));
            let name = selection.name.trim();
            let quote = span.slice(&normalised.text).unwrap_or("");
            num_named +=
                usize::from(name.chars().count() > 3 && quote.trim_start().starts_with(name));
        }
        let score = (num_named, num_on_word_edges);
        if best
            .as_ref()
            .is_none_or(|(best_score, ..)| score > *best_score)
        {
            let chosen = SourceReading {
                source_name: source.name.clone(),
                reading,
                num_placed,
                num_on_word_edges,
                num_selections: source.selections.len(),
            };
            best = Some((score, chosen, offsets));
        }
    }
    if let Some((_, chosen, offsets)) = best {
        return (chosen, offsets);
    }
    let reading = Reading::new(PositionUnit::CodePoints, LineEnds::AsStored);
    let chosen = SourceReading {
        source_name: source.name.clone(),
        reading,
        num_placed: 0,
        num_on_word_edges: 0,
        num_selections: source.selections.len(),
    };
    (chosen, normalised.offsets(reading))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::qdpx::parse::QdeSelection;

    fn source_with(positions: &[(usize, usize)]) -> QdeSource {
        QdeSource {
            name: "s".into(),
            selections: positions
                .iter()
                .map(|&(start, end)| QdeSelection {
                    start: Some(start),
                    end: Some(end),
                    ..QdeSelection::default()
                })
                .collect(),
            ..QdeSource::default()
        }
    }

    #[test]
    fn word_edges_decide_the_unit() {
        let normalised = Normalised::new("😀😀 eins zwei 😀 drei");
        // "zwei" and "drei" in UTF-16 units: 10..14 and 18..22 (code points 8..12, 15..19).
        let (utf16, _) = choose_reading("MAXQDA", &source_with(&[(10, 14), (18, 22)]), &normalised);
        assert_eq!(utf16.reading.unit, PositionUnit::Utf16);
        assert_eq!(utf16.num_on_word_edges, 2);
        let (points, offsets) =
            choose_reading("NVivo 14", &source_with(&[(8, 12), (15, 19)]), &normalised);
        assert_eq!(
            points.reading.unit,
            PositionUnit::CodePoints,
            "the data wins"
        );
        let span = Normalised::span(&offsets, Some(15), Some(19)).unwrap();
        assert_eq!(span.slice(&normalised.text), Some("drei"));
        assert_eq!(points.warning(), None);
    }
}
