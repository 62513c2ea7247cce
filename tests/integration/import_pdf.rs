//! PDF press releases: the text layer read into paragraphs, hyphenation joined, page headers
//! and page numbers marked as furniture, and locked or scanned files refused with a message.

use lateral::io::import::{ImportError, import_file, import_path};
use lateral::model::{ArticleId, FurnitureKind, SourceFormat};
use std::path::PathBuf;

fn pdf(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pdf")
        .join(name)
}

#[test]
fn a_press_release_is_read_into_paragraphs_with_its_furniture_marked() {
    let article = import_file(&pdf("pressemitteilung.pdf"), ArticleId(3)).unwrap();
    let text = article.text();
    assert_eq!(article.import.format, SourceFormat::Pdf);
    assert_eq!(article.meta.language, "de");
    assert_eq!(
        article.meta.title, "Studie hält Einsatz nordkoreanischer Soldaten für plausibel",
        "{text}"
    );
    // Line-end hyphens are joined where the word goes on in lower case...
    assert!(
        text.contains("Berichten über Waffenlieferungen, die"),
        "{text}"
    );
    // ...kept before a capital, where the hyphen is part of the word...
    assert!(text.contains("Eine CDU-Politikerin forderte"), "{text}");
    // ...and across the page break, where the paragraph goes on.
    assert!(
        text.contains("eine engere internationale Zusammenarbeit bei der Auswertung"),
        "{text}"
    );
    assert!(
        text.contains("»Wir sehen Hinweise, aber keinen Beweis«"),
        "{text}"
    );
    // Paragraphs are paragraphs, lines within them are joined.
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("Berlin, 3. Dezember 2024.")
                && p.ends_with("belastbare Belege bislang fehlen.")
                && !p.contains('\n')),
        "{text}"
    );
    assert!(
        paragraphs.contains(&"Die vollständige Studie erscheint im Januar 2025."),
        "{text}"
    );
    // Nothing is dropped: headers and page numbers stay in the text, marked.
    let marked = |kind: FurnitureKind| -> Vec<&str> {
        article
            .furniture
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| &text[f.span.start..f.span.end])
            .collect()
    };
    let headers = marked(FurnitureKind::PageHeader);
    assert_eq!(headers.len(), 2, "{headers:?}");
    assert!(
        headers
            .iter()
            .all(|h| h.starts_with("Pressemitteilung 12/2024"))
    );
    assert_eq!(
        marked(FurnitureKind::PageNumber),
        ["Seite 1 von 2", "Seite 2 von 2"]
    );
    // The body has none of it.
    let body_marks = article
        .furniture
        .iter()
        .filter(|f| text[f.span.start..f.span.end].contains("Guseinova"))
        .count();
    assert_eq!(body_marks, 0);
    let notes = article.import.notes.join("\n");
    assert!(notes.contains("2 pages"), "{notes}");
}

#[test]
fn pdf_is_recognised_by_its_bytes_and_imported_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    // A PDF saved without its extension is still read as a PDF.
    let target = dir.path().join("download");
    std::fs::copy(pdf("pressemitteilung.pdf"), &target).unwrap();
    let articles = import_path(&target, ArticleId(1)).unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].import.format, SourceFormat::Pdf);
}

#[test]
fn a_broken_pdf_gets_a_message_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(pdf("pressemitteilung.pdf")).unwrap();
    for (name, cut) in [
        ("half.pdf", bytes.len() / 2),
        ("head.pdf", 40),
        ("tail.pdf", bytes.len() - 30),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes[..cut]).unwrap();
        match import_file(&path, ArticleId(1)) {
            Ok(article) => assert!(!article.text().is_empty()),
            Err(error) => {
                let message = error.to_string();
                assert!(message.contains(name), "{message}");
                assert!(message.to_lowercase().contains("pdf"), "{message}");
            }
        }
    }
    // A file lopdf cannot open that declares encryption is reported as locked.
    let locked = dir.path().join("locked.pdf");
    std::fs::write(&locked, b"%PDF-1.4\ntrailer << /Encrypt 5 0 R >>\n%%EOF").unwrap();
    let message = import_file(&locked, ArticleId(1)).unwrap_err().to_string();
    assert!(message.contains("protected by a password"), "{message}");
    let garbage = dir.path().join("garbage.pdf");
    std::fs::write(&garbage, b"%PDF-1.4\n\xff\xfe garbage garbage").unwrap();
    let error = import_file(&garbage, ArticleId(1)).unwrap_err();
    assert!(
        matches!(error, ImportError::Decode { .. } | ImportError::Read { .. }),
        "{error}"
    );
}

/// Real PDFs that nobody here wrote: each is imported without a panic, and where the
/// text expected by `PDFBox` lies beside it (`NAME.pdf.txt`, from apache/pdfbox's test input) the words
/// are compared with it. Not committed (third-party files); run with
/// `LATERAL_PDF_DIR=/path/to/pdfs cargo test real_pdfs -- --nocapture`.
#[test]
fn real_pdfs_import_without_panics_and_match_pdfbox_text() {
    let Some(dir) = std::env::var_os("LATERAL_PDF_DIR") else {
        return;
    };
    let paths = crate::files_under(std::path::Path::new(&dir), "pdf");
    let (mut scores, mut imported, mut refused) = (Vec::new(), 0, 0);
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy();
        match import_file(path, ArticleId(1)) {
            Ok(article) => {
                imported += 1;
                let expected = std::fs::read_to_string(format!("{}.txt", path.display()));
                match expected {
                    Ok(expected) => {
                        let f1 = lateral::eval::pages::word_f1(article.text(), &expected);
                        println!("{f1:.3}  {name}  ({} words)", article.word_count());
                        scores.push(f1);
                    }
                    Err(_) => println!("  -    {name}  ({} words)", article.word_count()),
                }
            }
            Err(error) => {
                refused += 1;
                println!("refused {name}: {error}");
            }
        }
    }
    let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
    println!(
        "{} PDFs: {imported} imported, {refused} refused; word F1 against PDFBox on {}: mean {mean:.3}",
        paths.len(),
        scores.len()
    );
}

/// A one-page PDF whose page draws a grey square and has no text, as a scan without OCR
/// looks to a text reader. Offsets in the cross-reference table are computed, so it is a
/// well-formed file.
pub(super) fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"
            .to_owned(),
        {
            let stream = "0.5 g 100 100 395 640 re f";
            format!(
                "<< /Length {} >>\nstream\n{stream}\nendstream",
                stream.len()
            )
        },
    ];
    let mut bytes = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        offsets.push(bytes.len());
        bytes.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", n + 1).as_bytes());
    }
    let xref = bytes.len();
    bytes.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        bytes.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    bytes.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    bytes
}

#[test]
fn a_pdf_without_text_gets_the_ocr_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, pdf_without_text()).unwrap();
    let message = import_file(&path, ArticleId(1)).unwrap_err().to_string();
    assert!(message.contains("scan.pdf"), "{message}");
    assert!(message.contains("probably a scan"), "{message}");
    assert!(message.contains("OCR"), "{message}");
}
