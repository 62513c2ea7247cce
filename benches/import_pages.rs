//! Importing a folder of saved web pages: 1,000 pages of about 100 KB each, laid out as news
//! sites are (head with metadata and a large inline script, navigation, the article, a
//! figure, teasers, comments, footer), through `import_files` on the folder: listing,
//! decoding, the reader-mode article, metadata, the list of what was cut, furniture marks.
//! Then the 71 real development pages of Mozilla Readability, each imported as a file.
//!
//! Run with `cargo bench --no-default-features --bench import_pages`. Target: the 1,000
//! pages under 10 s in release.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails has nothing to measure"
)]

use lateral::io::import::import_files;
use lateral::model::{ArticleId, synthetic_text};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

const PAGES: usize = 1000;
const TARGET_BYTES: usize = 100 * 1024;

/// One news page of about [`TARGET_BYTES`], different for each `n`.
fn page(n: usize) -> String {
    let mut html = String::with_capacity(TARGET_BYTES + 4096);
    let _ = write!(
        html,
        r#"<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Bericht {n}: Truppen und Waffen | Beispielzeitung</title>
<meta property="og:title" content="Bericht {n}: Truppen und Waffen">
<meta property="og:site_name" content="Beispielzeitung">
<meta name="author" content="Autorin {n}">
<meta property="article:published_time" content="2024-10-{:02}T09:30:00+01:00">
<link rel="canonical" href="https://example.org/artikel/{n}">
<script>"#,
        n % 28 + 1
    );
    // Real pages carry tens of kilobytes of inline script and style.
    for i in 0..600 {
        let _ = write!(html, "window.cfg{i}={{id:{i},name:\"k{n}\",on:true}};");
    }
    html.push_str("</script><style>");
    for i in 0..150 {
        let _ = write!(html, ".c{i}{{margin:{i}px;color:#{i:03x}}}");
    }
    html.push_str("</style></head><body><header><nav><ul>");
    for section in 0..40 {
        let _ = write!(
            html,
            r#"<li><a href="/ressort/{section}">Ressort {section}</a></li>"#
        );
    }
    let _ = write!(
        html,
        "</ul></nav></header><main><article><h1>Bericht {n}: Truppen und Waffen</h1>"
    );
    let body = synthetic_text(20_000, n as u64);
    for (i, paragraph) in body
        .split('\n')
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        let _ = writeln!(html, "<p>{paragraph}</p>");
        if i == 3 {
            html.push_str("<figure><img src=\"a.jpg\"><figcaption>Soldaten bei einer Übung. Foto: Agentur</figcaption></figure>");
        }
        if html.len() > TARGET_BYTES - 8_000 {
            break;
        }
    }
    html.push_str("</article><aside class=\"related\">");
    for t in 0..20 {
        let _ = write!(
            html,
            r#"<div class="teaser"><a href="/t/{t}">Lesen Sie auch: Weitere Meldung {t} zum Thema</a></div>"#
        );
    }
    html.push_str("</aside><section id=\"comments\">");
    for c in 0..30 {
        let _ = write!(
            html,
            "<div class=\"comment\"><p>Leser {c}: Das sehe ich anders, die Zahlen sind nicht belegt.</p></div>"
        );
    }
    html.push_str("</section></main><footer><p>© Beispielzeitung · Impressum · Datenschutz</p></footer></body></html>\n");
    html
}

fn time_folder(dir: &Path, files: usize, bytes: usize) {
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let batch = import_files(&[dir.to_path_buf()], ArticleId(1));
        times.push(started.elapsed().as_secs_f64());
        assert_eq!(batch.imported.len(), files, "{}", batch.summary());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{files} pages, {:.1} MB: median {:.2} s (min {:.2} s, max {:.2} s), {:.1} ms per page",
        bytes as f64 / 1e6,
        times[1],
        times[0],
        times[2],
        times[1] * 1000.0 / files as f64
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut bytes = 0;
    for n in 0..PAGES {
        let html = page(n);
        bytes += html.len();
        let sub = dir.path().join(format!("{:02}", n / 100));
        std::fs::create_dir_all(&sub).expect("a subfolder");
        std::fs::write(sub.join(format!("seite-{n:04}.html")), html).expect("a page");
    }
    let sample = import_files(&[dir.path().join("00/seite-0000.html")], ArticleId(1));
    let article = sample.imported.first().expect("the first page imports");
    println!(
        "a page: {} words kept, {} passages cut",
        article.word_count(),
        article.import.cut.len()
    );
    time_folder(dir.path(), PAGES, bytes);

    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/readability");
    let real_dir = tempfile::tempdir().expect("a temporary folder");
    let mut real_bytes = 0;
    let mut count = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&real)
        .expect("the test pages")
        .filter_map(Result::ok)
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    for (n, source) in entries.iter().enumerate() {
        let html = std::fs::read(source).expect("a test page");
        real_bytes += html.len();
        count += 1;
        std::fs::write(real_dir.path().join(format!("{n:03}.html")), html).expect("a copy");
    }
    time_folder(real_dir.path(), count, real_bytes);
}
