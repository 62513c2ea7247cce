//! Importing the real samples and the encodings and line ends users bring.

use lateral::io::import::{import_file, import_files};
use lateral::model::{ArticleId, EncodingSource, FurnitureKind};
use std::fs;
use std::path::{Path, PathBuf};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn furniture_texts(name: &str) -> Vec<(FurnitureKind, String)> {
    let article = import_file(&sample(name), ArticleId(1)).unwrap();
    article
        .furniture
        .iter()
        .map(|f| (f.kind, article.text()[f.span.range()].to_owned()))
        .collect()
}

#[test]
fn all_five_samples_import_unchanged() {
    let names = [
        "fnf-studie-waffenhandel-2024.txt",
        "rewrite-militaerhilfe-milliarden-2024.txt",
        "gea-fragen-antworten-2024.txt",
        "fnf-wostotschny-2023.txt",
        "asmolov-riac-2024.txt",
    ];
    let paths: Vec<PathBuf> = names.iter().map(|n| sample(n)).collect();
    let batch = import_files(&paths, ArticleId(1));
    assert!(batch.failed.is_empty(), "{}", batch.summary());
    assert_eq!(batch.imported.len(), 5);
    for (article, path) in batch.imported.iter().zip(&paths) {
        assert_eq!(
            article.text(),
            fs::read_to_string(path).unwrap(),
            "text is evidence: never changed"
        );
        assert_eq!(article.import.encoding, "UTF-8");
        assert_eq!(article.meta.language, "de");
    }
    assert_eq!(
        batch.imported[1].meta.title,
        "Analysten schätzen die Militärhilfe Nordkoreas für Russland auf Milliarden"
    );
    assert_eq!(
        batch.imported[4].meta.title,
        "Russland und Nordkorea: Aktueller Stand und Perspektiven der Beziehungen",
        "newsletter lines are not the title"
    );
}

#[test]
fn gea_repeated_captions_are_marked() {
    let found = furniture_texts("gea-fragen-antworten-2024.txt");
    let repeats: Vec<&str> = found
        .iter()
        .filter(|(k, _)| *k == FurnitureKind::RepeatedLine)
        .map(|(_, t)| t.as_str())
        .collect();
    // Both caption groups: the cut-short copies and the separate photo credit are marked, the
    // most complete copy stays.
    assert_eq!(repeats.len(), 5, "{repeats:?}");
    assert!(repeats.contains(&"Foto: Alexander Zemlianichenko/AP/dpa"));
    assert!(
        repeats
            .iter()
            .filter(|t| t.starts_with("Bündnis der Autokraten"))
            .count()
            == 2
    );
    assert!(
        repeats
            .iter()
            .filter(|t| t.starts_with("International isoliert"))
            .count()
            == 2
    );
    assert!(found.contains(&(FurnitureKind::Boilerplate, "Logo".to_owned())));
    assert!(found.contains(&(
        FurnitureKind::ImageCredit,
        "Foto: dpa-Infografik".to_owned()
    )));
}

#[test]
fn rewrite_broken_tag_and_widget_are_marked() {
    let found = furniture_texts("rewrite-militaerhilfe-milliarden-2024.txt");
    assert_eq!(
        found,
        vec![
            (FurnitureKind::HtmlTag, "< p>".to_owned()),
            (
                FurnitureKind::Boilerplate,
                "Aktuell im Auge behalten".to_owned()
            ),
        ]
    );
}

#[test]
fn newsletter_boilerplate_and_repeated_headline_are_marked() {
    let found = furniture_texts("asmolov-riac-2024.txt");
    for line in [
        "Subscribe to our weekly newsletters for free",
        "Become a member for unrestricted reading!",
        "Image Source : Shutterstock",
        "바로가기",
    ] {
        assert!(
            found.iter().any(|(_, t)| t == line),
            "{line} not marked: {found:?}"
        );
    }
    let found = furniture_texts("fnf-wostotschny-2023.txt");
    assert!(found.contains(&(
        FurnitureKind::RepeatedLine,
        "Kremlchef Wladimir Putin begrüßt Nordkoreas Diktator Kim Jong Un".to_owned()
    )));
    assert!(
        furniture_texts("fnf-studie-waffenhandel-2024.txt").is_empty(),
        "the clean study has no furniture"
    );
}

