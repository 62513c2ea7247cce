//! The `.qdpx` importer on what other tools write: MAXQDA, ATLAS.ti and `QualCoder` layouts,
//! their line-end conventions, and real exports kept outside the repository.

use crate::export::qdpx::zip_of;
use lateral::export::import_qdpx;

/// Reproduces what other tools write (no sample of theirs with codings could be shipped):
/// MAXQDA 24's `project.qde` (`bedingjd/paper_themes`): upper-case GUIDs, `xsi:schemaLocation`,
/// nested codes with descriptions, `plainTextPath="internal://GUID.txt"`, `Sets`; `QualCoder`'s
/// export: selections named "pos0,pos1", memos as `Notes` with `NoteRef`; and quirks: a text
/// with a byte-order mark and CRLF line ends (positions count the CR), a source whose text is
/// inline, a source whose file is missing, a PDF source, a coding of a whole source, `#rgb`.
#[test]
fn imports_other_tools_quirks() {
    let qde = r##"<?xml version="1.0" encoding="utf-8"?>
<Project xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:QDA-XML:project:1.0" origin="MAXQDA 24 (Release 24.7.0)" name="Themen" modifiedDateTime="2025-07-14T18:42:34Z">
 <Users><User guid="F3EA8DA1-BB99-411F-8ED4-011170237B6C" name="johnb"/></Users>
 <CodeBook><Codes>
  <Code color="#ef8256" guid="C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90" name="Themes" isCodable="true">
   <Description>Parent &amp; category</Description>
   <Code color="#e82" guid="C6C1BE73-B4F4-4C2D-91F1-90B73BFC5C25" name="THEME - Affordances" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="C5E4C960-5296-4FDE-8C63-DEABA4E17F92" name="ICLS 2024 3-10" plainTextPath="internal://C5E4C960-5296-4FDE-8C63-DEABA4E17F92.txt" creatingUser="F3EA8DA1-BB99-411F-8ED4-011170237B6C" creationDateTime="2024-10-18T23:23:46Z">
   <PlainTextSelection guid="0D5E6F7A-0000-4000-8000-000000000001" name="8,18" startPosition="8" endPosition="18" creatingUser="F3EA8DA1-BB99-411F-8ED4-011170237B6C" creationDateTime="2024-10-19T10:00:00">
    <Coding guid="0D5E6F7A-0000-4000-8000-000000000002" creatingUser="F3EA8DA1-BB99-411F-8ED4-011170237B6C"><CodeRef targetGUID="C6C1BE73-B4F4-4C2D-91F1-90B73BFC5C25"/></Coding>
    <NoteRef targetGUID="0D5E6F7A-0000-4000-8000-000000000003"/>
   </PlainTextSelection>
   <PlainTextSelection guid="0D5E6F7A-0000-4000-8000-000000000004" startPosition="5" endPosition="999"><Coding guid="0D5E6F7A-0000-4000-8000-000000000005"><CodeRef targetGUID="C6C1BE73-B4F4-4C2D-91F1-90B73BFC5C25"/></Coding></PlainTextSelection>
   <Coding guid="0D5E6F7A-0000-4000-8000-000000000006"><CodeRef targetGUID="C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90"/></Coding>
  </TextSource>
  <TextSource guid="7391D47A-323D-4291-8202-ED599C250828" name="Inline">
   <PlainTextContent>Größe &amp; Maß</PlainTextContent>
   <PlainTextSelection guid="0D5E6F7A-0000-4000-8000-000000000007" startPosition="8" endPosition="11"><Coding guid="0D5E6F7A-0000-4000-8000-000000000008"><CodeRef targetGUID="C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90"/></Coding></PlainTextSelection>
  </TextSource>
  <TextSource guid="6D0B5D8D-C3FA-492F-92C7-AABEF30CE82A" name="Lost" plainTextPath="internal://6D0B5D8D-C3FA-492F-92C7-AABEF30CE82A.txt"/>
  <PDFSource guid="07B03AB2-5E9B-4708-9D6F-ED80C1513BAE" name="Paper" path="internal://07B03AB2-5E9B-4708-9D6F-ED80C1513BAE.pdf"/>
 </Sources>
 <Notes><Note guid="0D5E6F7A-0000-4000-8000-000000000003" name="Memo"><PlainTextContent>wichtig</PlainTextContent></Note></Notes>
 <Sets><Set guid="0D5E6F7A-0000-4000-8000-000000000009" name="S"><MemberSource targetGUID="C5E4C960-5296-4FDE-8C63-DEABA4E17F92"/></Set></Sets>
</Project>
"##;
    let text = "\u{feff}Line 1\r\nLine 2 über\r\nEnd";
    let archive = zip_of(&[
        ("project.qde", qde.as_bytes()),
        (
            "sources/C5E4C960-5296-4FDE-8C63-DEABA4E17F92.txt",
            text.as_bytes(),
        ),
        (
            "sources/07B03AB2-5E9B-4708-9D6F-ED80C1513BAE.pdf",
            b"%PDF-1.4",
        ),
    ]);
    let import = import_qdpx(&archive).unwrap();
    let project = &import.project;
    assert_eq!(project.title(), "Themen");
    let names: Vec<&str> = project.tags().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Themes", "THEME - Affordances"]);
    assert_eq!(project.tags()[1].colour.to_hex(), "#ee8822");
    assert_eq!(project.tags()[0].description, "Parent & category");
    assert_eq!(
        project.articles().len(),
        2,
        "the source without text is skipped"
    );
    assert_eq!(project.articles()[0].text(), "Line 1\nLine 2 über\nEnd");
    let annotations = project.annotations();
    assert_eq!(annotations.len(), 2);
    assert_eq!(
        annotations[0].quote, "Line 2 übe",
        "characters 8..18 of the CRLF text"
    );
    assert_eq!(annotations[0].annotator, "johnb");
    assert_eq!(annotations[0].note, "wichtig");
    assert_eq!(annotations[0].created.to_string(), "2024-10-19T10:00:00Z");
    assert_eq!(annotations[1].quote, "Maß");
    let warnings = import.warnings.join("\n");
    for expected in ["does not fit", "Lost", "Paper", "whole source"] {
        assert!(
            warnings.contains(expected),
            "no warning about {expected}: {warnings}"
        );
    }
}

