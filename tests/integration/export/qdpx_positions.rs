//! REFI-QDA positions in the unit each tool counts: `NVivo`'s UTF-16 code units over the text
//! as stored, code points for `QualCoder` and Lateral, the word-edge check, and the real
//! `NVivo` exports kept outside the repository (`$LATERAL_REAL_QDPX_DIR`).

use crate::export::qdpx::zip_of;
use lateral::export::{
    ExportFilter, ExportFormat, ExportOptions, PositionUnit, QdpxError, QdpxLimits, export,
    import_qdpx, import_qdpx_with_limits,
};
use lateral::model::{Annotation, AnnotationId, Article, ArticleId, ArticleMeta, Edit, Project};
use lateral::text::Span;

/// A one-source project whose selections are `(start, end)` in the given unit.
#[allow(clippy::format_collect, reason = "a test fixture")]
fn qde(origin: &str, selections: &[(usize, usize)]) -> String {
    let selections: String = selections
        .iter()
        .enumerate()
        .map(|(n, (start, end))| {
            format!(
                r#"<PlainTextSelection guid="00000000-0000-4000-8000-1{n:011}" name="" startPosition="{start}" endPosition="{end}"><Coding guid="00000000-0000-4000-8000-2{n:011}"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}">
 <CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="c" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="00000000-0000-4000-8000-000000000002" name="comments" plainTextPath="internal://s.txt">{selections}</TextSource></Sources></Project>"#
    )
}

/// Offsets of `word` in `text` counted in UTF-16 code units and in code points.
fn units_of(text: &str, word: &str) -> ((usize, usize), (usize, usize)) {
    let byte = text.find(word).unwrap();
    let utf16 = text[..byte].encode_utf16().count();
    let points = text[..byte].chars().count();
    let len16 = word.encode_utf16().count();
    let len = word.chars().count();
    ((utf16, utf16 + len16), (points, points + len))
}

const COMMENTS: &str = "\u{feff}video_id\r\ncomment_text\r\nSzuper 😀😀 👍\r\nOltás? 🙄 Soha.\r\nKöszönöm 🙏 mindenkinek\r\n";

#[test]
fn nvivo_positions_count_utf16_units_over_the_stored_text() {
    let text = COMMENTS.trim_start_matches('\u{feff}');
    let words = ["Soha", "mindenkinek", "Szuper", "Köszönöm"];
    let utf16: Vec<(usize, usize)> = words.iter().map(|w| units_of(text, w).0).collect();
    let archive = zip_of(&[
        (
            "project.qde",
            qde("NVivo for Windows 12.6", &utf16).as_bytes(),
        ),
        ("sources/s.txt", COMMENTS.as_bytes()),
    ]);
    let import = import_qdpx(&archive).unwrap();
    let quotes: Vec<&str> = import
        .project
        .annotations()
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    // Annotations stand in reading order; the selections were written in another.
    let (mut quotes, mut words) = (quotes, words.to_vec());
    quotes.sort_unstable();
    words.sort_unstable();
    assert_eq!(quotes, words);
    let reading = &import.readings[0];
    assert_eq!(reading.reading.unit, PositionUnit::Utf16);
    assert_eq!((reading.num_on_word_edges, reading.num_selections), (4, 4));
    assert!(
        reading.describe().contains("UTF-16"),
        "{}",
        reading.describe()
    );
    assert!(import.warnings.is_empty(), "{:?}", import.warnings);
}

#[test]
fn qualcoder_code_points_still_read_right() {
    let text = COMMENTS.trim_start_matches('\u{feff}');
    let words = ["Soha", "mindenkinek", "Szuper", "Köszönöm"];
    let points: Vec<(usize, usize)> = words.iter().map(|w| units_of(text, w).1).collect();
    for origin in ["QualCoder 3.6", "NVivo 14"] {
        let archive = zip_of(&[
            ("project.qde", qde(origin, &points).as_bytes()),
            ("sources/s.txt", COMMENTS.as_bytes()),
        ]);
        let import = import_qdpx(&archive).unwrap();
        let quotes: Vec<&str> = import
            .project
            .annotations()
            .iter()
            .map(|a| a.quote.as_str())
            .collect();
        let (mut quotes, mut words) = (quotes, words.to_vec());
        quotes.sort_unstable();
        words.sort_unstable();
        assert_eq!(quotes, words, "{origin}");
        assert_eq!(import.readings[0].reading.unit, PositionUnit::CodePoints);
    }
}

#[test]
fn passages_off_word_edges_are_warned_about() {
    let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    let inside_words = [(1, 3), (7, 9), (12, 14), (18, 20), (24, 27), (32, 34)];
    let archive = zip_of(&[
        ("project.qde", qde("MAXQDA 24", &inside_words).as_bytes()),
        ("sources/s.txt", text.as_bytes()),
    ]);
    let import = import_qdpx(&archive).unwrap();
    let warnings = import.warnings.join("\n");
    assert!(
        warnings.contains("\"comments\": only 0 of 6 passages start and end on word edges"),
        "{warnings}"
    );
}

/// Our own export: positions in characters (code points) of the text as written, read back
/// as such even with emoji before every passage.
#[test]
fn own_export_with_emoji_round_trips() {
    let text = "😀 Erste 🙏 Zahl: 5,5 Milliarden 👍 laut Studie 🙄 Ende";
    let mut project = Project::new("Emoji");
    let article = Article::new(
        ArticleId(1),
        ArticleMeta {
            title: "Kommentare".into(),
            ..ArticleMeta::default()
        },
        text.into(),
        lateral::model::ImportReport::default(),
    );
    project
        .apply(Edit::AddArticle {
            article: Box::new(article),
            index: None,
        })
        .unwrap();
    let tag_id = project.tags()[0].id;
    for (n, word) in ["Zahl", "5,5 Milliarden", "laut Studie", "Ende"]
        .iter()
        .enumerate()
    {
        let start = text.find(word).unwrap();
        let span = Span::new(start, start + word.len());
        let annotation =
            Annotation::of_span(AnnotationId(n as u64 + 1), ArticleId(1), text, span, tag_id)
                .unwrap();
        project
            .apply(Edit::AddAnnotation {
                annotation,
                index: None,
            })
            .unwrap();
    }
    let qdpx = export(
        &project,
        ExportFormat::Qdpx,
        &ExportFilter::default(),
        ExportOptions::default(),
    )
    .unwrap();
    let import = import_qdpx(&qdpx).unwrap();
    let quotes: Vec<&str> = import
        .project
        .annotations()
        .iter()
        .map(|a| a.quote.as_str())
        .collect();
    assert_eq!(quotes, ["Zahl", "5,5 Milliarden", "laut Studie", "Ende"]);
    assert_eq!(import.readings[0].reading.unit, PositionUnit::CodePoints);
    // The positions written, as the standard counts them (characters, not UTF-16 units and
    // not bytes): "Zahl" starts after "😀 Erste 🙏 ", ten characters (twelve UTF-16 units).
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&qdpx)).unwrap();
    let mut qde = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("project.qde").unwrap(), &mut qde).unwrap();
    for (word, start) in [("Zahl", 10), ("Ende", text.chars().count() - 4)] {
        let end = start + word.chars().count();
        assert!(
            qde.contains(&format!("startPosition=\"{start}\" endPosition=\"{end}\"")),
            "{word} at {start}..{end}:\n{qde}"
        );
    }
}

