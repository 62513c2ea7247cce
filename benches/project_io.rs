//! Load and save of a generated project: 100 articles of 10,000 words, 50,000 annotations.
//!
//! Run with `cargo bench --no-default-features --bench project_io`. Targets: under 300 ms to
//! load and under 300 ms to save, in release.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use lateral::io::{load_project, save_project};
use lateral::model::synthetic_project;
use std::time::{Duration, Instant};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let runs = 7;
    let project = synthetic_project(100, 10_000, 50_000, 42);
    assert_eq!(project.annotations().len(), 50_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");

    let save_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            save_project(&project, &path).expect("save");
            start.elapsed()
        })
        .collect();
    let size_mb = std::fs::metadata(&path).expect("size").len() as f64 / 1e6;
    let load_times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let (loaded, report) = load_project(&path).expect("load");
            let elapsed = start.elapsed();
            assert!(report.is_clean());
            assert_eq!(loaded.annotations().len(), 50_000);
            elapsed
        })
        .collect();
    println!("project_io: 100 articles x 10,000 words, 50,000 annotations, {size_mb:.1} MB of RON");
    println!("| operation | median of {runs} | target |");
    println!("| --- | --- | --- |");
    println!(
        "| save (serialise, write, fsync, rename, backup) | {:.0} ms | < 300 ms |",
        median(save_times).as_secs_f64() * 1e3
    );
    println!(
        "| load (read, parse, validate, re-anchor check) | {:.0} ms | < 300 ms |",
        median(load_times).as_secs_f64() * 1e3
    );
}