/// ATLAS.ti's layout (documented by a team that exchanges ATLAS.ti 2023 exports, a Portuguese data-model
/// description of such exports): codes directly under `CodeBook` without `Codes`, memos stored as
/// files (`Note plainTextPath="internal://note1.txt"`) and referenced from a coding, sources
/// named `source1.txt`, a `richTextPath` beside the plain text, two users coding one selection.
#[test]
fn imports_atlas_ti_layout() {
    let qde = r##"<?xml version="1.0" encoding="utf-8"?>
<Project origin="ATLAS.ti" name="GPP" xmlns="urn:QDA-XML:project:1.0">
 <Users><User guid="B27E9088-0000-4000-8000-000000000001" name="Ana"/><User guid="C4E79FCB-0000-4000-8000-000000000002" name="Bia"/></Users>
 <CodeBook>
  <Code guid="0050AEC3-0000-4000-8000-000000000001" name="Código 1" isCodable="true" color="#FF0000"/>
  <Code guid="A680AEC3-0000-4000-8000-000000000002" name="Código 2" isCodable="true"/>
 </CodeBook>
 <Sources>
  <TextSource guid="91575042-0000-4000-8000-000000000001" name="Entrevista" plainTextPath="internal://source1.txt" richTextPath="internal://source1.docx">
   <PlainTextSelection guid="91575042-0000-4000-8000-000000000002" name="snippet" startPosition="0" endPosition="4">
    <Coding guid="8F2E7E5A-0000-4000-8000-000000000001" creatingUser="B27E9088-0000-4000-8000-000000000001" creationDateTime="2023-05-01T10:00:00Z"><CodeRef targetGUID="0050AEC3-0000-4000-8000-000000000001"/><NoteRef targetGUID="04EA5FEE-0000-4000-8000-000000000001"/></Coding>
    <Coding guid="851E492C-0000-4000-8000-000000000002" creatingUser="C4E79FCB-0000-4000-8000-000000000002" creationDateTime="2023-05-02T10:00:00Z"><CodeRef targetGUID="A680AEC3-0000-4000-8000-000000000002"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
 <Notes><Note guid="04EA5FEE-0000-4000-8000-000000000001" name="IT24" plainTextPath="internal://note1.txt"/></Notes>
</Project>"##;
    let archive = zip_of(&[
        ("project.qde", qde.as_bytes()),
        ("sources/source1.txt", "Olá, mundo".as_bytes()),
        ("sources/source1.docx", b"PK"),
        ("sources/note1.txt", "memo de Ana".as_bytes()),
    ]);
    let import = import_qdpx(&archive).unwrap();
    let project = &import.project;
    assert_eq!(project.tags().len(), 2);
    assert_eq!(project.tags()[0].colour.to_hex(), "#ff0000");
    let annotations = project.annotations();
    assert_eq!(annotations.len(), 2, "one annotation per coding");
    assert_eq!(
        (
            annotations[0].quote.as_str(),
            annotations[0].annotator.as_str()
        ),
        ("Olá,", "Ana")
    );
    assert_eq!(annotations[0].note, "memo de Ana");
    assert_eq!(
        (annotations[1].annotator.as_str(), annotations[1].tag_id),
        ("Bia", project.tags()[1].id)
    );
}

