//! Text import on inputs that used to take quadratic time: 4 MB of `&` without `;`, and
//! 250,000 short lines (the title guess and furniture detection).
//!
//! Run with `cargo bench --no-default-features --bench import_text`. Target: each under 2 s
//! in release, and the resident memory printed stays within a small multiple of the input.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use lateral::io::import::import_file;
use lateral::model::ArticleId;
use std::fmt::Write as _;
use std::time::Instant;

/// Peak resident memory of this process so far, from /proc (Linux), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn measure(name: &str, text: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("input.txt");
    std::fs::write(&path, text).expect("write input");
    let start = Instant::now();
    let article = import_file(&path, ArticleId(1)).expect("import");
    let elapsed = start.elapsed();
    println!(
        "{name}: {:.1} MB, {} furniture marks, title \"{}\": {:.0} ms (peak RSS so far {})",
        text.len() as f64 / 1e6,
        article.furniture.len(),
        lateral::text::chars_after(&article.meta.title, 0, 30),
        elapsed.as_secs_f64() * 1000.0,
        peak_rss_mb().map_or_else(|| "?".to_owned(), |mb| format!("{mb:.0} MB")),
    );
}

fn main() {
    // 4 MB of "AT&T and R&D & co " with no ';' anywhere.
    let ampersands: String = "AT&T and R&D & co ".repeat(4 * 1024 * 1024 / 18);
    measure("4 MB of '&' text", &ampersands);
    // 250,000 short lines, many of them furniture ("Teilen", repeated credits).
    let mut lines = String::new();
    for n in 0..250_000 {
        match n % 4 {
            0 => lines.push_str("Teilen\n"),
            1 => lines.push_str("Foto: dpa\n"),
            2 => {
                let _ = writeln!(lines, "Zeile {n}");
            }
            _ => lines.push_str("ok\n"),
        }
    }
    measure("250,000 short lines", &lines);
    // The same with a title only at the end.
    lines.push_str("Die Studie zeigt neue Zahlen\n");
    measure("250,000 short lines, title last", &lines);
}
