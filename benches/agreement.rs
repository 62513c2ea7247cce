//! Scoring a class: 30 students × 20 articles × 200 passages each, in all three match modes.
//!
//! Run with `CARGO_TARGET_DIR=/work/target-helpers cargo bench --no-default-features --bench agreement`.

use lateral::agreement::synthetic::{Changes, SplitMix, synthetic_key, synthetic_student};
use lateral::agreement::{MatchMode, score_class};
use std::time::{Duration, Instant};

const NUM_STUDENTS: usize = 30;
const NUM_ARTICLES: usize = 20;
const PASSAGES_PER_ARTICLE: usize = 200;
const RUNS: usize = 5;

fn main() {
    let generation = Instant::now();
    let key = synthetic_key(1, NUM_ARTICLES, PASSAGES_PER_ARTICLE);
    let mut rng = SplitMix::new(2);
    let changes = Changes {
        drop: 0.2,
        swap: 0.1,
        max_shift_chars: 5,
        extra: 0.1,
    };
    let students: Vec<_> = (0..NUM_STUDENTS)
        .map(|i| synthetic_student(&key, &format!("S{i}"), changes, &mut rng).0)
        .collect();
    println!(
        "  generated in {:.1} ms",
        generation.elapsed().as_secs_f64() * 1000.0
    );
    println!(
        "agreement: {NUM_STUDENTS} students × {NUM_ARTICLES} articles × {PASSAGES_PER_ARTICLE} key passages ({} student passages)",
        students
            .iter()
            .map(lateral::agreement::Coding::num_units)
            .sum::<usize>()
    );
    let mut total_best = Duration::ZERO;
    for mode in [MatchMode::Exact, MatchMode::Overlap, MatchMode::Token] {
        let mut best = Duration::MAX;
        let mut f1 = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            let result = score_class(&key, &students, mode, Vec::new());
            best = best.min(start.elapsed());
            f1 = result.students.first().and_then(|s| s.overall.f1);
        }
        total_best += best;
        println!(
            "  {:<8} best of {RUNS}: {:>7.1} ms  (first student's F1 {:.3})",
            mode.name(),
            best.as_secs_f64() * 1000.0,
            f1.unwrap_or(0.0)
        );
    }
    println!(
        "  all three modes: {:.1} ms",
        total_best.as_secs_f64() * 1000.0
    );
}