/// Windows line ends: ATLAS.ti writes CRLF source files but counts each line end once
/// (`QualCoder`'s importer special-cases it by `origin`); a `QualCoder` export names each
/// selection by its text, which decides the reading whatever the origin says.
#[test]
fn reads_line_ends_as_each_tool_counts_them() {
    let text = "Erste Zeile\r\nZweite Zeile\r\nDritte Zeile";
    let qde = |origin: &str, start: usize, end: usize, name: &str| {
        format!(
            r#"<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}">
 <CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="c" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="00000000-0000-4000-8000-000000000002" name="s" plainTextPath="internal://s.txt">
  <PlainTextSelection guid="00000000-0000-4000-8000-000000000003" name="{name}" startPosition="{start}" endPosition="{end}">
   <Coding guid="00000000-0000-4000-8000-000000000004"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>
  </PlainTextSelection></TextSource></Sources></Project>"#
        )
    };
    let quote_of = |qde: String| {
        let archive = zip_of(&[
            ("project.qde", qde.as_bytes()),
            ("sources/s.txt", text.as_bytes()),
        ]);
        let import = import_qdpx(&archive).unwrap();
        import.project.annotations()[0].quote.clone()
    };
    // "Dritte" starts at character 27 counting CRLF twice, 25 counting it once.
    assert_eq!(quote_of(qde("ATLAS.ti 23.4.0", 25, 31, "")), "Dritte");
    assert_eq!(quote_of(qde("MAXQDA 24", 27, 33, "")), "Dritte");
    assert_eq!(
        quote_of(qde("NVivo 14", 25, 31, "Dritte")),
        "Dritte",
        "the name decides"
    );
    assert_eq!(
        quote_of(qde("ATLAS.ti 23.4.0", 27, 33, "Dritte")),
        "Dritte",
        "the name decides"
    );
}

