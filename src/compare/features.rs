//! Sentence features for alignment (word stems and number values), their IDF weights and
//! the similarity of two feature sets.

use super::document::Document;
use crate::text::{Span, TokenKind, find_numbers};
use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Added to the weight of the lighter side in containment, so that a headline of two common
/// words is not "contained" everywhere.
const SHORT_SENTENCE_DAMPING: f64 = 3.0;
/// Capitalised words at least this long are anchors.
const MIN_ANCHOR_CHARS: usize = 4;
/// Weight factor of numbers: a shared number is strong evidence of a shared fact.
pub(super) const NUMBER_WEIGHT: f64 = 2.0;

pub(super) struct Features {
    /// Per sentence: sorted feature hashes.
    pub(super) sets: Vec<Vec<u64>>,
    /// The features that are numbers.
    pub(super) numbers: std::collections::HashSet<u64>,
    /// Per sentence: the features that can pair sentences below the threshold (numbers and
    /// capitalised words inside the sentence) with their text and how strong they are.
    pub(super) anchors: Vec<Vec<Anchor>>,
}

/// A number or capitalised word that can pair two sentences below the threshold.
pub(super) struct Anchor {
    pub(super) feature: u64,
    /// Where the sentence writes it.
    pub(super) span: Span,
    /// 2 for a number that is no year, 1 for a year or a capitalised word.
    pub(super) strength: u8,
}

pub(super) fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

pub(super) fn features(doc: &Document) -> Features {
    let tokens = doc.tokens();
    let mut number_features = std::collections::HashSet::new();
    let mut anchors = Vec::with_capacity(doc.sentences().len());
    let sets = doc
        .sentences()
        .iter()
        .map(|sentence| {
            let range = sentence.first_token..sentence.end_token;
            let numbers = find_numbers(
                doc.text(),
                tokens.get(range.clone()).unwrap_or(&[]),
                doc.style(),
            );
            // Words of a number ("Milliarden", "zwei") count through its value only.
            let in_number = |i: usize| {
                tokens.get(i).is_some_and(|t| {
                    numbers
                        .iter()
                        .any(|n| n.span.start <= t.span.start && t.span.end <= n.span.end)
                })
            };
            let mut set: Vec<u64> = range
                .filter(|&i| {
                    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && !in_number(i)
                })
                .map(|i| doc.lower(i))
                .filter(|word| word.chars().count() >= 2)
                .flat_map(word_features)
                .collect();
            let mut sentence_anchors: Vec<Anchor> = (sentence.first_token + 1..sentence.end_token)
                .filter(|&i| {
                    tokens.get(i).is_some_and(|t| {
                        t.kind == TokenKind::Word && t.capitalised && !in_number(i)
                    })
                })
                .map(|i| (i, doc.lower(i)))
                .filter(|(_, word)| word.chars().count() >= MIN_ANCHOR_CHARS)
                .filter_map(|(i, word)| {
                    Some(Anchor {
                        feature: stem_feature(word),
                        span: tokens.get(i)?.span,
                        strength: 1,
                    })
                })
                .collect();
            for number in &numbers {
                let feature = number_feature(number.value);
                let year = number.value.fract() == 0.0 && (1900.0..=2100.0).contains(&number.value);
                sentence_anchors.push(Anchor {
                    feature,
                    span: number.span,
                    strength: if year { 1 } else { 2 },
                });
                number_features.insert(feature);
                set.push(feature);
            }
            if set.is_empty() {
                // Punctuation or one-letter words only: match the exact tokens.
                let sentence_tokens = sentence.first_token..sentence.end_token;
                set.push(hash_of(
                    sentence_tokens.map(|i| doc.lower(i)).collect::<Vec<_>>(),
                ));
            }
            set.sort_unstable();
            set.dedup();
            anchors.push(sentence_anchors);
            set
        })
        .collect();
    Features {
        sets,
        numbers: number_features,
        anchors,
    }
}

/// Ordinal stems and their values: "ein dritter Tag" meets "der 3. Tag".
const ORDINALS: &[(&str, f64)] = &[
    ("zweit", 2.0),
    ("dritt", 3.0),
    ("viert", 4.0),
    ("fünft", 5.0),
    ("sechst", 6.0),
    ("siebt", 7.0),
    ("neunt", 9.0),
    ("zehnt", 10.0),
];