#[test]
fn windows_1252_utf16_and_crlf_files() {
    let dir = tempfile::tempdir().unwrap();
    let cp1252 = dir.path().join("cp1252.txt");
    // „Größe“ – in Windows-1252: „ = 0x84, “ = 0x93, – = 0x96.
    fs::write(
        &cp1252,
        b"\x84Gr\xf6\xdfe\x93 \x96 f\xfcr die Stra\xdfe und \xfcber 5,5 Milliarden.\r\n",
    )
    .unwrap();
    let article = import_file(&cp1252, ArticleId(1)).unwrap();
    assert_eq!(
        article.text(),
        "„Größe“ – für die Straße und über 5,5 Milliarden.\n"
    );
    assert_eq!(article.import.encoding, "windows-1252");
    assert_eq!(article.import.encoding_source, EncodingSource::Detected);
    assert_eq!(article.import.crlf_normalised, 1);

    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "Nordkorea dementierte.\r\nẞ"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    fs::write(&utf16, bytes).unwrap();
    let article = import_file(&utf16, ArticleId(2)).unwrap();
    assert_eq!(article.text(), "Nordkorea dementierte.\nẞ");
    assert_eq!(
        (article.import.encoding.as_str(), article.import.had_bom),
        ("UTF-16LE", true)
    );

    let crlf = dir.path().join("crlf.md");
    fs::write(&crlf, "# Titel der Meldung\r\n\r\nText.\rMehr.").unwrap();
    let article = import_file(&crlf, ArticleId(3)).unwrap();
    assert_eq!(article.text(), "# Titel der Meldung\n\nText.\nMehr.");
    assert_eq!(
        (article.import.crlf_normalised, article.import.cr_normalised),
        (2, 1)
    );
    assert_eq!(article.meta.title, "# Titel der Meldung");
}

#[test]
fn one_bad_file_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let empty = dir.path().join("empty.txt");
    let binary = dir.path().join("photo.jpg");
    fs::write(&good, "Eine Meldung mit drei Wörtern.").unwrap();
    fs::write(&empty, "").unwrap();
    fs::write(&binary, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00").unwrap();
    let missing = dir.path().join("missing.txt");
    let batch = import_files(&[empty.clone(), good, binary, missing], ArticleId(5));
    assert_eq!(batch.imported.len(), 1);
    assert_eq!(batch.imported[0].id, ArticleId(5));
    assert_eq!(batch.failed.len(), 3);
    let summary = batch.summary();
    assert!(
        summary.starts_with("1 article imported, 3 failed:"),
        "{summary}"
    );
    assert!(
        summary.contains("empty.txt was not imported: the file is empty"),
        "{summary}"
    );
    assert!(
        summary.contains("photo.jpg was not imported: the file looks binary"),
        "{summary}"
    );
    assert!(summary.contains("could not read"), "{summary}");
}

/// Bad input of every kind the importers read (a page cut off, a PDF without text, a feed
/// that is not XML, an archive with no page) gets one line each on the command line, and the
/// project file stays byte for byte as it was.
#[test]
fn bad_input_leaves_the_project_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("presse.ron");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/russland-nordkorea.ron"),
        &project,
    )
    .unwrap();
    let before = std::fs::read(&project).unwrap();
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(
        bad.join("abgeschnitten.html"),
        "<!DOCTYPE html><html><head><title>Meldung</title></head><body><article><p>Die Regierung in Seoul",
    )
    .unwrap();
    std::fs::write(bad.join("scan.pdf"), super::import_pdf::pdf_without_text()).unwrap();
    std::fs::write(bad.join("kaputt.rss"), "Dies ist kein XML, sondern Text.").unwrap();
    std::fs::write(
        bad.join("leer.mhtml"),
        "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n",
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lateral"))
        .args(["import", "-p"])
        .arg(&project)
        .arg(&bad)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(stdout.contains("0 articles imported, 4 failed"), "{stdout}");
    for (file, says) in [
        ("abgeschnitten.html", "seems cut off"),
        ("scan.pdf", "probably a scan"),
        ("kaputt.rss", "feed could not be read"),
        ("leer.mhtml", "none of its parts is a web page"),
    ] {
        assert!(
            stdout.lines().any(|l| l.contains(file) && l.contains(says)),
            "{file}: {stdout}"
        );
    }
    assert_eq!(std::fs::read(&project).unwrap(), before);
}