#[test]
fn codes_differing_in_case_do_not_sink_the_import() {
    let qde = r#"<Project xmlns="urn:QDA-XML:project:1.0" name="p">
 <CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="Claim" isCodable="true"/><Code guid="00000000-0000-4000-8000-000000000002" name="claim" isCodable="true"/><Code guid="00000000-0000-4000-8000-000000000003" name="claim " isCodable="true"/></Codes></CodeBook></Project>"#;
    let import = import_qdpx(&zip_of(&[("project.qde", qde.as_bytes())])).unwrap();
    let names: Vec<&str> = import
        .project
        .tags()
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Claim", "claim (2)", "claim (3)"]);
    assert_eq!(import.warnings.len(), 2, "{:?}", import.warnings);
    assert!(import.warnings[0].contains("\"claim (2)\""));
}

#[test]
fn utf16_project_qde_is_read() {
    let xml = qde("NVivo 12", &[(0, 5)]).replace("utf-8", "utf-16");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(xml.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let archive = zip_of(&[("project.qde", &utf16), ("sources/s.txt", b"Hallo Welt")]);
    let import = import_qdpx(&archive).unwrap();
    assert_eq!(import.project.annotations()[0].quote, "Hallo");
    let garbage = zip_of(&[("project.qde", b"<Project name=\"\xff\xfe\"/>")]);
    assert!(matches!(
        import_qdpx(&garbage),
        Err(QdpxError::Encoding { .. })
    ));
}

#[test]
fn non_utf8_sources_are_flagged_not_silently_replaced() {
    let archive = zip_of(&[
        ("project.qde", qde("MAXQDA 24", &[(0, 3)]).as_bytes()),
        ("sources/s.txt", b"f\xfcr alle"),
    ]);
    let import = import_qdpx(&archive).unwrap();
    let warnings = import.warnings.join("\n");
    assert!(warnings.contains("1 byte sequences"), "{warnings}");
    assert_eq!(import.project.articles()[0].import.replacement_chars, 1);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("für alle".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let archive = zip_of(&[
        ("project.qde", qde("MAXQDA 24", &[(0, 3)]).as_bytes()),
        ("sources/s.txt", &utf16),
    ]);
    let import = import_qdpx(&archive).unwrap();
    assert_eq!(import.project.annotations()[0].quote, "für");
    assert_eq!(import.project.articles()[0].import.encoding, "UTF-16LE");
}

/// A bomb is refused from the sizes its directory declares, before anything is inflated.
#[test]
fn expanding_archives_are_refused_before_inflating() {
    let big = vec![b' '; 3_000];
    let archive = zip_of(&[
        ("project.qde", b"<Project name=\"x\"/>"),
        ("sources/a.txt", &big),
        ("sources/b.txt", &big),
    ]);
    let limits = QdpxLimits {
        max_total_bytes: 5_000,
        ..QdpxLimits::default()
    };
    let error = import_qdpx_with_limits(&archive, limits).unwrap_err();
    assert!(error.to_string().contains("5000 bytes"), "{error}");
    assert!(QdpxLimits::default().max_entry_bytes <= 20 * 1024 * 1024);
}
