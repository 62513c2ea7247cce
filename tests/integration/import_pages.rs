//! Web pages as a reader mode shows them: Mozilla Readability's development test pages
//! (`tests/data/readability`, Apache-2.0), and saved pages imported as files.

use lateral::eval::pages::{PageSet, evaluate};
use lateral::io::import::{ImportError, import_file};
use lateral::model::{ArticleId, SourceFormat};
use std::path::{Path, PathBuf};

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/readability")
}

/// The news pages the issue names; each must reach 0.90 on its own.
const NEWS_PAGES: &[&str] = &[
    "bbc-1",
    "cnn",
    "guardian-1",
    "heise",
    "lemonde-1",
    "liberation-1",
    "folha",
    "la-nacion",
    "aktualne",
    "herald-sun-1",
    "engadget",
    "breitbart",
];

#[test]
fn development_pages_give_the_expected_article_and_metadata() {
    let report = evaluate(&pages_dir(), PageSet::Development).unwrap();
    println!("{report}");
    assert_eq!(report.pages.len(), 71, "{report}");
    assert!(report.unreadable.is_empty(), "{report}");
    assert!(report.mean_f1() >= 0.95, "{report}");
    for name in NEWS_PAGES {
        let f1 = report.f1_of(name).unwrap_or(0.0);
        assert!(f1 >= 0.90, "{name}: {f1}\n{report}");
    }
    assert!(report.title.share() >= 0.95, "{report}");
    for score in [
        &report.byline,
        &report.site_name,
        &report.language,
        &report.published,
    ] {
        assert!(score.share() >= 0.85, "{report}");
    }
}

#[test]
fn a_saved_german_news_page_imports_as_its_article() {
    let article = import_file(&pages_dir().join("heise/source.html"), ArticleId(1)).unwrap();
    assert_eq!(article.import.format, SourceFormat::Html);
    assert_eq!(
        article.meta.title,
        "1Password für Mac generiert Einmal-Passwörter"
    );
    assert_eq!(article.meta.language, "de");
    assert_eq!(article.meta.outlet, "Mac & i");
    assert!(
        article
            .text()
            .starts_with("1Password für Mac generiert Einmal-Passwörter"),
        "{}",
        &article.text()[..200]
    );
    assert!(article.text().contains("TOTP"));
    assert!(!article.text().contains('<'), "no markup in the text");
    assert!(
        !article.import.cut.is_empty(),
        "menus and teasers are listed"
    );
}

#[test]
fn a_truncated_page_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(pages_dir().join("heise/source.html")).unwrap();
    let cut_at = (source.len() / 2..source.len())
        .find(|&i| source.is_char_boundary(i))
        .unwrap();
    let path = dir.path().join("kaputt.html");
    std::fs::write(&path, &source[..cut_at]).unwrap();
    let error = import_file(&path, ArticleId(1)).unwrap_err();
    assert!(matches!(error, ImportError::Decode { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("cut off"), "{message}");
    assert!(message.contains("Save the page again"), "{message}");
}

#[test]
fn a_page_with_no_text_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.html");
    std::fs::write(
        &path,
        "<!DOCTYPE html><html><head><title></title><script>load()</script></head><body><div id=\"root\"></div></body></html>",
    )
    .unwrap();
    let message = import_file(&path, ArticleId(1)).unwrap_err().to_string();
    assert!(message.contains("shows no text"), "{message}");
}

#[test]
fn a_page_in_a_declared_legacy_charset_keeps_its_umlauts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alt.htm");
    let mut bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Gr\xfc\xdfe aus K\xf6ln</title></head><body><p>".to_vec();
    bytes.extend_from_slice(&b"Die Stra\xdfe ist gesperrt, sagt die Polizei. ".repeat(20));
    bytes.extend_from_slice(b"</p></body></html>");
    std::fs::write(&path, bytes).unwrap();
    let article = import_file(&path, ArticleId(1)).unwrap();
    assert_eq!(article.meta.title, "Grüße aus Köln");
    assert!(article.text().contains("Die Straße ist gesperrt"));
    assert_eq!(article.import.encoding, "windows-1252");
    assert_eq!(
        article.import.encoding_source,
        lateral::model::EncodingSource::Declared
    );
}
