//! A mutation fuzzer of the four loaders: the project file, text import, W3C and REFI-QDA.
//!
//! Starts from real inputs (the sample project, the sample articles, and the sample's own
//! W3C and QDPX exports), mutates them (flipped, inserted, deleted and repeated bytes, cut
//! files, hostile tokens), and feeds each to its loader in this process. A panic, or a single
//! input that takes longer than 2 s, is a failure: the input is written to
//! `target/fuzz-findings/` and the run exits non-zero.
//!
//! Run with `scripts/fuzz-loaders.sh [SECONDS]` or
//! `LATERAL_FUZZ_SECONDS=60 cargo bench --no-default-features --bench fuzz_loaders`.

#![allow(
    clippy::expect_used,
    reason = "a fuzzer whose setup fails has nothing to fuzz"
)]

use lateral::export::{ExportFilter, ExportFormat, ExportOptions, export, import_qdpx, import_w3c};
use lateral::io::import::decode;
use lateral::io::project_file::parse_project;
use lateral::model::{Project, SeededRng};
use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Tokens that stress parsers: entities, nesting, huge numbers, odd encodings.
const TOKENS: &[&[u8]] = &[
    b"&",
    b"&amp;",
    b"((((((((",
    b"[[[[[[[[",
    b"18446744073709551615",
    b"-1",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\"",
    b"\\u{0}",
    b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
    b"{\"selector\":{\"refinedBy\":{}}}",
    b"format_version: 999,",
    b"\xe4",
];

const SLOW: Duration = Duration::from_secs(2);

fn mutate(seed: &[u8], rng: &mut SeededRng) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let len = bytes.len().max(1);
        let at = rng.below(len).min(bytes.len());
        match rng.below(6) {
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(bytes.len());
                let piece: Vec<u8> = bytes[at..end].to_vec();
                for _ in 0..rng.below(8) {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
            4 => bytes.truncate(at),
            _ => bytes.insert(at, (rng.next_u64() & 0xff) as u8),
        }
    }
    bytes
}

/// The QDPX with its `project.qde` mutated (mutating the zip itself mostly tests CRCs).
fn mutate_qdpx(seed: &[u8], rng: &mut SeededRng) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(seed)).expect("our own zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("entry");
        let name = entry.name().expect("entry name").into_owned();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).expect("read entry");
        let is_project = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("qde"));
        let content = if is_project || rng.chance(20) {
            mutate(&content, rng)
        } else {
            content
        };
        out.start_file(name, options).expect("start");
        out.write_all(&content).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

struct Loader {
    name: &'static str,
    seeds: Vec<Vec<u8>>,
    run: fn(&Project, &[u8]),
    qdpx: bool,
}

fn load_project_bytes(_: &Project, bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let _ = parse_project(text, Path::new("fuzz.ron"));
    }
}

fn load_text(_: &Project, bytes: &[u8]) {
    if let Ok(decoded) = decode(bytes, u64::MAX) {
        let _ = lateral::io::import::detect_furniture(&decoded.text);
    }
}

fn load_w3c(project: &Project, bytes: &[u8]) {
    let _ = import_w3c(project, bytes);
}

fn load_qdpx(_: &Project, bytes: &[u8]) {
    let _ = import_qdpx(bytes);
}

fn main() {
    let seconds: u64 = std::env::var("LATERAL_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let project_text =
        std::fs::read_to_string(samples.join("russland-nordkorea.ron")).expect("sample");
    let (project, _) = parse_project(&project_text, Path::new("sample.ron")).expect("sample");
    let exported = |format| {
        export(
            &project,
            format,
            &ExportFilter::default(),
            ExportOptions::default(),
        )
        .expect("export")
    };
    let articles: Vec<Vec<u8>> = std::fs::read_dir(&samples)
        .expect("samples")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read(e.path()).expect("article"))
        .collect();
    let loaders = [
        Loader {
            name: "project file",
            seeds: vec![project_text.into_bytes()],
            run: load_project_bytes,
            qdpx: false,
        },
        Loader {
            name: "text import",
            seeds: articles,
            run: load_text,
            qdpx: false,
        },
        Loader {
            name: "W3C",
            seeds: vec![exported(ExportFormat::W3c)],
            run: load_w3c,
            qdpx: false,
        },
        Loader {
            name: "QDPX",
            seeds: vec![exported(ExportFormat::Qdpx)],
            run: load_qdpx,
            qdpx: true,
        },
    ];
    std::panic::set_hook(Box::new(|_| {}));
    let findings = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let mut rng = SeededRng(0x5eed_u64 ^ u64::from(std::process::id()));
    let per_loader = Duration::from_secs(seconds) / loaders.len() as u32;
    let mut failures = 0;
    for loader in &loaders {
        let start = Instant::now();
        let (mut runs, mut slowest) = (0u64, Duration::ZERO);
        while start.elapsed() < per_loader {
            let seed = &loader.seeds[rng.below(loader.seeds.len())];
            let input = if loader.qdpx {
                mutate_qdpx(seed, &mut rng)
            } else {
                mutate(seed, &mut rng)
            };
            let began = Instant::now();
            let outcome = catch_unwind(AssertUnwindSafe(|| (loader.run)(&project, &input)));
            let took = began.elapsed();
            slowest = slowest.max(took);
            runs += 1;
            if outcome.is_err() || took > SLOW {
                failures += 1;
                let what = if outcome.is_err() { "panic" } else { "slow" };
                std::fs::create_dir_all(&findings).expect("findings folder");
                let file = findings.join(format!(
                    "{}-{what}-{runs}.bin",
                    loader.name.replace(' ', "-")
                ));
                std::fs::write(&file, &input).expect("write finding");
                println!(
                    "{}: {what} ({took:?}), input kept as {}",
                    loader.name,
                    file.display()
                );
            }
        }
        println!(
            "{}: {runs} inputs in {:.0} s, slowest {:.1} ms",
            loader.name,
            start.elapsed().as_secs_f64(),
            slowest.as_secs_f64() * 1000.0
        );
    }
    println!("{failures} failures");
    if failures > 0 {
        std::process::exit(1);
    }
}
