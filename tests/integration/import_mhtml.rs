//! Pages saved by a browser as one file (.mhtml): Chromium's own archives of two test pages
//! read as the same article as the page itself.

use lateral::io::import::{ImportError, import_path};
use lateral::model::{ArticleId, SourceFormat};
use std::path::PathBuf;

fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

#[test]
fn a_chromium_archive_reads_as_its_page() {
    for name in ["heise", "aktualne"] {
        let archived = import_path(&data(&format!("mhtml/{name}.mhtml")), ArticleId(1))
            .unwrap()
            .remove(0);
        let page = import_path(
            &data(&format!("readability/{name}/source.html")),
            ArticleId(1),
        )
        .unwrap()
        .remove(0);
        assert_eq!(archived.import.format, SourceFormat::Html, "{name}");
        // The archive holds the page as the browser showed it, without its scripts: so
        // without JSON-LD, and aktualne's headline is then its og:title, which ends in
        // " | Aktuálně.cz". Below the headline the article is the same.
        let body = |text: &str| text.split_once("\n\n").map(|(_, b)| b.to_owned());
        assert_eq!(
            body(archived.text()),
            body(page.text()),
            "{name}: same article text"
        );
        assert!(archived.meta.title.starts_with(&page.meta.title), "{name}");
        assert_eq!(archived.meta.authors, page.meta.authors, "{name}");
        assert_eq!(archived.meta.language, page.meta.language, "{name}");
        assert_eq!(archived.import.cut.len(), page.import.cut.len(), "{name}");
        let note = &archived.import.notes[0];
        assert!(
            note.starts_with("Read from a web archive (MHTML)"),
            "{note}"
        );
        assert!(note.contains("Saved by “Blink”"), "{note}");
        assert!(
            !archived.text().contains("=3D"),
            "{name}: quoted-printable decoded"
        );
        assert_eq!(
            archived.source_file.as_deref(),
            Some(format!("{name}.mhtml").as_str())
        );
    }
    // Without a canonical link of its own, the page's address is where it was saved from.
    let heise = import_path(&data("mhtml/heise.mhtml"), ArticleId(1))
        .unwrap()
        .remove(0);
    let direct = import_path(&data("readability/heise/source.html"), ArticleId(1))
        .unwrap()
        .remove(0);
    assert_eq!(
        heise.meta.url.as_deref(),
        direct
            .meta
            .url
            .as_deref()
            .or(Some("http://127.0.0.1:8765/heise/source.html"))
    );
}

#[test]
fn an_archive_is_recognised_by_its_bytes_and_a_broken_one_gets_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("seite.txt");
    std::fs::copy(data("mhtml/heise.mhtml"), &renamed).unwrap();
    let article = import_path(&renamed, ArticleId(1)).unwrap().remove(0);
    assert_eq!(article.import.format, SourceFormat::Html);

    // Cut off before the page part's body: no page to read.
    let bytes = std::fs::read(data("mhtml/heise.mhtml")).unwrap();
    let cut = dir.path().join("kaputt.mhtml");
    std::fs::write(&cut, &bytes[..400]).unwrap();
    match import_path(&cut, ArticleId(1)) {
        Err(error @ ImportError::Decode { .. }) => {
            let message = error.to_string();
            assert!(
                message.contains("save the page again") || message.contains("cut off"),
                "{message}"
            );
        }
        other => panic!("expected a message, got {other:?}"),
    }
}
