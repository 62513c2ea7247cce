//! Synthetic classes for tests and benchmarks: a generated key, and students made from it by
//! known random changes (passages dropped, tags swapped, boundaries shifted, extras added).

use super::{CodedArticle, Coding, Unit};
use crate::model::default_tags;
use crate::text::Span;

/// A small deterministic pseudo-random generator (`SplitMix64`), so that runs repeat exactly.
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from a seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 if `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const WORDS: [&str; 16] = [
    "handel",
    "studie",
    "waffen",
    "moskau",
    "regierung",
    "bericht",
    "milliarden",
    "export",
    "quelle",
    "angaben",
    "zufolge",
    "soldaten",
    "lieferung",
    "experten",
    "zahlen",
    "vertrag",
];

/// The changes that turn the key into a student, as probabilities per passage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Changes {
    /// Share of key passages left out.
    pub drop: f64,
    /// Share of kept passages given another tag.
    pub swap: f64,
    /// Each boundary moves by up to this many characters either way.
    pub max_shift_chars: usize,
    /// Extras added, as a share of the key's passages.
    pub extra: f64,
}

/// What a generated student's changes were, to compare with what scoring finds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeLog {
    /// Key passages in the articles.
    pub num_key: usize,
    /// Passages left out.
    pub dropped: usize,
    /// Passages with another tag.
    pub swapped: usize,
    /// Passages added outside the key.
    pub extras: usize,
}

fn sentence(rng: &mut SplitMix) -> String {
    let num_words = 8 + rng.below(5);
    let words: Vec<&str> = (0..num_words)
        .map(|_| WORDS.get(rng.below(WORDS.len())).copied().unwrap_or("wort"))
        .collect();
    format!("{}.", words.join(" "))
}

/// A key of `num_articles` articles with `passages_per_article` tagged sentences each; every
/// tagged sentence is followed by an untagged one. Text is ASCII (one byte per character).
#[must_use]
pub fn synthetic_key(seed: u64, num_articles: usize, passages_per_article: usize) -> Coding {
    let mut rng = SplitMix::new(seed);
    let tags = default_tags();
    let articles = (0..num_articles)
        .map(|a| {
            let mut text = format!("artikel {a}. ");
            let mut units = Vec::new();
            for _ in 0..passages_per_article {
                let tagged = sentence(&mut rng);
                let start = text.len();
                text.push_str(&tagged);
                let tag = tags.get(rng.below(tags.len()));
                let has_speaker = tag.is_some_and(|t| t.has_speaker);
                units.push(Unit {
                    span: Span::new(start, text.len()),
                    tag: tag.map(|t| t.name.clone()).unwrap_or_default(),
                    speaker: if has_speaker {
                        "Dr. Quelle".into()
                    } else {
                        String::new()
                    },
                    note: String::new(),
                });
                text.push(' ');
                text.push_str(&sentence(&mut rng));
                text.push(' ');
            }
            CodedArticle {
                title: format!("Artikel {a}"),
                text,
                units,
            }
        })
        .collect();
    Coding {
        name: "Key".into(),
        tags,
        articles,
    }
}

/// A student made from `key` by `changes`, and the log of what was changed.
#[must_use]
pub fn synthetic_student(
    key: &Coding,
    name: &str,
    changes: Changes,
    rng: &mut SplitMix,
) -> (Coding, ChangeLog) {
    let mut log = ChangeLog::default();
    let tag_names: Vec<String> = key.tags.iter().map(|t| t.name.clone()).collect();
    let articles = key
        .articles
        .iter()
        .map(|article| {
            let mut units = Vec::new();
            let max_shift = changes.max_shift_chars;
            for unit in &article.units {
                log.num_key += 1;
                if rng.chance(changes.drop) {
                    log.dropped += 1;
                    continue;
                }
                let mut unit = unit.clone();
                if rng.chance(changes.swap) {
                    log.swapped += 1;
                    let others: Vec<&String> =
                        tag_names.iter().filter(|t| **t != unit.tag).collect();
                    unit.tag = others
                        .get(rng.below(others.len()))
                        .map_or(unit.tag.clone(), |t| (*t).clone());
                }
                let shift = |rng: &mut SplitMix, at: usize| {
                    (at + rng.below(2 * max_shift + 1)).saturating_sub(max_shift)
                };
                let start = shift(rng, unit.span.start);
                let end = shift(rng, unit.span.end).min(article.text.len());
                unit.span = Span::new(start, end);
                units.push(unit);
            }
            // Extras go on untagged sentences: the gaps between key passages.
            let gaps: Vec<Span> = article
                .units
                .windows(2)
                .filter_map(|w| Some(Span::new(w.first()?.span.end + 1, w.get(1)?.span.start - 1)))
                .collect();
            let num_extras = (article.units.len() as f64 * changes.extra).round() as usize;
            let mut chosen: Vec<usize> = Vec::new();
            while chosen.len() < num_extras.min(gaps.len()) {
                let gap = rng.below(gaps.len());
                if !chosen.contains(&gap) {
                    chosen.push(gap);
                }
            }
            for gap in chosen.into_iter().filter_map(|g| gaps.get(g)) {
                log.extras += 1;
                units.push(Unit {
                    span: *gap,
                    tag: tag_names
                        .get(rng.below(tag_names.len()))
                        .cloned()
                        .unwrap_or_default(),
                    speaker: String::new(),
                    note: String::new(),
                });
            }
            CodedArticle {
                title: article.title.clone(),
                text: article.text.clone(),
                units,
            }
        })
        .collect();
    (
        Coding {
            name: name.into(),
            tags: key.tags.clone(),
            articles,
        },
        log,
    )
}
