//! Timing of the comparison engine on generated articles (deterministic), printed as a table.
//!
//! `cargo bench --no-default-features --bench compare`; set `LATERAL_BENCH_DIR=dir` to also
//! write the generated pairs as text files there (for `git diff --no-index --word-diff` and
//! `wdiff` on the same inputs).

use lateral::compare::similarity::{group, near_duplicates_of_shingles};
use lateral::compare::{CompareOptions, Document, compare_texts};
use lateral::model::{ArticleId, SeededRng};
use std::time::{Duration, Instant};

const SYLLABLES: &[&str] = &[
    "ber", "lin", "kor", "ea", "stu", "die", "waf", "fen", "han", "del", "mil", "li", "ar", "den",
    "sol", "da", "ten", "nord", "süd", "ost", "ver", "trag", "mos", "kau", "re", "gie", "rung",
    "be", "richt", "zah", "len", "wert",
];

fn vocabulary(rng: &mut SeededRng, size: usize) -> Vec<String> {
    (0..size)
        .map(|_| {
            let n = 1 + rng.below(4);
            (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect::<String>()
        })
        .collect()
}

/// Zipf-like choice: common words often, rare words rarely.
fn word<'v>(rng: &mut SeededRng, vocabulary: &'v [String]) -> &'v str {
    let r = (rng.next_u64() % 1_000_000) as f64 / 1_000_000.0;
    &vocabulary[((r * r * r) * vocabulary.len() as f64) as usize]
}

fn sentence(rng: &mut SeededRng, vocabulary: &[String]) -> String {
    let len = 8 + rng.below(17);
    let mut words: Vec<String> = (0..len).map(|_| word(rng, vocabulary).to_owned()).collect();
    if rng.chance(30) {
        let at = rng.below(words.len());
        words[at] = format!("{},{} Milliarden", 1 + rng.below(99), rng.below(10));
    }
    let mut first = words[0].chars();
    let capital: String = first
        .next()
        .map(|c| c.to_uppercase().chain(first).collect())
        .unwrap_or_default();
    words[0] = capital;
    format!("{}.", words.join(" "))
}

/// An article of about `num_words` words in paragraphs of five sentences.
fn article(rng: &mut SeededRng, vocabulary: &[String], num_words: usize) -> Vec<Vec<String>> {
    let mut paragraphs = Vec::new();
    let mut words = 0;
    while words < num_words {
        let paragraph: Vec<String> = (0..5).map(|_| sentence(rng, vocabulary)).collect();
        words += paragraph
            .iter()
            .map(|s| s.split(' ').count())
            .sum::<usize>();
        paragraphs.push(paragraph);
    }
    paragraphs
}

/// A rewrite: paragraphs swapped, sentences dropped, added, merged and edited.
fn rewrite(rng: &mut SeededRng, vocabulary: &[String], source: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut paragraphs: Vec<Vec<String>> = source.to_vec();
    for _ in 0..paragraphs.len() / 10 {
        let (x, y) = (rng.below(paragraphs.len()), rng.below(paragraphs.len()));
        paragraphs.swap(x, y);
    }
    for paragraph in &mut paragraphs {
        let mut edited = Vec::new();
        for sentence_text in paragraph.iter() {
            match rng.below(100) {
                0..=4 => {}
                5..=9 => edited.push(sentence(rng, vocabulary)),
                10..=14 => {
                    let merged = sentence_text.trim_end_matches('.').to_owned() + ", und";
                    edited.push(merged);
                }
                15..=39 => {
                    let mut words: Vec<&str> = sentence_text.split(' ').collect();
                    let at = rng.below(words.len());
                    words[at] = word(rng, vocabulary);
                    edited.push(words.join(" "));
                }
                _ => edited.push(sentence_text.clone()),
            }
        }
        *paragraph = edited;
    }
    paragraphs
}

fn text(paragraphs: &[Vec<String>]) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(work());
        best = best.min(start.elapsed());
    }
    best
}

fn main() {
    let mut rng = SeededRng(0x5eed_1a7e_4a1c_0001);
    let vocabulary = vocabulary(&mut rng, 20_000);
    let options = CompareOptions {
        timeout: None,
        ..CompareOptions::default()
    };
    let write_dir = std::env::var_os("LATERAL_BENCH_DIR").map(std::path::PathBuf::from);
    println!("| case | input | best time | target |");
    println!("| --- | --- | ---: | ---: |");
    for (num_words, runs, target) in [(10_000, 10, "50 ms"), (100_000, 3, "1 s")] {
        let source = article(&mut rng, &vocabulary, num_words);
        let (a, b) = (
            text(&source),
            text(&rewrite(&mut rng, &vocabulary, &source)),
        );
        if let Some(dir) = &write_dir {
            std::fs::create_dir_all(dir).ok();
            std::fs::write(dir.join(format!("a_{num_words}.txt")), &a).ok();
            std::fs::write(dir.join(format!("b_{num_words}.txt")), &b).ok();
        }
        let comparison = compare_texts(&a, &[], &b, &[], &options);
        let elapsed = time(runs, || compare_texts(&a, &[], &b, &[], &options));
        println!(
            "| align + diff + classify | 2 × {num_words} words ({} rows, {} changes) | {:.1} ms | {target} |",
            comparison.rows.len(),
            comparison.summary.changes,
            elapsed.as_secs_f64() * 1000.0
        );
    }
    let mut docs: Vec<String> = Vec::new();
    for n in 0..1000 {
        let source = if n % 10 == 9 {
            let original = article(&mut SeededRng(1000 + n as u64 - 1), &vocabulary, 800);
            rewrite(&mut rng, &vocabulary, &original)
        } else {
            article(&mut SeededRng(1000 + n as u64), &vocabulary, 800)
        };
        docs.push(text(&source));
    }
    let mut found = (0, 0);
    let elapsed = time(3, || {
        let shingled: Vec<(ArticleId, Vec<u64>)> = docs
            .iter()
            .enumerate()
            .map(|(n, d)| (ArticleId(n as u64), Document::new(d, &[]).shingles()))
            .collect();
        let pairs = near_duplicates_of_shingles(&shingled, 0.3);
        found = (pairs.len(), group(&pairs).len());
    });
    println!(
        "| near-duplicate pairs and groups | 1,000 articles × 800 words ({} pairs, {} groups) | {:.1} ms | 2 s |",
        found.0,
        found.1,
        elapsed.as_secs_f64() * 1000.0
    );
}
