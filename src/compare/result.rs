//! The result of comparing two articles: plain serde data shared by the CLI, the GUI and
//! exports. Every position is a byte span into the original article text.

use crate::text::Span;
use serde::{Deserialize, Serialize};

/// How much of each text's wording reappears in the other (word 3-shingles).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Containment {
    /// Share of A's shingles found in B, 0 to 1.
    pub a_in_b: f64,
    /// Share of B's shingles found in A, 0 to 1.
    pub b_in_a: f64,
}

impl Containment {
    /// The larger of the two directions: how much of the shorter retelling is the other.
    #[must_use]
    pub fn max(self) -> f64 {
        self.a_in_b.max(self.b_in_a)
    }
}

/// A sentence of one of the two texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    /// Index among the text's sentences (furniture left out).
    pub index: usize,
    /// Where it is in the text.
    pub span: Span,
}

/// How the sentences of a row relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RowKind {
    /// Aligned, with the same words and punctuation.
    Same,
    /// Aligned, with changes.
    Changed,
    /// Only in A: no counterpart in B.
    OnlyA,
    /// Only in B: no counterpart in A.
    OnlyB,
    /// A weak counterpart: below the threshold for a pair, but sharing a number or a rare
    /// name (the row's `evidence`), so compared rather than left as "only in A / B".
    Weak,
}

/// What a word-diff operation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiffTag {
    /// The tokens are the same in A and B.
    Equal,
    /// Tokens of A that B does not have.
    Delete,
    /// Tokens of B that A does not have.
    Insert,
    /// Tokens of A replaced by tokens of B.
    Replace,
}

/// One operation of a row's word diff. Applying the operations of all rows in order to A's
/// tokens gives B's tokens: `Equal` keeps A's tokens, `Insert` and `Replace` put in B's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    /// What it does.
    pub tag: DiffTag,
    /// The tokens of A it covers (empty, at the place, for `Insert`).
    pub a_span: Span,
    /// The tokens of B it covers (empty, at the place, for `Delete`).
    pub b_span: Span,
    /// Number of A tokens.
    pub a_tokens: usize,
    /// Number of B tokens.
    pub b_tokens: usize,
}

/// What kind of drift a change is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// A number has another value: "1,7 Milliarden" became "2 Milliarden".
    NumberChanged {
        /// The value in A.
        from: f64,
        /// The value in B.
        to: f64,
    },
    /// B has a number that A does not.
    NumberAdded {
        /// The value.
        value: f64,
    },
    /// A has a number that B does not.
    NumberDropped {
        /// The value.
        value: f64,
    },
    /// A capitalised word is spelled a little differently: "Olena" became "Elena".
    NameChanged {
        /// As in A.
        from: String,
        /// As in B.
        to: String,
    },
    /// One hedge or quantifier replaced by another: "bis zu" became "könnten".
    HedgeChanged {
        /// As in A.
        from: String,
        /// As in B.
        to: String,
    },
    /// B hedges where A does not.
    HedgeAdded {
        /// The hedge.
        hedge: String,
    },
    /// A hedges where B does not.
    HedgeDropped {
        /// The hedge.
        hedge: String,
    },
    /// Who is said to say it changed, appeared or disappeared: "Ihrer Analyse zufolge" became
    /// "Die Autoren des Berichts argumentieren".
    AttributionChanged {
        /// The attribution in A, if any.
        from: Option<String>,
        /// The attribution in B, if any.
        to: Option<String>,
        /// Who A names as the source, where the attribution detector finds one ("Guseinova").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_speaker: Option<String>,
        /// Who B names ("der Bericht").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to_speaker: Option<String>,
    },
    /// B claims more than A: a correlation told as a cause, "plausibel" told as "ist
    /// überzeugt". The words are the cues that decided each side.
    ClaimStrengthened {
        /// A's strength, e.g. "correlation" or "possible".
        from: String,
        /// B's strength, e.g. "cause" or "certain".
        to: String,
    },
    /// B claims less than A: a cause told as a correlation, a certainty hedged.
    ClaimWeakened {
        /// A's strength.
        from: String,
        /// B's strength.
        to: String,
    },
    /// B negates where A does not.
    NegationAdded {
        /// The negation word.
        word: String,
    },
    /// A negates where B does not.
    NegationRemoved {
        /// The negation word.
        word: String,
    },
}

impl ChangeKind {
    /// A short label: "number changed", "hedge added", …
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            ChangeKind::NumberChanged { .. } => "number changed",
            ChangeKind::NumberAdded { .. } => "number added",
            ChangeKind::NumberDropped { .. } => "number dropped",
            ChangeKind::NameChanged { .. } => "name changed",
            ChangeKind::HedgeChanged { .. } => "hedge changed",
            ChangeKind::HedgeAdded { .. } => "hedge added",
            ChangeKind::HedgeDropped { .. } => "hedge dropped",
            ChangeKind::AttributionChanged { .. } => "attribution changed",
            ChangeKind::ClaimStrengthened { .. } => "claim strengthened",
            ChangeKind::ClaimWeakened { .. } => "claim weakened",
            ChangeKind::NegationAdded { .. } => "negation added",
            ChangeKind::NegationRemoved { .. } => "negation removed",
        }
    }
}

