//! Imports at scale that used to take quadratic time: a `.qdpx` with 200,000 codes (half of
//! them one name, so that renaming is exercised) and 10,000 codings, within the 20 MiB that
//! `project.qde` may have, and a W3C file with
//! 100,000 annotations (our own export of a synthetic project, and Hypothesis-style rows placed
//! by quote), each read and applied to the project.
//!
//! Run with `cargo bench --no-default-features --bench import_scale`. Target: each under 2 s
//! in release, with the resident memory printed staying within a small multiple of the input.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use lateral::export::{ExportFilter, ExportFormat, ExportOptions, export, import_qdpx, import_w3c};
use lateral::model::{Project, synthetic_project};
use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::time::{Duration, Instant};

/// Starts a new peak for [`rss`] (Linux: `/proc/self/clear_refs`), so that each figure is
/// the peak during one import, on top of what the benchmark holds already.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    println!("  (resident before: {})", rss());
}

/// A line of /proc/self/status (Linux) in MB.
fn status_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Resident memory now and its peak since the last reset, in MB.
fn rss() -> String {
    match (status_mb("VmRSS:"), status_mb("VmHWM:")) {
        (Some(now), Some(peak)) => format!("{now:.0} MB, peak {peak:.0} MB"),
        _ => "?".to_owned(),
    }
}

fn report(name: &str, input_bytes: usize, elapsed: Duration, what: &str) {
    println!(
        "{name}: {:.1} MB in, {what}: {:.0} ms (resident after: {})",
        input_bytes as f64 / 1e6,
        elapsed.as_secs_f64() * 1000.0,
        rss()
    );
}

/// A `.qdpx` of one text source with `num_codes` codes and `num_codings` codings.
fn qdpx(num_codes: usize, num_codings: usize) -> (Vec<u8>, usize) {
    let words: Vec<String> = (0..num_codings).map(|n| format!("wort{n:06}")).collect();
    let text = words.join(" ");
    let mut codes = String::new();
    for n in 0..num_codes {
        // Half the codes share one name (renamed "claim (2)", "claim (3)", …).
        let name = if n % 2 == 0 {
            "claim".to_owned()
        } else {
            format!("code {n}")
        };
        let _ = write!(
            codes,
            r#"<Code guid="00000000-0000-4000-8000-{n:012}" name="{name}" isCodable="true"/>"#
        );
    }
    let mut selections = String::new();
    let mut start = 0;
    for (n, word) in words.iter().enumerate() {
        let end = start + word.len();
        let code = (n * 7919) % num_codes;
        let _ = write!(
            selections,
            r#"<PlainTextSelection guid="10000000-0000-4000-8000-{n:012}" startPosition="{start}" endPosition="{end}"><Coding guid="20000000-0000-4000-8000-{n:012}"><CodeRef targetGUID="00000000-0000-4000-8000-{code:012}"/></Coding></PlainTextSelection>"#
        );
        start = end + 1;
    }
    let qde = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="scale" origin="QualCoder 3.5">
<CodeBook><Codes>{codes}</Codes></CodeBook>
<Sources><TextSource guid="30000000-0000-4000-8000-000000000001" name="text" plainTextPath="internal://s.txt">{selections}</TextSource></Sources></Project>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", options).expect("zip");
    zip.write_all(qde.as_bytes()).expect("zip");
    zip.start_file("sources/s.txt", options).expect("zip");
    zip.write_all(text.as_bytes()).expect("zip");
    let bytes = zip.finish().expect("zip").into_inner();
    (bytes, qde.len() + text.len())
}

/// The annotations of `project` exported as W3C, and the project without them.
fn w3c_of(project: &Project) -> (Vec<u8>, Project) {
    let bytes = export(
        project,
        ExportFormat::W3c,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .expect("export");
    let mut bare = project.clone();
    let ids = project.annotations().iter().map(|a| a.id).collect();
    bare.apply(lateral::model::Edit::RemoveAnnotations {
        annotation_ids: ids,
    })
    .expect("remove");
    (bytes, bare)
}

/// Hypothesis-style rows made from a W3C export: the same source and quote, a position that
/// is off by seven characters (the page had more text), three tags of which one is a project
/// tag.
fn hypothesis_rows(export: &[u8]) -> Vec<u8> {
    let collection: serde_json::Value = serde_json::from_slice(export).expect("json");
    let items = collection["first"]["items"].as_array().expect("items");
    let rows: Vec<serde_json::Value> = items
        .iter()
        .map(|item| {
            let target = &item["target"];
            let quote = &target["selector"][0];
            let position = &target["selector"][1];
            let off = |key: &str| position[key].as_u64().unwrap_or(0) + 7;
            serde_json::json!({
                "user": "acct:lena@hypothes.is",
                "uri": target["source"],
                "tags": ["claim", "Zahl", "Quelle"],
                "text": "",
                "target": [{"source": target["source"], "selector": [
                    {"type": "TextPositionSelector", "start": off("start"), "end": off("end")},
                    quote
                ]}]
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "total": rows.len(), "rows": rows })).expect("json")
}

fn measure_w3c(name: &str, bare: &Project, bytes: &[u8]) {
    reset_peak_rss();
    let start = Instant::now();
    let import = import_w3c(bare, bytes).expect("import");
    let num_imported = import.num_imported;
    let num_keywords = import.keywords.len();
    let num_skipped = import.skipped.len();
    let mut project = bare.clone();
    project.apply(import.into_edit()).expect("apply");
    report(
        name,
        bytes.len(),
        start.elapsed(),
        &format!(
            "{num_imported} annotations imported and applied ({num_skipped} skipped as duplicates), {num_keywords} keywords, {} in the project",
            project.annotations().len()
        ),
    );
}

fn main() {
    let (bytes, inflated) = qdpx(200_000, 10_000);
    reset_peak_rss();
    let start = Instant::now();
    let import = import_qdpx(&bytes).expect("qdpx import");
    report(
        "qdpx, 200,000 codes, 10,000 codings",
        inflated,
        start.elapsed(),
        &format!(
            "{} tags, {} annotations, {} warnings",
            import.project.tags().len(),
            import.project.annotations().len(),
            import.warnings.len()
        ),
    );
    drop(import);

    // 100,000 annotations over 40 articles of 5,000 words.
    let project = synthetic_project(40, 5_000, 100_000, 7);
    let (bytes, bare) = w3c_of(&project);
    measure_w3c("W3C, 100,000 annotations (own export)", &bare, &bytes);
    let rows = hypothesis_rows(&bytes);
    measure_w3c(
        "W3C, 100,000 Hypothesis rows (by quote, tags as keywords)",
        &bare,
        &rows,
    );
}
