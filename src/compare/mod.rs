//! Comparing near-duplicate reports: which articles retell which ([`similarity`]), sentence
//! alignment ([`align`]), word diffs and a classification of every change (numbers, names,
//! hedges, claim strength, attributions, negations). Results are plain serde data
//! ([`Comparison`]); every public type is in `result.rs`.
//!
//! One comparison is a pipeline, one stage a file, in this order:
//! 1. segment: `document.rs` splits each text into sentences and tokens;
//! 2. candidates: `features.rs` turns sentences into weighted features (stems, compound
//!    heads, numbers and ordinals), `align.rs` finds each sentence's candidates through an
//!    inverted index and takes the best pairs greedily;
//! 3. align: `beads.rs` completes merges, splits and n:m units along the common order,
//!    `weak.rs` pairs what is left by shared figures and names, `order.rs` puts the rows in
//!    B's order and marks the moved ones;
//! 4. diff: `diff.rs` diffs each row's words;
//! 5. classify: `classify/` reads each row's two sides (`classify/side.rs`) and finds one
//!    change kind a file: `numbers.rs`, `names.rs`, `hedges.rs`, `attributions.rs`,
//!    `strength.rs` (on the scale of `strength.rs` one level up) and `negations.rs`.
//!
//! The word lists all stages share are `wordlists.rs`, built from `assets/wordlists/`.
//!
//! ```
//! use lateral::compare::{compare_texts, ChangeKind, CompareOptions};
//! let a = "Der Wert liegt bei bis zu 5,5 Milliarden US-Dollar, sagt Olena Guseinova.";
//! let b = "Der Wert könnte bei 5,5 Milliarden US-Dollar liegen, sagt Elena Guseinova.";
//! let comparison = compare_texts(a, &[], b, &[], &CompareOptions::default());
//! let kinds: Vec<&str> = comparison.changes().map(|c| c.kind.label()).collect();
//! assert!(kinds.contains(&"hedge changed"));
//! assert!(kinds.contains(&"name changed"));
//! ```

pub mod align;
mod beads;
mod classify;
mod diff;
mod document;
mod features;
mod order;
mod result;
pub mod similarity;
mod strength;
mod weak;
mod wordlists;

pub use diff::apply_diff;
pub use document::{Document, SHINGLE_WORDS};
pub use result::{
    AlignedRow, Change, ChangeKind, Comparison, Containment, DiffOp, DiffTag, RowKind, SentenceRef,
    Summary,
};
pub use strength::{Certainty, ClaimStrength, Finding, claim_strength, claim_strength_with};
pub use wordlists::{ListKind, PhraseList, WordListError, WordLists};

use crate::model::Article;
use crate::text::Span;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Settings of a comparison.
#[derive(Clone, Debug)]
pub struct CompareOptions {
    /// Time budget for the word diffs; when it runs out the remaining diffs are coarser
    /// (whole changed stretches instead of single words), never wrong.
    pub timeout: Option<Duration>,
    /// Sentences align when their similarity (0 to 1) reaches this.
    pub min_sentence_similarity: f64,
    /// Hedges, attribution cues and negations.
    pub word_lists: Arc<WordLists>,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            timeout: Some(Duration::from_secs(2)),
            min_sentence_similarity: 0.3,
            word_lists: Arc::new(WordLists::builtin()),
        }
    }
}

/// Compares two texts, leaving out the `excluded` spans of each (page furniture).
///
/// Rows come in B's order; every sentence of A and of B is in exactly one row.
#[must_use]
pub fn compare_texts(
    a: &str,
    a_excluded: &[Span],
    b: &str,
    b_excluded: &[Span],
    options: &CompareOptions,
) -> Comparison {
    let deadline = options.timeout.map(|timeout| Instant::now() + timeout);
    let doc_a = Document::new(a, a_excluded);
    let doc_b = Document::new(b, b_excluded);
    compare_documents(&doc_a, &doc_b, options, deadline)
}

/// Compares two articles, leaving out their active page furniture.
///
/// ```
/// use lateral::compare::{compare_articles, CompareOptions, RowKind};
/// use lateral::io::import::article_from_paste;
/// use lateral::model::ArticleId;
/// let a = article_from_paste(ArticleId(1), "Eins ist hier. Zwei ist dort.", None).unwrap();
/// let b = article_from_paste(ArticleId(2), "Zwei ist dort. Eins ist hier.", None).unwrap();
/// let comparison = compare_articles(&a, &b, &CompareOptions::default());
/// assert!(comparison.rows.iter().all(|row| row.kind == RowKind::Same));
/// assert_eq!(comparison.summary.moved, 1);
/// ```
#[must_use]
pub fn compare_articles(a: &Article, b: &Article, options: &CompareOptions) -> Comparison {
    let furniture = |article: &Article| {
        article
            .active_furniture()
            .map(|f| f.span)
            .collect::<Vec<_>>()
    };
    compare_texts(a.text(), &furniture(a), b.text(), &furniture(b), options)
}

/// Compares two prepared documents (for callers that compare one text with many).
#[must_use]
pub fn compare_documents(
    a: &Document,
    b: &Document,
    options: &CompareOptions,
    deadline: Option<Instant>,
) -> Comparison {
    let similarity = similarity::containment(&a.shingles(), &b.shingles());
    let plan = align::align(a, b, options.min_sentence_similarity);
    let mut timed_out = false;
    let rows: Vec<AlignedRow> = plan
        .into_iter()
        .map(|planned| {
            let (word_diff, row_timed_out) =
                diff::word_diff(a, b, &planned.a, &planned.b, deadline);
            timed_out |= row_timed_out;
            let kind = match (planned.a.is_empty(), planned.b.is_empty()) {
                (true, _) => RowKind::OnlyB,
                (_, true) => RowKind::OnlyA,
                _ if !planned.evidence.is_empty() => RowKind::Weak,
                _ if word_diff.iter().all(|op| op.tag == DiffTag::Equal) => RowKind::Same,
                _ => RowKind::Changed,
            };
            let changes = match kind {
                RowKind::Same => Vec::new(),
                _ => classify::classify(a, b, &planned.a, &planned.b, &options.word_lists),
            };
            let refs = |doc: &Document, indices: &[usize]| -> Vec<SentenceRef> {
                indices
                    .iter()
                    .map(|&index| SentenceRef {
                        index,
                        span: doc.sentence_span(index),
                    })
                    .collect()
            };
            AlignedRow {
                a: refs(a, &planned.a),
                b: refs(b, &planned.b),
                kind,
                moved: planned.moved,
                score: planned.score,
                word_diff,
                changes,
                evidence: planned.evidence,
            }
        })
        .collect();
    let summary = result::summarise(&rows);
    Comparison {
        similarity,
        rows,
        summary,
        timed_out,
    }
}
