//! Matching a student's passages to the key's: exact spans, overlapping spans (one to one by
//! greatest overlap) or word by word.

use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How a student's passages are matched to the key's; named in every output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    /// The same span.
    Exact,
    /// The spans share at least half of the shorter one's characters (whitespace and
    /// punctuation at the edges not counted); pairs are matched one to one by greatest overlap.
    #[default]
    Overlap,
    /// Word by word: each word carries the set of tags that cover it.
    Token,
}

impl MatchMode {
    /// The name used on the command line and in outputs.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            MatchMode::Exact => "exact",
            MatchMode::Overlap => "overlap",
            MatchMode::Token => "token",
        }
    }

    /// A sentence for reports.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            MatchMode::Exact => "a passage counts as found only with exactly the same span",
            MatchMode::Overlap => {
                "a passage counts as found when the spans share at least half of the shorter one's characters"
            }
            MatchMode::Token => "every word is scored by the tags that cover it",
        }
    }
}

impl fmt::Display for MatchMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for MatchMode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "exact" => Ok(MatchMode::Exact),
            "overlap" => Ok(MatchMode::Overlap),
            "token" => Ok(MatchMode::Token),
            other => Err(format!(
                "unknown match mode {other:?}: use exact, overlap or token"
            )),
        }
    }
}

/// Character positions of an article text, for counting characters of byte spans quickly.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    /// `chars_before[b]` = number of chars before byte `b` (for every byte offset).
    chars_before: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut chars_before = Vec::with_capacity(text.len() + 1);
        let mut count = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                chars_before.push(count);
            }
            count += 1;
        }
        chars_before.push(count);
        Self { text, chars_before }
    }

    /// Char offset of byte `byte` (clamped to the text).
    pub(crate) fn char_at(&self, byte: usize) -> u32 {
        let last = self.chars_before.last().copied().unwrap_or(0);
        self.chars_before.get(byte).copied().unwrap_or(last)
    }

    /// Length of the text in bytes.
    pub(crate) fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Total number of chars.
    pub(crate) fn num_chars(&self) -> u32 {
        self.chars_before.last().copied().unwrap_or(0)
    }

    /// `span` as chars, without whitespace and punctuation at its edges.
    pub(crate) fn trimmed_chars(&self, span: Span) -> (u32, u32) {
        let Some(slice) = self.text.get(span.range()) else {
            return (0, 0);
        };
        let is_edge = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || is_typographic(c);
        let trimmed = slice.trim_start_matches(is_edge);
        let start = span.start + (slice.len() - trimmed.len());
        let end = start + trimmed.trim_end_matches(is_edge).len();
        (self.char_at(start), self.char_at(end))
    }
}

fn is_typographic(c: char) -> bool {
    matches!(
        c,
        '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›' | '–' | '—' | '…'
    )
}

/// A passage placed for matching: trimmed char range and raw byte span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placed {
    pub span: Span,
    pub start: u32,
    pub end: u32,
    pub tag: usize,
    /// Index of the passage in the coder's list of units.
    pub unit: usize,
}

/// One-to-one pairs of key and student passages (indices into the slices given).
#[derive(Debug, Default)]
pub(crate) struct Pairing {
    pub pairs: Vec<(usize, usize)>,
    pub unpaired_key: Vec<usize>,
    pub unpaired_student: Vec<usize>,
}

/// Whether two trimmed passages overlap enough to be the same passage.
pub(crate) fn overlap_enough(a: &Placed, b: &Placed) -> Option<u32> {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let shorter = (a.end - a.start).min(b.end - b.start);
    (shared > 0 && 2 * shared >= shorter).then_some(shared)
}

/// Pairs key and student passages one to one (span-matching modes; `Token` pairs as `Overlap`).
pub(crate) fn pair(key: &[Placed], student: &[Placed], mode: MatchMode) -> Pairing {
    let mut order: Vec<usize> = (0..student.len()).collect();
    order.sort_by_key(|&i| {
        student
            .get(i)
            .map(|p| (p.start, p.end, p.span.start, p.span.end))
    });
    let sorted: Vec<&Placed> = order.iter().filter_map(|&i| student.get(i)).collect();
    // The greatest end among the first i+1 sorted passages: only passages from the first index
    // where it passes a key passage's start can overlap that key passage.
    let reach: Vec<u32> = sorted
        .iter()
        .scan(0, |max_end, p| {
            *max_end = (*max_end).max(p.end);
            Some(*max_end)
        })
        .collect();
    let mut candidates: Vec<(u32, bool, usize, usize)> = Vec::new();
    for (k, key_passage) in key.iter().enumerate() {
        let first = reach.partition_point(|&end| end <= key_passage.start);
        for (&s, student_passage) in order.iter().zip(&sorted).skip(first) {
            if student_passage.start >= key_passage.end {
                break;
            }
            let score = match mode {
                MatchMode::Exact => (student_passage.span == key_passage.span)
                    .then_some(key_passage.end - key_passage.start),
                MatchMode::Overlap | MatchMode::Token => {
                    overlap_enough(key_passage, student_passage)
                }
            };
            if let Some(shared) = score {
                candidates.push((shared, key_passage.tag == student_passage.tag, k, s));
            }
        }
    }
    candidates.sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut key_taken = vec![false; key.len()];
    let mut student_taken = vec![false; student.len()];
    let mut pairing = Pairing::default();
    for (_, _, k, s) in candidates {
        if take(&mut key_taken, k) {
            if take(&mut student_taken, s) {
                pairing.pairs.push((k, s));
            } else if let Some(slot) = key_taken.get_mut(k) {
                *slot = false;
            }
        }
    }
    pairing.pairs.sort_unstable();
    pairing.unpaired_key = unpaired(&key_taken);
    pairing.unpaired_student = unpaired(&student_taken);
    pairing
}

/// Marks slot `i` taken; false if it already was (or does not exist).
fn take(taken: &mut [bool], i: usize) -> bool {
    match taken.get_mut(i) {
        Some(slot) if !*slot => {
            *slot = true;
            true
        }
        _ => false,
    }
}

fn unpaired(taken: &[bool]) -> Vec<usize> {
    taken
        .iter()
        .enumerate()
        .filter(|(_, t)| !**t)
        .map(|(i, _)| i)
        .collect()
}

/// The words of a text as byte spans: runs of alphanumeric characters.
pub(crate) fn words(text: &str) -> Vec<Span> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(Span::new(s, text.len()));
    }
    words
}

/// For each word, the set of tag indices (bits) of the passages that cover it.
pub(crate) fn word_tags(words: &[Span], passages: &[Placed]) -> Vec<u64> {
    let mut masks = vec![0u64; words.len()];
    for passage in passages {
        let first = words.partition_point(|w| w.end <= passage.span.start);
        let bit = 1u64
            .checked_shl(u32::try_from(passage.tag).unwrap_or(u32::MAX))
            .unwrap_or(0);
        for (mask, word) in masks.iter_mut().zip(words).skip(first) {
            if word.start >= passage.span.end {
                break;
            }
            *mask |= bit;
        }
    }
    masks
}

#[cfg(test)]
#[path = "matching_tests.rs"]
mod tests;