/// The number feature of a value.
fn number_feature(value: f64) -> u64 {
    hash_of(("#", format!("{value:.6e}")))
}

/// A word's first feature: its first six letters.
fn stem_feature(word: &str) -> u64 {
    hash_of(word.chars().take(6).collect::<String>())
}

/// A word's features: its first six letters, the value of an ordinal, and for a long word its
/// last six letters too, so that German compounds with one head meet ("Waffenlieferungen",
/// "Munitionslieferungen"). Shorter words left out of this lowered DEplain-web's F1.
fn word_features(word: &str) -> Vec<u64> {
    let chars: Vec<char> = word.chars().collect();
    let mut found = vec![stem_feature(word)];
    let ordinal = ORDINALS.iter().find(|(stem, _)| {
        word.strip_prefix(stem)
            .is_some_and(|ending| ["e", "er", "en", "es", "em"].contains(&ending))
    });
    if let Some(&(_, value)) = ordinal {
        found.push(number_feature(value));
    }
    if chars.len() >= COMPOUND_CHARS {
        // Without its inflection: "nordkoreanischer" and "nordkoreanische" share a head.
        let stem = ["en", "er", "es", "em", "e", "s", "n"]
            .iter()
            .find_map(|ending| word.strip_suffix(ending))
            .unwrap_or(word);
        let stem: Vec<char> = stem.chars().collect();
        let head: String = stem[stem.len().saturating_sub(HEAD_CHARS)..]
            .iter()
            .collect();
        found.push(hash_of(("$", head)));
    }
    found
}

/// Words at least this long get their last letters as a feature too (7 and 9 gave lower
/// F1 on DEplain-web's development pairs than 12).
const COMPOUND_CHARS: usize = 12;
/// How many last letters: a compound's head ("…lebewesen" → "ewesen").
const HEAD_CHARS: usize = 6;

pub(super) struct Scorer {
    pub(super) weights: HashMap<u64, f64>,
}

impl Scorer {
    pub(super) fn weight(&self, feature: u64) -> f64 {
        self.weights.get(&feature).copied().unwrap_or(0.0)
    }

    pub(super) fn total(&self, set: &[u64]) -> f64 {
        set.iter().map(|&f| self.weight(f)).sum()
    }

    pub(super) fn shared(&self, a: &[u64], b: &[u64]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight(x);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The mean of weighted Dice and of the weighted containment of the lighter side in the
    /// heavier (damped for very short sentences), so that a short retelling of a long sentence
    /// still scores.
    pub(super) fn dice(&self, a: &[u64], b: &[u64]) -> f64 {
        similarity_of(self.shared(a, b), self.total(a), self.total(b))
    }
}

/// The similarity [`Scorer::dice`] gives two sets with these weights in common and in all.
pub(super) fn similarity_of(shared: f64, total_a: f64, total_b: f64) -> f64 {
    if total_a <= 0.0 || total_b <= 0.0 {
        return 0.0;
    }
    if shared >= total_a.max(total_b) * (1.0 - 1e-9) {
        return 1.0;
    }
    let dice = 2.0 * shared / (total_a + total_b);
    let contained = shared / (total_a.min(total_b) + SHORT_SENTENCE_DAMPING);
    f64::midpoint(dice, contained)
}

pub(super) fn union(sets: &[Vec<u64>], indices: &[usize]) -> Vec<u64> {
    let mut all: Vec<u64> = indices
        .iter()
        .filter_map(|&i| sets.get(i))
        .flatten()
        .copied()
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_meet_their_digits_and_compounds_their_heads() {
        assert!(word_features("dritter").contains(&number_feature(3.0)));
        assert!(word_features("viertes").contains(&number_feature(4.0)));
        // "Drittel" (a third) is no ordinal.
        assert!(!word_features("drittel").contains(&number_feature(3.0)));
        let head = |word: &str| word_features(word)[1..].to_vec();
        assert_eq!(head("waffenlieferungen"), head("munitionslieferungen"));
        assert_eq!(head("nordkoreanischer"), head("nordkoreanische"));
        assert!(head("lieferung").is_empty());
    }
}