impl ChangeKind {
    /// The label with what a strength change went from and to: "claim strengthened
    /// (possible → certain)", and who is named as the source before and after: "attribution
    /// changed (Guseinova → der Bericht)"; other kinds give their label.
    #[must_use]
    pub fn heading(&self) -> String {
        match self {
            ChangeKind::AttributionChanged {
                from,
                to,
                from_speaker,
                to_speaker,
            } if from_speaker.is_some() || to_speaker.is_some() => {
                // "no one" only where the side cites nobody; a cue whose speaker the
                // detector did not find is "unnamed".
                let name = |cue: &Option<String>, speaker: &Option<String>| match (cue, speaker) {
                    (_, Some(speaker)) => speaker.clone(),
                    (Some(_), None) => "unnamed".to_owned(),
                    (None, None) => "no one".to_owned(),
                };
                let (from_name, to_name) = (name(from, from_speaker), name(to, to_speaker));
                // The same source cited with another verb ("sagt" → "ist überzeugt").
                if from_speaker.is_some() && from_name.to_lowercase() == to_name.to_lowercase() {
                    return format!("{} ({from_name} both times)", self.label());
                }
                format!("{} ({from_name} → {to_name})", self.label())
            }
            ChangeKind::ClaimStrengthened { from, to } | ChangeKind::ClaimWeakened { from, to } => {
                format!("{} ({from} → {to})", self.label())
            }
            _ => self.label().to_owned(),
        }
    }

    /// Whether the change compares the two sides as wholes (so that words on one side only
    /// are not "only in A": the other side simply has no cue).
    #[must_use]
    pub fn is_strength(&self) -> bool {
        matches!(
            self,
            ChangeKind::ClaimStrengthened { .. } | ChangeKind::ClaimWeakened { .. }
        )
    }
}

/// One classified change between aligned sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Where in A, if A has the changed words.
    pub a_span: Option<Span>,
    /// Where in B, if B has the changed words.
    pub b_span: Option<Span>,
    /// A's words ("" if none).
    pub a_text: String,
    /// B's words ("" if none).
    pub b_text: String,
}

/// Sentences of A aligned with sentences of B (one to one, two to one for a merge, one to two
/// for a split), or a sentence found on one side only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignedRow {
    /// A's sentences, consecutive (empty for `OnlyB`).
    pub a: Vec<SentenceRef>,
    /// B's sentences, consecutive (empty for `OnlyA`).
    pub b: Vec<SentenceRef>,
    /// How they relate.
    pub kind: RowKind,
    /// Whether B tells this in another order than A (the row is out of A's order).
    pub moved: bool,
    /// Similarity of the two sides, 0 to 1 (weighted shared words, numbers and names).
    pub score: f64,
    /// Word diff of A's sentences against B's.
    pub word_diff: Vec<DiffOp>,
    /// The classified changes.
    pub changes: Vec<Change>,
    /// For a `Weak` row: the numbers and names both sides share, as A writes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// Counts over all rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Rows with the same words.
    pub same: usize,
    /// Rows with changes.
    pub changed: usize,
    /// Sentences only in A.
    pub only_a: usize,
    /// Sentences only in B.
    pub only_b: usize,
    /// Aligned rows told in another order.
    pub moved: usize,
    /// Rows whose sides hold more than one sentence (merges and splits).
    pub merged_or_split: usize,
    /// Changes of all kinds.
    pub changes: usize,
    /// Numbers changed, added or dropped.
    pub numbers: usize,
    /// Names respelled.
    pub names: usize,
    /// Hedges changed, added or dropped.
    pub hedges: usize,
    /// Attributions changed.
    pub attributions: usize,
    /// Negations added or removed.
    pub negations: usize,
    /// Claims told stronger or weaker.
    #[serde(default)]
    pub strength: usize,
    /// Weak counterparts (rows paired by shared numbers or names only).
    #[serde(default)]
    pub weak: usize,
}

/// The full comparison of two texts, rows in B's order (rows only in A after the row that
/// holds A's preceding sentence).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Containment both ways.
    pub similarity: Containment,
    /// The aligned rows.
    pub rows: Vec<AlignedRow>,
    /// Counts.
    pub summary: Summary,
    /// Whether the deadline passed, so that some word diffs are coarser than they could be.
    pub timed_out: bool,
}

impl Comparison {
    /// Every change of every row, in row order.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.rows.iter().flat_map(|row| row.changes.iter())
    }
}

pub(crate) fn summarise(rows: &[AlignedRow]) -> Summary {
    let mut summary = Summary::default();
    for row in rows {
        match row.kind {
            RowKind::Same => summary.same += 1,
            RowKind::Changed => summary.changed += 1,
            RowKind::OnlyA => summary.only_a += 1,
            RowKind::OnlyB => summary.only_b += 1,
            RowKind::Weak => summary.weak += 1,
        }
        summary.moved += usize::from(row.moved);
        summary.merged_or_split += usize::from(row.a.len() > 1 || row.b.len() > 1);
        summary.changes += row.changes.len();
        for change in &row.changes {
            let count = match change.kind {
                ChangeKind::NumberChanged { .. }
                | ChangeKind::NumberAdded { .. }
                | ChangeKind::NumberDropped { .. } => &mut summary.numbers,
                ChangeKind::NameChanged { .. } => &mut summary.names,
                ChangeKind::HedgeChanged { .. }
                | ChangeKind::HedgeAdded { .. }
                | ChangeKind::HedgeDropped { .. } => &mut summary.hedges,
                ChangeKind::AttributionChanged { .. } => &mut summary.attributions,
                ChangeKind::ClaimStrengthened { .. } | ChangeKind::ClaimWeakened { .. } => {
                    &mut summary.strength
                }
                ChangeKind::NegationAdded { .. } | ChangeKind::NegationRemoved { .. } => {
                    &mut summary.negations
                }
            };
            *count += 1;
        }
    }
    summary
}