/// Runs the importer on real exports of other tools kept outside the repository (see
/// `BENCHMARKS.md` for where they come from): every `.qdpx` in `$LATERAL_REAL_QDPX_DIR` and its
/// subfolders. Every passage must be the text the tool's own positions select: for `NVivo`,
/// UTF-16 code units over the stored text (CRLF two, BOM not counted), checked here
/// independently of the importer; and at least 97 % of passages must lie on word edges.
#[test]
fn imports_real_exports_if_provided() {
    let Some(dir) = std::env::var_os("LATERAL_REAL_QDPX_DIR") else {
        println!("notice: LATERAL_REAL_QDPX_DIR is not set; real-file import skipped");
        return;
    };
    let mut paths = Vec::new();
    let mut folders = vec![std::path::PathBuf::from(dir)];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "qdpx") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap();
        let import = import_qdpx(&bytes).unwrap();
        let (edges, selections): (usize, usize) = import
            .readings
            .iter()
            .map(|r| (r.num_on_word_edges, r.num_selections))
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
        println!(
            "{}: {} articles, {} tags, {} annotations, {edges} of {selections} passages on word edges, {} warnings",
            path.display(),
            import.project.articles().len(),
            import.project.tags().len(),
            import.project.annotations().len(),
            import.warnings.len()
        );
        for reading in &import.readings {
            println!("  {}", reading.describe());
        }
        assert!(edges * 100 >= selections * 97, "{}", path.display());
        if let Some(expected) = nvivo_quotes(&bytes) {
            let quotes: Vec<&str> = import
                .project
                .annotations()
                .iter()
                .map(|a| a.quote.as_str())
                .collect();
            // Annotations stand in reading order, NVivo's selections in the file's order:
            // compare them as sorted lists.
            let mut quotes = quotes;
            let mut expected = expected;
            quotes.sort_unstable();
            expected.sort_unstable();
            assert_eq!(quotes.len(), expected.len(), "{}", path.display());
            let num_equal = quotes
                .iter()
                .zip(&expected)
                .filter(|(q, e)| **q == e.as_str())
                .count();
            println!(
                "  {num_equal} of {} passages equal NVivo's text",
                expected.len()
            );
            assert_eq!(num_equal, expected.len(), "{}", path.display());
        }
    }
}

/// For an `NVivo` export: the text of every coding, sliced in UTF-16 code units from its
/// source as stored (BOM removed, CRLF kept), with line ends then normalised as Lateral does.
fn nvivo_quotes(qdpx: &[u8]) -> Option<Vec<String>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(qdpx)).unwrap();
    let mut qde = String::new();
    zip.by_name("project.qde")
        .unwrap()
        .read_to_string(&mut qde)
        .unwrap();
    let origin = attribute(&qde, "<Project", "origin")?;
    if !origin.contains("NVivo") {
        return None;
    }
    let mut quotes = Vec::new();
    let mut units: Vec<u16> = Vec::new();
    for piece in qde.split('<').skip(1) {
        if piece.starts_with("TextSource ") {
            let path = attribute(&format!("<{piece}"), "<TextSource", "plainTextPath")?;
            let file = path.trim_start_matches("internal://").to_owned();
            let name = (0..zip.len())
                .map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned())
                .find(|n| n.ends_with(&file))?;
            let mut text = String::new();
            zip.by_name(&name)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            units = text.trim_start_matches('\u{feff}').encode_utf16().collect();
        } else if piece.starts_with("PlainTextSelection ") {
            let tag = format!("<{piece}");
            let start: usize = attribute(&tag, "<PlainTextSelection", "startPosition")?
                .parse()
                .ok()?;
            let end: usize = attribute(&tag, "<PlainTextSelection", "endPosition")?
                .parse()
                .ok()?;
            let quote = String::from_utf16(&units[start..end]).unwrap();
            quotes.push(quote.replace("\r\n", "\n").replace('\r', "\n"));
        }
    }
    Some(quotes)
}

/// The value of `name` in the first element starting with `element` in `xml`.
fn attribute(xml: &str, element: &str, name: &str) -> Option<String> {
    let start = xml.find(element)?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let key = format!(" {name}=\"");
    let value_start = tag.find(&key)? + key.len();
    let value_end = value_start + tag[value_start..].find('"')?;
    Some(tag[value_start..value_end].to_owned())
}
